"""Op-table cases of tf.clip_by_global_norm: of a model's gradients (char-rnn / PTB style, then applied), and of
two tensors with a given norm. Python 3.6-compatible, TF 1.x API only (see op_cases.py)."""


def cases(base):
    def gradients(tf, p):
        loss = base._mse(tf, p)
        grads, _ = tf.clip_by_global_norm(tf.gradients(loss, tf.trainable_variables()), 5.0)
        return tf.train.GradientDescentOptimizer(0.1).apply_gradients(zip(grads, tf.trainable_variables()))

    return [
        ("clip_by_global_norm_gradients", gradients),
        ("clip_by_global_norm_use_norm", lambda tf, p: tf.clip_by_global_norm(
            [p["f"], p["y"]], 1.0, use_norm=tf.constant(2.0), name="clipped")),
    ]
