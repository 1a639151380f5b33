"""Label nodes for the TF 1.15 kernels as they are created: the ``_kernel`` attr, nothing else.

Every op of TF 2.21 is made through ``Graph._create_op_helper`` (Python ops, gradients, ops
imported or built by control flow alike); the wrapper adds ``_kernel: "tf1_15"`` to a float32 node
of an op in ``OPS``. The attr selects the kernel registered under that label; the node's name,
inputs and the graph's op count stay, so TF 1.x's seed rule and graph comparisons are unaffected.

``Conv2DBackpropFilter`` is labelled only where TF 2.21's own kernel parts from TF 1.15's: an NHWC
input of one channel (static shape), SAME or VALID padding, no dilation, on a CPU with AVX-512 (where
the rule of ``tf1_conv_filter.cc`` was measured). TF 2.21 without oneDNN already computes the other
filter gradients as TF 1.15 did, faster than the labelled kernel.
"""
from tensorflow.core.framework import attr_value_pb2
from tensorflow.python.framework import dtypes
from tensorflow.python.framework import ops

from . import LABEL, OPS
from .build import cpu_has_avx512

_ATTR = attr_value_pb2.AttrValue(s=LABEL.encode())
_original = None


_AVX512 = cpu_has_avx512()


def _one_channel_filter_gradient(op):
    """A Conv2DBackpropFilter the labelled kernel computes as TF 1.15 did, where TF 2.21 does not."""
    if not _AVX512:
        return False
    try:
        if op.get_attr("data_format") not in (b"NHWC", "NHWC") or op.get_attr("padding") not in (
                b"SAME", b"VALID", "SAME", "VALID"):
            return False
        if any(d != 1 for d in op.get_attr("dilations")):
            return False
    except ValueError:
        return False
    depth = op.inputs[0].shape.rank == 4 and op.inputs[0].shape[3]
    return depth == 1


def label(op):
    """Set the label on ``op`` if it is a float32 node of a listed op (True when set)."""
    if op.type not in OPS:
        return False
    if op.type == "Conv2DBackpropFilter" and not _one_channel_filter_gradient(op):
        return False
    try:
        if op.get_attr("T") != dtypes.float32:
            return False
    except ValueError:  # no T attr
        return False
    try:
        op.get_attr("_kernel")
        return False  # the user's (or a kernel label already there) stays
    except ValueError:
        pass
    op._set_attr("_kernel", _ATTR)
    return True


def _create_op_helper(self, op, compute_device=True):
    _original(self, op, compute_device)
    if op.type in OPS:
        label(op)


def install():
    """Wrap the graph's op creation (idempotent)."""
    global _original
    if _original is not None:
        return
    _original = ops.Graph._create_op_helper
    ops.Graph._create_op_helper = _create_op_helper
