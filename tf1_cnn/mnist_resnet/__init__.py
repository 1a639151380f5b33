"""Seed 004's residual network for MNIST from raw tf.nn ops (section D)."""
from .network import build, convolutional_block, identity_block  # noqa: F401
