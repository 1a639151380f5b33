"""``tf.contrib.distributions`` (contrib/distributions.py): TFP's distributions, and ``bijectors`` as TF 1.4-1.15
had them under it (Edward's ``tf.contrib.distributions.bijectors``)."""


def test_distributions_and_bijectors_are_tfp_own():
    import tensorflow_probability as tfp

    from tf1_cnn.compat.contrib import distributions

    module = distributions.load()
    assert module is distributions.load()
    assert module.Normal is tfp.distributions.Normal
    assert module.Distribution is tfp.distributions.Distribution
    assert module.FULLY_REPARAMETERIZED is tfp.distributions.FULLY_REPARAMETERIZED
    assert module.bijectors is tfp.bijectors and module.bijectors.Softplus is tfp.bijectors.Softplus
    assert module.__name__ == "tensorflow.contrib.distributions"
