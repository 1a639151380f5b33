"""``tf.contrib.distributions.bijectors`` under TF 1.3/1.4: TFP's bijectors with the era's ``event_ndims``.

TF 1.3.0 and 1.4.1 fixed a bijector's event rank in its constructor: ``Exp(event_ndims=0)``,
``SoftmaxCentered(event_ndims=0)``, ``Softplus(event_ndims=0, hinge_softness=None)``, ... (the signatures,
read from both oracles, are in ``bijectors_signatures.json``), and its log-det-Jacobian methods summed
over that many rightmost dimensions. TFP's bijectors take no ``event_ndims`` (Edward 1.3:
``tfb.SoftmaxCentered(event_ndims=1)``: "unexpected keyword argument 'event_ndims'"); their
``forward_log_det_jacobian(x, event_ndims=None)`` takes it per call, defaulting to the bijector's minimum.

Under ``--tf1-version 1.3/1.4`` the classes of the table are called with TF 1.x's signature (so positional
arguments land where TF 1.x put them: ``Softplus(1)`` is ``event_ndims=1``) and give TFP's bijector:
- ``event_ndims`` equal to TFP's minimum (``SoftmaxCentered(event_ndims=1)``, ``Exp(event_ndims=0)``):
  TFP's bijector, the same map; SoftmaxCentered's log-det-Jacobians are TF 1.x's (without TFP's volume
  term 0.5 * log(K + 1), measured on TF 1.4.1), the others TFP's, which are TF 1.x's;
- larger, for an elementwise bijector (``Exp(event_ndims=1)``): its log-det-Jacobian methods default
  ``event_ndims`` to it, summing as TF 1.x did (a ``TransformedDistribution`` passes its own);
- what TFP cannot do (``SoftmaxCentered(event_ndims=0)``, TF 1.x's scalar to 2-simplex map): a one-line
  NotImplementedError naming the class and value.
Not passing ``event_ndims`` keeps TFP's bijector unchanged. ``isinstance(b, bijectors.Exp)`` holds (the
name answers for TFP's class); every other name is TFP's own. TF 1.15's constructors had no ``event_ndims``.
"""
import functools
import inspect
import json
import pathlib
import types

_TABLE = {}


def signatures(version):
    """``{class name: [[parameter, default], ...]}`` of TF ``version``'s bijectors with ``event_ndims``."""
    if not _TABLE:
        _TABLE.update(json.loads((pathlib.Path(__file__).parent / "bijectors_signatures.json").read_text())
                      ["signatures"])
    return _TABLE.get(version, {})


def _signature(params):
    return inspect.Signature([inspect.Parameter(n, inspect.Parameter.POSITIONAL_OR_KEYWORD, default=d)
                              for n, d in params])


def _softmax_centered_volume(y):
    """TF 1.3/1.4's SoftmaxCentered log-det-Jacobian minus TFP's: 0.5 * log(K + 1) for y of K + 1 classes.

    TFP counts the simplex's volume element (the square root of the Gram determinant), TF 1.x did not:
    measured on TF 1.4.1 for K = 1, 2, 3, 5 (inverse_log_det_jacobian larger by exactly that much).
    """
    import tensorflow as tf

    size = tf.compat.dimension_value(y.shape[-1])
    size = tf.cast(tf.shape(y)[-1], y.dtype) if size is None else tf.constant(float(size), y.dtype)
    return 0.5 * tf.math.log(size)


def _tf1_log_det_jacobians(bijector, event_ndims=None, ildj_offset=None):
    """Give ``bijector``'s two log-det-Jacobian methods TF 1.x's ``event_ndims`` as their default (its sum)
    and, with ``ildj_offset(y)``, TF 1.x's value (the inverse one plus it, the forward one minus it)."""
    import tensorflow as tf

    forward, inverse = bijector.forward_log_det_jacobian, bijector.inverse_log_det_jacobian

    def forward_log_det_jacobian(x, event_ndims=None, *args, **kwargs):
        ldj = forward(x, event_ndims if event_ndims is not None else fixed, *args, **kwargs)
        return ldj if ildj_offset is None else ldj - ildj_offset(bijector.forward(tf.convert_to_tensor(x)))

    def inverse_log_det_jacobian(y, event_ndims=None, *args, **kwargs):
        ldj = inverse(y, event_ndims if event_ndims is not None else fixed, *args, **kwargs)
        return ldj if ildj_offset is None else ldj + ildj_offset(tf.convert_to_tensor(y))

    fixed = event_ndims
    bijector.__dict__["forward_log_det_jacobian"] = functools.wraps(forward)(forward_log_det_jacobian)
    bijector.__dict__["inverse_log_det_jacobian"] = functools.wraps(inverse)(inverse_log_det_jacobian)
    return bijector


# TF 1.3/1.4's values where they differ from TFP's (measured on the oracle), by class
_OFFSETS = {"SoftmaxCentered": _softmax_centered_volume}


class _EraCall(type):
    """A TFP bijector class called with TF 1.x's signature; ``isinstance`` answers for TFP's class."""

    def __call__(cls, *args, **kwargs):
        try:
            bound = cls.era_signature.bind(*args, **kwargs)
        except TypeError as e:
            raise TypeError(f"{cls.__name__}(): {e} (TF {cls.era_version}'s signature: {cls.era_signature})") from None
        given = dict(bound.arguments)
        event_ndims = given.pop("event_ndims", None)
        bijector = cls.tfp_class(**given)
        offset = _OFFSETS.get(cls.__name__)
        if event_ndims is None:
            return bijector if offset is None else _tf1_log_det_jacobians(bijector, None, offset)
        least = bijector.forward_min_event_ndims
        if isinstance(event_ndims, int) and event_ndims == least:
            return bijector if offset is None else _tf1_log_det_jacobians(bijector, None, offset)
        if isinstance(event_ndims, int) and event_ndims > least == 0 == bijector.inverse_min_event_ndims:
            return _tf1_log_det_jacobians(bijector, event_ndims, offset)
        raise NotImplementedError(f"{cls.__name__}(event_ndims={event_ndims!r}): TF {cls.era_version}'s map for "
                                  f"this event rank has no TFP counterpart (TFP's works on {least})")

    def __instancecheck__(cls, instance):
        return isinstance(instance, cls.tfp_class)

    def __subclasscheck__(cls, sub):
        return issubclass(sub, cls.tfp_class)


_MODULES = {}


class _Bijectors(types.ModuleType):
    """The era's constructors (set on the module); every other name TFP's, looked up when asked for."""

    def __getattr__(self, name):
        import tensorflow_probability as tfp

        return getattr(tfp.bijectors, name)

    def __dir__(self):
        import tensorflow_probability as tfp

        return sorted(set(dir(tfp.bijectors)) | set(self.__dict__))


def module(version):
    """``tf.contrib.distributions.bijectors`` for TF ``version``: TFP's, with the era's constructors."""
    import tensorflow_probability as tfp

    table = signatures(version)
    if not table:
        return tfp.bijectors
    if version in _MODULES:
        return _MODULES[version]
    era = _Bijectors("tensorflow.contrib.distributions.bijectors", tfp.bijectors.__doc__)
    for name, params in table.items():
        tfp_class = getattr(tfp.bijectors, name)
        era.__dict__[name] = _EraCall(name, (), {
            "tfp_class": tfp_class, "era_signature": _signature(params), "era_version": version,
            "__doc__": tfp_class.__doc__, "__module__": era.__name__})
    _MODULES[version] = era
    return era
