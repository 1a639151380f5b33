"""``tf.contrib.keras`` (TF 1.2 - 1.4)."""


def load():
    """``tf.contrib.keras`` (TF 1.2 - 1.4): Keras 2 on TF1, tf_keras's v1 API."""
    from tf_keras.api._v1 import keras as k

    return k
