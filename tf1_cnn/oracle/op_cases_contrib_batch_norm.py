"""Op-table cases of tf.contrib.layers.batch_norm as DCGAN-era code called it: updates in place
(``updates_collections=None``), scale, on a rank-2 and a rank-4 input, training; followed by a draw. Python
3.6-compatible, TF 1.x API only (see op_cases.py)."""


def _bn(tf, x):
    return tf.contrib.layers.batch_norm(x, decay=0.9, updates_collections=None, epsilon=1e-5, scale=True,
                                        is_training=True, scope="bn")


def cases(base):
    return [
        ("contrib_batch_norm_inplace_rank2", lambda tf, p: (_bn(tf, p["f"]), tf.random_normal([2]))),
        ("contrib_batch_norm_inplace_rank4", lambda tf, p: (_bn(tf, p["x"]), tf.random_normal([2]))),
    ]
