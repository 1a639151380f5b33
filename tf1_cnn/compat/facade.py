"""The ``tf1`` facade: TF 1.x's ``tensorflow`` namespace on TensorFlow 2.21.

``from tf1_cnn.compat import tf1 as tf`` gives TF1 code all of ``tf.compat.v1``
under its TF1 spelling, plus what TF 1.x had beyond it, without patching
anything global:

- ``tf.layers`` (and ``tf.compat.v1.layers``): tf_keras's TF1 layers;
- ``tf.contrib``: what tf_slim, tf_keras, TensorFlow's own renames, TensorFlow Probability
  still carry of it (``contrib.py``: layers, slim, framework, rnn, metrics, losses, ...);
- ``tf.estimator``: tensorflow_estimator 2.15's v1 API, imported on first use (``estimator.py``);
- the few functions whose TF 2.21 versions build other ops than TF 1.x
  (``op_structure.py``: contrib and core flatten, ``tf.nn.dropout``);
- every other name: ``tf.compat.v1``'s, its submodules wrapped the same way
  (``tf.train``, ``tf.nn``, ``tf.losses``, ``tf.metrics``, ``tf.summary``, ...).

Each lookup is reported to ``migration.record`` (which keeps the TF1-only ones,
with the user's file and line); a name nobody provides raises an AttributeError
naming it and its TF2 replacement.
"""
import types

import tensorflow as tf
from tensorflow.python.util.lazy_loader import LazyLoader

from . import libraries, migration
from .graph import op_structure

_MISSING = object()


class Lazy:
    """An override made on first lookup (a wrapper of a library function not imported yet)."""

    def __init__(self, make):
        self.make = make


class Namespace(types.ModuleType):
    """A module-like view: ``overrides`` first, then ``base`` (a module, or a function returning one).

    Submodules of a TensorFlow base come back wrapped as Namespaces too (cached), so
    ``tf.train.AdamOptimizer`` is counted as such.
    """

    def __init__(self, path, base=None, overrides=None):
        super().__init__(path)
        object.__setattr__(self, "_path", path)
        object.__setattr__(self, "_base", base)
        object.__setattr__(self, "_overrides", dict(overrides or {}))

    def _base_module(self):
        base = self._base
        if callable(base) and not isinstance(base, types.ModuleType):
            base = base()
            object.__setattr__(self, "_base", base)
        return base

    def _lookup(self, attr):
        value = self._overrides.get(attr, _MISSING)
        if isinstance(value, Lazy):
            value = self._overrides[attr] = value.make()
        base = self._base_module() if value is _MISSING else None
        if base is not None:
            try:
                value = getattr(base, attr)
            except AttributeError:
                value = _MISSING
            if isinstance(value, LazyLoader):  # tf.keras: its name alone would load Keras; wrapped, loaded on use
                value = self._overrides[attr] = Namespace(f"{self._path}.{attr}", lambda lazy=value: lazy)
            elif isinstance(value, types.ModuleType) and value.__name__.startswith(("tensorflow", "tf_keras")):
                value = Namespace(f"{self._path}.{attr}", value)
                self._overrides[attr] = value
        return value

    def __getattr__(self, attr):
        if attr.startswith("__"):
            raise AttributeError(attr)
        full = f"{self._path}.{attr}"
        value = self._lookup(attr)
        if value is _MISSING:
            raise AttributeError(migration.missing_message(full))
        if not isinstance(value, types.ModuleType):  # count the leaf names, not the namespaces on the way
            migration.record(full)
        return value

    def __setattr__(self, attr, value):  # user code may set attributes (tf.flags.FLAGS = ...)
        if attr.startswith("__"):  # the import system's __spec__, __loader__, ...: module attributes
            object.__setattr__(self, attr, value)
        else:
            self._overrides[attr] = value

    def __dir__(self):
        names = set(self._overrides)
        base = self._base_module()
        if base is not None:
            names |= {n for n in dir(base) if not n.startswith("__")}
        return sorted(names)

    def __repr__(self):
        return f"<tf1_cnn TF1 namespace {self._path!r}>"


def _contrib():
    # tf.contrib by what maintained libraries still carry (contrib.py); its import forms: contrib.ContribFinder
    from . import contrib

    return contrib.build(Namespace)


def layers_namespace(path="tf.layers"):
    """tf_keras's TF1 layers, with TF 1.x's flatten and batch_normalization structure."""
    return Namespace(path, libraries.legacy_layers, {"flatten": op_structure.layers_flatten, "batch_normalization": Lazy(
        lambda: op_structure.layers_batch_normalization(libraries.legacy_layers().batch_normalization))})


def make_facade():
    """A fresh ``tf`` namespace (see the module docstring)."""
    v1 = tf.compat.v1
    nn = Namespace("tf.nn", v1.nn, {"dropout": op_structure.dropout, "softmax_cross_entropy_with_logits":
                                    op_structure.softmax_cross_entropy_with_logits})
    layers = layers_namespace()
    from . import estimator

    facade = Namespace("tf", v1, {"contrib": _contrib(), "layers": layers, "nn": nn,
                                  "transpose": op_structure.transpose,
                                  "estimator": Namespace("tf.estimator", estimator.load)})
    from . import app_flags  # TF 1.2-1.4's argparse flags or absl's, by the version in force at first use

    flags = facade._overrides["flags"] = Namespace("tf.flags", lambda: app_flags.for_version()[0])
    facade._overrides["app"] = Namespace("tf.app", lambda: app_flags.for_version()[1], {"flags": flags})
    compat_v1 = Namespace("tf.compat.v1", v1, {"layers": layers_namespace("tf.compat.v1.layers")})
    # TF 1.13-1.15 (and tf_upgrade_v2's output) spell it tf.compat.v1.estimator
    compat_v1._overrides["estimator"] = Namespace("tf.compat.v1.estimator", estimator.load)
    facade._overrides["compat"] = Namespace("tf.compat", tf.compat, {"v1": compat_v1})
    return facade


tf1 = make_facade()
