#!/usr/bin/env bash
# The main job: sets the machine up (scripts/setup.sh), then trains the Ladder VAE and shows it live (lvae live).
# Without a display it runs the same session headless and records it to recordings/ (stop with Ctrl+C; it saves).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
lvae=src/Host/bin/Release/net10.0/lvae
if [ -n "${DISPLAY:-}" ]; then
  exec "$lvae" live "$@"
fi
recording="recordings/live-$(date +%Y%m%d-%H%M%S).mp4"
echo "live: no display (DISPLAY is unset): running headless and recording to $recording; Ctrl+C stops and saves"
exec "$lvae" live --headless --record "$recording" "$@"
