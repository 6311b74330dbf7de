#!/usr/bin/env bash
# The fault suite (issue 18): starts the platform through the test host (real Redis and RabbitMQ, two gateway replicas),
# runs each scenario under read load, checks its history, prints a table and writes bench/reliability.json (git-ignored).
#   --quick          seconds per scenario (CI): proves the checks run and hold
#   --only a,b       those scenarios only (stale_reads, hostile_input, poison_messages,
#                    tenant_matrix, python_pipeline, redis_killed, redis_restored, services_killed,
#                    broker_killed, least_privilege; on a second platform of the scale-out profile, in
#                    full mode or when named: failover_gateway, failover_redis_primary, failover_broker_node)
#   --output path    elsewhere than bench/reliability.json
# Exits 1 when a check failed; a figure (stale reads at 25 ms, say) never fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-prerequisites.sh --for-tests
dotnet build tests/WidgetPlatform.FaultSuite -c Release -nologo -v quiet
exec dotnet tests/WidgetPlatform.FaultSuite/bin/Release/net10.0/WidgetPlatform.FaultSuite.dll "$@"
