"""TF 1.3.0 / 1.4.1's ``tf.nn.softmax_cross_entropy_with_logits``.

TF 1.3.0 and 1.4.1 built it without a name scope of its own and without stopping the
labels' gradient (31 ops for 2-D logits: the ranks and shapes, the two flattening
reshapes, the kernel, the reshape back). From 1.5 the v1 function stops the labels'
gradient inside a ``softmax_cross_entropy_with_logits_sg`` scope (32 ops), as TF 2.21
does: under ``--tf1-version 1.15`` TensorFlow's own is used.
"""
import tensorflow as tf
from tensorflow.python.ops import gen_nn_ops, nn_ops

from ... import settings

_v1 = tf.compat.v1


def _move_dim_to_end(tensor, dim_index, rank):
    return tf.transpose(tensor, tf.concat([tf.range(dim_index), tf.range(dim_index + 1, rank), [dim_index]], 0))


def softmax_cross_entropy_with_logits_1_3(labels, logits, dim=-1, name=None):
    """TF 1.3.0's ``nn_ops.softmax_cross_entropy_with_logits`` (logits, labels: (..., classes)) -> (...)."""
    logits = tf.convert_to_tensor(logits)
    labels = tf.convert_to_tensor(labels)
    precise_logits = tf.cast(logits, tf.float32) if logits.dtype == tf.float16 else logits
    labels = tf.cast(labels, precise_logits.dtype)
    input_rank = tf.rank(precise_logits)
    shape = logits.shape
    if dim != -1:
        precise_logits = _move_dim_to_end(precise_logits, dim, input_rank)
        labels = _move_dim_to_end(labels, dim, input_rank)
    input_shape = tf.shape(precise_logits)
    precise_logits = nn_ops._flatten_outer_dims(precise_logits)  # the same ops as TF 1.3.0's
    labels = nn_ops._flatten_outer_dims(labels)
    cost, _ = gen_nn_ops.softmax_cross_entropy_with_logits(precise_logits, labels, name=name)
    output_shape = tf.slice(input_shape, [0], [tf.subtract(input_rank, 1)])
    cost = tf.reshape(cost, output_shape)
    if shape.dims is not None and dim == -1:
        cost.set_shape(shape[:-1])
    if logits.dtype == tf.float16:
        return tf.cast(cost, tf.float16)
    return cost


def softmax_cross_entropy_with_logits(_sentinel=None, labels=None, logits=None, dim=-1, name=None, axis=None):
    """``tf.nn.softmax_cross_entropy_with_logits(labels=..., logits=...)``: TF 1.3.0/1.4.1's ops under
    1.3 and 1.4, TensorFlow's own (1.5-1.15's structure) under 1.15."""
    if _sentinel is not None:
        raise ValueError("Only call `softmax_cross_entropy_with_logits` with named arguments (labels=..., logits=..., ...)")
    if labels is None or logits is None:
        raise ValueError("Both labels and logits must be provided.")
    dim = dim if axis is None else axis
    if settings.current("tf1_version") not in ("1.3", "1.4") or tf.executing_eagerly():
        return _v1.nn.softmax_cross_entropy_with_logits(labels=labels, logits=logits, dim=dim, name=name)
    return softmax_cross_entropy_with_logits_1_3(labels, logits, dim, name)
