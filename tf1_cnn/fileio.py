"""Writing files without losing what the user already has.

Everything the project writes goes to a temporary file in the target's own
folder and is renamed into place only when complete, so a failure midway
leaves the old file (or nothing) behind, never half a file. Existing files
are not replaced unless ``force`` is given.
"""
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path

from .errors import UserError


def check_writable(path, force, flag="--force"):
    """Refuse to overwrite ``path`` unless ``force``; check its folder exists."""
    path = Path(path)
    if path.exists() and not force:
        raise UserError(f"{path} exists; pass {flag} to overwrite it")
    if not path.parent.resolve().is_dir():
        raise UserError(f"cannot write {path}: folder {path.parent} does not exist")
    return path


@contextmanager
def atomic_path(path, force=False, suffix=None):
    """Yield a temporary path beside ``path``; rename it onto ``path`` on success."""
    path = check_writable(path, force)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=suffix or ".tmp", dir=path.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def atomic_write_text(path, text, force=False):
    with atomic_path(path, force) as tmp:
        tmp.write_text(text)
