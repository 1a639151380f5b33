"""``tf.contrib.distributions``: TensorFlow Probability's."""


def load():
    """``tf.contrib.distributions``: TensorFlow Probability's distributions (imported on first use: 2 s)."""
    import tensorflow_probability as tfp

    return tfp.distributions
