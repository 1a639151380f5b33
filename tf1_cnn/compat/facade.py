"""The ``tf1`` facade: TF 1.x's ``tensorflow`` namespace on TensorFlow 2.21.

``from tf1_cnn.compat import tf1 as tf`` gives course-style code
``tf.placeholder``, ``tf.get_variable``, ``tf.contrib.layers.fully_connected``,
``tf.layers.dense``, ``tf.train.AdamOptimizer``, ``tf.Session``, ... without
patching anything global: attributes come from the shims first, then from
``tf.compat.v1``. Each lookup of a TF1-only name is counted for the migration
report; a name nobody provides raises an AttributeError naming it and its TF2
replacement.
"""
import types

import tensorflow as tf

from . import initializers, layers, migration

_MISSING = object()


class Namespace(types.ModuleType):
    """A module-like view: ``overrides`` first, then ``base`` (a tf.compat.v1 module or None)."""

    def __init__(self, path, base=None, overrides=None):
        super().__init__(path)
        object.__setattr__(self, "_path", path)
        object.__setattr__(self, "_base", base)
        object.__setattr__(self, "_overrides", dict(overrides or {}))

    def __getattr__(self, attr):
        if attr.startswith("__"):
            raise AttributeError(attr)
        full = f"{self._path}.{attr}"
        value = self._overrides.get(attr, _MISSING)
        if value is _MISSING and self._base is not None:
            try:
                value = getattr(self._base, attr)
            except Exception:  # e.g. tf.compat.v1.layers.* raise under Keras 3
                value = _MISSING
        if value is _MISSING:
            raise AttributeError(migration.missing_message(full))
        migration.record(full)
        return value

    def __dir__(self):
        names = set(self._overrides)
        if self._base is not None:
            names |= set(dir(self._base))
        return sorted(names)

    def __repr__(self):
        return f"<tf1_cnn TF1 facade {self._path!r}>"


def _contrib():
    contrib_layers = Namespace("tf.contrib.layers", None, {
        "xavier_initializer": initializers.xavier_initializer,
        "xavier_initializer_conv2d": initializers.xavier_initializer_conv2d,
        "variance_scaling_initializer": initializers.variance_scaling_initializer,
        "flatten": layers.flatten,
        "fully_connected": layers.fully_connected,
    })
    return Namespace("tf.contrib", None, {"layers": contrib_layers})


def _layers(path="tf.layers"):
    return Namespace(path, None, {
        name: getattr(layers, name)
        for name in ("dense", "flatten", "conv2d", "max_pooling2d", "average_pooling2d", "dropout")
    })


def make_facade():
    """A fresh ``tf`` namespace: shims, then tf.compat.v1 (with its own submodules wrapped)."""
    v1 = tf.compat.v1
    layers = _layers()
    subs = {name: Namespace(f"tf.{name}", getattr(v1, name))
            for name in ("train", "nn", "losses", "summary", "random", "math", "image", "io", "initializers")}
    # seed 002 writes tf.compat.v1.layers.dense, which TF 2.21 refuses under Keras 3
    compat_v1 = Namespace("tf.compat.v1", v1, {"layers": _layers("tf.compat.v1.layers")})
    subs["compat"] = Namespace("tf.compat", tf.compat, {"v1": compat_v1})
    return Namespace("tf", v1, {"contrib": _contrib(), "layers": layers, **subs})


tf1 = make_facade()
