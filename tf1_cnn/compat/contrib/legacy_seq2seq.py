"""``tf.contrib.legacy_seq2seq`` (TF 1.3-1.15's contrib/legacy_seq2seq), written from TF 1.x's documented
behaviour and checked against it: the same variable scopes and names (``embedding_rnn_seq2seq/rnn/
embedding_wrapper/embedding``, ``attention_decoder/AttnW_0``, ...: TF 1.x checkpoints restore), the same
order of ops and so the same op seeds for the unseeded initializers (op-table cases ``legacy_*`` in
``tf1_cnn/oracle/op_cases_research.py``), and TF 1.x's numbers for the losses (tests/test_legacy_seq2seq.py).

Shapes: ``encoder_inputs`` / ``decoder_inputs`` are Python lists (one entry per time step) of (batch,
input_size) float tensors, or of (batch,) int32 ids for the ``embedding_*`` functions; outputs are lists of
(batch, output_size) tensors. No maintained library carries this module for TF 2 (migration.NOT_PROVIDED
says what to port to); ``load()`` is imported on first use of ``tf.contrib.legacy_seq2seq``.
"""
import copy

import tensorflow as _tf

from .rnn import cells

tf = _tf.compat.v1
nest = _tf.nest


def _static_rnn(cell, inputs, dtype, scope=None):
    return tf.nn.static_rnn(cell, inputs, dtype=dtype, scope=scope)


def _flat_state(state):
    return nest.flatten(state) if nest.is_nested(state) else [state]


def _cond_outputs(feed_previous, decoder, outputs_len, structure):
    """TF 1.x's feed_previous as a bool tensor: both decoders built, picked by tf.cond; (outputs, state)."""
    outputs_and_state = tf.cond(feed_previous, lambda: decoder(True), lambda: decoder(False))
    state_list = outputs_and_state[outputs_len:]
    state = state_list[0]
    if nest.is_nested(structure):
        state = nest.pack_sequence_as(structure=structure, flat_sequence=state_list)
    return outputs_and_state[:outputs_len], state


def rnn_decoder(decoder_inputs, initial_state, cell, loop_function=None, scope=None):
    """``cell`` run over ``decoder_inputs`` from ``initial_state`` (variables reused after step 0); with
    ``loop_function(prev_output, i)`` each step after the first takes its input from the previous output.
    Returns (outputs: list of (batch, cell.output_size), final state)."""
    with tf.variable_scope(scope or "rnn_decoder"):
        state = initial_state
        outputs = []
        prev = None
        for i, inp in enumerate(decoder_inputs):
            if loop_function is not None and prev is not None:
                with tf.variable_scope("loop_function", reuse=True):
                    inp = loop_function(prev, i)
            if i > 0:
                tf.get_variable_scope().reuse_variables()
            output, state = cell(inp, state)
            outputs.append(output)
            if loop_function is not None:
                prev = output
    return outputs, state


def basic_rnn_seq2seq(encoder_inputs, decoder_inputs, cell, dtype=tf.float32, scope=None):
    """A copy of ``cell`` encodes ``encoder_inputs`` (static_rnn); its final state starts rnn_decoder."""
    with tf.variable_scope(scope or "basic_rnn_seq2seq"):
        enc_cell = copy.deepcopy(cell)
        _, enc_state = _static_rnn(enc_cell, encoder_inputs, dtype)
        return rnn_decoder(decoder_inputs, enc_state, cell)


def tied_rnn_seq2seq(encoder_inputs, decoder_inputs, cell, loop_function=None, dtype=tf.float32, scope=None):
    """Encoder and decoder share ``cell``'s variables (one scope, reused for decoding)."""
    with tf.variable_scope("combined_tied_rnn_seq2seq"):
        scope = scope or "tied_rnn_seq2seq"
        _, enc_state = _static_rnn(cell, encoder_inputs, dtype, scope=scope)
        tf.get_variable_scope().reuse_variables()
        return rnn_decoder(decoder_inputs, enc_state, cell, loop_function=loop_function, scope=scope)


def _extract_argmax_and_embed(embedding, output_projection=None, update_embedding=True):
    """A loop_function: the previous output (projected when given) -> argmax id -> its embedding
    (gradient stopped unless ``update_embedding``)."""

    def loop_function(prev, _):
        if output_projection is not None:
            prev = tf.nn.xw_plus_b(prev, output_projection[0], output_projection[1])
        prev_symbol = tf.argmax(prev, 1)
        emb_prev = tf.nn.embedding_lookup(embedding, prev_symbol)
        if not update_embedding:
            emb_prev = tf.stop_gradient(emb_prev)
        return emb_prev

    return loop_function


def _check_projection(output_projection, num_symbols, dtype, weights=True):
    if output_projection is None:
        return
    if weights:
        proj_weights = tf.convert_to_tensor(output_projection[0], dtype=dtype)
        proj_weights.get_shape().assert_is_compatible_with([None, num_symbols])
    proj_biases = tf.convert_to_tensor(output_projection[1], dtype=dtype)
    proj_biases.get_shape().assert_is_compatible_with([num_symbols])


def embedding_rnn_decoder(decoder_inputs, initial_state, cell, num_symbols, embedding_size,
                          output_projection=None, feed_previous=False, update_embedding_for_previous=True,
                          scope=None):
    """rnn_decoder over the ids' rows of an ``embedding`` [num_symbols, embedding_size]; ``feed_previous``
    feeds each step the embedding of the previous output's argmax. decoder_inputs: list of (batch,) ids."""
    with tf.variable_scope(scope or "embedding_rnn_decoder") as scope:
        _check_projection(output_projection, num_symbols, scope.dtype)
        embedding = tf.get_variable("embedding", [num_symbols, embedding_size])
        loop_function = _extract_argmax_and_embed(embedding, output_projection, update_embedding_for_previous) \
            if feed_previous else None
        # a generator, as TF 1.x: each lookup is built inside rnn_decoder's scope just before its step
        emb_inp = (tf.nn.embedding_lookup(embedding, i) for i in decoder_inputs)
        return rnn_decoder(emb_inp, initial_state, cell, loop_function=loop_function)


def embedding_rnn_seq2seq(encoder_inputs, decoder_inputs, cell, num_encoder_symbols, num_decoder_symbols,
                          embedding_size, output_projection=None, feed_previous=False, dtype=None, scope=None):
    """Embedded encoder (EmbeddingWrapper over a copy of ``cell``, static_rnn) and embedding_rnn_decoder
    (``cell`` with an OutputProjectionWrapper to num_decoder_symbols unless ``output_projection``).
    ``feed_previous`` may be a bool tensor: both decoders are built and tf.cond picks one."""
    with tf.variable_scope(scope or "embedding_rnn_seq2seq") as scope:
        if dtype is not None:
            scope.set_dtype(dtype)
        else:
            dtype = scope.dtype
        encoder_cell = cells.EmbeddingWrapper(copy.deepcopy(cell), embedding_classes=num_encoder_symbols,
                                              embedding_size=embedding_size)
        _, encoder_state = _static_rnn(encoder_cell, encoder_inputs, dtype)
        if output_projection is None:
            cell = cells.OutputProjectionWrapper(cell, num_decoder_symbols)
        if isinstance(feed_previous, bool):
            return embedding_rnn_decoder(decoder_inputs, encoder_state, cell, num_decoder_symbols, embedding_size,
                                         output_projection=output_projection, feed_previous=feed_previous)

        def decoder(feed_previous_bool):
            with tf.variable_scope(tf.get_variable_scope(), reuse=None if feed_previous_bool else True):
                outputs, state = embedding_rnn_decoder(
                    decoder_inputs, encoder_state, cell, num_decoder_symbols, embedding_size,
                    output_projection=output_projection, feed_previous=feed_previous_bool,
                    update_embedding_for_previous=False)
                return outputs + _flat_state(state)

        return _cond_outputs(feed_previous, decoder, len(decoder_inputs), encoder_state)


def embedding_tied_rnn_seq2seq(encoder_inputs, decoder_inputs, cell, num_symbols, embedding_size,
                               num_decoder_symbols=None, output_projection=None, feed_previous=False, dtype=None,
                               scope=None):
    """tied_rnn_seq2seq over one shared ``embedding`` [num_symbols, embedding_size] for both sides."""
    _check_projection(output_projection, num_symbols, dtype)
    with tf.variable_scope(scope or "embedding_tied_rnn_seq2seq", dtype=dtype) as scope:
        dtype = scope.dtype
        embedding = tf.get_variable("embedding", [num_symbols, embedding_size], dtype=dtype)
        emb_encoder_inputs = [tf.nn.embedding_lookup(embedding, x) for x in encoder_inputs]
        emb_decoder_inputs = [tf.nn.embedding_lookup(embedding, x) for x in decoder_inputs]
        output_symbols = num_symbols if num_decoder_symbols is None else num_decoder_symbols
        if output_projection is None:
            cell = cells.OutputProjectionWrapper(cell, output_symbols)
        if isinstance(feed_previous, bool):
            loop_function = _extract_argmax_and_embed(embedding, output_projection, True) if feed_previous else None
            return tied_rnn_seq2seq(emb_encoder_inputs, emb_decoder_inputs, cell, loop_function=loop_function,
                                    dtype=dtype)

        def decoder(feed_previous_bool):
            loop_function = _extract_argmax_and_embed(embedding, output_projection, False) \
                if feed_previous_bool else None
            with tf.variable_scope(tf.get_variable_scope(), reuse=None if feed_previous_bool else True):
                outputs, state = tied_rnn_seq2seq(emb_encoder_inputs, emb_decoder_inputs, cell,
                                                  loop_function=loop_function, dtype=dtype)
                return outputs + _flat_state(state)

        outputs_and_state = tf.cond(feed_previous, lambda: decoder(True), lambda: decoder(False))
        outputs_len = len(decoder_inputs)
        state_list = outputs_and_state[outputs_len:]
        state = state_list[0]
        # the state's structure from a zero state, as TF 1.x did
        static = _tf.TensorShape([None])
        for inp in encoder_inputs:
            static = static.merge_with(inp.get_shape()[:1])
        batch_size = _tf.compat.dimension_value(static[0])
        if batch_size is None:
            batch_size = tf.shape(encoder_inputs[0])[0]
        zero_state = cell.zero_state(batch_size, dtype)
        if nest.is_nested(zero_state):
            state = nest.pack_sequence_as(structure=zero_state, flat_sequence=state_list)
        return outputs_and_state[:outputs_len], state


def attention_decoder(decoder_inputs, initial_state, attention_states, cell, output_size=None, num_heads=1,
                      loop_function=None, dtype=None, scope=None, initial_state_attention=False):
    """rnn_decoder with Bahdanau-style attention over ``attention_states`` (batch, attn_length, attn_size):
    each step's cell input is linear([input] + attns) to the input's width, attention reads the new state,
    and the output is linear([cell_output] + attns) to ``output_size`` (default cell.output_size) under
    AttnOutputProjection. Variables AttnW_<h> [1, 1, attn_size, attn_size], AttnV_<h> [attn_size] and
    the Linear kernels / biases of each scope. Returns (outputs, final state)."""
    if not decoder_inputs:
        raise ValueError("Must provide at least 1 input to attention decoder.")
    if num_heads < 1:
        raise ValueError("With less than 1 heads, use a non-attention decoder.")
    if _tf.compat.dimension_value(attention_states.get_shape()[2]) is None:
        raise ValueError(f"Shape[2] of attention_states must be known: {attention_states.get_shape()}")
    if output_size is None:
        output_size = cell.output_size
    old = cells._old_linear()

    def project(args, size):
        return cells.linear(args, size, True) if old else cells.Linear(args, size, True)(args)

    with tf.variable_scope(scope or "attention_decoder", dtype=dtype) as scope:
        dtype = scope.dtype
        batch_size = tf.shape(decoder_inputs[0])[0]
        attn_length = _tf.compat.dimension_value(attention_states.get_shape()[1])
        if attn_length is None:
            attn_length = tf.shape(attention_states)[1]
        attn_size = _tf.compat.dimension_value(attention_states.get_shape()[2])
        # attention_states as a 4-D "image" so the W1 * h_i features are one 1x1 convolution
        hidden = tf.reshape(attention_states, [-1, attn_length, 1, attn_size])
        hidden_features = []
        v = []
        attention_vec_size = attn_size
        for a in range(num_heads):
            k = tf.get_variable("AttnW_%d" % a, [1, 1, attn_size, attention_vec_size], dtype=dtype)
            hidden_features.append(tf.nn.conv2d(hidden, k, [1, 1, 1, 1], "SAME"))
            v.append(tf.get_variable("AttnV_%d" % a, [attention_vec_size], dtype=dtype))

        def attention(query):
            """The attention-weighted (batch, attn_size) read of each head for ``query`` (the state)."""
            ds = []
            if nest.is_nested(query):
                query_list = nest.flatten(query)
                for q in query_list:
                    ndims = q.get_shape().ndims
                    if ndims:
                        assert ndims == 2
                query = tf.concat(query_list, 1)
            for a in range(num_heads):
                with tf.variable_scope("Attention_%d" % a):
                    y = project(query, attention_vec_size)
                    y = tf.reshape(y, [-1, 1, 1, attention_vec_size])
                    if not old:
                        y = tf.cast(y, dtype)  # TF 1.4+ (a no-op Cast is still an op)
                    s = tf.reduce_sum(v[a] * tf.tanh(hidden_features[a] + y), [2, 3])
                    if old:
                        attn = tf.nn.softmax(s)
                    else:
                        attn = tf.cast(tf.nn.softmax(tf.cast(s, dtype=tf.float32)), dtype)
                    d = tf.reduce_sum(tf.reshape(attn, [-1, attn_length, 1, 1]) * hidden, [1, 2])
                    ds.append(tf.reshape(d, [-1, attn_size]))
            return ds

        outputs = []
        prev = None
        batch_attn_size = tf.stack([batch_size, attn_size])
        attns = [tf.zeros(batch_attn_size, dtype=dtype) for _ in range(num_heads)]
        for a in attns:
            a.set_shape([None, attn_size])
        state = initial_state
        if initial_state_attention:
            attns = attention(initial_state)
        for i, inp in enumerate(decoder_inputs):
            if i > 0:
                tf.get_variable_scope().reuse_variables()
            if loop_function is not None and prev is not None:
                with tf.variable_scope("loop_function", reuse=True):
                    inp = loop_function(prev, i)
            input_size = _tf.compat.dimension_value(inp.get_shape().with_rank(2)[1])
            if input_size is None:
                raise ValueError(f"Could not infer input size from input: {inp.name}")
            x = project([inp] + attns, input_size)
            cell_output, state = cell(x, state)
            if i == 0 and initial_state_attention:
                with tf.variable_scope(tf.get_variable_scope(), reuse=True):
                    attns = attention(state)
            else:
                attns = attention(state)
            with tf.variable_scope("AttnOutputProjection"):
                output = project([cell_output] + attns, output_size)
            if loop_function is not None:
                prev = output
            outputs.append(output)
    return outputs, state


def embedding_attention_decoder(decoder_inputs, initial_state, attention_states, cell, num_symbols,
                                embedding_size, num_heads=1, output_size=None, output_projection=None,
                                feed_previous=False, update_embedding_for_previous=True, dtype=None, scope=None,
                                initial_state_attention=False):
    """attention_decoder over the ids' rows of an ``embedding`` [num_symbols, embedding_size]."""
    if output_size is None:
        output_size = cell.output_size
    _check_projection(output_projection, num_symbols, dtype, weights=False)
    with tf.variable_scope(scope or "embedding_attention_decoder", dtype=dtype):
        embedding = tf.get_variable("embedding", [num_symbols, embedding_size])
        loop_function = _extract_argmax_and_embed(embedding, output_projection, update_embedding_for_previous) \
            if feed_previous else None
        emb_inp = [tf.nn.embedding_lookup(embedding, i) for i in decoder_inputs]
        return attention_decoder(emb_inp, initial_state, attention_states, cell, output_size=output_size,
                                 num_heads=num_heads, loop_function=loop_function,
                                 initial_state_attention=initial_state_attention)


def embedding_attention_seq2seq(encoder_inputs, decoder_inputs, cell, num_encoder_symbols, num_decoder_symbols,
                                embedding_size, num_heads=1, output_projection=None, feed_previous=False,
                                dtype=None, scope=None, initial_state_attention=False):
    """Embedded encoder (static_rnn) whose outputs (batch, T, cell.output_size) are the attention states of
    an embedding_attention_decoder (``cell`` projected to num_decoder_symbols unless output_projection)."""
    with tf.variable_scope(scope or "embedding_attention_seq2seq", dtype=dtype) as scope:
        dtype = scope.dtype
        encoder_cell = cells.EmbeddingWrapper(copy.deepcopy(cell), embedding_classes=num_encoder_symbols,
                                              embedding_size=embedding_size)
        encoder_outputs, encoder_state = _static_rnn(encoder_cell, encoder_inputs, dtype)
        top_states = [tf.reshape(e, [-1, 1, cell.output_size]) for e in encoder_outputs]
        attention_states = tf.concat(top_states, 1)
        output_size = None
        if output_projection is None:
            cell = cells.OutputProjectionWrapper(cell, num_decoder_symbols)
            output_size = num_decoder_symbols
        if isinstance(feed_previous, bool):
            return embedding_attention_decoder(
                decoder_inputs, encoder_state, attention_states, cell, num_decoder_symbols, embedding_size,
                num_heads=num_heads, output_size=output_size, output_projection=output_projection,
                feed_previous=feed_previous, initial_state_attention=initial_state_attention)

        def decoder(feed_previous_bool):
            with tf.variable_scope(tf.get_variable_scope(), reuse=None if feed_previous_bool else True):
                outputs, state = embedding_attention_decoder(
                    decoder_inputs, encoder_state, attention_states, cell, num_decoder_symbols, embedding_size,
                    num_heads=num_heads, output_size=output_size, output_projection=output_projection,
                    feed_previous=feed_previous_bool, update_embedding_for_previous=False,
                    initial_state_attention=initial_state_attention)
                return outputs + _flat_state(state)

        return _cond_outputs(feed_previous, decoder, len(decoder_inputs), encoder_state)


def one2many_rnn_seq2seq(encoder_inputs, decoder_inputs_dict, enc_cell, dec_cells_dict, num_encoder_symbols,
                         num_decoder_symbols_dict, embedding_size, feed_previous=False, dtype=None, scope=None):
    """One embedded encoder, one embedding_rnn_decoder per key (scope one2many_decoder_<key>).
    Returns ({key: outputs}, {key: final state})."""
    outputs_dict = {}
    state_dict = {}
    if not isinstance(enc_cell, cells.RNNCell):
        raise TypeError(f"enc_cell is not an RNNCell: {type(enc_cell)}")
    if set(dec_cells_dict) != set(decoder_inputs_dict):
        raise ValueError("keys of dec_cells_dict != keys of decodre_inputs_dict")
    for dec_cell in dec_cells_dict.values():
        if not isinstance(dec_cell, cells.RNNCell):
            raise TypeError(f"dec_cell is not an RNNCell: {type(dec_cell)}")
    with tf.variable_scope(scope or "one2many_rnn_seq2seq", dtype=dtype) as scope:
        dtype = scope.dtype
        enc_cell = cells.EmbeddingWrapper(enc_cell, embedding_classes=num_encoder_symbols,
                                          embedding_size=embedding_size)
        _, encoder_state = _static_rnn(enc_cell, encoder_inputs, dtype)
        for name, decoder_inputs in decoder_inputs_dict.items():
            num_decoder_symbols = num_decoder_symbols_dict[name]
            with tf.variable_scope("one2many_decoder_" + str(name)):
                dec_cell = cells.OutputProjectionWrapper(dec_cells_dict[name], num_decoder_symbols)
                if isinstance(feed_previous, bool):
                    outputs, state = embedding_rnn_decoder(decoder_inputs, encoder_state, dec_cell,
                                                           num_decoder_symbols, embedding_size,
                                                           feed_previous=feed_previous)
                else:
                    def filled(feed_previous_bool, decoder_inputs=decoder_inputs, dec_cell=dec_cell,
                               num_decoder_symbols=num_decoder_symbols):
                        with tf.variable_scope(tf.get_variable_scope(),
                                               reuse=None if feed_previous_bool else True):
                            outputs, state = embedding_rnn_decoder(decoder_inputs, encoder_state, dec_cell,
                                                                   num_decoder_symbols, embedding_size,
                                                                   feed_previous=feed_previous_bool)
                        return outputs + _flat_state(state)

                    outputs, state = _cond_outputs(feed_previous, filled, len(decoder_inputs), encoder_state)
            outputs_dict[name] = outputs
            state_dict[name] = state
    return outputs_dict, state_dict


def sequence_loss_by_example(logits, targets, weights, average_across_timesteps=True, softmax_loss_function=None,
                             name=None):
    """Per-example weighted cross-entropy summed over the time steps: logits a list of (batch, classes),
    targets of (batch,) int ids, weights of (batch,) floats; divided by the summed weights (+1e-12) when
    ``average_across_timesteps``. Returns a (batch,) tensor."""
    if len(targets) != len(logits) or len(weights) != len(logits):
        raise ValueError("Lengths of logits, weights, and targets must be the same "
                         f"{len(logits)}, {len(weights)}, {len(targets)}.")
    with tf.name_scope(name, "sequence_loss_by_example", list(logits) + list(targets) + list(weights)):
        log_perp_list = []
        for logit, target, weight in zip(logits, targets, weights):
            if softmax_loss_function is None:
                target = tf.reshape(target, [-1])
                crossent = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=target, logits=logit)
            else:
                crossent = softmax_loss_function(labels=target, logits=logit)
            log_perp_list.append(crossent * weight)
        log_perps = tf.add_n(log_perp_list)
        if average_across_timesteps:
            total_size = tf.add_n(weights)
            total_size += 1e-12  # the empty sequences' 0/0
            log_perps /= total_size
    return log_perps


def sequence_loss(logits, targets, weights, average_across_timesteps=True, average_across_batch=True,
                  softmax_loss_function=None, name=None):
    """The sum of sequence_loss_by_example over the batch, divided by the batch size when
    ``average_across_batch``: a scalar."""
    with tf.name_scope(name, "sequence_loss", list(logits) + list(targets) + list(weights)):
        cost = tf.reduce_sum(sequence_loss_by_example(logits, targets, weights,
                                                      average_across_timesteps=average_across_timesteps,
                                                      softmax_loss_function=softmax_loss_function))
        if average_across_batch:
            batch_size = tf.shape(targets[0])[0]
            return cost / tf.cast(batch_size, cost.dtype)
        return cost


def model_with_buckets(encoder_inputs, decoder_inputs, targets, weights, buckets, seq2seq,
                       softmax_loss_function=None, per_example_loss=False, name=None):
    """``seq2seq(encoder_inputs[:e], decoder_inputs[:d])`` per bucket (e, d), the variables shared from the
    second bucket on, with its sequence_loss (or sequence_loss_by_example). Returns (outputs, losses),
    one entry per bucket."""
    if len(encoder_inputs) < buckets[-1][0]:
        raise ValueError(f"Length of encoder_inputs ({len(encoder_inputs)}) must be at least that of last "
                         f"bucket ({buckets[-1][0]}).")
    if len(targets) < buckets[-1][1]:
        raise ValueError(f"Length of targets ({len(targets)}) must be at least that of last "
                         f"bucket ({buckets[-1][1]}).")
    if len(weights) < buckets[-1][1]:
        raise ValueError(f"Length of weights ({len(weights)}) must be at least that of last "
                         f"bucket ({buckets[-1][1]}).")
    all_inputs = list(encoder_inputs) + list(decoder_inputs) + list(targets) + list(weights)
    losses = []
    outputs = []
    with tf.name_scope(name, "model_with_buckets", all_inputs):
        for j, bucket in enumerate(buckets):
            with tf.variable_scope(tf.get_variable_scope(), reuse=True if j > 0 else None):
                bucket_outputs, _ = seq2seq(encoder_inputs[:bucket[0]], decoder_inputs[:bucket[1]])
                outputs.append(bucket_outputs)
                loss = sequence_loss_by_example if per_example_loss else sequence_loss
                losses.append(loss(outputs[-1], targets[:bucket[1]], weights[:bucket[1]],
                                   softmax_loss_function=softmax_loss_function))
    return outputs, losses


__all__ = ["attention_decoder", "basic_rnn_seq2seq", "embedding_attention_decoder", "embedding_attention_seq2seq",
           "embedding_rnn_decoder", "embedding_rnn_seq2seq", "embedding_tied_rnn_seq2seq", "model_with_buckets",
           "one2many_rnn_seq2seq", "rnn_decoder", "sequence_loss", "sequence_loss_by_example", "tied_rnn_seq2seq"]


def load():
    """``tf.contrib.legacy_seq2seq``: this module's functions."""
    from ._common import module

    return module("tf.contrib.legacy_seq2seq", {name: globals()[name] for name in __all__})
