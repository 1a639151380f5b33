"""TF 1.x's ``tf.one_hot`` with Python ``on_value`` / ``off_value``."""
import tensorflow as tf

_v1 = tf.compat.v1


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
