#!/usr/bin/env bash
# Soak test of the main job: runs `lvae live --headless` with training for a while, then reports its resident memory
# and live-tensor count over time. Fails if lvae did not end cleanly, or if either grew by 5 % or more from minute 2
# to the end.
#
#   scripts/soak.sh                     # 30 minutes of the default model
#   scripts/soak.sh --small             # 30 minutes of a small, fast model that goes through hundreds of epochs
#   scripts/soak.sh --minutes 5 --small -- --fps-cap 60   # after --, more options for lvae live
#
# It runs a copy of the build, so rebuilding meanwhile cannot disturb it, and keeps its run folder and log in
# soak/NAME-TIME/ (the `health:` lines are in lvae.log).
set -euo pipefail
cd "$(dirname "$0")/.."

minutes=30
small=false
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) minutes="$2"; shift 2 ;;
    --small) small=true; shift ;;
    --) shift; extra=("$@"); break ;;
    *) echo "soak: unknown option $1 (use --minutes N, --small, then -- and options for lvae live)" >&2; exit 2 ;;
  esac
done

scripts/setup.sh
name=$([ "$small" = true ] && echo small || echo default)
out="soak/$name-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out"
cp -r src/Host/bin/Release/net10.0 "$out/lvae-build"
model=()
if [ "$small" = true ]; then
  model=(--layers 8,4,2 --hidden 64,32,16 --batch-size 64 --train-limit 2048 --epochs 100000)
fi
echo "soak: $minutes minutes of the $name model; log in $out/lvae.log"
status=0
LP_NUM_THREADS=1 "$out/lvae-build/lvae" live --headless --seconds "$((minutes * 60))" --threads 1 --fps-cap 30 --size 640x360 \
  --health-every 30 --run-dir "$out/run" "${model[@]}" "${extra[@]}" >"$out/lvae.log" 2>&1 || status=$?
rm -rf "$out/lvae-build"

grep '^health:' "$out/lvae.log" | awk -v code="$status" '
  { for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
    t = v["seconds"]; rss[NR] = v["rss_mib"]; tensors[NR] = v["live_tensors"]; secs[NR] = t
    printf "%6.1f min  rss %8.1f MiB  managed %7.1f MiB  live tensors %6d  epoch %s\n", t / 60, v["rss_mib"], v["managed_mib"], v["live_tensors"], v["epoch"] }
  END {
    for (i = 1; i <= NR && secs[i] < 120; i++) ;
    if (i > NR) { print "soak: the run ended before minute 2; nothing to compare"; exit 1 }
    rg = 100 * (rss[NR] - rss[i]) / rss[i]; tg = 100 * (tensors[NR] - tensors[i]) / tensors[i]
    printf "soak: from minute %.1f to %.1f: resident memory %+.1f %%, live tensors %+.1f %%; lvae exited with %d\n", secs[i] / 60, secs[NR] / 60, rg, tg, code
    exit (code != 0 || rg >= 5 || tg >= 5) }'
