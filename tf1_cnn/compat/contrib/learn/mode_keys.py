"""``tf.contrib.learn.ModeKeys`` (TF 1.x's learn/python/learn/estimators/constants: INFER, not PREDICT)."""


class ModeKeys(object):
    """The mode strings ``tf.contrib.learn`` model functions received (``tf.estimator.ModeKeys`` says
    ``'infer'`` as PREDICT; TF 1.x code compares ``mode`` against these)."""

    TRAIN = "train"
    EVAL = "eval"
    INFER = "infer"
