#!/usr/bin/env bash
# Prints the path of a headless-capable Chromium (Debian's `chromium`, or chromium-browser /
# google-chrome), or nothing with exit status 1 when none is installed.
for name in chromium chromium-browser google-chrome google-chrome-stable; do
  if command -v "$name" >/dev/null 2>&1; then command -v "$name"; exit 0; fi
done
exit 1
