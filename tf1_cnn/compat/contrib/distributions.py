"""``tf.contrib.distributions``: TensorFlow Probability's (TF 1.x's contrib.distributions became TFP)."""
import types

_cache = []


class _Distributions(types.ModuleType):
    """TFP's ``distributions`` module, plus ``bijectors`` (TF 1.4-1.15's ``contrib.distributions.bijectors``)."""

    def __getattr__(self, name):  # every other name: TFP's own object, looked up when first asked for
        import tensorflow_probability as tfp

        if name == "bijectors":
            return tfp.bijectors
        return getattr(tfp.distributions, name)

    def __dir__(self):
        import tensorflow_probability as tfp

        return sorted(set(dir(tfp.distributions)) | {"bijectors"})


def load():
    """``tf.contrib.distributions``: TensorFlow Probability's distributions (imported on first use: 2 s)."""
    if not _cache:
        import tensorflow_probability as tfp

        _cache.append(_Distributions("tensorflow.contrib.distributions", tfp.distributions.__doc__))
    return _cache[0]
