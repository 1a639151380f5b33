"""SciPy's removed image helpers (``scipy.misc.imread`` / ``imresize`` / ``imsave`` / ``toimage``,
``scipy.ndimage.imread``), as SciPy 1.0-1.2 defined them on top of Pillow.

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


def install():
    """Put the helpers back on ``scipy.misc`` and ``scipy.ndimage`` (idempotent)."""
    import scipy.misc
    import scipy.ndimage

    for name, fn in (("imread", imread), ("imresize", imresize), ("imsave", imsave), ("toimage", toimage),
                     ("bytescale", bytescale), ("fromimage", fromimage)):
        if not hasattr(scipy.misc, name):
            setattr(scipy.misc, name, migration.counted(f"scipy.misc.{name}", fn))
    if not hasattr(scipy.ndimage, "imread"):
        scipy.ndimage.imread = migration.counted("scipy.ndimage.imread", imread)
