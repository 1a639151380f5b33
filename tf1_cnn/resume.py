"""Checkpoints that resume training exactly, and a Ctrl-C that saves instead of losing the run.

A resume checkpoint is a folder, written atomically (``fileio.atomic_dir``):
- ``model.ckpt.*``: a ``tf.train.Saver`` checkpoint of every variable, optimizer
  slots and step counters included, with a ``checkpoint`` index file naming
  ``model.ckpt`` relatively, so ``tf.train.latest_checkpoint(DIR)`` finds it
  wherever the folder is moved;
- ``state.json``: the Python side of the loop (epoch or step reached, partial sums,
  history, the numpy generator's state, the settings the run was started with);
- ``arrays.npz``: the state's arrays (an epoch's shuffle order, a data set's order).
A trainer saves the state at a step boundary only, so a resumed run repeats no
step and skips none, and ends bit for bit where the uninterrupted run ends.

``Interrupt``: while active, SIGINT (Ctrl-C) only sets a flag; the loop checks it
at each step boundary, saves, and stops with status 130.
"""
import json
import signal
from pathlib import Path

import numpy as np

from .errors import UserError
from .fileio import atomic_dir, read_json_object

STATE = "state.json"
INTERRUPTED = 130


class Interrupted(Exception):
    """Raised by a trainer after it saved its state on Ctrl-C."""

    def __init__(self, path):
        super().__init__(f"interrupted; the run was saved to {path} (continue it with --resume {path})")
        self.path = path


class Interrupt:
    """``with Interrupt() as stop:`` ... ``if stop.requested:`` save and stop (see the module docstring)."""

    def __init__(self):
        self.requested = False
        self._previous = None

    def _handler(self, signum, frame):
        self.requested = True

    def __enter__(self):
        try:
            self._previous = signal.signal(signal.SIGINT, self._handler)
        except ValueError:  # not the main thread: Ctrl-C stays Python's
            self._previous = None
        return self

    def __exit__(self, *exc):
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)
        return False


def numpy_state(rng=None):
    """JSON-able state of a numpy RandomState (the global one by default) or Generator."""
    if isinstance(rng, np.random.Generator):
        return {"generator": rng.bit_generator.state}
    name, keys, pos, has_gauss, cached = (rng or np.random).get_state()
    return {"mt19937": [name, keys.tolist(), int(pos), int(has_gauss), float(cached)]}


def set_numpy_state(state, rng=None):
    if "generator" in state:
        rng.bit_generator.state = state["generator"]
    else:
        name, keys, pos, has_gauss, cached = state["mt19937"]
        (rng or np.random).set_state((name, np.array(keys, dtype=np.uint32), pos, has_gauss, cached))


def save_variables(sess, saver, folder):
    """``folder/model.ckpt.*`` and a ``checkpoint`` index naming it relatively.

    Every checkpoint folder here is written under a temporary name and renamed into place;
    Saver records the absolute path it wrote to, which the rename would leave dangling, so
    the index names ``model.ckpt`` relatively and ``tf.train.latest_checkpoint`` finds it.
    """
    with sess.graph.as_default():  # outside its graph, Saver takes TF2's eager path
        saver.save(sess, str(Path(folder) / "model.ckpt"), write_meta_graph=False)
    (Path(folder) / "checkpoint").write_text('model_checkpoint_path: "model.ckpt"\n'
                                             'all_model_checkpoint_paths: "model.ckpt"\n')


def save(path, sess, saver, state, arrays=None, force=True):
    """Write a resume checkpoint folder at ``path`` (replacing an older one of ours)."""
    with atomic_dir(path, force=force, marker=STATE) as tmp:
        save_variables(sess, saver, tmp)
        if arrays:
            np.savez(tmp / "arrays.npz", **arrays)
        (tmp / STATE).write_text(json.dumps(state, indent=1))
    return Path(path)


def load(path, kind):
    """(state, arrays) of the checkpoint folder ``path`` written by the trainer ``kind``."""
    path = Path(path)
    if not (path / STATE).is_file():
        raise UserError(f"--resume: {path} is not a resume checkpoint (no {STATE})")
    state = read_json_object(path / STATE, "--resume")
    if state.get("kind") != kind:
        raise UserError(f"--resume: {path} was not written by {kind} (it says {state.get('kind')!r})")
    arrays = {}
    if (path / "arrays.npz").is_file():
        with np.load(path / "arrays.npz") as data:
            arrays = {k: data[k] for k in data.files}
    return state, arrays


def restore_variables(sess, saver, path):
    import tensorflow as tf

    try:
        with sess.graph.as_default():
            saver.restore(sess, str(Path(path) / "model.ckpt"))
    except (tf.errors.OpError, ValueError) as exc:
        raise UserError(f"--resume: {path}: cannot read the checkpoint ({str(exc).splitlines()[0]})") from None


def check_same(state, path, **settings):
    """UserError when the run's settings differ from the checkpoint's (a resume must continue the same run)."""
    for key, value in settings.items():
        if state.get(key) != value:
            raise UserError(f"--resume: {path} was started with {key} {state.get(key)!r}, this run has {value!r}")


def check_flags(args, save_marker=None):
    """The resume flags of a training command, checked before any work: --checkpoint-every needs
    --checkpoint, which must be writable (replacing only a checkpoint of ours) and not --save."""
    from .fileio import check_distinct, check_writable

    if args.checkpoint_every and not args.checkpoint:
        raise UserError("--checkpoint-every needs --checkpoint DIR")
    if args.save:
        check_writable(args.save, args.force, marker=save_marker)
    if args.checkpoint:
        check_writable(args.checkpoint, force=True, flag="--checkpoint", marker=STATE)
    check_distinct(save=args.save, checkpoint=args.checkpoint)


def interrupted_path(checkpoint, command):
    """Where a Ctrl-C without --checkpoint saves: a new folder in the current directory."""
    if checkpoint:
        return Path(checkpoint)
    import time

    return Path(f"{command}-interrupted-{time.strftime('%Y%m%d-%H%M%S')}")
