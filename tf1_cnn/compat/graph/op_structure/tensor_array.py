"""``TensorArray.size()`` as TF 1.15.5 built it: always the op TensorArraySizeV3.

TF 2.21's graph TensorArray answers ``size()`` of a fixed-size array with its size tensor (no op); TF
1.15.5 read it from the array (``TensorArraySizeV3``), so every ``stack()`` (``dynamic_rnn``'s outputs,
``TensorArrayStack/TensorArraySizeV3``) had one op more (observed on TF 1.15.5: op-table cases
``dynamic_rnn_*``, ``tensor_array_stack``; the dynamic RNN scripts).
"""
import functools

from tensorflow.python.eager import context
from tensorflow.python.ops import gen_data_flow_ops

from ... import settings


def size_1_15(original):
    """``_GraphTensorArray.size(self, name=None)`` -> an int32 scalar; TF 1.15.5's op under ``--tf1-version 1.15``."""
    @functools.wraps(original)
    def size(self, name=None):
        if settings.current("tf1_version") != "1.15" or context.executing_eagerly():
            return original(self, name=name)
        return gen_data_flow_ops.tensor_array_size_v3(handle=self._handle, flow_in=self.flow, name=name)

    size._tf1_cnn_original = original
    return size


def install():
    """Wrap the graph TensorArray's ``size`` for the process (idempotent)."""
    from tensorflow.python.ops import tensor_array_ops

    cls = tensor_array_ops._GraphTensorArray
    if not hasattr(cls.size, "_tf1_cnn_original"):
        cls.size = size_1_15(cls.size)
