"""Op-table cases of tf.image's per-image ops beyond op_cases.py's: per_image_standardization of a uint8
image (a decoded JPEG / CIFAR record) and of a float image followed by a draw; resize_image_with_crop_or_pad
of a 3-D image (a crop) and of a batch (a crop and a pad), crop_to_bounding_box and pad_to_bounding_box.
Python 3.6-compatible, TF 1.x API only (see op_cases.py)."""


def cases(base):
    return [
        ("image_per_image_standardization_uint8", lambda tf, p: tf.image.per_image_standardization(
            tf.placeholder(tf.uint8, [20, 30, 3], name="pixels"))),
        ("image_per_image_standardization_draw", lambda tf, p: (
            tf.image.per_image_standardization(tf.placeholder(tf.float32, [24, 24, 3], name="crop")),
            tf.truncated_normal([3, 4], stddev=0.1))),
        ("image_crop_or_pad", lambda tf, p: tf.image.resize_image_with_crop_or_pad(
            tf.placeholder(tf.float32, [32, 32, 3], name="record"), 24, 24)),
        ("image_crop_or_pad_batch", lambda tf, p: (tf.image.resize_image_with_crop_or_pad(
            tf.placeholder(tf.float32, [4, 20, 30, 3], name="images"), 24, 24), tf.random_uniform([2]))),
        ("image_crop_to_bounding_box", lambda tf, p: tf.image.crop_to_bounding_box(p["x"][0], 1, 2, 5, 4)),
        ("image_pad_to_bounding_box", lambda tf, p: tf.image.pad_to_bounding_box(
            tf.placeholder(tf.float32, [2, 8, 8, 3], name="images"), 1, 2, 12, 12)),
    ]
