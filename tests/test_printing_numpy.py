"""NumPy's printing of the TF1 era (tf1_cnn/compat/printing/numpy.py) against NumPy itself.

The same arrays and scalars are printed by NumPy 1.13.3 (the ``numpy1.13`` oracle environment),
NumPy 1.16.6 (the TF 1.3 environment) and 1.18.5 (TF 1.15.5's), and by NumPy 1.26 here under
``apply(era)``: the text must be the same, character for character.
"""
import os
import subprocess
import sys

import pytest

from tests.helpers import ROOT, oracle_env
from tf1_cnn.compat.printing import numpy as numpy_print

# Python 3.6-compatible: it runs in the oracles too
CASES = r'''
import numpy as np
r = np.random.RandomState(0)
cases = [
    np.float64(0.6923608807576933), np.float64(1) / 3, np.float64(1e-7), np.float64(123456789.123),
    np.float64(2.0), np.float64(-0.5) * 3, np.float32(0.1), np.float32(1.7640524), np.float32(-2) / 3,
    np.int64(3), np.int32(-7), np.bool_(True), np.array(3.5),
    np.array([-1.28912231, 2.27650251, 6.]), np.array([1.5, 2.25, 3.]), np.array([[0.1, -0.2], [3.0, 4.0]]),
    np.array([1, 2, 3]), np.array([[-1, 20], [300, 4]]), np.array([True, False]), np.zeros((2, 0)),
    np.arange(2000.0), np.arange(2000).reshape(40, 50) / 7., np.arange(1500),
    np.array([0.1, 0.2], dtype=np.float32), r.randn(3, 4).astype(np.float32), r.randn(30, 40).astype(np.float32),
    (r.randn(3) * 1e6).astype(np.float32), r.randn(5).astype(np.float16), np.array([], dtype=np.float32),
    np.array([1 + 2j, 3.3 - 1j], dtype=np.complex64), np.array([[1.5, np.nan]], dtype=np.float32),
    np.array([1e-8, 1.0]), np.array([np.nan, np.inf, -1.0]), np.array([1e10, 1.0]), r.randn(2, 3, 4),
    r.rand(4, 10),
]
for c in cases:
    print("repr:", repr(c))
    print("str:", str(c))
print(np.mean(np.array([0.1, 0.7, 0.2])), [np.float64(0.1) * 3, np.float32(2.5)], {"a": np.float64(1) / 3})
print("%s %r %.3f" % (np.float64(1) / 3, np.float64(2) / 3, np.float64(1) / 7))
print(np.arange(3, dtype=np.float32).tolist(), [np.arange(3, dtype=np.float32)])
'''


def _numpy_oracle(era):
    from tf1_cnn.errors import UserError
    from tf1_cnn.oracle import envs

    exe = envs.numpy_python(era)
    if exe is None:
        if os.environ.get("CI", "").lower() != "true":
            pytest.skip(f"no NumPy {era} oracle in {envs.root()} (python -m tf1_cnn compare --setup --tf1 all)")
        try:
            exe = envs.numpy_python(era, create=True)
        except UserError as exc:
            pytest.fail(f"NumPy {era} oracle environment: {exc}")
    return str(exe)


def _print_with(exe, tmp_path, prelude=""):
    script = tmp_path / "cases.py"
    script.write_text(prelude + CASES)
    proc = subprocess.run([exe, str(script)], capture_output=True, text=True, timeout=120,
                          env=oracle_env(PYTHONPATH=str(ROOT)))
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout


def _ours(era, tmp_path):
    return _print_with(sys.executable, tmp_path,
                       f"from tf1_cnn.compat.printing import numpy as p\np.apply({era!r})\n")


def test_numpy_113_prints_as_numpy_113(tmp_path):
    theirs = _print_with(_numpy_oracle("1.13"), tmp_path)
    ours = _ours("1.13", tmp_path)
    assert "0.692360880758" in theirs and "[ 1.76405239" in theirs  # the cases do reach what differs
    assert ours == theirs


@pytest.mark.parametrize("tf1", ["1.3", "1.15"])
def test_numpy_116_prints_as_the_oracles_numpy(tf1_oracle, tmp_path, tf1):
    theirs = _print_with(tf1_oracle(tf1), tmp_path)  # NumPy 1.16.6 / 1.18.5
    assert _ours("1.16", tmp_path) == theirs


def test_numpy_113_legacy_mode_alone_differs_for_float32(tmp_path):
    """Why the float32 rule exists: NumPy 1.26's own legacy mode prints the shortest float32 digits."""
    plain = _print_with(sys.executable, tmp_path, "import numpy\nnumpy.set_printoptions(legacy='1.13')\n")
    ours = _ours("1.13", tmp_path)
    assert "1.7640524 " in plain and "1.76405239" not in plain and "1.76405239" in ours


def test_era_follows_the_tf1_version():
    assert [numpy_print.era_for(v) for v in ("1.3", "1.4", "1.15")] == ["1.13", "1.13", "1.16"]
    assert numpy_print.resolve("auto", "1.15") == "1.16" and numpy_print.resolve("current", "1.3") == "current"
    with pytest.raises(ValueError, match="1.14"):
        numpy_print.resolve("1.14", "1.3")


def test_apply_and_undo_in_process():
    import numpy as np

    before = np.get_printoptions()
    try:
        numpy_print.apply("1.13")
        assert str(np.array([0.5, 1.0])) == "[ 0.5  1. ]" and str(np.float64(1) / 3) == "0.333333333333"
        assert repr(np.array([1.7640524], dtype=np.float32)) == "array([ 1.76405239], dtype=float32)"
        np.set_printoptions(precision=3)  # the user's own choice keeps the era's mode
        assert str(np.array([1 / 3, 1.0])) == "[ 0.333  1.   ]"
        numpy_print.apply("1.16")
        assert str(np.array([0.5, 1.0])) == "[0.5 1. ]" and numpy_print.current() == "1.16"
    finally:
        numpy_print.apply("current")
        np.set_printoptions(**before)
    assert repr(np.array([1.7640524], dtype=np.float32)) == "array([1.7640524], dtype=float32)"


SCRIPT = ("import numpy as np\nimport tensorflow as tf\n"
          "with tf.Session() as sess:\n"
          "    z = sess.run(tf.constant([[1.7640524, -0.5], [0.25, 2.0]]))\n"
          "print(z)\nprint(repr(z.sum(axis=0)))\nprint(np.float64(1) / 3)\n")


@pytest.mark.parametrize("options, expected", [
    ((), "[[ 1.76405239 -0.5       ]\n [ 0.25        2.        ]]\n"
         "array([ 2.01405239,  1.5       ], dtype=float32)\n0.333333333333\n"),
    (("--tf1-version", "1.15"), "[[ 1.7640524 -0.5      ]\n [ 0.25       2.       ]]\n"
                                "array([2.0140524, 1.5      ], dtype=float32)\n0.3333333333333333\n"),
])
def test_legacy_prints_numpy_of_the_versions_day_without_cpp_lines(tmp_path, options, expected):
    """``legacy`` picks NumPy's printing with ``--tf1-version``; at TF_CPP_MIN_LOG_LEVEL=2 (a user's level
    that lets ERROR lines through) no TensorFlow C++ line (the failed cuInit of a machine without a GPU)
    reaches the console."""
    from tests.helpers import run_cli

    (tmp_path / "arrays.py").write_text(SCRIPT)
    proc = run_cli("-m", "tf1_cnn", "legacy", "--no-report", *options, "arrays.py", cwd=tmp_path,
                   env={"TF_CPP_MIN_LOG_LEVEL": "2"})
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout == expected
    assert proc.stderr == "", proc.stderr


def test_compare_prints_numpy_113_on_the_oracle_side_too(tf1_oracle):
    """compare --numpy-print 1.13: the oracle's NumPy 1.16 prints through the same module (probe.py)."""
    code = ("import runpy\nns = runpy.run_path('tf1_cnn/oracle/probe.py', run_name='probe')\n"
            "ns['_numpy_printing']('1.13')\nimport numpy as np\n"
            "print(repr(np.array([1.7640524], dtype=np.float32)), np.float64(1) / 3)\n")
    proc = subprocess.run([tf1_oracle("1.3"), "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env=oracle_env())
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout == "array([ 1.76405239], dtype=float32) 0.333333333333\n"
