"""Op-table cases of tf.split: a count (TF 1.x converted it to a Const first), a list of sizes, a count in a
name scope and along a negative axis, each followed by a draw. Python 3.6-compatible, TF 1.x API only (see
op_cases.py)."""


def cases(base):
    return [
        ("split_count", lambda tf, p: (tf.split(p["f"], 2, 1), tf.random_normal([2]))),
        ("split_sizes", lambda tf, p: (tf.split(p["f"], [2, 4], 1), tf.random_normal([2]))),
        ("split_count_scoped_negative_axis", lambda tf, p: _scoped(tf, lambda: tf.split(p["seq"], 5, -2, name="steps"))),
        ("split_count_then_squeeze", lambda tf, p: [tf.squeeze(t, [1]) for t in tf.split(p["seq"], 5, 1)]),
    ]


def _scoped(tf, build):
    with tf.name_scope("inputs"):
        return build(), tf.random_normal([2])
