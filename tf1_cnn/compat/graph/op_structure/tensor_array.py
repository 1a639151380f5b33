"""``TensorArray.size()`` as TF 1.x built it: always the op TensorArraySizeV3.

TF 2.21's graph TensorArray answers ``size()`` of a fixed-size array with its size tensor (no op); TF
1.3.0, 1.4.1 and 1.15.5 read it from the array (``TensorArraySizeV3``), so every ``stack()``
(``dynamic_rnn``'s outputs, ``TensorArrayStack/TensorArraySizeV3``) had one op more (observed on the
oracles: op-table cases ``tensor_array_*``, ``dynamic_rnn_*``; the dynamic RNN scripts).
"""
import functools

from tensorflow.python.eager import context
from tensorflow.python.ops import gen_data_flow_ops

from ._wrapping import wrap


def size_1x(original):
    """``_GraphTensorArray.size(self, name=None)`` -> an int32 scalar; TF 1.x's op (every version) in graphs."""
    @functools.wraps(original)
    def size(self, name=None):
        if context.executing_eagerly():
            return original(self, name=name)
        return gen_data_flow_ops.tensor_array_size_v3(handle=self._handle, flow_in=self.flow, name=name)

    size._tf1_cnn_original = original
    return size


def install():
    """Wrap the graph TensorArray's ``size`` for the process (idempotent)."""
    from tensorflow.python.ops import tensor_array_ops

    wrap(tensor_array_ops._GraphTensorArray, "size", size_1x)
