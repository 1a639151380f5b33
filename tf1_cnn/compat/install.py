"""``install()``: run unmodified TF1 scripts (``import tensorflow as tf``) on TensorFlow 2.21.

Idempotent. It
- switches the process to TF1 graph mode (``tf.compat.v1.disable_v2_behavior()``);
- gives the real ``tensorflow`` module (and ``tf.train``, ``tf.nn``, ``tf.losses``,
  ``tf.summary``, ``tf.compat.v1``) the TF1 names of ``migration.REPLACEMENTS``, taken
  from the ``tf1`` facade (shims first, then ``tf.compat.v1``); where TF2 kept a name
  with a new meaning (``tf.nn.dropout(x, keep_prob)``), the TF1 one replaces it;
- counts every lookup of those names for the migration report, and turns a missing
  name into an AttributeError that names it and its TF2 replacement;
- registers ``tensorflow.examples.tutorials.mnist.input_data`` as ``tf1_cnn.input_data``.
"""
import sys
import types

from . import migration
from .facade import tf1

INPUT_DATA = "tensorflow.examples.tutorials.mnist.input_data"
_installed = []


class _TrackingModule(types.ModuleType):
    """A module class whose lookups of TF1-only names are counted (set as ``module.__class__``)."""

    def __getattribute__(self, name):
        prefix = _PREFIXES.get(id(self))
        if prefix is not None and not name.startswith("__"):
            migration.record(prefix if prefix == INPUT_DATA else f"{prefix}.{name}")
        return super().__getattribute__(name)

    def __getattr__(self, name):  # only reached when the module has no such attribute
        prefix = _PREFIXES.get(id(self), self.__name__)
        raise AttributeError(migration.missing_message(f"{prefix}.{name}"))


_PREFIXES = {}


def _resolve(path):
    """The facade's object for 'tf.a.b', read without counting it as a use."""
    migration._recording[0] = False
    try:
        obj = tf1
        for part in path.split(".")[1:]:
            obj = getattr(obj, part)
        return obj
    finally:
        migration._recording[0] = True


def install():
    """Patch TensorFlow for TF1 scripts (see the module docstring). Returns the tensorflow module."""
    import tensorflow as tf

    if _installed:
        return tf
    tf.compat.v1.disable_v2_behavior()
    modules = {"tf": tf}
    for name in REPLACED_PARENTS:
        obj = tf
        for part in name.split(".")[1:]:
            obj = getattr(obj, part)
        modules[name] = obj
    for path in migration.REPLACEMENTS:
        if not path.startswith("tf."):
            continue
        parent, _, attr = path.rpartition(".")
        if parent in modules:  # tf.layers.* and tf.contrib.* come as whole facade namespaces, below
            setattr(modules[parent], attr, _resolve(path))
    tf.layers = tf1.layers
    tf.contrib = tf1.contrib
    tf.compat.v1.layers = tf1.compat.v1.layers  # TF 2.21's raises "not available with Keras 3"
    for name, module in modules.items():
        if type(module) is types.ModuleType:
            module.__class__ = _TrackingModule
        _PREFIXES[id(module)] = name
    _register_input_data()
    _installed.append(True)
    return tf


# modules that receive TF1 names (besides the top level)
REPLACED_PARENTS = ("tf.train", "tf.nn", "tf.losses", "tf.summary", "tf.compat.v1")


def _register_input_data():
    from .. import input_data

    proxy = _TrackingModule(INPUT_DATA)
    proxy.__dict__.update({k: v for k, v in vars(input_data).items() if not k.startswith("__")})
    proxy.__doc__ = input_data.__doc__
    _PREFIXES[id(proxy)] = INPUT_DATA
    parents = INPUT_DATA.split(".")
    for i in range(2, len(parents)):
        name = ".".join(parents[:i])
        if name not in sys.modules:
            sys.modules[name] = types.ModuleType(name)
    sys.modules[INPUT_DATA] = proxy
    for i in range(1, len(parents)):
        setattr(sys.modules[".".join(parents[:i])], parents[i], sys.modules[".".join(parents[:i + 1])])
