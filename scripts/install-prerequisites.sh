#!/usr/bin/env bash
# Installs the Debian packages the platform runs on (and, with --for-tests, the browser the tests drive),
# only when they are missing. Run as root on Debian 12.
set -euo pipefail

packages=(redis-server rabbitmq-server)
if [[ "${1:-}" == "--for-tests" ]]; then
  packages+=(chromium)
fi

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
