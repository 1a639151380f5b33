"""Writing files without losing what the user already has.

Everything the project writes goes to a temporary file in the target's own
folder and is renamed into place only when complete, so a failure midway
leaves the old file (or nothing) behind, never half a file. Existing files
are not replaced unless ``force`` is given.
"""
import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

from .errors import UserError


def check_writable(path, force, flag="--force", marker=None):
    """Refuse to overwrite ``path`` unless ``force``; check its folder exists and is writable.

    Even with ``force`` only a regular file is replaced, or, when ``marker`` names a file,
    a folder holding that file (a checkpoint folder this project wrote): never a device,
    a link to one, or someone's folder.
    """
    path = Path(path)
    if path.exists() and not force:
        raise UserError(f"{path} exists; pass {flag} to overwrite it")
    replaceable = (path.is_dir() and (path / marker).is_file()) if marker else path.is_file()
    if path.exists() and (path.is_symlink() or not replaceable):
        what = "a folder" if path.is_dir() else "not a regular file"
        raise UserError(f"{path} exists and is {what} this command did not write; it is never replaced")
    if not path.parent.resolve().is_dir():
        raise UserError(f"cannot write {path}: folder {path.parent} does not exist")
    try:  # a real write, not os.access: root passes os.access on a read-only mount
        fd, probe = tempfile.mkstemp(prefix=f".{path.name}.probe.", dir=path.parent)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise UserError(f"cannot write {path}: {exc.strerror} in folder {path.parent}") from None
    return path


def check_distinct(**paths):
    """UserError when two output flags name the same file (the second would destroy the first)."""
    seen = {}
    for flag, path in paths.items():
        if not path:
            continue
        key = Path(path).resolve()
        if key in seen:
            raise UserError(f"--{seen[key]} and --{flag} name the same file {path}; give each its own")
        seen[key] = flag.replace("_", "-")


@contextmanager
def atomic_path(path, force=False, suffix=None):
    """Yield a temporary path beside ``path``; rename it onto ``path`` on success."""
    path = check_writable(path, force)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=suffix or ".tmp", dir=path.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        os.replace(tmp, path)
    except OSError as exc:  # a full disk, a vanished folder: one line, and nothing half-written
        raise UserError(f"cannot write {path}: {exc.strerror or exc}") from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def atomic_write_text(path, text, force=False):
    with atomic_path(path, force) as tmp:
        tmp.write_text(text)


@contextmanager
def atomic_dir(path, force=False, marker="meta.json"):
    """Yield a temporary folder beside ``path``; move it onto ``path`` on success.

    An existing ``path`` (with ``force``, and holding ``marker``) is kept aside until the move succeeded.
    """
    path = check_writable(path, force, marker=marker)
    _remove_leftovers(path)
    tmp = Path(tempfile.mkdtemp(prefix=f".{path.name}.", dir=path.parent))
    try:
        try:
            yield tmp
        except OSError as exc:
            raise UserError(f"cannot write {path}: {exc.strerror or exc}") from None
        backup = None
        if path.exists():
            backup = path.with_name(f".{path.name}.old-{os.getpid()}")
            os.replace(path, backup)
        try:
            os.replace(tmp, path)
        except OSError:
            if backup is not None:
                os.replace(backup, path)
            raise
        if backup is not None:
            shutil.rmtree(backup, ignore_errors=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _remove_leftovers(path):
    """Temporary folders of an earlier write of ``path`` that was killed (SIGKILL, power loss):
    ``.<name>.<random>`` beside it, holding the marker file or nothing, left by atomic_dir."""
    for p in path.parent.glob(f".{path.name}.*"):
        if p.is_dir() and not p.name.startswith(f".{path.name}.old-"):
            shutil.rmtree(p, ignore_errors=True)


def read_json_object(path, flag):
    """The JSON object in ``path`` (a dict), or a UserError naming ``flag`` and the file."""
    import json

    try:
        value = json.loads(Path(path).read_text())
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UserError(f"{flag}: {path} is not readable JSON ({exc})") from None
    if not isinstance(value, dict):
        raise UserError(f"{flag}: {path} must hold a JSON object, got {type(value).__name__}")
    return value


def open_h5(path, what="file"):
    """An open, read-only h5py.File, or a UserError naming ``path`` and what is wrong."""
    import h5py

    path = Path(path)
    if not path.is_file():
        raise UserError(f"{path}: no such {what}")
    try:
        return h5py.File(path, "r")
    except OSError as exc:
        raise UserError(f"{path}: not a readable HDF5 file ({exc})") from None
