"""TF 1.x-shaped ops: where TensorFlow 2.21 (or tf_keras / tf_slim) builds other operations.

Under TF 1.x's seed rule (``seed_rule.py``) an unseeded random op draws with the
number of operations created before it, so every op a function builds shifts the
numbers of every later unseeded draw. What each TF1 function builds, per version, is
recorded from real TF 1.3.0 / 1.4.1 / 1.15.5 in ``tf1_cnn/compat/graph/op_tables/``
(``tf1_cnn/oracle/gen_op_tables.py``); ``tests/test_op_tables.py`` compares the
runtime with those tables case by case and lists what still differs, with the cause.
Where the library builds TF 1.x's ops the runtime uses it; the code here exists only
where it does not, and follows the TF 1.x source of the version(s) named beside it:

- ``random.py``: ``tf.random_uniform``'s constants and scaling (TF 1.0-1.15);
  ``tf.zeros`` / ``tf.ones`` as one Const (TF 1.3.0, 1.4.1);
- ``dropout.py``: ``tf.nn.dropout`` (TF 1.0-1.12 under 1.3/1.4, 1.13-1.15 under 1.15) and
  the Dropout layers of ``tf.layers`` / contrib / slim;
- ``layers.py``: contrib and core ``flatten``; the convolution of ``tf.layers.conv2d`` /
  slim's conv2d; ``tf.layers.conv2d_transpose``'s output-shape ops; TF 1.3.0's unfused default of ``tf.layers.batch_normalization`` and
  contrib's ``batch_norm``;
- ``losses.py``: TF 1.3.0/1.4.1's ``tf.nn.softmax_cross_entropy_with_logits`` and ``tf.losses``'
  reductions (the safe mean, ``ToFloat`` scopes);
- ``gradients.py``: TF 1.x's broadcasting-gradient ops and reduce_mean's gradient;
- ``gradients_1x.py``: ``tf.gradients``' initial gradients (grad_ys) and the gradient functions
  whose ops TF 1.x built in another order or of other types (binary ops, Sum, Reshape, Square,
  Conv2D, the cross-entropies);
- ``datasets.py``: TF 1.15.5's OptimizeDataset/ModelDataset before an initializable iterator;
- ``parallel_map.py``: TF 1.15.5's ``Dataset.map`` with ``num_parallel_calls`` (ParallelMapDataset, int32);
- ``ftrl.py``: TF 1.x's ``tf.train.FtrlOptimizer`` slots and constants;
- ``clip.py``: ``tf.clip_by_global_norm``'s scale as TF 1.3.0/1.4.1 and 1.15.5 built it;
- ``learning_rate.py``: TF 1.3.0/1.4.1's ``tf.train.exponential_decay``;
- ``control_flow.py``: TF 1.3.0/1.4.1's order inside ``tf.cond`` / ``tf.while_loop`` (the Switch or
  Enter of an outside tensor before the op reading it);
- ``zero_fraction.py``: TF 1.3.0/1.4.1's ``tf.nn.zero_fraction``;
- ``image.py``: ``tf.image.per_image_standardization``, ``resize_image_with_crop_or_pad`` and the
  crop / pad to a bounding box (TF 1.3.0/1.4.1's and 1.15.5's);
- ``batch_norm.py``: ``tf.layers.batch_normalization``'s TF 1.3.0 variable order (beta first) and TF 1.15.5's
  fused training call (no moving statistics: two empty Consts);
- ``adjust.py``: TF 1.3.0/1.4.1's ``tf.image.adjust_brightness`` / ``adjust_contrast`` of a float32 image;
- ``casts.py``: TF 1.x's ``tf.saturate_cast`` (Maximum / Minimum, not ClipByValue);
- ``slim_batch_norm.py``: TF 1.4.1/1.15.5's reshape back of contrib's fused batch_norm on a rank-2 input;
- ``to_float.py``: the ``ToFloat`` casts of TF 1.x's input queues and slim's parallel_read;
- ``metrics.py``: TF 1.3.0/1.4.1's ``tf.metrics`` casts and safe division;
- ``embedding_sparse.py``: TF 1.x's ``tf.nn.embedding_lookup_sparse`` (int32 segment ids, Unique, lookup);
- ``flip.py``: TF 1.3.0/1.4.1's ``tf.image.random_flip_left_right`` / ``random_flip_up_down`` (no scope);
- ``tensor_array.py``: TF 1.x's ``TensorArray.size()`` (one op, also inside ``stack()``);
- ``rnn_state.py``: TF 1.3.0's order of an RNN cell's ``zero_state``;
- ``conv_transpose.py``: TF 1.3.0/1.4.1's name of ``tf.nn.conv2d_transpose``'s output shape;
- ``gather.py``: TF 1.3.0/1.4.1's ``tf.gather`` (the v1 Gather op) and ``tf.nn.embedding_lookup``;
- ``parsing.py``: ``tf.parse_single_example`` (TF 1.3.0/1.4.1: ParseExample on a batch of one; 1.15.5:
  ParseSingleExample);
- ``saver.py``: ``tf.train.Saver``'s ops (TF 1.3.0/1.4.1's Const filename and per-tensor RestoreV2,
  every TF 1.x's sharded-save suffix and device grouping);
- ``array.py``: TF 1.3.0/1.4.1's ``tf.transpose`` without ``perm``; the reduction axes of a
  scalar (TF 1.0-1.15: one Const).

The facade (``facade.py``) serves ``flatten``, ``batch_norm`` / ``batch_normalization``,
``tf.nn.dropout``, ``tf.nn.softmax_cross_entropy_with_logits`` and ``tf.transpose`` from here without
patching anything; ``install()`` below (called by ``tf1_cnn.compat.install()``)
wraps the library functions the rest is reached through, for the whole process.

The course's fully connected layer, counted in the course graph (a graph seed,
reference variables as TF 1.x had):
  28 ops (2 placeholders; W1 and W2 with their initializers, VariableV2, Assign,
  read; conv2d, relu, max_pool twice) + 14 (TF 1.3.0's contrib flatten)
  + 3 (xavier's shape, min and max constants) = 45 when its weights draw.
With 1.4.1-1.15.5's 8-op flatten the same cells draw with op seed 39: those are the
numbers learners with a later TF 1.x got (Z3 [[1.4416984 -0.24909666 ...]]).
"""
from contextlib import contextmanager

from tensorflow.python import tf2
from tensorflow.python.ops import resource_variables_toggle

from .dropout import dropout, dropout_1_0, dropout_v2_1_15, keras_dropout
from .array import transpose
from .losses import softmax_cross_entropy_with_logits
from .layers import contrib_batch_norm, contrib_flatten, layers_batch_normalization, layers_flatten
from ._wrapping import wrap as _wrap

__all__ = ["contrib_batch_norm", "contrib_flatten", "layers_batch_normalization", "layers_flatten", "dropout", "dropout_1_0", "dropout_v2_1_15",
           "install", "softmax_cross_entropy_with_logits", "transpose", "v1_behavior"]


@contextmanager
def v1_behavior():
    """Build a graph as after ``disable_v2_behavior()``, for this block only.

    Two of its switches decide what a TF1 graph draws: reference variables
    (VariableV2, Assign, read: TF 1.x's op counts) and the v1 defaults of the layers
    (tf_keras gives an unseeded layer the v1 ``glorot_uniform_initializer``, which
    draws through get_seed, instead of its stateless TF2 class). ``install()`` sets
    them for the whole process; the project's own graphs use this block, so
    nothing global stays changed.
    """
    previous = resource_variables_toggle._DEFAULT_USE_RESOURCE, tf2.enabled()
    resource_variables_toggle._DEFAULT_USE_RESOURCE = False
    tf2.disable()
    try:
        yield
    finally:
        resource_variables_toggle._DEFAULT_USE_RESOURCE = previous[0]
        if previous[1]:
            tf2.enable()


def install():
    """Wrap, for the process, the library functions whose TF 2.21 ops differ from TF 1.x's.

    Idempotent. Each wrapper reads ``settings.current("tf1_version")`` when called and
    leaves eager execution to TensorFlow. Called by ``tf1_cnn.compat.install()`` before it
    copies the facade's names onto the ``tensorflow`` module.
    """
    import tensorflow as tf
    from tensorflow.python.ops import array_ops, math_ops, random_ops

    from . import array, random as random_1x

    # tf.random_uniform: the module attribute TF's own code calls, and the exported names
    _wrap(random_ops, "random_uniform", random_1x.random_uniform_1x)
    for module, attr in ((tf.compat.v1, "random_uniform"), (tf.compat.v1.random, "uniform"), (tf.random, "uniform")):
        setattr(module, attr, random_ops.random_uniform)
    for name, wrapper in (("zeros", random_1x.zeros_1_4), ("ones", random_1x.ones_1_4)):
        _wrap(array_ops, name, wrapper)
        setattr(tf.compat.v1, name, getattr(array_ops, name))
    # tf.tensordot (tf.layers.Dense on rank > 2 inputs): TF 1.15.5's reshape of the static operand
    from . import one_hot, tensordot

    _wrap(math_ops, "tensordot", tensordot.tensordot_1_15)
    for module in (tf.compat.v1, tf.compat.v1.linalg, tf.compat.v2, tf.compat.v2.linalg, tf, tf.linalg):
        setattr(module, "tensordot", math_ops.tensordot)
    # tf.one_hot with Python on/off values: TF 1.x's extra dtype-probing Consts
    _wrap(array_ops, "one_hot", one_hot.one_hot_1x)
    for module in (tf.compat.v1, tf.compat.v2, tf):
        setattr(module, "one_hot", array_ops.one_hot)
    # tf.split of an int: TF 1.x's Const first (a script's split, tf.compat.v1.nn.rnn_cell's cell steps)
    _wrap(array_ops, "split", array.split_1x_of)
    for module in (tf.compat.v1, tf.compat.v2, tf):
        setattr(module, "split", array_ops.split)
    # reduce_sum(scalar) and the like: one Const for the axes, as every TF 1.x
    _wrap(math_ops, "_ReductionDims", array.reduction_dims_1x)
    # gradients: TF 1.x's broadcasting and reduce_mean gradient ops
    from tensorflow.python.framework import ops
    from tensorflow.python.ops import math_grad

    from . import gradients

    _wrap(math_grad, "_InferGradientReductionAxes", gradients.no_static_reduction_axes)
    from . import gradients_1x

    gradients_1x.install()  # grad_ys and the gradient functions TF 1.x built otherwise
    from .losses import install_losses

    install_losses()  # tf.losses' safe mean and to_float scopes under 1.3/1.4
    from . import learning_rate

    learning_rate.install()  # tf.train.exponential_decay under 1.3/1.4
    from . import ftrl

    ftrl.install()  # tf.train.FtrlOptimizer: TF 1.x's accum Const and constants (no beta)
    from . import clip

    clip.install()  # tf.clip_by_global_norm: 1.3/1.4's scale, 1.15's where(is_finite) (not norm - norm)
    from . import datasets

    datasets.install()  # 1.15's options datasets before an initializable iterator
    from . import parallel_map

    parallel_map.install()  # 1.15: Dataset.map(num_parallel_calls=n) as the v1 ParallelMapDataset op
    from . import control_flow

    control_flow.install()  # 1.3/1.4: a cond's Switch / a loop's Enter before the op reading through it
    from . import zero_fraction

    zero_fraction.install()  # 1.3/1.4: tf.nn.zero_fraction's Equal and Mean
    from . import parsing

    parsing.install()  # tf.parse_single_example: 1.3/1.4's ParseExample of a batch of one, 1.15's own op
    from . import image

    image.install()  # per_image_standardization (1.3/1.4's variance formula, 1.15's Identity), crop / pad
    from . import flip

    flip.install()  # 1.3/1.4: the random flips in the caller's name scope
    from . import adjust

    adjust.install()  # 1.3/1.4: adjust_brightness / adjust_contrast convert a float32 image too (Identity)
    from . import casts

    casts.install()  # tf.saturate_cast (convert_image_dtype's saturate): TF 1.x's Maximum / Minimum
    from . import to_float

    to_float.install()  # 1.4's input producers / batch queues, 1.3/1.4's slim parallel_read: ToFloat casts
    from . import metrics

    metrics.install()  # 1.3/1.4: tf.metrics' ToFloat casts and safe division (Greater, truediv, Select)
    from . import gather

    gather.install()  # 1.3/1.4: tf.gather's v1 Gather op, embedding_lookup without its Identity
    from . import embedding_sparse

    embedding_sparse.install()  # TF 1.x's embedding_lookup_sparse: int32 segment ids, Unique, lookup
    from . import conv_transpose

    conv_transpose.install()  # 1.3/1.4: tf.nn.conv2d_transpose's output_shape Const
    from ... import post_import
    from . import rnn_state

    post_import.when_imported("tf_keras", rnn_state.mend_tf_keras)  # 1.3: an RNN cell's zero_state order
    from . import tensor_array

    tensor_array.install()  # TensorArray.size() reads the array (TensorArraySizeV3), as in TF 1.x
    from . import saver

    saver.install()  # tf.train.Saver: 1.3/1.4's Const filename and per-tensor restores, 1.x's sharded suffix
    entry = ops._gradient_registry._registry["Mean"]
    if not hasattr(entry["type"], "_tf1_cnn_original"):
        entry["type"] = gradients.mean_grad_1x(entry["type"])
    # tf_slim's Dropout layer (TensorFlow's internal Keras) calls nn.dropout
    from tensorflow.python.ops import nn

    if not hasattr(nn.dropout, "_tf1_cnn_original"):
        original, nn.dropout = nn.dropout, dropout
        dropout._tf1_cnn_original = original
    # tf_keras's and tf_slim's layers: mended when each is first imported, not at start-up
    from ... import post_import

    post_import.when_imported("tf_keras", _mend_tf_keras)
    post_import.when_imported("tf_slim", _mend_tf_slim)


def _mend_tf_keras(_module):
    """tf.layers (tf_keras's TF1 layers): dropout's and the convolutions' TF 1.x ops."""
    from tf_keras.src import backend

    from ... import libraries
    from . import layers

    # the Dropout layers (tf.layers, contrib, slim): tf_keras's RandomGenerator.dropout

    _wrap(backend.RandomGenerator, "dropout", keras_dropout)
    # tf.layers.conv1d/2d/3d and slim's conv2d: the TF1 layer classes only (Keras 2's own
    # Conv2D is not tf.layers and keeps its structure)
    legacy = libraries.legacy_layers()
    from tf_keras.src.layers.convolutional.base_conv import Conv

    for cls in (legacy.Conv1D, legacy.Conv2D, legacy.Conv3D):
        if "convolution_op" not in vars(cls):
            cls.convolution_op = layers.legacy_convolution_op(Conv.convolution_op)
    if "call" not in vars(legacy.Conv2DTranspose):
        legacy.Conv2DTranspose.call = layers.legacy_conv2d_transpose_call(legacy.Conv2DTranspose.call)
    # tf.layers' BatchNormalization: TF 1.3.0's beta before gamma, TF 1.15.5's fused training call
    from . import batch_norm

    batch_norm.mend_tf_keras()


def _mend_tf_slim(_module):
    """tf_slim builds TensorFlow's internal Keras (tensorflow.python.keras) TF1 layers: its convolutions."""
    from tensorflow.python.keras.legacy_tf_layers import convolutional as old_conv

    from . import layers

    for cls in (old_conv.Conv1D, old_conv.Conv2D, old_conv.Conv3D):
        if "build" not in vars(cls):
            cls.build = layers.legacy_conv_build(cls.build)
    from . import slim_batch_norm

    slim_batch_norm.mend_tf_slim()  # 1.4/1.15: a rank-2 fused batch norm reshaped back to tf.shape(inputs)
