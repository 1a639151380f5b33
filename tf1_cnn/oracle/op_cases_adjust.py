"""Op-table cases of tf.image.adjust_brightness / adjust_contrast (a float32 image and a uint8 one) and the
random brightness of a batch, each followed by a draw. Python 3.6-compatible, TF 1.x API only (see
op_cases.py)."""


def cases(base):
    return [
        ("image_adjust_brightness", lambda tf, p: (tf.image.adjust_brightness(p["x"][0], 0.1),
                                                   tf.random_normal([2]))),
        ("image_adjust_contrast_batch", lambda tf, p: (tf.image.adjust_contrast(p["x"], 1.5),
                                                       tf.random_normal([2]))),
        ("image_adjust_brightness_uint8", lambda tf, p: (tf.image.adjust_brightness(
            tf.cast(p["x"][0], tf.uint8), 0.1), tf.random_normal([2]))),
        ("image_random_brightness_seeded", lambda tf, p: (tf.image.random_brightness(p["x"], 0.3, seed=2),
                                                          tf.random_normal([2]))),
    ]
