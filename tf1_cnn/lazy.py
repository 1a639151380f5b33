"""Package attributes imported on first use (PEP 562), so that ``--help`` never imports TensorFlow."""
import importlib


def lazy_exports(package, table):
    """A module ``__getattr__`` for ``package``: ``table`` maps each name to its submodule."""
    def __getattr__(name):
        if name not in table:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(importlib.import_module(f"{package}.{table[name]}"), name)
    return __getattr__
