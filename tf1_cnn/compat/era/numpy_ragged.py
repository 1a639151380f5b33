"""NumPy 1.16-1.23's ragged arrays: ``np.array`` of sequences of different lengths made an object array
(1.19-1.23 with a VisibleDeprecationWarning); NumPy 1.24 raises ValueError ("inhomogeneous shape").
TF1-era code relied on it: the batch iterators of text models (``np.array(list(zip(x, y)))`` over id rows
and one-hot labels) and padded-sequence helpers. Under ``legacy`` such a call gives the object array again,
counted in the migration report ("numpy.array(ragged)" -> ``np.array(..., dtype=object)``).
Only ``np.array`` without a dtype is changed; every other call is NumPy's own (one Python frame more).
"""
NAME = "numpy.array(ragged)"
REPLACEMENT = "np.array(..., dtype=object) (NumPy 1.24 raises for ragged sequences without it)"


def install():
    """Wrap ``numpy.array`` (idempotent)."""
    import functools

    import numpy

    from .. import migration

    original = numpy.array
    if getattr(original, "_tf1_cnn_ragged", False):
        return

    @functools.wraps(original)
    def array(obj, *args, **kwargs):
        try:
            return original(obj, *args, **kwargs)
        except ValueError as exc:
            if args or kwargs.get("dtype") is not None or "inhomogeneous" not in str(exc):
                raise
            migration.record(NAME)
            return original(obj, dtype=object, **kwargs)

    array._tf1_cnn_ragged = True
    numpy.array = array
