"""Benchmark: what ``--portable`` costs. The same runs natively and under ``--portable``,
side by side in one run, each in a fresh process.

    python bench/portable_cost.py [--steps 300] [--data /usr/share/datasets/fashion-mnist]

  mnist-resnet  seed 004's network, --steps steps of batch 10 (the command's own "elapsed")
  resnet50      ResNet-50 64x64x3, one epoch of 4 batches of 16 on random SIGNS-format data
Prints seconds for each and the ratio portable / native.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def timed(cmd):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, *cmd], capture_output=True, text=True, env=env, cwd=ROOT)
    if out.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{out.stderr[-1500:]}")
    m = re.search(r"elapsed ([\d.]+)s", out.stderr)
    return float(m.group(1)) if m else time.perf_counter() - t0


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--steps", type=int, default=300)
    p.add_argument("--data", default="/usr/share/datasets/fashion-mnist")
    args = p.parse_args(argv)
    from tests.helpers import write_signs_h5

    with tempfile.TemporaryDirectory() as d:
        write_signs_h5(Path(d) / "train.h5", 64, "train")
        write_signs_h5(Path(d) / "test.h5", 16, "test", seed=1)
        jobs = {
            "mnist-resnet": ["mnist-resnet", "--data-dir", args.data, "--steps", str(args.steps)],
            "resnet50": ["resnet50", "--train", f"{d}/train.h5", "--test", f"{d}/test.h5", "--epochs", "1",
                         "--batch-size", "16"],
        }
        for name, job in jobs.items():
            native = timed(["-m", "tf1_cnn", *job])
            portable = timed(["-m", "tf1_cnn", "--portable", *job])
            print(f"{name:13} native {native:7.1f} s   portable {portable:7.1f} s   portable/native "
                  f"{portable / native:.2f}", flush=True)


if __name__ == "__main__":
    main()
