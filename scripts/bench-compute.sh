#!/usr/bin/env bash
# Cold widget computation on 10M AE rows: our engine and DuckDB side by side over the same Parquet files.
# Prints a table and writes bench/results-compute.json. Arguments go to the runner:
#   --rows N (default 10000000), --repeat N (default 5), --warmup N (unmeasured runs first, default 10), --threads N (default 2),
#   --case TEXT, --quick (200k rows).
# The data is generated once into $TMPDIR/widgetplatform-bench/ae-N and reused.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build tests/WidgetPlatform.Benchmarks -c Release -nologo -v quiet
exec dotnet tests/WidgetPlatform.Benchmarks/bin/Release/net10.0/WidgetPlatform.Benchmarks.dll --out bench/results-compute.json "$@"
