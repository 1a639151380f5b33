"""``legacy NOTEBOOK.ipynb [--check]``: course-style notebooks (tf1_cnn/legacy/notebook.py, check.py)."""
import json

import nbformat
import pytest

from tf1_cnn.legacy import check

from .helpers import run_cli
from .test_legacy import COURSE_CELLS

# The published B2 / B3 outputs, as the course notebook stored them (numpy's print layout)
Z3_TEXT = ("Z3 = [[-0.44670227 -1.57208765 -1.53049231 -2.31013036 -1.29104376  0.46852064]\n"
           " [-0.17601591 -1.57972014 -1.4737016  -2.61672091 -1.00810647  0.5747785 ]]\n")
COST_TEXT = "cost = 2.91034\n"


def _cells():
    """The ConvNet application's first cells in the course's form: (source, stored stdout or None)."""
    src = COURSE_CELLS.read_text()
    defs = src[src.index("def create_placeholders"):src.index("tf.reset_default_graph()")]
    z3_cell, cost_cell = src[src.index("tf.reset_default_graph()"):src.index("def model(")].split(
        "tf.reset_default_graph()")[1:]
    return [
        ("import math\nimport numpy as np\nimport h5py\nimport matplotlib.pyplot as plt\nimport scipy\n"
         "from PIL import Image\nfrom scipy import ndimage\nimport tensorflow as tf\n"
         "from tensorflow.python.framework import ops\nfrom cnn_utils import *\n\n%matplotlib inline\n"
         "np.random.seed(1)", None),
        ("!ls datasets", None),
        (defs, None),
        ("tf.reset_default_graph()" + z3_cell, Z3_TEXT),
        ("tf.reset_default_graph()" + cost_cell, COST_TEXT),
        ("plt.plot([3, 2, 1])\nplt.ylabel('cost')\nplt.show()", None),
        ("1 + 1", "2\n"),
    ]


def write_notebook(path, cells=None, version=4):
    nb = nbformat.v4.new_notebook()
    nb.cells.append(nbformat.v4.new_markdown_cell("# Convolutional Neural Networks: Application"))
    for source, stored in cells or _cells():
        cell = nbformat.v4.new_code_cell(source)
        if stored == "2\n":
            cell.outputs = [nbformat.v4.new_output("execute_result", data={"text/plain": "2"}, execution_count=1)]
        elif stored is not None:
            cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text=stored)]
        nb.cells.append(cell)
    if version == 3:
        nb = nbformat.convert(nb, 3)
    path.write_text(nbformat.writes(nb, version=version))
    return path


def legacy(*args, **kw):
    return run_cli("-m", "tf1_cnn", "legacy", *args, **kw)


@pytest.fixture(scope="module")
def checked(tmp_path_factory):
    d = tmp_path_factory.mktemp("nb")
    nb = write_notebook(d / "Convolution model - Application.ipynb")
    report = d / "cells.json"
    proc = legacy(str(nb), "--check", "--json", str(report), "--output", str(d / "out.ipynb"))
    return d, proc, json.loads(report.read_text()) if report.exists() else None


def test_course_notebook_matches_every_stored_number(checked):
    d, proc, report = checked
    assert proc.returncode == 0, proc.stdout + proc.stderr
    rows = {r["cell"]: r for r in report["cells"]}
    assert rows[5]["status"] == rows[6]["status"] == rows[8]["status"] == "match"
    assert rows[5]["max_diff"] < 1e-6 and rows[6]["max_diff"] < 1e-6
    assert rows[2]["status"] == "no stored output" and report["summary"]["match"] == 3
    assert "7 code cells: " in proc.stdout and "differs" not in proc.stdout
    # the migration report names the notebook's cell and line (the kernel's cell files mapped back)
    assert "Application.ipynb:cell 5:" in proc.stderr and "tf.placeholder" in proc.stderr


def test_shell_lines_run_as_in_jupyter(checked):
    # `!ls datasets` runs for real in the kernel (IPython's system()), as in Jupyter: its output is
    # the cell's stdout (the folder has no datasets/, so ls says so)
    d, _, _ = checked
    out = nbformat.read(d / "out.ipynb", as_version=4)
    text = "".join(o.get("text", "") for o in out.cells[2].outputs)
    assert "datasets" in text and "No such file" in text


def test_plot_cell_is_saved_as_a_file_and_output_notebook_written(checked):
    d, _, _ = checked
    assert (d / "out_files" / "cell7_1.png").stat().st_size > 1000
    out = nbformat.read(d / "out.ipynb", as_version=4)
    assert "image/png" in out.cells[6].outputs[0]["data"]  # cell 7 (cells count from 1)
    assert out.cells[4].outputs[0]["text"].startswith("Z3 = [[-0.4467")


def test_a_number_changed_in_the_4th_digit_fails_on_that_cell_only(tmp_path):
    cells = _cells()
    cells[4] = (cells[4][0], "cost = 2.91134\n")
    nb = write_notebook(tmp_path / "nb.ipynb", cells)
    proc = legacy(str(nb), "--check")
    assert proc.returncode == 1
    differs = [line for line in proc.stdout.splitlines() if " differs " in line]
    assert len(differs) == 1 and differs[0].startswith("cell   6") and "2.91134" in differs[0]


def test_raising_cell_stops_the_run_or_goes_on_with_keep_going(tmp_path):
    cells = [("x = 1\nprint(x)", "1\n"), ("undefined_name + 1", None), ("print(x + 1)", "2\n")]
    nb = write_notebook(tmp_path / "nb.ipynb", cells)
    proc = legacy(str(nb), "--check")
    # cell 1 is the markdown title: the code cells are 2, 3, 4
    assert proc.returncode == 1 and "cell   3  error" in proc.stdout and "cell   4  not run" in proc.stdout
    proc = legacy(str(nb), "--check", "--keep-going")
    assert "cell   4  match" in proc.stdout
    proc = legacy(str(nb))  # without --check: the cell's traceback, as Jupyter shows it
    assert proc.returncode == 1 and "NameError: name 'undefined_name' is not defined" in proc.stderr
    assert "nb.ipynb:cell 3" in proc.stderr


def test_notebook_format_3_runs(tmp_path):
    nb = write_notebook(tmp_path / "old.ipynb", [("import numpy as np\nprint(np.arange(3))", "[0 1 2]\n")], version=3)
    assert json.loads(nb.read_text())["nbformat"] == 3
    proc = legacy(str(nb), "--check")
    assert proc.returncode == 0 and "cell   2  match" in proc.stdout


@pytest.mark.parametrize("content,message", [
    (None, "no such notebook"),
    ("this is not json", "not a readable Jupyter notebook"),
    ('{"cells": [', "not a readable Jupyter notebook"),
])
def test_bad_notebooks_are_one_line_errors(tmp_path, content, message):
    path = tmp_path / "bad.ipynb"
    if content is not None:
        path.write_text(content)
    proc = legacy(str(path), "--check")
    assert proc.returncode == 2 and message in proc.stderr and "Traceback" not in proc.stderr


def test_output_never_replaces_the_input_or_an_existing_file(tmp_path):
    nb = write_notebook(tmp_path / "nb.ipynb", [("print(1)", "1\n")])
    proc = legacy(str(nb), "--output", str(nb), "--force")
    assert proc.returncode == 2 and "that is the notebook being run" in proc.stderr
    existing = tmp_path / "exists.ipynb"
    existing.write_text("keep")
    proc = legacy(str(nb), "--output", str(existing))
    assert proc.returncode == 2 and "exists; pass --force" in proc.stderr and existing.read_text() == "keep"


def test_compare_text_normalises_whitespace_and_reports_the_first_difference():
    ok = check.compare_text("Z3 = [[ 0.1234567  -1.0 ]]", "Z3 = [[0.12345671 -1.0]]")
    assert ok.status == "match" and ok.max_diff < 1e-7
    bad = check.compare_text("cost = 2.91034", "cost = 2.95034")
    assert bad.status == "differs" and abs(bad.max_diff - 0.04) < 1e-9 and "2.91034" in bad.detail
    assert check.compare_text("loss 1", "cost 1").status == "differs"
    assert check.compare_text("a 1 2", "a 1").status == "differs"


@pytest.mark.parametrize("ours, stored", [
    # Keras 2.0.8's bar (stored by TF 1.4's tf.keras) and its evaluate's ETA; Keras 2.1+ / TF 1.15's per-sample time
    ("55000/55000 [==============================] - 2s - loss: 0.2261 - acc: 0.9335",
     "55000/55000 [==============================] - 5s - loss: 0.2261 - acc: 0.9335        "),
    (" 9152/10000 [==========================>...] - ETA: 1s", " 9152/10000 [==========================>...] - ETA: 0s"),
    ("60000/60000 [====] - 8s 130us/sample - loss: 0.1766", "60000/60000 [====] - 5s 90us/sample - loss: 0.1766"),
    ("3s - loss: 0.2 - acc: 0.9", "5s - loss: 0.2 - acc: 0.9"),  # 2.0.8's verbose=2 line opens with the time
    ("ETA: 1:02:03", "ETA: 59s"),
    # an Estimator's INFO lines (basic_session_run_hooks, evaluation.py of TF 1.3-1.15)
    ("INFO:tensorflow:global_step/sec: 50.0982\nINFO:tensorflow:loss = 0.344767, step = 101 (2.004 sec)",
     "INFO:tensorflow:global_step/sec: 602.544\nINFO:tensorflow:loss = 0.344767, step = 101 (0.167 sec)"),
    ("INFO:tensorflow:Finished evaluation at 2026-12-07-19:20:35", "INFO:tensorflow:Finished evaluation at 2017-08-21-13:57:02"),
    ("acc: 0.9335\n<History at 0x7f1>", "acc: 0.9335        " + "\b" * 40 + "\n<History at 0x7f2>"),  # stored \b runs
    ("Time usage: 0:00:05", "Time usage: 0:00:00"), ("took 0:01:02.123456", "took 0:00:59.000001"),  # str(timedelta)
])
def test_timings_are_masked_on_both_sides(ours, stored):
    assert check.compare_text(ours, stored).status == "match"


@pytest.mark.parametrize("ours, stored", [
    ("55000/55000 [====] - 5s - loss: 0.2261", "55000/55000 [====] - 5s - loss: 0.3261"),  # a loss is not a time
    ("Epoch 1/5", "Epoch 2/5"), ("after 5s - steps 3", "after 6s - steps 3"),  # a user's own text is compared
    ("ratio 1:2", "ratio 1:3"), ("Time usage: 0:00:05 acc 0.5", "Time usage: 0:00:00 acc 0.6"),
    ("INFO:tensorflow:loss = 0.3, step = 101 (2.004 sec)", "INFO:tensorflow:loss = 0.3, step = 201 (0.167 sec)"),
])
def test_only_timings_are_masked(ours, stored):
    assert check.compare_text(ours, stored).status == "differs"


def test_missing_data_file_fails_its_cell_with_the_clear_message_and_keep_going_checks_the_rest(tmp_path):
    cells = [("from cnn_utils import *\nimport numpy as np", None),
             ("X_train_orig, Y_train_orig, X_test_orig, Y_test_orig, classes = load_dataset()", None),
             ("print(np.arange(3))", "[0 1 2]\n")]
    nb = write_notebook(tmp_path / "nb.ipynb", cells)
    proc = legacy(str(nb), "--check", "--keep-going")
    assert proc.returncode == 1
    error = next(line for line in proc.stdout.splitlines() if line.startswith("cell   3"))
    assert "error" in error and "train_signs.h5 and test_signs.h5 not found" in error and "Traceback" not in error
    assert "cell   4  match" in proc.stdout


# The course's "Residual Networks" notebook stored these outputs for its two block test cells
# (Keras 2 on TF 1.x, glorot_uniform(seed=0) kernels, batch norm in inference mode).
IDENTITY_OUT = "out = [ 0.94822985  0.          1.16101444  2.747859    0.          1.36677003]\n"
CONV_OUT = "out = [ 0.09018463  1.23489773  0.46822017  0.0367176   0.          0.65516603]\n"


def test_course_resnet_notebook_block_outputs_match_the_stored_ones(tmp_path):
    from .test_legacy import SCRIPTS

    src = (SCRIPTS / "course_resnet_blocks.py").read_text()
    first = src[:src.index("def identity_block")]
    id_def = src[src.index("def identity_block"):src.index("def convolutional_block")]
    conv_def = src[src.index("def convolutional_block"):src.index("tf.reset_default_graph()")]
    tests = src[src.index("tf.reset_default_graph()"):].split("tf.reset_default_graph()")[1:]
    cells = [(first, None), (id_def, None), ("tf.reset_default_graph()" + tests[0], IDENTITY_OUT),
             (conv_def, None), ("tf.reset_default_graph()" + tests[1], CONV_OUT)]
    nb = write_notebook(tmp_path / "Residual Networks - v2.ipynb", cells, version=3)
    proc = legacy(str(nb), "--check")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    matched = [line for line in proc.stdout.splitlines() if " match " in line]
    assert len(matched) == 2 and all("max diff" in line for line in matched)


def test_outputs_are_what_jupyter_stores_and_a_slow_cell_times_out(tmp_path):
    # Jupyter stores a progress line's last state (nbclient collapses "\r" as the front ends do), a
    # last value through IPython's formatter ("<... at 0x...>", the address masked by --check), and
    # the figure as a display_data image; --timeout interrupts a cell, --keep-going runs on after it.
    nb = nbformat.v4.new_notebook()
    sources = ["for i in range(3):\n    print('\\rstep %d' % i, end='')\nprint()",
               "import matplotlib.pyplot as plt\nplt.imshow([[0, 1]])",
               "import time\ntime.sleep(120)",
               "print(1)"]
    nb.cells = [nbformat.v4.new_code_cell(s, execution_count=i) for i, s in enumerate(sources, start=1)]
    nb.cells[0].outputs = [nbformat.v4.new_output("stream", name="stdout", text="step 2\n")]
    nb.cells[1].outputs = [nbformat.v4.new_output("execute_result", execution_count=2,
                                                  data={"text/plain": "<matplotlib.image.AxesImage at 0x7fac0c1d2e90>"})]
    nb.cells[3].outputs = [nbformat.v4.new_output("stream", name="stdout", text="1\n")]
    path = tmp_path / "nb.ipynb"
    path.write_text(nbformat.writes(nb))
    proc = legacy(str(path), "--check", "--keep-going", "--timeout", "5", "--output", str(tmp_path / "out.ipynb"))
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("cell   1  match") and lines[1].startswith("cell   2  match"), proc.stdout
    assert lines[2].startswith("cell   3  error") and "longer than --timeout 5" in lines[2]
    assert lines[3].startswith("cell   4  match") and proc.returncode == 1
    out = nbformat.read(tmp_path / "out.ipynb", as_version=4)
    assert out.cells[0].outputs[0]["text"] == "step 2\n"
    assert [o["output_type"] for o in out.cells[1].outputs] == ["execute_result", "display_data"]
    assert (tmp_path / "out_files" / "cell2_1.png").stat().st_size > 500
    assert out.metadata["kernelspec"]["name"] == "tf1"


def test_timeout_must_be_positive(tmp_path):
    nb = write_notebook(tmp_path / "nb.ipynb", [("print(1)", "1\n")])
    proc = legacy(str(nb), "--timeout", "0")
    assert proc.returncode == 2 and "--timeout must be > 0" in proc.stderr
