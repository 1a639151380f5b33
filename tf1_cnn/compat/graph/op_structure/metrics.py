"""``tf.metrics`` (``metrics_impl``) as TF 1.3.0 / 1.4.1 built them: ``to_float`` casts and the safe division.

TF 1.3.0 / 1.4.1 (oracle, op-table cases ``metrics_*``) cast with ``to_float`` / ``to_int64`` (``ToFloat``,
``ToInt64``) and divided a metric's total by its count with ``_safe_div``: ``Greater`` than 0, ``truediv``,
and a ``Select`` named ``value`` / ``update_op`` of it or 0 (``value/e``); a scalar division
(``_safe_scalar_div``) was a ``tf.cond`` on the float64 denominator equal to 0. TF 1.15.5 and 2.21 cast with
``cast`` and divide with ``div_no_nan`` of ``maximum(count, 0)`` (``Maximum``, ``DivNoNan``). The values are
the same: 0 where the count is not positive. Under 1.3 / 1.4 ``metrics_impl`` is given TF 1.3.0's
``cast`` naming, ``maximum(count, 0)`` (only ever the denominator of ``div_no_nan`` there) as the count
itself and ``div_no_nan`` as ``_safe_div``. Every TF 1.x version divided with ``math_ops.div`` (a RealDiv named
``div``: precision, recall, auc) where TF 2.21 calls ``divide`` (``truediv``).
"""
import functools

from tensorflow.python.eager import context
from tensorflow.python.framework import constant_op, dtypes
from tensorflow.python.ops import array_ops, control_flow_ops, math_ops

from ... import settings
from .array import ModuleWith
from .to_float import cast_to_named

OLD = ("1.3", "1.4")


def _old():
    return settings.current("tf1_version") in OLD and not context.executing_eagerly()


def _maximum(x, y, name=None):
    if _old() and isinstance(y, int) and y == 0 and name is None:
        return x  # the denominator of the division below: TF 1.3.0 tested it in the division
    return math_ops.maximum(x, y, name=name)


def _div_no_nan(x, y, name=None):
    """TF 1.3.0's ``_safe_div`` of a scalar total and count: 0 where ``y`` <= 0, else ``x / y``. Other shapes
    (TF 1.3.0's mean_per_class_accuracy was a confusion matrix's: not mirrored) keep TF 2.21's ops."""
    if not _old():
        return math_ops.div_no_nan(x, y, name=name)
    if x.shape.rank != 0 or y.shape.rank != 0:
        return math_ops.div_no_nan(x, math_ops.maximum(y, 0), name=name)
    return array_ops.where(math_ops.greater(y, 0), math_ops.truediv(x, y), 0, name=name)


def _divide(x, y, name=None):
    """TF 1.x's ``math_ops.div`` (a ``div`` RealDiv) where TF 2.21's metrics call ``divide`` (every 1.x version)."""
    if settings.current("tf1_version") in ("1.3", "1.4", "1.15") and not context.executing_eagerly():
        return math_ops.div(x, y, name=name)
    return math_ops.divide(x, y, name=name)


def safe_scalar_div_1_3(original):
    """Wrap ``metrics_impl._safe_scalar_div(numerator, denominator, name)``: TF 1.3.0's cond under 1.3 / 1.4."""
    @functools.wraps(original)
    def _safe_scalar_div(numerator, denominator, name):
        if not _old():
            return original(numerator, denominator, name)
        numerator.get_shape().with_rank_at_most(1)
        denominator.get_shape().with_rank_at_most(1)
        return control_flow_ops.cond(
            math_ops.equal(constant_op.constant(0.0, dtype=dtypes.float64), denominator),
            lambda: constant_op.constant(0.0, dtype=dtypes.float64),
            lambda: math_ops.div(numerator, denominator), name=name)

    _safe_scalar_div._tf1_cnn_original = original
    return _safe_scalar_div


def install():
    """Give ``metrics_impl`` TF 1.3.0's casts and divisions under 1.3 / 1.4 (idempotent)."""
    from tensorflow.python.ops import metrics_impl

    from ._wrapping import wrap

    if wrap(metrics_impl, "_safe_scalar_div", safe_scalar_div_1_3):
        metrics_impl.math_ops = ModuleWith(metrics_impl.math_ops, cast=cast_to_named(OLD), maximum=_maximum,
                                           div_no_nan=_div_no_nan, divide=_divide)
