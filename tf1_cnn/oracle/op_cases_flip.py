"""Op-table cases of tf.image's random flips of one image (left/right with a seed, up/down), each followed by a
draw; ``image_random_flip`` (op_cases.py) is the unseeded left/right flip. Python 3.6-compatible, TF 1.x API
only (see op_cases.py)."""


def cases(base):
    return [
        ("image_random_flip_seeded", lambda tf, p: (tf.image.random_flip_left_right(p["x"][0], seed=3),
                                                    tf.random_normal([2]))),
        ("image_random_flip_up_down", lambda tf, p: (tf.image.random_flip_up_down(p["x"][0]),
                                                     tf.random_normal([2]))),
    ]
