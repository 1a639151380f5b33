"""Label nodes for the TF 1.15 kernels as they are created: the ``_kernel`` attr, nothing else.

Every op of TF 2.21 is made through ``Graph._create_op_helper`` (Python ops, gradients, ops
imported or built by control flow alike); the wrapper adds ``_kernel: "tf1_15"`` to a float32 node
of an op in ``OPS``. The attr selects the kernel registered under that label; the node's name,
inputs and the graph's op count stay, so TF 1.x's seed rule and graph comparisons are unaffected.
"""
from tensorflow.core.framework import attr_value_pb2
from tensorflow.python.framework import dtypes
from tensorflow.python.framework import ops

from . import LABEL, OPS

_ATTR = attr_value_pb2.AttrValue(s=LABEL.encode())
_original = None


def label(op):
    """Set the label on ``op`` if it is a float32 node of a listed op (True when set)."""
    if op.type not in OPS:
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
