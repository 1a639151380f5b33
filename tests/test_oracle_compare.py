"""``python -m tf1_cnn compare``: real TF 1.x (the oracle) beside the runtime.

The oracle tests run tiny scripts on real TF 1.x (``tf1_oracle`` fixture: skipped outside CI
when the environment is missing, failing in CI) and on the runtime. The rules (printed
numbers, drift, graph diff, notebook cells) are also tested without the oracle.
"""
import json

import pytest

from tf1_cnn.oracle import cli, graphs, outputs, probe

from .helpers import run_cli

MATMUL = """\
import numpy as np
import tensorflow as tf
a = tf.placeholder(tf.float32, [2, 3], name="a")
b = tf.placeholder(tf.float32, [3, 2], name="b")
c = tf.matmul(a, b)
with tf.Session() as sess:
    for step in range(4):
        print("step", step, sess.run(c, {a: np.ones((2, 3)) * step, b: np.arange(6).reshape(3, 2)}))
"""

# tf.random_uniform's default range: TF 1.x builds min, max, RandomUniform, sub, mul, add (7 ops);
# TF 2.21 only shape and RandomUniform (2). Line 4 makes it.
RANDOM_UNIFORM = """\
import tensorflow as tf
tf.set_random_seed(1)
x = tf.placeholder(tf.float32, [None, 3])
w = tf.Variable(tf.random_uniform([3, 2]))
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    print(sess.run(tf.matmul(x, w), {x: [[1, 2, 3]]}))
"""


def compare(argv, capsys):
    """``python -m tf1_cnn compare ARGV`` in this process: (exit status, stdout, stderr)."""
    from tf1_cnn.__main__ import main

    status = main(["compare", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def write(folder, name, text):
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text)
    return path


def notebook(path, cells):
    nb = {"cells": [{"cell_type": "markdown", "metadata": {}, "source": ["# a notebook"]}] + [
        {"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [], "source": src}
        for src in cells], "metadata": {}, "nbformat": 4, "nbformat_minor": 2}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(nb))
    return path


# --- with the oracle ---------------------------------------------------------------------------

def test_identical_graph_agrees(tf1_oracle, tmp_path, capsys):
    tf1_oracle("1.3")
    script = write(tmp_path / "code", "matmul.py", MATMUL)
    status, out, _ = compare(["--tf1", "1.3", "--max-runs", "2", str(script)], capsys)
    assert status == 0, out
    assert "graphs: identical at every session run (3 / 3 ops, 1 / 1 records)" in out
    assert "output: 2 lines agree" in out  # --max-runs 2: two prints (an array is one line), both stopped at the third run
    assert "stopped at --max-runs" in out and "result: agree" in out
    assert sorted(p.name for p in (tmp_path / "code").iterdir()) == ["matmul.py"]  # nothing written there


def test_random_uniform_builds_tf1s_seven_ops_and_agrees(tf1_oracle, tmp_path, capsys):
    """tf.random_uniform's default range: 7 ops on TF 1.x, 2 on TF 2.21 alone; the runtime builds TF 1.x's."""
    tf1_oracle("1.15")
    script = write(tmp_path / "code", "ru.py", RANDOM_UNIFORM)
    report = tmp_path / "report.json"
    status, out, _ = compare(["--tf1", "1.15", "--json", str(report), str(script)], capsys)
    assert status == 0, out
    data = json.loads(report.read_text())
    assert data["graphs"]["seeds_differ"] == 0 and data["verdict"] == "agree"


UINT8_STANDARDIZATION = """\
import tensorflow as tf
tf.set_random_seed(1)
image = tf.placeholder(tf.uint8, [4, 4, 3])
std = tf.image.per_image_standardization(image)
w = tf.Variable(tf.random_uniform([3, 2]))
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    print(sess.run(w))
"""


def test_a_differing_op_is_named_with_its_line_and_the_seed_it_moves(tf1_oracle, tmp_path, capsys):
    """per_image_standardization of a uint8 image: TF 1.15.5 converts it to float32 with convert_image_dtype
    (and back at the end: 9 ops more; a known difference, tests/test_op_tables.py), so the next unseeded
    draw gets op seed 36 there, 27 here."""
    tf1_oracle("1.15")
    script = write(tmp_path / "code", "std.py", UINT8_STANDARDIZATION)
    report = tmp_path / "report.json"
    status, out, _ = compare(["--tf1", "1.15", "--json", str(report), str(script)], capsys)
    assert status == 1, out
    assert "first difference at op 2 (another name), session run 1" in out
    data = json.loads(report.read_text())
    diff = data["graphs"]["first_difference"]
    assert diff["tf1"] == {"index": 2, "name": "per_image_standardization/convert_image/Cast", "type": "Cast",
                           "source": "std.py:4"}
    assert diff["runtime"]["name"] == "per_image_standardization/Cast" and diff["runtime"]["source"] == "std.py:4"
    assert data["graphs"]["first"]["tf1"]["seed2"] == 36 and data["graphs"]["first"]["runtime"]["seed2"] == 27
    assert data["graphs"]["seeds_differ"] == 1
    assert data["verdict"] == "differ" and data["exit_status"] == 1
    assert data["sides"]["tf1"]["ops"] == {"1": data["graphs"]["ops"][0]}
    assert data["output"]["verdict"] == "differ"  # other seeds: other weights
    status, out, err = compare(["--tf1", "1.15", "--json", str(report), str(script)], capsys)
    assert status == 2 and "exists; pass --force" in err


def test_notebook_is_compared_cell_by_cell(tf1_oracle, tmp_path, capsys):
    tf1_oracle("1.15")
    nb = notebook(tmp_path / "nb" / "n.ipynb", [
        ["%matplotlib inline\n", "import tensorflow as tf\n", "x = tf.placeholder(tf.float32, [None, 2])\n"],
        ["y = tf.matmul(x, tf.ones([2, 1]))\n", "sess = tf.Session()\n", "sess.run(y, {x: [[1, 2]]})"],
        ["!ls\n", "z = y + 1.0\n", "print(sess.run(z, {x: [[3, 4]]}))"],
    ])
    report = tmp_path / "nb.json"
    status, out, _ = compare(["--tf1", "1.15", str(nb), "--json", str(report)], capsys)
    assert status == 0, out
    data = json.loads(report.read_text())
    assert [c["cell"] for c in data["output"]["cells"]] == [3, 4]  # cell 2 prints nothing
    assert all(c["verdict"] == "agree" for c in data["output"]["cells"])
    assert data["graphs"]["records"] == [2, 2]
    assert data["sides"]["tf1"]["session_runs"] == 2


def test_timeout_is_incomplete(tf1_oracle, tmp_path, capsys):
    tf1_oracle("1.3")
    script = write(tmp_path / "code", "slow.py", "import time\nprint('start')\ntime.sleep(60)\n")
    status, out, _ = compare(["--tf1", "1.3", "--timeout", "2", str(script)], capsys)
    assert status == 1
    assert "timed out" in out and "result: incomplete" in out


def test_missing_environment_says_run_setup(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("TF1_CNN_ORACLE_DIR", str(tmp_path / "none"))
    monkeypatch.delenv("TF1_CNN_TF1_ENV_1_4", raising=False)
    script = write(tmp_path, "s.py", "print(1)\n")
    status, _, err = compare(["--tf1", "1.4", str(script)], capsys)
    assert status == 2
    assert err.strip().splitlines() == [
        f"error: no TF 1.4 environment in {tmp_path / 'none' / 'tf1.4'}: run python -m tf1_cnn compare --setup --tf1 1.4"]


@pytest.mark.parametrize("argv,message", [
    (["missing.py"], "missing.py: no such script"),
    (["--tf1", "2.0", "SCRIPT"], "--tf1 must be one of 1.3, 1.4, 1.15, got '2.0'"),
    (["--tf1", "all", "SCRIPT"], "--tf1 all is for --setup"),
    (["--atol", "-1", "SCRIPT"], "--atol must be >= 0, got -1.0"),
    (["--ignore", "(", "SCRIPT"], "--ignore '(': not a regular expression"),
    (["--setup", "SCRIPT"], "--setup takes no SCRIPT"),
    (["--keras", "SCRIPT"], "--keras and --tf1-python are for --setup"),
    ([], "give the SCRIPT or NOTEBOOK to compare"),
    (["BADNB"], "not a notebook (invalid JSON"),
    (["NB", "extra"], "unexpected argument 'extra' after the notebook"),
])
def test_bad_input_is_one_line(argv, message, tmp_path, capsys):
    script = write(tmp_path, "s.py", "print(1)\n")
    bad = write(tmp_path, "bad.ipynb", "{not json")
    nb = notebook(tmp_path / "n.ipynb", [["print(1)\n"]])
    argv = [{"SCRIPT": str(script), "BADNB": str(bad), "NB": str(nb)}.get(a, a) for a in argv]
    status, out, err = compare(argv, capsys)
    assert status == 2
    assert len(err.strip().splitlines()) == 1 and message in err, err


def test_keep_inside_the_copied_folder_is_refused(tmp_path, capsys):
    script = write(tmp_path, "s.py", "print(1)\n")
    status, _, err = compare(["--keep", str(tmp_path / "keep"), str(script)], capsys)
    assert status == 2 and "inside the folder being copied" in err


def test_help_does_not_import_tensorflow():
    check = ("import sys, runpy\nsys.argv = ['tf1_cnn', 'compare', '--help']\ntry:\n"
             "    runpy.run_module('tf1_cnn', run_name='__main__')\nexcept SystemExit:\n    pass\n"
             "print('TF_IMPORTED', 'tensorflow' in sys.modules)\n")
    proc = run_cli("-c", check)
    assert "TF_IMPORTED False" in proc.stdout and "--strict-lines" in proc.stdout, proc.stdout + proc.stderr


# --- without the oracle: the rules ----------------------------------------------------------------

def test_parse_line_separates_text_and_numbers():
    assert outputs.parse_line("loss 0.25 at step 3, acc=1e-3") == ("loss#atstep#,acc=#", [0.25, 3.0, 0.001])
    # digits inside names are text: another op name is a text difference, not a number
    assert outputs.parse_line('Tensor("X_4:0", shape=(?, 2))')[0] != outputs.parse_line('Tensor("X:0", shape=(?, 2))')[0]
    assert outputs.parse_line("[[2.7536492 2.139237 ]]")[0] == outputs.parse_line("[[4.37311  4.041736]]")[0]
    assert outputs.parse_line("<obj at 0x7f3a>") == outputs.parse_line("<obj at 0x55b1>")
    assert outputs.parse_line("nan -inf")[1][1] == float("-inf")


def test_compare_lines_tolerance_and_first_difference():
    a = ["step 0 loss 2.3025851", "step 1 loss 2.2000001", "step 2 loss 2.1"]
    assert outputs.compare_lines(a, ["step 0 loss 2.302585", "step 1 loss 2.2", "step 2 loss 2.1"])["first"] is None
    r = outputs.compare_lines(a, ["step 0 loss 2.3025851", "step 1 loss 2.21", "step 2 loss 2.1"])
    assert r["first"] == {"line": 2, "kind": "number", "tf1": a[1], "runtime": "step 1 loss 2.21",
                          "values": [2.2000001, 2.21]}
    assert r["agreed"] == 1 and r["numeric_agreed"] == 1 and not r["text_differs"]
    r = outputs.compare_lines(a, a[:2])
    assert r["first"]["kind"] == "missing" and r["first"]["line"] == 3 and r["text_differs"]
    assert outputs.compare_lines(["nan"], ["nan"])["first"] is None
    assert outputs.compare_lines(["1e-7"], ["0"])["first"] is None  # atol: float32 noise around 0


def test_drift_rule():
    tf1 = ["epoch 1 cost 1.9123456", "epoch 2 cost 1.5000000", "epoch 3 cost 1.2000000"]
    late = ["epoch 1 cost 1.9123455", "epoch 2 cost 1.5001000", "epoch 3 cost 1.2003000"]
    first = ["epoch 1 cost 1.9200000", "epoch 2 cost 1.5000000", "epoch 3 cost 1.2000000"]
    r = outputs.compare_lines(tf1, late)
    assert outputs.classify(r, graphs_identical=True) == "drift"
    assert r["agreed"] == 1 and r["max_rel_after"] == pytest.approx(3000 / 1.2e7, rel=1e-3)
    assert outputs.classify(r, graphs_identical=False) == "differ"  # another graph: never drift
    assert outputs.classify(r, graphs_identical=True, strict_lines=2) == "differ"
    assert outputs.classify(outputs.compare_lines(tf1, first), graphs_identical=True) == "differ"
    text = late[:2] + ["epoch 3 cost 1.2 (early stop)"]
    assert outputs.classify(outputs.compare_lines(tf1, text), graphs_identical=True) == "differ"
    assert outputs.classify(outputs.compare_lines(tf1, tf1), graphs_identical=False) == "agree"


def record(ops, run=1, graph=1, start=0, cell=None):
    return {"record": 1, "run": run, "cell": cell, "graph": graph, "graph_seed": None, "start": start,
            "ops": [list(op) + [None] * (5 - len(op)) for op in ops]}


def test_first_difference_with_context_and_sources():
    a = [record([("x", "Placeholder", "s.py:1"), ("add/y", "Const", "s.py:2"), ("add", "Add", "s.py:2")])]
    b = [record([("x", "Placeholder", "s.py:1"), ("add/y", "Const", "s.py:2"), ("add", "AddV2", "s.py:2")])]
    diff = graphs.first_difference(a, b)
    assert diff["kind"] == "another type" and diff["index"] == 2 and diff["where"] == "session run 1, graph 1"
    assert diff["tf1"] == {"index": 2, "name": "add", "type": "Add", "source": "s.py:2"}
    assert [op["name"] for op in diff["context"]["runtime"]] == ["x", "add/y", "add"]
    lines = graphs.format_difference(diff)
    assert lines[0].startswith("first difference at op 2 (another type)")
    assert any(l.lstrip().startswith(">") and "Add " in l and "AddV2" in l for l in lines)
    assert graphs.first_difference(a, a) is None
    longer = [record(a[0]["ops"] + [["init", "NoOp", "s.py:3", None, None]])]
    assert graphs.first_difference(a, longer)["kind"] == "an extra op on the runtime"
    assert graphs.first_difference(a, a + [record([("y", "Const")], run=2, start=3)])["kind"] == \
        "no such record on TF 1.x"
    assert graphs.compare(a, b)["ops"] == [3, 3] and not graphs.compare(a, b)["identical"]
    seeded = [dict(a[0], graph_seed=1)]
    assert graphs.first_difference(seeded, a)["kind"] == "graph seed 1 on TF 1.x, None on the runtime"


def test_seed_differences_pair_the_kth_random_ops():
    a = [record([("d/RandomUniform", "RandomUniform", "s.py:5", 1, 12), ("w", "TruncatedNormal", "s.py:6", 1, 20)])]
    b = [record([("d/RandomUniform", "RandomUniform", "s.py:5", 1, 10), ("w", "TruncatedNormal", "s.py:6", 1, 20)])]
    s = graphs.seed_differences(a, b)
    assert s["random_ops"] == [2, 2] and s["seeds_differ"] == 1
    assert s["first"]["tf1"]["seed2"] == 12 and s["first"]["runtime"]["seed2"] == 10


def test_split_cells_and_notebook_code(tmp_path):
    text = "<<tf1-cnn cell 2>>\nhello 1\n<<tf1-cnn cell 4>>\n\nloss 0.5\n"
    assert cli.split_cells(text, []) == [(2, "hello 1"), (4, "loss 0.5")]
    assert cli.split_cells("a\n[1\n 2]\n", []) == [(None, "a"), (None, "[1 2]")]
    assert probe.cell_code("%matplotlib inline\nx = 1\n!ls\nfiles = !ls\n") == "\nx = 1\n\n\n"
    assert probe.cell_code("%%time\nx = 1\n") == "x = 1\n"
    assert probe.cell_code("%%bash\nls\n") is None
    nb = notebook(tmp_path / "n.ipynb", [["a = 1\n"], "b = 2"])
    assert probe.read_cells(str(nb)) == [(2, "a = 1\n"), (3, "b = 2")]
    v3 = tmp_path / "v3.ipynb"
    v3.write_text(json.dumps({"nbformat": 3, "worksheets": [{"cells": [
        {"cell_type": "markdown", "source": "x"}, {"cell_type": "code", "input": ["c = 3\n"]}]}]}))
    assert probe.read_cells(str(v3)) == [(2, "c = 3\n")]


def test_runtime_version_maps_1_4(monkeypatch):
    from tf1_cnn.compat import settings

    if "1.4" in settings.TF1_VERSIONS:
        assert cli.runtime_version("1.4") == ("1.4", None)
        monkeypatch.delitem(settings.TF1_VERSIONS, "1.4")
    version, note = cli.runtime_version("1.4")
    assert version == "1.3" and "no --tf1-version 1.4" in note
    assert cli.runtime_version("1.15") == ("1.15", None)


def test_probe_is_python36_code():
    import ast

    with open(probe.__file__) as f:
        tree = ast.parse(f.read(), feature_version=(3, 6))  # no walrus, no 3.8+ syntax
    assert not any(isinstance(n, ast.ImportFrom) and n.module == "__future__" for n in ast.walk(tree))
    assert not any(isinstance(n, ast.ImportFrom) and (n.module or "").startswith("tf1_cnn") and n.col_offset == 0
                   for n in tree.body)  # the project only on the runtime's side, imported inside main()


def test_statement_lines_map_a_call_to_its_first_line(tmp_path):
    (tmp_path / "ops.py").write_text("import tensorflow as tf\n\n\ndef w(shape):\n    init = 1\n"
                                     "    return tf.get_variable('W',\n                           shape=shape,\n"
                                     "                           initializer=init)\n")
    lines = graphs.StatementLines(str(tmp_path), {"<cell 2>": "x = f(1,\n      2)\n"})
    assert lines("ops.py:8") == "ops.py:6"  # Python 3.6's line of the call (its last argument) -> its first
    assert lines("ops.py:6") == "ops.py:6" and lines("ops.py:5") == "ops.py:5"
    assert lines("<cell 2>:2") == "<cell 2>:1"
    assert lines(None) is None and lines("missing.py:3") == "missing.py:3"


def test_blocks_list_every_run_of_differing_ops():
    a = [record([("x", "Placeholder", "s.py:1"), ("ru/min", "Const", "s.py:2"), ("ru/max", "Const", "s.py:2"),
                 ("ru/RandomUniform", "RandomUniform", "s.py:2"), ("ru", "Add", "s.py:2"),
                 ("mm", "MatMul", "s.py:3"), ("add", "Add", "s.py:4")])]
    b = [record([("x", "Placeholder", "s.py:1"), ("ru/RandomUniform", "RandomUniform", "s.py:2"),
                 ("mm", "MatMul", "s.py:3"), ("add", "AddV2", "s.py:4")])]
    found, more = graphs.blocks(a, b)
    assert not more
    assert [(f["tf1"], f["runtime"], f["scope"], f["sources"]) for f in found] == [
        ([1, 3], [1, 1], "ru", ["s.py:2"]), ([4, 5], [2, 2], "ru", ["s.py:2"]), ([6, 7], [3, 4], "add", ["s.py:4"])]
    assert found[2]["tf1_types"] == ["Add"] and found[2]["runtime_types"] == ["AddV2"]
    assert graphs.compare(a, a)["blocks"] == []


QUEUES = """\
import tensorflow as tf
q = tf.train.range_input_producer(10, shuffle=False)
batch = tf.train.batch([q.dequeue()], batch_size=2)
with tf.Session() as sess:
    coord = tf.train.Coordinator()
    threads = tf.train.start_queue_runners(sess=sess, coord=coord)
    for step in range(4):
        print("batch", sess.run(batch))
    coord.request_stop()
    coord.join(threads)
"""


def test_max_runs_counts_the_main_threads_runs_only(tf1_oracle, tmp_path, capsys):
    tf1_oracle("1.3")
    script = write(tmp_path / "code", "queues.py", QUEUES)
    status, out, _ = compare(["--tf1", "1.3", "--max-runs", "2", "--timeout", "120", "--json",
                              str(tmp_path / "q.json"), str(script)], capsys)
    data = json.loads((tmp_path / "q.json").read_text())
    # the queue runners' own session runs neither count nor stop: both sides stop at the 3rd batch
    assert data["sides"]["tf1"]["stopped_at_max_runs"] and data["sides"]["runtime"]["stopped_at_max_runs"], out
    assert data["output"]["lines"] == [2, 2]


MONITORED = """\
import tensorflow as tf
step = tf.train.get_or_create_global_step()
x = tf.constant([[1.0, 2.0]])
w = tf.get_variable("w", [2, 1], initializer=tf.ones_initializer())
loss = tf.reduce_sum(tf.matmul(x, w))
train = tf.train.GradientDescentOptimizer(0.1).minimize(loss, global_step=step)
with tf.train.MonitoredTrainingSession(hooks=[tf.train.StopAtStepHook(last_step=3)]) as sess:
    while not sess.should_stop():
        print("loss", sess.run(loss))  # not fetched with train: which one runs first would be a race
        sess.run(train)
"""


def test_monitored_training_session_is_recorded(tf1_oracle, tmp_path, capsys):
    tf1_oracle("1.15")
    script = write(tmp_path / "code", "mon.py", MONITORED)
    status, out, _ = compare(["--tf1", "1.15", "--json", str(tmp_path / "m.json"), str(script)], capsys)
    data = json.loads((tmp_path / "m.json").read_text())
    # the graph (with the Saver and the hooks' ops) is recorded when the monitored session first runs
    assert data["graphs"]["records"] == [1, 1], out
    assert all(data["sides"][s]["session_runs"] > 3 for s in ("tf1", "runtime"))  # its own runs too
    assert data["output"]["verdict"] == "agree" and data["output"]["lines"] == [3, 3]
    assert data["graphs"]["ops"][0] > 100  # the Saver's ops are in it


def test_a_printed_array_is_one_line_however_numpy_wraps_it():
    tf1 = "[[206.     6.     2.95  32.27   0.    72.    26.81  56.06  60.  ]\n [1. 2. 3. 4. 5. 6. 7. 8. 9.]]\ndone\n"
    rt = ("[[2.060e+02 6.000e+00 2.950e+00 3.227e+01 0.000e+00 7.200e+01 2.681e+01\n  5.606e+01 6.000e+01]\n"
          " [1.000e+00 2.000e+00 3.000e+00 4.000e+00 5.000e+00 6.000e+00 7.000e+00\n  8.000e+00 9.000e+00]]\ndone\n")
    a, b = outputs.lines_of(tf1), outputs.lines_of(rt)
    assert len(a) == len(b) == 2 and a[1] == b[1] == "done"
    assert outputs.compare_lines(a, b)["first"] is None
    assert outputs.lines_of("a [unclosed\nb\n") == ["a [unclosed b"]  # the end closes what is open
