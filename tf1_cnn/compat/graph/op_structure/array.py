"""TF 1.3.0 / 1.4.1's ``tf.transpose`` without ``perm``; TF 1.15.5's ``tf.tensordot`` (below).

TF 1.0-1.4 computed the reversed permutation in the graph: Rank, (rank - 1) - range(0, rank, 1),
then Transpose (8 ops). From 1.5 (and in TF 2.21) a known rank gives a constant perm (2 ops).
"""
import tensorflow as tf
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
    which ``tf.losses.*`` reduce twice (``_safe_mean``).
    """
    import functools

    import numpy as np

    @functools.wraps(original)
    def reduction_dims(x, axis):
        if axis is None and not tf.executing_eagerly() and getattr(getattr(x, "shape", None), "rank", None) == 0:
            return tf.constant(np.arange(0, dtype=np.int32))
        return original(x, axis)

    reduction_dims._tf1_cnn_original = original
    return reduction_dims


def tensordot_1_15(original):
    """``tf.tensordot`` as TF 1.15.5 built it (``tf.layers.Dense`` on inputs of rank > 2 calls it).

    TF 1.15.5 reshaped both operands to matrices the same way: a fully defined operand (a
    layer's kernel) always got its Transpose (constant perm) and Reshape, even when the
    permutation is the identity and the shape already 2-D (4 ops); TF 2.21 skips both. The
    rest (the dynamic-shape side, the MatMul, the final reshape) is TF 2.21's, the same ops.
    Under 1.3 / 1.4 TF 2.21's function is used (TF 1.3.0/1.4.1 normalized the axes in the graph:
    Rank, GreaterEqual, ListDiff, ...; not mirrored).
    """
    import functools

    import numpy as np

    @functools.wraps(original)
    def tensordot(a, b, axes, name=None):
        if settings.current("tf1_version") != "1.15" or tf.executing_eagerly():
            return original(a, b, axes, name=name)
        with _v1.name_scope(name, "Tensordot", [a, b, axes]) as scope:
            a = tf.convert_to_tensor(a, name="a")
            b = tf.convert_to_tensor(b, name="b")
            if not (b.shape.is_fully_defined() and isinstance(axes, (list, tuple)) and len(axes) == 2
                    and isinstance(axes[1], (list, tuple))):
                return original(a, b, axes, name=scope)
            # the static side as TF 1.15.5's _tensordot_reshape(b, b_axes, flipped=True): always both ops
            shape_b = b.shape.as_list()
            b_axes = [i if i >= 0 else i + len(shape_b) for i in axes[1]]
            free = [i for i in range(len(shape_b)) if i not in b_axes]
            free_dims = [shape_b[i] for i in free]
            prod_free = int(np.prod([shape_b[i] for i in free]))
            prod_axes = int(np.prod([shape_b[i] for i in b_axes]))
            # a: TF 2.21's own reshape (the same ops as 1.15.5 for a dynamic shape), via a one-sided call
            a_matrix, a_free, a_free_static = _tensordot_reshape_a(a, axes[0])
            b_matrix = tf.reshape(_v1.transpose(b, list(b_axes) + free), [prod_axes, prod_free])
            product = tf.matmul(a_matrix, b_matrix)
            if isinstance(a_free, list):
                return tf.reshape(product, a_free + free_dims, name=scope)
            a_free = tf.convert_to_tensor(a_free, dtype=tf.int32)
            b_free = tf.convert_to_tensor(free_dims, dtype=tf.int32)
            out = tf.reshape(product, tf.concat([a_free, b_free], 0), name=scope)
            if a_free_static is not None:
                out.set_shape(a_free_static + free_dims)
            return out

    tensordot._tf1_cnn_original = original
    return tensordot


def _tensordot_reshape_a(a, axes):
    """TF 1.15.5's ``_tensordot_reshape(a, axes)``: (a as a matrix [free, axes], free dims, static free dims)."""
    import numpy as np

    axes = list(axes) if isinstance(axes, (list, tuple)) else [axes]
    if a.shape.is_fully_defined():
        shape_a = a.shape.as_list()
        axes = [i if i >= 0 else i + len(shape_a) for i in axes]
        free = [i for i in range(len(shape_a)) if i not in axes]
        free_dims = [shape_a[i] for i in free]
        prod_free = int(np.prod([shape_a[i] for i in free]))
        prod_axes = int(np.prod([shape_a[i] for i in axes]))
        return tf.reshape(_v1.transpose(a, free + axes), [prod_free, prod_axes]), free_dims, free_dims
    shape_a = a.shape.as_list()
    axes = [i if i >= 0 else i + len(shape_a) for i in axes]
    free = [i for i in range(len(shape_a)) if i not in axes]
    free_dims_static = [shape_a[i] for i in free]
    axes_t = tf.convert_to_tensor(axes, dtype=tf.int32, name="axes")
    free_t = tf.convert_to_tensor(free, dtype=tf.int32, name="free")
    shape_t = tf.shape(a)
    free_dims = tf.gather(shape_t, free_t)
    axes_dims = tf.gather(shape_t, axes_t)
    prod_free_dims = tf.reduce_prod(free_dims)
    prod_axes_dims = tf.reduce_prod(axes_dims)
    perm = tf.concat([free_t, axes_t], 0)
    new_shape = tf.stack([prod_free_dims, prod_axes_dims])
    return tf.reshape(_v1.transpose(a, perm), new_shape), free_dims, free_dims_static


def split_1x(original):
    """``tf.split(value, num_or_size_splits, axis)`` as every TF 1.x built it: the count converted to a
    tensor first, even when an int (a Const nobody uses, named ``Const`` in the caller's scope),
    then the Split op; TF 2.21 passes an int straight to Split. BasicLSTMCell's gates split this
    way, so its ops (and every later op seed) follow."""
    import functools
    import numbers

    @functools.wraps(original)
    def split(value, num_or_size_splits, axis=0, num=None, name="split"):
        if isinstance(num_or_size_splits, numbers.Integral) and not tf.executing_eagerly():
            tf.convert_to_tensor(num_or_size_splits)
        return original(value, num_or_size_splits, axis=axis, num=num, name=name)

    split._tf1_cnn_original = original
    return split


def one_hot_1x(original):
    """``tf.one_hot`` with a Python ``on_value`` / ``off_value`` as TF 1.x built it: each converted once
    to learn its dtype (a Const nobody uses: ``one_hot/Const``, ``Const_1``) and again as the op's
    input (``one_hot/on_value``, ``off_value``); TF 2.21 converts them once. Tensors, eager
    execution and calls without the values are TF 2.21's (the same ops)."""
    import functools

    from tensorflow.python.framework import tensor_util
    from tensorflow.python.ops import gen_array_ops

    @functools.wraps(original)
    def one_hot(indices, depth, on_value=None, off_value=None, axis=None, dtype=None, name=None):
        python_values = [v for v in (on_value, off_value) if v is not None and not tensor_util.is_tf_type(v)]
        if not python_values or tf.executing_eagerly():
            return original(indices, depth, on_value=on_value, off_value=off_value, axis=axis, dtype=dtype, name=name)
        with _v1.name_scope(name, "one_hot", [indices, depth, on_value, off_value, axis, dtype]) as scope:
            on_dtype = tf.convert_to_tensor(on_value).dtype.base_dtype if on_value is not None else None
            off_dtype = tf.convert_to_tensor(off_value).dtype.base_dtype if off_value is not None else None
            if dtype is None:
                dtype = on_dtype or off_dtype
            dtype = tf.as_dtype(dtype)
            indices = tf.convert_to_tensor(indices, name="indices")
            depth = tf.convert_to_tensor(depth, name="depth")
            on = tf.convert_to_tensor(1 if on_value is None else on_value, dtype, name="on_value")
            off = tf.convert_to_tensor(0 if off_value is None else off_value, dtype, name="off_value")
            return gen_array_ops.one_hot(indices, depth, on, off, axis=-1 if axis is None else axis, name=scope)

    one_hot._tf1_cnn_original = original
    return one_hot
