"""An Estimator's ``INFO:tensorflow:`` lines as the selected TF 1.x version logged them.

tensorflow_estimator 2.15 and TensorFlow 2.21's session hooks log more than TF 1.x did. The same
train / evaluate / predict script (tests/legacy_scripts/estimator_lines.py) logged, on the oracles:

- TF 1.3.0 and 1.4.1: ``Using default config.``, ``Using config: {...}``, ``Create CheckpointSaverHook.``,
  ``Saving checkpoints for N into ...``, ``loss = ..., step = N``, ``global_step/sec: ...``,
  ``Loss for final step: ...``, ``Starting evaluation at 2017-08-21-13:57:02``, ``Restoring parameters
  from ...``, ``Finished evaluation at ...``, ``Saving dict for global step N: ...``; nothing else.
- TF 1.15.5 added ``Calling model_fn.`` / ``Done calling model_fn.``, ``Graph was finalized.``,
  ``Running local_init_op.`` / ``Done running local_init_op.``, ``Saving 'checkpoint_path' summary for
  global step N: ...`` and StepCounterHook's ``It seems that global step ... has not been increased``
  warning; its evaluation start reads ``2019-01-01T10:00:00Z``.
- Only TF 2.x logs ``Calling checkpoint listeners before/after saving checkpoint N...`` and
  ``Inference Time : 0.49987s`` (their texts are in none of the three versions' sources), and starts
  evaluation at ``2019-01-01T10:00:00`` (no ``Z``).

``EraLines``, a filter on the ``tensorflow`` logger under ``legacy``, drops the records the version in
force did not log and gives the evaluation start its version's format; under 1.3 / 1.4 the ``Using config:``
dict shows the keys that version's RunConfig had, in its order (``CONFIG_KEYS``, read from the oracles'
lines), with this run's values, and ``'_session_config': None`` when the code gave none (tensorflow_estimator
fills in its default proto, printed over four lines; TF 1.3 / 1.4 kept None). The rest (what each version
logged alike) is left as it is. What it cannot change is behaviour: TF 2's CheckpointSaverHook saves
when the session is created (``Saving checkpoints for 0``), TF 1.3/1.4's after the first step (``for 1``).
"""
import logging
import re

from .. import settings

# logged by TF 2.x only (checked: absent from TF 1.3.0's, 1.4.1's and 1.15.5's sources)
NOT_IN_TF1 = ("Inference Time : ", "Calling checkpoint listeners ")
# logged from TF 1.5-1.15 on (present in the TF 1.15.5 oracle's output, absent from 1.3.0's and 1.4.1's sources)
NOT_IN_1_4 = ("Calling model_fn.", "Done calling model_fn.", "Graph was finalized.", "Running local_init_op.",
              "Done running local_init_op.", "Saving 'checkpoint_path' summary for global step ",
              "It seems that global step (tf.train.get_global_step) has not been increased.")
# RunConfig's attributes as TF 1.3.0's and TF 1.4.1's `Using config:` line listed them (oracles)
CONFIG_KEYS = {
    "1.3": ("_model_dir", "_tf_random_seed", "_save_summary_steps", "_save_checkpoints_secs", "_save_checkpoints_steps",
            "_session_config", "_keep_checkpoint_max", "_keep_checkpoint_every_n_hours", "_log_step_count_steps"),
    "1.4": ("_model_dir", "_tf_random_seed", "_save_summary_steps", "_save_checkpoints_steps", "_save_checkpoints_secs",
            "_session_config", "_keep_checkpoint_max", "_keep_checkpoint_every_n_hours", "_log_step_count_steps",
            "_service", "_cluster_spec", "_task_type", "_task_id", "_master", "_is_chief", "_num_ps_replicas",
            "_num_worker_replicas"),
}
_START = re.compile(r"Starting evaluation at (\d{4}-\d\d-\d\d)T(\d\d:\d\d:\d\d)Z?$")


class EraLines(logging.Filter):
    """Drops the Estimator / hook records the TF 1.x version in force did not log (see the module docstring)."""

    def filter(self, record):
        if not isinstance(record.msg, str):
            return True
        message = record.getMessage()
        if message.startswith(NOT_IN_TF1):
            return False
        version = settings.current("tf1_version")
        if version != "1.15" and message.startswith(NOT_IN_1_4):
            return False
        if message.startswith("Using config: ") and version in CONFIG_KEYS:
            config = _logging_config()
            if config is not None:
                record.msg, record.args = "Using config: %s", (str(_era_config(config, CONFIG_KEYS[version])),)
        start = _START.match(message)
        if start:  # evaluation.py: 1.3/1.4 strftime('%Y-%m-%d-%H:%M:%S'), 1.15 '%Y-%m-%dT%H:%M:%SZ'
            date, clock = start.groups()
            record.msg = f"Starting evaluation at {date}T{clock}Z" if version == "1.15" else \
                f"Starting evaluation at {date}-{clock}"
            record.args = ()
        return True


def _logging_config():
    """The RunConfig whose ``Using config:`` line is being logged: the record carries only its text, so it is
    read from the Estimator constructor on the stack (``self._config``; the logging call is synchronous)."""
    import sys

    from tensorflow_estimator.python.estimator import run_config

    frame = sys._getframe(2)
    while frame is not None:
        owner = frame.f_locals.get("self")
        config = getattr(owner, "_config", None) if owner is not None else None
        if isinstance(config, run_config.RunConfig):
            return config
        frame = frame.f_back
    return None


def _era_config(config, keys):
    """{key: value} of ``config`` in the era's keys and order; the default session config as None."""
    from tensorflow_estimator.python.estimator import run_config

    values = vars(config)
    era = {key: values.get(key) for key in keys}
    if "_session_config" in era and era["_session_config"] == run_config.get_default_session_config():
        era["_session_config"] = None  # what the code gave: TF 1.3 / 1.4's RunConfig kept it
    if era.get("_cluster_spec") is not None:  # TF 1.4's ClusterSpec had no __repr__ of its own (2.21's has)
        era["_cluster_spec"] = _ObjectRepr(era["_cluster_spec"])
    return era


class _ObjectRepr:
    """Shows ``value`` as Python's default repr did: ``<tensorflow.python.training.server_lib.ClusterSpec object
    at 0x7f...>``."""

    def __init__(self, value):
        self._value = value

    def __repr__(self):
        cls = type(self._value)
        return f"<{cls.__module__}.{cls.__qualname__} object at {hex(id(self._value))}>"


def install():
    """Add the filter to the ``tensorflow`` logger (idempotent)."""
    import tensorflow as tf

    logger = tf.get_logger()
    if not any(isinstance(f, EraLines) for f in logger.filters):
        logger.addFilter(EraLines())
