"""Op-table cases of the ops scripts build for their summaries: tf.nn.zero_fraction (an activation's
sparsity) on its own, named, on a 4-D activation inside a summary, and followed by a draw.
Python 3.6-compatible, TF 1.x API only (see op_cases.py)."""


def cases(base):
    return [
        ("zero_fraction", lambda tf, p: tf.nn.zero_fraction(p["f"])),
        ("zero_fraction_named", lambda tf, p: tf.nn.zero_fraction(tf.nn.relu(p["f"]), name="sparsity")),
        ("zero_fraction_summary_draw", lambda tf, p: (
            tf.summary.scalar("conv1/sparsity", tf.nn.zero_fraction(tf.nn.relu(p["x"]))),
            tf.truncated_normal([3, 4], stddev=0.1))),
    ]
