"""tf1_logging: TF 1.x's tf.logging in an interactive shell (INFO to stdout), checked against TF 1.3."""
import logging
import os
import subprocess
import sys
import textwrap

from tests.helpers import ROOT, oracle_env

# a saver round trip: TF 1.x logged `Restoring parameters from PATH` at INFO
SAVER = textwrap.dedent("""\
    import sys
    sys.ps1 = "In : "  # what IPython sets in every kernel, before the notebook's code imports TensorFlow
    if len(sys.argv) > 2:
        from tf1_cnn.compat import install
        install()
    import tensorflow as tf
    v = tf.get_variable("w", [2], initializer=tf.zeros_initializer())
    saver = tf.train.Saver()
    with tf.Session() as s:
        s.run(tf.global_variables_initializer())
        saver.restore(s, saver.save(s, sys.argv[1] + "/m"))
""")


def _run(exe, script, *args):
    env = oracle_env(PYTHONPATH=str(ROOT))  # without TF2_BEHAVIOR, which TF 2.21 set in this process
    return subprocess.run([exe, str(script), *args], capture_output=True, text=True, env=env, timeout=600)


def test_interactive_info_lines_go_to_stdout_as_in_tf1(tmp_path):
    script = tmp_path / "saver.py"
    script.write_text(SAVER)
    proc = _run(sys.executable, script, str(tmp_path), "install")
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout == f"INFO:tensorflow:Restoring parameters from {tmp_path}/m\n"
    assert "deprecated" not in proc.stdout + proc.stderr


def test_the_tf13_oracle_printed_the_same(tf1_oracle, tmp_path):
    script = tmp_path / "saver.py"
    script.write_text(SAVER)
    ours = _run(sys.executable, script, str(tmp_path / "ours"), "install")
    theirs = _run(tf1_oracle("1.3"), script, str(tmp_path / "ours"))
    assert theirs.returncode == 0, theirs.stderr[-2000:]
    assert ours.stdout == theirs.stdout


def test_scripts_print_info_to_stderr_only_when_asked(tmp_path):
    script = tmp_path / "log.py"
    script.write_text("import tensorflow as tf\ntf.logging.info('hidden')\n"
                      "tf.logging.set_verbosity(tf.logging.INFO)\ntf.logging.info('shown %d', 3)\n"
                      "tf.train.string_input_producer(['a'])\n")  # TF 2.21 logs two deprecations; TF 1.3 none
    env = dict(os.environ, PYTHONPATH=str(ROOT), TF_CPP_MIN_LOG_LEVEL="3")
    proc = subprocess.run([sys.executable, "-m", "tf1_cnn", "legacy", str(script)], capture_output=True, text=True,
                          env=env, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout == ""
    assert "INFO:tensorflow:shown 3\n" in proc.stderr and "hidden" not in proc.stderr
    assert "deprecated" not in proc.stderr


def test_library_deprecations_are_filtered_not_the_users():
    from tf1_cnn.compat.printing.tf1_logging import LibraryDeprecations

    def record(path, msg, level=logging.WARNING):
        return logging.LogRecord("tensorflow", level, path, 1, msg, None, None)

    lib = os.sep.join(["", "site-packages", "tensorflow", "python", "util", "deprecation.py"])
    keep = LibraryDeprecations().filter
    assert not keep(record(lib, "From x.py:3: calling f (from m) is deprecated and will be removed"))
    assert keep(record(lib, "Restoring parameters from /tmp/m", logging.INFO))
    assert keep(record("/home/me/train.py", "this option is deprecated"))  # the user's own warning
