"""An RNN cell's ``zero_state`` as TF 1.3.0 built it.

``RNNCell.zero_state(batch_size, dtype)`` makes, per state tensor, the dynamic shape (ExpandDims of the
batch size, a Const of the state size, ConcatV2), the static shape (the same ExpandDims and Const again,
``ExpandDims_1`` / ``Const_1``, only their values read) and the zeros (``zeros/Const``, Fill). TF 1.3.0
made the static shape before the zeros; from 1.4.1 (and tf_keras's legacy cells, which
``tf.compat.v1.nn.rnn_cell`` are) after them: the same ops in another order, which moves nothing but
the graph's order (observed on TF 1.3.0 / 1.4.1 / 1.15.5: op-table cases ``static_rnn_basic_lstm``,
``rnn_state_*``; every LSTM / GRU script's first state).
"""
import functools

import tensorflow as tf

from ... import settings


def zero_state_tensors_1x(original, concat):
    """tf_keras's ``legacy_cells._zero_state_tensors(state_size, batch_size, dtype)`` -> a structure of zeros
    (batch_size, size) like ``state_size``; TF 1.3.0's order under ``--tf1-version 1.3``. ``concat`` is
    the module's ``_concat(prefix, suffix, static=False)`` (a Tensor shape, or a list when static)."""
    @functools.wraps(original)
    def zero_state_tensors(state_size, batch_size, dtype):
        if settings.current("tf1_version") != "1.3" or tf.executing_eagerly():
            return original(state_size, batch_size, dtype)

        def zeros(size):
            shape = concat(batch_size, size)
            static = concat(batch_size, size, static=True)  # TF 1.3.0: before the zeros
            out = tf.zeros(shape, dtype=dtype)
            out.set_shape(static)
            return out

        return tf.nest.map_structure(zeros, state_size)

    zero_state_tensors._tf1_cnn_original = original
    return zero_state_tensors


def mend_tf_keras(_module):
    """tf_keras's legacy cells (``tf.compat.v1.nn.rnn_cell``): TF 1.3.0's zero_state order."""
    from tf_keras.src.layers.rnn import legacy_cells

    if not hasattr(legacy_cells._zero_state_tensors, "_tf1_cnn_original"):
        legacy_cells._zero_state_tensors = zero_state_tensors_1x(legacy_cells._zero_state_tensors,
                                                                 legacy_cells._concat)
