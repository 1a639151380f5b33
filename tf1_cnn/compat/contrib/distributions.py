"""``tf.contrib.distributions``: TensorFlow Probability's (TF 1.x's contrib.distributions became TFP)."""
import types

_cache = []


def load():
    """``tf.contrib.distributions``: TensorFlow Probability's distributions (imported on first use: 2 s),
    with ``bijectors`` as TF 1.4-1.15's ``tf.contrib.distributions.bijectors`` had them (TFP's)."""
    if not _cache:
        import tensorflow_probability as tfp

        module = types.ModuleType("tensorflow.contrib.distributions", tfp.distributions.__doc__)
        module.__dict__.update({k: v for k, v in vars(tfp.distributions).items() if not k.startswith("__")})
        module.bijectors = tfp.bijectors
        _cache.append(module)
    return _cache[0]
