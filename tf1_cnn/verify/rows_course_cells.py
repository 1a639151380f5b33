"""Rows B2c, B3c, B4c: the course's own cells, unmodified TF1 code, through ``legacy``.

``course/convnet_cells.py`` holds the course's cells as the course wrote them
(``tf.contrib.layers.flatten``, an unseeded ``fully_connected``, ``tf.Session``).
verify runs it as a user runs their copy, ``python -m tf1_cnn legacy`` in a fresh
process (the runtime patches the process), and reads what it prints. Beside B2/B3/B4
(the project's own code) they show that the course's code reproduces the numbers too.
"""
import os
import re
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

from .registry import ABS_COST6, ABS_TF32, Part, Row, parse_array
from .rows_signs import B2_Z3, B4_PARTS, NEEDS

CELLS = Path(__file__).with_name("course") / "convnet_cells.py"
ROOT = Path(__file__).resolve().parents[2]  # the checkout: cnn_utils.py lives there


@lru_cache(maxsize=None)
def _run(data_dir=None):
    """stdout of the course cells run through legacy (with DATA_DIR: the training too)."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p))
    cmd = [sys.executable, "-m", "tf1_cnn", "legacy", "--no-report", str(CELLS)] + ([str(data_dir)] if data_dir else [])
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=str(ROOT))
    if proc.returncode != 0:
        raise RuntimeError(f"the course cells failed under legacy: {proc.stderr.strip().splitlines()[-1:]}")
    return proc.stdout


def _z3(ctx):
    text = _run()
    return {"Z3": parse_array(re.search(r"Z3 = (\[\[.*?\]\])", text, re.S).group(1).replace("\n", " "))}


def _cost(ctx):
    return {"cost": float(re.search(r"cost = (\S+)", _run()).group(1))}


def _training(ctx):
    text = _run(str(ctx.data_dir))
    out = {f"cost epoch {e}": float(c) for e, c in re.findall(r"Cost after epoch (\d+): (\S+)", text) if e in ("0", "5")}
    out["Train Accuracy"] = float(re.search(r"Train Accuracy: (\S+)", text).group(1))
    out["Test Accuracy"] = float(re.search(r"Test Accuracy: (\S+)", text).group(1))
    return out


ROWS = (
    Row("B2c", "course cells", "the course's own cells via legacy: Z3", "as B2",
        (Part("Z3", B2_Z3, ABS_TF32),), _z3),
    Row("B3c", "course cells", "the course's own cells via legacy: cost", "2.91034",
        (Part("cost", 2.91034, ABS_COST6),), _cost),
    Row("B4c", "course cells", "the course's own model() via legacy, 100 epochs", "as B4",
        B4_PARTS, _training, NEEDS, show_parts=True),
)
