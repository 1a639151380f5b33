"""Op-table cases of the tf.contrib packages the runtime builds itself (compat/contrib/): contrib.rnn's block
cells (LSTMBlockCell, GRUBlockCell(V2), LSTMBlockFusedCell) forward and backward, so their ops, names and
seeds are TF 1.x's. Python 3.6-compatible, TF 1.x API only (see op_cases.py)."""


def _step_grads(make_cell):
    # one step of a cell on the features, and the gradients of its output's sum w.r.t. every variable and input
    def build(tf, p):
        cell = make_cell(tf)
        state = cell.zero_state(tf.shape(p["f"])[0], tf.float32)
        out, _ = cell(p["f"], state)
        return tf.gradients(tf.reduce_sum(out), tf.trainable_variables() + [p["f"]])
    return build


def _fused(seq_len=False, **kwargs):
    def build(tf, p):
        cell = tf.contrib.rnn.LSTMBlockFusedCell(4, **kwargs)
        time_major = tf.transpose(p["seq"], [1, 0, 2])
        lengths = tf.fill([tf.shape(p["seq"])[0]], 3) if seq_len else None
        return cell(time_major, dtype=tf.float32, sequence_length=lengths)
    return build


def cases(base):
    rnn = base._rnn
    return [
        ("contrib_lstm_block_cell", rnn(lambda tf: tf.contrib.rnn.LSTMBlockCell(4))),
        ("contrib_lstm_block_cell_peephole", rnn(lambda tf: tf.contrib.rnn.LSTMBlockCell(
            4, use_peephole=True, cell_clip=1.0, forget_bias=0.5))),
        ("contrib_lstm_block_cell_static", rnn(lambda tf: tf.contrib.rnn.LSTMBlockCell(4), static=True)),
        ("contrib_lstm_block_cell_grads", _step_grads(lambda tf: tf.contrib.rnn.LSTMBlockCell(4))),
        ("contrib_lstm_block_cell_peephole_grads", _step_grads(lambda tf: tf.contrib.rnn.LSTMBlockCell(
            4, use_peephole=True))),
        ("contrib_gru_block_cell", rnn(lambda tf: tf.contrib.rnn.GRUBlockCell(4))),
        ("contrib_gru_block_cell_v2", rnn(lambda tf: tf.contrib.rnn.GRUBlockCellV2(4))),
        ("contrib_gru_block_cell_grads", _step_grads(lambda tf: tf.contrib.rnn.GRUBlockCell(4))),
        ("contrib_lstm_block_fused_cell", _fused()),
        ("contrib_lstm_block_fused_cell_seq_len", _fused(seq_len=True)),
        ("contrib_lstm_block_fused_cell_peephole", _fused(use_peephole=True, cell_clip=2.0)),
    ]
