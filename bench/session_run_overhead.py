"""Benchmark: Session.run's per-call cost, the runtime's fast path (tf1_cnn/compat/session.py) against
TF 1.15.5's and TF 2.21's plain Session.run, side by side in one run.

    python bench/session_run_overhead.py [--calls 100] [--rounds 40]

One TF1 script (``bench/tf1_workloads/session_calls.py``: a linear model on a batch of 8, steps with next
to no work, so the time is the call's own) times five call shapes (a training step's ``[train, loss]``
with two feeds, one tensor, a dict of names fed by name, a namedtuple, a variable without feeds), each
the best of ``--rounds`` rounds of ``--calls`` calls. Contenders, a fresh process each:
  tf1.15       real TensorFlow 1.15.5 (the oracle environment)
  tf2.21       plain TensorFlow 2.21 (tf.compat.v1, disable_v2_behavior), no runtime
  legacy-off   ``legacy`` with the fast path off (TF1_CNN_SESSION_CACHE=0): before
  legacy       ``legacy``: after
Ratios: contender / legacy (above 1: legacy's call is cheaper).
"""
import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "bench" / "tf1_workloads" / "session_calls.py"
sys.path.insert(0, str(ROOT))


def run(who, calls, rounds):
    from tf1_cnn.oracle import envs

    env = envs.oracle_environ(TF_CPP_MIN_LOG_LEVEL="3", PYTHONPATH=str(ROOT))
    args = [str(SCRIPT), str(calls), str(rounds)]
    if who == "tf1.15":
        cmd = [str(envs.setup("1.15", log=lambda m: print(m, file=sys.stderr))), *args]
    elif who == "tf2.21":
        cmd = [sys.executable, *args]
    else:
        cmd = [sys.executable, "-m", "tf1_cnn", "legacy", "--no-report", *args]
        env["TF1_CNN_SESSION_CACHE"] = "0" if who == "legacy-off" else "1"
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"{who} failed (exit {proc.returncode}):\n" + "\n".join(proc.stderr.splitlines()[-8:]))
    return {ln[5:].split("|")[0]: float(ln.split("|")[1]) for ln in proc.stdout.splitlines() if ln.startswith("CALL ")}


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--calls", type=int, default=100)
    p.add_argument("--rounds", type=int, default=40)
    a = p.parse_args(argv)
    who = ("tf1.15", "tf2.21", "legacy-off", "legacy")
    res = {w: run(w, a.calls, a.rounds) for w in who}
    print(f"{'us per call':24}" + "".join(f"{w:>12}" for w in who) + "   ratios tf1.15, tf2.21, legacy-off / legacy")
    for case in res["legacy"]:
        leg = res["legacy"][case]
        print(f"{case:24}" + "".join(f"{res[w][case]:12.1f}" for w in who)
              + "   " + ", ".join(f"{res[w][case] / leg:.2f}x" for w in who[:3]))


if __name__ == "__main__":
    main()
