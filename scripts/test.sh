#!/usr/bin/env bash
# Runs every test: unit, integration (real Redis and RabbitMQ started by the test host) and browser (Debian's chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-prerequisites.sh --for-tests
dotnet build WidgetPlatform.sln --configuration Release
dotnet test WidgetPlatform.sln --configuration Release --no-build --logger "console;verbosity=normal" "$@"
