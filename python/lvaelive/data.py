"""MNIST from the four IDX files LvaeLive reads (plain or .gz), as grey levels in [0, 1], (N, 784)."""
import gzip
import os

import numpy as np
import torch

# LvaeLive's TestImages.BinarizationSeed: the test set is binarized once, by one Bernoulli draw from this seed.
TEST_BINARIZATION_SEED = 20160210


def _idx(folder, name):
    for candidate in (name, name + ".gz"):
        path = os.path.join(folder, candidate)
        if os.path.exists(path):
            with (gzip.open if candidate.endswith(".gz") else open)(path, "rb") as file:
                raw = file.read()
            dims = raw[3]
            shape = [int.from_bytes(raw[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
            return np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)
    raise FileNotFoundError(f"MNIST file {name} not found in {os.path.abspath(folder)}; run scripts/fetch-mnist.sh")


def grey_levels(folder, split):
    """split "train" or "t10k": (N, 784) float32 in [0, 1], as LvaeLive divides by 255."""
    images = _idx(folder, f"{split}-images-idx3-ubyte")
    return torch.from_numpy(images.reshape(len(images), -1).astype(np.float32)) / 255.0


def test_images(folder, likelihood):
    """The test set as LvaeLive's evaluation scores it: binarized by one draw from its seed, or grey levels."""
    grey = grey_levels(folder, "t10k")
    if likelihood == "Gaussian":
        return grey
    return torch.bernoulli(grey, generator=torch.Generator().manual_seed(TEST_BINARIZATION_SEED))
