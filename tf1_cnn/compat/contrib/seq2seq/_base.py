"""What the seq2seq modules share: TF 2.21's graph-mode ops under TF 1.x's spelling, the cell and
layer base classes TF 1.x's contrib.seq2seq checked against, and the version in force.

TF 1.15's contrib/seq2seq built everything from ``array_ops``, ``math_ops``, ``tensor_array_ops``
and v1 ``control_flow_ops.while_loop``; TF 2.21's ``tf.compat.v1`` has the same graph ops (the
runtime runs graph mode with v1 control flow), so the modules call those.
"""
import tensorflow as tf
from tensorflow.python.framework import tensor_shape, tensor_util
from tensorflow.python.ops import rnn as _rnn
from tensorflow.python.ops import rnn_cell_impl as _rnn_cell_impl
from tensorflow.python.util import nest

from ... import libraries, settings

v1 = tf.compat.v1
TensorShape = tensor_shape.TensorShape
dimension_value = tensor_shape.dimension_value
constant_value = tensor_util.constant_value
transpose_batch_time = _rnn._transpose_batch_time      # [batch, time, ...] <-> [time, batch, ...]
zero_state_tensors = _rnn_cell_impl._zero_state_tensors  # zeros [batch] + size, static shape set

__all__ = ["tf", "v1", "nest", "TensorShape", "dimension_value", "constant_value", "transpose_batch_time",
           "zero_state_tensors", "dense", "is_layer", "rnn_cell_base", "version", "assert_like_rnncell"]


def version():
    """The TF 1.x release whose structure is built: "1.3", "1.4" or "1.15" (settings.tf1_version)."""
    return settings.current("tf1_version")


def dense(units, name, use_bias=False, dtype=None):
    """TF 1.x's ``layers_core.Dense`` (tf.layers.Dense: tf_keras's TF1 layer, variables named
    ``<name>/kernel``)."""
    return libraries.legacy_layers().Dense(units, name=name, use_bias=use_bias, dtype=dtype)


def is_layer(obj):
    """TF 1.x's check ``isinstance(obj, layers_base.Layer)``: tf.layers' and Keras' layers both pass."""
    import tf_keras

    return isinstance(obj, tf_keras.layers.Layer)


def rnn_cell_base():
    """TF 1.x's ``rnn_cell_impl.RNNCell`` as the runtime gives it (``tf.nn.rnn_cell.RNNCell``)."""
    return v1.nn.rnn_cell.RNNCell


def assert_like_rnncell(name, cell):
    """TF 1.15's ``rnn_cell_impl.assert_like_rnncell``: output_size, state_size and a callable, else TypeError."""
    conditions = [hasattr(cell, "output_size"), hasattr(cell, "state_size"),
                  hasattr(cell, "get_initial_state") or hasattr(cell, "zero_state"), callable(cell)]
    errors = ["'output_size' property is missing", "'state_size' property is missing",
              "either 'zero_state' or 'get_initial_state' method is required", "is not callable"]
    if not all(conditions):
        errors = [error for error, cond in zip(errors, conditions) if not cond]
        raise TypeError("The argument {!r} ({}) is not an RNNCell: {}.".format(name, cell, ", ".join(errors)))


def assert_equal(x, y, message):
    """``check_ops.assert_equal(x, y, message=message)`` named as the TF 1.x in force named it: TF 1.15
    (like TF 2.21) entered the "assert_equal" scope twice, so its ops are ``assert_equal_1/...``;
    TF 1.3.0 / 1.4.1 entered it once (``assert_equal/...``)."""
    if version() == "1.15":
        return v1.assert_equal(x, y, message=message)
    with v1.name_scope(None, "assert_equal", [x, y]) as scope:
        return v1.assert_equal(x, y, message=message, name=scope)
