"""Loading SIGNS images: the course's .h5 files and folders of JPEG/PNG photos.

Every loader returns ``(X, y, classes)``: X uint8 (m, H, W, 3), y int64 (m,)
with labels 0..C-1, classes a 1-D array. Anything wrong with a file raises
:class:`~tf1_cnn.errors.UserError` naming the file and what is wrong.
"""
import re
from pathlib import Path

import numpy as np

from ..data_paths import COURSE_FILES_HINT, looked_in, resolve_data_dir
from ..errors import UserError
from ..fileio import open_h5

IMAGE_EXTS = (".jpg", ".jpeg", ".png", ".bmp", ".gif")
N_CLASSES = 6


def read_h5(path, split=None):
    """(X, y, classes) from a course .h5 file with keys ``<split>_set_x``, ``<split>_set_y``, ``list_classes``.

    ``split`` ("train" or "test") picks the keys; None finds the one ``*_set_x`` key.
    """
    with open_h5(path) as f:
        keys = sorted(f.keys())
        if split is None:
            xs = [k for k in keys if k.endswith("_set_x")]
            if len(xs) != 1:
                raise UserError(f"{path}: expected one '<split>_set_x' key (as train_set_x or test_set_x), found keys {keys}")
            split = xs[0][: -len("_set_x")]
        xk, yk = f"{split}_set_x", f"{split}_set_y"
        for k in (xk, yk):
            if k not in f:
                raise UserError(f"{path}: missing key {k!r} (keys: {keys})")
        try:
            X, y = np.array(f[xk][()]), np.array(f[yk][()])
        except Exception as exc:  # truncated or corrupt datasets inside a valid header
            raise UserError(f"{path}: cannot read {xk}/{yk} ({exc})") from None
        classes = np.arange(N_CLASSES)
        if "list_classes" in f:
            try:
                classes = np.array(f["list_classes"][()])
            except Exception as exc:
                raise UserError(f"{path}: cannot read list_classes ({exc})") from None
            if classes.ndim != 1:
                raise UserError(f"{path}: list_classes must be a 1-D array of class names, got shape {classes.shape}")
    return check_arrays(X, y, classes, str(path), xk, yk)


def check_arrays(X, y, classes, where, xk="X", yk="y"):
    """Check shapes, dtypes and label range; return (X uint8, y int64 (m,), classes)."""
    if X.ndim != 4 or X.shape[3] != 3:
        raise UserError(f"{where}: {xk} must have shape (m, height, width, 3), got {X.shape}")
    if X.dtype.kind not in "uif":
        raise UserError(f"{where}: {xk} must hold numbers (uint8 pixels), got dtype {X.dtype}")
    if X.dtype != np.uint8:
        if X.dtype.kind == "f" and not np.all(np.isfinite(X)):
            raise UserError(f"{where}: {xk} holds NaN or infinite pixels")
        if X.size and (X.min() < 0 or X.max() > 255):
            raise UserError(f"{where}: {xk} must hold pixels in 0..255, got values in {X.min()}..{X.max()}")
        if X.dtype.kind == "f" and X.size and X.max() <= 1.0:
            raise UserError(f"{where}: {xk} holds floats in 0..1, already scaled; the course's files hold "
                            f"0..255 pixels (multiply by 255 and store as uint8)")
        if X.dtype.kind == "f" and not np.array_equal(X, np.round(X)):
            raise UserError(f"{where}: {xk} holds fractional pixel values; expected whole numbers 0..255")
        X = X.astype(np.uint8)
    y = np.asarray(y)
    if y.ndim == 2 and 1 in y.shape:
        y = y.reshape(-1)
    if y.ndim != 1 or y.shape[0] != X.shape[0]:
        raise UserError(f"{where}: {yk} must have shape ({X.shape[0]},) to match {xk} {X.shape}, got {y.shape}")
    if y.dtype.kind not in "iu" and not (y.dtype.kind == "f" and np.all(y == np.round(y))):
        raise UserError(f"{where}: {yk} must hold integer labels, got dtype {y.dtype}")
    y = y.astype(np.int64)
    n = len(classes)
    if y.size and (y.min() < 0 or y.max() >= n):
        bad = y[(y < 0) | (y >= n)]
        raise UserError(f"{where}: {yk} has labels outside 0..{n - 1} (e.g. {bad[0]})")
    if X.shape[0] == 0:
        raise UserError(f"{where}: {xk} holds no images")
    return X, y, np.asarray(classes)


def load_dataset(data_dir=None):
    """The course's ``load_dataset()``: train_signs.h5 and test_signs.h5 from the data dir.

    Returns X_train_orig (m, 64, 64, 3) uint8, Y_train_orig (1, m), X_test_orig,
    Y_test_orig (1, m_test), classes. The data dir is ``data_dir``, else
    $TF1_CNN_DATA, else ./datasets.
    """
    root = resolve_data_dir(data_dir)
    paths = {name: root / f"{name}_signs.h5" for name in ("train", "test")}
    missing = [p.name for p in paths.values() if not p.is_file()]
    if missing:
        raise UserError(f"{' and '.join(missing)} not found in {looked_in(data_dir)}; {COURSE_FILES_HINT}")
    X_train, y_train, _ = read_h5(paths["train"], "train")
    X_test, y_test, classes = read_h5(paths["test"], "test")
    return X_train, y_train.reshape(1, -1), X_test, y_test.reshape(1, -1), classes


_FLAT_NAME = re.compile(r"^(\d+)_")


def read_image_folder(folder, size=None, n_classes=N_CLASSES):
    """(X, y, classes) from a folder of photos, decoded with TensorFlow's image ops.

    Two layouts: flat ``{label}_*.jpg`` (label 0..n_classes-1, as signs-jpeg), or one
    subfolder per class (seed 003; classes are the sorted subfolder names).
    ``size`` (height, width) resizes every image (bilinear, rounded to uint8);
    without it all images must share one size.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise UserError(f"{folder}: no such folder")
    # hidden folders (.ipynb_checkpoints, .git) are not classes
    subdirs = sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith("."))
    if subdirs:
        classes = np.array([p.name for p in subdirs])
        files = [(f, i) for i, d in enumerate(subdirs) for f in _images(d)]
    else:
        classes = np.arange(n_classes)
        files = []
        for f in _images(folder):
            m = _FLAT_NAME.match(f.name)
            if not m:
                raise UserError(f"{f}: cannot read a label from the file name (expected '<label>_<name>.jpg')")
            files.append((f, int(m.group(1))))
    if not files:
        raise UserError(f"{folder}: no images ({', '.join(IMAGE_EXTS)}) found")
    X = decode_images([f for f, _ in files], size)
    y = np.array([label for _, label in files], dtype=np.int64)
    return check_arrays(X, y, classes, str(folder), "images", "labels")


def _images(folder):
    return sorted(p for p in folder.iterdir()
                  if p.is_file() and p.suffix.lower() in IMAGE_EXTS and not p.name.startswith("."))


def decode_images(paths, size=None):
    """uint8 (m, H, W, 3) from image files, decoded (and resized) by TensorFlow in a private graph."""
    import tensorflow as tf

    v1 = tf.compat.v1
    g = tf.Graph()
    with g.as_default():
        data = v1.placeholder(tf.string, [])
        img = tf.io.decode_image(data, channels=3, expand_animations=False)
        if size is not None:
            resized = tf.image.resize(img, size, method="bilinear")
            img = tf.cast(tf.clip_by_value(tf.round(resized), 0, 255), tf.uint8)
    out, first = [], None
    with v1.Session(graph=g) as sess:
        for p in paths:
            try:
                arr = sess.run(img, {data: Path(p).read_bytes()})
            except (tf.errors.OpError, OSError) as exc:
                msg = getattr(exc, "message", None) or str(exc)
                raise UserError(f"{p}: unreadable image ({msg.splitlines()[0]})") from None
            if first is None:
                first = arr.shape
            elif arr.shape != first:
                raise UserError(f"{p}: image size {arr.shape[:2]} differs from {first[:2]} of {paths[0]}; "
                                f"give a size to resize them all")
            out.append(arr)
    return np.stack(out)


def load_source(src, size=None):
    """(X, y, classes) from one source: a .h5 file or an image folder."""
    p = Path(src)
    if p.is_dir():
        return read_image_folder(p, size)
    if not p.exists():
        raise UserError(f"{p}: no such file or folder")
    X, y, classes = read_h5(p)
    if size is not None and X.shape[1:3] != tuple(size):
        raise UserError(f"{p}: images are {X.shape[1]}x{X.shape[2]}, the model expects {size[0]}x{size[1]}")
    return X, y, classes


def load_sources(srcs, size=None):
    """Concatenate several sources in the order given; they must share image size and classes."""
    parts = [load_source(s, size) for s in srcs]
    X0, _, c0 = parts[0]
    for (X, _, c), s in zip(parts[1:], srcs[1:]):
        if X.shape[1:] != X0.shape[1:]:
            raise UserError(f"{s}: images are {X.shape[1:]}, but {srcs[0]} has {X0.shape[1:]}")
        if len(c) != len(c0):
            raise UserError(f"{s}: {len(c)} classes, but {srcs[0]} has {len(c0)}")
    return (np.concatenate([p[0] for p in parts]), np.concatenate([p[1] for p in parts]), c0)


def shuffled(X, y, seed):
    """X and y in the order of ``np.random.RandomState(seed).permutation``.

    Image folders load in file-name order, which for SIGNS groups the photos by
    label; the course's .h5 files hold them in a shuffled order. Measured on the
    1080 SIGNS photos: in name order the course recipe (lr 0.009) collapses in its
    first epoch to a constant prediction (cost ln 6 * 17/16 = 1.9038 from then on),
    while six shuffled orders (seeds 0-5) all train (test accuracy 0.52-0.83).
    """
    p = np.random.RandomState(seed).permutation(len(y))
    return X[p], y[p]
