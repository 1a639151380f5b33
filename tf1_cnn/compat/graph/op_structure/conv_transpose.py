"""``tf.nn.conv2d_transpose``'s output shape as TF 1.3.0 / 1.4.1 named it.

TF 1.0-1.4 converted ``output_shape`` itself, named ``conv2d_transpose/output_shape``; from 1.5 (and in TF
2.21) a list is converted by the Conv2DBackpropInput op as its input ``input_sizes``
(``conv2d_transpose/input_sizes``). The same op count and draws, another name (observed on TF 1.3.0 /
1.4.1 / 1.15.5: op-table cases ``conv2d_transpose*``; DCGAN's generator).
"""
import functools

import tensorflow as tf

from ... import settings
from ._wrapping import wrap

_v1 = tf.compat.v1


def conv2d_transpose_1x(original):
    """``tf.nn.conv2d_transpose(value, filter, output_shape, strides, ...)`` (v1): value (batch, h, w, in) ->
    (output_shape); under 1.3 / 1.4 a Python ``output_shape`` is converted first, as ``output_shape``."""
    @functools.wraps(original)
    def conv2d_transpose(value=None, filter=None, output_shape=None, strides=None, padding="SAME",  # noqa: A002
                         data_format="NHWC", name=None, input=None, filters=None, dilations=None):  # noqa: A002
        if settings.current("tf1_version") not in ("1.3", "1.4") or tf.executing_eagerly() \
                or isinstance(output_shape, (tf.Tensor, tf.Variable)):
            return original(value, filter, output_shape, strides, padding=padding, data_format=data_format,
                            name=name, input=input, filters=filters, dilations=dilations)
        with _v1.name_scope(name, "conv2d_transpose", [value, filter, output_shape]) as scope:
            output_shape = tf.convert_to_tensor(output_shape, name="output_shape")
            return original(value, filter, output_shape, strides, padding=padding, data_format=data_format,
                            name=scope, input=input, filters=filters, dilations=dilations)

    conv2d_transpose._tf1_cnn_original = original
    return conv2d_transpose


def install():
    """Wrap the v1 ``nn_ops.conv2d_transpose`` and its export for the process (idempotent)."""
    from tensorflow.python.ops import nn_ops

    if wrap(nn_ops, "conv2d_transpose", conv2d_transpose_1x):
        tf.compat.v1.nn.conv2d_transpose = nn_ops.conv2d_transpose
