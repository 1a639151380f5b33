"""``tf.contrib.seq2seq.Decoder`` and ``dynamic_decode`` (contrib/seq2seq/python/ops/decoder.py).

``dynamic_decode`` runs ``decoder.step`` in a v1 ``tf.while_loop`` (TF 1.15.5's loop: time,
the output TensorArrays, state, inputs, finished, sequence lengths; ``maximum_iterations``
passed to the loop) until every batch entry is finished, under the variable scope "decoder".
"""
import abc

from ._base import TensorShape, constant_value, nest, transpose_batch_time, v1, zero_state_tensors

__all__ = ["Decoder", "dynamic_decode"]


class Decoder(metaclass=abc.ABCMeta):
    """The interface ``dynamic_decode`` drives (TF 1.x's abstract ``Decoder``)."""

    @property
    def batch_size(self):
        """The decoder's batch size (a Python int or a scalar int32 tensor)."""
        raise NotImplementedError

    @property
    def output_size(self):
        """A (nested) TensorShape per output, without the batch dimension."""
        raise NotImplementedError

    @property
    def output_dtype(self):
        """A (nested) DType per output."""
        raise NotImplementedError

    @abc.abstractmethod
    def initialize(self, name=None):
        """(finished [batch] bool, initial inputs, initial state)."""
        raise NotImplementedError

    @abc.abstractmethod
    def step(self, time, inputs, state, name=None):
        """(outputs, next_state, next_inputs, finished) for one step."""
        raise NotImplementedError

    def finalize(self, outputs, final_state, sequence_lengths):
        """Optional: post-process the stacked outputs (BeamSearchDecoder backtracks its beams here)."""
        raise NotImplementedError

    @property
    def tracks_own_finished(self):
        """True when the decoder's ``finished`` already includes earlier steps' (beam search)."""
        return False


def _create_zero_outputs(size, dtype, batch_size):
    """Zeros [batch] + size per output (what ``impute_finished`` writes for finished entries)."""
    return nest.map_structure(lambda s, d: zero_state_tensors(s, batch_size, d), size, dtype)


def dynamic_decode(decoder, output_time_major=False, impute_finished=False, maximum_iterations=None,
                   parallel_iterations=32, swap_memory=False, scope=None):
    """Decode until every entry is finished or ``maximum_iterations`` steps have run.

    Returns (final_outputs, final_state, final_sequence_lengths [batch] int32); the outputs are
    [batch, time, ...] (``output_time_major``: [time, batch, ...]), or what ``decoder.finalize``
    makes of them. ``impute_finished`` writes zeros and keeps the state for finished entries.
    """
    if not isinstance(decoder, Decoder):
        raise TypeError("Expected decoder to be type Decoder, but saw: %s" % type(decoder))
    with v1.variable_scope(scope, "decoder") as varscope:
        # TF 1.x: outside a while loop, cache variable reads on the op's device (one read per step)
        ctxt = v1.get_default_graph()._get_control_flow_context()
        if ctxt is None or ctxt.GetWhileContext() is None:
            if varscope.caching_device is None:
                varscope.set_caching_device(lambda op: op.device)
        if maximum_iterations is not None:
            maximum_iterations = v1.convert_to_tensor(maximum_iterations, dtype=v1.int32, name="maximum_iterations")
            if maximum_iterations.get_shape().ndims != 0:
                raise ValueError("maximum_iterations must be a scalar")
        initial_finished, initial_inputs, initial_state = decoder.initialize()
        zero_outputs = _create_zero_outputs(decoder.output_size, decoder.output_dtype, decoder.batch_size)
        if maximum_iterations is not None:
            initial_finished = v1.logical_or(initial_finished, 0 >= maximum_iterations)
        initial_sequence_lengths = v1.zeros_like(initial_finished, dtype=v1.int32)
        initial_time = v1.constant(0, dtype=v1.int32)

        def _shape(batch_size, from_shape):
            if not isinstance(from_shape, TensorShape) or from_shape.ndims == 0:
                return None
            batch_size = constant_value(v1.convert_to_tensor(batch_size, name="batch_size"))
            return TensorShape([batch_size]).concatenate(from_shape)

        def _create_ta(s, d):
            return v1.TensorArray(dtype=d, size=0, dynamic_size=True, element_shape=_shape(decoder.batch_size, s))

        initial_outputs_ta = nest.map_structure(_create_ta, decoder.output_size, decoder.output_dtype)

        def condition(unused_time, unused_outputs_ta, unused_state, unused_inputs, finished, unused_lengths):
            return v1.logical_not(v1.reduce_all(finished))

        def body(time, outputs_ta, state, inputs, finished, sequence_lengths):
            (next_outputs, decoder_state, next_inputs, decoder_finished) = decoder.step(time, inputs, state)
            if decoder.tracks_own_finished:
                next_finished = decoder_finished
            else:
                next_finished = v1.logical_or(decoder_finished, finished)
            # TF 1.15.5: a step counts for every entry not finished before it (beam search too)
            next_sequence_lengths = v1.where(v1.logical_not(finished),
                                             v1.fill(v1.shape(sequence_lengths), time + 1), sequence_lengths)
            nest.assert_same_structure(state, decoder_state)
            nest.assert_same_structure(outputs_ta, next_outputs)
            nest.assert_same_structure(inputs, next_inputs)
            if impute_finished:
                emit = nest.map_structure(lambda out, zero: v1.where(finished, zero, out), next_outputs, zero_outputs)
            else:
                emit = next_outputs

            def _maybe_copy_state(new, cur):
                # a TensorArray or a scalar passes through; otherwise finished entries keep their state
                if isinstance(cur, v1.TensorArray):
                    pass_through = True
                else:
                    new.set_shape(cur.shape)
                    pass_through = (new.shape.ndims == 0)
                return new if pass_through else v1.where(finished, cur, new)

            if impute_finished:
                next_state = nest.map_structure(_maybe_copy_state, decoder_state, state)
            else:
                next_state = decoder_state
            outputs_ta = nest.map_structure(lambda ta, out: ta.write(time, out), outputs_ta, emit)
            return (time + 1, outputs_ta, next_state, next_inputs, next_finished, next_sequence_lengths)

        res = v1.while_loop(condition, body, loop_vars=(initial_time, initial_outputs_ta, initial_state,
                                                        initial_inputs, initial_finished, initial_sequence_lengths),
                            parallel_iterations=parallel_iterations, maximum_iterations=maximum_iterations,
                            swap_memory=swap_memory)
        final_outputs_ta = res[1]
        final_state = res[2]
        final_sequence_lengths = res[5]
        final_outputs = nest.map_structure(lambda ta: ta.stack(), final_outputs_ta)
        try:
            final_outputs, final_state = decoder.finalize(final_outputs, final_state, final_sequence_lengths)
        except NotImplementedError:
            pass
        if not output_time_major:
            final_outputs = nest.map_structure(transpose_batch_time, final_outputs)
    return final_outputs, final_state, final_sequence_lengths
