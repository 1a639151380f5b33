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


def _old_linear():
    """TF 1.3.0 built ``_linear``'s ops in call order; TF 1.4.1 and 1.15.5 its ``_Linear`` class."""
    return settings.current("tf1_version") == "1.3"


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
        res = tf.matmul(args[0] if len(args) == 1 else tf.concat(args, 1), self._weights)
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


def members():
    """The names this module adds to ``tf.contrib.rnn``."""
    return {"EmbeddingWrapper": EmbeddingWrapper, "InputProjectionWrapper": InputProjectionWrapper,
            "OutputProjectionWrapper": OutputProjectionWrapper}
