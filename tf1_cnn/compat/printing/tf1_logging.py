"""``tf.logging`` as TF 1.x set it up in an interactive shell (Jupyter, IPython, ``python -i``).

TF 1.x's ``tensorflow/python/platform/tf_logging.py`` (1.0-1.15 alike): in an interactive shell
(``sys.ps1`` set, which IPython does for every kernel) the ``tensorflow`` logger's level was INFO
and its handler wrote ``%(levelname)s:%(name)s:%(message)s`` to **stdout**; elsewhere WARN to stderr.
That is why TF1-era notebooks stored ``INFO:tensorflow:Restoring parameters from ...`` and an
Estimator's ``INFO:tensorflow:loss = 2.44919, step = 1`` lines in their stdout streams.

TF 2.21 keeps the format, but ``legacy`` sets the level to ERROR to hide TensorFlow 2's own
deprecation notices (``install._quiet_library_chatter``). ``install()`` here, in an interactive
process only, restores TF 1.x's INFO-to-stdout. In every process a filter drops the deprecation
records TensorFlow 2 / tf_keras / tf_slim log about themselves (the migration report lists the
names), whatever level the code sets. Scripts keep legacy's quiet default;
``tf.logging.set_verbosity(tf.logging.INFO)`` in a script prints ``INFO:tensorflow:msg`` to stderr as
TF 1.x did (TF 2.21's handler does that already).
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
    """Library deprecations filtered out of the ``tensorflow`` logger; in an interactive process also the logger
    at INFO, to stdout (idempotent). Returns whether the interactive set-up applied."""
    if os.environ.get("TF1_CNN_VERBOSE"):
        return False
    import tensorflow as tf

    logger = tf.get_logger()
    if not any(isinstance(f, LibraryDeprecations) for f in logger.filters):
        # in scripts too: a script's own tf.logging.set_verbosity(INFO) would otherwise show TF 2.21's notices
        # about its own internals (QueueRunner, start_queue_runners, ...), which TF 1.3 / 1.4 never logged
        logger.addFilter(LibraryDeprecations())
    if not (interactive() if force_interactive is None else force_interactive):
        return False
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
        _installed.append(True)
    return True
