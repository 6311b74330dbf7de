#!/usr/bin/env bash
# The gateway's hot functions (query parse, canonical filter, key, ETag, entry render/read, token check) under
# BenchmarkDotNet, in-process, with allocations per call. Prints BenchmarkDotNet's table and writes its JSON reports to
# bench/micro/results/. Arguments go to BenchmarkDotNet (e.g. --filter '*Entry*'; every benchmark without one);
# --quick runs each benchmark once (what CI runs, so the project never rots; its figures mean nothing).
set -euo pipefail
cd "$(dirname "$0")/.."
options=(--inProcess --exporters json --artifacts bench/micro)
if [[ "${1:-}" == "--quick" ]]; then
  shift
  options+=(--job dry)
fi
if [[ " $* " != *" --filter "* ]]; then
  options+=(--filter '*')
fi
dotnet build tests/WidgetPlatform.MicroBenchmarks -c Release -nologo -v quiet
exec dotnet tests/WidgetPlatform.MicroBenchmarks/bin/Release/net10.0/WidgetPlatform.MicroBenchmarks.dll "${options[@]}" "$@"
