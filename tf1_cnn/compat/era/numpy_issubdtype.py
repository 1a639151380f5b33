"""``np.issubdtype(a, b)`` with a ``b`` that is not a NumPy scalar type, as NumPy 1.16-1.19 read it.

TF1-era code checks kinds with Python types and the aliases: Edward's ``check_data`` asks
``np.issubdtype(value.dtype, np.int)`` (``np.int`` is ``int``) of an int32 array. NumPy up to 1.19 took
such a ``b`` as the *parent* of its scalar type: ``int`` -> ``np.signedinteger``, ``float`` ->
``np.floating``, ``'i8'`` -> ``np.signedinteger``, ``str`` -> ``str``, ``bool`` -> ``np.generic``
(the second entry of ``np.dtype(b).type.mro()``), with a FutureWarning since 1.14; NumPy 1.20 made it
``np.dtype(b).type`` itself, so int32 is no longer a subtype of ``int``. Checked against NumPy 1.16.6
(the TF 1.3/1.4 oracles') and 1.18.5 (TF 1.15's). A ``b`` that is a NumPy scalar type is unchanged.
``install()`` (legacy only) wraps ``numpy.issubdtype``; each use whose answer NumPy 1.20+ changed is counted
for the migration report with the spelling that keeps it (``np.issubdtype(a, np.signedinteger)``).
"""
import warnings

import numpy

NAME = "numpy.issubdtype"
REPLACEMENT = "np.issubdtype(a, np.signedinteger / np.floating / ...): the abstract type NumPy 1.16-1.19 read"
_ORIGINAL = numpy.issubdtype  # NumPy 1.26's own


def issubdtype(arg1, arg2):
    """NumPy 1.16-1.19's ``issubdtype(arg1, arg2)`` (module doc); returns a bool."""
    if isinstance(arg2, type) and issubclass(arg2, numpy.generic):
        return _ORIGINAL(arg1, arg2)
    concrete = numpy.dtype(arg2).type
    mro = concrete.mro()
    parent = mro[1] if len(mro) > 1 else mro[0]
    raw = arg2.__name__ if isinstance(arg2, type) else repr(arg2)
    abstract = ("np." if parent.__module__ == "numpy" else "") + parent.__name__
    warnings.warn(f"Conversion of the second argument of issubdtype from `{raw}` to `{abstract}` is deprecated. "
                  f"In future, it will be treated as `np.{concrete.__name__} == np.dtype({raw}).type`.",
                  FutureWarning, stacklevel=2)
    old = issubclass(numpy.dtype(arg1).type, parent)
    if old != _ORIGINAL(arg1, arg2):  # only a use whose answer NumPy 1.20+ changed needs migrating
        from .. import migration

        migration.record(NAME)
    return old


def install():
    """Wrap ``numpy.issubdtype`` (idempotent)."""
    numpy.issubdtype = issubdtype
