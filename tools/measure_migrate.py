"""Measure ``migrate`` against ``tf_upgrade_v2`` and the hand port on the corpus-dev scripts.

    python tools/measure_migrate.py [--limit S] [--seed N] [--tf1-version V] [--out DIR] [NN ...]

For each script of ``../shared/corpus-dev`` (``--corpus``; $TF1_CNN_CORPUS) the corpus's own
runner lays out its data and companion files; a stand-in ``python`` first on its PATH takes
the runner's ``python -m tf1_cnn legacy ./NN_x.py ARGS`` call (pre-steps and the data maker
go to the real interpreter) and, in that work folder, runs four variants one after the other,
each in a fresh copy of the folder with its own HOME and TMPDIR (and the absolute /tmp
paths the MANIFEST says the script makes removed before each), for at most S seconds:

- ``legacy``: the script, unmodified, under ``python -m tf1_cnn legacy`` (the reference);
- ``again``: the same once more: where its numbers differ from the first run's, the script draws
  at random (no graph seed), on TF 1.x too, and no tool can be *equal* on it;
- ``migrate``: ``python -m tf1_cnn migrate FOLDER -o OUT --run NN_x.py`` (seeds recorded
  within the same S seconds), then ``python OUT/NN_x.py`` on plain TF 2.21 (no tf1_cnn);
- ``upgrade``: TensorFlow's own ``tf_upgrade_v2 --intree FOLDER``, then the output on plain TF;
- ``hand``: every ``import tensorflow as tf`` made ``import tensorflow.compat.v1 as tf`` +
  ``tf.disable_v2_behavior()`` (the usual hand port), then on plain TF.

With ``--seed N`` every script first gets a graph seed, ``tf.set_random_seed(N)`` after its
``import tensorflow as tf`` (or before its first import), in all five variants alike: most
TF1 scripts set none, so TF 1.x itself drew other numbers at each run, and only a seeded
script can show whether a tool keeps TF 1.x's numbers (a graph made later with ``tf.Graph()``
still has no seed; ``again`` shows those).

A variant *runs* when it exits 0, or is still running at S seconds with no traceback so far.
Its printed numbers are compared with ``legacy``'s by ``migrate --verify``'s rule
(``tf1_cnn/migrate/verify.py``) over what both printed within the limit: *equal* when at least
one number was compared and none differed (and, when both finished, both printed as many).
A script without a graph seed draws other numbers at each run on TF 1.x too; those cannot be
equal except by printing no random number, and the table says which scripts set a seed.

Results: ``DIR/NN/result.json`` per script, each variant's output beside it, and a Markdown
table on stdout. Nothing is written into the checkout or ``../shared``.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VARIANTS = ("legacy", "again", "migrate", "upgrade", "hand")
HAND_IMPORT = re.compile(r"^import tensorflow as tf[ \t]*$", re.M)
SKIPPED = ("home", "tmp", "__pycache__")


def corpus_dir():
    """The corpus-dev folder (beside the checkout, as ``.ci/run`` lays out ``../shared``)."""
    return Path(os.environ.get("TF1_CNN_CORPUS", ROOT.parent / "shared" / "corpus-dev"))


# --- the runner's side: lay out data, then call the stand-in python per script


def stand_in(bindir, real, out, limit, tf1_version, seed):
    """A ``python`` that hands the runner's main legacy call to this tool and everything else to ``real``."""
    bindir.mkdir(parents=True, exist_ok=True)
    script = bindir / "python"
    script.write_text(f"""#!/bin/bash
if [ "$1 $2 $3 $4" = "-m tf1_cnn legacy --no-report" ] && [[ "$5" == ./[0-9][0-9]_*.py ]]; then
  export MEASURE_OUT={out} MEASURE_LIMIT={limit} MEASURE_TF1={tf1_version} MEASURE_SEED={seed if seed is not None else ""}
  shift 4
  exec {real} {Path(__file__).resolve()} --shim "$@"
fi
exec {real} "$@"
""")
    script.chmod(0o755)


def run_corpus(args):
    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    corpus = corpus_dir()
    if not (corpus / "run").is_file():
        sys.exit(f"measure_migrate: no corpus runner at {corpus / 'run'} (--corpus DIR)")
    with tempfile.TemporaryDirectory(prefix="measure-migrate-") as tmp:
        stand_in(Path(tmp) / "bin", sys.executable, out, args.limit, args.tf1_version, args.seed)
        env = dict(os.environ, PATH=f"{tmp}/bin{os.pathsep}{os.environ['PATH']}")
        limit = 8 * args.limit + 300  # the runner's limit: the five variants, migrate's recording, copies, under load
        selection = args.entries or [f"{n:02d}" for n in range(1, 46)]
        subprocess.run([str(corpus / "run"), "--limit", str(limit), *selection], cwd=ROOT, env=env)
    print(table(out, selection))


# --- the stand-in's side: four variants in one work folder


def fresh_copy(src, dest):
    shutil.copytree(src, dest, symlinks=True, ignore=shutil.ignore_patterns("__pycache__"))
    for sub in ("home", "tmp"):
        (dest / sub).mkdir(exist_ok=True)
    return dest


def python_files(folder):
    return [p for p in folder.rglob("*.py") if not set(p.relative_to(folder).parts[:1]) & set(SKIPPED)]


def plain_env(copy):
    from tf1_cnn.migrate.verify import plain_env as env

    return dict(env(), HOME=str(copy / "home"), TMPDIR=str(copy / "tmp"), MPLBACKEND="Agg", PYTHONHASHSEED="0")


def timed(cmd, cwd, env, limit, log):
    """Run ``cmd``; (status, stdout, stderr) with status an exit code or "timeout"."""
    with open(log.with_suffix(".out"), "w") as out, open(log.with_suffix(".err"), "w") as err:
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=out, stderr=err, start_new_session=True)
        try:
            status = proc.wait(timeout=limit)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, 2)  # SIGINT first, as the corpus runner does
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, 9)
                proc.wait()
            status = "timeout"
    return status, log.with_suffix(".out").read_text(errors="replace"), log.with_suffix(".err").read_text(errors="replace")


def first_error(stderr):
    """The exception line of the last traceback (not the limit's KeyboardInterrupt), or None."""
    lines = stderr.splitlines()
    found = None
    for i, line in enumerate(lines):
        if line.startswith("Traceback (most recent call last):"):
            j = i + 1
            while j < len(lines) and (lines[j].startswith(" ") or not lines[j].strip()):
                j += 1
            if j < len(lines) and not lines[j].startswith("KeyboardInterrupt"):
                found = lines[j].strip()
    if found is None:
        found = next((l.strip() for l in lines if l.startswith("Error:")), None)  # tf1_cnn's one-line errors
    return found


def outcome(status, stderr):
    error = first_error(stderr)
    if status == 0:
        return "ok", None
    if status == "timeout" and error is None:
        return "running", None
    return "FAIL", error or f"exit {status}"


def compare(reference, other, both_finished):
    """("equal" / "differs" / "no numbers", numbers compared, first difference) over what both printed."""
    from tf1_cnn.migrate.verify import ATOL, RTOL, numbers
    from tf1_cnn.oracle.outputs import close

    a, b = numbers(reference), numbers(other)
    n = min(len(a), len(b))
    if n == 0:
        return "no numbers", 0, None
    for (x, i, line_x), (y, j, line_y) in zip(a[:n], b[:n]):
        if not close(x, y, ATOL, RTOL):
            return "differs", n, f"legacy printed {x!r} on its line {i} ({line_x[:80]!r}), this {y!r} on its line {j}"
    if both_finished and len(a) != len(b):
        return "differs", n, f"legacy printed {len(a)} numbers, this {len(b)}"
    return "equal", n, None


def shim(argv):
    base, script_args = argv[0], argv[1:]
    name = base[2:]
    out = Path(os.environ["MEASURE_OUT"]) / name[:2]
    limit = float(os.environ["MEASURE_LIMIT"])
    tf1_version = os.environ["MEASURE_TF1"]
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    work = Path.cwd()
    seed = os.environ.get("MEASURE_SEED")
    own_seed = bool(re.search(r"set_random_seed|tf_random_seed|random_seed\s*=",
                              (work / name).read_text(errors="replace")))  # the script's own, before --seed
    if seed:  # the runner's work folder is its own throwaway copy: seeded in place, before any variant
        (work / name).write_text(seeded((work / name).read_text(errors="replace"), int(seed)))
    result = {"script": name, "args": script_args, "limit": limit, "tf1_version": tf1_version, "seed": seed,
              "graph_seed": own_seed,
              "variants": {}}
    scratch = Path(tempfile.mkdtemp(prefix=f".scratch-{name[:2]}-", dir=out.parent))  # not under the work folder
    try:
        outputs = {}
        for variant in VARIANTS:
            copy = fresh_copy(work, scratch / f"{variant}-run")
            env = plain_env(copy)
            entry = {}
            for path in made_paths(name):
                shutil.rmtree(path, ignore_errors=True)
            if variant in ("legacy", "again"):
                env = dict(env, PYTHONPATH=str(ROOT))
                cmd = [sys.executable, "-m", "tf1_cnn", "legacy", "--no-report", "--tf1-version", tf1_version,
                       f"./{name}", *script_args]
            else:
                code = scratch / f"{variant}-code"
                ok, detail = translate(variant, copy, code, name, script_args, limit, tf1_version, out)
                entry["translate"] = detail
                if not ok:
                    entry.update(status="FAIL", error=f"{variant} itself failed: {detail}")
                    result["variants"][variant] = entry
                    continue
                cmd = [sys.executable, str(code / name), *script_args]
                for path in made_paths(name):  # what migrate's seed recording left there (/tmp/model)
                    shutil.rmtree(path, ignore_errors=True)
            status, stdout, stderr = timed(cmd, copy, env, limit, out / variant)
            state, error = outcome(status, stderr)
            entry.update(status=state, error=error, exit=status)
            outputs[variant] = (stdout, status != "timeout")
            result["variants"][variant] = entry
        ref, ref_done = outputs.get("legacy", ("", False))
        for variant, (stdout, done) in outputs.items():
            if variant != "legacy":
                how, n, diff = compare(ref, stdout, ref_done and done)
                result["variants"][variant].update(numbers=how, compared=n, first_difference=diff)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    (out / "result.json").write_text(json.dumps(result, indent=1, default=str))
    print(f"measured {name}: " + ", ".join(f"{v} {e.get('status')}/{e.get('numbers', '-')}"
                                           for v, e in result["variants"].items()))
    return 0


def seeded(text, seed):
    """``text`` with a graph seed set right after TensorFlow is imported (or before the first import)."""
    line = f"tf.set_random_seed({seed})  # measure_migrate --seed: a graph seed\n"
    m = re.search(r"^import tensorflow as tf[ \t]*\n", text, re.M)
    if m:
        return text[:m.end()] + line + text[m.end():]
    import ast

    try:
        first = next((s.lineno for s in ast.parse(text).body if isinstance(s, (ast.Import, ast.ImportFrom))
                      and getattr(s, "module", None) != "__future__"), 1)
    except SyntaxError:  # Python 2: left for the tools to report
        first = 1
    lines = text.splitlines(keepends=True)
    return "".join(lines[:first - 1]) + "import tensorflow as tf\n" + line + "".join(lines[first - 1:])


def made_paths(name):
    """The absolute paths the corpus MANIFEST's ``clean`` directives name for ``name`` (model dirs)."""
    manifest = corpus_dir() / "MANIFEST.tsv"
    for line in manifest.read_text().splitlines()[1:]:
        cols = line.split("\t")
        if cols[0].endswith("/" + name):
            return [d.split()[1] for d in cols[9].split("|") if d.split()[:1] == ["clean"] and
                    d.split()[1].startswith("/tmp/")]
    return []


def translate(variant, folder, code, name, script_args, limit, tf1_version, out):
    """Write ``variant``'s version of ``folder``'s .py files into ``code``; (ok, detail)."""
    if variant == "hand":
        n = 0
        for path in python_files(folder):
            text = path.read_text(errors="replace")
            new, k = HAND_IMPORT.subn("import tensorflow.compat.v1 as tf\ntf.disable_v2_behavior()", text)
            n += k
            dest = code / path.relative_to(folder)
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_text(new)
        return True, f"{n} imports changed"
    source = folder.parent / f"{variant}-src"
    source.mkdir()
    for path in python_files(folder):
        dest = source / path.relative_to(folder)
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, dest)
    if variant == "upgrade":
        cmd = ["tf_upgrade_v2", "--intree", str(source), "--outtree", str(code), "--copyotherfiles", "False",
               "--reportfile", str(out / "upgrade-report.txt")]
        env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3")
    else:
        cmd = [sys.executable, "-m", "tf1_cnn", "migrate", str(source), "-o", str(code), "--run", name,
               "--budget", str(limit), "--tf1-version", tf1_version, "--json", str(out / "migrate-report.json"),
               "--args", *script_args]
        env = dict(os.environ, PYTHONPATH=str(ROOT), HOME=str(folder / "home"), TMPDIR=str(folder / "tmp"))
    proc = subprocess.run(cmd, cwd=folder, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                          timeout=limit + 600)
    (out / f"{variant}-translate.log").write_text(proc.stdout)
    last = (proc.stdout.strip().splitlines() or [""])[-1]
    return proc.returncode == 0 and (code / name).is_file(), last[:200]


# --- the table


def table(out, selection):
    rows, counts = [], {v: {"runs": 0, "equal": 0} for v in VARIANTS}
    header = "| script | own seed | " + " | ".join(VARIANTS) + " |"
    rows += [header, "|" + " --- |" * (len(VARIANTS) + 2)]
    n = 0
    for nn in selection:
        path = out / nn / "result.json"
        if not path.is_file():
            rows.append(f"| {nn} | | not measured (the runner did not reach the script: see its log) | | | |")
            continue
        n += 1
        r = json.loads(path.read_text())
        cells = []
        for v in VARIANTS:
            e = r["variants"].get(v, {})
            runs = e.get("status") in ("ok", "running")
            counts[v]["runs"] += runs
            equal = runs and e.get("numbers") == "equal"
            counts[v]["equal"] += equal
            text = e.get("status", "-")
            if v not in ("legacy",) and runs:
                text += f", {e.get('numbers')}" + (f" ({e.get('compared')})" if e.get("compared") else "")
            if e.get("error"):
                text += f": {e['error'][:90]}"
            cells.append(text.replace("|", "\\|"))
        rows.append(f"| {r['script'][:40]} | {'yes' if r['graph_seed'] else 'no'} | " + " | ".join(cells) + " |")
    rows.append("")
    rows.append(f"Of {n} scripts measured: " + "; ".join(
        f"{v} runs {c['runs']}" + (f", equal to legacy {c['equal']}" if v != "legacy" else "")
        for v, c in counts.items()))
    rows.append("(`again` equal: the scripts whose numbers are the same at each run, the ones a tool can keep.)")
    return "\n".join(rows)


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--shim"]:
        sys.path.insert(0, str(ROOT))
        return shim(argv[1:])
    p = argparse.ArgumentParser(prog="python tools/measure_migrate.py", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--limit", type=float, default=60, help="seconds per variant run (default 60)")
    p.add_argument("--tf1-version", default="1.3", help="legacy's and migrate's --tf1-version (default 1.3)")
    p.add_argument("--out", default=os.path.join(tempfile.gettempdir(), "measure-migrate"),
                   help="where results go (default $TMPDIR/measure-migrate)")
    p.add_argument("--corpus", help="the corpus-dev folder (default ../shared/corpus-dev)")
    p.add_argument("--seed", type=int, help="give every script this graph seed first (see above)")
    p.add_argument("--table", action="store_true", help="print the table of what --out holds and stop")
    p.add_argument("entries", nargs="*", help="corpus entries (01 ... 45); default all scripts")
    args = p.parse_args(argv)
    if args.corpus:  # the stand-in reads it from the environment too
        os.environ["TF1_CNN_CORPUS"] = str(Path(args.corpus).resolve())
    if args.table:
        sel = args.entries or sorted(d.name for d in Path(args.out).iterdir() if (d / "result.json").is_file())
        print(table(Path(args.out), sel))
        return 0
    run_corpus(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
