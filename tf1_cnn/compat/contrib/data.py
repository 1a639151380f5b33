"""``tf.contrib.data``: TF 1.3's Dataset classes and TF 1.4+'s transformations."""
from ._common import module, renamed

def load():
    """``tf.contrib.data``: TF 1.3's Dataset classes (tf.compat.v1.data) and TF 1.4+'s transformations."""
    import tensorflow as tf

    v1 = tf.compat.v1.data
    members = {n: getattr(v1, n) for n in ("Dataset", "FixedLengthRecordDataset", "Iterator", "TFRecordDataset",
                                           "TextLineDataset")}
    members.update(renamed("data"))
    return module("tf.contrib.data", members)
