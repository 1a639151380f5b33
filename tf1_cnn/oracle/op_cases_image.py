"""Op-table cases of tf.image's per-image ops beyond op_cases.py's: per_image_standardization of a uint8
image (a decoded JPEG / CIFAR record) and of a float image followed by a draw.
Python 3.6-compatible, TF 1.x API only (see op_cases.py)."""


def cases(base):
    return [
        ("image_per_image_standardization_uint8", lambda tf, p: tf.image.per_image_standardization(
            tf.placeholder(tf.uint8, [20, 30, 3], name="pixels"))),
        ("image_per_image_standardization_draw", lambda tf, p: (
            tf.image.per_image_standardization(tf.placeholder(tf.float32, [24, 24, 3], name="crop")),
            tf.truncated_normal([3, 4], stddev=0.1))),
    ]
