"""migrate's libcst rewrite (in process, no recording): imports, renames, comments, seeds at call sites."""
import json

import pytest

from tf1_cnn.migrate import cli, rewrite


@pytest.fixture(scope="module")
def names():
    return rewrite.Names()


def migrate(code, names, sites=None, tf1_version="1.3"):
    result = rewrite.FileResult(path="s.py")
    return rewrite.migrate_module(code, names, result, sites or {}, tf1_version), result


def site(*op_seeds, chain=(), per_execution=1):
    """A recorded call site: one execution per op seed (or ``per_execution`` draws in one call)."""
    draws = [{"op_seed": s, "chain": list(chain)} for s in op_seeds]
    return {"api": "f", "executions": [draws[i:i + per_execution] for i in range(0, len(draws), per_execution)]}


SOURCE = '''"""A TF1 script."""
import numpy as np
import tensorflow as tf  # the TF1 module
from tensorflow.contrib import slim

# build the graph
x = tf.placeholder(tf.float32, [None, 4])   # inputs
W = tf.get_variable("W", [4, 3],
                    initializer=tf.contrib.layers.xavier_initializer())  # keep this comment
h = tf.contrib.layers.fully_connected(x, 3)
y = tf.nn.dropout(h, 0.5)
'''


def test_imports_and_names_rewritten_with_comments_and_layout_kept(names):
    out, result = migrate(SOURCE, names)
    assert out.startswith('"""A TF1 script."""\nimport numpy as np\nimport tensorflow.compat.v1 as tf  # the TF1 module\n'
                          "tf.disable_v2_behavior()")
    assert "import tf_slim as slim\n" in out and "import tf_slim  # migrated" in out
    assert "# build the graph\n" in out and "   # inputs\n" in out
    assert '                    initializer=tf_slim.xavier_initializer())  # keep this comment\n' in out
    assert "h = tf_slim.fully_connected(x, 3)\n" in out
    assert "y = dropout_tf1(h, 0.5)\n" in out and "from tf1_migrated_helpers import dropout_tf1" in out
    assert result.needs == {"dropout_tf1", "tf_slim"} and "import tf1_migrated_helpers  # migrated: tf_slim" in out
    lines = {c["line"] for c in result.changes}
    assert {3, 4, 9, 10, 11} <= lines
    compile(out, "out.py", "exec")


def test_tf1_15_keeps_tf_dropout(names):
    out, result = migrate(SOURCE, names, tf1_version="1.15")
    assert "y = tf.nn.dropout(h, 0.5)\n" in out and "dropout_tf1" not in out


def test_seeds_written_at_the_call_site(names):
    glorot_slim = ["func_with_args", "fully_connected", "model_variable", "_initializer", "random_uniform"]
    sites = {(None, 8, 4): site(7), (None, 10, 4): site(45, 45, chain=glorot_slim)}
    out, result = migrate(SOURCE, names, sites)
    assert "initializer=tf_slim.xavier_initializer(seed=7))  # keep this comment" in out
    assert "h = tf_slim.fully_connected(x, 3, weights_initializer=tf_slim.xavier_initializer(seed=45))" in out
    assert [s["op_seeds"] for s in result.seeds] == [[7], [45, 45]] and not result.problems


def test_default_initializers_of_tf_layers_and_get_variable(names):
    code = "import tensorflow as tf\na = tf.layers.dense(x, 3)\nb = tf.get_variable('b', [3])\nc = tf.random_normal([2])\n"
    chain = ["dense", "GlorotUniform.__call__", "random_uniform"]
    sites = {(None, 2, 4): site(12, chain=chain), (None, 3, 4): site(20, chain=chain), (None, 4, 4): site(30)}
    out, result = migrate(code, names, sites)
    assert "tf.layers.dense(x, 3, kernel_initializer=tf.glorot_uniform_initializer(seed=12))" in out
    assert "tf.get_variable('b', [3], initializer=tf.glorot_uniform_initializer(seed=20))" in out
    assert "tf.random_normal([2], seed=30)" in out
    assert out.startswith("import os\nos.environ[\"TF_USE_LEGACY_KERAS\"] = \"1\"")  # tf.layers: Keras 2


def test_a_site_drawing_in_a_loop_gets_its_seeds_in_order(names):
    code = "import tensorflow as tf\ndef w(shape):\n    return tf.Variable(tf.truncated_normal(shape, stddev=0.1))\n"
    out, result = migrate(code, names, {(None, 3, 23): site(7, 24, 40)})
    assert "tf.truncated_normal(shape, stddev=0.1, seed=tf1_seed('s.py:3', [7, 24, 40]))" in out
    assert "from tf1_migrated_helpers import tf1_seed" in out and "tf1_seed" in result.needs


def test_one_call_drawing_twice_is_reported_not_guessed(names):
    code = "import tensorflow as tf\nnet = tf.contrib.slim.repeat(x, 2, tf.contrib.slim.conv2d, 8, [3, 3])\n"
    out, result = migrate(code, names, {(None, 2, 6): site(10, 26, per_execution=2)})
    assert "seed" not in out
    assert "numbers will differ from TF 1.x" in result.problems[0]["todo"]


def test_unmigratable_names_are_reported(names):
    code = ("import tensorflow as tf\nkm = tf.contrib.factorization.KMeans(x, 3)\n"
            "from tensorflow.contrib.rnn import LSTMCell\nest = tf.contrib.learn.DNNClassifier\n")
    out, result = migrate(code, names)
    assert "tf.contrib.factorization.KMeans(x, 3)" in out  # left as written
    what = {p["line"]: p["what"] for p in result.problems}
    assert what == {2: "`tf.contrib.factorization.KMeans`", 3: "`tensorflow.contrib.rnn`",
                    4: "`tf.contrib.learn.DNNClassifier`"}
    assert "tensorflow_addons" not in result.problems[1]["todo"] and "RNN" in result.problems[1]["todo"]


def test_rename_table_for_names_compat_v1_lacks(names):
    out, result = migrate("import tensorflow as tf\nn = tf.to_float(x)\ny = tf.log(x)\n", names)
    assert "tf.log(x)" in out  # tf.compat.v1 still has it: unchanged
    assert not result.problems


def test_keras_and_tutorial_imports(names):
    code = ("import keras\nfrom keras.layers import Dense\nfrom keras import backend as K\n"
            "from tensorflow.examples.tutorials.mnist import input_data\n")
    out, result = migrate(code, names)
    assert "import tensorflow.compat.v1.keras as keras\n" in out
    assert "from tensorflow.compat.v1.keras.layers import Dense\n" in out
    assert "from tensorflow.compat.v1.keras import backend as K\n" in out
    assert "import tf1_migrated_helpers as input_data\n" in out and result.needs == {"input_data"}
    assert out.index('os.environ["TF_USE_LEGACY_KERAS"]') < out.index("import tensorflow.compat.v1.keras")


def test_notebook_cell_by_cell_outputs_and_magics_kept(names, tmp_path):
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# title"),
                nbformat.v4.new_code_cell("%matplotlib inline\nimport tensorflow as tf"),
                nbformat.v4.new_code_cell("w = tf.Variable(tf.random_normal([2]))  # weights\nprint(1.5)",
                                          outputs=[nbformat.v4.new_output("stream", name="stdout", text="1.5\n")])]
    path = tmp_path / "nb.ipynb"
    nbformat.write(nb, str(path))
    result, text = cli.migrate_file(path, "nb.ipynb", {(3, 1, 16): site(5)}, names, "1.3")
    new = nbformat.reads(text, as_version=4)
    assert new.cells[0].source == "# title"
    assert new.cells[1].source == "%matplotlib inline\nimport tensorflow.compat.v1 as tf\n" \
                                  "tf.disable_v2_behavior()  # migrated: TF1 graph mode"
    assert new.cells[2].source.startswith("w = tf.Variable(tf.random_normal([2], seed=5))  # weights")
    assert new.cells[2].outputs[0]["text"] == "1.5\n"
    assert result.seeds[0]["line"] == "cell 3, line 1"


def test_python2_file_is_reported(names, tmp_path):
    path = tmp_path / "old.py"
    path.write_text("import tensorflow as tf\nprint 'hello'\n")
    result, text = cli.migrate_file(path, "old.py", {}, names, "1.3")
    assert text == path.read_text() and "Python 3" in result.problems[0]["what"]


def test_an_arg_scope_initializer_is_not_replaced_by_the_default(names):
    code = "import tensorflow as tf\nnet = tf.contrib.slim.conv2d(x, 4, [3, 3])\n"
    chain = ["func_with_args", "convolution", "model_variable", "_initializer", "truncated_normal"]
    he = {"api": "f", "executions": [[{"op_seed": 9, "chain": chain,
                                       "initializer": {"factor": 2.0, "mode": "FAN_IN", "uniform": False}}]]}
    out, result = migrate(code, names, {(None, 2, 6): he})
    assert "weights_initializer" not in out and "op seed 9" in result.problems[0]["what"]


def test_contrib_names_in_tf_upgrade_v2s_table_are_renamed(names):
    out, result = migrate("import tensorflow as tf\ncell = tf.contrib.rnn.BasicLSTMCell(8)\n", names)
    assert "cell = tf.nn.rnn_cell.BasicLSTMCell(8)\n" in out and not result.problems
    assert 'os.environ["TF_USE_LEGACY_KERAS"] = "1"' in out  # rnn cells are Keras 2's


def test_the_tutorials_mnist_module_comes_from_the_helper_module(names, tmp_path):
    from tf1_cnn.migrate import helpers

    out, result = migrate("from tensorflow.examples.tutorials.mnist import input_data, mnist\n", names)
    assert out == "import tf1_migrated_helpers as input_data\nimport tf1_migrated_helpers as mnist\n"
    assert result.needs == {"input_data", "tutorials_mnist"}
    text = helpers.module_text(result.needs)
    compile(text, "tf1_migrated_helpers.py", "exec")
    assert "def inference(" in text and "def read_data_sets(" in text and "tf1_cnn" not in text.replace(
        "`python -m tf1_cnn migrate`", "")


ESTIMATOR = ("import tensorflow as tf\n"
             "config = tf.estimator.RunConfig(save_summary_steps=10)\n"
             "est = tf.estimator.DNNClassifier([8], columns, model_dir=d)\n"
             "own = tf.estimator.Estimator(model_fn, d, config)\n"
             "spec = tf.estimator.EstimatorSpec(mode, loss=loss)\n")


def test_estimator_becomes_tensorflow_estimator_from_the_helper_module(names):
    out, result = migrate(ESTIMATOR, names, tf1_version="1.4")
    assert "from tf1_migrated_helpers import tf_estimator" in out and "estimator" in result.needs
    assert os_line_first(out)  # its canned optimizers are Keras 2's
    assert "config = tf_estimator.RunConfig(save_summary_steps=10)\n" in out  # 1.4: no graph seed by default
    assert "est = tf_estimator.DNNClassifier([8], columns, model_dir=d)\n" in out
    assert "spec = tf_estimator.EstimatorSpec(mode, loss=loss)" in out and "tf.estimator" not in out
    assert not result.problems


def test_estimator_under_tf1_3_keeps_its_runconfig_graph_seed_of_1(names):
    out, _ = migrate(ESTIMATOR, names, tf1_version="1.3")
    assert "tf_estimator.RunConfig(save_summary_steps=10, tf_random_seed=1)" in out
    assert "tf_estimator.DNNClassifier([8], columns, model_dir=d, config=tf_estimator.RunConfig(tf_random_seed=1))" in out
    assert "own = tf_estimator.Estimator(model_fn, d, config)\n" in out  # config given: its RunConfig has the seed


def os_line_first(out):
    lines = out.splitlines()
    return lines[:2] == ["import os", 'os.environ["TF_USE_LEGACY_KERAS"] = "1"  # migrated: tf.keras / tf.layers '
                                      'are Keras 2 (tf_keras), as under TF 1.x']


def test_a_loop_site_drawing_without_a_graph_seed_keeps_none_in_its_list(names):
    code = "import tensorflow as tf\ndef w(shape):\n    return tf.Variable(tf.truncated_normal(shape, stddev=0.1))\n"
    out, _ = migrate(code, names, {(None, 3, 23): site(None, None, 20, 37)})
    assert "seed=tf1_seed('s.py:3', [None, None, 20, 37])" in out  # TF 1.x drew at random the first two times
    out, result = migrate(code, names, {(None, 3, 23): site(None, None)})
    assert "seed" not in out and not result.seeds  # never under a graph seed: nothing to keep


def test_contrib_learn_datasets_come_from_the_helper_module(names, tmp_path):
    code = ("import tensorflow as tf\n"
            "from tensorflow.contrib.learn.python.learn.datasets import mnist\n"
            "d = tf.contrib.learn.datasets.load_dataset('mnist')\n"
            "e = tf.contrib.learn.datasets.DATASETS['mnist']('/tmp/mnist')\n"
            "f = tf.contrib.learn.datasets.base.load_csv_with_header('x.csv', int, float)\n"
            "g = tf.contrib.learn.datasets.load_linnerud()\n")
    out, result = migrate(code, names)
    assert "import tf1_migrated_helpers  # migrated" in out and "import tf1_migrated_helpers as mnist" in out
    assert "d = tf1_migrated_helpers.load_dataset('mnist')" in out
    assert "e = tf1_migrated_helpers.DATASETS['mnist']('/tmp/mnist')" in out
    assert "f = tf1_migrated_helpers.load_csv_with_header('x.csv', int, float)" in out
    assert [p["what"] for p in result.problems] == ["`tf.contrib.learn.datasets.load_linnerud`"]
    # the helper module's copy reads TF 1.3's CSV layout (header: n_samples, n_features, class names)
    from tf1_cnn.migrate import helpers

    (tmp_path / "iris.csv").write_text("2,3,a,b\n1.0,2.0,3.0,0\n4.0,5.0,6.0,1\n")
    space = {}
    exec(compile(helpers.module_text({"input_data", "learn_datasets"}), "helpers", "exec"), space)
    ds = space["load_csv_with_header"](str(tmp_path / "iris.csv"), target_dtype=int, features_dtype=float)
    assert ds.data.tolist() == [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]] and ds.target.tolist() == [0, 1]


def test_numpy_aliases_numpy_1_24_removed_become_builtins(names):
    out, result = migrate("import numpy as np\nimport tensorflow as tf\nx = np.zeros(3, dtype=np.int)\n"
                          "y = np.float32(1) + np.float(2)\n", names)
    assert "x = np.zeros(3, dtype=int)\ny = np.float32(1) + float(2)\n" in out
    assert any(c["what"] == "np.int -> int" for c in result.changes)


def test_an_initializer_made_on_the_line_before_gets_the_seed(names):
    code = ("import tensorflow as tf\n"
            "def weight_variable(shape):\n"
            "    initer = tf.truncated_normal_initializer(stddev=0.01)\n"
            "    return tf.get_variable('W', shape=shape, initializer=initer)\n"
            "shared = tf.glorot_uniform_initializer()\n"
            "def two(shape):\n"
            "    a = tf.get_variable('a', shape=shape, initializer=shared)\n")
    sites = {(None, 4, 11): site(5, 21, chain=["TruncatedNormal.__call__"]),
             (None, 7, 8): site(30, 40, chain=["GlorotUniform.__call__"])}
    out, result = migrate(code, names, sites)
    assert "initer = tf.truncated_normal_initializer(stddev=0.01, seed=tf1_seed('s.py:3', [5, 21]))" in out
    assert "return tf.get_variable('W', shape=shape, initializer=initer)\n" in out
    assert "the initializer of the draw at line 4" in result.seeds[0]["how"]
    # made once at module level, drawn by every call: one seed there would be wrong, so it is reported
    assert "shared = tf.glorot_uniform_initializer()\n" in out
    assert [p["line"] for p in result.problems] == [7]


def test_a_local_callable_named_like_a_random_op_gets_no_seed(names):
    # self.dropout = tf.layers.Dropout(0.4) in __init__; self.dropout(y) draws but takes no seed=
    code = "import tensorflow as tf\ny = self.dropout(y, training=training)\nz = random_crop_fn(y)\n"
    out, result = migrate(code, names, {(None, 2, 4): site(17), (None, 3, 4): site(19)})
    assert "seed" not in out
    assert [p["line"] for p in result.problems] == [2, 3]
    assert "numbers will differ from TF 1.x" in result.problems[0]["todo"]


def test_a_computed_integer_flag_default_is_made_an_int_for_absl(names):
    code = ("import numpy as np\nimport tensorflow as tf\n"
            "tf.app.flags.DEFINE_integer('batch_size', np.power(2, 9), 'Batch size.')\n"
            "tf.app.flags.DEFINE_integer('epochs', 3, 'Epochs.')\n"
            "tf.app.flags.DEFINE_integer('seed', default=-1, help='x')\n")
    out, _ = migrate(code, names)
    assert "DEFINE_integer('batch_size', int(np.power(2, 9)), 'Batch size.')" in out
    assert "DEFINE_integer('epochs', 3, 'Epochs.')" in out and "default=-1" in out


def test_a_contrib_module_imported_by_name_is_renamed_use_by_use(names):
    code = ("from tensorflow.contrib import rnn\nimport tensorflow as tf\n"
            "cell = rnn.BasicLSTMCell(8, forget_bias=1.0)\n"
            "outputs, states = rnn.static_rnn(cell, x, dtype=tf.float32)\n")
    out, result = migrate(code, names)
    assert "from tensorflow.contrib import rnn" not in out and not result.problems
    assert "cell = tf.nn.rnn_cell.BasicLSTMCell(8, forget_bias=1.0)" in out
    assert "outputs, states = tf.nn.static_rnn(cell, x, dtype=tf.float32)" in out
    # a use the table does not know (or the module passed around) keeps the import, reported
    out, result = migrate(code + "f(rnn)\n", names)
    assert "from tensorflow.contrib import rnn" in out and "rnn.BasicLSTMCell" in out
    assert [p["line"] for p in result.problems] == [1]


def test_renamed_contrib_uses_are_written_with_the_files_own_tf_alias(names):
    out, _ = migrate("import tensorflow as tf1\nfrom tensorflow.contrib import rnn\ncell = rnn.BasicLSTMCell(8)\n",
                     names)
    assert "cell = tf1.nn.rnn_cell.BasicLSTMCell(8)" in out
