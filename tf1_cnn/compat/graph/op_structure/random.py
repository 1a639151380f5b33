"""TF 1.x's ``tf.random_uniform`` and, up to 1.4, ``tf.zeros`` / ``tf.ones``.

- ``random_uniform`` (TF 1.0-1.15, ``random_ops.random_uniform``): always converts
  ``minval`` and ``maxval`` to constants and scales the draw, 7 ops for a float
  ``tf.random_uniform(shape)`` (shape, min, max Const; RandomUniform; Sub, Mul, Add).
  TensorFlow 2.21 skips the two constants and the scaling for U[0, 1) (2 ops). The
  wrapper passes 0.0 and 1.0 as floats, which takes TF 2.21's general path: the same
  ops and names as TF 1.x, the same values (x * 1 + 0).
- ``zeros`` / ``ones`` (TF 1.0-1.4, ``array_ops.zeros``): a python shape always gave
  one Const; 1.5+ (and 2.21) build Fill for 1000 or more elements (3 ops).
"""
import functools

from tensorflow.python.eager import context
from tensorflow.python.framework import dtypes, ops, tensor_shape, tensor_util
from tensorflow.python.ops import array_ops

from ... import settings


def random_uniform_1x(original):
    """``random_ops.random_uniform`` with TF 1.x's ops (see the module docstring)."""
    @functools.wraps(original)
    def random_uniform(shape, minval=0, maxval=None, dtype=dtypes.float32, seed=None, name=None):
        if not dtypes.as_dtype(dtype).is_integer and not context.executing_eagerly():
            if isinstance(minval, int) and not isinstance(minval, bool):
                minval = float(minval)
            maxval = 1.0 if maxval is None else float(maxval) if isinstance(maxval, int) else maxval
        return original(shape, minval, maxval, dtype=dtype, seed=seed, name=name)

    random_uniform._tf1_cnn_original = original
    return random_uniform


def _filled_1_4(original, value, default_name):
    """TF 1.0-1.4's ``array_ops.zeros`` / ``ones``: one Const for any python shape."""
    @functools.wraps(original)
    def filled(shape, dtype=dtypes.float32, name=None, **kwargs):
        if (isinstance(shape, (list, tuple)) and any(tensor_util.is_tf_type(d) for d in shape) and not kwargs
                and not context.executing_eagerly()):
            return _filled_from_tensors(original, shape, dtype, name, default_name)
        if (settings.current("tf1_version") not in ("1.3", "1.4") or context.executing_eagerly()
                or tensor_util.is_tf_type(shape) or kwargs):
            return original(shape, dtype=dtype, name=name, **kwargs)
        dtype = dtypes.as_dtype(dtype).base_dtype
        try:
            static = tensor_shape.as_shape(shape)
            if not static.is_fully_defined():
                raise ValueError(shape)
        except (TypeError, ValueError):
            return original(shape, dtype=dtype, name=name)
        fill = bool(value) if dtype == dtypes.bool else "" if dtype == dtypes.string else value  # ones: True
        with ops.name_scope(name, default_name, [shape]) as scope:
            return array_ops.constant(fill, shape=static.as_list(), dtype=dtype, name=scope)

    filled._tf1_cnn_original = original
    return filled


def _filled_from_tensors(original, shape, dtype, name, default_name):
    """zeros / ones of a shape list holding tensors (``zeros((batch_size,))``), as TF 1.x built it.

    TF 1.15.5 first tried a constant "if small": ``np.prod(shape) < 1000`` on the list made a
    Less op (and a Mul per further dimension) before failing on the tensor's truth value, then
    packed the list; TF 1.3.0 / 1.4.1 packed it as ``<scope>/shape``. Then Const and Fill.
    """
    import operator

    with ops.name_scope(name, default_name, [shape]) as scope:
        if settings.current("tf1_version") == "1.15":
            functools.reduce(operator.mul, shape) < 1000  # the ops TF 1.15.5 left behind
            packed = ops.convert_to_tensor(shape, dtype=dtypes.int32)
        else:
            packed = ops.convert_to_tensor(shape, dtype=dtypes.int32, name="shape")
        return original(packed, dtype=dtype, name=scope)


def zeros_1_4(original):
    return _filled_1_4(original, 0, "zeros")


def ones_1_4(original):
    return _filled_1_4(original, 1, "ones")
