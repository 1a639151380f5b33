"""``tf.contrib.learn.ModeKeys`` as TF 1.15 defined it (learn/python/learn/estimators/model_fn.py).

It differs from ``tf.estimator.ModeKeys``: its inference key is ``INFER = "infer"`` (the estimator's is
``PREDICT = "predict"``). Deprecated since TF 1.5 but still imported by the NMT tutorial and its forks; no
maintained library carries it: written from its docs, checked against TF 1.15 (tests/test_contrib_learn.py).
"""


class ModeKeys(object):
    """TF 1.15's ``tf.contrib.learn.ModeKeys``: TRAIN, EVAL, INFER (the strings "train", "eval", "infer")."""

    TRAIN = "train"
    EVAL = "eval"
    INFER = "infer"

    @classmethod
    def validate(cls, key):
        """ValueError unless ``key`` is one of the three."""
        if key not in (cls.TRAIN, cls.EVAL, cls.INFER):
            raise ValueError("Invalid mode %s." % key)


ModeKeys.__module__ = "tensorflow.contrib.learn.python.learn.estimators.model_fn"
