#!/usr/bin/env bash
# Checks that `lvae record` is deterministic: N recordings of one checkpoint with one seed must give the same frames,
# once through ffmpeg (compared by `ffmpeg -f framemd5`) and once with ffmpeg hidden from PATH (PNG sequences,
# compared byte for byte). Prints one line per kind and fails when any run differs from the first.
#
#   scripts/determinism.sh RUN_FOLDER [N]     # N defaults to 20
#
# Train a small RUN_FOLDER first, e.g. `lvae train --epochs 1 --train-limit 2048 --threads 1 --run-dir /tmp/run`.
# It runs a copy of the Release build, so rebuilding meanwhile cannot disturb it.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -lt 1 ]; then
  echo "usage: scripts/determinism.sh RUN_FOLDER [N]" >&2
  exit 2
fi
run="$(realpath "$1")"
runs="${2:-20}"
build=src/Host/bin/Release/net10.0
if [ ! -f "$build/lvae.dll" ]; then
  echo "determinism: no Release build in $build (dotnet build LvaeLive.sln -c Release)" >&2
  exit 2
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r "$build" "$work/lvae"
mkdir "$work/no-tools"
dotnet="$(command -v dotnet)"
export LP_NUM_THREADS=1

# record KIND INDEX PATH_VALUE: one recording into $work/KIND/INDEX.mp4 (or, without ffmpeg, INDEX-png/).
record() {
  mkdir -p "$work/$1"
  if ! PATH="$3" "$dotnet" "$work/lvae/lvae.dll" record --checkpoint "$run" --seconds 1 --fps 10 --size 320x240 --paths-seed 3 \
      --threads 1 --out "$work/$1/$2.mp4" >"$work/$1/$2.log" 2>&1; then
    echo "determinism: $1 run $2 failed:" >&2
    cat "$work/$1/$2.log" >&2
    exit 1
  fi
}

status=0
# compare KIND DESCRIPTION FINGERPRINT_COMMAND...: runs the command on each recording (with INDEX appended) and
# counts the runs whose fingerprint differs from the first.
compare() {
  local kind="$1" description="$2"
  shift 2
  "$@" 1 >"$work/$kind/first.txt"
  local frames differing=0
  frames=$(wc -l <"$work/$kind/first.txt")
  for i in $(seq 2 "$runs"); do
    "$@" "$i" | cmp -s - "$work/$kind/first.txt" || differing=$((differing + 1))
  done
  echo "determinism: $kind: $runs runs, $frames $description in the first, $differing differing from it"
  [ "$differing" -eq 0 ] || status=1
}

# The frames of a video, one MD5 each; the header names no file, so equal videos give equal text.
framemd5() { ffmpeg -v error -i "$work/mp4/$1.mp4" -f framemd5 - | grep -v '^#'; }
# The bytes of every PNG of a sequence, one checksum line per file (named relative to the sequence).
png_sums() { (cd "$work/png/$1-png" && sha256sum -- *.png); }

for i in $(seq 1 "$runs"); do record mp4 "$i" "$PATH"; done
compare mp4 "framemd5 lines" framemd5
for i in $(seq 1 "$runs"); do record png "$i" "$work/no-tools"; done
compare png "PNG files" png_sums
exit "$status"
