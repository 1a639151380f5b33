"""Benchmark: the same unmodified TF1 workloads on real TF 1.x and through ``legacy`` on TF 2.21.

    python bench/vs_tf1.py [--repeats 3] [--only cnn signs ...] [--quick] [--json PATH]

Each workload (``bench/tf1_workloads/``) is TF 1.x code run in a fresh process per contender,
the contenders alternating (load drift hits all alike):
  tf1.15   real TensorFlow 1.15.5 in its Python 3.7 oracle environment (tf1_cnn/oracle/envs.py;
           created from PyPI when missing)
  legacy   ``python -m tf1_cnn legacy --no-report WORKLOAD`` on TensorFlow 2.21
  tf1.4    real TensorFlow 1.4.1 with Keras 2.0.8 (Python 3.6), for the Keras 2 workload only
  tf2.21   plain TensorFlow 2.21 without the runtime (tf1_workloads/_plain_tf2.py: tf.compat.v1's names
           on ``tf``, graph mode, tf_slim as tf.contrib.layers), for what the runtime adds; not for
           the Keras 2 workload nor seed 004 (its input_data import is the runtime's); TensorFlow is
           imported before the workload's first line (no start-up figures)
  legacy-off  ``legacy`` with the Session.run fast path off (TF1_CNN_SESSION_CACHE=0), with
           --fast-path-off: before / after in one run
  legacy-spin ``legacy`` with TensorFlow's own thread pools: spinning (TF1_CNN_THREAD_SPINNING=1) and
           oneDNN's calling thread waiting (TF_ONEDNN_THREADPOOL_USE_CALLER_THREAD=0;
           compat/session_threads.py), with --spinning: before / after in one run
Workloads:
  startup         the user's first line, then ``import tensorflow``
  cnn             a 15-line raw tf.nn CNN, feed_dict minibatches of 32, Adam, 600 steps
  signs           the course's SIGNS ConvNet on test_signs.h5's photos (needs ../shared/datasets)
  mnist_resnet    seed 004's MNIST ResNet, first 300 steps (needs Fashion-MNIST from Debian's
                  dataset-fashion-mnist, or MNIST in ../shared/datasets/mnist)
  keras_resnet50  Keras 2's ResNet-50 (no weights) train_on_batch on 8 random 197x197 images (Keras 2.0.8's minimum size)
  input_pipeline  tf.data from_tensor_slices/map/shuffle/batch into tf.layers, no feed_dict
Reported per workload and contender (medians over --repeats): steady-state ms per step (the
median step inside each run, after warm-up steps), CPU ms per step (the process's, all threads:
on a loaded machine less disturbed than the wall time) and voluntary context switches per step
("csw": threads going to sleep, the hand-offs a step makes between threads; a count, hardly changed by
load), whole-process wall and CPU seconds, peak resident memory (the child's ru_maxrss), and start-up
(process start to the workload's first line, and to TensorFlow imported). Ratios are TF 1.x / legacy:
above 1 means legacy is faster or smaller; "adds MiB" is legacy's peak memory less plain TF 2.21's on
the same workload (what the runtime itself costs). The machine, its CPU flags and the versions are printed first.
"""
import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORKLOADS = ROOT / "bench" / "tf1_workloads"
sys.path.insert(0, str(ROOT))


def _mnist_dir():
    for d in (Path("/usr/share/datasets/fashion-mnist"), ROOT.parent / "shared" / "datasets" / "mnist"):
        if (d / "train-images-idx3-ubyte.gz").is_file():
            return d
    return None


def _signs():
    base = Path(os.environ.get("TF1_CNN_SHARED") or ROOT.parent / "shared" / "datasets")
    path = base / "signs" / "test_signs.h5"
    return path if path.is_file() else None


def plan(quick):
    """name -> (script, args(data) or None when the data is missing, contenders)."""
    q = quick
    mnist, signs = _mnist_dir(), _signs()
    return {
        "startup": ("startup.py", [], ("tf1.15", "tf2.21", "legacy")),
        "cnn": ("cnn.py", ["100" if q else "600", "20"], ("tf1.15", "tf2.21", "legacy")),
        "signs": ("signs_convnet.py", [str(signs), "3" if q else "20", "4"] if signs else None,
                  ("tf1.15", "tf2.21", "legacy")),
        "mnist_resnet": ("mnist_resnet.py", [str(mnist), "60" if q else "300", "20"] if mnist else None,
                         ("tf1.15", "legacy")),  # its input_data import is the runtime's: no plain TF 2.21
        "keras_resnet50": ("keras_resnet50.py", ["4" if q else "12", "2", "197"], ("tf1.4", "legacy")),
        "input_pipeline": ("input_pipeline.py", ["100" if q else "500", "20"], ("tf1.15", "tf2.21", "legacy")),
    }


def contender_cmd(who, script, args):
    if who in ("legacy", "legacy-off", "legacy-spin"):
        return [sys.executable, "-m", "tf1_cnn", "legacy", "--no-report", str(script), *args]
    if who == "tf2.21":
        return [sys.executable, str(WORKLOADS / "_plain_tf2.py"), str(script), *args]
    from tf1_cnn.oracle import envs

    version = who[len("tf"):]
    exe = envs.setup(version, keras=(version == "1.4"), log=lambda m: print(m, file=sys.stderr))
    return [str(exe), str(script), *args]


def run_once(who, script, args, workdir):
    """One process: its BENCH line plus wall, CPU and peak memory from wait4."""
    from tf1_cnn.oracle.envs import oracle_environ

    cmd = contender_cmd(who, script, args)
    env = oracle_environ(PYTHONPATH=os.pathsep.join([str(ROOT), str(WORKLOADS)]), TF_CPP_MIN_LOG_LEVEL="3",
                         KERAS_BACKEND="tensorflow", MPLBACKEND="Agg")
    if who == "legacy-off":
        env["TF1_CNN_SESSION_CACHE"] = "0"
    if who == "legacy-spin":
        env["TF1_CNN_THREAD_SPINNING"] = "1"
        env["TF_ONEDNN_THREADPOOL_USE_CALLER_THREAD"] = "0"
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        env["BENCH_T0"] = repr(time.time())
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, env=env, cwd=workdir)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0), err.seek(0)
        stdout, stderr = out.read(), err.read()
    line = next((ln for ln in stdout.splitlines() if ln.startswith("BENCH ")), None)
    if proc.returncode != 0 or line is None:
        tail = "\n".join(stderr.strip().splitlines()[-8:])
        raise SystemExit(f"{who} {script.name} failed (exit {proc.returncode}):\n{tail}")
    res = json.loads(line[6:])
    res.update(wall_s=wall, cpu_s=usage.ru_utime + usage.ru_stime, peak_mib=usage.ru_maxrss / 1024)
    return res


def machine():
    flags = ""
    try:
        for ln in Path("/proc/cpuinfo").read_text().splitlines():
            if ln.startswith("model name") and not flags:
                model = ln.split(":", 1)[1].strip()
            if ln.startswith("flags"):
                have = set(ln.split(":", 1)[1].split())
                flags = " ".join(f for f in ("sse4_2", "avx", "avx2", "fma", "avx512f", "avx512_vnni", "amx_tile")
                                 if f in have)
                break
    except OSError:
        model = platform.processor()
    # never imported here: this process's memory would be every child's peak until its exec
    from importlib.metadata import version

    return (f"{platform.node()}: {model}, {os.cpu_count()} cores; CPU flags: {flags}\n"
            f"legacy: Python {platform.python_version()}, TensorFlow {version('tensorflow')}; "
            f"oracle: TF 1.15.5 (Python 3.7), TF 1.4.1 + Keras 2.0.8 (Python 3.6), PyPI wheels")


def fmt(v, unit=""):
    return "-" if v is None else f"{v:.2f}{unit}" if v < 100 else f"{v:.0f}{unit}"


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--repeats", type=int, default=3)
    p.add_argument("--only", nargs="+", help="only these workloads")
    p.add_argument("--quick", action="store_true", help="fewer steps (a smoke run, not for the README)")
    p.add_argument("--json", metavar="PATH", help="write every run's figures as JSON")
    p.add_argument("--no-tf2", action="store_true", help="leave out plain TF 2.21 (the memory the runtime adds)")
    p.add_argument("--fast-path-off", action="store_true",
                   help="also run legacy with the Session.run fast path off (before / after in one run)")
    p.add_argument("--spinning", action="store_true",
                   help="also run legacy with TensorFlow's own thread pools (before / after in one run)")
    args = p.parse_args(argv)
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    work = plan(args.quick)
    unknown = set(args.only or ()) - set(work)
    if unknown:
        p.error(f"unknown workload(s): {', '.join(sorted(unknown))}; choose from {', '.join(work)}")
    print(machine(), flush=True)
    print(f"{'workload':15} {'who':11} {'ms/step':>9} {'CPU ms':>7} {'csw':>5} {'wall s':>7} {'CPU s':>7} "
          f"{'peak MiB':>9} {'first line s':>12} {'TF imported s':>13}   ratios TF1/legacy: step, wall, memory; "
          "legacy's peak less plain TF 2.21's")
    results = {}
    with tempfile.TemporaryDirectory() as workdir:
        for name, (script, wargs, who_all) in work.items():
            if args.only and name not in args.only:
                continue
            if wargs is None:
                print(f"{name:15} skipped: its data is missing (see the docstring)")
                continue
            who_all = tuple(w for w in who_all if not (args.no_tf2 and w == "tf2.21"))
            if args.fast_path_off and name != "startup":
                who_all = who_all[:-1] + ("legacy-off", "legacy")
            if args.spinning and name != "startup":
                who_all = who_all[:-1] + ("legacy-spin", "legacy")
            runs = {w: [] for w in who_all}
            for _ in range(args.repeats):
                for who in who_all:
                    runs[who].append(run_once(who, WORKLOADS / script, wargs, workdir))
            med = {w: {k: statistics.median(r.get(k, float("nan")) for r in rs) for k in
                       ("ms_per_step", "cpu_ms_per_step", "switches_per_step", "wall_s", "cpu_s", "peak_mib",
                        "first_line_s", "imported_s")}
                   for w, rs in runs.items()}
            results[name] = {"runs": runs, "median": med}
            tf1, leg = who_all[0], "legacy"
            for who in who_all:
                m = med[who]
                ratio = ""
                if who == leg:
                    step = "-" if name == "startup" else f"{med[tf1]['ms_per_step'] / m['ms_per_step']:.2f}x"
                    ratio = (f"   {step}, {med[tf1]['wall_s'] / m['wall_s']:.2f}x, "
                             f"{med[tf1]['peak_mib'] / m['peak_mib']:.2f}x")
                    if "tf2.21" in med:
                        ratio += f"; adds {m['peak_mib'] - med['tf2.21']['peak_mib']:+.0f} MiB"
                step_ms = None if name == "startup" else m["ms_per_step"]
                step_cpu = None if name == "startup" else m["cpu_ms_per_step"]
                csw = "-" if name == "startup" else f"{m['switches_per_step']:.0f}"
                first, imported = (None, None) if who == "tf2.21" else (m["first_line_s"], m["imported_s"])
                print(f"{name:15} {who:11} {fmt(step_ms):>9} {fmt(step_cpu):>7} {csw:>5} {fmt(m['wall_s']):>7} "
                      f"{fmt(m['cpu_s']):>7} {fmt(m['peak_mib']):>9} {fmt(first):>12} {fmt(imported):>13}{ratio}",
                      flush=True)
    if args.json:
        from tf1_cnn.fileio import atomic_write_text

        atomic_write_text(args.json, json.dumps(results, indent=1), force=True)


if __name__ == "__main__":
    main()
