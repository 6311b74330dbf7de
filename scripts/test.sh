#!/usr/bin/env bash
# Runs every test: unit, integration (the real AppHost through Aspire.Hosting.Testing, with real Redis and RabbitMQ), the
# TypeScript client's (Vitest) and browser (Debian's chromium, on Aspire's dashboard and the demo dashboard).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-prerequisites.sh --for-tests
scripts/install-web-packages.sh
dotnet build WidgetPlatform.sln --configuration Release
# The TypeScript client, after the build: it rewrote clients/typescript/openapi/gateway.json, which the client's types
# must still match.
(cd clients/typescript && npm test)
# The log is repeated at the end for what failed, so that a CI log's tail names the failing tests and their messages.
mkdir -p artifacts
log=artifacts/test-output.log
# One test project at a time (-m:1): the integration and browser suites each start whole platforms, and side by side on
# two cores they starved Redis past the services' 1 s timeout, which the tests then saw as bypassed answers.
if ! dotnet test WidgetPlatform.sln --configuration Release --no-build -m:1 --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log"; then
  echo
  echo "=== Failed tests ==="
  awk '/^[[:space:]]+Failed [A-Za-z]/ { show = 1 } /^[[:space:]]+Stack Trace:/ { show = 0 } show' "$log"
  exit 1
fi
