"""Ops inside ``tf.cond`` / ``tf.while_loop`` in TF 1.3.0 / 1.4.1's order: a branch's Switch (a loop's
Enter) before the op that reads the outside tensor.

An op built inside a control-flow context reads outside tensors through a Switch (cond) or an
Enter (while loop), which the context makes when the op joins it (``ControlFlowContext.AddOp``,
through ``AddValue``). TF 1.3.0 and 1.4.1 built graphs in Python (``ops._USE_C_API`` False): an
``Operation`` joined its context in its constructor, before the graph gave it its id, so the
Switch / Enter ops came first (``cond/dropout/Shape/Switch``, then ``cond/dropout/Shape``).
From 1.5 (the C API) and in TF 2.21 the op is created first and the context adds the Switch after
it. The names are the same (the op's name is reserved first, and the Switch is made in the op's
name scope) and so is the op count at every random op; the order of the graph is not (observed on
TF 1.3.0 / 1.4.1 / 1.15.5: op-table cases ``layers_dropout_tensor``, ``cond_*``, ``while_*``).

``from_node_def_1x`` wraps ``Operation.from_node_def`` (the one place TF 2.21 creates a graph
op from Python): under ``--tf1-version`` 1.3 / 1.4, inside a control-flow context, each input is
first passed through the context's ``AddValue`` (what ``AddOp`` does to it afterwards anyway, which
then finds it done), and the op is created with the values it returns.

``zeros_like_switch_1x``: the zero gradient of a cond's untaken Switch output (``tf.gradients`` through
``tf.cond``). TF 1.3.0/1.4.1 built the Switch on the other branch, its Shape and the zeros (Fill); from
1.5 an Identity of that Switch (a pivot the zeros depend on) comes between: one op more per zero
gradient (op-table cases ``grad_cond``, ``cond_outside_tensors_grads``).

``zeros_like_output_1_3``: the zero gradient of an op's output nothing depends on (the backprop output of
the cross-entropies, ...). TF 1.3.0's ``zeros_like`` gave a tensor of fully defined shape one Const
(``gradients/zeros_like``) whatever ``optimize`` said; from 1.4.1 the gradients ask for no optimization:
a ZerosLike op of the output (op-table case ``grad_sparse_xent_zeros_like``).
"""
import functools

from tensorflow.python.framework import ops

from ... import settings
from ._wrapping import wrap

_PYTHON_GRAPHS = ("1.3", "1.4")  # TF releases whose Operation joined its context before its id


def _context_inputs(ctxt, op_type, inputs):
    """``inputs`` as ``ctxt`` will see them (Switch / Enter outputs for outside tensors), made now."""
    out = []
    for x in inputs:
        if op_type == "Merge" and x.op.type == "NextIteration":
            out.append(x)  # a loop's back edge: AddOp leaves it as it is
        else:
            out.append(ctxt.AddValue(x))
    return out


def from_node_def_1x(original):
    """``Operation.from_node_def`` (a classmethod's function) with TF 1.3.0/1.4.1's context order."""
    @functools.wraps(original)
    def from_node_def(cls, node_def, g, inputs=None, *args, **kwargs):
        ctxt = g._control_flow_context  # pylint: disable=protected-access
        if ctxt is not None and inputs and settings.current("tf1_version") in _PYTHON_GRAPHS:
            inputs = _context_inputs(ctxt, node_def.op, list(inputs))
        return original(cls, node_def, g, inputs, *args, **kwargs)

    from_node_def._tf1_cnn_original = original
    return from_node_def


def zeros_like_switch_1x(original):
    """``control_flow_state._ZerosLikeV1(op, index)``: the zeros for output ``index`` of a Switch ``op``
    (TF 1.3.0/1.4.1: no pivot Identity under 1.3 and 1.4)."""
    from tensorflow.python.framework import dtypes
    from tensorflow.python.ops import array_ops, control_flow_ops

    @functools.wraps(original)
    def zeros_like_v1(op, index):
        ctxt = op._get_control_flow_context()  # pylint: disable=protected-access
        val = op.outputs[index]
        if ctxt is None or val.dtype == dtypes.resource or settings.current("tf1_version") not in _PYTHON_GRAPHS:
            return original(op, index)
        # the other branch's Switch of the same input: its output exists when the zeros are needed
        switch_val = control_flow_ops.switch(op.inputs[0], ctxt.pred)[1 - ctxt.branch]
        shape = array_ops.shape_internal(switch_val, optimize=False)
        return array_ops.zeros(shape, dtype=val.dtype)

    zeros_like_v1._tf1_cnn_original = original
    return zeros_like_v1


def zeros_like_output_1_3(original):
    """``control_flow_state._ZerosLikeV2(op, index)``: zeros like output ``index`` of ``op`` (not a Switch);
    TF 1.3.0's one Const for a fully defined shape under ``--tf1-version 1.3``."""
    from tensorflow.python.framework import constant_op, dtypes

    @functools.wraps(original)
    def zeros_like_v2(op, index):
        val = op.outputs[index]
        if settings.current("tf1_version") != "1.3" or not val.shape.is_fully_defined() \
                or val.dtype in (dtypes.resource, dtypes.variant):
            return original(op, index)
        with ops.name_scope(None, "zeros_like", [val]) as scope:
            return constant_op.constant(0, dtype=val.dtype.base_dtype, shape=val.shape, name=scope)

    zeros_like_v2._tf1_cnn_original = original
    return zeros_like_v2


def install():
    """Wrap ``ops.Operation.from_node_def`` and the zero gradients for the process (idempotent)."""
    from tensorflow.python.ops import control_flow_state

    current = ops.Operation.__dict__["from_node_def"].__func__
    if not hasattr(current, "_tf1_cnn_original"):
        ops.Operation.from_node_def = classmethod(from_node_def_1x(current))
    wrap(control_flow_state, "_ZerosLikeV1", zeros_like_switch_1x)
    wrap(control_flow_state, "_ZerosLikeV2", zeros_like_output_1_3)
