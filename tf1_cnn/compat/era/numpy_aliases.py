"""NumPy as TF1-era code knew it, on the project's NumPy 1.26.4.

The project pins NumPy 1.26.4, the last 1.x release (TensorFlow 2.21 declares
``numpy>=1.26``): TF 1.x ran on NumPy 1.x, and three things TF1-era code does
behave there as they did (NumPy 2.x changed them):
- ``float(a)`` of a one-element array of any rank (the course's ``Z = Z + float(b)``,
  ``b`` of shape (1, 1, 1)): NumPy 2.4 raises; 1.25+ only warns (``DeprecationWarning``,
  NumPy's own notice, which NumPy 1.16 did not print: hidden under ``legacy``);
- value-based casting: ``np.max(uint8_labels) + 1`` is an int64 scalar (NEP 50 made
  it uint8 in 2.0, which then fails as a TensorFlow shape);
- ``np.reshape(a, newshape=...)`` (removed in 2.4).

What 1.26 lacks is the aliases NumPy 1.24 removed, which NumPy 1.16 (TF 1.3/1.4's)
and 1.18 (TF 1.15's) still had: ``install()`` gives them back, each lookup counted for
the migration report with NumPy's replacement (the 1.20 deprecation notes).
"""
import warnings

# name -> (what NumPy 1.16 - 1.23 gave, the replacement NumPy's 1.20 notes name)
ALIASES = {
    "float": (float, "float (builtin), or numpy.float64"),
    "int": (int, "int (builtin), or numpy.int_"),
    "bool": (bool, "bool (builtin), or numpy.bool_"),
    "object": (object, "object (builtin), or numpy.object_"),
    "str": (str, "str (builtin), or numpy.str_"),
    "complex": (complex, "complex (builtin), or numpy.complex128"),
    "long": (int, "int (builtin), or numpy.int_"),
    "unicode": (str, "str (builtin), or numpy.str_"),
}
REPLACEMENTS = {f"numpy.{name}": text for name, (_, text) in ALIASES.items()}

# NumPy 1.25's notice on float()/int() of an array with ndim > 0 (TF1-era NumPy accepted it silently)
SCALAR_CONVERSION = r"Conversion of an array with ndim > 0 to a scalar is deprecated"


def install():
    """Give ``numpy`` its removed aliases back (idempotent); hide NumPy's scalar-conversion notice."""
    import numpy

    from .. import migration

    original = numpy.__dict__.get("__getattr__")
    if getattr(original, "_tf1_cnn_aliases", False):
        return
    if not numpy.__version__.startswith("1."):  # the removed behaviours above are not restored here
        raise RuntimeError(f"tf1_cnn's legacy runtime needs NumPy 1.x (requirements.txt), found {numpy.__version__}")

    def __getattr__(attr):  # a module __getattr__ is only asked for names the module lacks
        if attr in ALIASES:
            migration.record(f"numpy.{attr}")
            return ALIASES[attr][0]
        if original is None:
            raise AttributeError(f"module 'numpy' has no attribute {attr!r}")
        return original(attr)

    __getattr__._tf1_cnn_aliases = True
    numpy.__getattr__ = __getattr__
    warnings.filterwarnings("ignore", message=SCALAR_CONVERSION, category=DeprecationWarning)
