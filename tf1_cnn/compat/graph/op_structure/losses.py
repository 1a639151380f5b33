"""TF 1.3.0 / 1.4.1's ``tf.nn.softmax_cross_entropy_with_logits`` and ``tf.losses``' ops.

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


# --- tf.losses' reductions (TensorFlow 2.21's losses_impl, which tf.compat.v1.losses is)


def safe_mean_1x(original):
    """``losses_impl._safe_mean(losses, num_present)`` -> scalar: TF 1.3.0/1.4.1's safe division.

    TF 1.3.0/1.4.1 (oracle): ``Sum``, then ``where(num_present > 0, total / where(num_present == 0,
    ones_like(num_present), num_present), zeros_like(total))`` named ``value`` (Greater, Equal,
    ones_like, Select, RealDiv ``div``, zeros_like, Select ``value``); TF 1.15.5 and 2.21 one
    ``DivNoNan`` named ``value``.
    """
    import functools

    from tensorflow.python.ops import array_ops, math_ops

    @functools.wraps(original)
    def safe_mean(losses, num_present):
        if settings.current("tf1_version") not in ("1.3", "1.4") or tf.executing_eagerly():
            return original(losses, num_present)
        total = math_ops.reduce_sum(losses)
        positive = math_ops.greater(num_present, 0)
        divisor = array_ops.where(math_ops.equal(num_present, 0), array_ops.ones_like(num_present), num_present)
        return array_ops.where(positive, math_ops.div(total, divisor), array_ops.zeros_like(total), name="value")

    safe_mean._tf1_cnn_original = original
    return safe_mean


class _LossesMathOps:
    """``math_ops`` as ``losses_impl`` sees it under 1.3/1.4: ``cast(x, dtype=float32)`` is TF 1.x's
    ``to_float(x)``, which opened a ``ToFloat`` name scope even for a float32 tensor, so the Const of a
    Python weight is ``ToFloat_<n>/x`` (TF 1.15.5 and 2.21: ``Cast/x``). ``losses_impl`` passes
    ``dtype=`` by keyword exactly where TF 1.3.0/1.4.1 called ``to_float`` (positional casts to
    ``logits.dtype`` stay ``Cast``). Everything else is ``math_ops`` itself."""

    def __init__(self, math_ops):
        self._math_ops = math_ops

    def __getattr__(self, name):
        return getattr(self._math_ops, name)

    def cast(self, x, *args, **kwargs):
        if (args or kwargs.get("dtype") != tf.float32 or settings.current("tf1_version") not in ("1.3", "1.4")
                or tf.executing_eagerly()):
            return self._math_ops.cast(x, *args, **kwargs)
        from tensorflow.python.framework import ops

        with ops.name_scope(kwargs.get("name"), "ToFloat", [x]) as scope:
            x = ops.convert_to_tensor(x, name="x")
            return self._math_ops.cast(x, tf.float32, name=scope)


class _LossesModuleProxy:
    """A module as ``losses_impl`` sees it, with a few functions replaced under 1.3/1.4 (see ``_old``)."""

    def __init__(self, module, replaced):
        self._module, self._replaced = module, replaced

    def __getattr__(self, name):
        if name in self._replaced and _old():
            return self._replaced[name]
        return getattr(self._module, name)


def _old():
    return settings.current("tf1_version") in ("1.3", "1.4") and not tf.executing_eagerly()


def _xent_1_3(labels=None, logits=None, axis=-1, name=None, dim=None):
    """``tf.losses.softmax_cross_entropy``'s kernel under 1.3/1.4: TF 1.3.0/1.4.1's function (no scope
    of its own, the kernel named ``xentropy``)."""
    return softmax_cross_entropy_with_logits_1_3(labels, logits, axis if dim is None else dim, name)


def _stop_gradient(input, name=None):  # noqa: A002 (TensorFlow's argument name)
    """TF 1.3.0/1.4.1's ``tf.losses.softmax_cross_entropy`` did not stop the labels' gradient."""
    if name == "labels_stop_gradient":
        return input
    return tf.stop_gradient(input, name=name)


def huber_loss_1_3(original):
    """``tf.losses.huber_loss`` (labels, predictions: same shape) -> scalar, as TF 1.3.0/1.4.1 built it:
    ``0.5 * quadratic**2 + delta * linear`` (sub, pow, mul, mul_1, add; TF 1.5+ and 2.21: ``Sub_1``,
    ``Mul`` of quadratic by itself, ``Mul_1``, ``Mul_2``, ``Add``)."""
    import functools

    from tensorflow.python.framework import ops
    from tensorflow.python.ops.losses import losses_impl

    @functools.wraps(original)
    def huber_loss(labels, predictions, weights=1.0, delta=1.0, scope=None,
                   loss_collection=ops.GraphKeys.LOSSES, reduction=losses_impl.Reduction.SUM_BY_NONZERO_WEIGHTS):
        if not _old() or labels is None or predictions is None:
            return original(labels, predictions, weights, delta, scope, loss_collection, reduction)
        with ops.name_scope(scope, "huber_loss", (predictions, labels, weights)) as scope:
            predictions = losses_impl.math_ops.cast(predictions, dtype=tf.float32)  # to_float
            labels = losses_impl.math_ops.cast(labels, dtype=tf.float32)
            predictions.get_shape().assert_is_compatible_with(labels.get_shape())
            abs_error = tf.abs(tf.subtract(predictions, labels))
            quadratic = tf.minimum(abs_error, delta)
            linear = abs_error - quadratic
            losses = 0.5 * quadratic ** 2 + delta * linear
            return losses_impl.compute_weighted_loss(losses, weights, scope, loss_collection, reduction=reduction)

    huber_loss._tf1_cnn_original = original
    return huber_loss


def install_losses():
    """Give ``losses_impl`` (tf.compat.v1.losses) TF 1.3.0/1.4.1's reductions under those versions."""
    from tensorflow.python.ops.losses import losses_impl

    if not hasattr(losses_impl._safe_mean, "_tf1_cnn_original"):
        losses_impl._safe_mean = safe_mean_1x(losses_impl._safe_mean)
    if not isinstance(losses_impl.math_ops, _LossesMathOps):
        losses_impl.math_ops = _LossesMathOps(losses_impl.math_ops)
    if not isinstance(losses_impl.nn, _LossesModuleProxy):
        losses_impl.nn = _LossesModuleProxy(losses_impl.nn, {"softmax_cross_entropy_with_logits_v2": _xent_1_3})
        losses_impl.array_ops = _LossesModuleProxy(losses_impl.array_ops, {"stop_gradient": _stop_gradient})
    if not hasattr(losses_impl.huber_loss, "_tf1_cnn_original"):
        losses_impl.huber_loss = huber_loss_1_3(losses_impl.huber_loss)
        for module in (tf.compat.v1.losses,):
            if getattr(module, "huber_loss", None) is losses_impl.huber_loss._tf1_cnn_original:
                module.huber_loss = losses_impl.huber_loss
