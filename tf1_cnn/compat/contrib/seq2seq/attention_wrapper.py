"""``tf.contrib.seq2seq``'s attention (contrib/seq2seq/python/ops/attention_wrapper.py, TF 1.15.5).

Mechanisms score a query [batch, query_depth] against the memory's keys [batch, max_time, num_units]
and return alignments [batch, max_time]; ``AttentionWrapper`` wraps an RNN cell so each step
attends over the memory. Variables are named as TF 1.x named them, so TF 1.x checkpoints restore:
``memory_layer/kernel`` (made where the mechanism is built), and under the wrapper's scope
``attention_wrapper/bahdanau_attention/{query_layer/kernel, attention_v, attention_g, attention_b}``,
``attention_wrapper/luong_attention/attention_g``, ``attention_wrapper/attention_layer/kernel``.
"""
import collections
import functools
import math

import numpy as np

from ._base import (TensorShape, assert_equal, assert_like_rnncell, dense, dimension_value, is_layer, nest,
                    rnn_cell_base, v1, version, zero_state_tensors)

__all__ = ["AttentionMechanism", "AttentionWrapper", "AttentionWrapperState", "LuongAttention",
           "BahdanauAttention", "hardmax", "safe_cumprod", "monotonic_attention", "BahdanauMonotonicAttention",
           "LuongMonotonicAttention"]


class AttentionMechanism:
    """Base of the attention mechanisms (what AttentionWrapper accepts)."""

    @property
    def alignments_size(self):
        raise NotImplementedError

    @property
    def state_size(self):
        raise NotImplementedError


def _prepare_memory(memory, memory_sequence_length, check_inner_dims_defined):
    """memory [batch, max_time, ...] with the steps past ``memory_sequence_length`` zeroed
    (TF 1.3.0 / 1.4.1: after an assert that the two batch sizes agree)."""
    memory = nest.map_structure(lambda m: v1.convert_to_tensor(m, name="memory"), memory)
    if memory_sequence_length is not None:
        memory_sequence_length = v1.convert_to_tensor(memory_sequence_length, name="memory_sequence_length")
    if check_inner_dims_defined:
        def _check_dims(m):
            if not m.get_shape()[2:].is_fully_defined():
                raise ValueError("Expected memory %s to have fully defined inner dims, but saw shape: %s" %
                                 (m.name, m.get_shape()))
        nest.map_structure(_check_dims, memory)
    if memory_sequence_length is None:
        seq_len_mask = None
    else:
        first = nest.flatten(memory)[0]
        seq_len_mask = v1.sequence_mask(memory_sequence_length, maxlen=v1.shape(first)[1], dtype=first.dtype)
    # TF 1.3.0 / 1.4.1 asserted that the lengths' and the memory's batch sizes agree; TF 1.15.5 does not
    check_batch = version() in ("1.3", "1.4")
    if check_batch and memory_sequence_length is not None:
        seq_len_batch_size = (dimension_value(memory_sequence_length.shape[0])
                              or v1.shape(memory_sequence_length)[0])

    def _maybe_mask(m, seq_len_mask):
        rank = m.get_shape().ndims
        rank = rank if rank is not None else v1.rank(m)
        extra_ones = v1.ones(rank - 2, dtype=v1.int32)
        if memory_sequence_length is None:
            return m
        if not check_batch:
            seq_len_mask = v1.reshape(seq_len_mask, v1.concat((v1.shape(seq_len_mask), extra_ones), 0))
            return m * seq_len_mask
        m_batch_size = dimension_value(m.shape[0]) or v1.shape(m)[0]
        message = "memory_sequence_length and memory tensor batch sizes do not match."
        with v1.control_dependencies([assert_equal(seq_len_batch_size, m_batch_size, message=message)]):
            seq_len_mask = v1.reshape(seq_len_mask, v1.concat((v1.shape(seq_len_mask), extra_ones), 0))
            return m * seq_len_mask

    return nest.map_structure(lambda m: _maybe_mask(m, seq_len_mask), memory)


def _maybe_mask_score(score, memory_sequence_length, score_mask_value):
    """score [batch, max_time] with ``score_mask_value`` past each entry's length (lengths asserted > 0).

    The mask is made under a control dependency on the assert; the mask values (``ones_like``, ``mul``)
    and the Select under it too in TF 1.3.0 / 1.4.1, after it in TF 1.15.5 (whose message also reads
    "must be greater")."""
    if memory_sequence_length is None:
        return score
    old = version() in ("1.3", "1.4")
    message = "All values in memory_sequence_length must %sgreater than zero." % ("" if old else "be ")
    with v1.control_dependencies([v1.assert_positive(memory_sequence_length, message=message)]):
        score_mask = v1.sequence_mask(memory_sequence_length, maxlen=v1.shape(score)[1])
        if old:
            return v1.where(score_mask, score, score_mask_value * v1.ones_like(score))
    return v1.where(score_mask, score, score_mask_value * v1.ones_like(score))


class _BaseAttentionMechanism(AttentionMechanism):
    """Memory, keys (the memory through ``memory_layer``) and the masked probability function."""

    def __init__(self, query_layer, memory, probability_fn, memory_sequence_length=None, memory_layer=None,
                 check_inner_dims_defined=True, score_mask_value=None, custom_key_value_fn=None, name=None):
        if query_layer is not None and not is_layer(query_layer):
            raise TypeError("query_layer is not a Layer: %s" % type(query_layer).__name__)
        if memory_layer is not None and not is_layer(memory_layer):
            raise TypeError("memory_layer is not a Layer: %s" % type(memory_layer).__name__)
        self._query_layer = query_layer
        self._memory_layer = memory_layer
        self.dtype = memory_layer.dtype
        if not callable(probability_fn):
            raise TypeError("probability_fn must be callable, saw type: %s" % type(probability_fn).__name__)
        if score_mask_value is None:
            score_mask_value = v1.as_dtype(self._memory_layer.dtype).as_numpy_dtype(-np.inf)
        self._probability_fn = lambda score, prev: probability_fn(  # pylint: disable=g-long-lambda
            _maybe_mask_score(score, memory_sequence_length, score_mask_value), prev)
        with v1.name_scope(name, "BaseAttentionMechanismInit", nest.flatten(memory)):
            self._values = _prepare_memory(memory, memory_sequence_length,
                                           check_inner_dims_defined=check_inner_dims_defined)
            self._keys = self.memory_layer(self._values) if self.memory_layer else self._values
            if custom_key_value_fn is not None:
                self._keys, self._values = custom_key_value_fn(self._keys, self._values)
            self._batch_size = dimension_value(self._keys.shape[0]) or v1.shape(self._keys)[0]
            self._alignments_size = dimension_value(self._keys.shape[1]) or v1.shape(self._keys)[1]

    @property
    def memory_layer(self):
        return self._memory_layer

    @property
    def query_layer(self):
        return self._query_layer

    @property
    def values(self):
        return self._values

    @property
    def keys(self):
        return self._keys

    @property
    def batch_size(self):
        return self._batch_size

    @property
    def alignments_size(self):
        return self._alignments_size

    @property
    def state_size(self):
        return self._alignments_size

    def initial_alignments(self, batch_size, dtype):
        """Zeros [batch_size, max_time]."""
        return zero_state_tensors(self._alignments_size, batch_size, dtype)

    def initial_state(self, batch_size, dtype):
        """The mechanism's state (its previous alignments): zeros [batch_size, max_time]."""
        return self.initial_alignments(batch_size, dtype)


def _luong_score(query, keys, scale):
    """score [batch, max_time] = keys . query (times the scalar ``scale`` if given)."""
    depth = query.get_shape()[-1]
    key_units = keys.get_shape()[-1]
    if depth != key_units:
        raise ValueError(
            "Incompatible or unknown inner dimensions between query and keys.  Query (%s) has units: %s.  "
            "Keys (%s) have units: %s.  Perhaps you need to set num_units to the keys' dimension (%s)?" %
            (query, depth, keys, key_units, key_units))
    query = v1.expand_dims(query, 1)
    score = v1.matmul(query, keys, transpose_b=True)
    score = v1.squeeze(score, [1])
    if scale is not None:
        score = scale * score
    return score


def _bahdanau_score(processed_query, keys, normalize):
    """score [batch, max_time] = sum(v * tanh(keys + query)) (weight-normalized v and a bias if ``normalize``)."""
    dtype = processed_query.dtype
    num_units = dimension_value(keys.shape[2]) or v1.shape(keys)[2]
    # TF 1.15.5 made the variables before expanding the query
    v = v1.get_variable("attention_v", [num_units], dtype=dtype)
    if normalize:
        g = v1.get_variable("attention_g", dtype=dtype,
                            initializer=v1.constant_initializer(math.sqrt((1. / num_units))), shape=())
        b = v1.get_variable("attention_b", [num_units], dtype=dtype, initializer=v1.zeros_initializer())
    processed_query = v1.expand_dims(processed_query, 1)
    if normalize:
        normed_v = g * v * v1.rsqrt(v1.reduce_sum(v1.square(v)))
        return v1.reduce_sum(normed_v * v1.tanh(keys + processed_query + b), [2])
    return v1.reduce_sum(v * v1.tanh(keys + processed_query), [2])


class LuongAttention(_BaseAttentionMechanism):
    """Multiplicative attention (Luong et al. 2015); ``scale``: a learned scalar ``attention_g``."""

    def __init__(self, num_units, memory, memory_sequence_length=None, scale=False, probability_fn=None,
                 score_mask_value=None, dtype=None, custom_key_value_fn=None, name="LuongAttention"):
        if probability_fn is None:
            probability_fn = v1.nn.softmax
        if dtype is None:
            dtype = v1.float32
        wrapped_probability_fn = lambda score, _: probability_fn(score)
        super().__init__(query_layer=None, memory_layer=dense(num_units, "memory_layer", dtype=dtype), memory=memory,
                         probability_fn=wrapped_probability_fn, memory_sequence_length=memory_sequence_length,
                         score_mask_value=score_mask_value, custom_key_value_fn=custom_key_value_fn, name=name)
        self._num_units = num_units
        self._scale = scale
        self._name = name

    def __call__(self, query, state):
        """(alignments [batch, max_time], next_state = alignments) for query [batch, num_units]."""
        with v1.variable_scope(None, "luong_attention", [query]):
            attention_g = None
            if self._scale:
                attention_g = v1.get_variable("attention_g", dtype=query.dtype, initializer=v1.ones_initializer,
                                              shape=())
            score = _luong_score(query, self._keys, attention_g)
        alignments = self._probability_fn(score, state)
        return alignments, alignments


class BahdanauAttention(_BaseAttentionMechanism):
    """Additive attention (Bahdanau et al. 2015); ``normalize``: weight normalization (Salimans 2016)."""

    def __init__(self, num_units, memory, memory_sequence_length=None, normalize=False, probability_fn=None,
                 score_mask_value=None, dtype=None, custom_key_value_fn=None, name="BahdanauAttention"):
        if probability_fn is None:
            probability_fn = v1.nn.softmax
        if dtype is None:
            dtype = v1.float32
        wrapped_probability_fn = lambda score, _: probability_fn(score)
        super().__init__(query_layer=dense(num_units, "query_layer", dtype=dtype),
                         memory_layer=dense(num_units, "memory_layer", dtype=dtype), memory=memory,
                         probability_fn=wrapped_probability_fn, memory_sequence_length=memory_sequence_length,
                         score_mask_value=score_mask_value, custom_key_value_fn=custom_key_value_fn, name=name)
        self._num_units = num_units
        self._normalize = normalize
        self._name = name

    def __call__(self, query, state):
        """(alignments [batch, max_time], next_state = alignments) for query [batch, query_depth]."""
        with v1.variable_scope(None, "bahdanau_attention", [query]):
            processed_query = self.query_layer(query) if self.query_layer else query
            score = _bahdanau_score(processed_query, self._keys, self._normalize)
        alignments = self._probability_fn(score, state)
        return alignments, alignments


def safe_cumprod(x, *args, **kwargs):
    """cumprod(x) as exp(cumsum(log(clip(x, tiny, 1)))): no underflow to 0 (args go to cumsum)."""
    with v1.name_scope(None, "SafeCumprod", [x]):
        x = v1.convert_to_tensor(x, name="x")
        tiny = np.finfo(x.dtype.as_numpy_dtype).tiny
        return v1.exp(v1.cumsum(v1.log(v1.clip_by_value(x, tiny, 1)), *args, **kwargs))


def monotonic_attention(p_choose_i, previous_attention, mode):
    """Expected monotonic alignments [batch, max_time] from the choosing probabilities [batch, max_time]
    and the previous step's alignments (Raffel et al. 2017); ``mode``: "recursive" (a scan, exact),
    "parallel" (cumprod/cumsum, may be unstable) or "hard" (p_choose_i must be 0 or 1)."""
    p_choose_i = v1.convert_to_tensor(p_choose_i, name="p_choose_i")
    previous_attention = v1.convert_to_tensor(previous_attention, name="previous_attention")
    if mode == "recursive":
        batch_size = dimension_value(p_choose_i.shape[0]) or v1.shape(p_choose_i)[0]
        shifted_1mp_choose_i = v1.concat([v1.ones((batch_size, 1)), 1 - p_choose_i[:, :-1]], 1)
        # q_i = (1 - p_{i-1}) q_{i-1} + a_{i-1}[i], scanned over time
        attention = p_choose_i * v1.transpose(v1.scan(
            lambda x, yz: v1.reshape(yz[0] * x + yz[1], (batch_size,)),
            [v1.transpose(shifted_1mp_choose_i), v1.transpose(previous_attention)], v1.zeros((batch_size,))))
    elif mode == "parallel":
        cumprod_1mp_choose_i = safe_cumprod(1 - p_choose_i, axis=1, exclusive=True)
        attention = p_choose_i * cumprod_1mp_choose_i * v1.cumsum(
            previous_attention / v1.clip_by_value(cumprod_1mp_choose_i, 1e-10, 1.), axis=1)
    elif mode == "hard":
        # only from the index chosen at the previous step; then the first index chosen
        p_choose_i *= v1.cumsum(previous_attention, axis=1)
        attention = p_choose_i * v1.cumprod(1 - p_choose_i, axis=1, exclusive=True)
    else:
        raise ValueError("mode must be 'recursive', 'parallel', or 'hard'.")
    return attention


def _monotonic_probability_fn(score, previous_alignments, sigmoid_noise, mode, seed=None):
    """Alignments from scores: sigmoid (after Gaussian noise of scale ``sigmoid_noise``), then
    monotonic_attention; in "hard" mode the choosing probabilities are score > 0."""
    if sigmoid_noise > 0:
        noise = v1.random_normal(v1.shape(score), dtype=score.dtype, seed=seed)
        score += sigmoid_noise * noise
    if mode == "hard":
        p_choose_i = v1.cast(score > 0, score.dtype)
    else:
        p_choose_i = v1.sigmoid(score)
    return monotonic_attention(p_choose_i, previous_alignments, mode)


class _BaseMonotonicAttentionMechanism(_BaseAttentionMechanism):
    """Monotonic mechanisms start attending at the first memory entry: one-hot initial alignments."""

    def initial_alignments(self, batch_size, dtype):
        """one_hot(0) [batch_size, max_time]."""
        max_time = self._alignments_size
        return v1.one_hot(v1.zeros((batch_size,), dtype=v1.int32), max_time, dtype=dtype)


class BahdanauMonotonicAttention(_BaseMonotonicAttentionMechanism):
    """Monotonic additive attention: Bahdanau's score plus a learned ``attention_score_bias``."""

    def __init__(self, num_units, memory, memory_sequence_length=None, normalize=False, score_mask_value=None,
                 sigmoid_noise=0., sigmoid_noise_seed=None, score_bias_init=0., mode="parallel", dtype=None,
                 name="BahdanauMonotonicAttention"):
        if dtype is None:
            dtype = v1.float32
        wrapped_probability_fn = functools.partial(_monotonic_probability_fn, sigmoid_noise=sigmoid_noise, mode=mode,
                                                   seed=sigmoid_noise_seed)
        super().__init__(query_layer=dense(num_units, "query_layer", dtype=dtype),
                         memory_layer=dense(num_units, "memory_layer", dtype=dtype), memory=memory,
                         probability_fn=wrapped_probability_fn, memory_sequence_length=memory_sequence_length,
                         score_mask_value=score_mask_value, name=name)
        self._num_units = num_units
        self._normalize = normalize
        self._name = name
        self._score_bias_init = score_bias_init

    def __call__(self, query, state):
        with v1.variable_scope(None, "bahdanau_monotonic_attention", [query]):
            processed_query = self.query_layer(query) if self.query_layer else query
            score = _bahdanau_score(processed_query, self._keys, self._normalize)
            score_bias = v1.get_variable("attention_score_bias", dtype=processed_query.dtype,
                                         initializer=self._score_bias_init)
            score += score_bias
        alignments = self._probability_fn(score, state)
        return alignments, alignments


class LuongMonotonicAttention(_BaseMonotonicAttentionMechanism):
    """Monotonic multiplicative attention: Luong's score plus a learned ``attention_score_bias``."""

    def __init__(self, num_units, memory, memory_sequence_length=None, scale=False, score_mask_value=None,
                 sigmoid_noise=0., sigmoid_noise_seed=None, score_bias_init=0., mode="parallel", dtype=None,
                 name="LuongMonotonicAttention"):
        if dtype is None:
            dtype = v1.float32
        wrapped_probability_fn = functools.partial(_monotonic_probability_fn, sigmoid_noise=sigmoid_noise, mode=mode,
                                                   seed=sigmoid_noise_seed)
        super().__init__(query_layer=None, memory_layer=dense(num_units, "memory_layer", dtype=dtype), memory=memory,
                         probability_fn=wrapped_probability_fn, memory_sequence_length=memory_sequence_length,
                         score_mask_value=score_mask_value, name=name)
        self._num_units = num_units
        self._scale = scale
        self._score_bias_init = score_bias_init
        self._name = name

    def __call__(self, query, state):
        with v1.variable_scope(None, "luong_monotonic_attention", [query]):
            attention_g = None
            if self._scale:
                attention_g = v1.get_variable("attention_g", dtype=query.dtype, initializer=v1.ones_initializer,
                                              shape=())
            score = _luong_score(query, self._keys, attention_g)
            score_bias = v1.get_variable("attention_score_bias", dtype=query.dtype, initializer=self._score_bias_init)
            score += score_bias
        alignments = self._probability_fn(score, state)
        return alignments, alignments


class AttentionWrapperState(collections.namedtuple("AttentionWrapperState", (
        "cell_state", "attention", "time", "alignments", "alignment_history", "attention_state"))):
    """The wrapper's state: the cell's state, the last attention [batch, attention_size], the step
    (int32 scalar), the alignments [batch, max_time] (a tuple with several mechanisms), their history
    (a TensorArray when ``alignment_history``, else ()), and each mechanism's own state."""

    def clone(self, **kwargs):
        """A copy with fields replaced (``state.clone(cell_state=encoder_state)``); a replaced tensor
        takes the static shape of the one it replaces."""
        def with_same_shape(old, new):
            if isinstance(old, v1.Tensor) and isinstance(new, v1.Tensor):
                new.set_shape(old.shape)  # TF 1.15 (graph): the static shapes must be compatible
            return new

        return nest.map_structure(with_same_shape, self, super()._replace(**kwargs))


def hardmax(logits, name=None):
    """one_hot(argmax(logits, -1)) in the logits' dtype: [..., depth]."""
    with v1.name_scope(name, "Hardmax", [logits]):
        logits = v1.convert_to_tensor(logits, name="logits")
        depth = dimension_value(logits.get_shape()[-1])
        if depth is None:
            depth = v1.shape(logits)[-1]
        return v1.one_hot(v1.argmax(logits, -1), depth, dtype=logits.dtype)


def _compute_attention(attention_mechanism, cell_output, attention_state, attention_layer):
    """(attention, alignments, next_attention_state): the context (alignments . values), through
    ``attention_layer`` on [cell_output, context] if given."""
    alignments, next_attention_state = attention_mechanism(cell_output, state=attention_state)
    expanded_alignments = v1.expand_dims(alignments, 1)
    context = v1.matmul(expanded_alignments, attention_mechanism.values)
    context = v1.squeeze(context, [1])
    if attention_layer is not None:
        attention = attention_layer(v1.concat([cell_output, context], 1))
    else:
        attention = context
    return attention, alignments, next_attention_state


def _wrapper_class():
    """AttentionWrapper on the runtime's RNNCell (tf_keras's legacy cell base, as tf.nn.rnn_cell's)."""

    class AttentionWrapper(rnn_cell_base()):
        """An RNN cell that attends over a memory each step: the cell runs on
        ``cell_input_fn(inputs, previous attention)`` (concatenation by default), its output queries
        each mechanism, and the attention (or the cell output, ``output_attention=False``) is the output."""

        def __init__(self, cell, attention_mechanism, attention_layer_size=None, alignment_history=False,
                     cell_input_fn=None, output_attention=True, initial_cell_state=None, name=None,
                     attention_layer=None, attention_fn=None, dtype=None):
            super().__init__(name=name, dtype=dtype)
            assert_like_rnncell("cell", cell)
            if isinstance(attention_mechanism, (list, tuple)):
                self._is_multi = True
                attention_mechanisms = attention_mechanism
                for mechanism in attention_mechanisms:
                    if not isinstance(mechanism, AttentionMechanism):
                        raise TypeError("attention_mechanism must contain only instances of AttentionMechanism, "
                                        "saw type: %s" % type(mechanism).__name__)
            else:
                self._is_multi = False
                if not isinstance(attention_mechanism, AttentionMechanism):
                    raise TypeError("attention_mechanism must be an AttentionMechanism or list of multiple "
                                    "AttentionMechanism instances, saw type: %s" % type(attention_mechanism).__name__)
                attention_mechanisms = (attention_mechanism,)
            if cell_input_fn is None:
                cell_input_fn = lambda inputs, attention: v1.concat([inputs, attention], -1)
            elif not callable(cell_input_fn):
                raise TypeError("cell_input_fn must be callable, saw type: %s" % type(cell_input_fn).__name__)
            if attention_layer_size is not None and attention_layer is not None:
                raise ValueError("Only one of attention_layer_size and attention_layer should be set")
            if attention_layer_size is not None:
                sizes = tuple(attention_layer_size if isinstance(attention_layer_size, (list, tuple))
                              else (attention_layer_size,))
                if len(sizes) != len(attention_mechanisms):
                    raise ValueError("If provided, attention_layer_size must contain exactly one integer per "
                                     "attention_mechanism, saw: %d vs %d" % (len(sizes), len(attention_mechanisms)))
                self._attention_layers = tuple(dense(size, "attention_layer", dtype=attention_mechanisms[i].dtype)
                                               for i, size in enumerate(sizes))
                self._attention_layer_size = sum(sizes)
            elif attention_layer is not None:
                self._attention_layers = tuple(attention_layer if isinstance(attention_layer, (list, tuple))
                                               else (attention_layer,))
                if len(self._attention_layers) != len(attention_mechanisms):
                    raise ValueError("If provided, attention_layer must contain exactly one layer per "
                                     "attention_mechanism, saw: %d vs %d" % (len(self._attention_layers),
                                                                            len(attention_mechanisms)))
                self._attention_layer_size = sum(
                    dimension_value(layer.compute_output_shape(
                        [None, cell.output_size + dimension_value(mechanism.values.shape[-1])])[-1])
                    for layer, mechanism in zip(self._attention_layers, attention_mechanisms))
            else:
                self._attention_layers = None
                self._attention_layer_size = sum(dimension_value(mechanism.values.shape[-1])
                                                 for mechanism in attention_mechanisms)
            self._attention_fn = attention_fn if attention_fn is not None else _compute_attention
            self._cell = cell
            self._attention_mechanisms = attention_mechanisms
            self._cell_input_fn = cell_input_fn
            self._output_attention = output_attention
            self._alignment_history = alignment_history
            with v1.name_scope(name, "AttentionWrapperInit"):
                if initial_cell_state is None:
                    self._initial_cell_state = None
                else:
                    final_state_tensor = nest.flatten(initial_cell_state)[-1]
                    state_batch_size = dimension_value(final_state_tensor.shape[0]) or v1.shape(final_state_tensor)[0]
                    error_message = (
                        "When constructing AttentionWrapper %s: " % self._base_name +
                        "Non-matching batch sizes between the memory (encoder output) and initial_cell_state.  "
                        "Are you using the BeamSearchDecoder?  You may need to tile your initial state via the "
                        "tf.contrib.seq2seq.tile_batch function with argument multiple=beam_width.")
                    with v1.control_dependencies(self._batch_size_checks(state_batch_size, error_message)):
                        self._initial_cell_state = nest.map_structure(
                            lambda s: v1.identity(s, name="check_initial_cell_state"), initial_cell_state)

        def _batch_size_checks(self, batch_size, error_message):
            return [assert_equal(batch_size, mechanism.batch_size, message=error_message)
                    for mechanism in self._attention_mechanisms]

        def _item_or_tuple(self, seq):
            t = tuple(seq)
            return t if self._is_multi else t[0]

        @property
        def output_size(self):
            return self._attention_layer_size if self._output_attention else self._cell.output_size

        @property
        def state_size(self):
            """An AttentionWrapperState of sizes (``attention_state``: each mechanism's state size)."""
            return AttentionWrapperState(
                cell_state=self._cell.state_size, time=TensorShape([]), attention=self._attention_layer_size,
                alignments=self._item_or_tuple(a.alignments_size for a in self._attention_mechanisms),
                attention_state=self._item_or_tuple(a.state_size for a in self._attention_mechanisms),
                alignment_history=self._item_or_tuple(a.alignments_size if self._alignment_history else ()
                                                      for a in self._attention_mechanisms))

        def zero_state(self, batch_size, dtype):
            """The initial AttentionWrapperState: the cell's zero state (or ``initial_cell_state``),
            checked against the memory's batch size, zero attention and the mechanisms' initial alignments."""
            with v1.name_scope(type(self).__name__ + "ZeroState", values=[batch_size]):
                if self._initial_cell_state is not None:
                    cell_state = self._initial_cell_state
                else:
                    cell_state = self._cell.get_initial_state(batch_size=batch_size, dtype=dtype)
                error_message = (
                    "When calling zero_state of AttentionWrapper %s: " % self._base_name +
                    "Non-matching batch sizes between the memory (encoder output) and the requested batch size.  "
                    "Are you using the BeamSearchDecoder?  If so, make sure your encoder output has been tiled to "
                    "beam_width via tf.contrib.seq2seq.tile_batch, and the batch_size= argument passed to "
                    "zero_state is batch_size * beam_width.")
                with v1.control_dependencies(self._batch_size_checks(batch_size, error_message)):
                    cell_state = nest.map_structure(lambda s: v1.identity(s, name="checked_cell_state"), cell_state)
                initial_alignments = [m.initial_alignments(batch_size, dtype) for m in self._attention_mechanisms]
                return AttentionWrapperState(
                    cell_state=cell_state, time=v1.zeros([], dtype=v1.int32),
                    attention=zero_state_tensors(self._attention_layer_size, batch_size, dtype),
                    alignments=self._item_or_tuple(initial_alignments),
                    attention_state=self._item_or_tuple(m.initial_state(batch_size, dtype)
                                                        for m in self._attention_mechanisms),
                    alignment_history=self._item_or_tuple(
                        v1.TensorArray(dtype, size=0, dynamic_size=True, element_shape=alignment.shape)
                        if self._alignment_history else () for alignment in initial_alignments))

        def call(self, inputs, state):
            """One step: (attention or cell output [batch, output_size], next AttentionWrapperState)."""
            if not isinstance(state, AttentionWrapperState):
                raise TypeError("Expected state to be instance of AttentionWrapperState. Received type %s instead."
                                % type(state))
            cell_inputs = self._cell_input_fn(inputs, state.attention)
            cell_state = state.cell_state
            cell_output, next_cell_state = self._cell(cell_inputs, cell_state)
            cell_batch_size = dimension_value(cell_output.shape[0]) or v1.shape(cell_output)[0]
            error_message = (
                "When applying AttentionWrapper %s: " % self.name +
                "Non-matching batch sizes between the memory (encoder output) and the query (decoder output).  "
                "Are you using the BeamSearchDecoder?  You may need to tile your memory input via the "
                "tf.contrib.seq2seq.tile_batch function with argument multiple=beam_width.")
            with v1.control_dependencies(self._batch_size_checks(cell_batch_size, error_message)):
                cell_output = v1.identity(cell_output, name="checked_cell_output")
            if self._is_multi:
                previous_attention_state = state.attention_state
                previous_alignment_history = state.alignment_history
            else:
                previous_attention_state = [state.attention_state]
                previous_alignment_history = [state.alignment_history]
            all_alignments, all_attentions, all_attention_states, maybe_all_histories = [], [], [], []
            for i, mechanism in enumerate(self._attention_mechanisms):
                attention, alignments, next_attention_state = self._attention_fn(
                    mechanism, cell_output, previous_attention_state[i],
                    self._attention_layers[i] if self._attention_layers else None)
                alignment_history = (previous_alignment_history[i].write(state.time, alignments)
                                     if self._alignment_history else ())
                all_attention_states.append(next_attention_state)
                all_alignments.append(alignments)
                all_attentions.append(attention)
                maybe_all_histories.append(alignment_history)
            attention = v1.concat(all_attentions, 1)
            next_state = AttentionWrapperState(
                time=state.time + 1, cell_state=next_cell_state, attention=attention,
                attention_state=self._item_or_tuple(all_attention_states),
                alignments=self._item_or_tuple(all_alignments),
                alignment_history=self._item_or_tuple(maybe_all_histories))
            if self._output_attention:
                return attention, next_state
            return cell_output, next_state

    return AttentionWrapper


AttentionWrapper = _wrapper_class()
