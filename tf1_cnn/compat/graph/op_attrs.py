"""Which attributes each op had in TF 1.3.0, 1.4.1 and 1.15.5: a table taken from real TF 1.x.

TF 2.21 gave many ops attributes TF 1.x did not have (``Conv2D.explicit_paddings``,
``ResizeBilinear.half_pixel_centers``, ``BatchMatMul.grad_x``, ``MergeV2Checkpoints.
allow_missing_files``, ...). A GraphDef carrying one of them does not load in the
older TF ("NodeDef mentions attr ... not in Op"). ``interchange.py`` removes them
(when they hold their default value, so nothing changes) before a graph is written
for TF 1.x; it asks this table what the selected version knew.

``tf1_op_attrs.json`` (beside this file) is generated from the oracle environments
(``tf1_cnn/oracle/envs.py``), never written by hand::

    python -m tf1_cnn.compat.graph.op_attrs [--tf1 1.3 1.4 1.15]

It records, per version, every registered op (``TF_GetAllOpList``) with the names of
its attributes.
"""
import argparse
import json
import subprocess
import sys
from pathlib import Path

TABLE = Path(__file__).with_name("tf1_op_attrs.json")

# Runs inside the oracle (Python 3.6, TF 1.x): every registered op and its attribute names.
ORACLE_SCRIPT = r"""
import json, sys
import tensorflow as tf
from tensorflow.core.framework import op_def_pb2
from tensorflow.python import pywrap_tensorflow as p
ops = op_def_pb2.OpList()
ops.ParseFromString(p.TF_GetBuffer(p.TF_GetAllOpList()))
json.dump({"tensorflow": tf.__version__,
           "ops": {op.name: sorted(a.name for a in op.attr) for op in ops.op}}, sys.stdout)
"""

_cache = {}


def table():
    """{version: {"tensorflow": release, "ops": {op type: [attribute names]}}} (read once)."""
    if "table" not in _cache:
        _cache["table"] = json.loads(TABLE.read_text())["versions"]
    return _cache["table"]


def known(version):
    """{op type: set of attribute names} of TF ``version``, or None when the table lacks it."""
    entry = table().get(version)
    if entry is None:
        return None
    if ("known", version) not in _cache:
        _cache[("known", version)] = {op: set(attrs) for op, attrs in entry["ops"].items()}
    return _cache[("known", version)]


def generate(versions, log=print):
    """Ask each oracle environment for its ops; returns the table (versions without an environment skipped)."""
    from ...oracle import envs

    result = {}
    for version in versions:
        exe = envs.python(version)
        if exe is None:
            log(f"skipped TF {version}: no oracle environment (python -m tf1_cnn compare --setup --tf1 {version})")
            continue
        proc = subprocess.run([str(exe), "-c", ORACLE_SCRIPT], capture_output=True, text=True,
                              env={"TF_CPP_MIN_LOG_LEVEL": "3", "PATH": "/usr/bin:/bin"})
        if proc.returncode != 0:
            raise RuntimeError(f"TF {version} oracle failed: {proc.stderr.strip().splitlines()[-1:]}")
        result[version] = json.loads(proc.stdout)
        log(f"TF {result[version]['tensorflow']}: {len(result[version]['ops'])} ops")
    return result


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m tf1_cnn.compat.graph.op_attrs", description=__doc__.split("\n\n")[0])
    parser.add_argument("--tf1", nargs="+", default=["1.3", "1.4", "1.15"], help="versions (default: all three)")
    args = parser.parse_args(argv)
    versions = generate(args.tf1)
    old = json.loads(TABLE.read_text())["versions"] if TABLE.exists() else {}
    old.update(versions)
    text = json.dumps({"source": "TF_GetAllOpList() of each oracle environment "
                                 "(python -m tf1_cnn.compat.graph.op_attrs)",
                       "versions": old}, sort_keys=True, separators=(",", ":"))
    from ...fileio import atomic_write_text

    atomic_write_text(TABLE, text + "\n", force=True)  # the table is the generator's own file
    print(f"wrote {TABLE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
