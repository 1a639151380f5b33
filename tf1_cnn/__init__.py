"""tf1-cnn: legacy TensorFlow 1 CNN code on TensorFlow 2, in graph mode, reproducing the
published numbers of the deep-learning course exactly.

Modules (each a concern of its own; heavy ones import TensorFlow lazily):
- ``conv_numpy``: convolution and pooling step by step in numpy (issue A).
- ``compat``: the TF1 shims and the ``tf1`` facade; ``compat.install()``.
- ``signs``: the SIGNS data, minibatches and the ConvNet (section B).
- ``resnet``: ResNet-50 from raw graph ops (section C).
- ``input_data`` and ``mnist_resnet``: seed 004's MNIST ResNet (section D).
- ``verify``: the registry of published numbers and ``python -m tf1_cnn verify``.
"""
__version__ = "0.1.0"


def load_ipython_extension(ipython):
    """``%load_ext tf1_cnn``: the TF1 runtime in this IPython kernel (``tf1_cnn/kernel/``; TensorFlow is
    imported only now, not when the package is)."""
    from .kernel import load_ipython_extension as load

    load(ipython)
