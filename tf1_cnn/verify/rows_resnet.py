"""Rows C1-C3: ResNet-50 built from raw graph ops (seeds 000, 001, 003).

C1 and C2 build the graphs and count their parameters and output shapes.
C3 needs the course's pretrained ResNet50.h5 (not available on the CI machine):
with it (in the data dir, or ``verify --weights PATH``) and test_signs.h5 it runs
the course's ``model.evaluate``.
"""
from .registry import ABS_TF32, EXACT, Part, Row


def _build(shape, classes, names):
    import tensorflow as tf

    from ..resnet import ResNet50
    from ..resnet.summary import counts

    with tf.Graph().as_default():
        model = ResNet50(shape, classes, names)
        by_name = {r.name: r for r in model.records}
        return model, by_name, counts(model.records)


def _c1(ctx):
    _, _, (total, trainable, non_trainable) = _build((64, 64, 3), 6, "course")
    return {"total": total, "trainable": trainable, "non-trainable": non_trainable}


def _c2(ctx):
    _, r, (total, trainable, non_trainable) = _build((224, 224, 3), 1000, "seed003")
    shape = (lambda name: tuple(r[name].output.shape.as_list()[1:]))
    return {"total": total, "trainable": trainable, "non-trainable": non_trainable,
            "conv1 shape": shape("conv1"), "conv1 params": r["conv1"].params,
            "max pool shape": shape("max_pooling2d"),
            "stage outputs": tuple(shape(f"{s}a_conv_block_relu4" if b == "a" else f"{s}{b}_identity_block_relu4")
                                   for s, b in ((2, "c"), (3, "d"), (4, "f"), (5, "c"))),
            "avg pool shape": shape("avg_pooling"), "fc1000 params": r["fc1000"].params}


def _c3(ctx):
    import numpy as np

    from ..resnet.keras_weights import load_keras_weights
    from ..resnet.train import Trainer
    from ..signs.data import read_h5
    from ..signs.helpers import convert_to_one_hot

    X, y, _ = read_h5(ctx.find("test_signs.h5"), "test")
    trainer = Trainer((64, 64, 3), 6, "course")
    try:
        load_keras_weights(trainer.sess, trainer.model.records, ctx.find("ResNet50.h5"))
        loss, acc = trainer.evaluate(X.astype(np.float32) / 255., convert_to_one_hot(y, 6).T.astype(np.float32))
    finally:
        trainer.close()
    return {"Loss": loss, "Test Accuracy": acc}


ROWS = (
    Row("C1", "seed 001", "ResNet50 (64,64,3), 6 classes, course names",
        "total 23,600,006; trainable 23,546,886; non-trainable 53,120",
        (Part("total", 23600006, EXACT), Part("trainable", 23546886, EXACT), Part("non-trainable", 53120, EXACT)), _c1),
    Row("C2", "seed 003", "ResNet50 (224,224,3), 1000 classes, seed 003 names",
        "total 25,636,712; trainable 25,583,592; non-trainable 53,120; shapes",
        (Part("total", 25636712, EXACT), Part("trainable", 25583592, EXACT), Part("non-trainable", 53120, EXACT),
         Part("conv1 shape", (112, 112, 64), EXACT), Part("conv1 params", 9472, EXACT),
         Part("max pool shape", (55, 55, 64), EXACT),
         Part("stage outputs", ((55, 55, 256), (28, 28, 512), (14, 14, 1024), (7, 7, 2048)), EXACT),
         Part("avg pool shape", (1, 1, 2048), EXACT), Part("fc1000 params", 2049000, EXACT)), _c2),
    Row("C3", "seeds 000/001", "course ResNet50.h5 evaluated on test_signs.h5",
        "Loss = 0.5301783005396525; Test Accuracy = 0.8666666626930237",
        (Part("Loss", 0.5301783005396525, ABS_TF32), Part("Test Accuracy", 0.8666666626930237, ABS_TF32)),
        _c3, ("ResNet50.h5", "test_signs.h5"), show_parts=True),
)
