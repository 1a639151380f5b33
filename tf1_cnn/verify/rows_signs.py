"""Rows B0-B8: the SIGNS ConvNet in TF1 graph mode (seeds 000 and 002, the course).

B2/B3/B5-B7 need no data: they run the course's test cells on random inputs.
B0, B4 and B8 need the course's train_signs.h5 (not available on the CI
machine); with it in the data dir they run the full training and report every
epoch cost beside the published one.
"""
import numpy as np

from .registry import ABS_COST6, ABS_TF32, EXACT, Part, Row, parse_array

NEEDS = ("train_signs.h5", "test_signs.h5")


def _graph_cell(variant, m, with_cost):
    """The course's test cell: a new graph, np.random.seed(1), placeholders, init, forward (and cost)."""
    import tensorflow as tf

    from ..signs import convnet

    with tf.Graph().as_default() as g:
        np.random.seed(1)
        X, Y, parameters, Z3, cost = convnet.build(64, 64, 3, 6, variant)
        with tf.compat.v1.Session(graph=g) as sess:
            sess.run(tf.compat.v1.global_variables_initializer())
            out = cost if with_cost else Z3
            return sess.run(out, {X: np.random.randn(m, 64, 64, 3), Y: np.random.randn(m, 6)})


def _b0(ctx):
    from ..signs.helpers import convert_to_one_hot, load_dataset

    X_train_orig, Y_train_orig, X_test_orig, Y_test_orig, _ = load_dataset(ctx.data_dir)
    return {"X_train": (X_train_orig / 255.).shape, "Y_train": convert_to_one_hot(Y_train_orig, 6).T.shape,
            "X_test": (X_test_orig / 255.).shape, "Y_test": convert_to_one_hot(Y_test_orig, 6).T.shape}


def _b5(ctx):
    import tensorflow as tf

    from ..signs import convnet

    with tf.Graph().as_default() as g:
        params = convnet.initialize_parameters("tf2-port")
        with tf.compat.v1.Session(graph=g) as sess:
            sess.run(tf.compat.v1.global_variables_initializer())
            return {"W1[1,1,1]": sess.run(params["W1"])[1, 1, 1], "W2[1,1,1]": sess.run(params["W2"])[1, 1, 1]}


def _training(variant, epochs_shown):
    def compute(ctx):
        from ..signs.helpers import convert_to_one_hot, load_dataset
        from ..signs.training import train

        X_train_orig, Y_train_orig, X_test_orig, Y_test_orig, _ = load_dataset(ctx.data_dir)
        hist = train(X_train_orig / 255., convert_to_one_hot(Y_train_orig, 6).T,
                     X_test_orig / 255., convert_to_one_hot(Y_test_orig, 6).T, variant)
        out = {f"cost epoch {e}": hist.costs[e] for e in epochs_shown}
        out.update({"Train Accuracy": hist.train_accuracy, "Test Accuracy": hist.test_accuracy})
        return out
    return compute


B8_COSTS = (1.9082637503743172, 1.5873964205384254, 1.0073989257216454, 0.7799001224339008, 0.5975085962563753,
            0.5086729153990746, 0.4312992487102747, 0.37938646227121353, 0.39569839648902416, 0.32816184870898724,
            0.26437038742005825, 0.2620638655498624, 0.23943777661770582, 0.20767591940239072, 0.18899284722283483,
            0.18479297868907452, 0.18045786954462528, 0.1472180988639593, 0.1306172339245677, 0.12501105340197682,
            0.12093653716146946, 0.1363647971302271, 0.10240168101154268, 0.10396354575641453, 0.11999449389986694,
            0.09466223162598908, 0.07958365138620138, 0.06703681370709091, 0.08233092306181788, 0.06252288771793246)

B2_Z3 = parse_array("[[-0.44670227 -1.57208765 -1.53049231 -2.31013036 -1.29104376 0.46852064]"
                    " [-0.17601591 -1.57972014 -1.4737016 -2.61672091 -1.00810647 0.5747785]]")
B4_PARTS = (Part("cost epoch 0", 1.917929, ABS_COST6), Part("cost epoch 5", 1.506757, ABS_COST6),
            Part("Train Accuracy", 0.940741, ABS_TF32), Part("Test Accuracy", 0.783333, ABS_TF32))

ROWS = (
    Row("B0", "course", "SIGNS dataset: /255, one-hot", "X_train (1080,64,64,3), Y_train (1080,6), X_test (120,64,64,3), Y_test (120,6)",
        (Part("X_train", (1080, 64, 64, 3), EXACT), Part("Y_train", (1080, 6), EXACT),
         Part("X_test", (120, 64, 64, 3), EXACT), Part("Y_test", (120, 6), EXACT)), _b0, NEEDS),
    Row("B2", "seed 000", "course Z3, X = randn(2,64,64,3)", "[[-0.44670227 ...] [-0.17601591 ...]]",
        (Part("Z3", B2_Z3, ABS_TF32),),
        lambda ctx: {"Z3": _graph_cell("course", 2, False)}),
    Row("B3", "seed 000", "course cost, X = randn(4,64,64,3), Y = randn(4,6)", "2.91034",
        (Part("cost", 2.91034, ABS_COST6),), lambda ctx: {"cost": _graph_cell("course", 4, True)}),
    Row("B4", "course", "course variant, full SIGNS, 100 epochs", "epoch 0: 1.917929, 5: 1.506757; train 0.940741, test 0.783333",
        B4_PARTS, _training("course", (0, 5)), NEEDS, show_parts=True,
        notes="seed 000 prints Train 0.86851853, Test 0.73333335 for the same code elsewhere"),
    Row("B5", "seed 002", "tf2-port initialize_parameters, W[1,1,1]", "W1 [0.03393849 ...], W2 [0.18496291 ...]",
        (Part("W1[1,1,1]", parse_array("[0.03393849 -0.16554174 -0.006313 0.01852748 -0.03301779 -0.03344928"
                                       " -0.14225453 0.13832784]"), ABS_TF32),
         Part("W2[1,1,1]", parse_array("[0.18496291 -0.17294659 -0.22462192 -0.00193902 -0.12594481 0.02987488"
                                       " -0.23320328 -0.23961914 0.14771584 0.09277791 0.01622899 0.24536026"
                                       " -0.12588692 -0.32413897 -0.21403536 -0.17823085]"), ABS_TF32)), _b5),
    Row("B6", "seed 002", "tf2-port Z3, X = randn(2,64,64,3)", "[[0.9405632 ...] [1.2040255 ...]]",
        (Part("Z3", parse_array("[[0.9405632 0.37512606 1.2375003 0.09332052 0.2361663 -1.1231548]"
                                " [1.2040255 0.4606552 1.3588419 -0.03463529 0.11202908 -1.1748538]]"), ABS_TF32),),
        lambda ctx: {"Z3": _graph_cell("tf2-port", 2, False)}),
    Row("B7", "seed 002", "tf2-port cost, X = randn(4,64,64,3), Y = randn(4,6)", "0.79182863",
        (Part("cost", 0.79182863, ABS_TF32),), lambda ctx: {"cost": _graph_cell("tf2-port", 4, True)}),
    Row("B8", "seed 002", "tf2-port, full SIGNS, 150 epochs, every 5th cost", "0: 1.9082637503743172 ... 145: 0.06252288771793246",
        tuple(Part(f"cost epoch {5 * i}", c, ABS_COST6) for i, c in enumerate(B8_COSTS)),
        _training("tf2-port", tuple(range(0, 150, 5))), NEEDS, show_parts=True),
)
