"""h5py 2.x's string attributes and default file mode under ``legacy`` (compat/era/h5py2.py).

tests/legacy_scripts/era_h5py2.py writes and reads an HDF5 file as Keras 2-era code did; its lines under
``legacy`` (h5py 3) must be those of the TF 1.4 and TF 1.15 oracles' h5py (2.7.1, 2.10.0).
"""
import subprocess

import pytest

from .helpers import ROOT, oracle_env, run_cli

SCRIPT = ROOT / "tests" / "legacy_scripts" / "era_h5py2.py"


@pytest.fixture(scope="module")
def under_legacy(tmp_path_factory):
    proc = run_cli("-m", "tf1_cnn", "legacy", "--no-report", str(SCRIPT), cwd=tmp_path_factory.mktemp("h5"))
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.splitlines()


@pytest.mark.parametrize("version", ["1.4", "1.15"])
def test_as_the_oracles_h5py(version, under_legacy, tf1_oracle, tmp_path):
    proc = subprocess.run([tf1_oracle(version), str(SCRIPT)], env=oracle_env(), capture_output=True, text=True,
                          timeout=120, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert under_legacy == proc.stdout.splitlines()


def test_ascii_strings_are_bytes_utf8_stay_str(under_legacy):
    lines = {line.split(" ")[1]: line for line in under_legacy if line.startswith("attr ")}
    assert "bytes b'{\"loss\": \"mse\"}'" in lines["training_config"]
    assert "bytes b'\\xffz'" in lines["vlen_bytes"]  # the file's own bytes, not a surrogate-escaped str
    assert "str 'caf" in lines["text"]


def test_not_changed_outside_legacy(tmp_path):
    proc = run_cli(str(SCRIPT), cwd=tmp_path)
    assert "AttributeError: 'str' object has no attribute 'decode'" in proc.stderr
    assert "attr training_config scalar str" in proc.stdout
