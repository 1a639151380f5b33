"""Op-table cases of tf.contrib.nn (compat/contrib/nn.py): the flipped cross-entropies, alpha_dropout (an unseeded
draw: its seeds), nth_element and sampled_sparse_softmax_loss. Python 3.6-compatible, TF 1.x API only (see
op_cases.py); a version without the function records the error."""


def cases(base):
    logits = base._logits

    def sampled(tf, p):
        weights = tf.Variable(tf.zeros([10, 6]), name="sw")
        biases = tf.Variable(tf.zeros([10]), name="sb")
        labels = tf.reshape(tf.cast(p["labels"], tf.int64), [-1, 1])
        return tf.contrib.nn.sampled_sparse_softmax_loss(weights, biases, labels, p["f"], num_sampled=3,
                                                         num_classes=10)

    nn = lambda tf: tf.contrib.nn  # noqa: E731
    return [
        ("contrib_nn_flipped_softmax_xent",
         lambda tf, p: nn(tf).deprecated_flipped_softmax_cross_entropy_with_logits(logits(tf, p), p["y"])),
        ("contrib_nn_flipped_sparse_softmax_xent",
         lambda tf, p: nn(tf).deprecated_flipped_sparse_softmax_cross_entropy_with_logits(logits(tf, p), p["labels"])),
        ("contrib_nn_flipped_sigmoid_xent",
         lambda tf, p: nn(tf).deprecated_flipped_sigmoid_cross_entropy_with_logits(logits(tf, p), p["y"])),
        ("contrib_nn_alpha_dropout", lambda tf, p: nn(tf).alpha_dropout(p["f"], 0.8)),
        ("contrib_nn_alpha_dropout_placeholder", lambda tf, p: nn(tf).alpha_dropout(p["x"], p["keep_prob"])),
        ("contrib_nn_alpha_dropout_noise_shape", lambda tf, p: nn(tf).alpha_dropout(p["f"], 0.5, noise_shape=[1, 6])),
        ("contrib_nn_nth_element", lambda tf, p: nn(tf).nth_element(p["f"], 2, reverse=True)),
        ("contrib_nn_sampled_sparse_softmax_loss", sampled),
    ]
