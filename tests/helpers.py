"""Small helpers shared by the tests."""
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_cli(*args, cwd=ROOT, env=None, timeout=600):
    """Run ``python -m tf1_cnn ARGS`` (or a script path) and return the CompletedProcess."""
    # the repository root on the path: the package is used from the checkout, not installed
    path = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
    # TF_CPP_MIN_LOG_LEVEL is left to the commands (they hide TensorFlow's C++ lines themselves)
    full_env = dict(os.environ, PYTHONPATH=path, **(env or {}))
    return subprocess.run([sys.executable, *args], cwd=cwd, env=full_env, capture_output=True, text=True,
                          timeout=timeout)


def oracle_env(**extra):
    """The environment for real TF 1.x (tf1_oracle): this process's, without what importing TensorFlow 2
    set in it (TF2_BEHAVIOR=1, which TF 1.15 obeys: eager mode, resource variables; tf1_cnn/oracle/envs.py)."""
    from tf1_cnn.oracle.envs import oracle_environ

    return oracle_environ(**extra)


def legacy_prints_as_the_oracle(tf1_oracle, script, version):
    """Run ``script`` under ``legacy --tf1-version VERSION`` and on real TF VERSION; assert both exit 0 and
    print the same lines; return ours (stdout)."""
    ours = run_cli("-m", "tf1_cnn", "legacy", "--tf1-version", version, "--no-report", str(script))
    assert ours.returncode == 0, ours.stderr
    real = subprocess.run([tf1_oracle(version), str(script)], env=oracle_env(), capture_output=True, text=True,
                          timeout=300)
    assert real.returncode == 0, real.stderr
    assert ours.stdout.splitlines() == real.stdout.splitlines()
    return ours.stdout


def write_signs_h5(path, m, split="train", size=64, seed=0, n_classes=6, **override):
    """A small file in the course's SIGNS .h5 layout (keys <split>_set_x, <split>_set_y, list_classes).

    ``override`` replaces or (value None) drops a key, to make broken files.
    """
    import h5py
    import numpy as np

    rng = np.random.default_rng(seed)
    y = np.arange(m) % n_classes
    # class-dependent images, so that a few epochs of training can learn something
    X = (rng.integers(0, 60, (m, size, size, 3)) + (y * 35)[:, None, None, None]).astype(np.uint8)
    data = {f"{split}_set_x": X, f"{split}_set_y": y.astype(np.int64), "list_classes": np.arange(n_classes)}
    for k, v in override.items():
        if v is None:
            data.pop(k, None)
        else:
            data[k] = v
    with h5py.File(path, "w") as f:
        for k, v in data.items():
            f.create_dataset(k, data=v)
    return X, y


def write_jpegs(folder, labels, size=(64, 64), seed=0, subfolders=False):
    """JPEG photos named {label}_IMG_{i}.jpg (or in one subfolder per class)."""
    import numpy as np
    from PIL import Image

    rng = np.random.default_rng(seed)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for i, label in enumerate(labels):
        arr = rng.integers(0, 255, (*size, 3), dtype=np.uint8)
        target = folder / f"class_{label}" if subfolders else folder
        target.mkdir(exist_ok=True)
        Image.fromarray(arr).save(target / f"{label}_IMG_{i}.jpg", quality=95)
