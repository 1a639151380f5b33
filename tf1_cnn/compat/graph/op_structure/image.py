"""``tf.image.per_image_standardization`` as TF 1.3.0 / 1.4.1 and TF 1.15.5 built it.

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


def install():
    """Wrap ``image_ops_impl.per_image_standardization`` and its exports for the process (idempotent)."""
    from tensorflow.python.ops import image_ops, image_ops_impl

    if hasattr(image_ops_impl.per_image_standardization, "_tf1_cnn_original"):
        return
    wrapped = per_image_standardization_1x(image_ops_impl.per_image_standardization)
    image_ops_impl.per_image_standardization = image_ops.per_image_standardization = wrapped
    for module in (tf.compat.v1.image, tf.image):
        setattr(module, "per_image_standardization", wrapped)
