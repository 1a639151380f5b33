"""``tf.estimator``: the real ``tensorflow_estimator`` 2.15 (its v1 API) behind the runtime.

TensorFlow 2.16 dropped ``tf.estimator``; ``tensorflow-estimator`` 2.15.0, its last
release, is pure Python and still runs TF1 graph code on TensorFlow 2.21, but does
not import there: five TF-internal names it imports at module level went away after
TF 2.15. ``_shim_tensorflow()`` puts them back as stubs (each says why below); every
path that would use what they stood for (TPU embeddings, distribution strategies
under the estimator) raises ``NotImplementedError`` naming it.

``load()`` imports the estimator on first use (``tf.estimator.X`` under ``legacy``),
never at start-up, and returns its v1 API module
(``tensorflow_estimator.python.estimator.api._v1.estimator``: ``Estimator`` with
``export_savedmodel``, the canned estimators with TF 1.x's loss reduction ``SUM``,
``train_and_evaluate``, ``TrainSpec`` / ``EvalSpec``, exporters, ``inputs``,
``RunConfig`` reading ``TF_CONFIG``), with two TF 1.3 differences restored:

- ``RunConfig().tf_random_seed`` is **1** under ``--tf1-version 1.3`` (TF 1.2-1.3's
  RunConfig took no arguments and fixed the seed to 1, so every Estimator graph had
  graph seed 1 and its unseeded initializers op seeds from the op count); it is
  ``None`` (no graph seed) under 1.4 and later, as in tensorflow_estimator;
- under 1.3, ``train`` builds no ``global_step_read`` before the ``input_fn`` (TF 1.4
  added it: 11 ops), so a model_fn's unseeded draws get TF 1.3's op seeds (measured
  against TF 1.3.0, 1.4.1 and 1.15.5; ``tests/test_estimator.py``). The hooks that
  need the read make it later, on demand, as they do in every version.

The estimator was written against TensorFlow 2's ``tf`` namespace, and ``install()``
gives the real ``tensorflow`` module TF 1.x's names (``tf.losses`` is v1's, ...): its
modules are imported with ``import tensorflow as tf`` bound to TF 2's API
(``tf.compat.v2``), so they compute what they did on TF 2.15 and their own lookups are
not counted as the user's TF1 names.
"""
import sys
import types

API = "tensorflow_estimator.python.estimator.api._v1.estimator"
TF13_DEFAULT_SEED = 1  # tensorflow/python/estimator/run_config.py of TF 1.3.0: self._tf_random_seed = 1
_cache = {}


class RemovedError(NotImplementedError, AttributeError):
    """What a stub raises; an AttributeError too, so ``hasattr`` on a stub module stays False."""


class _Removed(types.ModuleType):
    """A TF-internal module TF 2.21 no longer has: importable, each missing name a clear error."""

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        raise RemovedError(f"{self.__name__}.{name}: {self.__doc__}")


def _removed_class(module, name):
    def __init__(self, *args, **kwargs):
        raise RemovedError(f"{module.__name__}.{name}: {module.__doc__}")

    return type(name, (), {"__init__": __init__, "__module__": module.__name__})


def _add_module(name, doc, **attrs):
    module = _Removed(name, doc)
    module.__dict__.update(attrs)
    sys.modules[name] = module
    parent, _, child = name.rpartition(".")
    setattr(sys.modules[parent], child, module)
    return module


def _shim_tensorflow():
    """The five names tensorflow_estimator 2.15 imports at module level and TF 2.21 lacks."""
    import tensorflow.python.distribute  # noqa: F401  (the parents the stubs attach to)
    import tensorflow.python.tpu  # noqa: F401
    from tensorflow.python.util import tf_export

    # 1. estimator_export(...) is tf_export with api_name=ESTIMATOR_API_NAME: TF 2.21's tf_export
    #    dropped the estimator API name and its attribute names (kept: tensorflow, keras). Restored
    #    with the attribute names TF 2.15 used, so every exported symbol gets its API names.
    if not hasattr(tf_export, "ESTIMATOR_API_NAME"):
        tf_export.ESTIMATOR_API_NAME = "estimator"
        tf_export.API_ATTRS["estimator"] = tf_export._Attributes("_estimator_api_names",
                                                                 "_estimator_api_constants")
        tf_export.API_ATTRS_V1["estimator"] = tf_export._Attributes("_estimator_api_names_v1",
                                                                    "_estimator_api_constants_v1")
    if "tensorflow.python.distribute.estimator_training" not in sys.modules:
        # 2. training.py / estimator.py / run_config.py import it for the distribute coordinator,
        #    used only when RunConfig gets train_distribute / eval_distribute / experimental_distribute
        #    (TF 2.x distribution strategies; TF 1.x code has none): TF 2.21 removed the module.
        _add_module("tensorflow.python.distribute.estimator_training",
                    "distribution strategies under the Estimator (RunConfig(train_distribute=...)) need "
                    "TensorFlow 2.15's estimator_training, which TF 2.21 removed; not provided by tf1_cnn",
                    should_run_distribute_coordinator=lambda config: bool(
                        getattr(config, "_distribute_coordinator_mode", None)))
    tpu_doc = ("TPU support of tensorflow_estimator ({}) needs TensorFlow 2.15's {}, which TF 2.21 removed; "
               "not provided by tf1_cnn")
    if "tensorflow.python.tpu.tpu_embedding" not in sys.modules:
        # 3. tpu/_tpu_estimator_embedding.py imports the module and its seven optimizer-parameter
        #    classes (for isinstance checks); TF 2.21 kept only tpu_embedding_v1/v2/v3. The classes are
        #    placeholders that refuse to be made, so the checks are False and nothing else changes.
        module = _add_module("tensorflow.python.tpu.tpu_embedding",
                             tpu_doc.format("TPUEstimator embeddings", "tpu_embedding"))
        for name in ("AdagradParameters", "AdamParameters", "FtrlParameters", "MomentumParameters",
                     "ProximalAdagradParameters", "RMSPropParameters", "StochasticGradientDescentParameters"):
            setattr(module, name, _removed_class(module, name))
    for name, what in (("session_support", "TPUEstimator's worker watchdog and shutdown hooks"),
                       ("tpu_embedding_gradient", "TPUEstimator's embedding gradients")):
        # 4, 5. tpu/tpu_estimator.py imports both at module level, uses them only on a TPU.
        if f"tensorflow.python.tpu.{name}" not in sys.modules:
            _add_module(f"tensorflow.python.tpu.{name}", tpu_doc.format(what, name))


class _TF2View(types.ModuleType):
    """``tensorflow`` as TF 2.21 defines it (``tf.compat.v2``), for the estimator's own modules."""

    def __init__(self, v2):
        super().__init__("tensorflow", v2.__doc__)
        object.__setattr__(self, "_v2", v2)

    def __getattr__(self, name):
        return getattr(self._v2, name)


def _import_estimator():
    """Import the v1 API with ``sys.modules["tensorflow"]`` the TF 2 view (see the module docstring),
    without the end-of-life notice tensorflow_estimator 2.15's ``estimator_export`` wraps every symbol
    in: it re-exports TensorFlow's own classes (``tf.train.LoggingTensorHook``, ``SessionRunHook``, ...),
    and the notice, applied to the class itself, would make TF 1.x's hooks print "Use tf.keras
    instead." at every construction, which no TF 1.x did (the migration report names the estimator)."""
    import importlib

    import tensorflow as tf
    from tensorflow.python.util import deprecation

    _shim_tensorflow()
    # its modules read tf.keras at import (canned/optimizers.py): tf_keras is loaded (and mended by
    # the runtime's post-import hooks) first, while ``tensorflow`` is still the real module
    import tf_keras  # noqa: F401

    real, deprecated = sys.modules["tensorflow"], deprecation.deprecated

    def export_notice_skipped(date, instructions, *args, **kwargs):
        if date is None and instructions == "Use tf.keras instead.":  # estimator_export.py's notice
            return lambda symbol: symbol
        return deprecated(date, instructions, *args, **kwargs)

    sys.modules["tensorflow"], deprecation.deprecated = _TF2View(tf.compat.v2), export_notice_skipped
    try:
        api = importlib.import_module(API)
    finally:
        sys.modules["tensorflow"], deprecation.deprecated = real, deprecated
    return api


def _seed_default(run_config):
    """RunConfig's tf_random_seed default per TF 1.x version (see the module docstring)."""
    import functools

    init = run_config.__init__

    @functools.wraps(init)
    def __init__(self, *args, **kwargs):
        from . import settings

        if len(args) < 2 and "tf_random_seed" not in kwargs and settings.current("tf1_version") == "1.3":
            kwargs["tf_random_seed"] = TF13_DEFAULT_SEED
        init(self, *args, **kwargs)

    run_config.__init__ = __init__


def _no_early_step_read(estimator_class):
    """Under 1.3: ``_create_and_assert_global_step`` returns None, which makes ``train`` skip the
    ``global_step_read`` it builds before the input_fn (its other callers ignore the result)."""
    import functools

    create = estimator_class._create_and_assert_global_step

    @functools.wraps(create)
    def _create_and_assert_global_step(self, graph):
        from . import settings

        step = create(self, graph)
        return None if settings.current("tf1_version") == "1.3" else step

    estimator_class._create_and_assert_global_step = _create_and_assert_global_step


def _era_repr(estimator_class):
    """IPython's display of an Estimator (``<tensorflow.python.estimator.estimator.Estimator at 0x7f...>``) and
    its repr under the module path of the TF 1.x version's day: TF 1.3 / 1.4 kept the Estimator in
    ``tensorflow.python.estimator`` (oracles), TF 1.15 imported it from ``tensorflow_estimator`` as here. The
    classes stay tensorflow_estimator's; only the text names the era's module (subclasses and canned
    estimators alike: ``tensorflow.python.estimator.canned.dnn.DNNClassifier``)."""

    def dotted(self):
        from . import settings

        cls = type(self)
        module = cls.__module__
        if settings.current("tf1_version") != "1.15" and module.startswith("tensorflow_estimator.python.estimator"):
            module = "tensorflow.python.estimator" + module[len("tensorflow_estimator.python.estimator"):]
        return f"{module}.{cls.__qualname__}"

    def __repr__(self):
        return f"<{dotted(self)} object at {hex(id(self))}>"

    def _repr_pretty_(self, p, cycle):
        p.text(f"<{dotted(self)} at 0x{id(self):x}>")

    estimator_class.__repr__ = __repr__
    estimator_class._repr_pretty_ = _repr_pretty_


def load():
    """The estimator's v1 API module (imported once)."""
    if "api" not in _cache:
        api = _import_estimator()
        _seed_default(sys.modules["tensorflow_estimator.python.estimator.run_config"].RunConfig)
        _no_early_step_read(sys.modules["tensorflow_estimator.python.estimator.estimator"].Estimator)
        _era_repr(sys.modules["tensorflow_estimator.python.estimator.estimator"].Estimator)
        _cache["api"] = api
    return _cache["api"]
