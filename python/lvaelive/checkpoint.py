"""LvaeLive's run folder as PyTorch reads and writes it: checkpoint.json (the model's shape block, the training options
and progress, the name and SHA-256 of the weights file) beside weights.safetensors. A folder written here opens in
`lvae live --checkpoint`, `lvae record`, `lvae eval` and `--race` as LvaeLive's own weights-only exports do, and
`lvae export --format safetensors` writes one that load() reads.

    python3 -m lvaelive.checkpoint SRC DST    # load SRC into PyTorch and write it again to DST"""
import argparse
import datetime
import hashlib
import json
import os
import sys

from . import safetensors
from .model import LvaeConfig, build

INDEX_FILE = "checkpoint.json"
WEIGHTS_FILE = "weights.safetensors"
FORMAT = 2  # LvaeLive's CheckpointInfo.CurrentFormat


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for chunk in iter(lambda: file.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest().upper()


def read_index(folder):
    path = os.path.join(folder, INDEX_FILE) if os.path.isdir(folder) else folder
    with open(path) as file:
        return json.load(file), os.path.dirname(os.path.abspath(path))


def load(folder):
    """(model, index) of a run folder whose weights are safetensors; the model is in eval mode."""
    index, run_folder = read_index(folder)
    config = LvaeConfig.from_json(index["model"])
    weights = os.path.join(run_folder, index["weightsFile"])
    if not weights.endswith(".safetensors"):
        raise safetensors.BadFile(f"{weights} is LvaeLive's own weights file; export it with `lvae export --format safetensors`")
    model = build(config)
    # Checked before the hash reads it through, as LvaeLive does: a file of another shape is named as such.
    tensors = safetensors.read(weights, model.state_dict(), source=os.path.join(run_folder, INDEX_FILE))
    if sha256(weights) != index["weightsSha256"].upper():
        raise safetensors.BadFile(f"{weights} is truncated or corrupted: its SHA-256 differs from the one in {INDEX_FILE}")
    model.load_state_dict(tensors, strict=True)
    return model.eval(), index


def save(folder, model, training, progress):
    """Writes weights.safetensors, then checkpoint.json naming it (each atomically, the index last), as a weights-only
    export: LvaeLive shows, evaluates and trains on from it, but does not resume it."""
    os.makedirs(folder, exist_ok=True)
    weights = os.path.join(folder, WEIGHTS_FILE)
    safetensors.write(weights, model.state_dict())
    index = {
        "format": FORMAT,
        "model": model.config.to_json(),
        "training": training,
        "progress": progress,
        "weightsFile": WEIGHTS_FILE,
        "weightsSha256": sha256(weights),
        "savedAt": datetime.datetime.now(datetime.timezone.utc).isoformat(),
        "weightsOnly": True,
    }
    temporary = os.path.join(folder, f".{INDEX_FILE}.{os.getpid()}.partial")
    with open(temporary, "w") as file:
        json.dump(index, file, indent=2)
        file.flush()
        os.fsync(file.fileno())
    os.replace(temporary, os.path.join(folder, INDEX_FILE))
    return index


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python3 -m lvaelive.checkpoint", description="Load a run folder into PyTorch and write it again.")
    parser.add_argument("source")
    parser.add_argument("destination")
    args = parser.parse_args(argv)
    try:
        model, index = load(args.source)
    except (safetensors.BadFile, ValueError, KeyError, OSError) as e:
        print(f"lvaelive: {e}", file=sys.stderr)
        return 2
    save(args.destination, model, index["training"], index["progress"])
    print(f"wrote {os.path.join(args.destination, WEIGHTS_FILE)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
