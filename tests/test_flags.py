"""tf.app.flags under legacy (compat/app_flags.py): TF 1.2-1.4's argparse flags, or absl's for 1.15."""
import subprocess

import pytest

from tf1_cnn.compat import app_flags

from .helpers import ROOT, oracle_env, run_cli

SCRIPT = ROOT / "tests" / "legacy_scripts" / "flags_era.py"
ARGS = ["extra", "--lr", "0.5", "--noverbose", "--shuffle"]  # a bare --shuffle before "extra" would take it as its value


def _legacy(version, tmp_path):
    return run_cli("-m", "tf1_cnn", "legacy", "--no-report", "--tf1-version", version, str(SCRIPT), *ARGS,
                   cwd=tmp_path)


def _real(exe, tmp_path):
    env = oracle_env()
    return subprocess.run([exe, str(SCRIPT), *ARGS], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=300)


def test_argparse_flags_under_1_3(tmp_path):
    proc = _legacy("1.3", tmp_path)
    assert proc.returncode == 3, proc.stderr  # tf.app.run exits with main's status
    lines = proc.stdout.splitlines()
    assert lines[0] == "rest ['extra']"
    assert "batch_size 512 int64" in lines and "steps 7 int" in lines and "verbose False bool" in lines
    assert "shuffle True bool" in lines and "same module True True" in lines and "main ['extra'] 0.5" in lines


@pytest.mark.parametrize("version", ["1.3", "1.4"])
def test_same_as_real_tf_1_3_and_1_4(tmp_path, tf1_oracle, version):
    real = _real(tf1_oracle(version), tmp_path)
    ours = _legacy("1.3", tmp_path)
    assert real.returncode == ours.returncode == 3, real.stderr[-1500:]
    assert ours.stdout == real.stdout


def test_absl_flags_under_1_15_as_real_tf_1_15(tmp_path, tf1_oracle):
    """TF 1.15's absl flags refuse a numpy-int default: so does the runtime under --tf1-version 1.15."""
    ours = _legacy("1.15", tmp_path)
    assert ours.returncode == 1 and "IllegalFlagValueError: flag --batch_size=512" in ours.stderr
    real = _real(tf1_oracle("1.15"), tmp_path)
    assert real.returncode == 1 and "IllegalFlagValueError: flag --batch_size=512" in real.stderr


def test_absl_only_names_point_to_1_15_and_1_4_requires_flags():
    flags13 = app_flags.argparse_flags("1.3")
    with pytest.raises(AttributeError, match="no DEFINE_enum .*--tf1-version 1.15"):
        flags13.DEFINE_enum
    with pytest.raises(AttributeError, match="mark_flag_as_required"):
        flags13.mark_flag_as_required
    flags14 = app_flags.argparse_flags("1.4")
    flags14.DEFINE_string("data_dir", None, "required")
    flags14.mark_flag_as_required("data_dir")
    with pytest.raises(AttributeError, match="Flag --data_dir must be specified."):
        flags14.FLAGS._parse_flags([])
    flags14.FLAGS._parse_flags(["--data_dir", "d"])
    assert flags14.FLAGS.data_dir == "d"
