"""Which NumPy printed a notebook's stored outputs (tf1_cnn/legacy/numpy_style.py), and a course-style
notebook whose stored outputs TF 1.3.0 on NumPy 1.13.3 printed (tests/notebooks/course_numpy113.ipynb,
written by tests/make_course_numpy113.py) rerun under ``legacy NB``: text for text."""
import json
import re

import nbformat
import pytest

from tf1_cnn.legacy import check, numpy_style

from .helpers import ROOT, run_cli

FIXTURE = ROOT / "tests" / "notebooks" / "course_numpy113.ipynb"


@pytest.mark.parametrize("text, marks", [
    ("[ 0.5  1. ]", (1, 0)), ("array([ 0.5,  1. ])", (1, 0)), ("[[ 0.1  0.2]\n [ 0.3  0.4]]", (2, 0)),
    ("[0.5 1. ]", (0, 1)), ("array([0.5, 1. ])", (0, 1)),
    ("[ -1.5   2.25]", (0, 0)),  # a negative element: both versions open with a space
    ("[0.5, 1.0]", (0, 0)), ("[1 2 3]", (0, 0)), ("cost = 0.692360880758", (0, 0)),
])
def test_marks(text, marks):
    assert numpy_style.marks(text) == marks


def _nb(*texts):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("x", outputs=[nbformat.v4.new_output("stream", name="stdout", text=t)])
                for t in texts]
    return nb


def test_infer():
    assert numpy_style.infer(_nb("[ 0.5  1. ]", "[1 2]"))[0] == "1.13"
    assert numpy_style.infer(_nb("[0.5 1. ]"))[0] == "1.16"
    assert numpy_style.infer(_nb("[0.5 1. ]", "[ 0.5  1. ]")) == (None, {"1.13": 1, "1.14+": 1})
    assert numpy_style.infer(_nb("no arrays"))[0] is None
    assert numpy_style.infer(nbformat.read(str(FIXTURE), as_version=4))[0] == "1.13"


def test_the_fixture_was_printed_by_numpy_113():
    """What only NumPy 1.13 printed is in the stored outputs (they were not made on a later NumPy)."""
    texts = "".join(check.stored_text(c) or "" for c in nbformat.read(str(FIXTURE), as_version=4).cells)
    assert "sigmoid(x) = [ 0.73105858  0.88079708  0.95257413]" in texts
    assert "L1 = 1.1\n" in texts and "cost = -0.354933734593\n" in texts  # float64 str: 12 significant digits


def test_course_notebook_of_numpy_113_matches_text_for_text(tmp_path):
    out, table = tmp_path / "out.ipynb", tmp_path / "check.json"
    proc = run_cli("-m", "tf1_cnn", "legacy", str(FIXTURE), "--check", "--output", str(out), "--json", str(table),
                   "--no-report", timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr[-3000:]
    assert "NumPy printing: 1.13, as the stored outputs show" in proc.stdout
    assert json.loads(table.read_text())["summary"] == {"match": 8, "no stored output": 1}
    stored = nbformat.read(str(FIXTURE), as_version=4).cells
    ran = nbformat.read(str(out), as_version=4).cells
    for old, new in zip(stored, ran):
        ours, theirs = check.stored_text(new), check.stored_text(old)
        if "tf." not in new.source:  # NumPy's own arithmetic: the same characters
            assert ours == theirs, new.source
        else:  # TensorFlow's float32 results may differ in the last bit (TF 1.3's Eigen kernels, TF 2.21's
            # oneDNN): the same characters where digits are not, the same width, the numbers within 1 ulp
            assert re.sub(r"\d", "0", ours) == re.sub(r"\d", "0", theirs), new.source
            assert check.compare_text(ours, theirs, atol=1e-7, rtol=2 ** -23).status == "match", new.source
        assert not [o for o in new.outputs if o.get("name") == "stderr"], new.outputs
