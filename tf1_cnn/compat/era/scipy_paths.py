"""What TF1-era code imported from SciPy 1.0-1.4 and SciPy 1.17 no longer has.

- the removed image helpers (``scipy.misc.imread`` / ``imresize`` / ``imsave`` / ``toimage``,
  ``scipy.ndimage.imread``), as SciPy 1.0-1.2 defined them on top of Pillow;
- removed module paths and aliases (``MOVED``), each the same function under its new name:
  ``scipy.sparse.linalg.eigen.arpack`` / ``.lobpcg`` (graph networks' ``eigsh``), ``scipy.misc``'s
  ``logsumexp`` / ``comb`` / ``factorial`` (now in ``scipy.special``), ``scipy.integrate``'s
  ``trapz`` / ``cumtrapz``, ``scipy.signal``'s window functions (``scipy.signal.windows``);
- ``scipy.integrate.simps``, whose even-length default (``even='avg'``) SciPy 1.11's ``simpson`` replaced
  with another rule: the era's result is computed here (checked against SciPy 1.4.1).
``scipy.misc.face`` / ``ascent`` / ``electrocardiogram`` are not restored: SciPy now downloads their data
(``scipy.datasets``, pooch), and nothing downloads under ``legacy``.

Course notebooks load and resize their own photos with these. The results are the
old functions': ``imread`` gives the image's own array (uint8 RGB for a JPEG),
``flatten=True`` a float32 grey image; ``imresize`` bytescales a non-uint8 array to
0..255 (``bytescale``), resizes with Pillow's filter of that name (Pillow >= 2.7,
which those SciPy versions used, antialiases on downscaling) and returns uint8.
Each use is counted in the migration report with its replacement.
"""
import numpy as np

from .. import migration

_FILTERS = {"nearest": 0, "lanczos": 1, "bilinear": 2, "bicubic": 3, "cubic": 3}


def bytescale(data, cmin=None, cmax=None, high=255, low=0):
    """uint8 data unchanged; anything else scaled linearly from [cmin, cmax] to [low, high], rounded."""
    data = np.asarray(data)
    if data.dtype == np.uint8:
        return data
    cmin = data.min() if cmin is None else cmin
    cmax = data.max() if cmax is None else cmax
    cscale = (cmax - cmin) or 1
    scaled = (data - cmin) * (float(high - low) / cscale) + low
    return (scaled.clip(low, high) + 0.5).astype(np.uint8)


def fromimage(im, flatten=False, mode=None):
    """A Pillow image as an array; ``flatten`` converts to float grey ('F')."""
    if mode is not None and mode != im.mode:
        im = im.convert(mode)
    elif im.mode == "P":
        im = im.convert("RGBA" if "transparency" in im.info else "RGB")
    if flatten:
        im = im.convert("F")
    return np.array(im)


def toimage(arr, high=255, low=0, cmin=None, cmax=None, mode=None):
    """An array (H, W), (H, W, 3) or (H, W, 4) as a Pillow image, bytescaled unless mode='F'."""
    from PIL import Image

    data = np.asarray(arr)
    if data.ndim == 2 and mode in ("F", "I"):
        return Image.fromarray(data.astype(np.float32 if mode == "F" else np.int32), mode)
    if data.ndim not in (2, 3) or (data.ndim == 3 and data.shape[2] not in (3, 4)):
        raise ValueError(f"toimage: need an (H, W), (H, W, 3) or (H, W, 4) array, got shape {data.shape}")
    image = Image.fromarray(bytescale(data, cmin, cmax, high, low))
    return image.convert(mode) if mode is not None and mode != image.mode else image


def imread(name, flatten=False, mode=None):
    """The image file ``name`` as an array (see fromimage)."""
    from PIL import Image

    with Image.open(name) as im:
        return fromimage(im, flatten=flatten, mode=mode)


def imresize(arr, size, interp="bilinear", mode=None):
    """``arr`` resized: ``size`` an int (percent), a float (fraction) or (height, width); uint8 out."""
    im = toimage(arr, mode=mode)
    if isinstance(size, (int, np.integer)):
        size = tuple((np.array(im.size) * (size / 100.0)).astype(int))
    elif isinstance(size, (float, np.floating)):
        size = tuple((np.array(im.size) * size).astype(int))
    else:
        size = (int(size[1]), int(size[0]))
    if interp not in _FILTERS:
        raise ValueError(f"imresize: interp must be one of {', '.join(_FILTERS)}, got {interp!r}")
    return fromimage(im.resize(size, resample=_FILTERS[interp]))


def imsave(name, arr, format=None):
    """Write ``arr`` as an image file (bytescaled as toimage)."""
    toimage(arr).save(name, format)


def simps(y, x=None, dx=1.0, axis=-1, even="avg"):
    """SciPy 1.4's composite Simpson rule: odd sample counts as ``scipy.integrate.simpson``; an even count N
    is Simpson on N-1 samples plus the trapezoid of the remaining interval, the last one ('first'), the
    first one ('last') or the mean of both ('avg', the default)."""
    from scipy.integrate import simpson

    y = np.asarray(y)
    n = y.shape[axis]
    if x is not None:
        x = np.asarray(x)
        if x.ndim == 1 and y.ndim > 1:
            shape = [1] * y.ndim
            shape[axis] = n
            x = x.reshape(shape)
    if n % 2 == 1:
        return simpson(y, x=x, dx=dx, axis=axis)
    if even not in ("avg", "first", "last"):
        raise ValueError("simps: even must be 'avg', 'last' or 'first'")

    def part(a, start, stop):
        return None if a is None else np.take(a, range(start, stop), axis=axis)

    def width(i, j):
        return dx if x is None else np.take(x, j, axis=axis) - np.take(x, i, axis=axis)

    def trap(i, j):
        return 0.5 * width(i, j) * (np.take(y, i, axis=axis) + np.take(y, j, axis=axis))

    value, count = 0.0, 0
    if even in ("avg", "first"):
        value = value + simpson(part(y, 0, n - 1), x=part(x, 0, n - 1), dx=dx, axis=axis) + trap(n - 2, n - 1)
        count += 1
    if even in ("avg", "last"):
        value = value + simpson(part(y, 1, n), x=part(x, 1, n), dx=dx, axis=axis) + trap(0, 1)
        count += 1
    return value / count if count == 2 else value


# SciPy 1.0-1.4 name -> its SciPy 1.17 home ("module:name"), or a function here for a changed behaviour
MOVED = {
    **{f"scipy.sparse.linalg.eigen.arpack.{n}": f"scipy.sparse.linalg:{n}"
       for n in ("eigs", "eigsh", "svds", "ArpackError", "ArpackNoConvergence")},
    "scipy.sparse.linalg.eigen.lobpcg.lobpcg": "scipy.sparse.linalg:lobpcg",
    **{f"scipy.misc.{n}": f"scipy.special:{n}" for n in ("logsumexp", "comb", "factorial", "factorial2",
                                                          "factorialk")},
    "scipy.integrate.trapz": "scipy.integrate:trapezoid",
    "scipy.integrate.cumtrapz": "scipy.integrate:cumulative_trapezoid",
    "scipy.integrate.simps": f"{__name__}:simps",
    **{f"scipy.signal.{n}": f"scipy.signal.windows:{n}"
       for n in ("boxcar", "triang", "parzen", "bohman", "blackman", "nuttall", "blackmanharris", "flattop",
                 "bartlett", "barthann", "hamming", "kaiser", "gaussian", "general_gaussian", "chebwin", "cosine",
                 "hann", "exponential", "tukey")},
    "scipy.signal.hanning": "scipy.signal.windows:hann",
}
# for the migration report (migration.EXTRA)
REPLACEMENTS = {old: new.replace(":", ".") for old, new in MOVED.items()}
REPLACEMENTS["scipy.integrate.simps"] = ("scipy.integrate.simpson (its even-length rule changed in SciPy 1.11: "
                                         "even='avg' was the mean of Simpson + one trapezoid at either end)")
REPLACEMENTS["scipy.signal.hanning"] = "scipy.signal.windows.hann"


def _restore(module_name):
    """Put back the removed names under ``module_name`` (counted); arpack / lobpcg made as modules again."""
    import importlib
    import sys
    import types

    for old, new in MOVED.items():
        old_module, _, name = old.rpartition(".")
        if not (old_module == module_name or old_module.startswith(module_name + ".")):
            continue
        module = sys.modules.get(old_module)
        if module is None:  # scipy.sparse.linalg.eigen.arpack: a module of its own again
            module = sys.modules[old_module] = types.ModuleType(old_module, f"SciPy 1.4's {old_module} (tf1_cnn)")
            parent, _, leaf = old_module.rpartition(".")
            parent_module = sys.modules[parent]
            if not hasattr(parent_module, "__path__"):
                parent_module.__path__ = []  # SciPy 1.17's eigen is a plain module: `import eigen.arpack` needs a package
            setattr(parent_module, leaf, module)
        if not hasattr(module, name):
            home, _, attr = new.partition(":")
            obj = getattr(importlib.import_module(home), attr)
            setattr(module, name, obj if isinstance(obj, type) else migration.counted(old, obj))


def install():
    """Put the helpers back on ``scipy.misc`` and ``scipy.ndimage``, and the removed names on their modules
    when those are first imported (idempotent)."""
    from .. import post_import

    for module_name in ("scipy.sparse.linalg", "scipy.misc", "scipy.integrate", "scipy.signal"):
        post_import.when_imported(module_name, lambda module: _restore(module.__name__))
    _install_image_helpers()


def _install_image_helpers():
    import scipy.misc
    import scipy.ndimage

    for name, fn in (("imread", imread), ("imresize", imresize), ("imsave", imsave), ("toimage", toimage),
                     ("bytescale", bytescale), ("fromimage", fromimage)):
        if not hasattr(scipy.misc, name):
            setattr(scipy.misc, name, migration.counted(f"scipy.misc.{name}", fn))
    if not hasattr(scipy.ndimage, "imread"):
        scipy.ndimage.imread = migration.counted("scipy.ndimage.imread", imread)
