"""``tf.contrib.seq2seq.gather_tree`` (TF 1.x's GatherTree kernel, contrib/seq2seq/kernels): the beams
backtracked through their parents.

TF 2.21 has no GatherTree op (TF Addons carried it), so the kernel's computation runs as one
``py_func`` op named as TF 1.x named its GatherTree op: the graph keeps TF 1.x's op count and
names (so every op seed drawn after a beam search is TF 1.x's); its type is PyFunc, so a graph
holding it runs in this process only (a GraphDef exported elsewhere lacks the function).

The values are the kernel's: for batch entry b and beam k, with L = min(max_time,
max_sequence_lengths[b]), steps >= L hold ``end_token``, step L-1 holds step_ids[L-1, b, k], each
earlier step the id of the beam the later step came from; after the first ``end_token`` in a beam
every step is ``end_token``. A parent id outside [0, beam_width) is an InvalidArgumentError.
"""
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


def gather_tree(step_ids, parent_ids, max_sequence_lengths, end_token, name=None):
    """step_ids, parent_ids: [max_time, batch, beam] int32; max_sequence_lengths: [batch] int32;
    end_token: scalar. Returns [max_time, batch, beam] int32 (the ids of each full beam)."""
    step_ids = v1.convert_to_tensor(step_ids)
    out = v1.py_func(lambda s, p, m, e: gather_tree_numpy(s, p, m, e).astype(s.dtype),
                     [step_ids, parent_ids, max_sequence_lengths, end_token], step_ids.dtype, stateful=False,
                     name=name or "GatherTree")
    out.set_shape(step_ids.shape)
    return out
