"""How NumPy printed arrays and scalars beside TF 1.x, printed under ``legacy``.

Stored notebook outputs of the TF1 era show one of two NumPy printing styles:

- ``"1.13"``: NumPy 1.13 and older (the course's images kept 1.13 beside TF 1.3 / 1.4 for
  years): a sign column before every float (``[ 0.1  0.2]``, ``[ -1.28912231   2.27650251   6.  ]``),
  ``str`` of a float64 scalar with 12 significant digits (``0.692360880758``) and its ``repr`` with
  17 (``0.69236088075769331``). NumPy 1.14+ keeps that as its own legacy mode
  (``np.set_printoptions(legacy="1.13")``), which is used here, with one correction: NumPy 1.13
  formatted every element of a float16 / float32 (complex64) array through its float64
  (complex128) value (``1.76405239`` for ``np.float32(1.7640524)``, eight decimals of the exact
  value), where the legacy mode of NumPy 1.14-1.26 prints the shortest float32 digits
  (``1.7640524``). Arrays of those types are therefore printed from their float64 copy, their
  ``dtype=float32`` suffix kept (a string function for ``ndarray``, in force only while the legacy
  mode is). Scalars of those types printed the same in both and are left to NumPy.
- ``"1.16"``: NumPy 1.14-1.18 (1.16.6 beside TF 1.3 / 1.4 when the oracle's environments were made,
  1.18.5 beside TF 1.15.5): NumPy 1.26's own default printing, the same text for every case the
  tests print (checked against NumPy 1.16.6 and 1.18.5).
- ``"current"``: whatever NumPy at hand prints (nothing is changed).

``era_for(tf1_version)``: ``1.3`` / ``1.4`` -> ``"1.13"``, ``1.15`` -> ``"1.16"``. ``apply(era)``
sets the process's printing; ``"auto"`` follows the TF 1.x version in force (``settings``).
The user's own ``np.set_printoptions(...)`` still wins: only ``legacy`` is set here, and the
float32 correction steps aside when the legacy mode is switched off.

This module imports nothing but NumPy and runs on Python 3.6 (``compare``'s oracle side loads it
by path to print as the runtime side does).
"""
import numpy as np

ERAS = {
    "1.13": "NumPy 1.13's printing (TF 1.3 / 1.4's era): np.set_printoptions(legacy='1.13'), float32 as 1.13",
    "1.16": "NumPy 1.14-1.18's printing (TF 1.15's era): NumPy's own default",
    "current": "NumPy's own printing, unchanged",
}
CHOICES = ("auto",) + tuple(ERAS)  # what --numpy-print accepts

_NARROW = {np.dtype(np.float16): np.float64, np.dtype(np.float32): np.float64,
           np.dtype(np.complex64): np.complex128}
_installed = []  # the era apply() set last (empty: NumPy untouched)


def era_for(tf1_version):
    """The NumPy printing of a TF 1.x version's day: "1.13" for 1.3 / 1.4, "1.16" for 1.15."""
    return "1.16" if str(tf1_version) == "1.15" else "1.13"


def resolve(choice, tf1_version):
    """``choice`` ("auto" follows ``tf1_version``) as an era of ERAS."""
    if choice in (None, "auto"):
        return era_for(tf1_version)
    if choice not in ERAS:
        raise ValueError("NumPy printing must be one of {}, got {!r}".format(", ".join(CHOICES), choice))
    return choice


def _legacy_113():
    """Whether NumPy's 1.13 legacy mode is on (NumPy stores it as 113 from 1.22, as '1.13' before)."""
    legacy = np.get_printoptions().get("legacy")
    return legacy in (113, "1.13")


def _array_repr(arr):
    """``repr`` of an ndarray: float16/32 and complex64 through their 64-bit values under 1.13."""
    wide = _NARROW.get(arr.dtype) if _legacy_113() and type(arr) is np.ndarray else None
    if wide is None:
        return np.array_repr(arr)
    if arr.size == 0:
        return np.array_repr(arr)
    body = np.array2string(arr.astype(wide), separator=", ", prefix="array(")
    return "array({}, dtype={})".format(body, arr.dtype.name)


def _array_str(arr):
    """``str`` of an ndarray (what ``print(arr)`` shows), with the same rule as ``_array_repr``."""
    wide = _NARROW.get(arr.dtype) if _legacy_113() and type(arr) is np.ndarray else None
    if wide is None or arr.size == 0:
        return np.array_str(arr)
    return np.array_str(arr.astype(wide))


def apply(era):
    """Print as NumPy of ``era`` ("1.13", "1.16" or "current") did, from now on in this process."""
    if era not in ERAS:
        raise ValueError("NumPy printing must be one of {}, got {!r}".format(", ".join(ERAS), era))
    if era == "1.13":
        np.set_printoptions(legacy="1.13")
        np.set_string_function(_array_repr, repr=True)
        np.set_string_function(_array_str, repr=False)
    elif _installed:  # undo only what an earlier apply() did
        np.set_printoptions(legacy=False)
        np.set_string_function(None, repr=True)
        np.set_string_function(None, repr=False)
    del _installed[:]
    if era != "current":
        _installed.append(era)
    return era


def current():
    """The era apply() set last, or "current" when NumPy prints as its own."""
    return _installed[-1] if _installed else "current"
