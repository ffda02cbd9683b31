"""Trains an LVAE or VAE of LvaeLive's family, on one process or under torchrun, and writes a run folder that LvaeLive
opens (checkpoint.json + weights.safetensors, with metrics.jsonl for its curves):

    python3 -m lvaelive.train --out runs/py-lvae --epochs 30
    torchrun --standalone --nproc_per_node 4 -m lvaelive.train --out runs/big --epochs 2000 --batch-size 1024

The recipe is LvaeLive's `lvae train`: each epoch the training images re-binarized by one Bernoulli draw and shuffled,
the ELBO with its KL scaled by beta rising linearly over the warm-up epochs (optionally with free bits), Adam with a
total-norm gradient clip, the learning rate on the same schedules. Under torchrun every rank builds the same epoch
and draws the same noise for the whole global batch, and takes its own contiguous slice of rows: DistributedDataParallel
then averages the ranks' gradients into the global batch's gradient, so N processes take the steps that one process
takes on the same global batch (batch norm aside: each rank normalises over its own rows unless --sync-batch-norm,
which needs GPUs). Backend: NCCL on GPUs, gloo on CPUs."""
import argparse
import json
import math
import os
import sys
import time

import torch
import torch.distributed as dist
from torch.nn.parallel import DistributedDataParallel

from . import checkpoint, data
from .model import LvaeConfig, build

# Seeds derived from --seed for the data (binarization and order), the posterior noise and the initial weights.
DATA_SEED, NOISE_SEED, WEIGHTS_SEED = 1, 2, 3


def learning_rate_at(epoch, options):
    """LvaeLive's TrainOptions.LearningRateAt: constant, exponential decay per epoch, or a cosine down to a floor."""
    done = max(0, epoch - options["scheduleStartEpoch"])
    base, schedule = options["learningRate"], options["learningRateSchedule"]
    if schedule == "Exponential":
        return base * options["learningRateDecay"] ** done
    if schedule == "Cosine":
        floor = options["learningRateFloor"]
        t = min(1.0, done / (options["epochs"] - options["scheduleStartEpoch"]))
        return base * (floor + (1 - floor) * (1 + math.cos(math.pi * t)) / 2)
    return base


class GlobalBatchNoise:
    """Standard normal noise drawn for the global batch, of which this rank keeps its own rows: every rank draws the
    same numbers from one seed, so a sample's noise does not depend on how many processes share the batch."""

    def __init__(self, seed, rank, world, device):
        self.generator = torch.Generator(device=device).manual_seed(seed)
        self.rank, self.world, self.device = rank, world, device

    def __call__(self, shape):
        rows = shape[0]
        full = torch.randn((rows * self.world, *shape[1:]), generator=self.generator, device=self.device)
        return full[self.rank * rows:(self.rank + 1) * rows]


def parse(argv):
    p = argparse.ArgumentParser(prog="python3 -m lvaelive.train", description=__doc__.splitlines()[0])
    p.add_argument("--out", required=True, help="run folder to write (checkpoint.json, weights.safetensors, metrics.jsonl)")
    p.add_argument("--data", default="data/mnist", help="folder of MNIST's IDX files")
    p.add_argument("--model", choices=["lvae", "vae"], default="lvae")
    p.add_argument("--layers", default="64,32,16,8,4", help="latent sizes, z_1 first")
    p.add_argument("--hidden", default="512,256,128,64,32", help="hidden widths, one per layer")
    p.add_argument("--batch-norm", choices=["on", "off"], default="on")
    p.add_argument("--likelihood", choices=["bernoulli", "gaussian"], default="bernoulli")
    p.add_argument("--separate-top-down", action="store_true")
    p.add_argument("--epochs", type=int, default=30)
    p.add_argument("--steps", type=int, default=0, help="stop after this many steps (0: train every epoch)")
    p.add_argument("--batch-size", type=int, default=128, help="the global batch, split evenly over the processes")
    p.add_argument("--lr", type=float, default=2e-3)
    p.add_argument("--lr-schedule", choices=["constant", "exponential", "cosine"], default="cosine")
    p.add_argument("--lr-decay", type=float, default=1.0)
    p.add_argument("--lr-floor", type=float, default=0.05)
    p.add_argument("--warmup-epochs", type=float, default=2)
    p.add_argument("--free-bits", type=float, default=0)
    p.add_argument("--gradient-clip", type=float, default=4)
    p.add_argument("--adam-epsilon", type=float, default=1e-4)
    p.add_argument("--train-limit", type=int, default=0, help="train on the first N images (0: all)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--sync-batch-norm", action="store_true", help="normalise over the global batch (GPUs only)")
    p.add_argument("--device", default="auto", help="auto, cpu or cuda")
    return p.parse_args(argv)


def main(argv=None):
    args = parse(argv)
    world, rank = int(os.environ.get("WORLD_SIZE", 1)), int(os.environ.get("RANK", 0))
    use_cuda = args.device == "cuda" or (args.device == "auto" and torch.cuda.is_available())
    device = torch.device(f"cuda:{int(os.environ.get('LOCAL_RANK', 0))}" if use_cuda else "cpu")
    if args.batch_size % world:
        print(f"lvaelive: --batch-size {args.batch_size} does not split evenly over {world} processes", file=sys.stderr)
        return 2
    if world > 1:
        dist.init_process_group("nccl" if use_cuda else "gloo")
    config = LvaeConfig(kind=args.model.capitalize(), latent_sizes=[int(s) for s in args.layers.split(",")],
                        hidden_sizes=[int(s) for s in args.hidden.split(",")], batch_norm=args.batch_norm == "on",
                        likelihood=args.likelihood.capitalize(), separate_top_down=args.separate_top_down)
    options = {
        "epochs": args.epochs, "batchSize": args.batch_size, "learningRate": args.lr, "warmupEpochs": args.warmup_epochs,
        "seed": args.seed, "trainLimit": args.train_limit, "gradientClip": args.gradient_clip, "adamEpsilon": args.adam_epsilon,
        "freeBits": args.free_bits, "learningRateSchedule": args.lr_schedule.capitalize(), "learningRateDecay": args.lr_decay,
        "learningRateFloor": args.lr_floor, "scheduleStartEpoch": 0,
    }

    model = build(config, torch.Generator().manual_seed(args.seed * 10 + WEIGHTS_SEED)).to(device)
    if args.sync_batch_norm:
        model = torch.nn.SyncBatchNorm.convert_sync_batchnorm(model)
    trained = DistributedDataParallel(model, device_ids=[device] if use_cuda else None) if world > 1 else model
    optimizer = torch.optim.Adam(model.parameters(), lr=learning_rate_at(0, options), eps=args.adam_epsilon)

    grey = data.grey_levels(args.data, "train")
    if args.train_limit:
        grey = grey[:args.train_limit]
    grey = grey.to(device)
    steps_per_epoch = len(grey) // args.batch_size
    local = args.batch_size // world
    data_generator = torch.Generator(device=device).manual_seed(args.seed * 10 + DATA_SEED)
    noise = GlobalBatchNoise(args.seed * 10 + NOISE_SEED, rank, world, device)
    total_steps = min(args.steps, steps_per_epoch * args.epochs) if args.steps else steps_per_epoch * args.epochs
    metrics = None
    if rank == 0:
        os.makedirs(args.out, exist_ok=True)
        metrics = open(os.path.join(args.out, "metrics.jsonl"), "w")

    started = time.monotonic()
    for step in range(total_steps):
        epoch, index = divmod(step, steps_per_epoch)
        if index == 0:  # a new epoch: its rate, its binarization and its order, the same on every rank
            for group in optimizer.param_groups:
                group["lr"] = learning_rate_at(epoch, options)
            images = torch.bernoulli(grey, generator=data_generator) if config.likelihood == "Bernoulli" else grey
            order = torch.randperm(len(grey), generator=data_generator, device=device)
        beta = 1.0 if args.warmup_epochs <= 0 else min(1.0, (epoch + index / steps_per_epoch) / args.warmup_epochs)
        start = index * args.batch_size + rank * local
        x = images[order[start:start + local]]  # (local, 784): this rank's rows of the global batch
        model.train()
        result = trained(x, noise)
        objective = result.free_bits_objective(beta, args.free_bits) if args.free_bits > 0 else result.elbo(beta).mean()
        optimizer.zero_grad(set_to_none=True)
        (-objective).backward()  # under DDP the gradients arrive averaged over the ranks: the global batch's
        torch.nn.utils.clip_grad_norm_(model.parameters(), args.gradient_clip)
        optimizer.step()
        if metrics and ((step + 1) % 50 == 0 or step == 0):
            kl = [k.mean().item() for k in result.kl]
            elbo = result.log_likelihood.mean().item() - sum(kl)
            metrics.write(json.dumps({"step": step + 1, "epoch": epoch, "elbo": elbo, "kl": kl, "beta": beta}) + "\n")
            print(f"epoch {epoch} step {step + 1}: ELBO {elbo:.2f} (rank 0's rows), beta {beta:.2f}", flush=True)
    if rank == 0:
        metrics.close()
        epochs_done, in_epoch = divmod(total_steps, steps_per_epoch)
        progress = {"epoch": epochs_done, "stepInEpoch": in_epoch, "globalStep": total_steps,
                    # The rate of the last step taken: after the last epoch a cosine to a floor of 0 would give 0,
                    # which LvaeLive refuses as a rate.
                    "learningRate": learning_rate_at((total_steps - 1) // steps_per_epoch, options), "skippedSteps": 0, "restores": 0,
                    "trainingSeconds": time.monotonic() - started}
        checkpoint.save(args.out, model.cpu(), options, progress)
        print(f"wrote {os.path.join(args.out, checkpoint.INDEX_FILE)} after {total_steps} steps on {world} process(es)")
    if world > 1:
        dist.destroy_process_group()
    return 0


if __name__ == "__main__":
    sys.exit(main())
