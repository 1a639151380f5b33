"""Op-table cases of tf.layers.batch_normalization's variables and fused training step: without scale, without
center, beta and gamma with regularizers (their losses' order), followed by a draw. Python 3.6-compatible, TF 1.x
API only (see op_cases.py)."""


def cases(base):
    return [
        ("batch_norm_no_scale", lambda tf, p: (tf.layers.batch_normalization(p["x"], training=True, scale=False),
                                               tf.random_normal([2]))),
        ("batch_norm_no_center", lambda tf, p: (tf.layers.batch_normalization(p["x"], training=True, center=False),
                                                tf.random_normal([2]))),
        ("batch_norm_regularized", lambda tf, p: (tf.layers.batch_normalization(
            p["x"], training=True, beta_regularizer=tf.nn.l2_loss, gamma_regularizer=tf.nn.l2_loss),
            tf.losses.get_regularization_losses(), tf.random_normal([2]))),
    ]
