"""``tf.image.per_image_standardization`` and the crop / pad functions as TF 1.3.0 / 1.4.1 and TF 1.15.5
built them.

(x - mean) / max(stddev, 1 / sqrt(num_pixels)) of each image, observed on the oracles (op-table cases
``image_per_image_standardization*``):

- TF 1.3.0 / 1.4.1 (a 3-D image): no name scope; the image behind a ``control_dependency`` Identity
  (its static 3-D check), ``Prod`` of its (constant) shape, the cast to float32 (a scope name
  ``Cast`` taken even when the image is float32 already), ``Mean``; the variance as
  mean(x^2) - mean(x)^2 through ``Relu``, ``Sqrt``; ``Rsqrt`` of the pixel count, ``Maximum``, ``Sub``,
  and the RealDiv ``div``: 18 ops after a float32 image. Floats follow that variance formula.
- TF 1.15.5: TF 2.21's ops (``reduce_std``) and, after a float16 / float32 image, the Identity its
  ``convert_image_dtype`` back to the input dtype made (``per_image_standardization/Identity``).

Images of unknown or not fully defined shape under 1.3 / 1.4 keep TF 2.21's ops (TF 1.3.0's
run-time shape assertions are not mirrored).

``crop_to_bounding_box``, ``pad_to_bounding_box`` and ``resize_image_with_crop_or_pad`` (an image of
fully defined shape, 3-D or 4-D, Python int sizes and offsets): TF 1.x made the image a batch of one
(ExpandDims) where it was 3-D, passed it through a ``control_dependency`` Identity (its static checks),
cropped with ``Slice`` of two constant stacks (the size ``[-1, height, width, -1]``: TF 2.21 reads the
batch and depth from the image's shape, 13 ops), padded with ``Pad`` of a reshaped constant stack, and
``resize_image_with_crop_or_pad`` always cropped then padded, between two ``control_dependency``
Identities, then squeezed a 3-D image back. TF 1.15.5 named each under its function's scope; TF
1.3.0 / 1.4.1 made them all in the caller's scope (op-table cases ``image_crop_or_pad*``).
"""
import functools

import tensorflow as tf
from tensorflow.python.ops import gen_math_ops, gen_nn_ops

from ... import settings

_v1 = tf.compat.v1


def _standardize_1_3(image):
    """TF 1.3.0/1.4.1's ops for a fully defined 3-D image (height, width, channels) -> float32, same shape."""
    with _v1.name_scope(None, "control_dependency", [image]) as scope:
        image = tf.identity(image, name=scope)  # with_dependencies of the (static, empty) 3-D check
    num_pixels = _v1.reduce_prod(_v1.shape(image))
    with _v1.name_scope(None, "Cast", [image]) as scope:  # TF 1.x's cast took its scope before the dtype test
        if image.dtype != tf.float32:
            image = gen_math_ops.cast(image, tf.float32, name=scope)
    mean = _v1.reduce_mean(image)
    variance = gen_nn_ops.relu(_v1.reduce_mean(tf.square(image)) - tf.square(mean))
    stddev = tf.sqrt(variance)
    min_stddev = tf.math.rsqrt(tf.cast(num_pixels, tf.float32))
    scale = tf.maximum(stddev, min_stddev)
    return _v1.div(gen_math_ops.sub(image, mean), scale)


def per_image_standardization_1x(original):
    """``tf.image.per_image_standardization(image)``: each image scaled to mean 0 and variance 1, TF 1.x's ops."""
    @functools.wraps(original)
    def per_image_standardization(image):
        version = settings.current("tf1_version")
        if tf.executing_eagerly():
            return original(image)
        image = tf.convert_to_tensor(image, name="image")
        if version in ("1.3", "1.4"):
            if image.shape.rank == 3 and image.shape.is_fully_defined():
                return _standardize_1_3(image)
            return original(image)
        out = original(image)
        if image.dtype in (tf.float16, tf.float32):
            with _v1.name_scope(out.op.name + "/"):  # TF 1.15.5's convert_image_dtype to the same dtype
                out = tf.identity(out, name="Identity")
        return out

    per_image_standardization._tf1_cnn_original = original
    return per_image_standardization


def _static_image(image, *sizes):
    """The image as a tensor when TF 1.x's static path applies (fully defined 3-D / 4-D shape, int sizes)."""
    if tf.executing_eagerly() or not all(type(v) is int for v in sizes):
        return None
    image = tf.convert_to_tensor(image, name="image")
    return image if image.shape.rank in (3, 4) and image.shape.is_fully_defined() else None


class _Scope:
    """TF 1.15.5's name scope of an image function; TF 1.3.0/1.4.1 built in the caller's scope."""

    def __init__(self, name, image):
        self._scope = _v1.name_scope(None, name, [image]) if settings.current("tf1_version") == "1.15" else None

    def __enter__(self):
        return self._scope.__enter__() if self._scope is not None else None

    def __exit__(self, *exc):
        return self._scope.__exit__(*exc) if self._scope is not None else False


def _batch_of_one(image):
    """(4-D image, whether it was a batch already): TF 1.x's ExpandDims of a 3-D image."""
    return (image, True) if image.shape.rank == 4 else (tf.expand_dims(image, 0), False)


def _checked(image):
    """``control_flow_ops.with_dependencies`` of TF 1.x's static checks (none left): the Identity it made."""
    from tensorflow.python.ops import control_flow_ops

    return control_flow_ops.with_dependencies([], image)


def _crop(image, offset_height, offset_width, target_height, target_width):
    """crop_to_bounding_box of a static (batch, height, width, depth) image -> (batch, target_height, target_width, depth)."""
    with _Scope("crop_to_bounding_box", image):
        image, is_batch = _batch_of_one(image)
        image = _checked(image)
        batch, _, _, depth = image.shape.as_list()
        cropped = tf.slice(image, tf.stack([0, offset_height, offset_width, 0]),
                           tf.stack([-1, target_height, target_width, -1]))
        cropped.set_shape([batch, target_height, target_width, depth])
        return cropped if is_batch else tf.squeeze(cropped, axis=[0])


def _pad(image, offset_height, offset_width, target_height, target_width):
    """pad_to_bounding_box of a static image -> (batch, target_height, target_width, depth), zeros around."""
    with _Scope("pad_to_bounding_box", image):
        image, is_batch = _batch_of_one(image)
        batch, height, width, depth = image.shape.as_list()
        after_height, after_width = target_height - offset_height - height, target_width - offset_width - width
        image = _checked(image)
        paddings = tf.reshape(tf.stack([0, 0, offset_height, after_height, offset_width, after_width, 0, 0]), [4, 2])
        padded = tf.pad(image, paddings)
        padded.set_shape([batch, target_height, target_width, depth])
        return padded if is_batch else tf.squeeze(padded, axis=[0])


def _crop_or_pad(image, target_height, target_width):
    """resize_image_with_crop_or_pad of a static image: centred crop, then centred zero padding."""
    with _Scope("resize_image_with_crop_or_pad", image):
        image, is_batch = _batch_of_one(image)
        image = _checked(image)
        _, height, width, _ = image.shape.as_list()
        width_diff, height_diff = target_width - width, target_height - height
        cropped = _crop(image, max(-height_diff // 2, 0), max(-width_diff // 2, 0),
                        min(target_height, height), min(target_width, width))
        resized = _pad(cropped, max(height_diff // 2, 0), max(width_diff // 2, 0), target_height, target_width)
        resized = _checked(resized)
        return resized if is_batch else tf.squeeze(resized, axis=[0])


def _fits(image, offset_height, offset_width, target_height, target_width, crop):
    """Whether the box is valid for the image (else TF 2.21's function raises its own error)."""
    height, width = image.shape[-3], image.shape[-2]
    if min(offset_height, offset_width) < 0 or min(target_height, target_width) <= 0:
        return False
    if crop:
        return offset_height + target_height <= height and offset_width + target_width <= width
    return offset_height + height <= target_height and offset_width + width <= target_width


def _static_or_original(original, build):
    """``original(image, *sizes)``, or ``build``'s TF 1.x ops when the static path applies."""
    @functools.wraps(original)
    def wrapper(image, *sizes):
        static = _static_image(image, *sizes)
        if static is None:
            return original(image, *sizes)
        if build is _crop_or_pad:
            valid = len(sizes) == 2 and min(sizes) > 0
        else:
            valid = len(sizes) == 4 and _fits(static, *sizes, crop=build is _crop)
        return build(static, *sizes) if valid else original(image, *sizes)

    wrapper._tf1_cnn_original = original
    return wrapper


def install():
    """Wrap ``image_ops_impl``'s per_image_standardization and crop / pad functions and their exports for
    the process (idempotent)."""
    from tensorflow.python.ops import image_ops, image_ops_impl

    if hasattr(image_ops_impl.per_image_standardization, "_tf1_cnn_original"):
        return
    wrapped = {"per_image_standardization": per_image_standardization_1x(image_ops_impl.per_image_standardization),
               "crop_to_bounding_box": _static_or_original(image_ops_impl.crop_to_bounding_box, _crop),
               "pad_to_bounding_box": _static_or_original(image_ops_impl.pad_to_bounding_box, _pad),
               "resize_image_with_crop_or_pad": _static_or_original(
                   image_ops_impl.resize_image_with_crop_or_pad, _crop_or_pad)}
    for name, fn in wrapped.items():
        setattr(image_ops_impl, name, fn)
        setattr(image_ops, name, fn)
        for module in (tf.compat.v1.image, tf.image):
            if hasattr(module, name):
                setattr(module, name, fn)
