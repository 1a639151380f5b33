"""``tf.contrib.rnn``'s block cells as TF 1.15 built them: one fused kernel per step (or per sequence).

TF 1.15's ``contrib/rnn/python/ops/lstm_ops.py`` and ``gru_ops.py`` wrapped the ``LSTMBlockCell``,
``BlockLSTM`` and ``GRUBlockCell`` kernels; TF 2.21 still registers those kernels and their gradient
kernels (``tf.raw_ops``), but not the Python cells nor the gradients of the two single-step ops. This
module is the project's own, written from TF 1.15's documented behaviour and its graphs (op tables:
``tf1_cnn/oracle/op_cases_contrib.py``), so that a graph has TF 1.15's ops, names and seeds, and a TF 1.15
checkpoint restores:

* ``LSTMBlockCell`` (scope ``lstm_cell``): ``kernel`` [input + units, 4 * units] (the layers' default
  initializer), ``bias`` [4 * units] (constant 0), with ``use_peephole`` ``w_i_diag``, ``w_f_diag``,
  ``w_o_diag`` [units]; gates in i, c, f, o order (the kernel's);
* ``GRUBlockCell`` (scope ``gru_cell``): ``w_ru`` [input + units, 2 * units], ``b_ru`` (constant 1),
  ``w_c`` [input + units, units], ``b_c`` (constant 0); ``GRUBlockCellV2`` names them ``gates/kernel``,
  ``gates/bias``, ``candidate/kernel``, ``candidate/bias`` (``GRUCell``'s names);
* ``LSTMBlockFusedCell`` (scope ``lstm_fused_cell``): a whole time-major sequence in one ``BlockLSTM``,
  ``kernel`` / ``bias`` as ``LSTMBlockCell``; ``LSTMBlockWrapper`` its base (masking past
  ``sequence_length`` and picking each sequence's final state).

``cell_clip=None`` is -1 for the kernels (no clipping; the raw ops' own default is 3).
"""
from tensorflow.python.framework import ops

_state = {}


def _tf():
    import tensorflow as tf

    return tf.compat.v1


# --- gradients TF 2.21 does not register (it does for BlockLSTM): from the grad kernels' documented outputs


def _lstm_block_cell_grad(op, *grad):
    """Gradient of ``LSTMBlockCell`` (TF 1.15's graph): the kernel ``LSTMBlockCellGrad`` gives d cs_prev, the
    gate gradients ``dicfo`` [batch, 4 * units] and the peepholes'; x / h_prev / kernel / bias by matmuls."""
    tf = _tf()
    x, cs_prev, h_prev, w, wci, wcf, wco, b = op.inputs
    i, cs, f, o, ci, co, _ = op.outputs
    cs_grad, h_grad = grad[1], grad[6]
    input_size = x.get_shape().with_rank(2).dims[1].value
    if input_size is None:
        raise ValueError("LSTMBlockCell's gradient needs the input's static size (inputs of shape [batch, ?])")
    batch = x.get_shape().dims[0].value
    batch = -1 if batch is None else batch
    cs_prev_grad, dicfo, wci_grad, wcf_grad, wco_grad = tf.raw_ops.LSTMBlockCellGrad(
        x=x, cs_prev=cs_prev, h_prev=h_prev, w=w, wci=wci, wcf=wcf, wco=wco, b=b, i=i, cs=cs, f=f, o=o, ci=ci, co=co,
        cs_grad=cs_grad, h_grad=h_grad, use_peephole=op.get_attr("use_peephole"))
    xh_grad = tf.matmul(dicfo, w, transpose_b=True)
    x_grad = tf.slice(xh_grad, (0, 0), (batch, input_size))
    h_prev_grad = tf.slice(xh_grad, (0, input_size), (batch, -1))
    xh = tf.concat([x, h_prev], 1)
    w_grad = tf.matmul(xh, dicfo, transpose_a=True)
    b_grad = tf.raw_ops.BiasAddGrad(out_backprop=dicfo)
    return x_grad, cs_prev_grad, h_prev_grad, w_grad, wci_grad, wcf_grad, wco_grad, b_grad


def _gru_block_cell_grad(op, *grad):
    """Gradient of ``GRUBlockCell``: ``GRUBlockCellGrad`` gives d x, d h_prev and the pre-activation gradients
    of the candidate (d_c_bar) and of the reset/update gates (d_r_bar_u_bar); the weights' by matmuls."""
    tf = _tf()
    x, h_prev, w_ru, w_c, b_ru, b_c = op.inputs
    r, u, c, _ = op.outputs
    d_x, d_h_prev, d_c_bar, d_r_bar_u_bar = tf.raw_ops.GRUBlockCellGrad(
        x=x, h_prev=h_prev, w_ru=w_ru, w_c=w_c, b_ru=b_ru, b_c=b_c, r=r, u=u, c=c, d_h=grad[3])
    x_h_prev = tf.concat([x, h_prev], 1)
    d_w_ru = tf.matmul(x_h_prev, d_r_bar_u_bar, transpose_a=True)
    d_b_ru = tf.raw_ops.BiasAddGrad(out_backprop=d_r_bar_u_bar)
    x_h_prevr = tf.concat([x, h_prev * r], 1)
    d_w_c = tf.matmul(x_h_prevr, d_c_bar, transpose_a=True)
    d_b_c = tf.raw_ops.BiasAddGrad(out_backprop=d_c_bar)
    return d_x, d_h_prev, d_w_ru, d_w_c, d_b_ru, d_b_c


def _register_gradients():
    for op_type, fn in (("LSTMBlockCell", _lstm_block_cell_grad), ("GRUBlockCell", _gru_block_cell_grad)):
        try:
            ops._gradient_registry.lookup(op_type)
        except LookupError:
            ops.RegisterGradient(op_type)(fn)


def _clip(cell_clip):
    return -1.0 if cell_clip is None else cell_clip


def build_classes():
    """The cell classes (made once, on first use of ``tf.contrib.rnn``: they subclass tf_keras's legacy cells)."""
    if _state:
        return _state
    from tf_keras.src.layers.rnn.legacy_cells import LayerRNNCell, LSTMStateTuple
    from tf_keras.src.engine.input_spec import InputSpec
    from tf_keras.src.legacy_tf_layers import base as base_layer

    tf = _tf()
    _register_gradients()

    class LSTMBlockCell(LayerRNNCell):
        """TF 1.15's ``tf.contrib.rnn.LSTMBlockCell``: one ``LSTMBlockCell`` kernel per step.

        inputs [batch, input_size], state ``LSTMStateTuple(c, h)`` of [batch, num_units] each ->
        output h [batch, num_units], new state. Variables: see the module docstring.
        """

        def __init__(self, num_units, forget_bias=1.0, cell_clip=None, use_peephole=False, dtype=None, reuse=None,
                     name="lstm_cell"):
            super().__init__(_reuse=reuse, name=name, dtype=dtype)
            self._num_units = num_units
            self._forget_bias = forget_bias
            self._use_peephole = use_peephole
            self._cell_clip = cell_clip
            self.input_spec = InputSpec(ndim=2)

        @property
        def state_size(self):
            return LSTMStateTuple(self._num_units, self._num_units)

        @property
        def output_size(self):
            return self._num_units

        def build(self, inputs_shape):
            input_size = tf.TensorShape(inputs_shape)[1]
            if input_size is None or getattr(input_size, "value", input_size) is None:
                raise ValueError("Expecting inputs_shape[1] to be set: %s" % str(inputs_shape))
            input_size = int(input_size)
            self._kernel = self.add_weight("kernel", [input_size + self._num_units, self._num_units * 4])
            self._bias = self.add_weight("bias", [self._num_units * 4],
                                         initializer=tf.constant_initializer(0.0))
            if self._use_peephole:
                self._w_i_diag = self.add_weight("w_i_diag", [self._num_units])
                self._w_f_diag = self.add_weight("w_f_diag", [self._num_units])
                self._w_o_diag = self.add_weight("w_o_diag", [self._num_units])
            self.built = True

        def call(self, inputs, state):
            cs_prev, h_prev = state
            if self._use_peephole:
                wci, wcf, wco = self._w_i_diag, self._w_f_diag, self._w_o_diag
            else:  # the kernel takes peephole weights always: zeros, one constant for the three (TF 1.15's)
                wci = wcf = wco = tf.zeros([self._num_units], dtype=self.dtype)
            _, cs, _, _, _, _, h = tf.raw_ops.LSTMBlockCell(
                x=inputs, cs_prev=cs_prev, h_prev=h_prev, w=self._kernel, wci=wci, wcf=wcf, wco=wco, b=self._bias,
                forget_bias=self._forget_bias, cell_clip=_clip(self._cell_clip), use_peephole=self._use_peephole,
                name="LSTMBlockCell")
            return h, LSTMStateTuple(cs, h)

    class GRUBlockCell(LayerRNNCell):
        """TF 1.15's ``tf.contrib.rnn.GRUBlockCell``: one ``GRUBlockCell`` kernel per step.

        inputs [batch, input_size], state h [batch, num_units] -> (h, h). Variables: ``w_ru``, ``b_ru``,
        ``w_c``, ``b_c`` (``GRUBlockCellV2``: GRUCell's names).
        """

        _names = ("w_ru", "b_ru", "w_c", "b_c")

        def __init__(self, num_units=None, cell_size=None, reuse=None, name="gru_cell"):
            super().__init__(_reuse=reuse, name=name)
            if (cell_size is None) == (num_units is None):
                raise ValueError("Exactly one of num_units or cell_size must be provided.")
            self._cell_size = num_units if num_units is not None else cell_size
            self.input_spec = InputSpec(ndim=2)

        @property
        def state_size(self):
            return self._cell_size

        @property
        def output_size(self):
            return self._cell_size

        def build(self, input_shape):
            input_size = tf.TensorShape(input_shape)[1]
            if input_size is None or getattr(input_size, "value", input_size) is None:
                raise ValueError("Expecting input_size to be set.")
            rows = int(input_size) + self._cell_size
            w_ru, b_ru, w_c, b_c = self._names
            self._gate_kernel = self.add_weight(w_ru, [rows, self._cell_size * 2])
            self._gate_bias = self.add_weight(b_ru, [self._cell_size * 2], initializer=tf.constant_initializer(1.0))
            self._candidate_gate_kernel = self.add_weight(w_c, [rows, self._cell_size])
            self._candidate_gate_bias = self.add_weight(b_c, [self._cell_size],
                                                        initializer=tf.constant_initializer(0.0))
            self.built = True

        def call(self, inputs, h_prev):
            _, _, _, new_h = tf.raw_ops.GRUBlockCell(
                x=inputs, h_prev=h_prev, w_ru=self._gate_kernel, w_c=self._candidate_gate_kernel,
                b_ru=self._gate_bias, b_c=self._candidate_gate_bias, name="GRUBlockCell")
            return new_h, new_h

    class GRUBlockCellV2(GRUBlockCell):
        """TF 1.15's ``GRUBlockCellV2``: ``GRUBlockCell`` with ``GRUCell``'s variable names (checkpoints
        interchange)."""

        _names = ("gates/kernel", "gates/bias", "candidate/kernel", "candidate/bias")

    class LSTMBlockWrapper(base_layer.Layer):
        """TF 1.15's ``LSTMBlockWrapper``: a layer running an LSTM over a whole time-major sequence.

        ``__call__(inputs [time, batch, input] (or a list of [batch, input]), initial_state=(c, h) or None,
        dtype=None, sequence_length [batch] or None)`` -> (outputs [time, batch, units], LSTMStateTuple);
        outputs past a sequence's length are zeros, its final state is that at its last step.
        Subclasses give ``num_units`` and ``_call_cell``.
        """

        @property
        def num_units(self):
            raise NotImplementedError("LSTMBlockWrapper subclasses define num_units")

        def _call_cell(self, inputs, initial_cell_state, initial_output, dtype, sequence_length):
            raise NotImplementedError("LSTMBlockWrapper subclasses define _call_cell")

        def call(self, inputs, initial_state=None, dtype=None, sequence_length=None):
            is_list = isinstance(inputs, list)
            if is_list:
                inputs = tf.stack(inputs)
            inputs_shape = inputs.get_shape().with_rank(3)
            if not inputs_shape[2]:
                raise ValueError("Expecting inputs_shape[2] to be set: %s" % inputs_shape)
            batch_size = inputs_shape.dims[1].value
            if batch_size is None:
                batch_size = tf.shape(inputs)[1]
            time_len = inputs_shape.dims[0].value
            if time_len is None:
                time_len = tf.shape(inputs)[0]
            if initial_state is None:
                if dtype is None:
                    raise ValueError("Either initial_state or dtype needs to be specified")
                z = tf.zeros(tf.stack([batch_size, self.num_units]), dtype=dtype)
                initial_state = z, z
            else:
                if len(initial_state) != 2:
                    raise ValueError("Expecting initial_state to be a tuple with length 2 or None")
                if dtype is None:
                    dtype = initial_state[0].dtype
            initial_cell_state, initial_output = initial_state
            cell_states, outputs = self._call_cell(inputs, initial_cell_state, initial_output, dtype,
                                                   sequence_length)
            if sequence_length is not None:
                mask = tf.transpose(tf.sequence_mask(sequence_length, time_len, dtype=dtype), [1, 0])
                mask = tf.tile(tf.expand_dims(mask, [-1]), [1, 1, self.num_units])
                outputs *= mask
                # the initial state first, so that a sequence of length 0 picks it (index 0)
                cell_states = tf.concat([tf.expand_dims(initial_cell_state, [0]), cell_states], 0)
                with_initial = tf.concat([tf.expand_dims(initial_output, [0]), outputs], 0)
                final_cell_state = self._gather_states(cell_states, sequence_length, batch_size)
                final_output = self._gather_states(with_initial, sequence_length, batch_size)
            else:
                final_cell_state = cell_states[-1]
                final_output = outputs[-1]
            if is_list:
                outputs = tf.unstack(outputs)
            return outputs, LSTMStateTuple(final_cell_state, final_output)

        def _gather_states(self, data, indices, batch_size):
            """data[indices[b], b] for each b of the batch."""
            return tf.gather_nd(data, tf.stack([indices, tf.range(batch_size)], axis=1))

    class LSTMBlockFusedCell(LSTMBlockWrapper):
        """TF 1.15's ``tf.contrib.rnn.LSTMBlockFusedCell``: the whole sequence in one ``BlockLSTM`` kernel."""

        def __init__(self, num_units, forget_bias=1.0, cell_clip=None, use_peephole=False, reuse=None, dtype=None,
                     name="lstm_fused_cell"):
            super().__init__(_reuse=reuse, name=name, dtype=dtype)
            self._num_units = num_units
            self._forget_bias = forget_bias
            self._cell_clip = cell_clip
            self._use_peephole = use_peephole
            self.input_spec = InputSpec(ndim=3)

        @property
        def num_units(self):
            return self._num_units

        def build(self, input_shape):
            input_size = tf.TensorShape(input_shape)[2]
            if input_size is None or getattr(input_size, "value", input_size) is None:
                raise ValueError("Expecting input_size to be set.")
            self._kernel = self.add_weight("kernel", [int(input_size) + self._num_units, self._num_units * 4])
            self._bias = self.add_weight("bias", [self._num_units * 4], initializer=tf.constant_initializer(0.0))
            if self._use_peephole:
                self._w_i_diag = self.add_weight("w_i_diag", [self._num_units])
                self._w_f_diag = self.add_weight("w_f_diag", [self._num_units])
                self._w_o_diag = self.add_weight("w_o_diag", [self._num_units])
            self.built = True

        def _call_cell(self, inputs, initial_cell_state=None, initial_output=None, dtype=None,
                       sequence_length=None):
            """inputs [time, batch, input] -> (cell states, outputs), each [time, batch, units]."""
            inputs_shape = inputs.get_shape().with_rank(3)
            time_len = inputs_shape.dims[0].value
            if time_len is None:
                time_len = tf.shape(inputs)[0]
            if self._use_peephole:
                wci, wcf, wco = self._w_i_diag, self._w_f_diag, self._w_o_diag
            else:
                wci = wcf = wco = tf.zeros([self._num_units], dtype=dtype)
            if sequence_length is None:
                max_seq_len = tf.cast(time_len, tf.int64)
            else:
                max_seq_len = tf.cast(tf.reduce_max(sequence_length), tf.int64)
            _, cs, _, _, _, _, h = tf.raw_ops.BlockLSTM(
                seq_len_max=max_seq_len, x=inputs, cs_prev=initial_cell_state, h_prev=initial_output, w=self._kernel,
                wci=wci, wcf=wcf, wco=wco, b=self._bias, forget_bias=self._forget_bias,
                cell_clip=_clip(self._cell_clip), use_peephole=self._use_peephole, name="BlockLSTM")
            return cs, h

    for cls in (LSTMBlockCell, GRUBlockCell, GRUBlockCellV2, LSTMBlockWrapper, LSTMBlockFusedCell):
        cls.__module__ = "tensorflow.contrib.rnn.python.ops." + ("gru_ops" if "GRU" in cls.__name__ else "lstm_ops")
        _state[cls.__name__] = cls
    return _state


def members():
    """{name: class} for ``tf.contrib.rnn``."""
    return dict(build_classes())
