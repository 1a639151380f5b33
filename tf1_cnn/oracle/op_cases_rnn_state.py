"""Op-table cases of an RNN cell's zero_state: an LSTM's (a tuple of two), a multi-layer cell's, with a
tensor batch size, and a draw after it. Python 3.6-compatible, TF 1.x API only (see op_cases.py)."""


def cases(base):
    return [
        ("rnn_state_basic_lstm", lambda tf, p: tf.nn.rnn_cell.BasicLSTMCell(4).zero_state(
            tf.shape(p["seq"])[0], tf.float32)),
        ("rnn_state_multi_gru_draw", lambda tf, p: (tf.nn.rnn_cell.MultiRNNCell(
            [tf.nn.rnn_cell.GRUCell(3), tf.nn.rnn_cell.GRUCell(5)]).zero_state(7, tf.float32),
            tf.random_uniform([2]))),
    ]
