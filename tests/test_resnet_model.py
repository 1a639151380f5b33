"""ResNet-50: the model, Keras weight files, checkpoints and the resnet50 command."""
import json

import numpy as np
import pytest
import tensorflow as tf

from tf1_cnn.errors import UserError
from tf1_cnn.resnet import layers as L
from tf1_cnn.resnet.keras_weights import WEIGHT_ORDER, assignments, load_keras_weights, read_keras_h5, write_keras_h5
from tf1_cnn.resnet.train import Trainer
from tf1_cnn.verify import all_rows, run_row
from tf1_cnn.verify.context import Context

from .helpers import run_cli, write_signs_h5


@pytest.fixture(scope="module")
def trainer():
    t = Trainer((64, 64, 3), 6, "course")
    yield t
    t.close()


def _dump(trainer):
    """Our graph's weights in the Keras 2 layout, {layer: [(weight, array)]}."""
    kinds = {r.name: r.kind for r in trainer.model.records}
    return {name: list(zip(WEIGHT_ORDER[kinds[name]], arrays))
            for name, arrays in L.values(trainer.sess, trainer.model.records).items()}


def test_c3_runs_on_a_course_format_weight_file(tmp_path, trainer):
    """C3 with a ResNet50.h5 in the course's layout (our own initial weights here)."""
    write_keras_h5(tmp_path / "ResNet50.h5", _dump(trainer))
    write_signs_h5(tmp_path / "test_signs.h5", 10, "test")
    row = {r.id: r for r in all_rows()}["C3"]
    result = run_row(row, Context(tmp_path))
    parts = {p["label"]: p for p in result["parts"]}
    X = np.asarray(__import__("h5py").File(tmp_path / "test_signs.h5")["test_set_x"], np.float32) / 255.
    y = np.eye(6, dtype=np.float32)[np.arange(10) % 6]
    loss, acc = trainer.evaluate(X, y)
    assert float(parts["Loss"]["ours"]) == pytest.approx(loss, rel=1e-6)
    assert float(parts["Test Accuracy"]["ours"]) == pytest.approx(acc)


def test_weight_file_errors(tmp_path, trainer):
    weights = _dump(trainer)
    records = trainer.model.records
    missing = dict(weights)
    del missing["res3a_branch2b"]
    with pytest.raises(UserError, match="no weights for layer 'res3a_branch2b'"):
        assignments(records, missing)
    wrong = dict(weights)
    wrong["fc6"] = [("kernel", np.zeros((2048, 5))), ("bias", np.zeros(5))]
    with pytest.raises(UserError, match=r"layer 'fc6' kernel has shape \(2048, 5\), the model needs \(2048, 6\)"):
        assignments(records, wrong)
    import h5py
    with h5py.File(tmp_path / "keras3.weights.h5", "w") as f:
        f.create_group("layers").create_group("dense").create_group("vars").create_dataset("0", data=np.zeros(3))
    with pytest.raises(UserError, match="unknown weight-file layout"):
        read_keras_h5(tmp_path / "keras3.weights.h5")
    (tmp_path / "junk.h5").write_bytes(b"junk")
    with pytest.raises(UserError, match="not a readable HDF5 file"):
        read_keras_h5(tmp_path / "junk.h5")


def test_old_keras_weight_names_load_in_keras_order(tmp_path, trainer):
    dump = _dump(trainer)
    old = {n: [(f"{n}_W{i}", a) for i, (_, a) in enumerate(ws)] for n, ws in dump.items()}  # conv1_W0:0 ...
    write_keras_h5(tmp_path / "old.h5", old, model_file=False)
    assert load_keras_weights(trainer.sess, trainer.model.records, tmp_path / "old.h5") == \
        sum(len(w) for w in dump.values())


def test_resume_continues_with_the_same_optimizer_state(tmp_path):
    rng = np.random.default_rng(0)
    X = rng.random((8, 64, 64, 3)).astype(np.float32)
    Y = np.eye(3, dtype=np.float32)[rng.integers(0, 3, 8)]
    a = Trainer((64, 64, 3), 3)
    a.fit_epoch(X, Y, 4, np.random.RandomState(0))
    a.save(tmp_path / "ck")
    assert json.loads((tmp_path / "ck" / "meta.json").read_text())["step"] == 2
    b = Trainer((64, 64, 3), 3)
    b.restore(tmp_path / "ck")
    with a.graph.as_default():
        va = a.sess.run(tf.compat.v1.global_variables())
    with b.graph.as_default():
        vb = b.sess.run(tf.compat.v1.global_variables())
    assert len(va) == len(vb) and all(np.array_equal(x, y) for x, y in zip(va, vb))  # Adam slots included
    a.fit_epoch(X, Y, 4, np.random.RandomState(1))
    b.fit_epoch(X, Y, 4, np.random.RandomState(1))
    np.testing.assert_array_equal(a.predict(X), b.predict(X))
    with pytest.raises(UserError, match="exists; pass --force"):
        a.save(tmp_path / "ck")
    meta = json.loads((tmp_path / "ck" / "meta.json").read_text())
    (tmp_path / "ck" / "meta.json").write_text(json.dumps({**meta, "classes": 4}))
    with pytest.raises(UserError, match="classes 4, this one has 3"):
        b.restore(tmp_path / "ck")
    for t in (a, b):
        t.close()


def test_summary_command():
    proc = run_cli("-m", "tf1_cnn", "resnet50", "--summary")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[-4:-1] == ["Total params: 23,600,006", "Trainable params: 23,546,886", "Non-trainable params: 53,120"]
    assert any(ln.startswith("res2a_branch2a (Conv2D)") for ln in lines)


def test_train_save_restore_command_on_real_photos(shared_data, tmp_path):
    """A few batches of an epoch on the SIGNS photos, the course's output lines, then --restore."""
    test = str(shared_data / "signs" / "test_signs.h5")
    ck = tmp_path / "ck"
    proc = run_cli("-m", "tf1_cnn", "resnet50", "--train", str(shared_data / "signs-jpeg" / "train_signs"),
                   "--test", test, "--epochs", "1", "--max-batches", "2", "--save", str(ck))
    assert proc.returncode == 0, proc.stderr
    assert "Epoch 1/1" in proc.stderr and "2/2 [" in proc.stderr and "loss: " in proc.stderr
    out = proc.stdout.splitlines()
    assert out[0].startswith("Loss = ") and out[1].startswith("Test Accuracy = ")
    assert 0.0 <= float(out[1].split("=")[1]) <= 1.0
    again = run_cli("-m", "tf1_cnn", "resnet50", "--test", test, "--restore", str(ck))
    assert again.returncode == 0 and again.stdout.splitlines() == out
    refused = run_cli("-m", "tf1_cnn", "resnet50", "--test", test, "--save", str(ck))
    assert refused.returncode == 2 and "--force" in refused.stderr


@pytest.mark.parametrize("args,words", [
    (["--input-shape", "32", "32", "3"], ["test.h5: images are 64x64, the model expects 32x32"]),
    (["--classes", "3"], ["labels go up to 5 but the model has 3 classes"]),
    (["--input-shape", "64", "64", "1"], ["C = 3"]),
    (["--input-shape", "16", "16", "3", "--summary"], ["too small"]),
    ([], ["give --test"]),
])
def test_bad_input(tmp_path, args, words):
    write_signs_h5(tmp_path / "test.h5", 8, "test")
    full = args if (not args or "--summary" in args) else ["--test", str(tmp_path / "test.h5"), *args]
    proc = run_cli("-m", "tf1_cnn", "resnet50", *full)
    assert proc.returncode == 2, proc.stdout
    assert "Traceback" not in proc.stderr
    for w in words:
        assert w in proc.stderr


def test_saved_checkpoint_folder_is_found_by_latest_checkpoint(tmp_path):
    """--save writes under a temporary name and renames: the index must name model.ckpt relatively."""
    import tensorflow as tf

    from tf1_cnn.resnet.train import Trainer

    t = Trainer((64, 64, 3), 2, "course")
    try:
        t.save(tmp_path / "ck")
    finally:
        t.close()
    (tmp_path / "ck").rename(tmp_path / "moved")
    assert tf.compat.v1.train.latest_checkpoint(str(tmp_path / "moved")) == str(tmp_path / "moved" / "model.ckpt")
