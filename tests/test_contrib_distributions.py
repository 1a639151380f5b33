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


def test_only_the_names_of_the_version():
    """TF 1.4.1's contrib.distributions had no Empirical (TFP's has): Edward defines its own."""
    import pytest

    from tf1_cnn.compat import settings
    from tf1_cnn.compat.contrib import distributions

    module = distributions.load()
    previous = settings.configure(tf1_version="1.4")
    try:
        assert "Empirical" not in dir(module) and "Normal" in dir(module) and "bijectors" in dir(module)
        with pytest.raises(AttributeError, match="TF 1.4's contrib.distributions had no Empirical"):
            module.Empirical
        assert len(distributions.names("1.3")) == 60 and len(distributions.names("1.15")) == 84
    finally:
        settings.configure(**previous)
