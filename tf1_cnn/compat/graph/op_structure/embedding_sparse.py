"""``tf.nn.embedding_lookup_sparse`` as TF 1.3.0-1.15.5 built it: segment ids cast first, ids made unique.

TF 1.x (oracle, op-table cases ``embedding_lookup_sparse*``; the feature columns' weighted sums, corpus
script 21) cast the int64 segment ids (the rows of ``sp_ids.indices``) to int32 (``Cast``) before anything
else, then took ``Unique`` of the ids, looked the unique ids up and combined them with the sparse segment
op. TF 2.21 keeps int64 segment ids (no Cast) and, without weights, reads the table directly (no Unique or
lookup: its forward-compatibility fast path). Under a TF 1.x version both are TF 1.x's; the values are the
same.
"""
import functools

from tensorflow.python.eager import context
from tensorflow.python.framework import dtypes
from tensorflow.python.ops import math_ops

from ... import settings
from .array import ModuleWith


def _tf1():
    return settings.current("tf1_version") in ("1.3", "1.4", "1.15") and not context.executing_eagerly()


def lookup_sparse_impl_1x(original):
    """Wrap ``embedding_lookup_sparse_impl(params, segment_ids, ...)``: TF 1.x's int32 segment ids first."""
    @functools.wraps(original)
    def embedding_lookup_sparse_impl(params, segment_ids, *args, **kwargs):
        if _tf1() and segment_ids.dtype != dtypes.int32:
            segment_ids = math_ops.cast(segment_ids, dtypes.int32)
        return original(params, segment_ids, *args, **kwargs)

    embedding_lookup_sparse_impl._tf1_cnn_original = original
    return embedding_lookup_sparse_impl


def _forward_compatible(year, month, day=1):
    """embedding_ops' ``compat.forward_compatible``: False under TF 1.x (its only use: the fast path)."""
    from tensorflow.python.compat import compat

    return False if _tf1() else compat.forward_compatible(year, month, day)


def install():
    """Wrap the sparse lookup's implementation and its module's forward-compatibility test (idempotent)."""
    from tensorflow.python.ops import embedding_ops

    from ._wrapping import wrap

    if wrap(embedding_ops, "embedding_lookup_sparse_impl", lookup_sparse_impl_1x):
        embedding_ops.compat = ModuleWith(embedding_ops.compat, forward_compatible=_forward_compatible)
