"""``tf.contrib.rnn``'s contrib-only cells that TF 2.21 does not keep, as TF 1.x built them (variable names,
op order and so the op seeds of their unseeded initializers), checked against TF 1.3.0 / 1.4.1 / 1.15.5
(op-table cases ``rnn_*`` in ``tf1_cnn/oracle/op_cases_research.py``):

- the projection wrappers (TF 1.x's core_rnn_cell): ``EmbeddingWrapper``, ``InputProjectionWrapper``,
  ``OutputProjectionWrapper`` (``legacy_seq2seq`` builds on them);
- ``NASCell`` and ``LayerNormBasicLSTMCell`` (TF 1.x's contrib/rnn/python/ops/rnn_cell.py);
- ``stack_bidirectional_rnn`` / ``stack_bidirectional_dynamic_rnn`` (contrib/rnn/python/ops/rnn.py).

``linear`` is the fully connected step TF 1.x's cells and ``legacy_seq2seq`` share: TF 1.3's ``_linear``
(kernel, MatMul, then bias, BiasAdd: one function per call) or TF 1.4+'s ``_Linear`` (kernel and bias
made together, at construction; a wrapper keeps its instance across steps).
Imported by ``load()`` only (it imports TensorFlow and tf_keras's legacy cells).
"""
import math

import tensorflow as _tf

from ... import settings

tf = _tf.compat.v1
nest = _tf.nest
RNNCell = tf.nn.rnn_cell.RNNCell
LSTMStateTuple = tf.nn.rnn_cell.LSTMStateTuple
# TF 1.x's LayerRNNCell (variables made in build(), ops named under the cell's own scope): tf_keras's legacy
# cells keep it as BasicLSTMCell's base, unexported
LayerRNNCell = next(c for c in tf.nn.rnn_cell.BasicLSTMCell.__mro__ if c.__name__ == "LayerRNNCell")


def _old_linear():
    """TF 1.3.0 built ``_linear``'s ops in call order; TF 1.4.1 and 1.15.5 its ``_Linear`` class."""
    return settings.current("tf1_version") == "1.3"


def split(value, num_or_size_splits, axis):
    """TF 1.x's tf.split (op_structure.array.split_1x: its Const first)."""
    from ...graph.op_structure.array import split_1x

    return split_1x(value, num_or_size_splits, axis=axis)


def _total_size(args):
    total = 0
    for a in args:
        shape = a.get_shape()
        if shape.ndims != 2:
            raise ValueError(f"linear is expecting 2D arguments: {[x.get_shape() for x in args]}")
        if shape[1] is None:
            raise ValueError(f"linear expects shape[1] to be provided for shape {shape}, but saw None")
        total += int(shape[1])
    return total


class Linear(object):
    """TF 1.4+'s ``_Linear``: ``kernel`` [sum of args' widths, output_size] then ``bias`` [output_size]
    (zeros unless ``bias_initializer``) in the current variable scope; calling it adds MatMul (of the
    concatenated args) and BiasAdd. args: a 2-D tensor (batch, n) or a list of them."""

    def __init__(self, args, output_size, build_bias, bias_initializer=None, kernel_initializer=None):
        args = list(args) if isinstance(args, (list, tuple)) else [args]
        if not args:
            raise ValueError("`args` must be specified")
        self._build_bias = build_bias
        dtype = args[0].dtype
        scope = tf.get_variable_scope()
        with tf.variable_scope(scope) as outer_scope:
            self._weights = tf.get_variable("kernel", [_total_size(args), output_size], dtype=dtype,
                                            initializer=kernel_initializer)
            if build_bias:
                with tf.variable_scope(outer_scope) as inner_scope:
                    inner_scope.set_partitioner(None)
                    if bias_initializer is None:
                        bias_initializer = tf.constant_initializer(0.0, dtype=dtype)
                    self._biases = tf.get_variable("bias", [output_size], dtype=dtype, initializer=bias_initializer)

    def __call__(self, args):
        args = list(args) if isinstance(args, (list, tuple)) else [args]
        # the concat axis as a Const of its own, outside concat's scope (TF 1.15.5 names it "Const")
        res = tf.matmul(args[0] if len(args) == 1 else tf.concat(args, tf.constant(1, dtype=tf.int32)),
                        self._weights)
        return tf.nn.bias_add(res, self._biases) if self._build_bias else res


def linear(args, output_size, bias, bias_initializer=None, kernel_initializer=None):
    """One fully connected step in the current variable scope, built as the selected TF 1.x version did:
    TF 1.3's ``_linear`` (kernel, MatMul, bias, BiasAdd) or TF 1.4+'s ``_Linear(...)(args)``."""
    if not _old_linear():
        return Linear(args, output_size, bias, bias_initializer, kernel_initializer)(args)
    args = list(args) if isinstance(args, (list, tuple)) else [args]
    if not args:
        raise ValueError("`args` must be specified")
    dtype = args[0].dtype
    scope = tf.get_variable_scope()
    with tf.variable_scope(scope) as outer_scope:
        weights = tf.get_variable("kernel", [_total_size(args), output_size], dtype=dtype,
                                  initializer=kernel_initializer)
        res = tf.matmul(args[0] if len(args) == 1 else tf.concat(args, 1), weights)
        if not bias:
            return res
        with tf.variable_scope(outer_scope) as inner_scope:
            inner_scope.set_partitioner(None)
            if bias_initializer is None:
                bias_initializer = tf.constant_initializer(0.0, dtype=dtype)
            biases = tf.get_variable("bias", [output_size], dtype=dtype, initializer=bias_initializer)
        return tf.nn.bias_add(res, biases)


class _Wrapper(RNNCell):
    """A cell around ``cell``: its state, and a zero state under '<Class>ZeroState' (TF 1.x's)."""

    def __init__(self, cell, reuse=None):
        super().__init__(_reuse=reuse)
        if not isinstance(cell, RNNCell):
            raise TypeError(f"The parameter cell is not RNNCell: {cell!r}")
        self._cell = cell

    @property
    def state_size(self):
        return self._cell.state_size

    def zero_state(self, batch_size, dtype):
        with tf.name_scope(type(self).__name__ + "ZeroState", values=[batch_size]):
            return self._cell.zero_state(batch_size, dtype)


class EmbeddingWrapper(_Wrapper):
    """Ids (batch,) or (batch, 1) -> their rows of an ``embedding`` [embedding_classes, embedding_size]
    (on /cpu:0, initialized U(-sqrt(3), sqrt(3)) unless given or the scope has an initializer), fed to
    ``cell``. Output: the cell's (batch, cell.output_size)."""

    def __init__(self, cell, embedding_classes, embedding_size, initializer=None, reuse=None):
        super().__init__(cell, reuse)
        if embedding_classes <= 0 or embedding_size <= 0:
            raise ValueError(f"Both embedding_classes and embedding_size must be > 0: "
                             f"{embedding_classes}, {embedding_size}.")
        self._embedding_classes = embedding_classes
        self._embedding_size = embedding_size
        self._initializer = initializer

    @property
    def output_size(self):
        return self._cell.output_size

    def call(self, inputs, state):
        with tf.device("/cpu:0"):
            initializer = self._initializer or tf.get_variable_scope().initializer or \
                tf.random_uniform_initializer(-math.sqrt(3), math.sqrt(3))
            data_type = state[0].dtype if isinstance(state, tuple) else state.dtype
            embedding = tf.get_variable("embedding", [self._embedding_classes, self._embedding_size],
                                        initializer=initializer, dtype=data_type)
            embedded = tf.nn.embedding_lookup(embedding, tf.reshape(inputs, [-1]))
        return self._cell(embedded, state)


class InputProjectionWrapper(_Wrapper):
    """Inputs (batch, n) projected to (batch, num_proj) (kernel and bias, then ``activation``) before ``cell``."""

    def __init__(self, cell, num_proj, activation=None, input_size=None, reuse=None):
        super().__init__(cell, reuse)
        self._num_proj = num_proj
        self._activation = activation
        self._linear = None

    @property
    def output_size(self):
        return self._cell.output_size

    def call(self, inputs, state):
        if _old_linear():
            projected = linear(inputs, self._num_proj, True)
        else:
            if self._linear is None:
                self._linear = Linear(inputs, self._num_proj, True)
            projected = self._linear(inputs)
        if self._activation:
            projected = self._activation(projected)
        return self._cell(projected, state)


class OutputProjectionWrapper(_Wrapper):
    """``cell``'s output projected to (batch, output_size) (kernel and bias, then ``activation``)."""

    def __init__(self, cell, output_size, activation=None, reuse=None):
        super().__init__(cell, reuse)
        if output_size < 1:
            raise ValueError(f"Parameter output_size must be > 0: {output_size}.")
        self._output_size = output_size
        self._activation = activation
        self._linear = None

    @property
    def output_size(self):
        return self._output_size

    def call(self, inputs, state):
        output, res_state = self._cell(inputs, state)
        if _old_linear():
            projected = linear(output, self._output_size, True)
        else:
            if self._linear is None:
                self._linear = Linear(output, self._output_size, True)
            projected = self._linear(output)
        if self._activation:
            projected = self._activation(projected)
        return projected, res_state


class NASCell(LayerRNNCell):
    """The cell Neural Architecture Search found (Zoph & Le, ICLR 2017), as TF 1.x's contrib built it.

    state LSTMStateTuple(c (batch, num_units), m (batch, num_proj or num_units)); output m. Variables
    ``recurrent_kernel`` [num_proj or num_units, 8 * num_units], ``kernel`` [input_size, 8 * num_units],
    ``bias`` [8 * num_units] (use_bias, TF 1.15) and ``projection_weights`` [num_units, num_proj] (num_proj).
    TF 1.3.0 / 1.4.1 made them in call() (the projection after the tree) under the caller's name scope;
    TF 1.15.5's is a LayerRNNCell that makes all of them in build(), its ops under its own scope.
    """

    _NAS_BASE = 8

    def __init__(self, num_units, num_proj=None, use_bias=False, reuse=None, **kwargs):
        super().__init__(_reuse=reuse, **kwargs)
        self._num_units = num_units
        self._num_proj = num_proj
        self._use_bias = use_bias
        self._built_in_call = _old_linear() or settings.current("tf1_version") == "1.4"
        if num_proj is not None:
            self._state_size = LSTMStateTuple(num_units, num_proj)
            self._output_size = num_proj
        else:
            self._state_size = LSTMStateTuple(num_units, num_units)
            self._output_size = num_units

    @property
    def state_size(self):
        return self._state_size

    @property
    def output_size(self):
        return self._output_size

    def __call__(self, inputs, state, scope=None, *args, **kwargs):
        if self._built_in_call:  # TF 1.3/1.4: an RNNCell
            return RNNCell.__call__(self, inputs, state, scope, *args, **kwargs)
        return super().__call__(inputs, state, scope, *args, **kwargs)

    def _variables(self, input_size, dtype, make):
        num_proj = self._num_units if self._num_proj is None else self._num_proj
        width = self._NAS_BASE * self._num_units
        self._w_m = make("recurrent_kernel", [num_proj, width], dtype)
        self._w_inputs = make("kernel", [input_size, width], dtype)
        self._bias = make("bias", [width], dtype, tf.zeros_initializer()) if self._use_bias else None

    def build(self, inputs_shape):
        if not self._built_in_call:
            input_size = _tf.compat.dimension_value(_tf.TensorShape(inputs_shape).with_rank(2)[1])
            if input_size is None:
                raise ValueError("Expected inputs.shape[-1] to be known, saw shape: %s" % inputs_shape)

            def make(name, shape, dtype, initializer=None):
                return self.add_weight(name, shape=shape, dtype=dtype, initializer=initializer)

            self._variables(input_size, self.dtype, make)
            if self._num_proj is not None:
                self._w_proj = make("projection_weights", [self._num_units, self._num_proj], self.dtype)
        self.built = True

    def call(self, inputs, state):
        sigmoid, tanh, relu = tf.sigmoid, tf.tanh, tf.nn.relu
        c_prev, m_prev = state
        dtype = inputs.dtype
        if self._built_in_call:
            input_size = _tf.compat.dimension_value(inputs.get_shape().with_rank(2)[1])
            if input_size is None:
                raise ValueError("Could not infer input size from inputs.get_shape()[-1]")
            self._variables(input_size, dtype, lambda name, shape, dtype, initializer=None: tf.get_variable(
                name, shape, dtype, initializer=initializer))
        m_matrix = tf.matmul(m_prev, self._w_m)
        inputs_matrix = tf.matmul(inputs, self._w_inputs)
        if self._bias is not None:
            m_matrix = tf.nn.bias_add(m_matrix, self._bias)
        m = split(m_matrix, self._NAS_BASE, 1)
        x = split(inputs_matrix, self._NAS_BASE, 1)
        # the searched tree: eight input / state pairs, combined in three layers
        layer1 = [sigmoid(x[0] + m[0]), relu(x[1] + m[1]), sigmoid(x[2] + m[2]), relu(x[3] * m[3]),
                  tanh(x[4] + m[4]), sigmoid(x[5] + m[5]), tanh(x[6] + m[6]), sigmoid(x[7] + m[7])]
        l2_0 = tanh(layer1[0] * layer1[1])
        l2_1 = tanh(layer1[2] + layer1[3])
        l2_2 = tanh(layer1[4] * layer1[5])
        l2_3 = sigmoid(layer1[6] + layer1[7])
        l2_0 = tanh(l2_0 + c_prev)  # the memory enters here
        new_c = l2_0 * l2_1
        l3_1 = tanh(l2_2 + l2_3)
        new_m = tanh(new_c * l3_1)
        if self._num_proj is not None:
            if self._built_in_call:
                self._w_proj = tf.get_variable("projection_weights", [self._num_units, self._num_proj], dtype)
            new_m = tf.matmul(new_m, self._w_proj)
        return new_m, LSTMStateTuple(new_c, new_m)


class LayerNormBasicLSTMCell(RNNCell):
    """A basic LSTM with layer normalization of its gates and state (Ba et al. 2016) and recurrent dropout
    of its candidate (Semeniuta et al. 2016), as TF 1.x's contrib built it.

    state LSTMStateTuple(c, h), each (batch, num_units); output h. Variables ``kernel``
    [input_size + num_units, 4 * num_units] (``bias`` without layer_norm), then gamma / beta [num_units]
    under ``input``, ``transform``, ``forget``, ``output`` and ``state`` (contrib.layers.layer_norm's,
    reused). Gates in the order i, j, f, o.
    """

    def __init__(self, num_units, forget_bias=1.0, input_size=None, activation=None, layer_norm=True,
                 norm_gain=1.0, norm_shift=0.0, dropout_keep_prob=1.0, dropout_prob_seed=None, reuse=None):
        super().__init__(_reuse=reuse)
        self._num_units = num_units
        self._activation = activation or tf.tanh
        self._forget_bias = forget_bias
        self._keep_prob = dropout_keep_prob
        self._seed = dropout_prob_seed
        self._layer_norm = layer_norm
        self._norm_gain = norm_gain
        self._norm_shift = norm_shift

    @property
    def state_size(self):
        return LSTMStateTuple(self._num_units, self._num_units)

    @property
    def output_size(self):
        return self._num_units

    def _norm(self, inp, scope, dtype=tf.float32):
        from ... import libraries

        shape = inp.get_shape()[-1:]
        with tf.variable_scope(scope):
            # gamma then beta, here; layer_norm (reuse=True) finds them
            tf.get_variable("gamma", shape=shape, initializer=tf.constant_initializer(self._norm_gain), dtype=dtype)
            tf.get_variable("beta", shape=shape, initializer=tf.constant_initializer(self._norm_shift), dtype=dtype)
        return libraries.slim().layer_norm(inp, reuse=True, scope=scope)

    def _linear(self, args):
        out_size = 4 * self._num_units
        proj_size = args.get_shape()[-1]
        weights = tf.get_variable("kernel", [proj_size, out_size], dtype=args.dtype)
        out = tf.matmul(args, weights)
        if not self._layer_norm:
            bias = tf.get_variable("bias", [out_size], dtype=args.dtype)
            out = tf.nn.bias_add(out, bias)
        return out

    def call(self, inputs, state):
        from ...graph import op_structure

        c, h = state
        args = tf.concat([inputs, h], 1)
        concat = self._linear(args)
        dtype = args.dtype
        i, j, f, o = split(concat, 4, 1)
        if self._layer_norm:
            i = self._norm(i, "input", dtype=dtype)
            j = self._norm(j, "transform", dtype=dtype)
            f = self._norm(f, "forget", dtype=dtype)
            o = self._norm(o, "output", dtype=dtype)
        g = self._activation(j)
        if not isinstance(self._keep_prob, float) or self._keep_prob < 1:
            g = op_structure.dropout(g, self._keep_prob, seed=self._seed)  # TF 1.x's keep_prob dropout ops
        new_c = c * tf.sigmoid(f + self._forget_bias) + tf.sigmoid(i) * g
        if self._layer_norm:
            new_c = self._norm(new_c, "state", dtype=dtype)
        new_h = self._activation(new_c) * tf.sigmoid(o)
        return new_h, LSTMStateTuple(new_c, new_h)


def _check_stack(cells_fw, cells_bw, initial_states_fw, initial_states_bw):
    if not cells_fw:
        raise ValueError("Must specify at least one fw cell for BidirectionalRNN.")
    if not cells_bw:
        raise ValueError("Must specify at least one bw cell for BidirectionalRNN.")
    if not isinstance(cells_fw, list):
        raise ValueError("cells_fw must be a list of RNNCells (one per layer).")
    if not isinstance(cells_bw, list):
        raise ValueError("cells_bw must be a list of RNNCells (one per layer).")
    if len(cells_fw) != len(cells_bw):
        raise ValueError("Forward and Backward cells must have the same depth.")
    for side, states, cells in (("fw", initial_states_fw, cells_fw), ("bw", initial_states_bw, cells_bw)):
        if states is not None and (not isinstance(states, list) or len(states) != len(cells)):
            raise ValueError(f"initial_states_{side} must be a list of state tensors (one per layer).")


def stack_bidirectional_rnn(cells_fw, cells_bw, inputs, initial_states_fw=None, initial_states_bw=None, dtype=None,
                            sequence_length=None, scope=None):
    """Layers of static_bidirectional_rnn (scope stack_bidirectional_rnn/cell_<i>), each layer's concatenated
    outputs the next one's inputs. inputs: a list of (batch, input_size). Returns (outputs: list of
    (batch, fw + bw output sizes), tuple of the fw final states, tuple of the bw ones)."""
    _check_stack(cells_fw, cells_bw, initial_states_fw, initial_states_bw)
    states_fw, states_bw = [], []
    prev_layer = inputs
    with tf.variable_scope(scope or "stack_bidirectional_rnn"):
        for i, (cell_fw, cell_bw) in enumerate(zip(cells_fw, cells_bw)):
            initial_state_fw = initial_states_fw[i] if initial_states_fw else None
            initial_state_bw = initial_states_bw[i] if initial_states_bw else None
            with tf.variable_scope("cell_%d" % i) as cell_scope:
                prev_layer, state_fw, state_bw = tf.nn.static_bidirectional_rnn(
                    cell_fw, cell_bw, prev_layer, initial_state_fw=initial_state_fw,
                    initial_state_bw=initial_state_bw, sequence_length=sequence_length, dtype=dtype, scope=cell_scope)
            states_fw.append(state_fw)
            states_bw.append(state_bw)
    return prev_layer, tuple(states_fw), tuple(states_bw)


def stack_bidirectional_dynamic_rnn(cells_fw, cells_bw, inputs, initial_states_fw=None, initial_states_bw=None,
                                    dtype=None, sequence_length=None, parallel_iterations=None, time_major=False,
                                    scope=None, swap_memory=False):
    """Layers of bidirectional_dynamic_rnn (scope stack_bidirectional_rnn/cell_<i>), each layer's outputs
    concatenated on axis 2 as the next one's inputs. inputs (batch, time, depth) (time-major when
    ``time_major``). Returns (outputs (batch, time, fw + bw sizes), fw final states, bw final states)."""
    _check_stack(cells_fw, cells_bw, initial_states_fw, initial_states_bw)
    states_fw, states_bw = [], []
    prev_layer = inputs
    with tf.variable_scope(scope or "stack_bidirectional_rnn"):
        for i, (cell_fw, cell_bw) in enumerate(zip(cells_fw, cells_bw)):
            initial_state_fw = initial_states_fw[i] if initial_states_fw else None
            initial_state_bw = initial_states_bw[i] if initial_states_bw else None
            with tf.variable_scope("cell_%d" % i):
                outputs, (state_fw, state_bw) = tf.nn.bidirectional_dynamic_rnn(
                    cell_fw, cell_bw, prev_layer, initial_state_fw=initial_state_fw,
                    initial_state_bw=initial_state_bw, sequence_length=sequence_length,
                    parallel_iterations=parallel_iterations, dtype=dtype, swap_memory=swap_memory,
                    time_major=time_major)
                prev_layer = tf.concat(outputs, 2)
            states_fw.append(state_fw)
            states_bw.append(state_bw)
    return prev_layer, tuple(states_fw), tuple(states_bw)


def members():
    """The names this module adds to ``tf.contrib.rnn``."""
    return {"EmbeddingWrapper": EmbeddingWrapper, "InputProjectionWrapper": InputProjectionWrapper,
            "OutputProjectionWrapper": OutputProjectionWrapper, "NASCell": NASCell,
            "LayerNormBasicLSTMCell": LayerNormBasicLSTMCell, "stack_bidirectional_rnn": stack_bidirectional_rnn,
            "stack_bidirectional_dynamic_rnn": stack_bidirectional_dynamic_rnn}
