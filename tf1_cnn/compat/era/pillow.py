"""Pillow's constants of the era: ``Image.ANTIALIAS``, ``Image.LINEAR``, ``Image.CUBIC`` (removed in Pillow 10).

TF1-era data helpers resize with ``Image.ANTIALIAS`` (tflearn's ``data_utils`` as a default argument,
so ``import tflearn`` itself needs it). Pillow 2.7-9.5 documented ANTIALIAS as the old name of the
LANCZOS filter, LINEAR of BILINEAR and CUBIC of BICUBIC: the same integers, given back under
``legacy`` through ``PIL.Image``'s module ``__getattr__`` (only asked for names it lacks), each use
counted for the migration report.
"""
# "PIL.Image.NAME" -> (the filter it named, the replacement Pillow's docs give)
ALIASES = {"ANTIALIAS": "LANCZOS", "LINEAR": "BILINEAR", "CUBIC": "BICUBIC"}
REPLACEMENTS = {f"PIL.Image.{old}": f"PIL.Image.Resampling.{new}" for old, new in ALIASES.items()}


def _mend(module):
    from .python import add_getattr

    add_getattr(module, {old: (lambda new=new: getattr(module.Resampling, new)) for old, new in ALIASES.items()
                         if not hasattr(module, old)})


def install():
    """Give ``PIL.Image`` its removed filter names back when it is imported (idempotent)."""
    from .. import post_import

    post_import.when_imported("PIL.Image", _mend)
