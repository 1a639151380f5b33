"""``tf.contrib.seq2seq``'s sampling helpers (contrib/seq2seq/python/ops/helper.py, TF 1.15.5).

A helper tells a ``BasicDecoder`` what to feed at each step: ``initialize() -> (finished
[batch] bool, inputs [batch, ...])``, ``sample(time, outputs, state) -> sample_ids [batch]``,
``next_inputs(time, outputs, state, sample_ids) -> (finished, next_inputs, state)``.
Name scopes, argument checks and op order are TF 1.15.5's (checked in the op tables).
"""
import abc

from ._base import TensorShape, dimension_value, nest, transpose_batch_time, v1

__all__ = ["Helper", "TrainingHelper", "GreedyEmbeddingHelper", "SampleEmbeddingHelper", "CustomHelper",
           "ScheduledEmbeddingTrainingHelper", "ScheduledOutputTrainingHelper", "InferenceHelper"]


def _unstack_ta(inp):
    """A TensorArray of ``inp``'s rows along axis 0 (time-major inputs -> one read per step)."""
    return v1.TensorArray(dtype=inp.dtype, size=v1.shape(inp)[0], element_shape=inp.get_shape()[1:]).unstack(inp)


def _embedding_fn(embedding):
    """``embedding`` if callable, else a lookup in the [vocab, depth] matrix (embedding_lookup)."""
    if callable(embedding):
        return embedding
    return lambda ids: v1.nn.embedding_lookup(embedding, ids)


def _categorical_sample(logits, seed):
    """TF 1.x's ``Categorical(logits=...).sample(seed=seed)``: ids [batch] drawn from the logits' softmax."""
    return v1.distributions.Categorical(logits=logits).sample(seed=seed)


class Helper(metaclass=abc.ABCMeta):
    """The interface a ``BasicDecoder`` samples through (TF 1.x's abstract ``Helper``)."""

    @property
    @abc.abstractmethod
    def batch_size(self):
        """Batch size of the tensors the helper returns (a Python int or a scalar int32 tensor)."""

    @property
    @abc.abstractmethod
    def sample_ids_shape(self):
        """Shape of one batch entry's sample id (a TensorShape)."""

    @property
    @abc.abstractmethod
    def sample_ids_dtype(self):
        """DType of the sample ids."""

    @abc.abstractmethod
    def initialize(self, name=None):
        """(initial_finished [batch] bool, initial_inputs)."""

    @abc.abstractmethod
    def sample(self, time, outputs, state, name=None):
        """sample_ids [batch] + sample_ids_shape."""

    @abc.abstractmethod
    def next_inputs(self, time, outputs, state, sample_ids, name=None):
        """(finished, next_inputs, next_state)."""


class CustomHelper(Helper):
    """A helper from three functions: ``initialize_fn() -> (finished, next_inputs)``,
    ``sample_fn(time, outputs, state) -> sample_ids``, ``next_inputs_fn(time, outputs, state, sample_ids)
    -> (finished, next_inputs, next_state)``."""

    def __init__(self, initialize_fn, sample_fn, next_inputs_fn, sample_ids_shape=None, sample_ids_dtype=None):
        self._initialize_fn = initialize_fn
        self._sample_fn = sample_fn
        self._next_inputs_fn = next_inputs_fn
        self._batch_size = None
        self._sample_ids_shape = TensorShape(sample_ids_shape or [])
        self._sample_ids_dtype = sample_ids_dtype or v1.int32

    @property
    def batch_size(self):
        if self._batch_size is None:
            raise ValueError("batch_size accessed before initialize was called")
        return self._batch_size

    @property
    def sample_ids_shape(self):
        return self._sample_ids_shape

    @property
    def sample_ids_dtype(self):
        return self._sample_ids_dtype

    def initialize(self, name=None):
        with v1.name_scope(name, "%sInitialize" % type(self).__name__):
            (finished, next_inputs) = self._initialize_fn()
            if self._batch_size is None:
                self._batch_size = v1.size(finished)
        return (finished, next_inputs)

    def sample(self, time, outputs, state, name=None):
        with v1.name_scope(name, "%sSample" % type(self).__name__, (time, outputs, state)):
            return self._sample_fn(time=time, outputs=outputs, state=state)

    def next_inputs(self, time, outputs, state, sample_ids, name=None):
        with v1.name_scope(name, "%sNextInputs" % type(self).__name__, (time, outputs, state)):
            return self._next_inputs_fn(time=time, outputs=outputs, state=state, sample_ids=sample_ids)


class _ArgmaxIdsHelper(Helper):
    """What TF 1.15's TrainingHelper and GreedyEmbeddingHelper each defined alike: ``batch_size`` from
    ``self._batch_size`` (set in ``__init__``), one int32 id per batch entry (shape [])."""

    @property
    def batch_size(self):
        return self._batch_size

    @property
    def sample_ids_shape(self):
        return TensorShape([])

    @property
    def sample_ids_dtype(self):
        return v1.int32


class TrainingHelper(_ArgmaxIdsHelper):
    """Feeds the ground truth: step t reads ``inputs[:, t]`` (teacher forcing).

    inputs: [batch, time, ...] (``time_major``: [time, batch, ...]), a nested structure allowed;
    sequence_length: [batch] int. Sample ids are the argmax of the outputs.
    """

    def __init__(self, inputs, sequence_length, time_major=False, name=None):
        with v1.name_scope(name, "TrainingHelper", [inputs, sequence_length]):
            inputs = v1.convert_to_tensor(inputs, name="inputs")
            self._inputs = inputs
            if not time_major:
                inputs = nest.map_structure(transpose_batch_time, inputs)
            self._input_tas = nest.map_structure(_unstack_ta, inputs)
            self._sequence_length = v1.convert_to_tensor(sequence_length, name="sequence_length")
            if self._sequence_length.get_shape().ndims != 1:
                raise ValueError("Expected sequence_length to be a vector, but received shape: %s" %
                                 self._sequence_length.get_shape())
            self._zero_inputs = nest.map_structure(lambda inp: v1.zeros_like(inp[0, :]), inputs)
            self._batch_size = v1.size(sequence_length)

    @property
    def inputs(self):
        return self._inputs

    @property
    def sequence_length(self):
        return self._sequence_length

    def initialize(self, name=None):
        with v1.name_scope(name, "TrainingHelperInitialize"):
            finished = v1.equal(0, self._sequence_length)
            all_finished = v1.reduce_all(finished)
            next_inputs = v1.cond(all_finished, lambda: self._zero_inputs,
                                  lambda: nest.map_structure(lambda inp: inp.read(0), self._input_tas))
            return (finished, next_inputs)

    def sample(self, time, outputs, name=None, **unused_kwargs):
        with v1.name_scope(name, "TrainingHelperSample", [time, outputs]):
            return v1.cast(v1.argmax(outputs, axis=-1), v1.int32)

    def next_inputs(self, time, outputs, state, name=None, **unused_kwargs):
        """(finished [batch]: time + 1 >= sequence_length, inputs[:, time + 1] or zeros once all finished, state)."""
        with v1.name_scope(name, "TrainingHelperNextInputs", [time, outputs, state]):
            next_time = time + 1
            finished = (next_time >= self._sequence_length)
            all_finished = v1.reduce_all(finished)
            next_inputs = v1.cond(all_finished, lambda: self._zero_inputs,
                                  lambda: nest.map_structure(lambda inp: inp.read(next_time), self._input_tas))
            return (finished, next_inputs, state)


class ScheduledEmbeddingTrainingHelper(TrainingHelper):
    """A TrainingHelper that, with probability ``sampling_probability`` per batch entry, feeds the
    embedding of an id sampled from the outputs instead of the ground truth (scheduled sampling)."""

    def __init__(self, inputs, sequence_length, embedding, sampling_probability, time_major=False, seed=None,
                 scheduling_seed=None, name=None):
        with v1.name_scope(name, "ScheduledEmbeddingSamplingWrapper", [embedding, sampling_probability]):
            self._embedding_fn = _embedding_fn(embedding)
            self._sampling_probability = v1.convert_to_tensor(sampling_probability, name="sampling_probability")
            if self._sampling_probability.get_shape().ndims not in (0, 1):
                raise ValueError("sampling_probability must be either a scalar or a vector. saw shape: %s" %
                                 (self._sampling_probability.get_shape()))
            self._seed = seed
            self._scheduling_seed = scheduling_seed
            super().__init__(inputs=inputs, sequence_length=sequence_length, time_major=time_major, name=name)

    def initialize(self, name=None):
        return super().initialize(name=name)

    def sample(self, time, outputs, state, name=None):
        """ids [batch]: a sampled id where a Bernoulli(sampling_probability) draw says so, else -1."""
        with v1.name_scope(name, "ScheduledEmbeddingTrainingHelperSample", [time, outputs, state]):
            select_sampler = v1.distributions.Bernoulli(probs=self._sampling_probability, dtype=v1.bool)
            select_sample = select_sampler.sample(sample_shape=self.batch_size, seed=self._scheduling_seed)
            sample_id_sampler = v1.distributions.Categorical(logits=outputs)
            return v1.where(select_sample, sample_id_sampler.sample(seed=self._seed),
                            v1.fill([self.batch_size], -1))

    def next_inputs(self, time, outputs, state, sample_ids, name=None):
        with v1.name_scope(name, "ScheduledEmbeddingTrainingHelperNextInputs", [time, outputs, state]):
            (finished, base_next_inputs, state) = super().next_inputs(
                time=time, outputs=outputs, state=state, sample_ids=sample_ids, name=name)

            def maybe_sample():
                """Ground truth where sample_ids is -1, the sampled id's embedding elsewhere (scatter)."""
                where_sampling = v1.cast(v1.where(sample_ids > -1), v1.int32)
                where_not_sampling = v1.cast(v1.where(sample_ids <= -1), v1.int32)
                sample_ids_sampling = v1.gather_nd(sample_ids, where_sampling)
                inputs_not_sampling = v1.gather_nd(base_next_inputs, where_not_sampling)
                sampled_next_inputs = self._embedding_fn(sample_ids_sampling)
                base_shape = v1.shape(base_next_inputs)
                return (v1.scatter_nd(indices=where_sampling, updates=sampled_next_inputs, shape=base_shape)
                        + v1.scatter_nd(indices=where_not_sampling, updates=inputs_not_sampling, shape=base_shape))

            all_finished = v1.reduce_all(finished)
            next_inputs = v1.cond(all_finished, lambda: base_next_inputs, maybe_sample)
            return (finished, next_inputs, state)


class ScheduledOutputTrainingHelper(TrainingHelper):
    """A TrainingHelper that, with probability ``sampling_probability`` per batch entry, feeds the
    previous step's output (through ``next_inputs_fn`` if given, concatenated with
    ``auxiliary_inputs`` if given) instead of the ground truth."""

    def __init__(self, inputs, sequence_length, sampling_probability, time_major=False, seed=None,
                 next_inputs_fn=None, auxiliary_inputs=None, name=None):
        with v1.name_scope(name, "ScheduledOutputTrainingHelper", [inputs, auxiliary_inputs, sampling_probability]):
            self._sampling_probability = v1.convert_to_tensor(sampling_probability, name="sampling_probability")
            if self._sampling_probability.get_shape().ndims not in (0, 1):
                raise ValueError("sampling_probability must be either a scalar or a vector. saw shape: %s" %
                                 (self._sampling_probability.get_shape()))
            if auxiliary_inputs is None:
                maybe_concatenated_inputs = inputs
            else:
                inputs = v1.convert_to_tensor(inputs, name="inputs")
                auxiliary_inputs = v1.convert_to_tensor(auxiliary_inputs, name="auxiliary_inputs")
                maybe_concatenated_inputs = nest.map_structure(lambda x, y: v1.concat((x, y), -1), inputs,
                                                               auxiliary_inputs)
                if not time_major:
                    auxiliary_inputs = nest.map_structure(transpose_batch_time, auxiliary_inputs)
            self._auxiliary_input_tas = (nest.map_structure(_unstack_ta, auxiliary_inputs)
                                         if auxiliary_inputs is not None else None)
            self._seed = seed
            self._next_inputs_fn = next_inputs_fn
            super().__init__(inputs=maybe_concatenated_inputs, sequence_length=sequence_length,
                             time_major=time_major, name=name)

    def initialize(self, name=None):
        return super().initialize(name=name)

    def sample(self, time, outputs, state, name=None):
        """[batch] bool: a Bernoulli(sampling_probability) draw per entry (True: feed the output)."""
        with v1.name_scope(name, "ScheduledOutputTrainingHelperSample", [time, outputs, state]):
            sampler = v1.distributions.Bernoulli(probs=self._sampling_probability)
            return sampler.sample(sample_shape=self.batch_size, seed=self._seed)

    def next_inputs(self, time, outputs, state, sample_ids, name=None):
        with v1.name_scope(name, "ScheduledOutputTrainingHelperNextInputs", [time, outputs, state, sample_ids]):
            (finished, base_next_inputs, state) = super().next_inputs(
                time=time, outputs=outputs, state=state, sample_ids=sample_ids, name=name)
            sample_ids = v1.cast(sample_ids, v1.bool)

            def maybe_sample():
                """Ground truth where not sampling, the (transformed) outputs elsewhere (scatter)."""
                def maybe_concatenate_auxiliary_inputs(outputs_, indices=None):
                    if self._auxiliary_input_tas is None:
                        return outputs_
                    next_time = time + 1
                    auxiliary_inputs = nest.map_structure(lambda ta: ta.read(next_time), self._auxiliary_input_tas)
                    if indices is not None:
                        auxiliary_inputs = v1.gather_nd(auxiliary_inputs, indices)
                    return nest.map_structure(lambda x, y: v1.concat((x, y), -1), outputs_, auxiliary_inputs)

                if self._next_inputs_fn is None:
                    return v1.where(sample_ids, maybe_concatenate_auxiliary_inputs(outputs), base_next_inputs)
                where_sampling = v1.cast(v1.where(sample_ids), v1.int32)
                where_not_sampling = v1.cast(v1.where(v1.logical_not(sample_ids)), v1.int32)
                outputs_sampling = v1.gather_nd(outputs, where_sampling)
                inputs_not_sampling = v1.gather_nd(base_next_inputs, where_not_sampling)
                sampled_next_inputs = maybe_concatenate_auxiliary_inputs(
                    self._next_inputs_fn(outputs_sampling), where_sampling)
                base_shape = v1.shape(base_next_inputs)
                return (v1.scatter_nd(indices=where_sampling, updates=sampled_next_inputs, shape=base_shape)
                        + v1.scatter_nd(indices=where_not_sampling, updates=inputs_not_sampling, shape=base_shape))

            all_finished = v1.reduce_all(finished)
            no_samples = v1.logical_not(v1.reduce_any(sample_ids))
            next_inputs = v1.cond(v1.logical_or(all_finished, no_samples), lambda: base_next_inputs, maybe_sample)
            return (finished, next_inputs, state)


class GreedyEmbeddingHelper(_ArgmaxIdsHelper):
    """Inference: feeds the embedding of the argmax of the outputs; finished at ``end_token``.

    start_tokens: [batch] int32; end_token: scalar int32; embedding: [vocab, depth] or a callable.
    """

    def __init__(self, embedding, start_tokens, end_token):
        self._embedding_fn = _embedding_fn(embedding)
        self._start_tokens = v1.convert_to_tensor(start_tokens, dtype=v1.int32, name="start_tokens")
        self._end_token = v1.convert_to_tensor(end_token, dtype=v1.int32, name="end_token")
        if self._start_tokens.get_shape().ndims != 1:
            raise ValueError("start_tokens must be a vector")
        self._batch_size = v1.size(start_tokens)
        if self._end_token.get_shape().ndims != 0:
            raise ValueError("end_token must be a scalar")
        self._start_inputs = self._embedding_fn(self._start_tokens)

    def initialize(self, name=None):
        finished = v1.tile([False], [self._batch_size])
        return (finished, self._start_inputs)

    def sample(self, time, outputs, state, name=None):
        del time, state
        if not isinstance(outputs, v1.Tensor):
            raise TypeError("Expected outputs to be a single Tensor, got: %s" % type(outputs))
        return v1.argmax(outputs, axis=-1, output_type=v1.int32)

    def next_inputs(self, time, outputs, state, sample_ids, name=None):
        del time, outputs
        finished = v1.equal(sample_ids, self._end_token)
        all_finished = v1.reduce_all(finished)
        next_inputs = v1.cond(all_finished, lambda: self._start_inputs, lambda: self._embedding_fn(sample_ids))
        return (finished, next_inputs, state)


class SampleEmbeddingHelper(GreedyEmbeddingHelper):
    """Inference: feeds the embedding of an id sampled from softmax(outputs / softmax_temperature)."""

    def __init__(self, embedding, start_tokens, end_token, softmax_temperature=None, seed=None):
        super().__init__(embedding, start_tokens, end_token)
        self._softmax_temperature = softmax_temperature
        self._seed = seed

    def sample(self, time, outputs, state, name=None):
        del time, state
        if not isinstance(outputs, v1.Tensor):
            raise TypeError("Expected outputs to be a single Tensor, got: %s" % type(outputs))
        logits = outputs if self._softmax_temperature is None else outputs / self._softmax_temperature
        return _categorical_sample(logits, self._seed)


class InferenceHelper(Helper):
    """Inference from continuous outputs: ``sample_fn(outputs)`` gives the samples, ``end_fn(samples)``
    the finished flags, ``next_inputs_fn(samples)`` (default: the samples) the next inputs."""

    def __init__(self, sample_fn, sample_shape, sample_dtype, start_inputs, end_fn, next_inputs_fn=None):
        self._sample_fn = sample_fn
        self._end_fn = end_fn
        self._sample_shape = TensorShape(sample_shape)
        self._sample_dtype = sample_dtype
        self._next_inputs_fn = next_inputs_fn
        self._batch_size = v1.shape(start_inputs)[0]
        self._start_inputs = v1.convert_to_tensor(start_inputs, name="start_inputs")

    @property
    def batch_size(self):
        return self._batch_size

    @property
    def sample_ids_shape(self):
        return self._sample_shape

    @property
    def sample_ids_dtype(self):
        return self._sample_dtype

    def initialize(self, name=None):
        finished = v1.tile([False], [self._batch_size])
        return (finished, self._start_inputs)

    def sample(self, time, outputs, state, name=None):
        del time, state
        return self._sample_fn(outputs)

    def next_inputs(self, time, outputs, state, sample_ids, name=None):
        del time, outputs
        finished = self._end_fn(sample_ids)
        next_inputs = sample_ids if self._next_inputs_fn is None else self._next_inputs_fn(sample_ids)
        return (finished, next_inputs, state)


