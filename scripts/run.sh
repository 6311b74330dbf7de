#!/usr/bin/env bash
# Runs the whole platform: Redis, RabbitMQ, query, invalidation and warmer, with the dashboard on 127.0.0.1:18888.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-prerequisites.sh
exec dotnet run --project WidgetPlatform.AppHost -- "$@"
