"""``tf.contrib.seq2seq.sequence_loss`` (contrib/seq2seq/python/ops/loss.py).

TF 1.15.5's structure by default; TF 1.3.0 / 1.4.1 (no ``sum_over_*`` arguments) divided by the
weight sum plus 1e-12 instead of ``div_no_nan``.
"""
from ._base import v1, version

__all__ = ["sequence_loss"]


def sequence_loss(logits, targets, weights, average_across_timesteps=True, average_across_batch=True,
                  sum_over_timesteps=False, sum_over_batch=False, softmax_loss_function=None, name=None):
    """Weighted cross-entropy of a sequence of logits.

    logits [batch, time, classes] float; targets [batch, time] int; weights [batch, time] float.
    Returns a scalar (averaged or summed over both axes), [time] (over the batch only),
    [batch] (over time only) or [batch, time] (neither). TF 1.x divides by the weight sum
    (``average_*``) or by the count of non-zero weights (``sum_over_*``, TF 1.15).
    """
    if len(logits.get_shape()) != 3:
        raise ValueError("Logits must be a [batch_size x sequence_length x logits] tensor")
    if len(targets.get_shape()) != 2:
        raise ValueError("Targets must be a [batch_size x sequence_length] tensor")
    if len(weights.get_shape()) != 2:
        raise ValueError("Weights must be a [batch_size x sequence_length] tensor")
    old = version() in ("1.3", "1.4")
    if old and (sum_over_timesteps or sum_over_batch):
        raise TypeError("sequence_loss() got an unexpected keyword argument 'sum_over_timesteps' "
                        "(TF %s has no sum_over_*; TF 1.10+ does)" % version())
    if average_across_timesteps and sum_over_timesteps:
        raise ValueError("average_across_timesteps and sum_over_timesteps cannot be set to True at same time.")
    if average_across_batch and sum_over_batch:
        raise ValueError("average_across_batch and sum_over_batch cannot be set to True at same time.")
    with v1.name_scope(name, "sequence_loss", [logits, targets, weights]):
        num_classes = v1.shape(logits)[2]
        logits_flat = v1.reshape(logits, [-1, num_classes])
        targets = v1.reshape(targets, [-1])
        if softmax_loss_function is None:
            crossent = v1.nn.sparse_softmax_cross_entropy_with_logits(labels=targets, logits=logits_flat)
        else:
            crossent = softmax_loss_function(labels=targets, logits=logits_flat)
        crossent *= v1.reshape(weights, [-1])
        if old:
            return _reduce_tf13(crossent, logits, weights, average_across_timesteps, average_across_batch)
        return _reduce_tf115(crossent, logits, weights, average_across_timesteps, average_across_batch,
                             sum_over_timesteps, sum_over_batch)


def _reduce_tf115(crossent, logits, weights, avg_time, avg_batch, sum_time, sum_batch):
    # TF 1.15: over both axes at once on the flat vector; else back to [batch, time] first
    if avg_time and avg_batch:
        return v1.div_no_nan(v1.reduce_sum(crossent), v1.reduce_sum(weights))
    if sum_time and sum_batch:
        total = v1.reduce_sum(crossent)
        return v1.div_no_nan(total, v1.cast(v1.count_nonzero(weights), v1.float32))
    crossent = v1.reshape(crossent, v1.shape(logits)[0:2])
    if avg_time or avg_batch:
        axis = [0] if avg_batch else [1]
        total = v1.reduce_sum(crossent, axis=axis)
        return v1.div_no_nan(total, v1.reduce_sum(weights, axis=axis))
    if sum_time or sum_batch:
        axis = [0] if sum_batch else [1]
        total = v1.reduce_sum(crossent, axis=axis)
        return v1.div_no_nan(total, v1.cast(v1.count_nonzero(weights, axis=axis), dtype=v1.float32))
    return crossent


def _reduce_tf13(crossent, logits, weights, avg_time, avg_batch):
    # TF 1.3.0 / 1.4.1: a sum divided by (weight sum + 1e-12), so all-zero weights give 0, not NaN
    if avg_time and avg_batch:
        crossent = v1.reduce_sum(crossent)
        total_size = v1.reduce_sum(weights)
        total_size += 1e-12
        return crossent / total_size
    batch_size = v1.shape(logits)[0]
    sequence_length = v1.shape(logits)[1]
    crossent = v1.reshape(crossent, [batch_size, sequence_length])
    if avg_time or avg_batch:
        axis = [1] if avg_time else [0]
        crossent = v1.reduce_sum(crossent, axis=axis)
        total_size = v1.reduce_sum(weights, axis=axis)
        total_size += 1e-12
        crossent /= total_size
    return crossent
