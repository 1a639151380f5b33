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


def test_converted_subclasses_are_values_in_cond_while_and_gradients_as_tf_1_4(tf1_oracle):
    """contrib/distributions_composite.py: a contrib.distributions subclass with a conversion function (Edward's
    random variables) is a Tensor in tf.cond, tf.while_loop and tf.gradients, as on TF 1.4.1 (TF 2.21 took it
    apart as a CompositeTensor: "*args and **kwargs are not supported", "not supported as a gradient source")."""
    import subprocess

    from .helpers import ROOT, oracle_env, run_cli

    script = ROOT / "tests" / "legacy_scripts" / "contrib_distributions_values.py"
    ours = run_cli("-m", "tf1_cnn", "legacy", "--tf1-version", "1.4", "--no-report", str(script))
    assert ours.returncode == 0, ours.stderr
    real = subprocess.run([tf1_oracle("1.4"), str(script)], env=oracle_env(), capture_output=True, text=True,
                          timeout=300)
    assert real.returncode == 0, real.stderr
    assert ours.stdout.splitlines() == real.stdout.splitlines()
    assert "gradients: True 2.0 4.0 2" in ours.stdout


def test_plain_distributions_keep_tf_2_21_composite_handling():
    """Only objects with a registered conversion function are converted; a plain TFP distribution is not."""
    import tensorflow_probability as tfp

    from tf1_cnn.compat.contrib import distributions, distributions_composite

    distributions.load()
    assert not distributions_composite.converted_as_value(tfp.distributions.Normal(0.0, 1.0))
    assert not distributions_composite.converted_as_value(1.0)
