"""``tf.contrib.util``: tensor_util's helpers."""
from ._common import module

def load():
    """``tf.contrib.util``: tensor_util's constant_value / make_tensor_proto / make_ndarray (TF 1.x's own)."""
    from tensorflow.python.framework import tensor_util

    return module("tf.contrib.util", {"constant_value": tensor_util.constant_value,
                                       "make_tensor_proto": tensor_util.make_tensor_proto,
                                       "make_ndarray": tensor_util.MakeNdarray})
