"""``tf.contrib.crf`` (TF 1.15's contrib/crf: a linear-chain CRF), written from TF 1.x's documented behaviour
and checked against TF 1.3.0 / 1.4.1 / 1.15.5: log-likelihoods, partition functions and decoded tags equal
TF 1.x's (tests/test_crf.py); ``crf_log_likelihood``'s ``transitions`` variable has TF 1.x's name, shape and
initializer (an unseeded glorot_uniform draw). The graph is TF 1.15's (a sequence of length 1 handled apart
by a tf.cond or, when the length is static, directly); TF 1.3.0 built no such branch (op-table cases
``crf_*``). Shapes: ``inputs`` / potentials (batch, max_seq_len, num_tags) float32, ``tag_indices``
(batch, max_seq_len) int32, ``sequence_lengths`` (batch,) int32, ``transition_params`` (num_tags, num_tags).
Imported on first use of ``tf.contrib.crf``.
"""
import numpy as np
import tensorflow as _tf

from .rnn.cells import RNNCell

tf = _tf.compat.v1

__all__ = ["crf_binary_score", "crf_decode", "crf_log_likelihood", "crf_log_norm", "crf_multitag_sequence_score",
           "crf_sequence_score", "crf_unary_score", "viterbi_decode", "CrfDecodeBackwardRnnCell",
           "CrfDecodeForwardRnnCell", "CrfForwardRnnCell"]


def _smart_cond(pred, true_fn, false_fn):
    """TF 1.x's utils.smart_cond: the branch itself when ``pred`` is known while building, else tf.cond."""
    static = tf.get_static_value(pred)
    if static is not None:
        return true_fn() if static else false_fn()
    return tf.cond(pred, true_fn, false_fn)


def _length_is_one(inputs):
    """inputs.shape[1] == 1: an Equal of the static length when known, else of the dynamic one (TF 1.15)."""
    return tf.equal(_tf.compat.dimension_value(inputs.shape[1]) or tf.shape(inputs)[1], 1)


def crf_sequence_score(inputs, tag_indices, sequence_lengths, transition_params):
    """The unnormalized score of each tag sequence: unary + binary scores, (batch,)."""

    def _single_seq_fn():
        batch_size = tf.shape(inputs, out_type=tag_indices.dtype)[0]
        example_inds = tf.reshape(tf.range(batch_size, dtype=tag_indices.dtype), [-1, 1])
        sequence_scores = tf.gather_nd(tf.squeeze(inputs, [1]), tf.concat([example_inds, tag_indices], axis=1))
        return tf.where(tf.less_equal(sequence_lengths, 0), tf.zeros_like(sequence_scores), sequence_scores)

    def _multi_seq_fn():
        unary_scores = crf_unary_score(tag_indices, sequence_lengths, inputs)
        binary_scores = crf_binary_score(tag_indices, sequence_lengths, transition_params)
        return unary_scores + binary_scores

    return _smart_cond(_length_is_one(inputs), _single_seq_fn, _multi_seq_fn)


def crf_multitag_sequence_score(inputs, tag_bitmap, sequence_lengths, transition_params):
    """The log-sum-exp score of all tag sequences allowed by ``tag_bitmap`` (batch, max_seq_len, num_tags)
    bool: (batch,)."""
    tag_bitmap = tf.cast(tag_bitmap, tf.bool)
    sequence_lengths = tf.cast(sequence_lengths, tf.int32)

    def filtered():  # the scores of disallowed tags -inf (built inside each branch, as TF 1.15)
        return tf.where(tag_bitmap, inputs, tf.fill(tf.shape(inputs), float("-inf")))

    def _single_seq_fn():
        return tf.reduce_logsumexp(filtered(), axis=[1, 2], keepdims=False)

    def _multi_seq_fn():
        return crf_log_norm(inputs=filtered(), sequence_lengths=sequence_lengths,
                            transition_params=transition_params)

    return _smart_cond(_length_is_one(inputs), _single_seq_fn, _multi_seq_fn)


def crf_log_norm(inputs, sequence_lengths, transition_params):
    """The log partition function of each sequence (forward algorithm over a dynamic_rnn): (batch,);
    0 for a sequence of length <= 0."""
    first_input = tf.squeeze(tf.slice(inputs, [0, 0, 0], [-1, 1, -1]), [1])

    def _single_seq_fn():
        log_norm = tf.reduce_logsumexp(first_input, [1])
        return tf.where(tf.less_equal(sequence_lengths, 0), tf.zeros_like(log_norm), log_norm)

    def _multi_seq_fn():
        rest_of_input = tf.slice(inputs, [0, 1, 0], [-1, -1, -1])
        forward_cell = CrfForwardRnnCell(transition_params)
        # a sequence of length 0 must not run the cell (TF 1.15: max(0, length - 1))
        sequence_lengths_less_one = tf.maximum(tf.constant(0, dtype=sequence_lengths.dtype), sequence_lengths - 1)
        _, alphas = tf.nn.dynamic_rnn(cell=forward_cell, inputs=rest_of_input,
                                      sequence_length=sequence_lengths_less_one, initial_state=first_input,
                                      dtype=tf.float32)
        log_norm = tf.reduce_logsumexp(alphas, [1])
        return tf.where(tf.less_equal(sequence_lengths, 0), tf.zeros_like(log_norm), log_norm)

    return _smart_cond(_length_is_one(inputs), _single_seq_fn, _multi_seq_fn)


def crf_log_likelihood(inputs, tag_indices, sequence_lengths, transition_params=None):
    """(log_likelihood (batch,), transition_params); without ``transition_params`` a variable
    ``transitions`` [num_tags, num_tags] is made in the current scope (get_variable's default initializer)."""
    num_tags = _tf.compat.dimension_value(inputs.shape[2])
    if transition_params is None:
        transition_params = tf.get_variable("transitions", [num_tags, num_tags])
    sequence_scores = crf_sequence_score(inputs, tag_indices, sequence_lengths, transition_params)
    log_norm = crf_log_norm(inputs, sequence_lengths, transition_params)
    return sequence_scores - log_norm, transition_params


def crf_unary_score(tag_indices, sequence_lengths, inputs):
    """Sum over the unmasked steps of inputs[b, t, tag_indices[b, t]]: (batch,)."""
    batch_size = tf.shape(inputs)[0]
    max_seq_len = tf.shape(inputs)[1]
    num_tags = tf.shape(inputs)[2]
    flattened_inputs = tf.reshape(inputs, [-1])
    offsets = tf.expand_dims(tf.range(batch_size) * max_seq_len * num_tags, 1)
    offsets += tf.expand_dims(tf.range(max_seq_len) * num_tags, 0)
    if tag_indices.dtype == tf.int64:
        offsets = tf.cast(offsets, tf.int64)
    flattened_tag_indices = tf.reshape(offsets + tag_indices, [-1])
    unary_scores = tf.reshape(tf.gather(flattened_inputs, flattened_tag_indices), [batch_size, max_seq_len])
    masks = tf.sequence_mask(sequence_lengths, maxlen=tf.shape(tag_indices)[1], dtype=tf.float32)
    return tf.reduce_sum(unary_scores * masks, 1)


def crf_binary_score(tag_indices, sequence_lengths, transition_params):
    """Sum over the unmasked transitions of transition_params[tag[t], tag[t + 1]]: (batch,)."""
    num_tags = transition_params.get_shape()[0]
    num_transitions = tf.shape(tag_indices)[1] - 1
    start_tag_indices = tf.slice(tag_indices, [0, 0], [-1, num_transitions])
    end_tag_indices = tf.slice(tag_indices, [0, 1], [-1, num_transitions])
    flattened_transition_indices = start_tag_indices * num_tags + end_tag_indices
    flattened_transition_params = tf.reshape(transition_params, [-1])
    binary_scores = tf.gather(flattened_transition_params, flattened_transition_indices)
    masks = tf.sequence_mask(sequence_lengths, maxlen=tf.shape(tag_indices)[1], dtype=tf.float32)
    truncated_masks = tf.slice(masks, [0, 1], [-1, -1])
    return tf.reduce_sum(binary_scores * truncated_masks, 1)


class _TransitionCell(RNNCell):
    """What the CRF's two forward cells share: the transition matrix broadcast over the batch,
    (1, num_tags, num_tags), and a state and output of num_tags per example."""

    def __init__(self, transition_params):
        super().__init__()
        self._transition_params = tf.expand_dims(transition_params, 0)
        self._num_tags = _tf.compat.dimension_value(transition_params.shape[0])

    @property
    def state_size(self):
        return self._num_tags

    @property
    def output_size(self):
        return self._num_tags


class CrfForwardRnnCell(_TransitionCell):
    """One step of the forward algorithm: alphas (batch, num_tags) -> inputs + logsumexp over the previous tag
    of (alphas + transition_params)."""

    def __call__(self, inputs, state, scope=None):
        state = tf.expand_dims(state, 2)
        transition_scores = state + self._transition_params
        new_alphas = inputs + tf.reduce_logsumexp(transition_scores, [1])
        return new_alphas, new_alphas


def viterbi_decode(score, transition_params):
    """The best tag sequence of one example, in NumPy: score (seq_len, num_tags), transition_params
    (num_tags, num_tags) -> (list of seq_len ints, its score)."""
    trellis = np.zeros_like(score)
    backpointers = np.zeros_like(score, dtype=np.int32)
    trellis[0] = score[0]
    for t in range(1, score.shape[0]):
        v = np.expand_dims(trellis[t - 1], 1) + transition_params
        trellis[t] = score[t] + np.max(v, 0)
        backpointers[t] = np.argmax(v, 0)
    viterbi = [np.argmax(trellis[-1])]
    for bp in reversed(backpointers[1:]):
        viterbi.append(bp[viterbi[-1]])
    viterbi.reverse()
    return viterbi, np.max(trellis[-1])


class CrfDecodeForwardRnnCell(_TransitionCell):
    """One Viterbi step: state (batch, num_tags) -> (backpointers (batch, num_tags) int32, new state)."""

    def __call__(self, inputs, state, scope=None):
        state = tf.expand_dims(state, 2)
        transition_scores = state + self._transition_params
        new_state = inputs + tf.reduce_max(transition_scores, [1])
        backpointers = tf.cast(tf.argmax(transition_scores, 1), tf.int32)
        return backpointers, new_state


class CrfDecodeBackwardRnnCell(RNNCell):
    """One step back through the backpointers: state (batch, 1) tag -> the previous tag (batch, 1)."""

    def __init__(self, num_tags):
        super().__init__()
        self._num_tags = num_tags

    @property
    def state_size(self):
        return 1

    @property
    def output_size(self):
        return 1

    def __call__(self, inputs, state, scope=None):
        state = tf.squeeze(state, axis=[1])
        batch_size = tf.shape(inputs)[0]
        b_indices = tf.range(batch_size)
        indices = tf.stack([b_indices, state], axis=1)
        new_tags = tf.expand_dims(tf.gather_nd(inputs, indices), axis=-1)
        return new_tags, new_tags


def crf_decode(potentials, transition_params, sequence_length):
    """Viterbi decoding in the graph: (decode_tags (batch, max_seq_len) int32, best_score (batch,))."""

    def _single_seq_fn():
        squeezed_potentials = tf.squeeze(potentials, [1])
        decode_tags = tf.expand_dims(tf.argmax(squeezed_potentials, axis=1), 1)
        best_score = tf.reduce_max(squeezed_potentials, axis=1)
        return tf.cast(decode_tags, dtype=tf.int32), best_score

    def _multi_seq_fn():
        num_tags = _tf.compat.dimension_value(potentials.shape[2])
        crf_fwd_cell = CrfDecodeForwardRnnCell(transition_params)
        initial_state = tf.squeeze(tf.slice(potentials, [0, 0, 0], [-1, 1, -1]), axis=[1])
        inputs = tf.slice(potentials, [0, 1, 0], [-1, -1, -1])
        sequence_length_less_one = tf.maximum(tf.constant(0, dtype=sequence_length.dtype), sequence_length - 1)
        backpointers, last_score = tf.nn.dynamic_rnn(crf_fwd_cell, inputs=inputs,
                                                     sequence_length=sequence_length_less_one,
                                                     initial_state=initial_state, time_major=False, dtype=tf.int32)
        backpointers = tf.reverse_sequence(backpointers, sequence_length_less_one, seq_axis=1)
        crf_bwd_cell = CrfDecodeBackwardRnnCell(num_tags)
        initial_state = tf.expand_dims(tf.cast(tf.argmax(last_score, axis=1), dtype=tf.int32), axis=-1)
        decode_tags, _ = tf.nn.dynamic_rnn(crf_bwd_cell, inputs=backpointers, sequence_length=sequence_length_less_one,
                                           initial_state=initial_state, time_major=False, dtype=tf.int32)
        decode_tags = tf.squeeze(decode_tags, axis=[2])
        decode_tags = tf.concat([initial_state, decode_tags], axis=1)
        decode_tags = tf.reverse_sequence(decode_tags, sequence_length, seq_axis=1)
        best_score = tf.reduce_max(last_score, axis=1)
        return decode_tags, best_score

    return _smart_cond(_length_is_one(potentials), _single_seq_fn, _multi_seq_fn)


def load():
    """``tf.contrib.crf``: this module's functions and cells."""
    from ._common import module

    return module("tf.contrib.crf", {name: globals()[name] for name in __all__})
