"""TF 1.x's gradients of the TensorArray ops that write (Write, Scatter, Split).

The gradient of a write takes the gradient flow ``flow`` (a float scalar that orders the
accesses of the gradient TensorArray), opens the gradient TensorArray of the forward
array (``TensorArrayGrad/TensorArrayGradV3`` and its ``TensorArrayGrad/gradient_flow``
Identity) on that flow and reads back what the forward op wrote: ``TensorArrayReadV3``
(Write), ``TensorArrayGatherV3`` (Scatter) or ``TensorArrayConcatV3`` (Split); the flow itself
is the gradient of the forward op's flow input.

TF 1.3.0, 1.4.1 and 1.15.5 opened the gradient array on ``flow`` directly (read off the oracle's
graphs: ``dynamic_decode``'s output TensorArray in a while loop, ``TrainingHelper``'s unstacked
inputs). TF 2.21 first builds an Identity ``flow_out`` of the forward op's flow output and an
Identity ``write_barrier`` of ``flow`` under a control dependency on it (against a race of the
gradient array's creation with the last forward write); inside a while loop the ``flow_out``
is a forward value the gradient loop needs, so TF 2.21 adds a stack for it too (Const, StackV2,
Enter, StackPushV2, StackPopV2, Enter, the ControlTrigger ``b_sync``): 9 ops in the loop, 2
outside, none of them in TF 1.x's graphs. Without the barrier the gradient array is still
created after the forward writes wherever the gradient flow depends on the forward array's
reads (the decoders' ``dynamic_decode`` / ``dynamic_rnn`` outputs, a TensorArray's ``stack()``
read back as the loss's input), as in TF 1.x.
"""
from tensorflow.python.ops import tensor_array_grad, tensor_array_ops


def _gradient_array(op, flow):
    """The gradient TensorArray of the forward array ``op.inputs[0]`` (a resource handle), opened on
    the gradient flow ``flow`` (float32 scalar) as TF 1.x did, with no write barrier."""
    forward = tensor_array_ops.TensorArray(dtype=op.get_attr("T"), handle=op.inputs[0], flow=flow,
                                           colocate_with_first_write_call=False)
    return forward.grad(source=tensor_array_grad._GetGradSource(flow), flow=flow)


def write_grad(op, flow):
    """TensorArrayWriteV3(handle, index, value, flow_in): the value's gradient is the element
    ``index`` of the gradient array ([element shape]); the flow passes through."""
    return [None, None, _gradient_array(op, flow).read(op.inputs[1]), flow]


def scatter_grad(op, flow):
    """TensorArrayScatterV3(handle, indices [n], value [n, ...], flow_in): the value's gradient is
    the gradient array's elements at ``indices`` gathered ([n, ...])."""
    return [None, None, _gradient_array(op, flow).gather(op.inputs[1]), flow]


def split_grad(op, flow):
    """TensorArraySplitV3(handle, value [sum(lengths), ...], lengths, flow_in): the value's gradient
    is the gradient array's elements concatenated along their first axis."""
    return [None, _gradient_array(op, flow).concat(), None, flow]


GRADIENTS = {"TensorArrayWriteV3": write_grad, "TensorArrayScatterV3": scatter_grad,
             "TensorArraySplitV3": split_grad}
