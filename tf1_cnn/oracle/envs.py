"""The oracle environments: real TensorFlow 1.x in a Python 3.6 / 3.7 virtual environment.

PyPI still serves ``tensorflow==1.3.0`` and ``1.4.1`` for Python 3.6 and ``1.15.5``
for Python 3.7; those are the ground truth for every claim the runtime makes about
TF 1.x (graphs, op counts, seeds, printed numbers, speed). Each environment lives
outside the checkout, in ``$TF1_CNN_ORACLE_DIR`` (default ``~/.cache/tf1-cnn/oracle``),
one folder per version (``tf1.3``, ``tf1.4``, ``tf1.15``), and is reused when present.

The interpreter: ``--tf1-python PATH``, else ``$TF1_CNN_TF1_PYTHON``, else pyenv's
newest 3.6.x (3.7.x for 1.15). A user with an environment of their own points
``$TF1_CNN_ORACLE_DIR`` at a folder holding ``tf1.15/bin/python`` (a symlink to their
venv is enough), or ``$TF1_CNN_TF1_ENV_1_15=/path/to/venv`` at the venv itself.

PINS: what each version needs beside it, as of its day. numpy: the newest release the
wheel was built to work with (1.16 for 1.3/1.4, which predate numpy's 1.17 deprecations of
``np.asscalar`` style calls; 1.18 for 1.15.5, which declares numpy<1.19). protobuf 3.x:
protobuf 4 rejects the generated code of every TF 1.x wheel ("Descriptors cannot be
created directly"). h5py 2.x: what Keras 2.0-2.2 read weights with.
"""
import os
import shutil
import subprocess
from pathlib import Path

from ..errors import UserError

VERSIONS = {
    # version: (python, tensorflow release, the pins beside it)
    "1.3": ("3.6", "1.3.0", ("numpy==1.16.6", "h5py==2.7.1", "protobuf==3.19.6")),
    "1.4": ("3.6", "1.4.1", ("numpy==1.16.6", "h5py==2.7.1", "protobuf==3.19.6")),
    "1.15": ("3.7", "1.15.5", ("numpy==1.18.5", "h5py==2.10.0", "protobuf==3.20.3")),
}
# What TF1-era scripts import beside TensorFlow, for `compare` to run them there, as of the day:
# matplotlib 2.2.5 / scipy 1.0.1 (the last with scipy.misc.imread) / Pillow 5.0.0 beside TF 1.3 / 1.4;
# matplotlib 3.1.3 / scipy 1.4.1 (TF 1.15's contrib MNIST reader imports scipy) / Pillow 6.2.2 beside
# TF 1.15. Installed by setup(), also into an environment that predates this line (numpy's pin stays).
EXTRAS = {"1.3": ("matplotlib==2.2.5", "scipy==1.0.1", "Pillow==5.0.0"),
          "1.4": ("matplotlib==2.2.5", "scipy==1.0.1", "Pillow==5.0.0"),
          "1.15": ("matplotlib==3.1.3", "scipy==1.4.1", "Pillow==6.2.2")}
# Keras 2.0.8 (the course's era) beside TF 1.4 in Python 3.6: `setup(..., keras=True)`.
# PyYAML 5.4.1: the last release with Python 3.6 wheels (keras's newest-PyYAML pick is an sdist
# whose build needs Cython < 3 and a wheel package that Python 3.6 cannot have).
KERAS2 = ("keras==2.0.8", "pyyaml==5.4.1")


# What importing TensorFlow 2.21 puts into os.environ (so into every child of a process that
# imported it): TF2_BEHAVIOR=1 makes TF 1.15 start in eager mode ("tf.placeholder() is not
# compatible with eager execution"); the others are 2.x-only. Dropped for the oracle's processes.
TF2_ENVIRON = ("TF2_BEHAVIOR", "TPU_ML_PLATFORM", "TPU_ML_PLATFORM_VERSION", "ENABLE_RUNTIME_UPTIME_TELEMETRY",
               "TF_USE_LEGACY_KERAS")


def oracle_environ(base=None, **extra):
    """The environment for a process of the oracle: ``base`` (os.environ) without TF 2's variables."""
    env = {k: v for k, v in (os.environ if base is None else base).items() if k not in TF2_ENVIRON}
    env.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    env.update(extra)
    return env


def root():
    """Where the environments live (outside any checkout)."""
    return Path(os.environ.get("TF1_CNN_ORACLE_DIR") or Path.home() / ".cache" / "tf1-cnn" / "oracle")


def check_version(version):
    if version not in VERSIONS:
        raise UserError(f"--tf1 must be one of {', '.join(VERSIONS)}, got {version!r}")
    return version


def env_dir(version):
    """The environment folder of ``version`` ($TF1_CNN_TF1_ENV_1_15 and the like override it)."""
    check_version(version)
    own = os.environ.get("TF1_CNN_TF1_ENV_" + version.replace(".", "_"))
    return Path(own) if own else root() / f"tf{version}"


def python(version):
    """The oracle's interpreter for ``version``, or None when the environment is not set up."""
    exe = env_dir(version) / "bin" / "python"
    return exe if exe.exists() and _has_tensorflow(exe, version) else None


def _has_tensorflow(exe, version):
    marker = exe.parent.parent / ".tf1-cnn-ok"  # written after a successful setup and import check
    if marker.is_file():
        return marker.read_text().strip() == VERSIONS[version][1]
    return _import_check(exe) == VERSIONS[version][1]


def _import_check(exe):
    proc = subprocess.run([str(exe), "-c", "import tensorflow as tf; print(tf.__version__)"],
                          capture_output=True, text=True, env=oracle_environ(), timeout=300)
    return proc.stdout.strip().splitlines()[-1] if proc.returncode == 0 and proc.stdout.strip() else None


def find_interpreter(version, given=None):
    """The base interpreter for a new environment: ``given``, $TF1_CNN_TF1_PYTHON, or pyenv's."""
    want = VERSIONS[check_version(version)][0]
    given = given or os.environ.get("TF1_CNN_TF1_PYTHON")
    if given:
        if not Path(given).exists() and not shutil.which(given):
            raise UserError(f"--tf1-python {given}: no such interpreter")
        return str(given)
    pyenv_root = os.environ.get("PYENV_ROOT") or str(Path.home() / ".pyenv")
    candidates = sorted(Path(pyenv_root, "versions").glob(f"{want}.*/bin/python{want}"),
                        key=lambda p: [int(x) for x in p.parent.parent.name.split(".") if x.isdigit()])
    if candidates:
        return str(candidates[-1])
    found = shutil.which(f"python{want}")
    if found:
        return found
    raise UserError(f"TF {version} needs Python {want}: none found (pyenv install {want}, or give "
                    f"--tf1-python PATH / $TF1_CNN_TF1_PYTHON)")


def _pip_env():
    # Local wheel folders of this machine carry wheels for current Pythons only: old pips
    # then pick a wheel that needs Python >= 3.9. The oracle takes everything from the index.
    env = oracle_environ()
    env.pop("PIP_FIND_LINKS", None)
    env["PIP_CONFIG_FILE"] = os.devnull  # a machine-wide pip.conf may name the same folders (find-links)
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return env


def setup(version, interpreter=None, keras=False, log=print):
    """Create (or reuse) the environment of ``version``; returns its python. UserError if it cannot be had."""
    existing = python(version)
    if existing and (not keras or _has_keras(existing)):
        if not _imports(existing, "matplotlib, scipy, PIL"):
            log(f"adding {', '.join(EXTRAS[version])} to {existing.parent.parent}")
            _run([str(existing), "-m", "pip", "install", "-q", *EXTRAS[version]], version)
        (existing.parent.parent / ".tf1-cnn-ok").write_text(VERSIONS[version][1] + "\n")
        return existing
    py, release, pins = VERSIONS[version]
    folder = env_dir(version)
    base = find_interpreter(version, interpreter)
    log(f"creating the TF {release} environment in {folder} (Python {py}, from PyPI)")
    folder.parent.mkdir(parents=True, exist_ok=True)
    exe = folder / "bin" / "python"
    if not exe.exists():
        _run([base, "-m", "venv", str(folder)], version)
    _run([str(exe), "-m", "pip", "install", "-q", "pip<22"], version)
    packages = [f"tensorflow=={release}", *pins, *EXTRAS[version]] + (list(KERAS2) if keras else [])
    _run([str(exe), "-m", "pip", "install", "-q", *packages], version)
    got = _import_check(exe)
    if got != release:
        raise UserError(f"the TF {version} environment in {folder} does not import tensorflow {release} "
                        f"(got {got}); remove the folder and run compare --setup again")
    (folder / ".tf1-cnn-ok").write_text(release + "\n")
    return exe


def _has_keras(exe):
    return _imports(exe, "keras")


def _imports(exe, module):
    proc = subprocess.run([str(exe), "-c", f"import {module}"], capture_output=True, env=oracle_environ())
    return proc.returncode == 0


def _run(cmd, version):
    proc = subprocess.run(cmd, capture_output=True, text=True, env=_pip_env())
    if proc.returncode != 0:
        last = [l for l in (proc.stderr or proc.stdout).splitlines() if l.strip() and "is ignored" not in l]
        what = version if version.startswith("NumPy") else f"TF {version}"
        raise UserError(f"setting up {what} failed: {' '.join(cmd[-3:])}: "
                        f"{last[-1] if last else 'exit status %d' % proc.returncode}")


# NumPy 1.13's printing (TF 1.3 / 1.4's era, tf1_cnn/compat/printing/numpy.py) is checked against
# NumPy 1.13.3 itself, in a Python 3.6 environment beside the TF ones (the TF 1.3 / 1.4 environments
# hold NumPy 1.16.6, see PINS above, whose 1.13 legacy mode is not 1.13's printing), with TF 1.3.0
# beside it as the course's image had them (tests/make_course_numpy113.py runs a notebook there).
NUMPY_ORACLES = {"1.13": ("3.6", "1.13.3", ("tensorflow==1.3.0", "protobuf==3.19.6"))}


def numpy_python(era, create=False, interpreter=None):
    """The python of the NumPy ``era`` oracle (``root()/numpy1.13``), made from PyPI when ``create``;
    None when it is missing and not created. UserError when it cannot be made."""
    py, release, beside = NUMPY_ORACLES[era]
    folder = root() / f"numpy{era}"
    exe = folder / "bin" / "python"
    if exe.exists() and _imports(exe, "numpy") and _numpy_version(exe) == release:
        return exe
    if not create:
        return None
    base = interpreter or find_interpreter("1.3" if py == "3.6" else "1.15")
    folder.parent.mkdir(parents=True, exist_ok=True)
    if not exe.exists():
        _run([base, "-m", "venv", str(folder)], f"NumPy {era}'s oracle")
    _run([str(exe), "-m", "pip", "install", "-q", "pip<22"], f"NumPy {era}'s oracle")
    _run([str(exe), "-m", "pip", "install", "-q", f"numpy=={release}", *beside], f"NumPy {era}'s oracle")
    if _numpy_version(exe) != release:
        raise UserError(f"the NumPy {release} environment in {folder} does not import numpy {release}")
    return exe


def _numpy_version(exe):
    proc = subprocess.run([str(exe), "-c", "import numpy; print(numpy.__version__)"], capture_output=True,
                          text=True, env=oracle_environ())
    return proc.stdout.strip() if proc.returncode == 0 else None
