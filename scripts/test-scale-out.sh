#!/usr/bin/env bash
# Runs the gateway, invalidation and freshness integration tests on the AppHost's scale-out profile (a Redis Cluster, a
# RabbitMQ cluster, three gateway replicas behind YARP, two of each other service: docs/operations.md), besides its own
# failover tests; the tests that stop or kill the one instance of a server (trait Profile=single) are left out. About 10
# minutes here.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-prerequisites.sh --for-tests
dotnet build tests/WidgetPlatform.IntegrationTests --configuration Release
WIDGETPLATFORM_TEST_PROFILE=scale-out dotnet test tests/WidgetPlatform.IntegrationTests --configuration Release --no-build \
  --filter "Profile!=single&(FullyQualifiedName~.ScaleOut.|FullyQualifiedName~.Gateway.|FullyQualifiedName~.Invalidation.|FullyQualifiedName~.Freshness.)" "$@"
