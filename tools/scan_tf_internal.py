"""Scan TF1-era library sources for the TF-internal names they use; check each against this TensorFlow.

    python tools/scan_tf_internal.py [--out PATH] [--check] [NAME=PATH ...]

TF1-era libraries reach past the public API: ``from tensorflow.python.util import nest;
nest.is_sequence(x)``, ``from tensorflow.python.framework.ops import set_shapes_for_outputs``,
``ops.RegisterShape(...)``. TensorFlow 2.21 moved some of these names and removed others. This
tool reads the sources (never runs them), collects every ``tensorflow.python...`` name they
import or use as ``module.attr``, and resolves each on the installed TensorFlow 2.21 *before* the
runtime's additions (in a fresh interpreter: nothing installed). A name 2.21 lacks is looked up
in ``tf1_cnn.compat.era.tf_internal.PROVIDED`` (where it moved, or the runtime's own TF 1.15-
shaped version), and the result is written as a table (``tf1_cnn/compat/era/tf_internal_names.json``)::

    {"name": "tensorflow.python.util.nest.is_sequence", "status": "removed",
     "provided_by": "tf1_cnn: TF 1.15's is_sequence (is_nested: ...)", "libraries": ["tflearn", ...]}

``status``: "moved" (aliased to its 2.21 home), "removed" (written by the runtime from TF 1.15's
documented behaviour), or "missing" (nothing provides it yet: ``--check`` exits 1).

Sources, each ``NAME=PATH`` (a folder, a ``.py`` file, or a wheel / sdist archive read in place).
Without arguments the defaults are scanned: the peer-test suites in ``../shared/peer-tests/suites``
(one library per suite folder), the installed tf_slim, and TF 1.15's own ``tensorflow/contrib`` tree
in the oracle environment (``~/.cache/tf1-cnn/oracle/tf1.15``) when present. Era libraries from PyPI
are scanned from a download (``pip download --no-deps dm-sonnet==1.36 -d DIR``, then
``sonnet=DIR/dm_sonnet-1.36-py3-none-any.whl``); the table keeps what earlier runs found for
libraries not scanned this time (``--fresh`` drops them).

Names the libraries' *tests* use count too (``tensorflow.python.framework.test_util``): a library's
suite runs under ``legacy`` as well.
"""
import argparse
import ast
import importlib
import json
import os
import sys
import tarfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TABLE = ROOT / "tf1_cnn" / "compat" / "era" / "tf_internal_names.json"
PREFIX = "tensorflow.python"
# TF 1.15's wheel keeps its sources under tensorflow_core and imports them as tensorflow.*
_REWRITES = (("tensorflow_core.", "tensorflow."),)


def _normal(name):
    for old, new in _REWRITES:
        if name.startswith(old):
            return new + name[len(old):]
    return name


def _dotted(node):
    """``a.b.c`` of an Attribute chain rooted at a Name, else None."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    parts.append(node.id)
    return ".".join(reversed(parts))


def names_in_source(text):
    """The ``tensorflow.python...`` names one source file imports or uses as ``alias.attr``.

    Returns {dotted name: first line}. ``from M import a`` gives ``M.a`` (a module or an
    attribute: resolved later); ``alias.attr`` with ``alias`` bound to a TF-internal import gives
    ``M.a.attr``; a dotted use of ``import tensorflow.python.M`` gives the whole chain.
    """
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError):  # Python 2-only files of the era: nothing we can run either
        return {}
    found = {}
    aliases = {}  # local name -> dotted TF-internal name
    plain_roots = set()  # `import tensorflow.python.x` binds `tensorflow`

    def add(name, line):
        found.setdefault(name, line)

    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            module = _normal(node.module)
            if module == PREFIX or module.startswith(PREFIX + "."):
                for a in node.names:
                    if a.name == "*":
                        continue
                    full = f"{module}.{a.name}"
                    add(full, node.lineno)
                    aliases[a.asname or a.name] = full
            elif module in ("tensorflow", "tensorflow_core"):
                for a in node.names:  # from tensorflow import python as tf_python
                    if a.name == "python":
                        aliases[a.asname or a.name] = PREFIX
        elif isinstance(node, ast.Import):
            for a in node.names:
                name = _normal(a.name)
                if name == PREFIX or name.startswith(PREFIX + "."):
                    add(name, node.lineno)
                    if a.asname:
                        aliases[a.asname] = name
                    else:
                        plain_roots.add(name.split(".")[0])
    inner = {id(node.value) for node in ast.walk(tree) if isinstance(node, ast.Attribute)}
    for node in ast.walk(tree):
        if not isinstance(node, ast.Attribute) or id(node) in inner:  # the whole chain once, outermost
            continue
        dotted = _dotted(node)
        if dotted is None:
            continue
        head, _, rest = dotted.partition(".")
        if head in aliases:
            # the first attribute past the alias: `nest.is_sequence`, `ops.Graph` (not `.as_default`)
            add(f"{aliases[head]}.{rest.split('.')[0]}", node.lineno)
        elif head in plain_roots and dotted.startswith(PREFIX + "."):
            add(dotted, node.lineno)  # trimmed to what resolves as a module + one attribute later
    return found


def _sources(path):
    """(relative file name, text) of each .py file under a folder, in a .py file, or in an archive."""
    path = Path(path)
    if path.is_file() and path.suffix == ".py":
        yield path.name, path.read_text(encoding="utf-8", errors="replace")
    elif path.is_dir():
        for folder, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if d not in ("__pycache__", ".git"))
            for name in sorted(files):
                if name.endswith(".py"):
                    p = Path(folder) / name
                    yield str(p.relative_to(path)), p.read_text(encoding="utf-8", errors="replace")
    elif path.suffix in (".whl", ".zip"):
        with zipfile.ZipFile(path) as z:
            for name in sorted(z.namelist()):
                if name.endswith(".py"):
                    yield name, z.read(name).decode("utf-8", errors="replace")
    elif path.name.endswith((".tar.gz", ".tgz")):
        with tarfile.open(path) as t:
            for m in t.getmembers():
                if m.isfile() and m.name.endswith(".py"):
                    yield m.name, t.extractfile(m).read().decode("utf-8", errors="replace")
    else:
        raise SystemExit(f"scan_tf_internal: {path}: not a folder, .py file, wheel or sdist")


def scan(sources):
    """{dotted name: {library: "file:line"}} over ``sources`` = [(library, path), ...]."""
    uses = {}
    for library, path in sources:
        for rel, text in _sources(path):
            for name, line in names_in_source(text).items():
                uses.setdefault(name, {}).setdefault(library, f"{rel}:{line}")
    return uses


def resolve(name):
    """The object ``name`` denotes on this TensorFlow, or raise LookupError.

    The longest importable module prefix is imported, the rest looked up as attributes (as
    ``from M import a`` would: an attribute first, then a submodule).
    """
    parts = name.split(".")
    for i in range(len(parts), 1, -1):
        module_name = ".".join(parts[:i])
        try:
            obj = importlib.import_module(module_name)
        except ImportError:
            continue
        except Exception as exc:  # a module that fails to import is as missing as one that does not exist
            raise LookupError(f"{module_name}: {type(exc).__name__}: {exc}") from None
        for j, attr in enumerate(parts[i:], start=i):
            try:
                obj = getattr(obj, attr)
                continue
            except AttributeError:
                pass
            except Exception as exc:  # a lazy attribute whose own import fails (tf_keras paths 2.21 moved)
                raise LookupError(f"{'.'.join(parts[:j + 1])}: {type(exc).__name__}: {exc}") from None
            try:
                obj = importlib.import_module(".".join(parts[:j + 1]))
            except ImportError:
                raise LookupError(f"{'.'.join(parts[:j])} has no {attr!r}") from None
        return obj
    raise LookupError(f"no module {parts[0]}")


def exists(name):
    try:
        resolve(name)
        return True
    except LookupError:
        return False


def default_sources():
    """The scan's default sources (library name, path) that exist on this machine."""
    out = []
    shared = Path(os.environ.get("TF1_CNN_SHARED", ROOT.parent / "shared" / "datasets")).parent
    suites = shared / "peer-tests" / "suites"
    if suites.is_dir():
        for folder in sorted(p for p in suites.iterdir() if p.is_dir() and p.name[:2].isdigit()):
            out.append((folder.name[3:].split("_", 1)[-1], folder))
    import importlib.util

    spec = importlib.util.find_spec("tf_slim")
    if spec and spec.submodule_search_locations:
        out.append(("tf_slim", Path(list(spec.submodule_search_locations)[0])))
    oracle = Path.home() / ".cache" / "tf1-cnn" / "oracle" / "tf1.15" / "lib"
    for contrib in sorted(oracle.glob("python3*/site-packages/tensorflow_core/contrib")):
        out.append(("tensorflow-1.15-contrib", contrib))
    return out


# Sources scanned for what the era used but not run under `legacy`: TF 1.15's contrib tree is
# TensorFlow's own (tf.contrib is provided by tf1_cnn/compat/contrib, never by running that code),
# so a name only it uses is listed ("reference") but need not be provided.
REFERENCE_ONLY = {"tensorflow-1.15-contrib"}


def _status(name, libraries):
    from tf1_cnn.compat.era import tf_internal

    status, provider = tf_internal.describe(name)
    if status == "missing" and set(libraries) <= REFERENCE_ONLY:
        return "reference", "nothing: only TF 1.15's own contrib tree used it (not run under legacy)"
    return status, provider


def build_table(uses, previous=()):
    """The table rows for the names 2.21 lacks (``uses`` from scan(), checked here without the runtime).

    ``previous`` rows of libraries not scanned now are kept (their names are merged)."""
    rows = {}
    for row in previous:
        rows[row["name"]] = dict(row, libraries=dict(row["libraries"]))
    for name in sorted(uses):
        if exists(name):
            continue
        row = rows.setdefault(name, {"name": name, "libraries": {}})
        row["libraries"].update(uses[name])
    for row in rows.values():
        row["status"], row["provided_by"] = _status(row["name"], row["libraries"])
    return [dict(r, libraries=dict(sorted(r["libraries"].items()))) for _, r in sorted(rows.items())]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sources", nargs="*", metavar="NAME=PATH")
    ap.add_argument("--out", default=str(TABLE), help=f"the table to write (default {TABLE.relative_to(ROOT)})")
    ap.add_argument("--fresh", action="store_true", help="drop rows of libraries not scanned this time")
    ap.add_argument("--check", action="store_true", help="write nothing; exit 1 when a name is not provided, "
                    "or missing from the table (--out)")
    args = ap.parse_args(argv)
    os.environ.setdefault("TF_USE_LEGACY_KERAS", "1")  # as under `legacy`: tf.keras is tf_keras
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    sources = []
    for item in args.sources:
        name, sep, path = item.partition("=")
        if not sep or not name or not Path(path).exists():
            print(f"scan_tf_internal: {item!r}: give NAME=PATH of an existing folder, .py file or archive",
                  file=sys.stderr)
            return 2
        sources.append((name, Path(path)))
    if not args.sources:
        sources = default_sources()
    sys.path.insert(0, str(ROOT))
    uses = scan(sources)
    scanned = {lib for lib, _ in sources}
    previous = []
    scanned_before = set()
    if not args.fresh and Path(args.out).is_file():
        old_table = json.loads(Path(args.out).read_text())
        scanned_before = set(old_table.get("scanned", ()))
        for row in old_table["names"]:
            libs = {k: v for k, v in row["libraries"].items() if k not in scanned}
            if libs:
                previous.append(dict(row, libraries=libs))
    rows = build_table(uses, previous)
    missing = [r for r in rows if r["status"] == "missing"]
    for r in missing:
        print(f"missing: {r['name']}  ({', '.join(f'{k} {v}' for k, v in r['libraries'].items())})", file=sys.stderr)
    counts = {s: sum(r["status"] == s for r in rows) for s in ("moved", "removed", "reference", "missing")}
    print(f"scan_tf_internal: {len(uses)} TF-internal names used by {len(scanned)} libraries; "
          f"2.21 lacks {len(rows)}: " + ", ".join(f"{n} {s}" for s, n in counts.items()))
    if args.check:
        table = json.loads(Path(args.out).read_text())["names"] if Path(args.out).is_file() else []
        listed = {r["name"] for r in table}
        unlisted = [r["name"] for r in rows if r["name"] not in listed]
        for name in unlisted:
            print(f"not in {args.out}: {name} (rerun tools/scan_tf_internal.py)", file=sys.stderr)
        return 1 if missing or unlisted else 0
    import tensorflow as tf

    Path(args.out).write_text(json.dumps({
        "tensorflow": tf.__version__, "generated_by": "tools/scan_tf_internal.py",
        "scanned": sorted(scanned | scanned_before),
        "libraries": sorted({lib for r in rows for lib in r["libraries"]}), "names": rows}, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
