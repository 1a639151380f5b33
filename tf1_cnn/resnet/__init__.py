"""ResNet-50 from raw TF1 graph ops (section C): ``identity_block``, ``convolutional_block``, ``ResNet50``."""
from .blocks import convolutional_block, identity_block  # noqa: F401
from .model import ResNet50, ResNetGraph  # noqa: F401
