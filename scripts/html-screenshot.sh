#!/usr/bin/env bash
# Renders an HTML report to a PNG with headless Chromium, to look at the page as a reader sees it.
#   scripts/html-screenshot.sh [REPORT.html] [OUT.png] [WIDTHxHEIGHT]
# Defaults: out/rare-earths.html (written by `make demo`), out/rare-earths.png, 1200x2400.
set -euo pipefail
cd "$(dirname "$0")/.."
REPORT=${1:-out/rare-earths.html}
PNG=${2:-${REPORT%.html}.png}
SIZE=${3:-1200x2400}
if ! BROWSER=$(bash scripts/find-chromium.sh); then
  echo "html-screenshot: no Chromium found; install Debian's 'chromium' package (scripts/install-deps.sh --browser)" >&2
  exit 1
fi
[ -f "$REPORT" ] || { echo "html-screenshot: $REPORT not found (run 'make demo' first)" >&2; exit 1; }
PROFILE=$(mktemp -d /tmp/attest-chromium-XXXXXX)
trap 'rm -rf "$PROFILE"' EXIT
# --no-sandbox: Chromium refuses to run as root with its sandbox. The page needs no network.
"$BROWSER" --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$PROFILE" \
  --window-size="${SIZE/x/,}" --screenshot="$(realpath -m "$PNG")" "file://$(realpath "$REPORT")" 2>/dev/null >/dev/null
[ -s "$PNG" ] || { echo "html-screenshot: Chromium wrote no image" >&2; exit 1; }
echo "screenshot of $REPORT: $PNG ($SIZE)"
