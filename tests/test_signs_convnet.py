"""The SIGNS ConvNet: course names, graph structure, training loop, determinism, real data."""
import inspect

import numpy as np
import pytest
import tensorflow as tf

from tf1_cnn.signs import convnet, training
from tf1_cnn.signs.helpers import convert_to_one_hot
from tf1_cnn.verify import all_rows, run_row
from tf1_cnn.verify.context import Context

from .helpers import write_signs_h5


def test_course_signatures():
    sig = {name: list(inspect.signature(getattr(convnet, name)).parameters)
           for name in ("create_placeholders", "initialize_parameters", "forward_propagation", "compute_cost")}
    assert sig["create_placeholders"] == ["n_H0", "n_W0", "n_C0", "n_y"]
    assert sig["initialize_parameters"][:0] == [] and sig["forward_propagation"][:2] == ["X", "parameters"]
    assert sig["compute_cost"] == ["Z3", "Y"]
    assert list(inspect.signature(training.model).parameters)[:8] == [
        "X_train", "Y_train", "X_test", "Y_test", "learning_rate", "num_epochs", "minibatch_size", "print_cost"]


@pytest.mark.parametrize("variant,fc", [("course", ["fully_connected/weights", "fully_connected/biases"]),
                                        ("tf2-port", ["dense/kernel", "dense/bias"])])
def test_graph_shapes_and_variable_names(variant, fc):
    with tf.Graph().as_default():
        X, Y, params, Z3, cost = convnet.build(64, 64, 3, 6, variant)
        assert Z3.shape.as_list() == [None, 6] and cost.shape.as_list() == []
        assert [v.op.name for v in tf.compat.v1.global_variables()] == ["W1", "W2"] + fc


def _slice(n=128, seed=0):
    rng = np.random.default_rng(seed)
    y = np.arange(n) % 6
    X = rng.random((n, 64, 64, 3)) * 0.5 + (y / 10.0)[:, None, None, None]
    return X, convert_to_one_hot(y, 6).T


def test_two_runs_give_bit_identical_epoch_costs():
    X, Y = _slice()
    a = training.train(X, Y, X[:16], Y[:16], "course", num_epochs=3)
    b = training.train(X, Y, X[:16], Y[:16], "course", num_epochs=3)
    assert a.costs == b.costs  # exact equality, not approx
    assert a.train_accuracy == b.train_accuracy


def test_epoch_cost_is_the_courses_sum_over_full_batches():
    # 100 images, minibatch 64: one full batch and a remainder of 36; the course divides
    # the sum of both costs by int(100 / 64) = 1.
    X, Y = _slice(100)
    costs = []
    with tf.Graph().as_default() as g:
        Xp, Yp, _, _, cost = convnet.build(64, 64, 3, 6, "course")
        with tf.compat.v1.Session(graph=g) as sess:
            sess.run(tf.compat.v1.global_variables_initializer())
            from tf1_cnn.signs.helpers import random_mini_batches
            for bx, by in random_mini_batches(X.astype(np.float32), Y.astype(np.float32), 64, 4):
                costs.append(float(sess.run(cost, {Xp: bx, Yp: by})))
    hist = training.train(X, Y, X, Y, "course", num_epochs=1, learning_rate=1e-12)
    assert hist.costs[0] == pytest.approx(sum(costs), rel=1e-5)


def test_model_prints_the_course_lines(capsys):
    X, Y = _slice(70)
    train_acc, test_acc, params = training.model(X, Y, X[:10], Y[:10], num_epochs=6)
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("Cost after epoch 0: ") and out[1].startswith("Cost after epoch 5: ")
    assert out[2].startswith("Train Accuracy: ") and out[3].startswith("Test Accuracy: ")
    assert set(params) == {"W1", "W2", "fully_connected/weights", "fully_connected/biases"}
    assert params["W1"].shape == (4, 4, 3, 8)


def test_training_rows_run_on_course_format_files(tmp_path):
    """B0/B4 run (and compare every part) when the course files are there; here on small ones."""
    write_signs_h5(tmp_path / "train_signs.h5", 70, "train")
    write_signs_h5(tmp_path / "test_signs.h5", 12, "test", seed=1)
    rows = {r.id: r for r in all_rows()}
    b0 = run_row(rows["B0"], Context(tmp_path))
    assert b0["status"] == "FAIL" and {p["label"]: p["ours"] for p in b0["parts"]}["X_train"] == "(70, 64, 64, 3)"
    b4 = run_row(rows["B4"], Context(tmp_path))
    labels = [p["label"] for p in b4["parts"]]
    assert labels == ["cost epoch 0", "cost epoch 5", "Train Accuracy", "Test Accuracy"]
    assert all(np.isfinite(p["difference"]) for p in b4["parts"])


def test_course_variant_on_the_real_signs_photos(shared_data, capsys):
    """100 epochs on the 1080 SIGNS photos (JPEG), evaluated on the original test_signs.h5.

    The photos are put in a shuffled order (seed 0, the first tried), as the course's
    train_signs.h5 holds them: in file-name order, grouped by label, the course's
    lr 0.009 collapses to a constant prediction (see tf1_cnn.signs.data.shuffled).
    """
    from tf1_cnn.signs.data import load_sources, read_h5, shuffled

    jpeg = shared_data / "signs-jpeg"
    X, y = shuffled(*load_sources([jpeg / "train_signs", jpeg / "val_signs"], (64, 64))[:2], seed=0)
    Xt, yt, _ = read_h5(shared_data / "signs" / "test_signs.h5", "test")
    assert X.shape == (1080, 64, 64, 3)
    hist = training.train(X / 255., convert_to_one_hot(y, 6).T, Xt / 255., convert_to_one_hot(yt, 6).T, "course")
    with capsys.disabled():
        print(f"\n[SIGNS photos, course variant, 100 epochs] cost epoch 0 {hist.costs[0]:.6f}, epoch 99 "
              f"{hist.costs[99]:.6f}; Train Accuracy {hist.train_accuracy:.6f}, Test Accuracy "
              f"{hist.test_accuracy:.6f} (course, on its h5 pixels: 0.940741 / 0.783333); {hist.seconds:.0f}s")
    assert hist.costs[99] < hist.costs[0] / 2
    assert hist.test_accuracy >= 0.5
