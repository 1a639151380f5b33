"""A module whose members are imported on first use: a contrib package that re-exports heavy modules
(``tf.contrib.tpu``'s estimator half is tensorflow_estimator, seconds to import) costs nothing until used."""
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
    import importlib

    return lambda: importlib.import_module(dotted)
