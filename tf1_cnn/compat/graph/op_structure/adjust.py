"""``tf.image.adjust_brightness`` / ``adjust_contrast`` (and so ``random_brightness`` / ``random_contrast``) as
TF 1.3.0 / 1.4.1 built them for a float32 image.

TF 1.3.0 / 1.4.1 (oracle, op-table cases ``image_random_brightness``, ``image_random_contrast``,
``image_adjust_*``) converted the image to float32 even when it was float32 already: an ``Identity``
(``adjust_brightness/Identity``) before the ``Add`` (``AdjustContrastv2``) named by the scope, then the
conversion back (``Identity_1``). TF 1.15.5 and 2.21 skip the first conversion of a float16 / float32 image:
one op fewer, so every later unseeded draw moved. Other dtypes (the conversions scale and cast) and 1.15
keep TensorFlow's own.
"""
import functools

import tensorflow as tf
from tensorflow.python.ops import gen_image_ops

from ... import settings

_v1 = tf.compat.v1


def _adjust_1_3(scope_name, apply):
    """A wrapper maker: ``original(image, factor)`` or, for a float32 tensor under 1.3/1.4, TF 1.3.0's ops."""
    def wrapper_of(original):
        @functools.wraps(original)
        def adjust(image, factor, *args, **kwargs):
            if (settings.current("tf1_version") not in ("1.3", "1.4") or tf.executing_eagerly() or args or kwargs
                    or not isinstance(image, tf.Tensor) or image.dtype != tf.float32):
                return original(image, factor, *args, **kwargs)
            with _v1.name_scope(None, scope_name, [image, factor]) as name:
                as_float = tf.identity(image)  # convert_image_dtype to float32 of a float32 image
                adjusted = apply(as_float, factor, name)
                return tf.identity(adjusted)  # convert_image_dtype back to float32 (saturating)

        adjust._tf1_cnn_original = original
        return adjust
    return wrapper_of


def _brightness(image, delta, name):
    return tf.add(image, tf.cast(delta, tf.float32), name=name)


def _contrast(images, contrast_factor, name):
    return gen_image_ops.adjust_contrastv2(images, contrast_factor=contrast_factor, name=name)


def install():
    """Wrap ``image_ops_impl``'s adjust_brightness / adjust_contrast and their exports (idempotent)."""
    from tensorflow.python.ops import image_ops, image_ops_impl

    from ._wrapping import wrap_exported

    for name, wrapper_of in (("adjust_brightness", _adjust_1_3("adjust_brightness", _brightness)),
                             ("adjust_contrast", _adjust_1_3("adjust_contrast", _contrast))):
        wrap_exported(image_ops_impl, name, wrapper_of, (image_ops, tf.compat.v1.image, tf.image))
