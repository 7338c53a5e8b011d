#!/usr/bin/env bash
# Installs the Debian packages Attest needs when they are missing (libpcre2-dev, libxml2-dev,
# pcre2-utils for the benchmark baseline). Safe to run repeatedly.
#   --browser  also try to install Chromium (the HTML report's screenshot and the test that hostile
#              corpus text cannot run script); when it cannot be installed this only warns, and the
#              browser test is skipped with a message.
set -euo pipefail
browser=0
args=()
for a in "$@"; do
  if [ "$a" = "--browser" ]; then browser=1; else args+=("$a"); fi
done
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
if [ "$browser" -eq 1 ] && ! bash "$(dirname "$0")/find-chromium.sh" >/dev/null; then
  echo "installing: chromium (optional)" >&2
  { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null; } \
    || echo "warning: chromium could not be installed; the headless browser test will be skipped" >&2
fi
needed=()
for pkg in libpcre2-dev libxml2-dev pcre2-utils pkg-config ${args[@]+"${args[@]}"}; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || needed+=("$pkg")
done
[ ${#needed[@]} -eq 0 ] && exit 0
echo "installing: ${needed[*]}" >&2
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${needed[@]}" >/dev/null
