#!/usr/bin/env bash
# Installs the Debian packages the platform runs on (and, with --for-tests, the browser the tests drive; with
# --for-bench, the load generators), only when they are missing. Run as root on Debian 12.
set -euo pipefail

packages=(redis-server rabbitmq-server)
case "${1:-}" in
  --for-tests) packages+=(chromium) ;;
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
