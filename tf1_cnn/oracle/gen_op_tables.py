"""Generate the op tables (``tf1_cnn/compat/graph/op_tables/tf<V>.json``) from real TF 1.x.

  python -m tf1_cnn.oracle.gen_op_tables [--tf1 1.3 1.4 1.15] [--cases a,b] [--out DIR]

runs ``op_probe.py`` inside each oracle environment (``envs.py``; made from PyPI when
missing) and writes one table per version: a header (TF release, Python, date, this
command) and, per case of ``op_cases.py``, the ops it builds ("Type name", in creation
order) and its random ops' [index, seed, seed2]. ``op_tables.py`` reads the tables;
``tests/test_op_tables.py`` compares the runtime with them.
"""
import argparse
import datetime
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from ..errors import UserError, run_cli
from . import envs, op_cases, op_tables

PROBE = Path(__file__).with_name("op_probe.py")


def probe_oracle(version, cases=None, setup=True):
    """({case: record}, Python version) as real TF ``version`` builds it (the probe in its environment)."""
    exe = envs.setup(version) if setup else envs.python(version)
    if exe is None:
        raise UserError(f"no TF {version} oracle environment (python -m tf1_cnn compare --setup --tf1 {version})")
    result = _run_probe([str(exe), str(PROBE)], cases)
    if result["tensorflow"] != envs.VERSIONS[version][1]:
        raise UserError(f"the TF {version} environment imports tensorflow {result['tensorflow']}")
    return result["runs"]["oracle"], result["python"]


def probe_runtime(versions, cases=None):
    """{version: {case: record}} as the runtime builds them under ``--tf1-version``."""
    return _run_probe([sys.executable, "-m", "tf1_cnn.oracle.op_probe", "--runtime", ",".join(versions)],
                      cases)["runs"]


def _run_probe(cmd, cases):
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "ops.json"
        cmd = [*cmd, "--out", str(out)] + (["--cases", ",".join(cases)] if cases else [])
        # without TF2_BEHAVIOR, which importing TF 2.21 sets: TF 1.15 would build resource variables
        env = envs.oracle_environ(TF_CPP_MIN_LOG_LEVEL="3", PYTHONPATH=str(Path(__file__).parents[2]))
        proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=900)
        if proc.returncode != 0 or not out.is_file():
            last = [line for line in proc.stderr.splitlines() if line.strip()]
            raise UserError(f"op probe failed ({' '.join(cmd[:2])}): {last[-1] if last else proc.returncode}")
        return json.loads(out.read_text())


def table(version, records, python, command):
    """The table of ``version`` as written: header, then the cases in op_cases' order."""
    release = envs.VERSIONS[version][1]
    header = {"tensorflow": release, "python": python, "date": datetime.date.today().isoformat(),
              "command": command, "graph_seed": op_cases.GRAPH_SEED,
              "prefix": [f"{n}: {d} {s}" for n, d, s in op_cases.PREFIX]}
    return {"header": header, "cases": records}


def write(path, data):
    """One case a line: small diffs when a table is regenerated."""
    lines = ['{"header": ' + json.dumps(data["header"]) + ',', ' "cases": {']
    items = list(data["cases"].items())
    for i, (name, rec) in enumerate(items):
        lines.append(f"  {json.dumps(name)}: {json.dumps(rec)}" + ("," if i < len(items) - 1 else ""))
    lines.append("}}")
    path.write_text("\n".join(lines) + "\n")


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m tf1_cnn.oracle.gen_op_tables", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tf1", nargs="+", default=list(envs.VERSIONS), choices=list(envs.VERSIONS),
                        help="versions to generate (default: all)")
    parser.add_argument("--cases", help="comma-separated case names: regenerate these only, keep the rest")
    parser.add_argument("--out", default=str(op_tables.TABLES), help="folder of the tables (default: %(default)s)")
    args = parser.parse_args(argv)
    out = Path(args.out)
    if not out.is_dir():
        raise UserError(f"--out {out}: no such folder")
    known = [name for name, _ in op_cases.CASES]
    cases = args.cases.split(",") if args.cases else None
    for name in cases or ():
        if name not in known:
            raise UserError(f"--cases: no case {name!r} in op_cases.py")
    command = "python -m tf1_cnn.oracle.gen_op_tables" + (f" --cases {args.cases}" if cases else "")
    for version in args.tf1:
        records, python = probe_oracle(version, cases)
        path = out / f"tf{version}.json"
        if cases and path.is_file():
            old = json.loads(path.read_text())["cases"]
            old.update(records)
            records = {name: old[name] for name in known if name in old}
        write(path, table(version, records, python, command))
        print(f"{path}: {len(records)} cases from TF {envs.VERSIONS[version][1]}")
    return 0


if __name__ == "__main__":
    sys.exit(run_cli(main))
