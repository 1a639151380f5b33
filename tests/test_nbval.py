"""One course-style notebook, four ways, one output: nbconvert and nbval on the tf1 kernel,
``legacy NB --check``, and the ``--tf1-check`` pytest plugin (tf1_cnn/pytest_plugin.py)."""
import os
import subprocess
import sys

import nbformat
import pytest

from . import course_notebook
from .helpers import ROOT, run_cli


@pytest.fixture(scope="module")
def jupyter(tmp_path_factory):
    """(folder, env): the tf1 kernel installed into a temporary prefix, found through JUPYTER_PATH."""
    d = tmp_path_factory.mktemp("nbval")
    (d / "prefix").mkdir()
    proc = run_cli("-m", "tf1_cnn", "kernel", "install", "--prefix", str(d / "prefix"))
    assert proc.returncode == 0, proc.stderr
    env = dict(os.environ, JUPYTER_PATH=str(d / "prefix" / "share" / "jupyter"), TF_CPP_MIN_LOG_LEVEL="3")
    env.pop("PYTHONPATH", None)  # the kernelspec alone finds tf1_cnn (pytest -p below gets it explicitly)
    course_notebook.write(d / "course.ipynb")
    return d, env


def _run(args, cwd, env, timeout=900):
    return subprocess.run([sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


def _stdout(nb_path, cell):
    nb = nbformat.read(nb_path, as_version=4)
    return "".join(o.get("text", "") for o in nb.cells[cell].outputs if o.get("name") == "stdout")


@pytest.fixture(scope="module")
def converted(jupyter):
    d, env = jupyter
    proc = _run(["-m", "jupyter", "nbconvert", "--to", "notebook", "--execute",
                 "--ExecutePreprocessor.kernel_name=tf1", "course.ipynb", "--output", "nbconvert.ipynb"], d, env)
    assert proc.returncode == 0, proc.stderr
    return d / "nbconvert.ipynb"


def test_nbconvert_and_legacy_check_print_the_same_z3(jupyter, converted):
    d, env = jupyter
    proc = run_cli("-m", "tf1_cnn", "legacy", "course.ipynb", "--check", "--output", "legacy.ipynb", cwd=d)
    assert proc.returncode == 0 and "cell   6  match" in proc.stdout, proc.stdout + proc.stderr
    assert _stdout(converted, 5) == _stdout(d / "legacy.ipynb", 5)  # the same text, digit for digit
    assert _stdout(converted, 5).startswith("Z3 = [[-0.4467")


def test_nbval_strict_reruns_the_executed_notebook(jupyter, converted):
    d, env = jupyter
    proc = _run(["-m", "pytest", "-q", "-p", "no:cacheprovider", "--nbval", "--nbval-kernel-name", "tf1",
                 converted.name], d, env)
    assert proc.returncode == 0 and "5 passed" in proc.stdout, proc.stdout + proc.stderr


def test_nbval_lax_on_the_course_notebook(jupyter):
    d, env = jupyter
    proc = _run(["-m", "pytest", "-q", "-p", "no:cacheprovider", "--nbval-lax", "--nbval-kernel-name", "tf1",
                 "course.ipynb"], d, env)
    assert proc.returncode == 0 and "passed" in proc.stdout and "failed" not in proc.stdout, proc.stdout


def test_tf1_check_plugin_gives_one_item_per_stored_cell_with_check_tolerances(jupyter, tmp_path):
    d, env = jupyter
    # the course's published Z3 (stored with TF 1.x's last digits) passes within 1e-5; a number off
    # in the 4th digit fails its own item only
    cells = list(course_notebook.CELLS) + [("print('cost =', 2.91034)", "cost = 2.91134\n"), ("1 + 1", None)]
    course_notebook.write(tmp_path / "course_bad.ipynb", cells)
    env = dict(env, PYTHONPATH=str(ROOT))  # -p from a checkout, as the README's quick start runs
    proc = _run(["-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "tf1_cnn.pytest_plugin", "--tf1-check",
                 "course_bad.ipynb", "-rf"], tmp_path, env)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "1 failed, 1 passed" in proc.stdout
    assert "course_bad.ipynb::cell 7" in proc.stdout and "2.91034 where the notebook has 2.91134" in proc.stdout
