#!/usr/bin/env bash
# Installs the Debian packages Attest needs when they are missing (libpcre2-dev, libxml2-dev,
# pcre2-utils for the benchmark baseline). Safe to run repeatedly.
set -euo pipefail
needed=()
for pkg in libpcre2-dev libxml2-dev pcre2-utils pkg-config "$@"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || needed+=("$pkg")
done
[ ${#needed[@]} -eq 0 ] && exit 0
echo "installing: ${needed[*]}" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${needed[@]}" >/dev/null
