"""Unmodified TF1 scripts through `python -m tf1_cnn legacy`, install(), the migration report."""
import json
import re

import numpy as np
import pytest

from tf1_cnn.compat import migration

from .helpers import ROOT, run_cli
from .test_input_data import write_idx

SCRIPTS = ROOT / "tests" / "legacy_scripts"
COURSE_CELLS = ROOT / "tf1_cnn" / "verify" / "course" / "convnet_cells.py"

# Printed by the course notebook's initialize_parameters() test cell (xavier_initializer(seed=0)
# under tf.set_random_seed(1), TF 1.x).
COURSE_W1 = [0.00131723, 0.14176141, -0.04434952, 0.09197326, 0.14984085, -0.03514394, -0.06847463, 0.05245192]
COURSE_W2 = [-0.08566415, 0.17750949, 0.11974221, 0.16773748, -0.0830943, -0.08058, -0.00577033, -0.14643836,
             0.24162132, -0.05857408, -0.19055021, 0.1345228, -0.22779644, -0.1601823, -0.16117483, -0.10286498]


def legacy(*args, **kw):
    return run_cli("-m", "tf1_cnn", "legacy", *args, **kw)


def printed_array(out, name):
    m = re.search(rf"^{name} = \[([^\]]*)\]", out, re.S | re.M)
    return np.array([float(v) for v in m.group(1).split()])


def report_names(stderr):
    return dict(re.findall(r"^  (\S+)\s+x(\d+)", stderr, re.M))


@pytest.fixture(scope="module")
def idx_dir(tmp_path_factory):
    d = tmp_path_factory.mktemp("mnist")
    write_idx(d, n_train=5055, n_test=20)  # read_data_sets keeps 5000 for validation by default
    return d


def test_course_convnet_prints_the_course_w1_w2(tmp_path):
    proc = legacy(str(SCRIPTS / "course_convnet.py"), "3", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    np.testing.assert_allclose(printed_array(proc.stdout, "W1"), COURSE_W1, atol=1e-7)
    np.testing.assert_allclose(printed_array(proc.stdout, "W2"), COURSE_W2, atol=1e-7)
    assert "Cost after epoch 2: " in proc.stdout and "Train Accuracy: " in proc.stdout
    used = report_names(proc.stderr)
    assert used["tf.contrib.layers.xavier_initializer"] == "4" and used["tf.contrib.layers.fully_connected"] == "1"
    for name in ("tf.placeholder", "tf.get_variable", "tf.set_random_seed", "tf.Session",
                 "tf.contrib.layers.flatten", "tf.train.AdamOptimizer", "tf.nn.softmax_cross_entropy_with_logits",
                 "tf.nn.max_pool", "tf.global_variables_initializer"):
        assert name in used, name


def test_layers_mnist_with_input_data(idx_dir, tmp_path):
    report = tmp_path / "report.json"
    proc = legacy("--report-json", str(report), str(SCRIPTS / "layers_mnist.py"), str(idx_dir))
    assert proc.returncode == 0, proc.stderr
    assert "epochs completed 5" in proc.stdout  # 20 batches of 16 over the 55 training examples
    assert re.search(r"^test accuracy \d", proc.stdout, re.M)
    assert "['conv2d/bias', 'conv2d/kernel', 'dense/bias', 'dense/kernel', 'dense_1/bias', 'dense_1/kernel']" in proc.stdout
    data = json.loads(report.read_text())
    used = {u["name"]: u for u in data["used"]}
    assert data["exit_status"] == 0
    for name in ("tensorflow.examples.tutorials.mnist.input_data", "tf.layers.conv2d", "tf.layers.dense",
                 "tf.layers.dropout", "tf.layers.max_pooling2d", "tf.layers.flatten", "tf.to_float", "tf.arg_max",
                 "tf.train.GradientDescentOptimizer"):
        assert name in used, name
    assert used["tf.layers.dense"]["count"] == 2 and used["tf.layers.dense"]["replacement"] == "tf.keras.layers.Dense"


def test_seed004_blocks_interactive_session_eval_and_run(idx_dir):
    proc = legacy(str(SCRIPTS / "seed004_resnet.py"), str(idx_dir), "201")
    assert proc.returncode == 0, proc.stderr
    assert "scopes ['res2b']" in proc.stdout
    assert [ln.split(",")[0] for ln in proc.stdout.splitlines() if ln.startswith("step ")] == \
        ["step 0", "step 100", "step 200"]
    used = report_names(proc.stderr)
    for name in ("tf.InteractiveSession", "tf.variable_scope", "tf.truncated_normal", "tf.nn.dropout",
                 "tensorflow.examples.tutorials.mnist.input_data"):
        assert name in used, name


def test_saver_save_and_restore(tmp_path):
    (tmp_path / "ckpt").mkdir()
    proc = legacy(str(SCRIPTS / "saver_roundtrip.py"), "ckpt/model", cwd=tmp_path)  # relative to the cwd
    assert proc.returncode == 0, proc.stderr
    assert "restored equal: True" in proc.stdout and (tmp_path / "ckpt" / "model.index").is_file()
    assert "tf.train.Saver" in report_names(proc.stderr)


def test_exit_status_and_argv_pass_through(tmp_path):
    proc = legacy(str(SCRIPTS / "exits_3.py"), "a", "--b", cwd=tmp_path)
    assert proc.returncode == 3 and "argv ['a', '--b']" in proc.stdout


def test_course_cells_print_b2_and_b3_under_tf1s_seed_rule(tmp_path):
    proc = legacy(str(COURSE_CELLS), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    z3 = re.search(r"Z3 = (\[\[.*?\]\])", proc.stdout, re.S).group(1)
    np.testing.assert_allclose(np.array([float(v) for v in z3.replace("[", " ").replace("]", " ").split()]),
                               [-0.44670227, -1.57208765, -1.53049231, -2.31013036, -1.29104376, 0.46852064,
                                -0.17601591, -1.57972014, -1.4737016, -2.61672091, -1.00810647, 0.5747785],
                               atol=1e-5)
    assert abs(float(re.search(r"cost = (\S+)", proc.stdout).group(1)) - 2.91034) <= 5e-6
    assert "convnet_cells.py:44" in proc.stderr  # the report names file:line of fully_connected


def test_seed_rule_tf2_reproduces_tensorflow_2s_numbers(tmp_path):
    proc = legacy("--seed-rule", "tf2", str(COURSE_CELLS), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    # the issue's numbers for TensorFlow 2's rule (their last float32 digit moves with the CPU: tolerances)
    z3 = re.search(r"Z3 = \[\[(.*?)\]", proc.stdout, re.S).group(1).split()
    np.testing.assert_allclose([float(v) for v in z3[:2]], [0.99275815, -1.9926488], atol=1e-5)
    assert abs(float(re.search(r"cost = (\S+)", proc.stdout).group(1)) - 2.695238) <= 5e-6


def test_not_provided_name_is_named_with_its_replacement(tmp_path):
    script = tmp_path / "rnn.py"
    script.write_text("import tensorflow as tf\nopt = tf.contrib.opt.LazyAdamOptimizer\n")
    proc = legacy(str(script))
    assert proc.returncode == 1
    assert "AttributeError: tf.contrib.opt is TF1-only and not provided" in proc.stderr


def test_missing_script_is_a_clear_error():
    proc = legacy("no_such_script.py")
    assert proc.returncode == 2 and "no_such_script.py: no such script" in proc.stderr


def test_readme_coverage_table_is_generated_from_the_code():
    from tf1_cnn.legacy.cli import coverage_table

    readme = (ROOT / "README.md").read_text()
    start, end = "<!-- coverage:start -->", "<!-- coverage:end -->"
    assert readme[readme.index(start) + len(start):readme.index(end)].strip() == coverage_table().strip(), \
        "README's coverage table is stale: regenerate it with `python -m tf1_cnn legacy --coverage`"


# Every TF1-only name the seeds' code uses (read off seeds 000, 002 and 004).
SEED_TF1_NAMES = (
    "tf.placeholder", "tf.get_variable", "tf.set_random_seed", "tf.contrib.layers.xavier_initializer",
    "tf.contrib.layers.flatten", "tf.contrib.layers.fully_connected", "tf.nn.max_pool",
    "tf.nn.softmax_cross_entropy_with_logits", "tf.train.AdamOptimizer", "tf.global_variables_initializer",
    "tf.Session", "tf.InteractiveSession", "tf.truncated_normal", "tf.variable_scope", "tf.nn.dropout",
    "tf.compat.v1.layers.flatten", "tf.compat.v1.layers.dense", "tf.arg_max",
    "tensorflow.examples.tutorials.mnist.input_data",
)


def test_every_tf1_name_in_the_seeds_has_a_replacement():
    assert [name for name in SEED_TF1_NAMES if migration.replacement(name) is None] == []


def test_install_is_idempotent_and_the_facade_needs_no_install():
    code = ("import tensorflow as tf\n"
            "from tf1_cnn.compat import tf1\n"
            "assert not hasattr(tf, 'placeholder')  # the facade patched nothing\n"
            "with tf1.Graph().as_default():\n"
            "    tf1.contrib.layers.fully_connected(tf1.placeholder(tf.float32, [None, 3]), 2)\n"
            "from tf1_cnn.compat import install\n"
            "assert install() is install() is tf\n"
            "assert tf.placeholder is tf.compat.v1.placeholder and tf.layers.dense is tf.compat.v1.layers.dense\n"
            "import tensorflow.examples.tutorials.mnist.input_data as input_data\n"
            "assert callable(input_data.read_data_sets)\n"
            "print('ok')\n")
    proc = run_cli("-c", code)
    assert proc.returncode == 0 and proc.stdout.strip() == "ok", proc.stderr


def test_slim_batch_norm_trains_and_moves_its_moving_mean(tmp_path):
    proc = legacy(str(SCRIPTS / "uses_slim.py"), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    first, last = map(float, re.search(r"loss (\S+) -> (\S+)", proc.stdout).groups())
    assert last < first and "moving mean moved True" in proc.stdout


def test_keras2_course_imports_v1_initializers_and_scipy_helpers(tmp_path):
    proc = legacy(str(SCRIPTS / "keras2_course.py"), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "initializer tensorflow.python.ops.init_ops" in proc.stdout  # TF1's, as Keras 2 on TF 1.x drew
    assert "out shape (3, 4, 4, 6)" in proc.stdout and "epochs 2" in proc.stdout
    assert "imresize (5, 8, 3) uint8" in proc.stdout
    used = report_names(proc.stderr)  # Keras 2 and SciPy-era names are in the migration report too
    assert {"keras.backend.set_learning_phase", "keras.utils.vis_utils", "scipy.misc.imresize"} <= set(used)
    assert "Traceback" not in proc.stderr
    import shutil

    if shutil.which("dot"):  # Graphviz installed (README setup, .ci/run): tf_keras's own plot_model wrote it
        assert (tmp_path / "model.png").is_file()
    else:  # no Graphviz: plot_model says so in one line
        assert "for plot_model to work" in proc.stdout + proc.stderr


def test_scipy_imresize_and_imread_as_the_old_functions(tmp_path):
    from PIL import Image

    from tf1_cnn.compat.era import scipy_paths as scipy_compat

    a = (np.arange(48, dtype=np.float64).reshape(4, 4, 3) / 47.0)
    out = scipy_compat.imresize(a, (2, 2))
    assert out.dtype == np.uint8 and out.shape == (2, 2, 3) and out.max() <= 255
    assert scipy_compat.bytescale(a).max() == 255 and scipy_compat.bytescale(a).min() == 0
    Image.fromarray(np.full((3, 5, 3), 7, np.uint8)).save(tmp_path / "p.png")
    img = scipy_compat.imread(tmp_path / "p.png")
    assert img.shape == (3, 5, 3) and img.dtype == np.uint8 and img[0, 0, 0] == 7
    assert scipy_compat.imread(tmp_path / "p.png", flatten=True).dtype == np.float32


def test_tf1_families_summaries_queues_data_flags_gfile(tmp_path):
    proc = legacy(str(SCRIPTS / "families.py"), "--steps", "30", "--logdir", str(tmp_path / "logs"), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    first, last = map(float, re.search(r"loss (\S+) -> (\S+)", proc.stdout).groups())
    assert last < first / 4
    assert "up (1, 8, 8, 2) deq b'a'" in proc.stdout and "moving mean moved True" in proc.stdout
    assert list((tmp_path / "logs").glob("events.out.tfevents.*")) and (tmp_path / "logs" / "checkpoint").is_file()
    assert "tf.app.run" in proc.stderr and "tf.train.string_input_producer" in proc.stderr


def test_fully_connected_feed_with_the_tutorial_mnist_module(idx_dir, tmp_path):
    proc = legacy(str(SCRIPTS / "fully_connected_feed.py"), "--input_data_dir", str(idx_dir), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    losses = [float(v) for v in re.findall(r"Step \d+: loss = (\S+)", proc.stdout)]
    assert len(losses) == 5 and "Num examples: " in proc.stdout
    assert (tmp_path / "logs" / "checkpoint").is_file() and list((tmp_path / "logs").glob("events.*"))
    assert "tensorflow.examples.tutorials.mnist.input_data" in proc.stderr


def test_scan_lists_names_and_what_is_missing_without_running(tmp_path):
    script = tmp_path / "old.py"
    script.write_text("import tensorflow as tf\nfrom tensorflow.contrib import slim\n"
                      "x = tf.placeholder(tf.float32, [None, 4])\nh = slim.fully_connected(x, 3)\n"
                      "opt = tf.contrib.opt.LazyAdamOptimizer\nraise SystemExit('never run')\n")
    proc = legacy("--scan", str(script))
    assert proc.returncode == 1 and "never run" not in proc.stdout + proc.stderr
    assert f"tf.placeholder  -> tf.compat.v1.placeholder  [{script}:3]" in proc.stdout
    assert f"tf.contrib.slim.fully_connected  -> tf_slim (runs it here)  [{script}:4]" in proc.stdout
    assert "tf.contrib.opt: tf.contrib.opt is TF1-only and not provided" in proc.stdout
    assert f"{script}:5" in proc.stdout
    proc = legacy("--scan", str(COURSE_CELLS))
    assert proc.returncode == 0 and "every TensorFlow name in the source is provided" in proc.stdout


def test_import_tensorflow_compat_v1_finds_the_patched_module(tmp_path):
    """tf_upgrade_v2's spelling imports tensorflow.compat.v1 by name: it must be the module install()
    gave the TF1 names to, not a fresh copy of the API file (which would replace tf.compat.v1)."""
    script = tmp_path / "v1.py"
    script.write_text("import tensorflow as tf\nimport tensorflow.compat.v1 as v1\n"
                      "from tensorflow.compat.v1 import estimator\n"
                      "print(v1 is tf.compat.v1, hasattr(v1, 'layers'), estimator is tf.compat.v1.estimator)\n")
    proc = legacy(str(script), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().splitlines()[-1] == "True True True"
