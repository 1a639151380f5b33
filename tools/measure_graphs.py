"""Measure graph identity: ``compare`` over the corpus-dev scripts, per TF 1.x version.

  python tools/measure_graphs.py --out DIR [--tf1 1.3 1.15] [--limit S] [NN ...]

The corpus's own ``run`` lays out each script's data; a stand-in ``python`` on its PATH
turns its ``legacy --no-report ./NN_*.py ARGS`` call into one ``compare --max-runs 1`` per
version (the graph up to its second session run: what seeds and initial values depend on),
each writing ``DIR/NN-V.json``. Then a table: per script and version, identical or the first
differing op on each side. The corpus folder: $TF1_CNN_CORPUS (default ../shared/corpus-dev);
the oracle environments: $TF1_CNN_ORACLE_DIR (default: where ``compare --setup`` made them).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def corpus_dir():
    return Path(os.environ.get("TF1_CNN_CORPUS", ROOT.parent / "shared" / "corpus-dev"))


def stand_in(bindir, real, out, limit, versions):
    bindir.mkdir(parents=True, exist_ok=True)
    script = bindir / "python"
    calls = "\n".join(
        f'  {real} -m tf1_cnn compare --tf1 {v} --max-runs 1 --timeout {limit} --force '
        f'--json {out}/"${{NN}}-{v}.json" "$@" > {out}/"${{NN}}-{v}.log" 2>&1' for v in versions)
    script.write_text(f"""#!/bin/bash
if [ "$1 $2 $3 $4" = "-m tf1_cnn legacy --no-report" ] && [[ "$5" == ./[0-9][0-9]_*.py ]]; then
  shift 4
  NN=$(basename "$1"); NN=${{NN%%_*}}
{calls}
  exit 0
fi
exec {real} "$@"
""")
    script.chmod(0o755)


def summary(path):
    """'identical', 'differs at op I (kind): TF 1.x's op / the runtime's', or why there is no verdict."""
    if not path.is_file():
        return "no result"
    report = json.loads(path.read_text())
    sides = report.get("sides", {})
    g = report.get("graphs", {})
    if not g.get("records", [0])[0]:
        return "no graph recorded on TF 1.x: " + json.dumps(sides)[:200]
    if g.get("identical"):
        return f"identical ({g['ops'][0]} ops)"
    d = g["first_difference"]
    def op(o):
        return f"{o['type']} {o['name']}" if o else "-"
    return f"differs at op {d['index']} ({d['kind']}): {op(d['tf1'])} / {op(d['runtime'])}"


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--out", required=True)
    p.add_argument("--tf1", nargs="+", default=["1.3", "1.15"])
    p.add_argument("--limit", type=int, default=300, help="seconds per side")
    p.add_argument("--table-only", action="store_true")
    p.add_argument("entries", nargs="*")
    args = p.parse_args(argv)
    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    selection = args.entries or [f"{n:02d}" for n in range(1, 46)]
    if not args.table_only:
        with tempfile.TemporaryDirectory(prefix="measure-graphs-") as tmp:
            stand_in(Path(tmp) / "bin", sys.executable, out, args.limit, args.tf1)
            env = dict(os.environ, PATH=f"{tmp}/bin{os.pathsep}{os.environ['PATH']}")
            # the runner gives each script its own HOME: the oracle environments are named by path
            sys.path.insert(0, str(ROOT))
            from tf1_cnn.oracle import envs

            env.setdefault("TF1_CNN_ORACLE_DIR", str(envs.root()))
            limit = len(args.tf1) * (2 * args.limit + 60)
            subprocess.run([str(corpus_dir() / "run"), "--limit", str(limit), *selection], cwd=ROOT, env=env)
    counts = {v: 0 for v in args.tf1}
    for nn in selection:
        for v in args.tf1:
            s = summary(out / f"{nn}-{v}.json")
            counts[v] += s.startswith("identical")
            print(f"{nn} {v:5s} {s}")
    print("identical graphs: " + ", ".join(f"TF {v}: {n} of {len(selection)}" for v, n in counts.items()))


if __name__ == "__main__":
    main()
