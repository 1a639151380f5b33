"""Op-table cases of ``tf.contrib.seq2seq`` (Python 3.6-compatible, TF 1.x API only; see op_cases.py).

Each builds a small seq2seq graph on the prefix's ``seq`` placeholder ([batch, 5, 3]): the loss,
an attention step outside any loop (each mechanism's variables and ops on their own), then the
decoders in ``dynamic_decode``'s while loop (training, greedy, beam search) and a whole
attention training step.
"""


def _batch(tf, p):
    return tf.shape(p["seq"])[0]


def _lengths(tf, p):
    return tf.fill([_batch(tf, p)], 4)


def _loss(tf, p, **kwargs):
    targets = tf.zeros_like(tf.cast(p["seq"][:, :, 0], tf.int32))
    weights = tf.ones_like(p["seq"][:, :, 0])
    return tf.contrib.seq2seq.sequence_loss(p["seq"], targets, weights, **kwargs)


def _mechanism(kind, **kwargs):
    def make(tf, p):
        return getattr(tf.contrib.seq2seq, kind)(4, p["seq"], memory_sequence_length=_lengths(tf, p), **kwargs)
    return make


def _attention_step(mechanism, **kwargs):
    """One AttentionWrapper step (zero state, then the cell on the first time step): no while loop."""
    def build(tf, p):
        cell = tf.contrib.seq2seq.AttentionWrapper(tf.contrib.rnn.BasicRNNCell(4), mechanism(tf, p), **kwargs)
        state = cell.zero_state(_batch(tf, p), tf.float32)
        return cell(p["seq"][:, 0], state)
    return build


def _training_decoder(output_layer=False, impute_finished=False):
    def build(tf, p):
        cell = tf.contrib.rnn.BasicRNNCell(4)
        helper = tf.contrib.seq2seq.TrainingHelper(p["seq"], _lengths(tf, p))
        layer = tf.layers.Dense(3, name="projection") if output_layer else None
        decoder = tf.contrib.seq2seq.BasicDecoder(cell, helper, cell.zero_state(_batch(tf, p), tf.float32),
                                                  output_layer=layer)
        return tf.contrib.seq2seq.dynamic_decode(decoder, impute_finished=impute_finished)
    return build


def _greedy_decoder(tf, p):
    embedding = tf.get_variable("embedding", [6, 3])
    cell = tf.contrib.rnn.BasicRNNCell(4)
    helper = tf.contrib.seq2seq.GreedyEmbeddingHelper(embedding, tf.fill([_batch(tf, p)], 0), 1)
    decoder = tf.contrib.seq2seq.BasicDecoder(cell, helper, cell.zero_state(_batch(tf, p), tf.float32),
                                              output_layer=tf.layers.Dense(6))
    return tf.contrib.seq2seq.dynamic_decode(decoder, maximum_iterations=4)


def _beam_search(length_penalty_weight):
    def build(tf, p):
        embedding = tf.get_variable("embedding", [6, 3])
        cell = tf.contrib.rnn.BasicRNNCell(4)
        batch = _batch(tf, p)
        state = tf.contrib.seq2seq.tile_batch(cell.zero_state(batch, tf.float32), 2)
        decoder = tf.contrib.seq2seq.BeamSearchDecoder(
            cell, embedding, tf.fill([batch], 0), 1, state, 2, output_layer=tf.layers.Dense(6),
            length_penalty_weight=length_penalty_weight)
        return tf.contrib.seq2seq.dynamic_decode(decoder, maximum_iterations=3)
    return build


def _attention_training(tf, p):
    """NMT's shape of training graph: Bahdanau attention decoder, projection, sequence_loss, SGD."""
    mechanism = tf.contrib.seq2seq.BahdanauAttention(4, p["seq"], memory_sequence_length=_lengths(tf, p))
    cell = tf.contrib.seq2seq.AttentionWrapper(tf.contrib.rnn.BasicLSTMCell(4), mechanism, attention_layer_size=4)
    helper = tf.contrib.seq2seq.TrainingHelper(p["seq"], _lengths(tf, p))
    decoder = tf.contrib.seq2seq.BasicDecoder(cell, helper, cell.zero_state(_batch(tf, p), tf.float32),
                                              output_layer=tf.layers.Dense(3, use_bias=False))
    outputs, _, _ = tf.contrib.seq2seq.dynamic_decode(decoder)
    targets = tf.zeros_like(tf.cast(p["seq"][:, :4, 0], tf.int32))
    loss = tf.contrib.seq2seq.sequence_loss(outputs.rnn_output, targets, tf.ones_like(p["seq"][:, :4, 0]))
    return tf.train.GradientDescentOptimizer(0.1).minimize(loss)


def cases(base):
    return [
        ("seq2seq_sequence_loss", lambda tf, p: _loss(tf, p)),
        ("seq2seq_sequence_loss_per_time", lambda tf, p: _loss(tf, p, average_across_timesteps=False)),
        ("seq2seq_sequence_loss_per_batch", lambda tf, p: _loss(tf, p, average_across_batch=False)),
        ("seq2seq_hardmax", lambda tf, p: tf.contrib.seq2seq.hardmax(p["f"])),
        ("seq2seq_safe_cumprod", lambda tf, p: tf.contrib.seq2seq.safe_cumprod(p["f"], axis=1, exclusive=True)),
        ("seq2seq_monotonic_attention_parallel", lambda tf, p: tf.contrib.seq2seq.monotonic_attention(
            tf.sigmoid(p["f"]), tf.nn.softmax(p["f"]), "parallel")),
        ("seq2seq_monotonic_attention_hard", lambda tf, p: tf.contrib.seq2seq.monotonic_attention(
            tf.cast(p["f"] > 0, tf.float32), tf.nn.softmax(p["f"]), "hard")),
        ("seq2seq_tile_batch", lambda tf, p: tf.contrib.seq2seq.tile_batch(p["seq"], 3)),
        ("seq2seq_bahdanau_step", _attention_step(_mechanism("BahdanauAttention"))),
        ("seq2seq_bahdanau_normalized_step",
         _attention_step(_mechanism("BahdanauAttention", normalize=True), attention_layer_size=4)),
        ("seq2seq_luong_step", _attention_step(_mechanism("LuongAttention"), attention_layer_size=5)),
        ("seq2seq_luong_scaled_step", _attention_step(_mechanism("LuongAttention", scale=True))),
        ("seq2seq_bahdanau_monotonic_step", _attention_step(_mechanism("BahdanauMonotonicAttention"))),
        ("seq2seq_luong_monotonic_step", _attention_step(_mechanism("LuongMonotonicAttention", scale=True))),
        ("seq2seq_alignment_history_step", _attention_step(_mechanism("LuongAttention"), alignment_history=True)),
        ("seq2seq_training_decoder", _training_decoder()),
        ("seq2seq_training_decoder_projection", _training_decoder(output_layer=True, impute_finished=True)),
        ("seq2seq_greedy_decoder", _greedy_decoder),
        ("seq2seq_beam_search", _beam_search(0.0)),
        ("seq2seq_beam_search_length_penalty", _beam_search(0.6)),
        ("seq2seq_attention_training", _attention_training),
    ]
