"""TF 1.3.0 / 1.4.1's ``tf.transpose`` without ``perm``; TF 1.x's ``tf.split`` of an int (its Const).

TF 1.0-1.4 computed the reversed permutation in the graph: Rank, (rank - 1) - range(0, rank, 1),
then Transpose (8 ops). From 1.5 (and in TF 2.21) a known rank gives a constant perm (2 ops).
"""
import functools
import numbers

import tensorflow as tf
from tensorflow.python.framework import tensor_shape
from tensorflow.python.ops import gen_array_ops

from ... import settings

_v1 = tf.compat.v1


def transpose(a, perm=None, name="transpose", conjugate=False):
    """``tf.transpose(a, perm=None)``: TF 1.3.0/1.4.1's ops without perm under 1.3 and 1.4."""
    if perm is not None or conjugate or settings.current("tf1_version") not in ("1.3", "1.4") \
            or tf.executing_eagerly():
        return _v1.transpose(a, perm=perm, name=name, conjugate=conjugate)
    with _v1.name_scope(name, "transpose", [a]) as scope:
        a = tf.convert_to_tensor(a, name="a")
        rank = gen_array_ops.rank(a)
        perm = (rank - 1) - tf.raw_ops.Range(start=0, limit=rank, delta=1)  # gen_math_ops._range
        ret = gen_array_ops.transpose(a, perm, name=scope)
        if a.shape.dims is not None:
            ret.set_shape(a.shape.dims[::-1])
        return ret


def reduction_dims_1x(original):
    """``math_ops._ReductionDims`` (the axes of ``reduce_sum(x)`` and the like without ``axis``).

    TF 1.0-1.15 gave every known rank, 0 included, a constant ``np.arange(rank)`` (one
    Const); TF 2.21 tests ``if x_rank:`` and builds Rank and Range (4 ops) for a scalar,
    which ``tf.losses.*`` reduce twice (``_safe_mean``). A variable (``reduce_sum(W)``) was no
    ``Tensor`` to TF 1.x's test: ``range(0, rank(W))`` (Rank, range/start, range/delta, Range).
    """
    import functools

    import numpy as np

    @functools.wraps(original)
    def reduction_dims(x, axis):
        if axis is None and not tf.executing_eagerly():
            if isinstance(x, tf.Variable):  # TF 1.0-1.15: not a Tensor, so range(0, rank(x)) (Rank, Range)
                from tensorflow.python.ops import array_ops, math_ops

                return math_ops.range(0, array_ops.rank(x))
            if getattr(getattr(x, "shape", None), "rank", None) == 0:
                return tf.constant(np.arange(0, dtype=np.int32))
        return original(x, axis)

    reduction_dims._tf1_cnn_original = original
    return reduction_dims


def split_1x_of(original):
    """``tf.split(value, num_or_size_splits, axis=0, num=None, name="split")`` as TF 1.3-1.15 built it.

    TF 1.x converted ``num_or_size_splits`` to a tensor first, an int too (a Const named ``Const`` in the
    caller's name scope, unused by the Split that follows); TF 2.21 makes no Const for an int. So every TF
    1.x LSTM / GRU cell step (the ``split`` of its gates) and a script's ``tf.split(inputs, n, 1)`` had one
    op more, and the op seeds of the draws after it moved (measured on TF 1.3.0 / 1.4.1 / 1.15.5: op-table
    cases ``rnn_*``, ``split_*``). A list of sizes was converted once by both.
    """
    @functools.wraps(original)
    def split(value, num_or_size_splits, axis=0, num=None, name="split"):
        if isinstance(num_or_size_splits, (numbers.Integral, tensor_shape.Dimension)) and not tf.executing_eagerly():
            tf.convert_to_tensor(int(num_or_size_splits))
        return original(value, num_or_size_splits, axis=axis, num=num, name=name)

    split._tf1_cnn_original = original
    return split


def split_1x(value, num_or_size_splits, axis=0, num=None, name="split"):
    """TF 1.x's ``tf.split`` whether or not ``install()`` has wrapped TensorFlow's (the contrib cells call it)."""
    from tensorflow.python.ops import array_ops

    own = getattr(array_ops.split, "_tf1_cnn_original", array_ops.split)
    return split_1x_of(own)(value, num_or_size_splits, axis=axis, num=num, name=name)


class ModuleWith(type(tf)):
    """A view of a module with some names replaced (a library's binding of it, mended for that library alone)."""

    def __init__(self, module, **replaced):
        super().__init__(module.__name__)
        object.__setattr__(self, "_module", module)
        self.__dict__.update(replaced)

    def __getattr__(self, attr):
        return getattr(object.__getattribute__(self, "_module"), attr)
