"""``legacy -m MODULE [ARGS]`` (legacy/cli.py): a module run as ``python -m`` runs it, test runners included."""
import json

from .helpers import run_cli

CORE = "import tensorflow as tf\n\n\ndef double(x):\n    return tf.multiply(x, 2.0)\n"
TEST = '''import sys
import tensorflow as tf
from ..core import double


class CoreTest(tf.test.TestCase):
    def test_double(self):
        with self.test_session() as sess:
            self.assertAllClose(sess.run(double(tf.placeholder_with_default([1.0, 2.0], [2]))), [2.0, 4.0])

    def test_where(self):
        print("ARGV0", sys.argv[0], "PATH0", sys.path[0], "ARGS", sys.argv[1:])

    def test_fails_when_asked(self):
        self.assertNotIn("--fail", sys.argv)


if __name__ == "__main__":
    tf.test.main()
'''


def _package(root):
    (root / "mylib" / "tests").mkdir(parents=True)
    (root / "mylib" / "__init__.py").write_text("")
    (root / "mylib" / "core.py").write_text(CORE)
    (root / "mylib" / "tests" / "__init__.py").write_text("")
    (root / "mylib" / "tests" / "core_test.py").write_text(TEST)
    return root


def test_a_test_module_with_relative_imports_and_tf_test_main(tmp_path):
    root = _package(tmp_path)
    report = tmp_path / "report.json"
    proc = run_cli("-m", "tf1_cnn", "legacy", "--report-json", str(report), "-m", "mylib.tests.core_test",
                   "CoreTest.test_where", "CoreTest.test_double", cwd=root)
    assert proc.returncode == 0, proc.stderr
    assert f"ARGV0 {root / 'mylib' / 'tests' / 'core_test.py'} PATH0 {root} ARGS ['CoreTest.test_where', 'CoreTest.test_double']" in proc.stdout
    assert "Ran 2 tests" in proc.stderr and "OK" in proc.stderr
    data = json.loads(report.read_text())
    assert data["script"] == "-m mylib.tests.core_test" and data["exit_status"] == 0
    assert "tf.placeholder_with_default" in {row["name"] for row in data["used"]}


def test_pytest_over_a_folder_and_its_exit_status(tmp_path):
    root = _package(tmp_path)
    ok = run_cli("-m", "tf1_cnn", "legacy", "--no-report", "-m", "pytest", "-q", "-p", "no:cacheprovider",
                 "mylib/tests", cwd=root)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "4 passed" in ok.stdout  # + TF's inherited test_session, which TF 1.3 (the default) ran and passed
    bad = run_cli("-m", "tf1_cnn", "legacy", "--no-report", "-m", "unittest", "discover", "-s", "mylib/tests",
                  "-t", ".", "-p", "*_test.py", "--fail", cwd=root)
    assert bad.returncode != 0  # unittest's own usage error on an unknown option: the runner's status


def test_unittest_discover(tmp_path):
    root = _package(tmp_path)
    proc = run_cli("-m", "tf1_cnn", "legacy", "--no-report", "-m", "unittest", "discover", "-s", "mylib/tests",
                   "-t", ".", "-p", "*_test.py", cwd=root)
    assert proc.returncode == 0, proc.stderr
    assert "Ran 4 tests" in proc.stderr and "OK\n" in proc.stderr  # + TF's test_session, run as TF 1.3 did
    assert "DeprecationWarning" not in proc.stderr


def test_a_missing_module_is_one_line_and_status_2(tmp_path):
    proc = run_cli("-m", "tf1_cnn", "legacy", "-m", "no_such_module_here", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines()[-1] == (
        f"error: -m no_such_module_here: no module named 'no_such_module_here' (current directory {tmp_path})")
    assert "Traceback" not in proc.stderr
    empty = run_cli("-m", "tf1_cnn", "legacy", "-m", cwd=tmp_path)
    assert empty.returncode == 2 and "-m needs a MODULE" in empty.stderr
