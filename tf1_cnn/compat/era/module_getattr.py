"""One way to give a module a ``__getattr__`` (PEP 562) for names it lacks, chained to any it already has.

Two era modules add names this way, sometimes to the same module (``tf_internal``'s old TF-internal names and
``tf_python_keras``'s ``tensorflow.python.keras.__version__``), each possibly more than once per process. Each
link records the markers of every link below it, so a second install of the same kind is a no-op wherever it
sits in the chain.
"""

MISSING = object()  # what a lookup returns for a name it does not provide


def chained(module, marker):
    """True when ``module``'s ``__getattr__`` chain has a link installed under ``marker``."""
    return marker in getattr(module.__dict__.get("__getattr__"), "_tf1_cnn_markers", ())


def chain(module, marker, lookup):
    """``module.__getattr__(attr)``: ``lookup(attr)``, else the earlier ``__getattr__``, else AttributeError.

    Python calls it only for names the module lacks, so nothing the module has slows down. Once per
    ``marker``: returns False (and changes nothing) when a link of that marker is already in the chain.
    """
    original = module.__dict__.get("__getattr__")
    markers = frozenset(getattr(original, "_tf1_cnn_markers", ()))
    if marker in markers:
        return False

    def __getattr__(attr):
        value = lookup(attr)
        if value is not MISSING:
            return value
        if original is not None:
            return original(attr)
        raise AttributeError(f"module {module.__name__!r} has no attribute {attr!r}")

    __getattr__._tf1_cnn_markers = markers | {marker}
    module.__getattr__ = __getattr__
    return True
