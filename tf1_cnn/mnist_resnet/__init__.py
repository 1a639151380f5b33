"""Seed 004's residual network for MNIST from raw tf.nn ops (section D); imported on first use."""
from ..lazy import lazy_exports

__getattr__ = lazy_exports(__name__, {"build": "network", "convolutional_block": "network",
                                      "identity_block": "network"})
