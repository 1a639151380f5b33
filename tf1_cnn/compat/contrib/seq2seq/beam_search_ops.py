"""``tf.contrib.seq2seq.gather_tree`` (TF 1.x's GatherTree kernel, contrib/seq2seq/kernels): the beams
backtracked through their parents.

TF 2.21 has no GatherTree op (TF Addons carried it), so it is built here from graph ops: a reverse
``tf.scan`` over time follows each final beam's parent pointers. The values are the kernel's: for
batch entry b and beam k, with L = min(max_time, max_sequence_lengths[b]), steps >= L hold
``end_token``, step L-1 holds step_ids[L-1, b, k], each earlier step the id of the beam the later
step came from; after the first ``end_token`` in a beam every step is ``end_token``.
"""
from ._base import v1

__all__ = ["gather_tree"]


def gather_tree(step_ids, parent_ids, max_sequence_lengths, end_token, name=None):
    """step_ids, parent_ids: [max_time, batch, beam] int32; max_sequence_lengths: [batch] int32;
    end_token: scalar. Returns [max_time, batch, beam] int32 (the ids of each full beam)."""
    with v1.name_scope(name, "GatherTree", [step_ids, parent_ids, max_sequence_lengths, end_token]):
        step_ids = v1.convert_to_tensor(step_ids, name="step_ids")
        parent_ids = v1.convert_to_tensor(parent_ids, name="parent_ids")
        max_sequence_lengths = v1.convert_to_tensor(max_sequence_lengths, name="max_sequence_lengths")
        end_token = v1.cast(v1.convert_to_tensor(end_token, name="end_token"), step_ids.dtype)
        shape = v1.shape(step_ids)
        max_time, batch_size, beam_width = shape[0], shape[1], shape[2]
        lengths = v1.minimum(v1.cast(max_sequence_lengths, v1.int32), max_time)          # [batch]
        times = v1.range(max_time)
        beams = v1.tile(v1.expand_dims(v1.range(beam_width), 0), [batch_size, 1])         # [batch, beam]
        batch_index = v1.tile(v1.expand_dims(v1.range(batch_size), 1), [1, beam_width])  # [batch, beam]

        def back(carry, elems):
            # carry: (ids written at t+1, beam pointer [batch, beam]); at t >= L the pointer stays the beam itself
            _, pointer = carry
            ids_t, parents_t, t = elems
            valid = v1.expand_dims(t < lengths, 1) & v1.ones_like(pointer, dtype=v1.bool)
            index = v1.stack([batch_index, pointer], -1)
            out = v1.where(valid, v1.gather_nd(ids_t, index), v1.fill(v1.shape(pointer), end_token))
            pointer = v1.where(valid, v1.gather_nd(parents_t, index), pointer)
            return out, pointer

        outs, _ = v1.scan(back, (step_ids, parent_ids, times), initializer=(v1.zeros_like(beams), beams),
                          reverse=True)
        # after a beam's first end_token, every step is end_token
        is_end = v1.cast(v1.equal(outs, end_token), v1.int32)
        ended_before = v1.cumsum(is_end, axis=0, exclusive=True) > 0
        return v1.where(ended_before, v1.fill(v1.shape(outs), end_token), outs)
