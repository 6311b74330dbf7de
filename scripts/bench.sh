#!/usr/bin/env bash
# Benchmarks of the whole platform against ceilings and peers measured in the same run (issue 7). Builds Release, runs the
# compute benchmark (cold_compute_*, our engine vs DuckDB) while the machine is otherwise idle, then starts the platform
# through the test host (real Redis and RabbitMQ, demo data) and runs the load scenarios. Prints a table and writes
# bench/results.json (git-ignored). The load generators share the machine with the servers; the output says so.
#   --quick    seconds of load and small data (CI: it checks the harness, never a number)
#   --medium   shorter than the full run (Zipf 30 s)
#   --no-compute   leave out the compute benchmark;  --only widget_hit,dashboard   run only those scenarios
#   (scale_out_hit starts a platform of the scale-out profile after the others: medium and full runs, or --only)
# Other engineers' builds are noise: look at the load average it prints first.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=() compute=1 passthrough=()
for argument in "$@"; do
  case "$argument" in
    --quick|--medium) mode=("$argument") ;;
    --no-compute) compute=0 ;;
    *) passthrough+=("$argument") ;;
  esac
done

scripts/install-prerequisites.sh --for-bench
# chromium and the demo dashboard's packages, for the browser scenario (browser_*).
scripts/install-prerequisites.sh --for-tests
scripts/install-web-packages.sh
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores before building"
# 20,000 client connections and as many server ones: both sides inherit this limit. Raising the hard limit needs
# CAP_SYS_RESOURCE (a container may lack it even as root); otherwise the soft limit goes up to the hard one and
# connections_20k runs with as many connections as fit.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
echo "open file limit $(ulimit -n)"

dotnet build tests/WidgetPlatform.LoadBenchmarks -c Release -nologo -v quiet

compute_status=0
compute_args=()
if (( compute )); then
  scripts/bench-compute.sh "${mode[@]}" || compute_status=$?
  compute_args=(--compute bench/results-compute.json)
fi

limit=$([[ "${mode[*]:-}" == "--quick" ]] && echo 600 || echo 5400)
# A service hung in shutdown must not hang the benchmark.
timeout -k 30 "$limit" dotnet tests/WidgetPlatform.LoadBenchmarks/bin/Release/net10.0/WidgetPlatform.LoadBenchmarks.dll \
  "${mode[@]}" "${compute_args[@]}" "${passthrough[@]}"
if (( compute_status != 0 )); then
  echo "the compute benchmark exited with $compute_status (its results disagreed with DuckDB's): see above." >&2
fi
exit "$compute_status"
