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
# Enough epochs that training goes on for the whole soak, however fast this machine is (the default preset's 30 took
# 19 minutes here).
model=(--epochs 100000)
if [ "$small" = true ]; then
  model+=(--layers 8,4,2 --hidden 64,32,16 --batch-size 64 --train-limit 2048)
fi
echo "soak: $minutes minutes of the $name model; log in $out/lvae.log"
status=0
LP_NUM_THREADS=1 "$out/lvae-build/lvae" live --headless --seconds "$((minutes * 60))" --threads 1 --fps-cap 30 --size 640x360 \
  --health-every 30 --run-dir "$out/run" "${model[@]}" "${extra[@]}" >"$out/lvae.log" 2>&1 || status=$?
rm -rf "$out/lvae-build"

# Each end of the run is the median of its window, minutes 2 to 5 and the last 3 minutes, so that one line (a latent
# map being built, say) does not decide it.
grep '^health:' "$out/lvae.log" | awk -v code="$status" '
  function median(a, n,   i, j, t) {
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
  { for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
    secs[NR] = v["seconds"]; rss[NR] = v["rss_mib"]; tensors[NR] = v["live_tensors"]
    printf "%6.1f min  rss %8.1f MiB  managed %7.1f MiB  live tensors %6d  epoch %s\n", v["seconds"] / 60, v["rss_mib"], v["managed_mib"], v["live_tensors"], v["epoch"] }
  END {
    if (NR == 0 || secs[NR] < 360) { printf "soak: lvae exited with %d before minute 6; too short to compare\n", code; exit 1 }
    for (i = 1; i <= NR; i++) {
      if (secs[i] >= 120 && secs[i] < 300) { er[++e] = rss[i]; et[e] = tensors[i] }
      if (secs[i] > secs[NR] - 180) { lr[++l] = rss[i]; lt[l] = tensors[i] } }
    r0 = median(er, e); r1 = median(lr, l); t0 = median(et, e); t1 = median(lt, l)
    rg = 100 * (r1 - r0) / r0; tg = 100 * (t1 - t0) / t0
    printf "soak: minutes 2-5 against the last 3: resident memory %.1f -> %.1f MiB (%+.1f %%), live tensors %d -> %d (%+.1f %%); lvae exited with %d\n", r0, r1, rg, t0, t1, tg, code
    exit (code != 0 || rg >= 5 || tg >= 5) }'
