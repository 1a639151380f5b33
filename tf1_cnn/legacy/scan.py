"""``legacy --scan``: what a TF1 script or notebook will need, read from its text, before running it.

The source is parsed (not run). Every attribute chain on a name bound to TensorFlow
(``import tensorflow as tf``; ``from tensorflow.contrib import slim`` binds ``slim`` to
``tf.contrib.slim``) is resolved against the runtime's ``tf1`` namespace, segment by
segment, as far as names go (``tf.train.AdamOptimizer(...).minimize`` stops at the call).
Rows: the TF1-only names with their TF2 replacement and every file:line (for a notebook,
cell and line), and the names nothing provides, with what to use instead.
"""
import ast
from collections import defaultdict

from ..compat import migration


# TensorFlow's internal modules and the tutorials' modules: real modules (tensorflow.python.*) or
# ones the runtime registers (tensorflow.examples.*), imported as such, not names of the tf namespace
_NOT_NAMESPACE = ("tf.python", "tf.examples")


def _tf_path(module):
    """"tensorflow.contrib" -> "tf.contrib" (tensorflow.compat.v1 is the tf namespace itself); None otherwise."""
    if module != "tensorflow" and not module.startswith("tensorflow."):
        return None
    path = "tf" + module[len("tensorflow"):]
    return "tf" + path[len("tf.compat.v1"):] if path.startswith("tf.compat.v1") else path


def _bindings(tree):
    """{local name: "tf.path"} for the imports of TensorFlow's namespace in ``tree``."""
    names = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for a in node.names:
                path = _tf_path(a.name)
                if path and (a.asname or a.name == "tensorflow"):
                    names[a.asname or "tensorflow"] = path
        elif isinstance(node, ast.ImportFrom) and node.module and _tf_path(node.module):
            for a in node.names:
                if a.name != "*":
                    names[a.asname or a.name] = f"{_tf_path(node.module)}.{a.name}"
    return {k: v for k, v in names.items() if not v.startswith(_NOT_NAMESPACE)}


def _chains(tree, bindings):
    """(dotted path, line) of the longest attribute chains rooted at a TensorFlow binding."""
    out = []
    parents = {id(child): node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and not isinstance(parents.get(id(node)), ast.Attribute):
            parts, cur = [], node
            while isinstance(cur, ast.Attribute):
                parts.append(cur.attr)
                cur = cur.value
            if isinstance(cur, ast.Name) and cur.id in bindings:
                out.append((".".join([bindings[cur.id], *reversed(parts)]), node.lineno))
    return out


def _resolve(path):
    """(the longest prefix that resolves, the first segment that does not or None)."""
    from ..compat import tf1

    with migration.not_recording():
        obj, done = tf1, ["tf"]
        for part in path.split(".")[1:]:
            try:
                obj = getattr(obj, part)
            except AttributeError:
                return ".".join(done), ".".join([*done, part])
            except Exception:  # a lazy attribute that fails to load: treat as resolved
                break
            done.append(part)
        return ".".join(done), None


def scan_sources(sources):
    """``sources``: [(label, python source)]. Returns (used {name: [places]}, missing {name: [places]})."""
    used, missing = defaultdict(list), defaultdict(list)
    for label, source in sources:
        try:
            tree = ast.parse(source)
        except SyntaxError as exc:
            missing[f"(syntax error: {exc.msg})"].append(f"{label}:{exc.lineno}")
            continue
        bindings = _bindings(tree)
        for path, line in _chains(tree, bindings):
            ok, bad = _resolve(path)
            place = f"{label}:{line}"
            if bad:
                missing[bad].append(place)
            parts = ok.split(".")
            for i in range(len(parts), 1, -1):  # the deepest TF1-only name on the chain
                name = ".".join(parts[:i])
                if migration.replacement(name) is not None:
                    used[name].append(place)
                    break
    return used, missing


def format_scan(used, missing):
    lines = ["tf1_cnn scan: TF1-only names in the source (TF2 replacement, places)"]
    for name in sorted(used):
        lines.append(f"  {name}  -> {migration.replacement(name)}  [{', '.join(used[name][:5])}]")
    if missing:
        lines.append("names the runtime does not provide (change these before running):")
        for name in sorted(missing):
            lines.append(f"  {name}: {migration.missing_message(name)}  [{', '.join(missing[name][:5])}]")
    else:
        lines.append("every TensorFlow name in the source is provided.")
    return "\n".join(lines)
