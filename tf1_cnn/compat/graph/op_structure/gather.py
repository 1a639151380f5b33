"""``tf.gather`` and ``tf.nn.embedding_lookup`` as TF 1.3.0 / 1.4.1 built them.

TF 1.3.0 / 1.4.1's ``tf.gather`` made the v1 op Gather (no axis input) when ``axis`` was the Python
``0`` (its default), and GatherV2 with an ``axis`` Const otherwise; from 1.5 (and in TF 2.21) it is
always GatherV2 and its ``GatherV2/axis`` Const: one op more per gather (the input producers'
``slice_input_producer``, every embedding lookup). ``tf.nn.embedding_lookup`` of one (unpartitioned)
table returned that gather itself, named ``embedding_lookup``; TF 1.15.5 / 2.21 add an Identity
(``embedding_lookup/Identity``). Observed on the oracles: op-table cases ``gather*``,
``embedding_lookup*``.

Gather's gradient (``gather_grad_1x``, TF 1.3.0/1.4.1): the params' shape as int64, then ``ToInt32``
(TF 2.21's Gather gradient has neither), the indices' size, the values' shape, two Reshapes.

Resource variables, ``batch_dims``, partitioned tables and ``max_norm`` keep TF 2.21's ops.
"""
import functools

import tensorflow as tf
from tensorflow.python.ops import gen_array_ops, resource_variable_ops

from ... import settings
from ._wrapping import wrap

_v1 = tf.compat.v1
_OLD = ("1.3", "1.4")


def _v1_gather_applies(params, axis, batch_dims=0):
    return (settings.current("tf1_version") in _OLD and not tf.executing_eagerly() and batch_dims == 0
            and (axis is None or (type(axis) is int and axis == 0))
            and not isinstance(params, resource_variable_ops.BaseResourceVariable))


def gather_1x(original):
    """``array_ops.gather(params, indices, validate_indices=None, name=None, axis=None, batch_dims=0)``:
    params[indices] along axis 0 -> indices.shape + params.shape[1:]; the v1 Gather op under 1.3 / 1.4."""
    @functools.wraps(original)
    def gather(params, indices, validate_indices=None, name=None, axis=None, batch_dims=0):
        if not _v1_gather_applies(params, axis, batch_dims):
            return original(params, indices, validate_indices=validate_indices, name=name, axis=axis,
                            batch_dims=batch_dims)
        kwargs = {} if validate_indices is None else {"validate_indices": validate_indices}
        return gen_array_ops.gather(params, indices, name=name, **kwargs)

    gather._tf1_cnn_original = original
    return gather


def embedding_lookup_1x(original):
    """``tf.nn.embedding_lookup(params, ids, ...)``: rows ``ids`` of one table -> ids.shape + params.shape[1:];
    TF 1.3.0/1.4.1's ops (the gather named ``embedding_lookup``, no Identity) under 1.3 / 1.4."""
    @functools.wraps(original)
    def embedding_lookup(params, ids, partition_strategy="mod", name=None, validate_indices=True,
                         max_norm=None):
        table = params[0] if isinstance(params, (list, tuple)) and len(params) == 1 else params
        if isinstance(table, (list, tuple)) or max_norm is not None or not _v1_gather_applies(table, None):
            return original(params, ids, partition_strategy=partition_strategy, name=name,
                            validate_indices=validate_indices, max_norm=max_norm)
        with _v1.name_scope(name, "embedding_lookup", [table, ids]) as scope:
            table = tf.convert_to_tensor(table, name="params")
            with tf.compat.v1.colocate_with(table):
                return gen_array_ops.gather(table, ids, name=scope)

    embedding_lookup._tf1_cnn_original = original
    return embedding_lookup


def gather_grad_1x(op, grad):
    """The v1 Gather op's gradient (TF 1.3.0/1.4.1) -> (IndexedSlices of ``grad`` rows at the indices, None)."""
    from tensorflow.python.framework import indexed_slices, ops
    from tensorflow.python.ops import array_ops

    params, indices = op.inputs
    with ops.colocate_with(params):
        params_shape = array_ops.shape(params, out_type=tf.int64)  # TF 1.x: large sparse tables
        params_shape = tf.cast(params_shape, tf.int32, name="ToInt32")
    size = array_ops.expand_dims(array_ops.size(indices), 0)
    values_shape = array_ops.concat([size, params_shape[1:]], 0)
    values = array_ops.reshape(grad, values_shape)
    return indexed_slices.IndexedSlices(values, array_ops.reshape(indices, size), params_shape), None


def install():
    """Wrap ``array_ops.gather`` and ``embedding_ops.embedding_lookup`` and their TF1 exports (idempotent)."""
    from tensorflow.python.ops import array_ops, embedding_ops

    if wrap(array_ops, "gather", gather_1x):
        tf.compat.v1.gather = array_ops.gather
    if wrap(embedding_ops, "embedding_lookup", embedding_lookup_1x):
        tf.compat.v1.nn.embedding_lookup = embedding_ops.embedding_lookup
    from tensorflow.python.framework import ops

    from .gradients_1x import _keeps

    entry = ops._gradient_registry._registry["Gather"]  # only graphs under 1.3 / 1.4 build the v1 op
    if not hasattr(entry["type"], "_tf1_cnn_original"):
        entry["type"] = _keeps(entry["type"], gather_grad_1x)
