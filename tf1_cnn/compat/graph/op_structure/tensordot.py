"""TF 1.15.5's ``tf.tensordot`` (what ``tf.layers.Dense`` builds on inputs of rank > 2)."""
import tensorflow as tf

from ... import settings

_v1 = tf.compat.v1


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
