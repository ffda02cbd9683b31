#!/usr/bin/env bash
# How long `scripts/live.sh --pretrained` takes to its first picture, under Xvfb: to the first non-black screen (the
# loading frame), and to the first useful one (the first non-black screen after lvae printed its first `state:` line,
# which comes just before its first frame of the model). Polls the screen every 0.25 s; prints both times.
#   scripts/first-picture.sh              (needs xvfb-run, xwd and ImageMagick's convert: scripts/setup.sh installs them)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${FIRST_PICTURE_INSIDE:-}" ]; then
  exec env FIRST_PICTURE_INSIDE=1 xvfb-run -a -s "-screen 0 1920x1080x24 -noreset" "$0" "$@"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
start=$(date +%s.%N)
scripts/live.sh --pretrained > "$work/live.log" 2>&1 &
pid=$!
first=""
for _ in $(seq 1 480); do
  sleep 0.25
  ready=$(grep -c "^state:" "$work/live.log" || true)
  mean=$(xwd -root 2>/dev/null | convert xwd:- -crop 1280x720+0+0 -format "%[fx:mean]" info: 2>/dev/null) || continue
  t=$(echo "$(date +%s.%N) - $start" | bc)
  dark=$(echo "$mean <= 0.02" | bc)
  if [ -z "$first" ] && [ "$dark" = 0 ]; then first=$t; echo "first-picture: first non-black screen after ${t} s"; fi
  if [ "$ready" -gt 0 ] && [ "$dark" = 0 ]; then echo "first-picture: first picture of the model after ${t} s"; break; fi
done
kill "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
grep -m1 "^setup:" "$work/live.log" || true
