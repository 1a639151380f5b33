"""``tf.contrib.seq2seq.BeamSearchDecoder`` and ``tile_batch``
(contrib/seq2seq/python/ops/beam_search_decoder.py, TF 1.15.5).

The decoder keeps ``beam_width`` hypotheses per batch entry: the cell runs on [batch * beam, ...]
(merged), its log-softmax is added to each beam's log probability, scored with Wu et al.'s length
penalty ((5 + len) / 6) ** alpha (and the coverage penalty), and the top ``beam_width`` of
beam * vocab continuations are kept. ``finalize`` backtracks them with ``gather_tree``.
"""
import collections

import numpy as np
from absl import logging

from ._base import TensorShape, assert_like_rnncell, constant_value, dimension_value, is_layer, nest, v1
from . import attention_wrapper, decoder
from .beam_search_ops import gather_tree

__all__ = ["BeamSearchDecoderOutput", "BeamSearchDecoderState", "BeamSearchDecoder", "FinalBeamSearchDecoderOutput",
           "tile_batch"]


class BeamSearchDecoderState(collections.namedtuple("BeamSearchDecoderState", (
        "cell_state", "log_probs", "finished", "lengths", "accumulated_attention_probs"))):
    """cell_state (split [batch, beam, ...]), log_probs [batch, beam], finished [batch, beam] bool,
    lengths [batch, beam] int64, accumulated_attention_probs (coverage penalty, else ())."""


class BeamSearchDecoderOutput(collections.namedtuple("BeamSearchDecoderOutput",
                                                     ("scores", "predicted_ids", "parent_ids"))):
    """Per step: scores [batch, beam], predicted_ids and parent_ids [batch, beam] int32."""


class FinalBeamSearchDecoderOutput(collections.namedtuple("FinalBeamDecoderOutput",
                                                          ["predicted_ids", "beam_search_decoder_output"])):
    """predicted_ids [batch, time, beam] (backtracked, best beam first) and the raw per-step outputs."""


def _tile_batch(t, multiplier):
    """[batch, ...] -> [batch * multiplier, ...], each entry repeated ``multiplier`` times in a row."""
    t = v1.convert_to_tensor(t, name="t")
    shape_t = v1.shape(t)
    if t.shape.ndims is None or t.shape.ndims < 1:
        raise ValueError("t must have statically known rank")
    tiling = [1] * (t.shape.ndims + 1)
    tiling[1] = multiplier
    static_batch = dimension_value(t.shape[0])
    tiled_static_batch_size = static_batch * multiplier if static_batch is not None else None
    tiled = v1.tile(v1.expand_dims(t, 1), tiling)
    tiled = v1.reshape(tiled, v1.concat(([shape_t[0] * multiplier], shape_t[1:]), 0))
    tiled.set_shape(TensorShape([tiled_static_batch_size]).concatenate(t.shape[1:]))
    return tiled


def tile_batch(t, multiplier, name=None):
    """Tile a (nested) batch [batch, ...] to [batch * multiplier, ...]: what a BeamSearchDecoder's
    memory, memory lengths and initial state need (``beam_width`` copies of each entry)."""
    flat_t = nest.flatten(t)
    with v1.name_scope(name, "tile_batch", flat_t + [multiplier]):
        return nest.map_structure(lambda t_: _tile_batch(t_, multiplier), t)


def gather_tree_from_array(t, parent_ids, sequence_length):
    """A stacked TensorArray t [max_time, batch * beam, ...] reordered along the beams' backtracked paths."""
    max_time = dimension_value(parent_ids.shape[0]) or v1.shape(parent_ids)[0]
    batch_size = dimension_value(parent_ids.shape[1]) or v1.shape(parent_ids)[1]
    beam_width = dimension_value(parent_ids.shape[2]) or v1.shape(parent_ids)[2]
    beam_ids = v1.expand_dims(v1.expand_dims(v1.range(beam_width), 0), 0)
    beam_ids = v1.tile(beam_ids, [max_time, batch_size, 1])
    max_sequence_lengths = v1.cast(v1.reduce_max(sequence_length, axis=1), v1.int32)
    sorted_beam_ids = gather_tree(step_ids=beam_ids, parent_ids=parent_ids, max_sequence_lengths=max_sequence_lengths,
                                  end_token=beam_width + 1)
    # steps past a beam's length keep their own beam
    in_bound_steps = v1.transpose(v1.sequence_mask(sequence_length, maxlen=max_time), perm=[2, 0, 1])
    sorted_beam_ids = v1.where(in_bound_steps, x=sorted_beam_ids, y=beam_ids)
    time_ind = v1.tile(v1.reshape(v1.range(max_time), [-1, 1, 1]), [1, batch_size, beam_width])
    batch_ind = v1.tile(v1.reshape(v1.range(batch_size), [-1, 1, 1]), [1, max_time, beam_width])
    batch_ind = v1.transpose(batch_ind, perm=[1, 0, 2])
    indices = v1.stack([time_ind, batch_ind, sorted_beam_ids], -1)
    final_shape = v1.shape(t)
    gather_from = v1.reshape(t, [max_time, batch_size, beam_width, -1])
    ordered = v1.gather_nd(gather_from, indices)
    return v1.reshape(ordered, final_shape)


def _check_maybe(t):
    if t.shape.ndims is None:
        raise ValueError("Expected tensor (%s) to have known rank, but ndims == None." % t)


def _check_static_batch_beam_maybe(shape, batch_size, beam_width):
    """False (with a warning) when a static [batch * beam, ...] or [batch, beam, ...] shape disagrees."""
    reshaped_shape = TensorShape([batch_size, beam_width, None])
    if batch_size is not None and dimension_value(shape[0]) is not None and (
            shape[0] != batch_size * beam_width or (shape.ndims >= 2 and dimension_value(shape[1]) is not None and
                                                    (shape[0] != batch_size or shape[1] != beam_width))):
        logging.warning("TensorArray reordering expects elements to be reshapable to %s which is incompatible "
                        "with the current shape %s. Consider setting reorder_tensor_arrays to False to disable "
                        "TensorArray reordering during the beam search.", reshaped_shape, shape)
        return False
    return True


def _check_batch_beam(t, batch_size, beam_width):
    """An Assert that t's first dimension is batch * beam (rank 3+: or that t is [batch, beam, ...])."""
    error_message = ("TensorArray reordering expects elements to be reshapable to [batch_size, beam_size, -1] "
                     "which is incompatible with the dynamic shape of %s elements. Consider setting "
                     "reorder_tensor_arrays to False to disable TensorArray reordering during the beam search."
                     % (t.name))
    rank = t.shape.ndims
    shape = v1.shape(t)
    if rank == 2:
        condition = v1.equal(shape[1], batch_size * beam_width)
    else:
        condition = v1.logical_or(v1.equal(shape[1], batch_size * beam_width),
                                  v1.logical_and(v1.equal(shape[1], batch_size), v1.equal(shape[2], beam_width)))
    return v1.Assert(condition, [error_message])


class BeamSearchDecoderMixin:
    """What BeamSearchDecoder's steps share: reshaping between [batch, beam] and [batch * beam], finalize."""

    def __init__(self, output_layer, reorder_tensor_arrays=True, **kwargs):
        if output_layer is not None and not is_layer(output_layer):
            raise TypeError("output_layer must be a Layer, received: %s" % type(output_layer))
        self._output_layer = output_layer
        self._reorder_tensor_arrays = reorder_tensor_arrays
        super().__init__(**kwargs)

    @property
    def batch_size(self):
        return self._batch_size

    def _rnn_output_size(self):
        size = self._cell.output_size
        if self._output_layer is None:
            return size
        with_batch = nest.map_structure(lambda s: TensorShape([None]).concatenate(s), size)
        layer_output_shape = self._output_layer.compute_output_shape(with_batch)
        return nest.map_structure(lambda s: s[1:], layer_output_shape)

    @property
    def tracks_own_finished(self):
        """Beam search keeps its own finished flags (a finished beam can be replaced)."""
        return True

    @property
    def output_size(self):
        return BeamSearchDecoderOutput(scores=TensorShape([self._beam_width]),
                                       predicted_ids=TensorShape([self._beam_width]),
                                       parent_ids=TensorShape([self._beam_width]))

    def finalize(self, outputs, final_state, sequence_lengths=None):
        """(FinalBeamSearchDecoderOutput, final_state): the beams backtracked by gather_tree; with
        ``reorder_tensor_arrays``, TensorArrays in the cell state (alignment history) reordered too."""
        del sequence_lengths
        max_sequence_lengths = v1.cast(v1.reduce_max(final_state.lengths, axis=1), v1.int32)
        predicted_ids = gather_tree(outputs.predicted_ids, outputs.parent_ids,
                                    max_sequence_lengths=max_sequence_lengths, end_token=self._end_token)
        if self._reorder_tensor_arrays:
            final_state = final_state._replace(cell_state=nest.map_structure(
                lambda t: self._maybe_sort_array_beams(t, outputs.parent_ids, final_state.lengths),
                final_state.cell_state))
        outputs = FinalBeamSearchDecoderOutput(beam_search_decoder_output=outputs, predicted_ids=predicted_ids)
        return outputs, final_state

    def _static_shape(self, s):
        if isinstance(s, v1.Tensor):
            return TensorShape(constant_value(s))
        return TensorShape(s)

    def _merge_batch_beams(self, t, s=None):
        """[batch, beam, ...] -> [batch * beam, ...] (static shape: [batch * beam] + s)."""
        s = self._static_shape(s)
        t_shape = v1.shape(t)
        static_batch_size = constant_value(self._batch_size)
        batch_size_beam_width = None if static_batch_size is None else static_batch_size * self._beam_width
        reshaped_t = v1.reshape(t, v1.concat(([self._batch_size * self._beam_width], t_shape[2:]), 0))
        reshaped_t.set_shape(TensorShape([batch_size_beam_width]).concatenate(s))
        return reshaped_t

    def _split_batch_beams(self, t, s=None):
        """[batch * beam, ...] -> [batch, beam, ...] (static shape: [batch, beam] + s)."""
        s = self._static_shape(s)
        t_shape = v1.shape(t)
        reshaped_t = v1.reshape(t, v1.concat(([self._batch_size, self._beam_width], t_shape[1:]), 0))
        static_batch_size = constant_value(self._batch_size)
        expected_reshaped_shape = TensorShape([static_batch_size, self._beam_width]).concatenate(s)
        if not reshaped_t.shape.is_compatible_with(expected_reshaped_shape):
            raise ValueError("Unexpected behavior when reshaping between beam width and batch size.  The reshaped "
                             "tensor has shape: %s.  We expected it to have shape (batch_size, beam_width, depth) == "
                             "%s.  Perhaps you forgot to create a zero_state with "
                             "batch_size=encoder_batch_size * beam_width?" % (reshaped_t.shape, expected_reshaped_shape))
        reshaped_t.set_shape(expected_reshaped_shape)
        return reshaped_t

    def _maybe_split_batch_beams(self, t, s):
        if isinstance(t, v1.TensorArray):
            return t
        _check_maybe(t)
        return self._split_batch_beams(t, s) if t.shape.ndims >= 1 else t

    def _maybe_merge_batch_beams(self, t, s):
        if isinstance(t, v1.TensorArray):
            return t
        _check_maybe(t)
        return self._merge_batch_beams(t, s) if t.shape.ndims >= 2 else t

    def _maybe_sort_array_beams(self, t, parent_ids, sequence_length):
        """A TensorArray of [batch * beam, ...] elements stacked and reordered along the final beams."""
        if not isinstance(t, v1.TensorArray):
            return t
        element_shape = t.element_shape
        if element_shape.ndims is None or element_shape.ndims < 1:
            logging.warning("The TensorArray %s in the cell state is not amenable to sorting based on the beam "
                            "search result. For a TensorArray to be sorted, its elements shape must be defined and "
                            "have at least a rank of 1, but saw shape: %s", t.handle.name, element_shape)
            return t
        if not _check_static_batch_beam_maybe(element_shape, constant_value(self._batch_size), self._beam_width):
            return t
        t = t.stack()
        with v1.control_dependencies([_check_batch_beam(t, self._batch_size, self._beam_width)]):
            return gather_tree_from_array(t, parent_ids, sequence_length)

    def step(self, time, inputs, state, name=None):
        """(BeamSearchDecoderOutput, BeamSearchDecoderState, next_inputs, finished) for step ``time``."""
        batch_size = self._batch_size
        beam_width = self._beam_width
        end_token = self._end_token
        with v1.name_scope(name, "BeamSearchDecoderStep", (time, inputs, state)):
            cell_state = state.cell_state
            inputs = nest.map_structure(lambda inp: self._merge_batch_beams(inp, s=inp.shape[2:]), inputs)
            cell_state = nest.map_structure(self._maybe_merge_batch_beams, cell_state, self._cell.state_size)
            cell_outputs, next_cell_state = self._cell(inputs, cell_state)
            cell_outputs = nest.map_structure(lambda out: self._split_batch_beams(out, out.shape[1:]), cell_outputs)
            next_cell_state = nest.map_structure(self._maybe_split_batch_beams, next_cell_state, self._cell.state_size)
            if self._output_layer is not None:
                cell_outputs = self._output_layer(cell_outputs)
            beam_search_output, beam_search_state = _beam_search_step(
                time=time, logits=cell_outputs, next_cell_state=next_cell_state, beam_state=state,
                batch_size=batch_size, beam_width=beam_width, end_token=end_token,
                length_penalty_weight=self._length_penalty_weight,
                coverage_penalty_weight=self._coverage_penalty_weight)
            finished = beam_search_state.finished
            sample_ids = beam_search_output.predicted_ids
            next_inputs = v1.cond(v1.reduce_all(finished), lambda: self._start_inputs,
                                  lambda: self._embedding_fn(sample_ids))
        return (beam_search_output, beam_search_state, next_inputs, finished)


class BeamSearchDecoder(BeamSearchDecoderMixin, decoder.Decoder):
    """Beam search over a cell's outputs (``output_layer`` projects them to the vocabulary).

    The cell's state (``initial_state``) and any attention memory must be tiled to batch * beam_width
    (``tile_batch``); ``start_tokens`` [batch], ``end_token`` scalar, ``embedding`` a [vocab, depth]
    matrix or a callable; ``length_penalty_weight``: alpha of ((5 + len) / 6) ** alpha.
    """

    def __init__(self, cell, embedding, start_tokens, end_token, initial_state, beam_width, output_layer=None,
                 length_penalty_weight=0.0, coverage_penalty_weight=0.0, reorder_tensor_arrays=True):
        super().__init__(output_layer, reorder_tensor_arrays=reorder_tensor_arrays)
        assert_like_rnncell("cell", cell)
        self._cell = cell
        if callable(embedding):
            self._embedding_fn = embedding
        else:
            self._embedding_fn = lambda ids: v1.nn.embedding_lookup(embedding, ids)
        self._start_tokens = v1.convert_to_tensor(start_tokens, dtype=v1.int32, name="start_tokens")
        if self._start_tokens.get_shape().ndims != 1:
            raise ValueError("start_tokens must be a vector")
        self._end_token = v1.convert_to_tensor(end_token, dtype=v1.int32, name="end_token")
        if self._end_token.get_shape().ndims != 0:
            raise ValueError("end_token must be a scalar")
        self._batch_size = v1.size(start_tokens)
        self._beam_width = beam_width
        self._length_penalty_weight = length_penalty_weight
        self._coverage_penalty_weight = coverage_penalty_weight
        self._initial_cell_state = nest.map_structure(self._maybe_split_batch_beams, initial_state,
                                                      self._cell.state_size)
        self._start_tokens = v1.tile(v1.expand_dims(self._start_tokens, 1), [1, self._beam_width])
        self._start_inputs = self._embedding_fn(self._start_tokens)
        # only beam 0 is live at the start
        self._finished = v1.one_hot(v1.zeros([self._batch_size], dtype=v1.int32), depth=self._beam_width,
                                    on_value=False, off_value=True, dtype=v1.bool)

    def initialize(self, name=None):
        """(finished, start inputs, BeamSearchDecoderState): beam 0 at log probability 0, the rest -inf."""
        finished, start_inputs = self._finished, self._start_inputs
        dtype = nest.flatten(self._initial_cell_state)[0].dtype
        log_probs = v1.one_hot(v1.zeros([self._batch_size], dtype=v1.int32), depth=self._beam_width,
                               on_value=v1.convert_to_tensor(0.0, dtype=dtype),
                               off_value=v1.convert_to_tensor(-np.inf, dtype=dtype), dtype=dtype)
        init_attention_probs = get_attention_probs(self._initial_cell_state, self._coverage_penalty_weight)
        if init_attention_probs is None:
            init_attention_probs = ()
        initial_state = BeamSearchDecoderState(
            cell_state=self._initial_cell_state, log_probs=log_probs, finished=finished,
            lengths=v1.zeros([self._batch_size, self._beam_width], dtype=v1.int64),
            accumulated_attention_probs=init_attention_probs)
        return (finished, start_inputs, initial_state)

    @property
    def output_dtype(self):
        dtype = nest.flatten(self._initial_cell_state)[0].dtype
        return BeamSearchDecoderOutput(scores=nest.map_structure(lambda _: dtype, self._rnn_output_size()),
                                       predicted_ids=v1.int32, parent_ids=v1.int32)


def _beam_search_step(time, logits, next_cell_state, beam_state, batch_size, beam_width, end_token,
                      length_penalty_weight, coverage_penalty_weight):
    """One step of beam search: logits [batch, beam, vocab] -> (BeamSearchDecoderOutput, BeamSearchDecoderState)."""
    static_batch_size = constant_value(batch_size)
    prediction_lengths = beam_state.lengths
    previously_finished = beam_state.finished
    not_finished = v1.logical_not(previously_finished)
    # a finished beam continues only with end_token, at no cost
    step_log_probs = v1.nn.log_softmax(logits)
    step_log_probs = _mask_probs(step_log_probs, end_token, previously_finished)
    total_probs = v1.expand_dims(beam_state.log_probs, 2) + step_log_probs
    vocab_size = dimension_value(logits.shape[-1]) or v1.shape(logits)[-1]
    lengths_to_add = v1.one_hot(indices=v1.fill([batch_size, beam_width], end_token), depth=vocab_size,
                                on_value=v1.cast(0, v1.int64, name="ToInt64"),  # TF 1.15's math_ops.to_int64
                                off_value=v1.cast(1, v1.int64, name="ToInt64"), dtype=v1.int64)
    add_mask = v1.cast(not_finished, v1.int64)
    lengths_to_add *= v1.expand_dims(add_mask, 2)
    new_prediction_lengths = lengths_to_add + v1.expand_dims(prediction_lengths, 2)
    accumulated_attention_probs = None
    attention_probs = get_attention_probs(next_cell_state, coverage_penalty_weight)
    if attention_probs is not None:
        attention_probs *= v1.expand_dims(v1.cast(not_finished, v1.float32), 2)
        accumulated_attention_probs = beam_state.accumulated_attention_probs + attention_probs
    scores = _get_scores(log_probs=total_probs, sequence_lengths=new_prediction_lengths,
                         length_penalty_weight=length_penalty_weight, coverage_penalty_weight=coverage_penalty_weight,
                         finished=previously_finished, accumulated_attention_probs=accumulated_attention_probs)
    time = v1.convert_to_tensor(time, name="time")
    # the best beam_width of beam * vocab continuations per batch entry
    scores_flat = v1.reshape(scores, [batch_size, -1])
    next_beam_size = v1.convert_to_tensor(beam_width, dtype=v1.int32, name="beam_width")
    next_beam_scores, word_indices = v1.nn.top_k(scores_flat, k=next_beam_size)
    next_beam_scores.set_shape([static_batch_size, beam_width])
    word_indices.set_shape([static_batch_size, beam_width])
    next_beam_probs = _tensor_gather_helper(gather_indices=word_indices, gather_from=total_probs,
                                            batch_size=batch_size, range_size=beam_width * vocab_size,
                                            gather_shape=[-1], name="next_beam_probs")
    raw_next_word_ids = v1.mod(word_indices, vocab_size, name="next_beam_word_ids")
    next_word_ids = v1.cast(raw_next_word_ids, v1.int32)
    next_beam_ids = v1.cast(word_indices / vocab_size, v1.int32, name="next_beam_parent_ids")
    previously_finished = _tensor_gather_helper(gather_indices=next_beam_ids, gather_from=previously_finished,
                                                batch_size=batch_size, range_size=beam_width, gather_shape=[-1])
    next_finished = v1.logical_or(previously_finished, v1.equal(next_word_ids, end_token), name="next_beam_finished")
    lengths_to_add = v1.cast(v1.logical_not(previously_finished), v1.int64)
    next_prediction_len = _tensor_gather_helper(gather_indices=next_beam_ids, gather_from=beam_state.lengths,
                                                batch_size=batch_size, range_size=beam_width, gather_shape=[-1])
    next_prediction_len += lengths_to_add
    next_accumulated_attention_probs = ()
    if accumulated_attention_probs is not None:
        next_accumulated_attention_probs = _tensor_gather_helper(
            gather_indices=next_beam_ids, gather_from=accumulated_attention_probs, batch_size=batch_size,
            range_size=beam_width, gather_shape=[batch_size * beam_width, -1], name="next_accumulated_attention_probs")
    # the cell state follows the beams it came from
    next_cell_state = nest.map_structure(
        lambda gather_from: _maybe_tensor_gather_helper(gather_indices=next_beam_ids, gather_from=gather_from,
                                                        batch_size=batch_size, range_size=beam_width,
                                                        gather_shape=[batch_size * beam_width, -1]),
        next_cell_state)
    next_state = BeamSearchDecoderState(cell_state=next_cell_state, log_probs=next_beam_probs,
                                        lengths=next_prediction_len, finished=next_finished,
                                        accumulated_attention_probs=next_accumulated_attention_probs)
    output = BeamSearchDecoderOutput(scores=next_beam_scores, predicted_ids=next_word_ids, parent_ids=next_beam_ids)
    return output, next_state


def get_attention_probs(next_cell_state, coverage_penalty_weight):
    """The alignments [batch, beam, max_time] of the attentional cells in the state (averaged over
    mechanisms and cells), or None without a coverage penalty."""
    if coverage_penalty_weight == 0.0:
        return None
    probs_per_attn_layer = []
    if isinstance(next_cell_state, attention_wrapper.AttentionWrapperState):
        probs_per_attn_layer = [attention_probs_from_attn_state(next_cell_state)]
    elif isinstance(next_cell_state, tuple):
        for state in next_cell_state:
            if isinstance(state, attention_wrapper.AttentionWrapperState):
                probs_per_attn_layer.append(attention_probs_from_attn_state(state))
    if not probs_per_attn_layer:
        raise ValueError("coverage_penalty_weight must be 0.0 if no cell is attentional.")
    if len(probs_per_attn_layer) == 1:
        return probs_per_attn_layer[0]
    attention_probs = v1.concat([v1.expand_dims(prob, -1) for prob in probs_per_attn_layer], -1)
    return v1.reduce_mean(attention_probs, -1)


def attention_probs_from_attn_state(attention_state):
    """An AttentionWrapperState's alignments (several mechanisms: their mean)."""
    if isinstance(attention_state.alignments, tuple):
        probs = v1.concat([v1.expand_dims(p, -1) for p in attention_state.alignments], -1)
        return v1.reduce_mean(probs, -1)
    return attention_state.alignments


def _get_scores(log_probs, sequence_lengths, length_penalty_weight, coverage_penalty_weight, finished,
                accumulated_attention_probs):
    """log_probs / length penalty, plus the weighted coverage penalty on finished beams."""
    length_penalty_ = _length_penalty(sequence_lengths=sequence_lengths, penalty_factor=length_penalty_weight)
    length_penalty_ = v1.cast(length_penalty_, dtype=log_probs.dtype)
    scores = log_probs / length_penalty_
    coverage_penalty_weight = v1.convert_to_tensor(coverage_penalty_weight, name="coverage_penalty_weight")
    if coverage_penalty_weight.shape.ndims != 0:
        raise ValueError("coverage_penalty_weight should be a scalar, but saw shape: %s" %
                         coverage_penalty_weight.shape)
    if constant_value(coverage_penalty_weight) == 0.0:
        return scores
    if accumulated_attention_probs is None:
        raise ValueError("accumulated_attention_probs can be None only if coverage penalty is disabled.")
    # attention never paid counts as 1 (no penalty)
    accumulated_attention_probs = v1.where(v1.equal(accumulated_attention_probs, 0.0),
                                           v1.ones_like(accumulated_attention_probs), accumulated_attention_probs)
    coverage_penalty = v1.reduce_sum(v1.log(v1.minimum(accumulated_attention_probs, 1.0)), 2)
    weighted_coverage_penalty = coverage_penalty * coverage_penalty_weight
    weighted_coverage_penalty = v1.expand_dims(weighted_coverage_penalty, 2)
    finished_mask = v1.cast(v1.expand_dims(finished, 2), log_probs.dtype)
    weighted_coverage_penalty *= finished_mask
    return scores + weighted_coverage_penalty


def _length_penalty(sequence_lengths, penalty_factor):
    """((5 + lengths) / 6) ** penalty_factor (Wu et al. 2016); the Python 1.0 when the factor is 0."""
    penalty_factor = v1.convert_to_tensor(penalty_factor, name="penalty_factor")
    penalty_factor.set_shape(())
    static_penalty = constant_value(penalty_factor)
    if static_penalty is not None and static_penalty == 0:
        return 1.0
    return v1.div((5. + v1.cast(sequence_lengths, v1.float32)) ** penalty_factor, (5. + 1.) ** penalty_factor)


def _mask_probs(probs, eos_token, finished):
    """probs [batch, beam, vocab] where finished beams get 0 at eos and the dtype's minimum elsewhere."""
    vocab_size = v1.shape(probs)[2]
    finished_row = v1.one_hot(eos_token, vocab_size, dtype=probs.dtype,
                              on_value=v1.convert_to_tensor(0., dtype=probs.dtype), off_value=probs.dtype.min)
    finished_probs = v1.tile(v1.reshape(finished_row, [1, 1, -1]), v1.concat([v1.shape(finished), [1]], 0))
    finished_mask = v1.tile(v1.expand_dims(finished, 2), [1, 1, vocab_size])
    return v1.where(finished_mask, finished_probs, probs)


def _maybe_tensor_gather_helper(gather_indices, gather_from, batch_size, range_size, gather_shape):
    """_tensor_gather_helper on tensors of rank >= len(gather_shape); others (and TensorArrays) as they are."""
    if isinstance(gather_from, v1.TensorArray):
        return gather_from
    _check_maybe(gather_from)
    if gather_from.shape.ndims >= len(gather_shape):
        return _tensor_gather_helper(gather_indices=gather_indices, gather_from=gather_from, batch_size=batch_size,
                                     range_size=range_size, gather_shape=gather_shape)
    return gather_from


def _tensor_gather_helper(gather_indices, gather_from, batch_size, range_size, gather_shape, name=None):
    """gather_from's rows at gather_indices [batch, beam] (offset by batch * range_size), reshaped back."""
    with v1.name_scope(name, "tensor_gather_helper"):
        range_ = v1.expand_dims(v1.range(batch_size) * range_size, 1)
        gather_indices = v1.reshape(gather_indices + range_, [-1])
        output = v1.gather(v1.reshape(gather_from, gather_shape), gather_indices)
        final_shape = v1.shape(gather_from)[:1 + len(gather_shape)]
        static_batch_size = constant_value(batch_size)
        final_static_shape = TensorShape([static_batch_size]).concatenate(gather_from.shape[1:1 + len(gather_shape)])
        output = v1.reshape(output, final_shape, name="output")
        output.set_shape(final_static_shape)
        return output
