"""LvaeLive's model family in PyTorch, module for module as src/Model builds it (LadderVae.cs, HierarchicalVae.cs,
GenerativeModel.cs, Nn/), so that the state dicts have the same names and shapes and the same weights give the same
numbers. Index 0 is the layer next to the data (z_1), the last index the top (z_L).

Every function that draws takes `draw`, a function of a shape that returns standard normal noise: torch.randn with a
generator for training and evaluation, given tensors for the cross-checks against LvaeLive, or a global batch's
rows for one rank of a distributed run (train.py)."""
import math
from dataclasses import dataclass, field

import torch
import torch.nn.functional as F
from torch import nn

IMAGE_PIXELS = 784
LEAKY_SLOPE = 0.01          # Lasagne's leaky_rectify, which the paper's reference code uses
VARIANCE_FLOOR = 1e-5       # every latent variance, as the paper
OBSERVATION_VARIANCE_FLOOR = 1e-3  # the Gaussian likelihood's: grey levels are quantised
LOG_TWO_PI = math.log(2 * math.pi)


@dataclass
class LvaeConfig:
    """checkpoint.json's "model" block: the shape that travels with the weights."""
    kind: str = "Lvae"                      # "Lvae" or "Vae"
    latent_sizes: list = field(default_factory=lambda: [64, 32, 16, 8, 4])
    hidden_sizes: list = field(default_factory=lambda: [512, 256, 128, 64, 32])
    batch_norm: bool = True
    likelihood: str = "Bernoulli"           # "Bernoulli" or "Gaussian"
    separate_top_down: bool = False

    JSON = {"kind": "kind", "latentSizes": "latent_sizes", "hiddenSizes": "hidden_sizes", "batchNorm": "batch_norm",
            "likelihood": "likelihood", "separateTopDown": "separate_top_down"}

    def __post_init__(self):
        # LvaeLive writes the enums as "Lvae", "Bernoulli"; its reader takes any case, and so does this one.
        self.kind = {"lvae": "Lvae", "vae": "Vae"}.get(str(self.kind).lower(), self.kind)
        self.likelihood = {"bernoulli": "Bernoulli", "gaussian": "Gaussian"}.get(str(self.likelihood).lower(), self.likelihood)
        if self.kind not in ("Lvae", "Vae"):
            raise ValueError(f"model.kind is {self.kind!r}: it must be Lvae or Vae")
        if self.likelihood not in ("Bernoulli", "Gaussian"):
            raise ValueError(f"model.likelihood is {self.likelihood!r}: it must be Bernoulli or Gaussian")
        if not self.latent_sizes or any(int(s) <= 0 for s in self.latent_sizes):
            raise ValueError(f"model.latentSizes is {self.latent_sizes}: a model needs at least one layer, each of positive size")
        if len(self.hidden_sizes) != len(self.latent_sizes) or any(int(s) <= 0 for s in self.hidden_sizes):
            raise ValueError(f"model.hiddenSizes is {self.hidden_sizes}: give one positive width per layer, {len(self.latent_sizes)}")
        if self.separate_top_down and self.kind != "Lvae":
            raise ValueError("model.separateTopDown applies to the LVAE only")
        self.latent_sizes = [int(s) for s in self.latent_sizes]
        self.hidden_sizes = [int(s) for s in self.hidden_sizes]

    @property
    def depth(self):
        return len(self.latent_sizes)

    @classmethod
    def from_json(cls, block):
        unknown = set(block) - set(cls.JSON)
        if unknown:
            raise ValueError(f"model block has {sorted(unknown)}, which this package does not know")
        return cls(**{cls.JSON[key]: value for key, value in block.items()})

    def to_json(self):
        return {key: getattr(self, attr) for key, attr in self.JSON.items()}


# --- diagonal Gaussians on (B, D) tensors; each sum gives one value per example, (B) -----------------------------------

def softplus(v):
    # -log sigmoid(-v), as LvaeLive computes it (SoftplusOf.cs): no threshold, exact for any v.
    return -F.logsigmoid(-v)


def kl_divergence(mean_q, var_q, mean_p, var_p):
    gap = mean_q - mean_p
    return 0.5 * ((var_p.log() - var_q.log()) + (var_q + gap * gap) / var_p - 1).sum(1)


def kl_to_standard_normal(mean, var):
    return 0.5 * (var + mean * mean - 1 - var.log()).sum(1)


def log_density(z, mean, var):
    gap = z - mean
    return -0.5 * (var.log() + gap * gap / var + LOG_TWO_PI).sum(1)


def log_standard_density(z):
    return -0.5 * (z * z + LOG_TWO_PI).sum(1)


def precision_weighted_merge(mean_up, var_up, mean_down, var_down):
    precision_up, precision_down = var_up.reciprocal(), var_down.reciprocal()
    var = (precision_up + precision_down).reciprocal()
    return (mean_up * precision_up + mean_down * precision_down) * var, var


def sample(mean, var, draw):
    return torch.addcmul(mean, var.sqrt(), draw(tuple(mean.shape)))


# --- building blocks ------------------------------------------------------------------------------------------------

def glorot_linear(inputs, outputs, generator):
    """A dense layer with Glorot-normal weights (variance 2 / (inputs + outputs)) and zero bias, as LvaeLive's Layers.cs."""
    layer = nn.Linear(inputs, outputs)
    with torch.no_grad():
        layer.weight.copy_(torch.randn(outputs, inputs, generator=generator) * math.sqrt(2.0 / (inputs + outputs)))
        layer.bias.zero_()
    return layer


class DenseBlock(nn.Module):
    """dense -> batch norm (when on) -> leaky ReLU."""

    def __init__(self, inputs, outputs, batch_norm, generator):
        super().__init__()
        self.dense = glorot_linear(inputs, outputs, generator)
        self.norm = nn.BatchNorm1d(outputs) if batch_norm else None  # PyTorch's eps and momentum, as LvaeLive's

    def forward(self, x):
        h = self.dense(x)
        if self.norm is not None:
            h = self.norm(h)
        return F.leaky_relu(h, LEAKY_SLOPE)


class DenseStack(nn.Module):
    """Two dense blocks of one width."""

    def __init__(self, inputs, width, batch_norm, generator):
        super().__init__()
        self.first = DenseBlock(inputs, width, batch_norm, generator)
        self.second = DenseBlock(width, width, batch_norm, generator)

    def forward(self, x):
        return self.second(self.first(x))


class GaussianHead(nn.Module):
    """mean = Linear(d), variance = softplus(Linear(d)) + floor, each linear map batch-normalised when on."""

    def __init__(self, inputs, outputs, batch_norm, generator):
        super().__init__()
        self.mean = glorot_linear(inputs, outputs, generator)
        self.variance = glorot_linear(inputs, outputs, generator)
        self.meanNorm = nn.BatchNorm1d(outputs) if batch_norm else None
        self.varianceNorm = nn.BatchNorm1d(outputs) if batch_norm else None

    def forward(self, d):
        m, v = self.mean(d), self.variance(d)
        if self.meanNorm is not None:
            m, v = self.meanNorm(m), self.varianceNorm(v)
        return m, softplus(v) + VARIANCE_FLOOR


class GenerativeModel(nn.Module):
    """p(z_L) = N(0, I), p(z_i | z_{i+1}) from an MLP of z_{i+1}, and p(x | z_1): Bernoulli logits or a Gaussian."""

    def __init__(self, config, generator):
        super().__init__()
        self.likelihood = config.likelihood
        bn, lat, hid = config.batch_norm, config.latent_sizes, config.hidden_sizes
        self.priorStacks = nn.ModuleList()
        self.priorHeads = nn.ModuleList()
        for i in range(config.depth - 1):
            self.priorStacks.append(DenseStack(lat[i + 1], hid[i], bn, generator))
            self.priorHeads.append(GaussianHead(hid[i], lat[i], bn, generator))
        self.observationStack = DenseStack(lat[0], hid[0], bn, generator)
        self.observationMean = glorot_linear(hid[0], IMAGE_PIXELS, generator)
        self.observationVariance = glorot_linear(hid[0], IMAGE_PIXELS, generator) if config.likelihood == "Gaussian" else None

    def prior(self, layer, z_above):
        return self.priorHeads[layer](self.priorStacks[layer](z_above))

    def log_likelihood(self, x, z1):
        """log p(x | z_1) per example, (B)."""
        feature = self.observationStack(z1)
        if self.likelihood == "Bernoulli":
            return -F.binary_cross_entropy_with_logits(self.observationMean(feature), x, reduction="none").sum(1)
        mean, var = self._gaussian(feature)
        return log_density(x, mean, var)

    def expected_image(self, z1):
        feature = self.observationStack(z1)
        return self.observationMean(feature).sigmoid() if self.likelihood == "Bernoulli" else self._gaussian(feature)[0]

    def _gaussian(self, feature):
        return self.observationMean(feature).sigmoid(), softplus(self.observationVariance(feature)) + OBSERVATION_VARIANCE_FLOOR


class Pass:
    """One pass over a batch with one posterior sample per example: per layer, (B) tensors, samples (B, D_i)."""

    def __init__(self, samples, kl, log_likelihood, log_q, log_p):
        self.samples, self.kl, self.log_likelihood, self.log_q, self.log_p = samples, kl, log_likelihood, log_q, log_p

    def elbo(self, beta=1.0):
        """log p(x | z) - beta sum KL, per example."""
        return self.log_likelihood - beta * sum(self.kl)

    def free_bits_objective(self, beta, free_bits):
        """The batch's objective with each layer's batch-mean KL unpenalised below free_bits nats (Kingma et al. 2016)."""
        return self.log_likelihood.mean() - beta * sum(k.mean().clamp_min(free_bits) for k in self.kl)

    def log_weight(self):
        """log p(x, z) - log q(z | x), per example: this sample's importance weight."""
        weight = self.log_likelihood
        for p, q in zip(self.log_p, self.log_q):
            weight = weight + p - q  # in LvaeLive's order, so that float32 rounds the same way
        return weight


class LadderVae(nn.Module):
    """The Ladder VAE (Sønderby et al. 2016): a deterministic bottom-up pass gives each layer an estimate, merged with
    the top-down prior (or, with separate_top_down, the inference path's own top-down MLPs) by precision weighting."""

    def __init__(self, config, generator=None):
        super().__init__()
        self.config = config
        generator = generator or torch.Generator().manual_seed(0)
        # Built in LvaeLive's order: the generative model's layers first, then the inference path's.
        self.generative = GenerativeModel(config, generator)
        bn, lat, hid = config.batch_norm, config.latent_sizes, config.hidden_sizes
        self.bottomUp, self.bottomUpHeads = nn.ModuleList(), nn.ModuleList()
        width = IMAGE_PIXELS
        for i in range(config.depth):
            self.bottomUp.append(DenseStack(width, hid[i], bn, generator))
            self.bottomUpHeads.append(GaussianHead(hid[i], lat[i], bn, generator))
            width = hid[i]
        self.topDown = self.topDownHeads = None
        if config.separate_top_down:
            self.topDown, self.topDownHeads = nn.ModuleList(), nn.ModuleList()
            for i in range(config.depth - 1):
                self.topDown.append(DenseStack(lat[i + 1], hid[i], bn, generator))
                self.topDownHeads.append(GaussianHead(hid[i], lat[i], bn, generator))

    def forward(self, x, draw):
        estimates, d = [], x
        for stack, head in zip(self.bottomUp, self.bottomUpHeads):
            d = stack(d)
            estimates.append(head(d))
        depth, top = self.config.depth, self.config.depth - 1
        samples, posterior, priors = [None] * depth, [None] * depth, [None] * depth
        posterior[top] = estimates[top]
        samples[top] = sample(*posterior[top], draw)  # the top layer is drawn first, then each layer below
        for i in range(top - 1, -1, -1):
            priors[i] = self.generative.prior(i, samples[i + 1])
            down = priors[i] if self.topDown is None else self.topDownHeads[i](self.topDown[i](samples[i + 1]))
            posterior[i] = precision_weighted_merge(*estimates[i], *down)
            samples[i] = sample(*posterior[i], draw)
        # Both q(z_i | z_{i+1}, x) and p(z_i | z_{i+1}) are Gaussians given the same z_{i+1}: the KL is exact.
        kl = [kl_divergence(*posterior[i], *priors[i]) if priors[i] else kl_to_standard_normal(*posterior[i]) for i in range(depth)]
        log_q = [log_density(samples[i], *posterior[i]) for i in range(depth)]
        log_p = [log_density(samples[i], *priors[i]) if priors[i] else log_standard_density(samples[i]) for i in range(depth)]
        return Pass(samples, kl, self.generative.log_likelihood(x, samples[0]), log_q, log_p)


class HierarchicalVae(nn.Module):
    """The paper's baseline: the same generative model with bottom-up inference q(z_1 | x), q(z_i | z_{i-1}); each
    layer's KL is the one-sample estimate log q(z_i | z_{i-1}) - log p(z_i | z_{i+1})."""

    def __init__(self, config, generator=None):
        super().__init__()
        self.config = config
        generator = generator or torch.Generator().manual_seed(0)
        self.generative = GenerativeModel(config, generator)
        bn, lat, hid = config.batch_norm, config.latent_sizes, config.hidden_sizes
        self.encoders, self.encoderHeads = nn.ModuleList(), nn.ModuleList()
        width = IMAGE_PIXELS
        for i in range(config.depth):
            self.encoders.append(DenseStack(width, hid[i], bn, generator))
            self.encoderHeads.append(GaussianHead(hid[i], lat[i], bn, generator))
            width = lat[i]

    def forward(self, x, draw):
        depth = self.config.depth
        samples, posterior, below = [], [], x
        for i in range(depth):  # drawn bottom-up
            posterior.append(self.encoderHeads[i](self.encoders[i](below)))
            below = sample(*posterior[i], draw)
            samples.append(below)
        log_q = [log_density(samples[i], *posterior[i]) for i in range(depth)]
        log_p = [log_density(samples[i], *self.generative.prior(i, samples[i + 1])) if i < depth - 1 else log_standard_density(samples[i])
                 for i in range(depth)]
        kl = [q - p for q, p in zip(log_q, log_p)]
        return Pass(samples, kl, self.generative.log_likelihood(x, samples[0]), log_q, log_p)


def build(config, generator=None):
    """The model a configuration describes, its weights drawn from generator (or seed 0)."""
    return (LadderVae if config.kind == "Lvae" else HierarchicalVae)(config, generator)


def randn_draw(generator, device="cpu"):
    """Standard normal noise from one generator, in the order the model asks for it."""
    return lambda shape: torch.randn(shape, generator=generator, device=device)
