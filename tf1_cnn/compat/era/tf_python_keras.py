"""``tensorflow.python.keras`` as TF 1.4-1.15 tutorials imported Keras from it: the Keras 2 of ``legacy``.

Tutorials of the TF 1.4-1.15 era write ``from tensorflow.python.keras.models import Sequential`` and
``from tensorflow.python.keras.optimizers import Adam`` (``from tf.keras.models import ...`` cannot
work: ``tf`` is not a package). In TF 1.4.1 (oracle) ``tensorflow.python.keras`` *was* ``tf.keras``,
the same module: its public submodules (``API`` below, read there) re-exported
``tensorflow.python.keras._impl.keras`` (Keras 2.0.8's layout), and ``__version__`` was ``'2.0.8-tf'``.
In TF 1.15.5 (oracle) it was the package ``tf.keras`` was generated from: the same layer, model,
backend and callback objects, ``__version__`` ``'2.2.4-tf'``, and ``optimizers`` held Keras 2's own
optimizer classes (``Adam(lr=...)``, ``get_updates``: not ``tf.keras.optimizers``' OptimizerV2).

TensorFlow 2.21 still ships a frozen copy of its old Keras under that path; TensorFlow itself
imports a few of its modules at start-up (``legacy_rnn.rnn_cell_impl``, ``legacy_tf_layers``,
``engine.input_spec``, the learning-rate decays), so the package cannot be replaced. Under
``legacy`` each public submodule is a view instead (``_EraView``): a name comes from Keras 2 as
``legacy`` provides it (tf_keras's TF1 API, whose printing is the era's: keras2.py,
printing/keras2.py), so a model built from these imports fits, prints and saves like ``tf.keras``'s;
names only TensorFlow's copy has still come from it, TensorFlow's own modules (and tf_slim's, the
estimator's) still get TensorFlow's copy's names, and the view keeps the package's ``__path__``, so
TensorFlow's own submodule imports resolve to its files as before. ``optimizers`` is tf_keras's
``optimizer_v1`` (the Keras 2 optimizer classes TF 1.15's ``optimizers.py`` held, 2.0.8's in 1.4;
1.15 added ``TFOptimizer`` and lowercase aliases) plus ``get`` / ``serialize`` / ``deserialize``. ``__version__`` follows
the TF 1.x version in force (``keras2.keras_versions``). Each use is counted for the migration report
(``tf.keras.<module>.<name>``).
"""
import importlib
import importlib.abc
import importlib.machinery
import sys
import types

from . import module_getattr

# the public submodules of TF 1.4.1's tensorflow.python.keras (oracle: dir() minus Input, estimator, _impl);
# TF 1.15.5 had each of them too
API = ("activations", "applications", "backend", "callbacks", "constraints", "datasets", "initializers",
       "layers", "losses", "metrics", "models", "optimizers", "preprocessing", "regularizers", "utils", "wrappers")
PACKAGE = "tensorflow.python.keras"
_V1_API = "tf_keras.api._v1.keras"
_LIBRARIES = ("tensorflow.", "tensorflow_estimator", "tensorflow_probability", "tf_slim")


# tensorflow.python.keras.optimizers' Keras 2 optimizer classes (oracles: TF 1.4.1's, TF 1.15.5's, which added
# TFOptimizer and the lowercase aliases)
OPTIMIZERS = ("Optimizer", "SGD", "RMSprop", "Adagrad", "Adadelta", "Adam", "Adamax", "Nadam")
OPTIMIZERS_115 = ("TFOptimizer", "sgd", "rmsprop", "adagrad", "adadelta", "adam", "adamax", "nadam")


def _optimizers():
    """Keras 2's optimizer classes (tf_keras's optimizer_v1) with the v1 API's get / serialize / deserialize,
    the names of the TF 1.x version in force."""
    from .. import settings

    v1 = importlib.import_module("tf_keras.src.optimizers.optimizer_v1")
    api = importlib.import_module(f"{_V1_API}.optimizers")
    module = types.ModuleType(f"{PACKAGE}.optimizers")
    names = OPTIMIZERS + (OPTIMIZERS_115 if settings.current("tf1_version") == "1.15" else ())
    for name in names:
        setattr(module, name, getattr(v1, name))
    for name in ("get", "serialize", "deserialize"):
        setattr(module, name, getattr(api, name))
    return module


class _EraView(types.ModuleType):
    """``tensorflow.python.keras.<sub>`` under ``legacy``: Keras 2's names first, TensorFlow's copy's after.

    Keeps the original's ``__path__``, ``__file__`` and ``__spec__`` (TensorFlow's own submodule imports)."""

    def __init__(self, original, sub):
        super().__init__(original.__name__, original.__doc__)
        for attr in ("__path__", "__file__", "__spec__", "__loader__", "__package__"):
            if hasattr(original, attr):
                object.__setattr__(self, attr, getattr(original, attr))
        object.__setattr__(self, "_tf1_cnn_original", original)
        object.__setattr__(self, "_tf1_cnn_sub", sub)
        object.__setattr__(self, "_tf1_cnn_source", None)

    def _source(self):
        source = self._tf1_cnn_source
        if source is None:
            from .. import migration

            with migration.not_recording():
                source = _optimizers() if self._tf1_cnn_sub == "optimizers" else \
                    importlib.import_module(f"{_V1_API}.{self._tf1_cnn_sub}")
            object.__setattr__(self, "_tf1_cnn_source", source)
        return source

    def __getattr__(self, attr):
        if attr.startswith("__"):
            return getattr(self._tf1_cnn_original, attr)
        # TensorFlow's own modules reach these too (its TF1 layers subclass `keras_layers.Dense`, imported
        # lazily when tf_slim first builds one): they get TensorFlow's copy, as before; user code, Keras 2
        if sys._getframe(1).f_globals.get("__name__", "").startswith(_LIBRARIES):
            return getattr(self._tf1_cnn_original, attr)
        try:
            value = getattr(self._source(), attr)
        except AttributeError:
            return getattr(self._tf1_cnn_original, attr)
        from .. import migration

        migration.record(f"{PACKAGE}.{self._tf1_cnn_sub}.{attr}")
        return value

    def __dir__(self):  # what the era's module listed (TensorFlow's copy's other names stay reachable)
        return sorted(set(dir(self._source())) | {"__name__", "__doc__", "__file__", "__path__", "__spec__"})


def _version():
    from .. import keras2

    return keras2.keras_versions()[1]


def _install_views(package):
    """Put a view in place of each public submodule (in ``sys.modules`` and on the package)."""
    if module_getattr.chained(package, "tf_python_keras"):
        return
    for sub in API:
        name = f"{PACKAGE}.{sub}"
        if name not in sys.modules and importlib.machinery.PathFinder.find_spec(name, package.__path__) is None:  # TF 2.21's copy lacks it: _Finder gives Keras 2's module
            continue
        original = sys.modules.get(name) or importlib.import_module(name)
        if isinstance(original, _EraView):
            continue
        view = _EraView(original, sub)
        _VIEWED.add(sub)
        sys.modules[name] = view
        setattr(package, sub, view)

    module_getattr.chain(package, "tf_python_keras", _package_attr)


def _package_attr(attr):
    """``tensorflow.python.keras.__version__``: the era's Keras version (TF 2.21's package has none)."""
    return _version() if attr == "__version__" else module_getattr.MISSING


class _Finder(importlib.abc.MetaPathFinder):
    """``tensorflow.python.keras.<sub>[.X]`` for the public submodules TF 2.21's copy lacks (applications,
    datasets, preprocessing, wrappers): Keras 2's module of that name, the same object (as tf_internal's
    moved modules)."""

    def find_spec(self, name, path=None, target=None):
        if not name.startswith(PACKAGE + "."):
            return None
        rest = name[len(PACKAGE) + 1:]
        if rest.split(".")[0] not in API or rest.split(".")[0] in _VIEWED:
            return None
        from . import tf_internal

        return importlib.machinery.ModuleSpec(name, tf_internal._AliasLoader(f"{_V1_API}.{rest}"))


_VIEWED = set()  # the submodules TF 2.21's copy has (a view each)
_FINDER = _Finder()


def replacement(name):
    """The TF 2 spelling of ``tensorflow.python.keras[.<sub>[.<name>]]`` (migration report), or None."""
    if name == f"{PACKAGE}.__version__":
        return "tf.keras.__version__"
    if name.startswith(PACKAGE + "."):
        rest = name[len(PACKAGE) + 1:]
        if rest.split(".")[0] in API:
            return f"tf.keras.{rest}"
    return None


def install():
    """Under ``legacy`` with Keras 2: the views are put in place when TensorFlow's package is imported."""
    from .. import post_import

    if _FINDER not in sys.meta_path:
        sys.meta_path.insert(0, _FINDER)
    post_import.when_imported(PACKAGE, _install_views)
