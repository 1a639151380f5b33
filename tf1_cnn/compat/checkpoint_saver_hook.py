"""``CheckpointSaverHook``'s first checkpoint where the TF 1.x version in force saved it.

TF 1.3.0 and 1.4.1 wrote the graph (``graph.pbtxt``, the events file's graph and meta graph) before the
first step and saved nothing until a step had run: the hook's timer had never triggered, so the first
``after_run`` saved, at global step 1 (``Saving checkpoints for 1 into ...``, files ``model.ckpt-1.*``).
TF 1.15 moved the first save into ``after_create_session``, before any step (``Saving checkpoints for
0``, ``model.ckpt-0.*``), and TF 2.21's hook, which every ``MonitoredTrainingSession`` and Estimator
under ``legacy`` uses, does the same. Measured with tests/legacy_scripts/estimator_lines.py on the
oracles: 1.3.0 and 1.4.1 log ``Saving checkpoints for 1`` before ``loss = ..., step = 1`` and keep
``model.ckpt-1`` and ``model.ckpt-150``; 1.15.5 logs ``for 0`` and keeps ``model.ckpt-0`` and
``model.ckpt-150``.

``install()`` wraps ``after_create_session``: under ``--tf1-version 1.3`` / ``1.4`` it writes the graph as
before but saves nothing, and leaves the hook's timer untriggered, so the first step's ``after_run`` saves
(TF 1.4.1's rule: it reads the global step after the train op, which gives 1.3.0's step too). Under 1.15
the hook is TF 2.21's, unchanged.
"""
from . import settings

SAVES_AFTER_FIRST_STEP = ("1.3", "1.4")  # the versions whose hook had no after_create_session save


def install():
    """Wrap ``CheckpointSaverHook.after_create_session`` (idempotent)."""
    from tensorflow.python.training import basic_session_run_hooks

    from .graph.op_structure._wrapping import wrap

    wrap(basic_session_run_hooks.CheckpointSaverHook, "after_create_session", _era_first_save)


def _era_first_save(original):
    def after_create_session(hook, session, coord):
        if settings.current("tf1_version") not in SAVES_AFTER_FIRST_STEP:
            return original(hook, session, coord)
        hook._save = _no_save  # noqa: SLF001 -- for this call only: the instance attribute goes again below
        try:
            original(hook, session, coord)
        finally:
            del hook._save  # noqa: SLF001
        hook._timer.reset()  # noqa: SLF001 -- untriggered: the first after_run saves, as in TF 1.3 / 1.4
        return None

    after_create_session._tf1_cnn_original = original  # noqa: SLF001
    return after_create_session


def _no_save(session, step):
    return False
