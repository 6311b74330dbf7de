#!/usr/bin/env bash
# Runs the whole platform through its Aspire AppHost: Redis, RabbitMQ, query, invalidation, warmer and the demo dashboard
# (web), with the Aspire dashboard on 127.0.0.1:18888 (the login link is printed). Settings go after it: scripts/run.sh --WidgetPlatform:Replicas:query=2
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-prerequisites.sh
scripts/install-web-packages.sh
exec dotnet run --project WidgetPlatform.AppHost -- "$@"
