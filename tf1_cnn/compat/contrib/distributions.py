"""``tf.contrib.distributions``: TensorFlow Probability's (TF 1.x's contrib.distributions became TFP).

Only the names the selected TF 1.x version's ``contrib.distributions`` had (``distributions_names.json``,
read from real TF 1.3.0, 1.4.1 and 1.15.5): TFP has grown distributions TF 1.x lacked, and libraries of
the era build a class for every Distribution the module lists (Edward 1.3.5 makes a random variable of
each, then its own ``Empirical``, which TFP's ``Empirical`` would replace with another signature).
"""
import json
import pathlib
import types

_cache = []
_NAMES = {}


def names(version):
    """The public names of TF ``version``'s ``tf.contrib.distributions`` (a frozenset)."""
    if not _NAMES:
        table = json.loads((pathlib.Path(__file__).parent / "distributions_names.json").read_text())["names"]
        _NAMES.update({v: frozenset(n) for v, n in table.items()})
    return _NAMES[version]


def _version():
    from ..settings import current

    return current("tf1_version")


class _Distributions(types.ModuleType):
    """TFP's ``distributions`` module, plus ``bijectors`` (TF 1.4-1.15's ``contrib.distributions.bijectors``),
    limited to the names the selected TF 1.x version's module had."""

    def __getattr__(self, name):  # every other name: TFP's own object, looked up when first asked for
        import tensorflow_probability as tfp

        if not name.startswith("_") and name not in names(_version()):
            raise AttributeError(f"module 'tensorflow.contrib.distributions' has no attribute {name!r} "
                                 f"(TF {_version()}'s contrib.distributions had no {name})")
        if name == "bijectors":  # under 1.3/1.4 with their constructors' event_ndims (bijectors.py)
            from . import bijectors

            return bijectors.module(_version())
        return getattr(tfp.distributions, name)

    def __dir__(self):
        import tensorflow_probability as tfp

        return sorted((set(dir(tfp.distributions)) | {"bijectors"}) & names(_version()))


def load():
    """``tf.contrib.distributions``: TensorFlow Probability's distributions (imported on first use: 2 s)."""
    if not _cache:
        import tensorflow_probability as tfp

        from . import distributions_composite, distributions_naming

        distributions_composite.install()  # in tf.cond / tf.gradients: values, as TF 1.x's distributions were
        distributions_naming.install(tfp.distributions.Distribution)  # .name as the TF 1.x version gave it

        _cache.append(_Distributions("tensorflow.contrib.distributions", tfp.distributions.__doc__))
    return _cache[0]
