#!/usr/bin/env bash
# Runs every test: unit, integration (the real AppHost through Aspire.Hosting.Testing, with real Redis and RabbitMQ) and
# browser (Debian's chromium, on the Aspire dashboard too).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-prerequisites.sh --for-tests
dotnet build WidgetPlatform.sln --configuration Release
dotnet test WidgetPlatform.sln --configuration Release --no-build --logger "console;verbosity=normal" "$@"
