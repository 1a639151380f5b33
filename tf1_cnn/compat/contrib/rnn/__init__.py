"""``tf.contrib.rnn`` (TF 1.15's contrib/rnn): the core cells and static RNNs TF kept, and the contrib-only
cells, one module per family as TF 1.15's ``contrib/rnn/python/ops`` had them."""
from .._common import module, renamed
from . import block_cells


def load():
    """``tf.contrib.rnn``: TF 1.x's core cells and static RNNs (TF 2.21's tf.compat.v1, tf_keras's legacy cells)."""
    import tensorflow as tf

    core = tf.compat.v1.nn.rnn_cell
    members = {n: getattr(core, n) for n in dir(core) if not n.startswith("_")}
    members.update(renamed("rnn"))
    from . import cells as contrib_cells  # imports tf_keras's cells: only when tf.contrib.rnn is first used

    members.update(contrib_cells.members())  # the contrib-only cells TF 2.21 lacks (NASCell, the projection wrappers, ...)
    members.update(block_cells.members())  # LSTMBlockCell, GRUBlockCell(V2), LSTMBlockFusedCell, LSTMBlockWrapper
    return module("tf.contrib.rnn", members)
