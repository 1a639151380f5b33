"""Op-table cases of tf.train.FtrlOptimizer's minimize (slots, constants, updates), with the defaults and with
l1 / l2 / shrinkage strengths. Python 3.6-compatible, TF 1.x API only (see op_cases.py)."""


def cases(base):
    def shrinkage(tf):
        try:
            return tf.train.FtrlOptimizer(0.1, l1_regularization_strength=0.01, l2_regularization_strength=0.02,
                                          l2_shrinkage_regularization_strength=0.03)
        except TypeError:  # TF 1.3.0 had no l2_shrinkage_regularization_strength
            return tf.train.FtrlOptimizer(0.1, l1_regularization_strength=0.01, l2_regularization_strength=0.02)

    return [
        ("opt_ftrl", base._opt(lambda tf: tf.train.FtrlOptimizer(0.1))),
        ("opt_ftrl_shrinkage", base._opt(shrinkage)),
    ]
