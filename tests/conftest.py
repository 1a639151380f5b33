"""Shared fixtures. Tests reach ../shared only through ``shared_data``.

``shared_data`` reads $TF1_CNN_SHARED (``.ci/run`` exports
TF1_CNN_SHARED=../shared/datasets). When the data is missing the test fails
under CI (CI=true) and is skipped with a reason elsewhere.
"""
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # `import cnn_utils` from the repository root, as in the course
    sys.path.insert(0, str(ROOT))

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")  # as the commands do: TensorFlow's C++ lines hidden


def _shared_dir():
    env = os.environ.get("TF1_CNN_SHARED")
    return Path(env) if env else ROOT.parent / "shared" / "datasets"


def _skip_or_fail(reason):
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def tf1_floats_library():
    """The TF 1.x float mode's kernels (tf1_cnn/compat/floats), built on first use (about 90 s, then cached).

    Skipped on a CPU without AVX (TF 1.15.5's kernels used AVX packets); without a compiler skipped,
    and failed under CI.
    """
    from tf1_cnn.compat.floats import build

    if not build.cpu_has_avx():
        pytest.skip("this CPU has no AVX: TF 1.15.5's kernels used AVX packets")
    import tensorflow as tf

    try:
        return build.build(tf)
    except build.BuildError as e:
        _skip_or_fail(f"the float mode's kernels: {e}")


@pytest.fixture(scope="session")
def shared_data():
    """Path of the shared datasets folder (signs/, signs-jpeg/, mnist/)."""
    path = _shared_dir()
    if not (path / "signs" / "test_signs.h5").is_file():
        msg = f"shared datasets not found at {path} (set TF1_CNN_SHARED)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(msg)
        pytest.skip(msg)
    return path


@pytest.fixture(scope="session")
def tf1_oracle():
    """``tf1_oracle(version)`` -> the python of the real TF 1.x environment (tf1_cnn/oracle/envs.py).

    Created from PyPI when missing (``.ci/run`` makes them first). When it cannot be had the
    test fails under CI (CI=true) and is skipped with the reason elsewhere.
    """
    from tf1_cnn.errors import UserError
    from tf1_cnn.oracle import envs

    def get(version):
        exe = envs.python(version)
        if exe is None:
            if os.environ.get("CI", "").lower() != "true":
                pytest.skip(f"no TF {version} oracle environment in {envs.env_dir(version)} "
                            f"(python -m tf1_cnn compare --setup --tf1 {version})")
            try:
                exe = envs.setup(version)
            except UserError as exc:
                pytest.fail(f"TF {version} oracle environment: {exc}")
        return str(exe)

    return get
