"""``tf.logging`` as TF 1.x set it up in an interactive shell (Jupyter, IPython, ``python -i``).

TF 1.x's ``tensorflow/python/platform/tf_logging.py`` (1.0-1.15 alike): in an interactive shell
(``sys.ps1`` set, which IPython does for every kernel) the ``tensorflow`` logger's level was INFO
and its handler wrote ``%(levelname)s:%(name)s:%(message)s`` to **stdout**; elsewhere WARN to stderr.
That is why TF1-era notebooks stored ``INFO:tensorflow:Restoring parameters from ...`` and an
Estimator's ``INFO:tensorflow:loss = 2.44919, step = 1`` lines in their stdout streams.

TF 2.21 keeps the format, but ``legacy`` sets the level to ERROR to hide TensorFlow 2's own
deprecation notices (``install._quiet_library_chatter``). ``install()`` here, in an interactive
process only, restores TF 1.x's INFO-to-stdout and drops instead, by a filter, the deprecation
records TensorFlow 2 / tf_keras / tf_slim log about themselves (the migration report lists the
names). Scripts keep legacy's quiet default; ``tf.logging.set_verbosity(tf.logging.INFO)`` in a
script prints ``INFO:tensorflow:msg`` to stderr as TF 1.x did (TF 2.21's handler does that already).
"""
import logging
import os
import sys

_LIBRARIES = tuple(os.sep + name + os.sep for name in ("tensorflow", "tf_keras", "tf_slim", "tensorflow_estimator"))
_installed = []


def interactive():
    """TF 1.x's test: ``sys.ps1`` exists (an interactive shell), else ``python -i``."""
    return bool(getattr(sys, "ps1", None)) or bool(sys.flags.interactive)


class _CurrentStdout:
    """Writes to whatever ``sys.stdout`` is at the time (a Jupyter kernel replaces it after start-up)."""

    def write(self, text):
        return sys.stdout.write(text)

    def flush(self):
        return sys.stdout.flush()


class LibraryDeprecations(logging.Filter):
    """Drops the WARNING records TensorFlow 2's libraries log about their own deprecated names."""

    def filter(self, record):
        if record.levelno != logging.WARNING or not any(part in (record.pathname or "") for part in _LIBRARIES):
            return True
        message = record.getMessage()
        return "deprecated" not in message and "Instructions for updating" not in message


def install(force_interactive=None):
    """In an interactive process: the ``tensorflow`` logger at INFO, to stdout, library deprecations
    filtered out (idempotent). Returns whether it applied."""
    if not (interactive() if force_interactive is None else force_interactive) or os.environ.get("TF1_CNN_VERBOSE"):
        return False
    import tensorflow as tf

    logger = tf.get_logger()
    logger.setLevel(logging.INFO)
    if not _installed:
        handlers = [h for h in logger.handlers if isinstance(h, logging.StreamHandler)]
        if not handlers:  # TF 2.21 adds none when the root logger had handlers first
            handler = logging.StreamHandler(_CurrentStdout())
            handler.setFormatter(logging.Formatter(logging.BASIC_FORMAT, None))
            logger.addHandler(handler)
            handlers = [handler]
        for handler in handlers:
            handler.setStream(_CurrentStdout())
        logger.addFilter(LibraryDeprecations())
        _installed.append(True)
    return True
