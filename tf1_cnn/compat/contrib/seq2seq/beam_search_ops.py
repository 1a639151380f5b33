"""``tf.contrib.seq2seq.gather_tree`` (TF 1.x's GatherTree op, contrib/seq2seq/kernels): the beams
backtracked through their parents.

TF 2.21 has no GatherTree op (TF Addons carried it as ``Addons>GatherTree``), so the project has its
own: ``gather_tree.cc`` registers TF 1.15's op (step_ids, parent_ids, max_sequence_lengths, end_token
-> beams; attr T in {int32}), its shape function and a CPU kernel, compiled with g++ against TF 2.21's
headers on first use (about 10 s of CPU, once per TensorFlow version and source) into
``$TF1_CNN_CACHE/kernels/`` (default: the user account's ``~/.cache/tf1-cnn/kernels/``). The graph then
holds TF 1.x's op: same type, name, inputs and shape (``compare`` finds it identical; a GraphDef
exported holds a GatherTree node, as TF 1.x's did). Without a compiler (or when the build fails) one
line on stderr says so and the same computation runs as one ``py_func`` op named ``GatherTree``: the
op count and names stay TF 1.x's (so every op seed drawn after a beam search is TF 1.x's), its type is
PyFuncStateless.

The values are the kernel's: for batch entry b and beam k, with L = min(max_time,
max_sequence_lengths[b]), steps >= L hold ``end_token``, step L-1 holds step_ids[L-1, b, k], each
earlier step the id of the beam the later step came from; after the first ``end_token`` in a beam
every step is ``end_token``. A parent id outside [0, beam_width) is an InvalidArgumentError.
"""
import os
import pwd
import sys
from pathlib import Path

import numpy as np

from ._base import v1

__all__ = ["gather_tree"]


def gather_tree_numpy(step_ids, parent_ids, max_sequence_lengths, end_token):
    """The GatherTree kernel on arrays: [max_time, batch, beam] ids, [batch] lengths -> [max_time, batch, beam]."""
    max_time, batch_size, beam_width = step_ids.shape
    beams = np.full(step_ids.shape, end_token, dtype=step_ids.dtype)
    for b in range(batch_size):
        length = min(max_time, int(max_sequence_lengths[b]))
        if length <= 0:
            continue
        for k in range(beam_width):
            beams[length - 1, b, k] = step_ids[length - 1, b, k]
            parent = parent_ids[length - 1, b, k]
            for level in range(length - 2, -1, -1):
                if parent < 0 or parent >= beam_width:
                    raise ValueError("Saw invalid parent id %d at (batch, time, beam) == (%d, %d, %d)"
                                     % (parent, b, level, k))
                beams[level, b, k] = step_ids[level, b, parent]
                parent = parent_ids[level, b, parent]
            finished = False
            for time in range(length):
                if finished:
                    beams[time, b, k] = end_token
                elif beams[time, b, k] == end_token:
                    finished = True
    return beams


SOURCE = Path(__file__).with_name("gather_tree.cc")
FLAGS = ["-O2"]
_library = {}


def cache_dir():
    """``$TF1_CNN_CACHE/kernels``, else ``.cache/tf1-cnn/kernels`` in the user account's home (not $HOME:
    a runner that gives each script a fresh HOME still finds the library built once)."""
    base = os.environ.get("TF1_CNN_CACHE") or os.path.join(pwd.getpwuid(os.getuid()).pw_dir, ".cache", "tf1-cnn")
    return Path(base) / "kernels"


def op_library():
    """The loaded GatherTree op library (built on first use), or None after one line on stderr saying why."""
    if "module" not in _library:
        import tensorflow as tf

        from ...floats import build

        try:
            _library["module"] = tf.load_op_library(str(build.build_library(tf, SOURCE, FLAGS, cache_dir())))
        except (build.BuildError, tf.errors.NotFoundError, OSError) as e:
            _library["module"] = None
            reason = str(e).splitlines()[0] if str(e) else type(e).__name__
            print(f"tf1-cnn: contrib.seq2seq.gather_tree runs as a py_func op (type PyFuncStateless, not "
                  f"GatherTree): {reason}", file=sys.stderr)
    return _library["module"]


def gather_tree(step_ids, parent_ids, max_sequence_lengths, end_token, name=None):
    """step_ids, parent_ids: [max_time, batch, beam] int32; max_sequence_lengths: [batch] int32;
    end_token: scalar. Returns [max_time, batch, beam] int32 (the ids of each full beam)."""
    library = op_library()
    if library is not None:
        return library.gather_tree(step_ids, parent_ids, max_sequence_lengths, end_token, name=name)
    step_ids = v1.convert_to_tensor(step_ids)
    out = v1.py_func(lambda s, p, m, e: gather_tree_numpy(s, p, m, e).astype(s.dtype),
                     [step_ids, parent_ids, max_sequence_lengths, end_token], step_ids.dtype, stateful=False,
                     name=name or "GatherTree")
    out.set_shape(step_ids.shape)
    return out
