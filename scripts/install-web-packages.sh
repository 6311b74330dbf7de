#!/usr/bin/env bash
# Installs the npm packages of the TypeScript client and the demo dashboard from their lockfiles (npm ci), when the
# lockfile changed since the last install. The client goes first: the demo dashboard installs a built copy of it.
set -euo pipefail
cd "$(dirname "$0")/.."

# npm ci records what it installed in node_modules/.package-lock.json: anything of $@ newer than that means a new install.
install() {
  local folder=$1 stamp=$1/node_modules/.package-lock.json
  shift
  if [[ ! -f "$stamp" ]] || [[ -n "$(find "$@" -newer "$stamp" -print -quit)" ]]; then
    (cd "$folder" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

install clients/typescript clients/typescript/package-lock.json
# The demo dashboard installs a copy of the client (install-links), built by its prepare script: a changed client is a
# new install there too.
install clients/demo-dashboard clients/demo-dashboard/package-lock.json clients/typescript/package.json clients/typescript/src
