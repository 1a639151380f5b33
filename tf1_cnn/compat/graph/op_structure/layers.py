"""TF 1.x-shaped layers: contrib / core flatten, and the convolution ops of ``tf.layers`` / slim conv2d.

- ``contrib_flatten``: TF 1.3.0's ``contrib.layers.flatten`` built its reshape target from
  the dynamic shape (14 ops); from 1.4.1 it is the core Flatten layer's 8 ops.
- ``layers_flatten``: the core Flatten layer (tf.layers from 1.4), 8 ops.
- ``legacy_convolution_op``: the convolution inside ``tf.layers.conv2d`` (and slim's
  conv2d, which builds the same layer). TF 1.3.0's Conv layer called
  ``nn.convolution`` (name scope ``convolution``: the filter's shape and the dilation
  rate as constants, the Conv2D op named ``convolution``), 18 ops for a conv2d with bias;
  TF 1.4.1-1.15.5's built ``nn_ops.Convolution`` (one ``dilation_rate`` constant), 17 ops;
  TensorFlow 2.21 calls the conv op directly, 16 ops.
"""
import functools

import tensorflow as tf
from tensorflow.python.eager import context

from ... import settings

_v1 = tf.compat.v1


def _flatten_dynamic_batch(inputs):
    """reshape(x, (shape(x)[0], -1)): the core Flatten layer's call (tf.layers from 1.4; contrib's from 1.5), 8 ops."""
    return tf.reshape(inputs, (tf.shape(inputs)[0], -1))


def _check_rank(inputs):
    rank = inputs.shape.rank
    if rank is None or rank < 2:
        raise ValueError(f"Inputs must have a least 2 dimensions, got shape {inputs.shape}")
    return rank


def _static_flat_shape(inputs):
    """(batch, d1*d2*...) as far as the static shape knows it (None where it does not)."""
    return [inputs.shape[0], inputs.shape[1:].num_elements()]


def contrib_flatten(inputs, outputs_collections=None, scope=None):
    """``tf.contrib.layers.flatten``: (batch, d1, d2, ...) -> (batch, d1*d2*...), TF 1.x's ops.

    1.3 (TF 1.3.0): the reshape target is built from the dynamic shape, 14 ops.
    1.4, 1.15 (TF 1.4.1, 1.15.5): delegates to the core Flatten layer, 8 ops.
    """
    with _v1.name_scope(scope, "Flatten", [inputs]):
        inputs = tf.convert_to_tensor(inputs)
        rank = _check_rank(inputs)
        if settings.current("tf1_version") == "1.3":  # TF 1.3.0
            inputs_shape = tf.shape(inputs)
            batch_dim = tf.slice(inputs_shape, [0], [1])
            spatial_dims = tf.slice(inputs_shape, [1], [rank - 1])
            flat_spatial_dim = _v1.reduce_prod(spatial_dims)
            flat_spatial_dim = tf.expand_dims(flat_spatial_dim, 0)
            flat_shape = tf.concat([batch_dim, flat_spatial_dim], 0)
            outputs = tf.reshape(inputs, flat_shape)
        else:
            with _v1.name_scope("flatten"):
                outputs = _flatten_dynamic_batch(inputs)
        outputs.set_shape(_static_flat_shape(inputs))
        if outputs_collections:
            _v1.add_to_collections(outputs_collections, outputs)
        return outputs


def layers_flatten(inputs, name=None, data_format="channels_last"):
    """``tf.layers.flatten``: the core Flatten layer's 8 ops (channels_first transposes first, 1.4+)."""
    with _v1.name_scope(name, "flatten", [inputs]):
        inputs = tf.convert_to_tensor(inputs)
        rank = _check_rank(inputs)
        if data_format == "channels_first" and rank > 2:
            inputs = tf.transpose(inputs, [0, *range(2, rank), 1])
        outputs = _flatten_dynamic_batch(inputs)
        outputs.set_shape(_static_flat_shape(inputs))
        return outputs


def _tf1_convolution(conv, inputs, kernel, dilations):
    """``conv(inputs, kernel, name)`` (name None: the library's own) with TF 1.x's constants before it."""
    if settings.current("tf1_version") != "1.3":  # TF 1.4.1-1.15.5: nn_ops.Convolution's constant
        tf.constant(dilations, tf.int32, name="dilation_rate")
        return conv(inputs, kernel, None)
    with _v1.name_scope(None, "convolution", [inputs, kernel]) as scope:  # TF 1.3.0's nn.convolution
        tf.constant(kernel.shape.as_list(), tf.int32, name="Shape")
        tf.constant(dilations, tf.int32, name="dilation_rate")
        return conv(inputs, kernel, scope)  # the conv op takes the scope's name: "convolution"


def legacy_convolution_op(original):
    """tf_keras's ``Conv.convolution_op`` for its TF1 layer classes (``tf.layers.conv2d``)."""
    @functools.wraps(original)
    def convolution_op(self, inputs, kernel):
        if context.executing_eagerly() or not isinstance(self.padding, str) or self.padding == "causal":
            return original(self, inputs, kernel)

        def conv(x, k, name):
            if name is None:
                return original(self, x, k)
            return tf.nn.convolution(x, k, strides=list(self.strides), padding=self.padding.upper(),
                                     dilations=list(self.dilation_rate), data_format=self._tf_data_format,
                                     name=name)

        return _tf1_convolution(conv, inputs, kernel, list(self.dilation_rate))

    convolution_op._tf1_cnn_original = original
    return convolution_op


def legacy_conv_build(original):
    """``build`` of TensorFlow's internal Keras TF1 conv layers (what tf_slim's conv2d builds):
    the ``_convolution_op`` it makes gets TF 1.x's constants before it."""
    @functools.wraps(original)
    def build(self, input_shape):
        original(self, input_shape)
        op = getattr(self, "_convolution_op", None)
        if op is None or context.executing_eagerly() or getattr(self, "padding", None) == "causal":
            return
        dilations = list(self.dilation_rate)

        def conv(x, k, name):
            return op(x, k) if name is None else op(x, k, name=name)

        self._convolution_op = lambda x, k: _tf1_convolution(conv, x, k, dilations)

    build._tf1_cnn_original = original
    return build


def _unfused_1_3(original, scoped_key=None):
    """``original`` with TF 1.3.0's default ``fused=False`` (1.4.1 on: None, fused where possible).

    Unfused, TF 2.21's layer builds TF 1.3.0's moments and batchnorm ops (40 ops for
    ``tf.layers.batch_normalization(x, training=True)``, 35 for contrib's batch_norm).
    ``scoped_key``: tf_slim's arg_scope key, so ``fused`` set by an arg_scope is kept.
    """
    @functools.wraps(original)
    def wrapper(*args, **kwargs):
        if settings.current("tf1_version") == "1.3" and "fused" not in kwargs:
            scoped = {}
            if scoped_key is not None:
                from tf_slim.ops import arg_scope

                scoped = arg_scope.current_arg_scope().get(scoped_key, {})
            if "fused" not in scoped:
                kwargs["fused"] = False
        return original(*args, **kwargs)

    wrapper._tf1_cnn_original = original
    if scoped_key is not None:
        wrapper._key_op = scoped_key  # arg_scope([slim.batch_norm], ...) reaches the original
    return wrapper


def layers_batch_normalization(original):
    """``tf.layers.batch_normalization`` (TF 1.3.0: unfused by default)."""
    return _unfused_1_3(original)


def contrib_batch_norm(original):
    """``tf.contrib.layers.batch_norm`` / ``slim.batch_norm`` (TF 1.3.0: unfused by default)."""
    from tf_slim.ops import arg_scope

    return _unfused_1_3(original, arg_scope.arg_scope_func_key(original))


def _deconv_length_1x(length, filter_size, padding, stride, dilation):
    """TF 1.x's ``deconv_output_length`` on the dynamic length (a tensor): Mul, then Add for 'valid'."""
    filter_size = filter_size + (filter_size - 1) * (dilation - 1)
    length = length * stride
    if padding == "valid":
        length = length + max(filter_size - stride, 0)
    elif padding == "full":
        length = length - (stride + filter_size - 2)
    return length


def legacy_conv2d_transpose_call(original):
    """``tf.layers.conv2d_transpose``'s call with TF 1.x's output-shape ops.

    TF 1.3.0-1.15.5 computed the output height and width from the dynamic input shape
    (strided slices, Mul, Add); tf_keras uses the static ones when known (39 ops on TF
    1.3.0/1.4.1, 43 on 1.15.5, 29 in TF 2.21). 1.15.5's Keras backend indexed the stacked
    output shape once more (``output_shape[0] is None``): one StridedSlice.
    Only for 'same'/'valid' padding and no output_padding; otherwise tf_keras's.
    """
    @functools.wraps(original)
    def call(self, inputs):
        if (context.executing_eagerly() or self.output_padding is not None
                or self.padding not in ("same", "valid")):
            return original(self, inputs)
        from tf_keras.src.utils import conv_utils

        inputs_shape = tf.shape(inputs)
        batch_size = inputs_shape[0]
        h_axis, w_axis = (2, 3) if self.data_format == "channels_first" else (1, 2)
        height, width = inputs_shape[h_axis], inputs_shape[w_axis]
        (kernel_h, kernel_w), (stride_h, stride_w) = self.kernel_size, self.strides
        out_height = _deconv_length_1x(height, kernel_h, self.padding, stride_h, self.dilation_rate[0])
        out_width = _deconv_length_1x(width, kernel_w, self.padding, stride_w, self.dilation_rate[1])
        if self.data_format == "channels_first":
            output_shape = tf.stack((batch_size, self.filters, out_height, out_width))
        else:
            output_shape = tf.stack((batch_size, out_height, out_width, self.filters))
        channels_last = self.data_format != "channels_first"
        if settings.current("tf1_version") == "1.15":
            output_shape[0]  # noqa: B018 -- TF 1.15.5's backend.conv2d_transpose tests it (an op)
        outputs = tf.nn.conv2d_transpose(
            inputs, self.kernel, output_shape,
            strides=(1, stride_h, stride_w, 1) if channels_last else (1, 1, stride_h, stride_w),
            padding=self.padding.upper(), data_format="NHWC" if channels_last else "NCHW")
        outputs.set_shape(self.compute_output_shape(inputs.shape))
        if self.use_bias:
            outputs = tf.nn.bias_add(outputs, self.bias,
                                     data_format=conv_utils.convert_data_format(self.data_format, ndim=4))
        return self.activation(outputs) if self.activation is not None else outputs

    call._tf1_cnn_original = original
    return call
