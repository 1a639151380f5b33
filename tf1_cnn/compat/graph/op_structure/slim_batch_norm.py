"""tf_slim's (``tf.contrib.layers.batch_norm``'s) fused path on a rank-2 input as TF 1.4.1 / 1.15.5 built it.

The fused kernel wants 4-D input, so a (batch, channels) input is reshaped to (-1, 1, 1, channels) and the
output back. TF 1.4.1 / 1.15.5 (oracle, op-table case ``contrib_batch_norm_inplace_rank2``) reshaped back to
``tf.shape(inputs)`` (a ``Shape`` op, or a Const named ``Shape`` when the shape is fully defined: DCGAN's
generators); tf_slim reshapes to the static shape where it can (a Const ``Reshape_1/shape``). Same op count,
another op. TF 1.3.0 did not fuse there; tf_slim's own is kept under 1.3.
"""
import functools
import threading

from tensorflow.python.ops import array_ops

from ... import settings
from .array import ModuleWith

_local = threading.local()


def _reshape(tensor, shape, name=None):
    """tf_slim's ``array_ops.reshape``: the output of a rank-2 fused batch norm back to ``tf.shape(inputs)``."""
    original = getattr(_local, "rank2_inputs", None)
    if original is not None and isinstance(shape, list) and len(shape) == 2:
        _local.rank2_inputs = None  # the last reshape of the call
        shape = array_ops.shape(original)
    return array_ops.reshape(tensor, shape, name=name)


def fused_batch_norm_1x(original):
    """Wrap tf_slim's ``_fused_batch_norm(inputs, ...)``: under 1.4/1.15 a rank-2 input's output is reshaped back
    to ``tf.shape(inputs)``."""
    @functools.wraps(original)
    def _fused_batch_norm(inputs, *args, **kwargs):
        rank2 = settings.current("tf1_version") in ("1.4", "1.15") and getattr(inputs, "shape", None) is not None \
            and inputs.shape.rank == 2
        previous, _local.rank2_inputs = getattr(_local, "rank2_inputs", None), inputs if rank2 else None
        try:
            return original(inputs, *args, **kwargs)
        finally:
            _local.rank2_inputs = previous

    _fused_batch_norm._tf1_cnn_original = original
    return _fused_batch_norm


def mend_tf_slim():
    """Wrap tf_slim's fused batch norm and give its layers module the reshape above (idempotent)."""
    from tf_slim.layers import layers

    from ._wrapping import wrap

    if wrap(layers, "_fused_batch_norm", fused_batch_norm_1x):
        layers.array_ops = ModuleWith(layers.array_ops, reshape=_reshape)
