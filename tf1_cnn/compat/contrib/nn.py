"""``tf.contrib.nn`` (TF 1.15's ``contrib/nn``): neural-network ops TF 1.x kept outside ``tf.nn``.

- ``deprecated_flipped_softmax_cross_entropy_with_logits`` / ``..._sparse_...`` / ``..._sigmoid_...``: the
  ``tf.nn`` losses with TF 1.0's argument order ``(logits, labels)``, building what the ``tf.nn`` function of
  the selected version builds (Sonnet 1's ``Linear`` tests call the sparse one);
- ``conv1d_transpose``: TF 1.15 re-exported core ``nn_ops.conv1d_transpose``, which TF 2.21 has as
  ``tf.nn.conv1d_transpose`` (the same function);
- ``nth_element``: TF 1.15's core ``nn_ops.nth_element`` (the ``NthElement`` kernel, still in TF 2.21);
- ``alpha_dropout``: SELU's dropout (Klambauer et al. 2017), TF 1.4-1.15's ops;
- ``sampled_sparse_softmax_loss``: sampled softmax with one true class per row, TF 1.15's ops.
Not provided (no library carries them; TF 1.15's were Defun- and resampling-based): ``scaled_softplus``,
``rank_sampled_softmax_loss``; asking for them names their TF 2 replacement (``migration.NOT_PROVIDED``).
Under ``--tf1-version 1.3`` only the flipped cross-entropies, under 1.4 also ``alpha_dropout``, as there.
Each op-building function is checked against TF 1.15's op table (cases ``contrib_nn_*``).
"""
import numbers

from ._common import module

__all__ = ["alpha_dropout", "deprecated_flipped_sigmoid_cross_entropy_with_logits",
           "deprecated_flipped_softmax_cross_entropy_with_logits",
           "deprecated_flipped_sparse_softmax_cross_entropy_with_logits", "nth_element",
           "sampled_sparse_softmax_loss"]

# SELU's saturation value -lambda * alpha (Klambauer et al. 2017, eq. 14): a dropped unit is set to it
_SELU_SATURATION = -1.7580993408473766


def deprecated_flipped_softmax_cross_entropy_with_logits(logits, labels, dim=-1, name=None):
    """``tf.nn.softmax_cross_entropy_with_logits(labels=labels, logits=logits, dim=dim)``: (batch,) losses of
    ``logits`` / ``labels`` (batch, num_classes), the classes on ``dim``."""
    from ..graph import op_structure

    return op_structure.softmax_cross_entropy_with_logits(labels=labels, logits=logits, dim=dim, name=name)


def deprecated_flipped_sparse_softmax_cross_entropy_with_logits(logits, labels, name=None):
    """``tf.nn.sparse_softmax_cross_entropy_with_logits(labels=labels, logits=logits)``: ``logits``
    (d_0, ..., d_{r-2}, num_classes), int ``labels`` (d_0, ..., d_{r-2}) -> losses shaped like ``labels``."""
    import tensorflow as tf

    return tf.compat.v1.nn.sparse_softmax_cross_entropy_with_logits(labels=labels, logits=logits, name=name)


def deprecated_flipped_sigmoid_cross_entropy_with_logits(logits, targets, name=None):
    """``tf.nn.sigmoid_cross_entropy_with_logits(labels=targets, logits=logits)``: elementwise logistic losses,
    ``logits`` and ``targets`` of one shape."""
    import tensorflow as tf

    return tf.compat.v1.nn.sigmoid_cross_entropy_with_logits(labels=targets, logits=logits, name=name)


def nth_element(input, n, reverse=False, name=None):  # noqa: A002 (TF's argument name)
    """The ``n``-th smallest (``reverse``: largest) value along the last axis: ``input`` (..., k) -> (...)."""
    from tensorflow.python.ops import gen_nn_ops

    return gen_nn_ops.nth_element(input, n, reverse=reverse, name=name)


def alpha_dropout(x, keep_prob, noise_shape=None, seed=None, name=None):
    """TF 1.4-1.15's alpha dropout: each unit of ``x`` kept with probability ``keep_prob`` (a scalar in (0, 1]),
    else set to SELU's saturation value, then an affine map that restores the input's zero mean and unit
    variance. ``noise_shape`` (default ``shape(x)``) broadcasts the keep mask; returns ``x``'s shape.
    ``keep_prob`` known to be 1: ``x`` itself, as TF 1.x returned it."""
    import tensorflow as _tf

    tf = _tf.compat.v1
    with tf.name_scope(name, "alpha_dropout", [x]):
        x = tf.convert_to_tensor(x, name="x")
        if isinstance(keep_prob, numbers.Real) and not 0 < keep_prob <= 1.0:
            raise ValueError("keep_prob must be a scalar tensor or a float in the range (0, 1], got %g" % keep_prob)
        keep_prob = tf.convert_to_tensor(keep_prob, dtype=x.dtype, name="keep_prob")
        keep_prob.get_shape().assert_has_rank(0)
        if tf.get_static_value(keep_prob) == 1:
            return x
        # one uniform draw per unit (of noise_shape); kept where it is at least the drop probability
        uniform = tf.random_uniform(tf.shape(x) if noise_shape is None else noise_shape, seed=seed, dtype=x.dtype)
        kept = tf.cast(tf.math.greater_equal(uniform, 1 - keep_prob), x.dtype)
        x = x * kept + _SELU_SATURATION * (1 - kept)
        # a * x + b has mean 0, variance 1 again (the paper's eq. 15), in TF 1.x's order of ops
        scale = (keep_prob + keep_prob * (1 - keep_prob) * _SELU_SATURATION ** 2) ** -0.5
        shift = -scale * _SELU_SATURATION * (1 - keep_prob)
        return scale * x + shift


def sampled_sparse_softmax_loss(weights, biases, labels, inputs, num_sampled, num_classes, sampled_values=None,
                                remove_accidental_hits=True, partition_strategy="mod",
                                name="sampled_sparse_softmax_loss"):
    """TF 1.15's sampled softmax with one true class per row: ``weights`` (num_classes, dim) (or its shards),
    ``biases`` (num_classes,), int64 ``labels`` (batch, 1), ``inputs`` (batch, dim) -> (batch,) losses over the
    true class and ``num_sampled`` sampled ones (log-uniform sampler unless ``sampled_values``)."""
    import tensorflow as _tf
    from tensorflow.python.ops import nn_impl

    tf = _tf.compat.v1
    # TensorFlow's own sampled logits (TF 2.21 keeps the function tf.nn.sampled_softmax_loss uses): the true
    # class's logit in column 0, then the sampled ones
    logits, _ = nn_impl._compute_sampled_logits(  # noqa: SLF001
        weights=weights, biases=biases, labels=labels, inputs=inputs, num_sampled=num_sampled,
        num_classes=num_classes, num_true=1, sampled_values=sampled_values, subtract_log_q=True,
        remove_accidental_hits=remove_accidental_hits, partition_strategy=partition_strategy, name=name)
    first = tf.zeros([tf.shape(logits)[0], 1], dtype=tf.int64)
    return tf.nn.sparse_softmax_cross_entropy_with_logits(labels=tf.squeeze(first), logits=logits)


# the TF 1.x version that first had each name of tf.contrib.nn (read from TF 1.3.0, 1.4.1 and 1.15.5)
_SINCE = {"alpha_dropout": "1.4", "conv1d_transpose": "1.15", "nth_element": "1.15",
          "sampled_sparse_softmax_loss": "1.15"}
_ORDER = ("1.3", "1.4", "1.15")


def load():
    """``tf.contrib.nn``: a name TF 1.x added later than the selected ``--tf1-version`` is missing there, as it
    was (looked up per use: the version can change in a process, as in the op-table probe)."""
    import tensorflow as tf

    from ..settings import current

    members = {name: globals()[name] for name in __all__}
    members["conv1d_transpose"] = tf.nn.conv1d_transpose  # TF 1.15's core function, TF 2.21's tf.nn one
    later = {name: members.pop(name) for name in _SINCE}

    def __getattr__(name):  # noqa: N807 (a module's __getattr__, PEP 562)
        version = current("tf1_version")
        if name in later and _ORDER.index(version) >= _ORDER.index(_SINCE[name]):
            return later[name]
        raise AttributeError(f"module 'tensorflow.contrib.nn' has no attribute {name!r}")

    members["__getattr__"] = __getattr__
    return module("tf.contrib.nn", members)
