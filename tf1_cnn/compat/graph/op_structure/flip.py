"""``tf.image.random_flip_left_right`` / ``random_flip_up_down`` as TF 1.3.0 / 1.4.1 built them.

TF 1.3.0 / 1.4.1 (oracle, op-table cases ``image_random_flip*``) made the ops in the caller's name scope:
the image behind a ``control_dependency`` Identity (its 3-D check, static here), a scalar
``random_uniform`` in [0, 1), ``Less`` than 0.5, and a ``tf.cond`` named ``cond`` between ``ReverseV2`` of
the image along the width (left/right) or height (up/down) axis and the image itself. TF 1.15.5 and 2.21
make the same ops under a ``random_flip_left_right/`` (``random_flip_up_down/``) scope, the cond named by
it. Under 1.15, for a batch of images (TF 1.15's 4-D flips) or an image whose shape is not fully defined
(TF 1.3.0's run-time shape assertions are not mirrored), TensorFlow's own is used.
"""
import functools

import tensorflow as tf
from tensorflow.python.ops import array_ops, math_ops, random_ops

from ... import settings

_v1 = tf.compat.v1


def _flip_1_3(image, axis, seed):
    """TF 1.3.0/1.4.1's ops for a fully defined 3-D image (height, width, channels) -> the same shape."""
    with _v1.name_scope(None, "control_dependency", [image]) as scope:
        image = tf.identity(image, name=scope)  # with_dependencies of the (static, empty) 3-D check
    uniform = random_ops.random_uniform([], 0, 1.0, seed=seed)
    flipped = _v1.cond(math_ops.less(uniform, 0.5), lambda: array_ops.reverse(image, [axis]), lambda: image)
    flipped.set_shape(image.shape)
    return flipped


def random_flip_1_3(original, axis):
    """Wrap ``original(image, seed=None)`` (a random flip along ``axis``) with TF 1.3.0/1.4.1's ops."""
    @functools.wraps(original)
    def random_flip(image, seed=None):
        if settings.current("tf1_version") not in ("1.3", "1.4") or tf.executing_eagerly():
            return original(image, seed=seed)
        image = tf.convert_to_tensor(image, name="image")
        if image.shape.rank != 3 or not image.shape.is_fully_defined():
            return original(image, seed=seed)
        return _flip_1_3(image, axis, seed)

    random_flip._tf1_cnn_original = original
    return random_flip


def install():
    """Wrap ``image_ops_impl``'s random flips and their exports for the process (idempotent)."""
    from tensorflow.python.ops import image_ops, image_ops_impl

    from ._wrapping import wrap_exported

    for name, axis in (("random_flip_left_right", 1), ("random_flip_up_down", 0)):
        wrap_exported(image_ops_impl, name, lambda original, axis=axis: random_flip_1_3(original, axis),
                      (image_ops, tf.compat.v1.image, tf.image))
