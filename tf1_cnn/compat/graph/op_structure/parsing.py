"""``tf.parse_single_example`` as TF 1.3.0 / 1.4.1 and TF 1.15.5 built it.

TF 2.21 parses one Example with the batch op ParseExampleV2 on the scalar (keys as three string
vectors, 7 ops for two dense features). TF 1.x built, in the name scope ``ParseSingleExample``
(observed on the oracles: op-table cases ``parse_single_example*``):

- TF 1.3.0 / 1.4.1: the record made a batch of one (ExpandDims), the v1 batch op ParseExample under
  ``ParseExample/`` (each dense default first, then the op's inputs: ``names``, one Const per sparse
  and dense key), then per dense key ``Squeeze_<key>`` of the batch axis and per sparse key the
  indices' batch column sliced off (``Slice_Indices_<key>``) and its shape's (``Squeeze_Shape_<key>``);
- TF 1.15.5: the dense defaults, then the op ParseSingleExample (keys as attributes).

The dense defaults are TF 1.x's: an empty Const where a FixedLenFeature has none, else the value
converted (``key_<key>``) and reshaped to the feature's shape. Only VarLenFeature and FixedLenFeature
(of known shape) are built here, in sorted key order as TF 1.x did; SparseFeature,
FixedLenSequenceFeature, RaggedFeature and a serialized tensor of unknown rank keep TF 2.21's ops.
"""
import functools
import re

import tensorflow as tf
from tensorflow.python.ops import gen_parsing_ops

from ... import settings

_v1 = tf.compat.v1


def _key_name(key):
    """A key as TF 1.x put it in op names (anything outside [A-Za-z0-9_.-/] as '_')."""
    return re.sub("[^A-Za-z0-9_.\\-/]", "_", key)


def _raw_params(features):
    """(sparse [(key, dtype)], dense [(key, dtype, TensorShape, default)]) in sorted key order, or None
    when a feature is of a kind built by TF 2.21 here."""
    sparse, dense = [], []
    for key in sorted(features):
        feature = features[key]
        if type(feature) is _v1.io.VarLenFeature:
            sparse.append((key, feature.dtype))
        elif type(feature) is _v1.io.FixedLenFeature:
            shape = tf.TensorShape(feature.shape)
            if not shape.is_fully_defined():
                return None
            dense.append((key, feature.dtype, shape, feature.default_value))
        else:
            return None
    return (sparse, dense) if sparse or dense else None


def _dense_defaults(dense):
    """TF 1.x's dense default tensors, made in key order (their ops come before the parse op's)."""
    out = []
    for key, dtype, shape, default in dense:
        if default is None:
            out.append(tf.constant([], dtype=dtype))
        elif isinstance(default, tf.Tensor):
            out.append(default)
        else:
            value = tf.convert_to_tensor(default, dtype=dtype, name="key_" + _key_name(key))
            out.append(tf.reshape(value, shape))
    return out


def _assert_scalar_1_3(serialized):
    """TF 1.3.0/1.4.1's run-time check of a record of unknown rank: Rank, Equal, Assert, SerializedDependencies."""
    from tensorflow.python.ops import control_flow_assert, control_flow_ops

    check = control_flow_assert.Assert(tf.equal(tf.rank(serialized), 0), ["Input serialized must be a scalar"],
                                    name="SerializedIsScalar")
    return control_flow_ops.with_dependencies([check], serialized, name="SerializedDependencies")


def _parse_1_3(serialized, sparse, dense, name):
    """TF 1.3.0/1.4.1: ExpandDims, ParseExample, then the batch axis taken off each output."""
    serialized = tf.expand_dims(serialized, 0)
    with _v1.name_scope(name, "ParseExample", [serialized]):
        defaults = _dense_defaults(dense)
        out = gen_parsing_ops.parse_example(
            serialized=serialized, names=[], sparse_keys=[k for k, _ in sparse],
            dense_keys=[k for k, *_ in dense], dense_defaults=defaults,
            sparse_types=[t for _, t in sparse], dense_shapes=[s.as_proto() for _, _, s, _ in dense], name=name)
    result = dict.fromkeys([k for k, _ in sparse] + [k for k, *_ in dense])  # TF 1.x's order: sparse first
    for (key, _, _, _), value in zip(dense, out.dense_values):
        result[key] = tf.squeeze(value, [0], name="Squeeze_" + _key_name(key))
    for (key, _), ix, values, shape in zip(sparse, out.sparse_indices, out.sparse_values, out.sparse_shapes):
        result[key] = tf.SparseTensor(
            tf.slice(ix, [0, 1], [-1, -1], name="Slice_Indices_" + _key_name(key)), values,
            tf.slice(shape, [1], [-1], name="Squeeze_Shape_" + _key_name(key)))
    return result


def _parse_1_15(serialized, sparse, dense, name):
    """TF 1.15.5: the dense defaults, then ParseSingleExample."""
    defaults = _dense_defaults(dense)
    out = gen_parsing_ops.parse_single_example(
        serialized=serialized, dense_defaults=defaults, num_sparse=len(sparse),
        sparse_keys=[k for k, _ in sparse], dense_keys=[k for k, *_ in dense],
        sparse_types=[t for _, t in sparse], dense_shapes=[s.as_proto() for _, _, s, _ in dense], name=name)
    result = {key: tf.SparseTensor(ix, values, shape) for (key, _), ix, values, shape
              in zip(sparse, out.sparse_indices, out.sparse_values, out.sparse_shapes)}
    result.update((key, value) for (key, *_), value in zip(dense, out.dense_values))
    return result


def parse_single_example_1x(original):
    """``tf.parse_single_example(serialized, features, name=None, example_names=None)``: ``serialized``
    a scalar string (one Example) -> {key: Tensor of the feature's shape, or SparseTensor of rank 1}."""
    @functools.wraps(original)
    def parse_single_example(serialized, features, name=None, example_names=None):
        version = settings.current("tf1_version")
        params = _raw_params(features) if features and example_names is None else None
        if params is None or tf.executing_eagerly():
            return original(serialized, features, name=name, example_names=example_names)
        with _v1.name_scope(name, "ParseSingleExample", [serialized]):
            serialized = tf.convert_to_tensor(serialized, name=None if version in ("1.3", "1.4") else "serialized")
            if serialized.shape.rank is None and version in ("1.3", "1.4"):
                serialized = _assert_scalar_1_3(serialized)
            # TF 1.15.5 built ParseSingleExample of a record of unknown rank without an assertion (a queue's
            # dequeue: slim's parallel_read; op-table case parse_single_example_unknown_rank)
            if serialized.shape.rank not in (None, 0):
                raise ValueError("Input serialized must be a scalar")
            build = _parse_1_3 if version in ("1.3", "1.4") else _parse_1_15
            return build(serialized, *params, name)

    parse_single_example._tf1_cnn_original = original
    return parse_single_example


def install():
    """Wrap ``parsing_ops.parse_single_example`` and its TF1 exports for the process (idempotent)."""
    from tensorflow.python.ops import parsing_ops

    if hasattr(parsing_ops.parse_single_example, "_tf1_cnn_original"):
        return
    wrapped = parse_single_example_1x(parsing_ops.parse_single_example)
    parsing_ops.parse_single_example = wrapped
    for module in (tf.compat.v1, tf.compat.v1.io):
        setattr(module, "parse_single_example", wrapped)
