"""ResNet-50 from raw TF1 graph ops (section C): ``identity_block``, ``convolutional_block``, ``ResNet50``.

Imported on first use (``tf1_cnn.lazy``): the command line's ``--help`` does not load TensorFlow.
"""
from ..lazy import lazy_exports

__getattr__ = lazy_exports(__name__, {"convolutional_block": "blocks", "identity_block": "blocks",
                                      "ResNet50": "model", "ResNetGraph": "model"})
