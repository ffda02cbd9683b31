#!/usr/bin/env bash
# The main job: sets the machine up (scripts/setup.sh), then trains the Ladder VAE on MNIST.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
exec src/Host/bin/Release/net10.0/lvae train "$@"
