"""A PyTorch reference of LvaeLive's model family: the same LVAE and VAE, parameter for parameter, a trainer that
runs on one process or under torchrun (DistributedDataParallel), an evaluator of the ELBO and the importance-weighted
bound, and LvaeLive's exchange format (checkpoint.json beside weights.safetensors)."""
