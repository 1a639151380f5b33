"""``python -m tf1_cnn migrate``: recorded TF 1.x seeds, migrated code on plain TF 2 (no tf1_cnn), --verify."""
import json
import re

import nbformat
import numpy as np
import pytest

from tf1_cnn.migrate import verify

from .helpers import ROOT, run_cli
from .test_input_data import write_idx

SCRIPTS = ROOT / "tests" / "legacy_scripts"
PUBLISHED_Z3 = [[-0.44670227, -1.57208765, -1.53049231, -2.31013036, -1.29104376, 0.46852064],
                [-0.17601591, -1.57972014, -1.4737016, -2.61672091, -1.00810647, 0.5747785]]  # B2


def migrate(*args, cwd=ROOT):
    return run_cli("-m", "tf1_cnn", "migrate", *map(str, args), cwd=cwd)


def plain(script, *args, cwd):
    """Run migrated code as a user without tf1_cnn would (verify.run_plain: tf1_cnn not importable, asserted)."""
    import os

    old = os.getcwd()
    os.chdir(cwd)
    try:
        return verify.run_plain(script, [str(a) for a in args], timeout=300)
    finally:
        os.chdir(old)


def test_course_convnet_cells_migrated_print_b2_and_b3_on_plain_tf2(tmp_path):
    src = tmp_path / "course"
    src.mkdir()
    (src / "convnet_cells.py").write_text((ROOT / "tf1_cnn/verify/course/convnet_cells.py").read_text())
    (src / "cnn_utils.py").write_text('"""Stand-in: the Z3 and cost cells use none of the course helpers."""\n')
    proc = migrate(src, "-o", tmp_path / "out", "--json", tmp_path / "r.json")
    assert proc.returncode == 0, proc.stderr
    out = (tmp_path / "out" / "convnet_cells.py").read_text()
    assert "Z3 = tf_slim.fully_connected(P2, 6, activation_fn=None, " \
           "weights_initializer=tf_slim.xavier_initializer(seed=45))" in out
    assert "import tf1_cnn" not in out and "from tf1_cnn" not in out and "tf.contrib." not in out
    code, stdout, stderr = plain(tmp_path / "out" / "convnet_cells.py", cwd=tmp_path)
    assert code == 0, stderr
    z3 = np.array([[float(v) for v in row.split()] for row in
                   re.findall(r"\[+([-0-9. e]+)\]", stdout.split("cost")[0])])
    np.testing.assert_allclose(z3, PUBLISHED_Z3, atol=1e-6)
    assert round(float(re.search(r"cost = (\S+)", stdout).group(1)), 5) == 2.91034  # B3, as published
    report = json.loads((tmp_path / "r.json").read_text())
    seeds = [s for f in report["files"] for s in f["seeds"]]
    assert seeds == [{"line": 44, "col": 9, "api": "tf.contrib.layers.fully_connected", "op_seeds": [45, 45],
                      "how": "weights_initializer=xavier_initializer (the layer's default): seed=45"}]
    md = (tmp_path / "out" / "MIGRATION.md").read_text()
    assert "| 44:10 | tf.contrib.layers.fully_connected | 45, 45 |" in md


@pytest.fixture(scope="module")
def idx_dir(tmp_path_factory):
    d = tmp_path_factory.mktemp("mnist")
    write_idx(d, n_train=60, n_test=20)
    return d


def test_seed004_loop_sites_and_dropout_verify_equal(tmp_path, idx_dir):
    # seed 004's script with a graph seed (as published it has none: TF 1.x itself drew at random)
    text = (SCRIPTS / "seed004_resnet.py").read_text().replace(
        "import tensorflow as tf\n", "import tensorflow as tf\ntf.set_random_seed(0)\n", 1)
    (tmp_path / "s.py").write_text(text)
    proc = migrate(tmp_path / "s.py", "-o", tmp_path / "m.py", "--verify", "--args", idx_dir, 1, cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert re.search(r"verify .*s\.py: equal \(\d+ numbers\)", proc.stdout)
    out = (tmp_path / "m.py").read_text()
    # weight_variable() draws once per call, each time with another op count: its seeds in order
    assert "tf.truncated_normal(shape, mean=0, stddev=0.1, seed=tf1_seed('s.py:16', [7, 24, 40, 56, 82, 110]))" in out
    assert "dropout_tf1(h_fc1, keep_prob, seed=99)" in out and "import tf1_migrated_helpers as input_data" in out
    helpers = (tmp_path / "tf1_migrated_helpers.py").read_text()
    assert "def tf1_seed" in helpers and "def dropout_tf1" in helpers and "def read_data_sets" in helpers


def test_notebook_migrates_with_its_outputs(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("%matplotlib inline\nimport tensorflow as tf\ntf.set_random_seed(2)"),
                nbformat.v4.new_code_cell("c = tf.constant(1.0)\nw = tf.Variable(tf.random_normal([3]))\n"
                                          "s = tf.Session(); s.run(tf.global_variables_initializer()); print(s.run(w))",
                                          outputs=[nbformat.v4.new_output("stream", name="stdout", text="stored\n")])]
    nbformat.write(nb, str(tmp_path / "nb.ipynb"))
    proc = migrate(tmp_path / "nb.ipynb", "-o", tmp_path / "new.ipynb", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    new = nbformat.read(str(tmp_path / "new.ipynb"), as_version=4)
    assert new.cells[1].source.splitlines()[1] == "w = tf.Variable(tf.random_normal([3], seed=4))"  # 4 ops before
    assert new.cells[1].outputs[0]["text"] == "stored\n"
    assert "cell 2, line 2" in (tmp_path / "MIGRATION.md").read_text()


def test_verify_catches_a_planted_difference(tmp_path):
    src = tmp_path / "s.py"
    src.write_text("import tensorflow as tf\ntf.set_random_seed(1)\nx = tf.random_uniform([2])\n"
                   "print('x', tf.Session().run(x))\n")
    planted = tmp_path / "m.py"
    planted.write_text("import tensorflow.compat.v1 as tf\ntf.disable_v2_behavior()\ntf.set_random_seed(1)\n"
                       "x = tf.random_uniform([2], seed=2)\nprint('x', tf.Session().run(x))\n")  # TF 1.x drew with 1
    result = verify.verify(src, planted)
    assert result["status"] == "differs" and "TF 1.x (legacy) printed" in result["detail"], result
    assert verify.compare_numbers("a 1.0000001 b 2", "a 1.0 b 2") is None  # float32 rounding
    assert "printed more numbers" in verify.compare_numbers("1 2", "1")


def test_refuses_to_overwrite_and_to_write_over_source(tmp_path):
    src = tmp_path / "s.py"
    src.write_text("import tensorflow as tf\n")
    (tmp_path / "m.py").write_text("mine\n")
    proc = migrate(src, "-o", tmp_path / "m.py", cwd=tmp_path)
    assert proc.returncode == 2 and "m.py exists; pass --force" in proc.stderr
    assert (tmp_path / "m.py").read_text() == "mine\n"
    proc = migrate(src, "-o", src, cwd=tmp_path)
    assert proc.returncode == 2 and "SOURCE" in proc.stderr
    proc = migrate(tmp_path, "-o", tmp_path / "sub", cwd=tmp_path)
    assert proc.returncode == 2 and "inside SOURCE" in proc.stderr


def test_help_does_not_import_tensorflow():
    from .test_cli_start import CHECK

    proc = run_cli("-c", CHECK.format(argv=["tf1_cnn", "migrate", "--help"], module="tf1_cnn"))
    assert "TF_IMPORTED False" in proc.stdout and "--verify" in proc.stdout, proc.stdout + proc.stderr


ESTIMATOR_SCRIPT = '''import numpy as np
import tensorflow as tf


def model_fn(features, labels, mode):
    hidden = tf.layers.dense(features["x"], 3)  # unseeded: TF 1.3's RunConfig gave graph seed 1
    loss = tf.reduce_mean(tf.square(hidden))
    train = tf.train.GradientDescentOptimizer(0.1).minimize(loss, global_step=tf.train.get_global_step())
    return tf.estimator.EstimatorSpec(mode, loss=loss, train_op=train)


est = tf.estimator.Estimator(model_fn, model_dir="model")
x = np.arange(8, dtype=np.float32).reshape(2, 4) / 8
est.train(tf.estimator.inputs.numpy_input_fn({"x": x}, shuffle=False, num_epochs=1), steps=1)
print("kernel", est.get_variable_value("dense/kernel").ravel())
'''


def test_estimator_migrates_to_tensorflow_estimator_and_verifies_equal(tmp_path):
    (tmp_path / "s.py").write_text(ESTIMATOR_SCRIPT)
    proc = migrate("s.py", "-o", "out/m.py", "--verify", cwd=tmp_path)  # out/ does not exist yet: made
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert re.search(r"verify s\.py: equal \(1[0-9] numbers\)", proc.stdout), proc.stdout
    out = (tmp_path / "out" / "m.py").read_text()
    assert 'est = tf_estimator.Estimator(model_fn, model_dir="model", config=tf_estimator.RunConfig(tf_random_seed=1))' \
        in out
    assert re.search(r"tf\.layers\.dense\(features\[\"x\"\], 3, kernel_initializer=tf\.glorot_uniform_initializer"
                     r"\(seed=\d+\)\)", out)
    assert "class _Removed" in (tmp_path / "out" / "tf1_migrated_helpers.py").read_text()
    # the recording and both --verify runs ran in copies of the folder: no checkpoints left here,
    # and the migrated run did not restore the legacy run's
    assert not (tmp_path / "model").exists()


def test_run_names_the_folder_script_to_record(tmp_path):
    src = tmp_path / "repo"
    src.mkdir()
    (src / "train.py").write_text("import tensorflow as tf\ntf.set_random_seed(1)\nx = tf.random_uniform([2])\n")
    (src / "other.py").write_text("import tensorflow as tf\nraise SystemExit('must not be run')\n")
    proc = migrate(src, "-o", tmp_path / "out", "--run", "nothere.py", cwd=tmp_path)
    assert proc.returncode == 2 and "--run nothere.py: not a .py or .ipynb file of" in proc.stderr
    assert not (tmp_path / "out").exists()
    proc = migrate(src, "-o", tmp_path / "out", "--run", "train.py", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "recorded 1 draws from" in proc.stderr and "other.py" not in proc.stderr
    assert "tf.random_uniform([2], seed=" in (tmp_path / "out" / "train.py").read_text()


def test_notebook_verify_runs_each_side_in_a_copy_of_its_folder(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("import tensorflow as tf\ntf.set_random_seed(2)"),
                nbformat.v4.new_code_cell("w = tf.Variable(tf.random_normal([3]))\ns = tf.Session()\n"
                                          "s.run(tf.global_variables_initializer())\nprint(s.run(w))\n"
                                          "_ = open('written.txt', 'w').write('x')")]
    nbformat.write(nb, str(tmp_path / "nb.ipynb"))
    proc = migrate("nb.ipynb", "-o", "out/new.ipynb", "--verify", cwd=tmp_path)
    assert proc.returncode == 0 and "verify nb.ipynb: equal (3 numbers)" in proc.stdout, proc.stdout + proc.stderr
    assert not (tmp_path / "written.txt").exists() and not (tmp_path / "out" / "written.txt").exists()


def test_verify_leaves_out_tensorflows_log_records():
    logged = ("WARNING:tensorflow:From /site-packages/tensorflow/python/x.py:123: f (from y) is deprecated.\n"
              "Instructions for updating:\nUse tf.v2 1.5 instead.\nloss 0.25\n")
    assert verify.compare_numbers("loss 0.25\n", logged) is None
    assert verify.compare_numbers("loss 0.25\n", "loss 0.25 in 3s 12ms/step\n") is None  # durations


def test_recording_stops_at_its_budget_without_session_run(tmp_path):
    (tmp_path / "s.py").write_text("import time\nimport tensorflow as tf\ntf.set_random_seed(1)\n"
                                   "x = tf.random_uniform([2])\nwhile True:\n    time.sleep(0.05)\n")
    proc = migrate("s.py", "-o", "m.py", "--budget", "1", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "recorded 1 draws from s.py (stopped)" in proc.stderr
    assert "tf.random_uniform([2], seed=" in (tmp_path / "m.py").read_text()


CSV_SCRIPT = """import numpy as np
import tensorflow as tf
data = np.loadtxt("data.csv", delimiter=",", skiprows=1)  # relative to the folder it expects
tf.set_random_seed(1)
w = tf.Variable(tf.random_normal([2]))
with tf.Session() as s:
    s.run(tf.global_variables_initializer())
    print(s.run(w) * data)
"""


def test_a_recording_that_fails_is_an_error_naming_the_exception_and_folder(tmp_path):
    (tmp_path / "proj").mkdir()
    (tmp_path / "other").mkdir()
    (tmp_path / "proj" / "data.csv").write_text("a,b\n1,2\n")
    (tmp_path / "proj" / "s.py").write_text(CSV_SCRIPT)
    proc = migrate("../proj/s.py", "-o", "m.py", cwd=tmp_path / "other")
    assert proc.returncode == 1, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert lines[0].startswith("error: the seed recording run of ../proj/s.py failed: FileNotFoundError: ")
    assert "data.csv" in lines[0] and f"(run in a copy of {(tmp_path / 'other').resolve()})" in lines[0]
    assert "--args" in lines[0] and "--no-seeds" in lines[0] and "from the folder the script expects" in lines[0]
    assert list((tmp_path / "other").iterdir()) == []  # nothing written
    # --no-seeds: the only way to unseeded output, and the report says so
    proc = migrate("../proj/s.py", "-o", "m.py", "--no-seeds", "--json", "r.json", cwd=tmp_path / "other")
    assert proc.returncode == 0, proc.stderr
    assert "recorded" not in proc.stderr and "--no-seeds: without TF 1.x's seeds" in proc.stderr
    assert "tf.random_normal([2])" in (tmp_path / "other" / "m.py").read_text()  # no seed= written
    assert "**Migrated with --no-seeds" in (tmp_path / "other" / "MIGRATION.md").read_text()
    assert json.loads((tmp_path / "other" / "r.json").read_text())["recording"] == {
        "../proj/s.py": {"status": "not run (--no-seeds)", "draws": 0,
                         "detail": "TF 1.x's seeds were not recorded: unseeded random ops draw TF 2's numbers, "
                                   "not TF 1.x's"}}
    # from the script's folder the recording runs and the seed is written
    proc = migrate("s.py", "-o", "../m2.py", cwd=tmp_path / "proj")
    assert proc.returncode == 0, proc.stderr
    assert "tf.random_normal([2], seed=" in (tmp_path / "m2.py").read_text()


def test_no_seeds_is_in_the_help():
    out = run_cli("-m", "tf1_cnn", "migrate", "--help").stdout
    assert "--no-seeds" in out and "unseeded random ops draw TF 2's" in " ".join(out.split())


def test_a_notebook_whose_recording_fails_is_an_error(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("import tensorflow as tf\ntf.set_random_seed(2)\nx = tf.random_normal([3])"),
                nbformat.v4.new_code_cell("open('missing.txt').read()")]
    nbformat.write(nb, str(tmp_path / "nb.ipynb"))
    proc = migrate("nb.ipynb", "-o", "out.ipynb", cwd=tmp_path)
    assert proc.returncode == 1 and len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert "nb.ipynb failed: cell 2: FileNotFoundError: " in proc.stderr
    assert f"(run in a copy of {tmp_path.resolve()})" in proc.stderr and not (tmp_path / "out.ipynb").exists()


def test_a_recording_stopped_before_its_graph_drew_is_an_error(tmp_path):
    (tmp_path / "s.py").write_text("import time\nimport tensorflow as tf\nwhile True:\n    time.sleep(0.05)\n"
                                   "x = tf.random_uniform([2])\n")
    proc = migrate("s.py", "-o", "m.py", "--budget", "1", cwd=tmp_path)
    assert proc.returncode == 1 and len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert "s.py stopped before any of its graphs drew" in proc.stderr and "--budget more than 1 s" in proc.stderr
    assert not (tmp_path / "m.py").exists()
