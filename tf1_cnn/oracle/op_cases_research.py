"""Op-table cases of the research family: tf.contrib.legacy_seq2seq, tf.contrib.crf and the contrib.rnn cells
the runtime writes itself (compat/contrib/legacy_seq2seq.py, crf.py, rnn/cells.py).

Python 3.6-compatible, TF 1.x's API only (run inside the oracle environments too). Small graphs: two or
three time steps of (batch, 3) inputs from the prefix's ``seq`` (batch, 5, 3), ids from ``labels``.
A case a version lacks (crf_decode before TF 1.4, ...) is recorded as an error there and skipped.
"""


def _steps(tf, p, n=2):
    """n time steps (batch, 3)."""
    return tf.unstack(p["seq"], axis=1)[:n]


def _ids(p, n=2):
    return [p["labels"]] * n


def _state(p):
    return p["f"][:, :4]


def _lengths(tf, p):
    return tf.ones_like(p["labels"]) * 5


def _call_cell(make):
    """One call of a cell on the first step from its zero state."""
    def build(tf, p):
        cell = make(tf)
        x = p["seq"][:, 0, :]
        return cell(x, cell.zero_state(tf.shape(x)[0], tf.float32))
    return build


def _ls(tf):
    return tf.contrib.legacy_seq2seq


def cases(base):
    crf = lambda tf: tf.contrib.crf  # noqa: E731
    trans = lambda tf: tf.ones([3, 3])  # noqa: E731
    tags = lambda tf, p: tf.zeros_like(tf.cast(p["seq"][:, :, 0], tf.int32))  # noqa: E731
    return [
        ("legacy_rnn_decoder", lambda tf, p: _ls(tf).rnn_decoder(_steps(tf, p), _state(p),
                                                                  tf.contrib.rnn.GRUCell(4))),
        ("legacy_rnn_decoder_loop", lambda tf, p: _ls(tf).rnn_decoder(
            _steps(tf, p), _state(p), tf.contrib.rnn.BasicRNNCell(4), loop_function=lambda prev, i: prev[:, :3])),
        ("legacy_basic_rnn_seq2seq", lambda tf, p: _ls(tf).basic_rnn_seq2seq(
            _steps(tf, p), _steps(tf, p), tf.contrib.rnn.BasicLSTMCell(4))),
        ("legacy_tied_rnn_seq2seq", lambda tf, p: _ls(tf).tied_rnn_seq2seq(
            _steps(tf, p), _steps(tf, p), tf.contrib.rnn.GRUCell(4))),
        ("legacy_embedding_rnn_seq2seq", lambda tf, p: _ls(tf).embedding_rnn_seq2seq(
            _ids(p), _ids(p), tf.contrib.rnn.BasicLSTMCell(4), 5, 5, 3)),
        ("legacy_embedding_rnn_seq2seq_feed_tensor", lambda tf, p: _ls(tf).embedding_rnn_seq2seq(
            _ids(p), _ids(p), tf.contrib.rnn.GRUCell(4), 5, 5, 3, feed_previous=p["training"])),
        ("legacy_embedding_tied_rnn_seq2seq", lambda tf, p: _ls(tf).embedding_tied_rnn_seq2seq(
            _ids(p), _ids(p), tf.contrib.rnn.GRUCell(4), 5, 3, feed_previous=True)),
        ("legacy_embedding_attention_seq2seq", lambda tf, p: _ls(tf).embedding_attention_seq2seq(
            _ids(p), _ids(p), tf.contrib.rnn.BasicLSTMCell(4), 5, 5, 3)),
        ("legacy_embedding_attention_feed_previous", lambda tf, p: _ls(tf).embedding_attention_seq2seq(
            _ids(p), _ids(p), tf.contrib.rnn.GRUCell(4), 5, 5, 3, feed_previous=True,
            initial_state_attention=True)),
        ("legacy_attention_decoder_two_heads", lambda tf, p: _ls(tf).attention_decoder(
            _steps(tf, p), _state(p), p["seq"], tf.contrib.rnn.GRUCell(4), num_heads=2)),
        ("legacy_one2many_rnn_seq2seq", lambda tf, p: _ls(tf).one2many_rnn_seq2seq(
            _ids(p), {"a": _ids(p)}, tf.contrib.rnn.GRUCell(4), {"a": tf.contrib.rnn.GRUCell(4)}, 5, {"a": 5}, 3)),
        ("legacy_sequence_loss_by_example", lambda tf, p: _ls(tf).sequence_loss_by_example(
            [p["y"], p["y"]], _ids(p), [p["y"][:, 0], p["y"][:, 1]])),
        ("legacy_sequence_loss", lambda tf, p: _ls(tf).sequence_loss(
            [p["y"], p["y"]], _ids(p), [p["y"][:, 0], p["y"][:, 1]])),
        ("legacy_model_with_buckets", lambda tf, p: _ls(tf).model_with_buckets(
            _steps(tf, p), _steps(tf, p), _ids(p), [p["y"][:, 0], p["y"][:, 1]], [(1, 1), (2, 2)],
            lambda e, d: _ls(tf).basic_rnn_seq2seq(e, d, tf.contrib.rnn.GRUCell(4)))),
        ("crf_log_likelihood", lambda tf, p: crf(tf).crf_log_likelihood(p["seq"], tags(tf, p), _lengths(tf, p))),
        ("crf_sequence_score", lambda tf, p: crf(tf).crf_sequence_score(
            p["seq"], tags(tf, p), _lengths(tf, p), trans(tf))),
        ("crf_log_norm", lambda tf, p: crf(tf).crf_log_norm(p["seq"], _lengths(tf, p), trans(tf))),
        ("crf_unary_binary_score", lambda tf, p: (
            crf(tf).crf_unary_score(tags(tf, p), _lengths(tf, p), p["seq"]),
            crf(tf).crf_binary_score(tags(tf, p), _lengths(tf, p), trans(tf)))),
        ("crf_decode", lambda tf, p: crf(tf).crf_decode(p["seq"], trans(tf), _lengths(tf, p))),
        ("crf_multitag_sequence_score", lambda tf, p: crf(tf).crf_multitag_sequence_score(
            p["seq"], tf.ones_like(p["seq"], dtype=tf.bool), _lengths(tf, p), trans(tf))),
        ("rnn_nas_cell", _call_cell(lambda tf: tf.contrib.rnn.NASCell(4))),
        ("rnn_nas_cell_proj", _call_cell(lambda tf: tf.contrib.rnn.NASCell(4, num_proj=2))),
        ("rnn_layer_norm_lstm", _call_cell(lambda tf: tf.contrib.rnn.LayerNormBasicLSTMCell(4))),
        ("rnn_layer_norm_lstm_dropout", _call_cell(
            lambda tf: tf.contrib.rnn.LayerNormBasicLSTMCell(4, dropout_keep_prob=0.8))),
        ("rnn_embedding_wrapper", lambda tf, p: tf.contrib.rnn.EmbeddingWrapper(
            tf.contrib.rnn.GRUCell(4), 5, 3)(p["labels"], _state(p))),
        ("rnn_projection_wrappers", _call_cell(lambda tf: tf.contrib.rnn.OutputProjectionWrapper(
            tf.contrib.rnn.InputProjectionWrapper(tf.contrib.rnn.GRUCell(4), 2), 5))),
        ("rnn_stack_bidirectional_rnn", lambda tf, p: tf.contrib.rnn.stack_bidirectional_rnn(
            [tf.contrib.rnn.GRUCell(2)], [tf.contrib.rnn.GRUCell(2)], _steps(tf, p), dtype=tf.float32)),
        ("rnn_stack_bidirectional_dynamic_rnn", lambda tf, p: tf.contrib.rnn.stack_bidirectional_dynamic_rnn(
            [tf.contrib.rnn.GRUCell(2)], [tf.contrib.rnn.GRUCell(2)], p["seq"], dtype=tf.float32)),
    ]
