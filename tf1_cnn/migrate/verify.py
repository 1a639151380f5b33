"""``migrate --verify``: the source under ``legacy``, the output under plain Python, numbers compared.

The output runs in a subprocess whose ``sys.path`` holds no tf1_cnn (asserted before the
script starts: the project's folder is not on PYTHONPATH, the script's folder is first on
the path as under ``python SCRIPT``) and without TF_USE_LEGACY_KERAS in its environment
(the migrated code sets what it needs itself). Both run in the current folder with the
same arguments. The numbers each printed (stdout) are compared in order, within float32
rounding (``rtol``/``atol``); the first one that differs is reported.

This is a small comparison of its own; the ``compare`` command's number rules
(tf1_cnn/oracle, not merged yet) should replace ``compare_numbers`` once they are.
"""
import os
import re
import subprocess
import sys
from pathlib import Path

NUMBER = re.compile(r"[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?|\bnan\b|\binf\b")
RTOL, ATOL = 1e-5, 1e-6

_PLAIN = r"""
import importlib.util, os, runpy, sys
script = sys.argv[1]
sys.path[0] = os.path.dirname(os.path.abspath(script))  # as `python SCRIPT`: its folder first, not the cwd
assert importlib.util.find_spec("tf1_cnn") is None, "tf1_cnn is importable: the check is void"
sys.argv = sys.argv[1:]
runpy.run_path(script, run_name="__main__")
"""

_PLAIN_NOTEBOOK = r"""
import importlib.util, sys
assert importlib.util.find_spec("tf1_cnn") is None, "tf1_cnn is importable: the check is void"
import nbformat
from nbclient import NotebookClient
path = sys.argv[1]
nb = nbformat.read(path, as_version=4)
import os
try:
    NotebookClient(nb, timeout=int(sys.argv[2]), resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}}).execute()
finally:
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.get("output_type") == "stream" and out.get("name") == "stdout":
                sys.stdout.write(out["text"])
            elif out.get("output_type") == "execute_result":
                sys.stdout.write(out["data"].get("text/plain", "") + "\n")
"""


def project_root():
    return str(Path(__file__).resolve().parents[2])


def plain_env():
    """The environment of the output's run: no project on PYTHONPATH, no Keras switch inherited."""
    env = dict(os.environ, MPLBACKEND="Agg", TF_CPP_MIN_LOG_LEVEL="3")
    env.pop("TF_USE_LEGACY_KERAS", None)
    root = os.path.realpath(project_root())
    keep = [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p and os.path.realpath(p) != root]
    env["PYTHONPATH"] = os.pathsep.join(keep)
    if not keep:
        env.pop("PYTHONPATH")
    return env


def run_legacy(source, args=(), timeout=600, tf1_version="1.3"):
    env = dict(os.environ, MPLBACKEND="Agg", TF_CPP_MIN_LOG_LEVEL="3")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (project_root(), env.get("PYTHONPATH")) if p)
    cmd = [sys.executable, "-m", "tf1_cnn", "legacy", "--no-report", "--tf1-version", tf1_version, str(source)]
    return _run(cmd + list(args), env, timeout)


def run_plain(out, args=(), timeout=600):
    if str(out).endswith(".ipynb"):
        cmd = [sys.executable, "-c", _PLAIN_NOTEBOOK, str(out), str(timeout)]
    else:
        cmd = [sys.executable, "-c", _PLAIN, str(out), *args]
    return _run(cmd, plain_env(), timeout, cwd=os.getcwd() if not str(out).endswith(".ipynb") else None)


def _run(cmd, env, timeout, cwd=None):
    try:
        proc = subprocess.run(cmd, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True, timeout=timeout)
        return proc.returncode, proc.stdout, proc.stderr
    except subprocess.TimeoutExpired as exc:
        return "timeout", exc.stdout.decode() if isinstance(exc.stdout, bytes) else (exc.stdout or ""), ""


def numbers(text):
    """(value, line number, line) of every number printed, in order."""
    found = []
    for i, line in enumerate(text.splitlines(), start=1):
        for m in NUMBER.finditer(line):
            found.append((float(m.group()), i, line.strip()))
    return found


def compare_numbers(expected, actual, rtol=RTOL, atol=ATOL):
    """None when the printed numbers agree, else a one-line description of the first difference."""
    a, b = numbers(expected), numbers(actual)
    for (x, i, line_x), (y, j, line_y) in zip(a, b):
        same = (x != x and y != y) or abs(x - y) <= atol + rtol * abs(x)
        if not same:
            return f"TF 1.x (legacy) printed {x!r} on its line {i} ({line_x[:80]!r}), the migrated code {y!r} " \
                   f"on its line {j} ({line_y[:80]!r})"
    if len(a) != len(b):
        more, n = ("TF 1.x (legacy)", len(a)) if len(a) > len(b) else ("the migrated code", len(b))
        return f"{more} printed more numbers ({n} against {min(len(a), len(b))})"
    return None


def verify(source, out, args=(), timeout=600, tf1_version="1.3"):
    """A dict: status ("equal", "differs", "failed"), detail, and the numbers compared."""
    code_a, out_a, err_a = run_legacy(source, args, timeout, tf1_version)
    code_b, out_b, err_b = run_plain(out, args, timeout)
    if code_b not in (0,) and code_a in (0,):
        tail = (err_b.strip().splitlines() or ["(no message)"])[-1]
        return {"status": "failed", "detail": f"the migrated code exited with {code_b}: {tail}",
                "numbers": len(numbers(out_a))}
    diff = compare_numbers(out_a, out_b)
    if diff is None and code_a != code_b:
        diff = f"exit status: legacy {code_a}, migrated {code_b}"
    return {"status": "differs" if diff else "equal", "detail": diff or "", "numbers": len(numbers(out_a)),
            "legacy_exit": code_a, "migrated_exit": code_b}
