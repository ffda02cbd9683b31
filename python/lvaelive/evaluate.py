"""The ELBO and the importance-weighted bound (Burda et al.; the paper's test measure) of a run folder on MNIST's test
images, as `lvae eval` computes them: the test set binarized by its fixed draw, the model in eval mode (batch norm's
running statistics), log p(x) ~ logmeanexp over k draws of log p(x, z) - log q(z | x), in chunks so that memory does
not grow with k.

    python3 -m lvaelive.evaluate --checkpoint DIR [--images 1000] [--iw-samples 100]
    python3 -m lvaelive.evaluate --checkpoint DIR --probe IN.safetensors --out OUT.safetensors

--probe scores given images with given noise (tensors "x" (B, 784) and "noise_N", the Nth draw the model asks for)
and writes the per-image ELBO and log-weight: what the cross-checks against LvaeLive compare."""
import argparse
import json
import math
import os
import sys

import torch

from . import checkpoint, data, safetensors
from .model import randn_draw

ROWS_PER_FORWARD = 5000  # (image, sample) rows in one forward pass, as LvaeLive's IwOptions
PAPER_IMAGES_PER_BATCH = 25


@torch.no_grad()
def importance_weighted(model, images, samples, seed=11):
    """Per image: (logmeanexp of the k log-weights, their mean: the 1-sample ELBO's estimate), in float64."""
    generator = torch.Generator().manual_seed(seed)
    draw = randn_draw(generator)
    batch = max(PAPER_IMAGES_PER_BATCH, ROWS_PER_FORWARD // samples)
    per_forward = max(1, min(samples, ROWS_PER_FORWARD // batch))
    bounds, means = [], []
    for start in range(0, len(images), batch):
        x = images[start:start + batch]
        log_sum = torch.full((len(x),), -math.inf, dtype=torch.float64)
        total = torch.zeros(len(x), dtype=torch.float64)
        for done in range(0, samples, per_forward):
            count = min(per_forward, samples - done)
            weights = model(x.repeat(count, 1), draw).log_weight().double().view(count, len(x))  # (count, B)
            log_sum = torch.logaddexp(log_sum, weights.logsumexp(0))
            total += weights.sum(0)
        bounds.append(log_sum - math.log(samples))
        means.append(total / samples)
    return torch.cat(bounds), torch.cat(means)


@torch.no_grad()
def probe(model, given):
    """The per-image ELBO and log-weight of given["x"] with the noise given["noise_0"], ["noise_1"], ... in turn."""
    noise = iter(given[f"noise_{i}"] for i in range(sum(1 for k in given if k.startswith("noise_"))))
    result = model(given["x"], lambda shape: next(noise))
    return {"elbo": result.elbo(), "log_weight": result.log_weight()}


def read_tensors(path):
    """Every tensor of a safetensors file that LvaeLive's tests wrote (no model to check it against)."""
    with open(path, "rb") as file:
        header = json.loads(file.read(int.from_bytes(file.read(8), "little")))
    header.pop("__metadata__", None)
    expected = {name: torch.empty(entry["shape"], dtype=safetensors.TORCH_DTYPES[entry["dtype"]]) for name, entry in header.items()}
    return safetensors.read(path, expected, source=path)


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python3 -m lvaelive.evaluate", description=__doc__.splitlines()[0])
    parser.add_argument("--checkpoint", required=True, help="run folder with checkpoint.json and weights.safetensors")
    parser.add_argument("--data", default="data/mnist", help="folder of MNIST's IDX files")
    parser.add_argument("--images", type=int, default=10000, help="the first N test images")
    parser.add_argument("--iw-samples", type=int, default=5000, help="k; the paper's 5000")
    parser.add_argument("--seed", type=int, default=11, help="the draws' seed")
    parser.add_argument("--probe", help="score the images and noise of this safetensors file instead (see above)")
    parser.add_argument("--out", help="with --probe: where the per-image results go")
    args = parser.parse_args(argv)
    try:
        model, index = checkpoint.load(args.checkpoint)
    except (safetensors.BadFile, ValueError, KeyError, OSError) as e:
        print(f"lvaelive: {e}", file=sys.stderr)
        return 2
    if args.probe:
        safetensors.write(args.out, probe(model, read_tensors(args.probe)))
        return 0
    images = data.test_images(args.data, model.config.likelihood)[:args.images]
    bound, elbo = importance_weighted(model, images, args.iw_samples, args.seed)
    print(json.dumps({"images": len(images), "iwSamples": args.iw_samples, "logLikelihood": bound.mean().item(),
                      "elbo": elbo.mean().item()}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
