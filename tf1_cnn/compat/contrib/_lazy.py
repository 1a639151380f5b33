"""Imports on first use, so ``tf.contrib`` costs nothing until a package is used.

- ``LazyModule``: a module whose members are imported on first use (``tf.contrib.tpu``'s estimator
  half is tensorflow_estimator, seconds to import);
- ``loader_of``: a package's ``load()`` whose module is imported when it is first asked for
  (``crf``, ``legacy_seq2seq``, ``nn`` import TensorFlow's cells and ops at module level).
"""
import importlib
import types


class LazyModule(types.ModuleType):
    """``members``: {name: object, or a zero-argument function in ``lazy`` that returns it}."""

    def __init__(self, name, members=None, lazy=None, doc=None):
        super().__init__(name, doc)
        self.__dict__.update(members or {})
        object.__setattr__(self, "_lazy", dict(lazy or {}))

    def __getattr__(self, attr):
        make = self.__dict__.get("_lazy", {}).get(attr)
        if make is None:
            raise AttributeError(f"module {self.__name__!r} has no attribute {attr!r}")
        value = make()
        setattr(self, attr, value)
        return value

    def __dir__(self):
        return sorted(set(self.__dict__) | set(self._lazy))


def module_of(dotted):
    """A function that imports ``dotted`` (for ``lazy``)."""
    return lambda: importlib.import_module(dotted)


def loader_of(dotted):
    """A function that imports module ``dotted`` and returns its ``load()`` (a ``PACKAGES`` entry)."""
    return lambda: importlib.import_module(dotted).load()
