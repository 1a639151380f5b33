"""``tf.contrib.distributions`` (contrib/distributions.py): TFP's distributions, and ``bijectors`` as TF 1.4-1.15
had them under it (Edward's ``tf.contrib.distributions.bijectors``)."""
import pytest


def test_distributions_and_bijectors_are_tfp_own():
    import tensorflow_probability as tfp

    from tf1_cnn.compat.contrib import distributions

    module = distributions.load()
    assert module is distributions.load()
    assert module.Normal is tfp.distributions.Normal
    assert module.Distribution is tfp.distributions.Distribution
    assert module.FULLY_REPARAMETERIZED is tfp.distributions.FULLY_REPARAMETERIZED
    # TFP's bijectors (under 1.3/1.4 with those versions' constructors: tests/test_contrib_bijectors.py)
    assert module.bijectors.Chain is tfp.bijectors.Chain
    assert isinstance(module.bijectors.Softplus(), tfp.bijectors.Softplus)
    assert module.__name__ == "tensorflow.contrib.distributions"


def test_only_the_names_of_the_version():
    """TF 1.4.1's contrib.distributions had no Empirical (TFP's has): Edward defines its own."""
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


def test_converted_subclasses_are_values_in_cond_while_and_gradients_as_tf_1_4(tf1_oracle):
    """contrib/distributions_composite.py: a contrib.distributions subclass with a conversion function (Edward's
    random variables) is a Tensor in tf.cond, tf.while_loop and tf.gradients, as on TF 1.4.1 (TF 2.21 took it
    apart as a CompositeTensor: "*args and **kwargs are not supported", "not supported as a gradient source")."""
    from .helpers import ROOT, legacy_prints_as_the_oracle

    ours = legacy_prints_as_the_oracle(tf1_oracle, ROOT / "tests" / "legacy_scripts" / "contrib_distributions_values.py",
                                       "1.4")
    assert "gradients: True 2.0 4.0 2" in ours


def test_plain_distributions_keep_tf_2_21_composite_handling():
    """Only objects with a registered conversion function are converted; a plain TFP distribution is not."""
    import tensorflow_probability as tfp

    from tf1_cnn.compat.contrib import distributions, distributions_composite

    distributions.load()
    assert not distributions_composite.converted_as_value(tfp.distributions.Normal(0.0, 1.0))
    assert not distributions_composite.converted_as_value(1.0)


# dir: the names of Normal(), Normal(), Normal(name="copied/Normal/"), Normal(name="foo"), a Normal() in
# name_scope("outer"), Gamma(name="a_b"), Bernoulli() made in that order in a fresh graph, printed by
# TF 1.3.0 and 1.4.1 (the same) and TF 1.15.5
TF1_NAMES = {"1.4": ["Normal", "Normal", "copied/Normal/", "foo", "Normal", "a_b", "Bernoulli"],
             "1.15": ["Normal/", "Normal_1/", "copied/Normal/", "foo/", "outer/Normal/", "a_b/", "Bernoulli/"]}


@pytest.mark.parametrize("version", ["1.4", "1.15"])
def test_names_as_the_version_gave_them(version):
    """contrib/distributions_naming.py (TFP alone: "Normal", "Normal_1", "Normal", "foo", ...)."""
    import tensorflow as tf

    from tf1_cnn.compat import settings
    from tf1_cnn.compat.contrib import distributions

    ds = distributions.load()
    previous = settings.configure(tf1_version=version)
    try:
        with tf.Graph().as_default():
            made = [ds.Normal(0.0, 1.0), ds.Normal(0.0, 1.0), ds.Normal(0.0, 1.0, name="copied/Normal/"),
                    ds.Normal(0.0, 1.0, name="foo")]
            with tf.name_scope("outer"):
                made.append(ds.Normal(0.0, 1.0))
            made += [ds.Gamma(1.0, 1.0, name="a_b"), ds.Bernoulli(probs=0.5)]
            assert [d.name for d in made] == TF1_NAMES[version]
            assert made[0].sample().name.startswith("Normal/")  # ops keep TFP's scopes
    finally:
        settings.configure(**previous)
