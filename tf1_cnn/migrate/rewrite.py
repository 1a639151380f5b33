"""The libcst transformer: TF1 source -> source for stock TensorFlow 2.21, comments and layout kept.

What it rewrites, and why (each change goes to the report with its line):
- ``import tensorflow as tf`` -> ``import tensorflow.compat.v1 as tf`` and
  ``tf.disable_v2_behavior()``: TF1's names and graph mode (what ``legacy`` switches on);
- ``tf.contrib.layers`` / ``slim`` / ``framework`` (and their imports) -> ``tf_slim``, the
  maintained copy of that code;
- ``tf.X`` that ``tf.compat.v1`` lacks -> TensorFlow's own ``tf_upgrade_v2`` rename table
  (``all_renames_v2.symbol_renames``, as ``compat/migration.py`` reads it), when the target exists;
- ``tf.layers`` / ``tf.keras`` / ``import keras`` -> tf_keras (Keras 2): ``TF_USE_LEGACY_KERAS=1``
  set at the top, before TensorFlow is imported; ``import keras`` -> ``tf.compat.v1.keras``;
- ``tensorflow.examples.tutorials.mnist.input_data`` -> the helper module's reader;
- ``tf.nn.dropout(x, keep_prob)`` (TF 1.3's structure) -> ``dropout_tf1`` (TF 1.x's math);
- ``np.int``, ``np.float``, ... (removed in NumPy 1.24) -> the builtins they stood for;
- ``tf.contrib.learn.datasets`` (``mnist``, ``base``, ``load_dataset``) -> the helper module's copies;
- the op seed TF 1.x gave each unseeded draw (``seeds.py``), written at the call site.
- ``tf.estimator`` -> ``tf_estimator``, tensorflow_estimator 2.15's TF1 API made importable on TF 2.21
  by the helper module (under 1.3 with TF 1.2-1.3's RunConfig graph seed 1 written where it applied);
Anything else TF1-only (other ``tf.contrib`` modules, ``tf.contrib.learn``, ...) is reported, not guessed.
"""
import re
from dataclasses import dataclass, field

import libcst as cst
from libcst.metadata import MetadataWrapper, PositionProvider

from ..compat.era.numpy_aliases import ALIASES
from .helpers import NAME as HELPERS

LEGACY_KERAS_LINE = ('os.environ["TF_USE_LEGACY_KERAS"] = "1"  '
                     '# migrated: tf.keras / tf.layers are Keras 2 (tf_keras), as under TF 1.x')
SLIM_PARTS = ("layers", "slim", "framework")
# layer functions whose default weight initializer drew (TF 1.x: glorot/xavier uniform)
SLIM_LAYERS = {"fully_connected", "conv2d", "convolution2d", "convolution", "conv2d_transpose",
               "convolution2d_transpose", "conv1d", "conv3d", "separable_conv2d", "separable_convolution2d",
               "conv2d_in_plane", "convolution3d"}
TF_LAYERS = {"dense", "conv1d", "conv2d", "conv3d", "conv2d_transpose", "conv3d_transpose",
             "separable_conv1d", "separable_conv2d"}
NUMPY_ALIASES = {name: builtin for name, (builtin, _) in ALIASES.items()}  # what legacy restores
LEARN_DATASETS = ("tensorflow.contrib.learn.datasets", "tensorflow.contrib.learn.python.learn.datasets")
# what the helper module has of tf.contrib.learn.datasets (and of its base / mnist modules)
LEARN_NAMES = {"load_dataset", "DATASETS", "load_mnist", "load_iris", "load_boston", "load_csv_with_header",
               "load_csv_without_header", "Dataset", "Datasets", "maybe_download", "read_data_sets", "DataSet",
               "extract_images", "extract_labels", "dense_to_one_hot"}
ESTIMATOR = "tf_estimator"  # tf.estimator's name in migrated code (imported from the helper module)
ESTIMATOR_CLASS = re.compile(r"^(Estimator|\w+(Classifier|Regressor|Estimator))$")  # take config=
DROPOUT_TF1_VERSIONS = ("1.3", "1.4")  # TF 1.0-1.12 kept where floor(keep_prob + U) is 1; 1.13+ U >= rate
SEEDED = re.compile(r"(random|initializer|shuffle|dropout|multinomial|categorical|sample_distorted|"
                    r"truncated_normal|_normal$|_uniform$|^uniform|^normal|gamma|poisson)", re.I)


@dataclass
class FileResult:
    path: str                       # the source file (report name)
    changes: list = field(default_factory=list)   # {"line", "what", "why"}
    seeds: list = field(default_factory=list)     # {"line", "col", "seeds", "api", "how"}
    problems: list = field(default_factory=list)  # {"line", "what", "todo"}
    needs: set = field(default_factory=set)       # helper parts used


def dotted(node):
    """``a.b.c`` of a Name/Attribute chain, or None."""
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        base = dotted(node.value)
        return f"{base}.{node.attr.value}" if base else None
    return None


def name_expr(text):
    return cst.parse_expression(text)


def _kwarg(name, value):
    return cst.Arg(keyword=cst.Name(name), value=value,
                   equal=cst.AssignEqual(whitespace_before=cst.SimpleWhitespace(""),
                                         whitespace_after=cst.SimpleWhitespace("")))


def _find_kwarg(call, name):
    for i, arg in enumerate(call.args):
        if arg.keyword is not None and arg.keyword.value == name:
            return i
    return None


def _with_kwarg(call, name, value):
    """``call`` with keyword ``name=value`` (replacing ``name=None`` if given)."""
    i = _find_kwarg(call, name)
    args = list(call.args)
    if i is not None:
        args[i] = args[i].with_changes(value=value)
    else:
        args.append(_kwarg(name, value))
    return call.with_changes(args=args)


class Names:
    """What the TensorFlow module offers (for names tf.compat.v1 lacks) and tf_upgrade_v2's table."""

    def __init__(self):
        import tensorflow as tf

        from ..compat import migration

        self.v1 = tf.compat.v1
        self.renames = migration.renames()
        self._slim = None

    def slim(self):
        if self._slim is None:
            import tf_slim

            self._slim = tf_slim
        return self._slim

    @staticmethod
    def resolves(module, parts):
        obj = module
        for part in parts:
            try:
                obj = getattr(obj, part)
            except Exception:
                return False
        return True


LIBRARIES = ("tensorflow", "keras", "tf_slim", "tf_keras")


def library_seeded(func, library_names):
    """Is ``func`` (a call's callee) a TensorFlow / Keras / tf_slim function or class taking a seed?

    By its name (``SEEDED``) and its root: a TF alias or a name an import bound to one of those
    libraries. A local callable (``self.dropout = tf.layers.Dropout(0.4)``, later ``self.dropout(y)``)
    takes no ``seed=``, whatever its name."""
    name = dotted(func) or ""
    return bool(SEEDED.search(name.rpartition(".")[2])) and name.partition(".")[0] in library_names


class _Calls(cst.CSTVisitor):
    def __init__(self):
        super().__init__()
        self.calls = []

    def visit_Call(self, node):
        self.calls.append(node)


class InitializerBindings(cst.CSTVisitor):
    """Draws whose initializer was made on an earlier line of the same block, e.g. (a TF1 idiom)

        initer = tf.truncated_normal_initializer(stddev=0.01)
        return tf.get_variable("W", shape=shape, initializer=initer)

    The draw's seed is written on the constructor when that runs once per draw: both statements
    directly in one block (a function's body, or the module), the constructor first, its name bound
    once there and passed to one drawing call only. ``moved``: constructor's key -> the draw's key."""

    METADATA_DEPENDENCIES = (PositionProvider,)

    def __init__(self, sites, cell, library_names=()):
        super().__init__()
        self.sites, self.cell = sites, cell
        self.moved = {}
        self.library_names = set(library_names)  # names imports bind to TensorFlow / Keras / tf_slim

        self.contrib_modules = {}   # alias -> "tf.contrib.M" (``from tensorflow.contrib import M``)
        self.tf_aliases = set()     # ``import tensorflow as X``
        self._names, self._roots, self._uses = {}, {}, {}  # Name nodes; ``alias.X``: the Xs, how many
        self._in_import = 0

    def visit_Import(self, node):
        self._in_import += 1
        for alias in () if isinstance(node.names, cst.ImportStar) else node.names:
            module = dotted(alias.name) or ""
            if module.split(".")[0] in LIBRARIES:
                self.library_names.add(alias.asname.name.value if alias.asname else module.split(".")[0])
            if module == "tensorflow" and alias.asname:
                self.tf_aliases.add(alias.asname.name.value)
            parts = module.split(".")
            if len(node.names) == 1 and alias.asname and len(parts) == 3 and parts[:2] == ["tensorflow", "contrib"] \
                    and parts[2] not in SLIM_PARTS + ("learn",):
                self.contrib_modules[alias.asname.name.value] = f"tf.contrib.{parts[2]}"

    def leave_Import(self, node):
        self._in_import -= 1

    def visit_ImportFrom(self, node):
        self._in_import += 1
        module = dotted(node.module) if node.module is not None and not node.relative else None
        if module and module.split(".")[0] in LIBRARIES and not isinstance(node.names, cst.ImportStar):
            for alias in node.names:
                self.library_names.add(alias.asname.name.value if alias.asname else dotted(alias.name))
            if module == "tensorflow.contrib" and len(node.names) == 1:
                name = dotted(node.names[0].name)
                if name not in SLIM_PARTS + ("learn",):
                    asname = node.names[0].asname
                    self.contrib_modules[asname.name.value if asname else name] = f"tf.contrib.{name}"

    def leave_ImportFrom(self, node):
        self._in_import -= 1

    def visit_Name(self, node):
        if not self._in_import:
            self._names[node.value] = self._names.get(node.value, 0) + 1

    def visit_Attribute(self, node):
        if isinstance(node.value, cst.Name) and not self._in_import:
            name = node.value.value
            self._roots.setdefault(name, set()).add(node.attr.value)
            self._uses[name] = self._uses.get(name, 0) + 1

    def resolved_contrib(self, renames, tf_aliases):
        """{alias: ("tf.contrib.M", {X: target})} for the aliases whose every use is ``alias.X`` with X in tf_upgrade_v2's
        table (``tf.contrib.rnn.BasicLSTMCell`` -> ``tf.compat.v1.nn.rnn_cell.BasicLSTMCell``)."""
        out = {}
        if not tf_aliases:  # the uses become tf.X: the module must have a tf alias
            return out
        for alias, module in self.contrib_modules.items():
            targets = {x: renames.get(f"{module}.{x}") for x in self._roots.get(alias, ())}
            if targets and all(targets.values()) and self._names.get(alias) == self._uses.get(alias):
                out[alias] = (module, targets)
        return out

    def _key(self, node):
        pos = self.get_metadata(PositionProvider, node).start
        return (self.cell, pos.line, pos.column)

    def _block(self, statements):
        bound, uses = {}, {}  # name -> constructor call (None: bound twice); name -> drawing calls
        for stmt in statements:
            if not isinstance(stmt, cst.SimpleStatementLine):
                continue
            finder = _Calls()
            stmt.visit(finder)
            for call in finder.calls:
                i = _find_kwarg(call, "initializer")
                if i is not None and isinstance(call.args[i].value, cst.Name) and self._key(call) in self.sites:
                    uses.setdefault(call.args[i].value.value, []).append(call)
            for small in stmt.body:
                if isinstance(small, cst.Assign) and len(small.targets) == 1 and \
                        isinstance(small.targets[0].target, cst.Name):
                    name, value = small.targets[0].target.value, small.value
                    seeded = isinstance(value, cst.Call) and _find_kwarg(value, "seed") is None and \
                        library_seeded(value.func, self.library_names)
                    bound[name] = value if seeded and name not in bound and name not in uses else None
        for name, calls in uses.items():
            ctor = bound.get(name)
            if ctor is not None and len(calls) == 1 and self._key(ctor) < self._key(calls[0]):
                self.moved[self._key(ctor)] = self._key(calls[0])

    def visit_Module(self, node):
        self._block(node.body)

    def visit_FunctionDef(self, node):
        if isinstance(node.body, cst.IndentedBlock):
            self._block(node.body.body)


class Migrator(cst.CSTTransformer):
    """One file (or one notebook cell) at a time; ``result`` collects the report."""

    METADATA_DEPENDENCIES = (PositionProvider,)

    def __init__(self, names, result, sites, tf1_version, line_offset=0, cell=None):
        super().__init__()
        self.names, self.result, self.sites, self.tf1_version = names, result, sites, tf1_version
        self.cell = cell
        self.tf_aliases = set()     # local names bound to the tensorflow module
        self.replace = {}           # original Attribute node -> new expression
        self.legacy_keras = False
        self.slim = False
        self.helper_imports = set()  # names imported from the helper module
        self.tf_import_seen = False
        self.helper_module = False   # the code names the helper module (tf1_migrated_helpers.NAME)
        self.np_aliases = set()      # local names bound to numpy
        self.moved = {}              # InitializerBindings.moved: constructor key -> draw key
        self.library_names = set()   # InitializerBindings.library_names
        self.contrib_aliases = {}    # InitializerBindings.resolved_contrib: alias -> (module, {X: target})
        self.tf_alias = "tf"         # the tf alias the renamed uses are written with

    # --- bookkeeping
    def _line(self, node):
        return self.get_metadata(PositionProvider, node).start.line

    def _where(self, line):
        return f"cell {self.cell}, line {line}" if self.cell else line

    def change(self, node, what, why):
        self.result.changes.append({"line": self._where(self._line(node)), "what": what, "why": why})

    def problem(self, node, what, todo):
        self.result.problems.append({"line": self._where(self._line(node)), "what": what, "todo": todo})

    # --- imports
    def leave_SimpleStatementLine(self, original, updated):
        if len(updated.body) != 1:
            return updated
        stmt = updated.body[0]
        if isinstance(stmt, cst.Import):
            return self._import(original, updated, stmt)
        if isinstance(stmt, cst.ImportFrom) and not stmt.relative:
            return self._import_from(original, updated, stmt)
        return updated

    def _import(self, original, line, stmt):
        if not isinstance(stmt.names, cst.ImportStar) and len(stmt.names) == 1 and stmt.names[0].asname and \
                stmt.names[0].asname.name.value in self.contrib_aliases:
            self.change(original, f"import {dotted(stmt.names[0].name)} as ... -> (removed)",
                        "each use is renamed through tf_upgrade_v2's table to its tf.compat.v1 name")
            return cst.RemoveFromParent()
        if isinstance(stmt.names, cst.ImportStar) or len(stmt.names) != 1:
            for alias in stmt.names:
                if dotted(alias.name).split(".")[0] in ("tensorflow", "keras"):
                    self.problem(original, f"`{cst.Module([]).code_for_node(stmt)}`",
                                 "split this import into one per line and migrate again")
            return line
        alias = stmt.names[0]
        module = dotted(alias.name)
        asname = alias.asname.name.value if alias.asname else None
        if module == "numpy":
            self.np_aliases.add(asname or "numpy")
            return line
        if module == "tensorflow" and asname:
            self.tf_aliases.add(asname)
            self.tf_import_seen = True
            new = stmt.with_changes(names=[alias.with_changes(name=name_expr("tensorflow.compat.v1"))])
            self.change(original, f"import tensorflow as {asname} -> import tensorflow.compat.v1 as {asname}; "
                        f"{asname}.disable_v2_behavior()", "TF1's names, and graph mode as TF 1.x had")
            disable = cst.parse_statement(f"{asname}.disable_v2_behavior()  # migrated: TF1 graph mode\n")
            return cst.FlattenSentinel([line.with_changes(body=[new]), disable])
        if module == "tensorflow":
            self.problem(original, "`import tensorflow` without an alias",
                         "write `import tensorflow.compat.v1 as tf` and `tf.disable_v2_behavior()` by hand")
            return line
        new_module = self._module_map(original, module)
        if new_module is None:
            return line
        if asname is None and new_module != module:  # `import keras` binds `keras`: keep that name
            asname = module.split(".")[0] if "." not in module else None
            if asname is None:
                self.problem(original, f"`import {module}`", f"write `import {new_module} as NAME` by hand")
                return line
        new_alias = alias.with_changes(name=name_expr(new_module),
                                       asname=cst.AsName(name=cst.Name(asname)) if asname else None)
        if new_module != module:
            self.change(original, f"import {module} -> import {new_module} as {asname}", self._why(module))
        return line.with_changes(body=[stmt.with_changes(names=[new_alias])])

    def _module_map(self, node, module):
        """The module to import instead of ``module`` (TF1 paths), ``module`` itself, or None (reported)."""
        parts = module.split(".")
        if parts[0] == "keras":
            self.legacy_keras = True
            return "tensorflow.compat.v1.keras" + module[len("keras"):]
        if module.startswith("tensorflow.examples.tutorials.mnist.input_data") or \
                module == "tensorflow.examples.tutorials.mnist":
            if not module.endswith("input_data"):
                self.problem(node, f"`{module}`", "the tutorials' mnist package is not in TF 2: import "
                             "input_data from it (migrated to the helper module) or copy the functions you use")
                return None
            self.result.needs.add("input_data")
            return HELPERS
        if _learn_module(module) is not None:
            return self._learn(node, module, _learn_module(module))
        if parts[:2] == ["tensorflow", "contrib"]:
            if len(parts) >= 3 and parts[2] in SLIM_PARTS:
                self.slim = True
                rest = [p for p in parts[3:] if p not in ("python",)]
                return ".".join(["tf_slim", *rest])
            self.problem(node, f"`{module}`", _contrib_todo(module))
            return None
        if parts[:2] in (["tensorflow", "keras"], ["tensorflow", "layers"]):
            self.legacy_keras = True
        return module

    def _why(self, module):
        if module.startswith("keras"):
            return "Keras 2 is tf_keras; tf.compat.v1.keras is its TF1 API (TF1 initializers, as Keras 2.0 drew)"
        if "contrib" in module:
            return "tf.contrib is gone from TF 2; tf_slim is the maintained copy of its layers/slim/framework"
        if "examples.tutorials" in module:
            return f"TF 2 ships no tutorials package; {HELPERS}.py holds the same reader (no downloads)"
        return "TF1 path"

    def _import_from(self, original, line, stmt):
        module = dotted(stmt.module)
        if module is None:
            return line
        if module == "tensorflow.contrib" and not isinstance(stmt.names, cst.ImportStar) and len(stmt.names) == 1:
            alias = stmt.names[0]
            bound = alias.asname.name.value if alias.asname else dotted(alias.name)
            if bound in self.contrib_aliases:
                self.change(original, f"from tensorflow.contrib import {dotted(alias.name)} -> (removed)",
                            "each use is renamed through tf_upgrade_v2's table to its tf.compat.v1 name")
                return cst.RemoveFromParent()
        if module == "tensorflow.examples.tutorials.mnist":
            names = [] if isinstance(stmt.names, cst.ImportStar) else [dotted(a.name) for a in stmt.names]
            parts = {"input_data": "input_data", "mnist": "tutorials_mnist"}
            if names and all(n in parts for n in names):
                lines = []
                for alias, n in zip(stmt.names, names):
                    asname = alias.asname.name.value if alias.asname else n
                    self.result.needs.add(parts[n])
                    self.change(original, f"from {module} import {n} -> import {HELPERS} as {asname}",
                                self._why(module))
                    lines.append(cst.parse_statement(f"import {HELPERS} as {asname}\n"))
                if len(lines) == 1:
                    return line.with_changes(body=lines[0].body)
                return cst.FlattenSentinel(lines)
            self.problem(original, f"`from {module} import {', '.join(names) or '*'}`",
                         "the tutorials' mnist model module is not in TF 2: copy the functions you use")
            return line
        rest = _learn_module(module)
        if rest is not None and not isinstance(stmt.names, cst.ImportStar):
            names = [dotted(a.name) for a in stmt.names]
            if rest == [] and all(n in ("mnist", "base") for n in names):  # the modules: the helper module
                self._learn(original, module, rest)
                lines = [cst.parse_statement(f"import {HELPERS} as {a.asname.name.value if a.asname else n}\n")
                         for a, n in zip(stmt.names, names)]
                return line.with_changes(body=lines[0].body) if len(lines) == 1 else cst.FlattenSentinel(lines)
            if rest in ([], ["mnist"], ["base"]) and all(n in LEARN_NAMES for n in names):
                self._learn(original, module, rest)
                return line.with_changes(body=[stmt.with_changes(module=name_expr(HELPERS))])
            self.problem(original, f"`from {module} import {', '.join(names)}`",
                         f"{HELPERS}.py has only {', '.join(sorted(LEARN_NAMES))} of it: port the rest by hand")
            return line
        if module == "tensorflow.contrib":
            if isinstance(stmt.names, cst.ImportStar):
                self.problem(original, f"`from {module} import *`", _contrib_todo(module))
                return line
            others = [dotted(a.name) for a in stmt.names if dotted(a.name) not in SLIM_PARTS]
            if others:  # one line per module imported, each with its own successor
                for other in others:
                    self.problem(original, f"`from {module} import {other}`", _contrib_todo(f"{module}.{other}"))
                return line
            self.slim = True
            lines = []
            for a in stmt.names:
                asname = a.asname.name.value if a.asname else dotted(a.name)
                lines.append(cst.parse_statement(f"import tf_slim as {asname}\n"))
            self.change(original, f"from tensorflow.contrib import {', '.join(dotted(a.name) for a in stmt.names)}"
                        " -> import tf_slim as ...", self._why(module))
            if len(lines) == 1:
                return line.with_changes(body=lines[0].body)
            return cst.FlattenSentinel(lines)
        if module == "tensorflow":
            names = [] if isinstance(stmt.names, cst.ImportStar) else [dotted(a.name) for a in stmt.names]
            if "keras" in names or "layers" in names:
                self.legacy_keras = True
            if "contrib" in names:
                self.problem(original, "`from tensorflow import contrib`", "use tf_slim / the TF2 replacement")
            if names == ["estimator"]:
                asname = stmt.names[0].asname.name.value if stmt.names[0].asname else "estimator"
                self.legacy_keras = True
                self.result.needs.add("estimator")
                self.change(original, f"from tensorflow import estimator -> from {HELPERS} import {ESTIMATOR}",
                            "TF 2.16+ has no tf.estimator; tensorflow_estimator 2.15 imports with the helper's stubs")
                return line.with_changes(body=cst.parse_statement(
                    f"from {HELPERS} import {ESTIMATOR} as {asname}\n").body)
            if "estimator" in names:
                self.problem(original, "`from tensorflow import estimator, ...`",
                             "import estimator on a line of its own and migrate again")
            return line
        if module.split(".")[:2] == ["tensorflow", "estimator"]:
            self.problem(original, f"`from {module} import ...`",
                         f"write `from {HELPERS} import {ESTIMATOR}` and use {ESTIMATOR}.NAME")
            return line
        new_module = self._module_map(original, module)
        if new_module is None or new_module == module:
            return line
        self.change(original, f"from {module} import ... -> from {new_module} import ...", self._why(module))
        return line.with_changes(body=[stmt.with_changes(module=name_expr(new_module))])

    # --- tf.X names
    def visit_Attribute(self, node):
        name = dotted(node)
        if name is None:
            return True
        root, _, rest = name.partition(".")
        if root in self.contrib_aliases and rest:
            first, _, deeper = rest.partition(".")
            module, targets = self.contrib_aliases[root]
            target = targets[first]
            tparts = target.split(".")[1:]
            tparts = tparts[2:] if tparts[:2] == ["compat", "v1"] else tparts
            new = ".".join([self.tf_alias, *tparts] + ([deeper] if deeper else []))
            self.legacy_keras |= tparts[:2] == ["nn", "rnn_cell"] or tparts[:1] in (["layers"], ["keras"])
            self.replace[node] = name_expr(new)
            self.change(node, f"{root}.{first} -> {new.rsplit('.' + deeper, 1)[0] if deeper else new}",
                        f"tf_upgrade_v2's rename table ({module}.{first})")
            return False
        if root in self.np_aliases and rest in NUMPY_ALIASES:
            # np.int, np.float, ...: aliases of the builtins, removed in NumPy 1.24 (the 1.20 notes' advice)
            self.replace[node] = cst.Name(NUMPY_ALIASES[rest].__name__)
            self.change(node, f"{name} -> {NUMPY_ALIASES[rest].__name__}", "NumPy 1.24 removed the alias of the builtin "
                        "(NumPy 1.20's deprecation notes: use the builtin)")
            return False
        if root in self.tf_aliases and rest:
            new = self._tf_name(node, root, rest.split("."))
            if new is not None and new != name:
                self.replace[node] = name_expr(new)
        return False

    def leave_Attribute(self, original, updated):
        return self.replace.get(original, updated)

    def _tf_name(self, node, root, parts):
        """The new spelling of ``root.parts`` (None: unchanged)."""
        full = "tf." + ".".join(parts)
        if parts[0] == "contrib" and _learn_module("tensorflow." + ".".join(parts)) is not None:
            rest = _learn_module("tensorflow." + ".".join(parts))
            if rest in ([], ["mnist"], ["base"]):
                return None  # the module itself, or on the way to a name: the name decides (below)
            name = rest[-1]
            if len(rest) <= 2 and rest[:-1] in ([], ["mnist"], ["base"]) and name in LEARN_NAMES:
                self._learn(node, full, rest)
                return f"{HELPERS}.{name}"
            self.problem(node, f"`{full}`", f"{HELPERS}.py has only {', '.join(sorted(LEARN_NAMES))} of "
                         "tf.contrib.learn.datasets: port the rest by hand")
            return None
        if parts[0] == "contrib":
            if len(parts) >= 2 and parts[1] in SLIM_PARTS:
                rest = parts[2:]
                if rest and not self.names.resolves(self.names.slim(), rest):
                    self.problem(node, f"`{full}`", f"tf_slim has no {'.'.join(rest)}: find its TF2 replacement")
                    return None
                self.slim = True
                new = ".".join(["tf_slim", *rest])
                self.change(node, f"{full} -> {new}", "tf.contrib is gone from TF 2; tf_slim is the maintained copy")
                return new
            new = self._renamed(node, root, full) if len(parts) >= 3 else None
            if new is None and len(parts) >= 2:
                self.problem(node, f"`{full}`", _contrib_todo(full))
            return new
        if parts[0] in ("layers", "keras") or parts[:2] == ["nn", "rnn_cell"]:
            self.legacy_keras = True  # Keras 2 behind them: resolvable only with TF_USE_LEGACY_KERAS=1
            return None
        if parts[0] == "estimator":
            return self._estimator(node, full, parts[1:])
        if self.names.resolves(self.names.v1, parts):
            return None
        new = self._renamed(node, root, full)
        if new is not None:
            return new
        self.problem(node, f"`{full}`", "not in TF 2's tf.compat.v1 and no rename known: find its TF2 replacement")
        return None

    def _learn(self, node, full, rest):
        """``tf.contrib.learn.datasets`` (TF 1.3's mnist / base / DATASETS): the helper module's copies."""
        self.helper_module = True
        self.result.needs.update({"input_data", "learn_datasets"})
        self.change(node, f"{full} -> {HELPERS}" + (f".{rest[-1]}" if rest else ""),
                    "tf.contrib.learn is gone from TF 2; its datasets (TF 1.3's readers, no downloads) are "
                    f"in {HELPERS}.py")
        return HELPERS

    def _estimator(self, node, full, rest):
        """``tf.estimator.X`` -> ``tf_estimator.X``: tensorflow_estimator 2.15's v1 API, from the helper module."""
        self.legacy_keras = True  # the estimator's canned optimizers are tf.keras's (Keras 2) legacy ones
        self.helper_imports.add(ESTIMATOR)
        self.result.needs.add("estimator")
        new = ".".join([ESTIMATOR, *rest])
        self.change(node, f"{full} -> {new}", "TF 2.16+ has no tf.estimator; tensorflow_estimator 2.15 (its last "
                    f"release, TF 1.x's API) imports on TF 2.21 with {HELPERS}.py's stubs")
        return new

    def _renamed(self, node, root, full):
        """``full`` through tf_upgrade_v2's rename table, when the target exists here; else None."""
        target = self.names.renames.get(full)
        if not target:
            return None
        tparts = target.split(".")[1:]
        if tparts[:2] == ["compat", "v1"]:
            tparts = tparts[2:]
        keras_backed = tparts[:2] == ["nn", "rnn_cell"] or tparts[:1] in (["layers"], ["keras"])
        if not (keras_backed or self.names.resolves(self.names.v1, tparts)):
            return None
        self.legacy_keras |= keras_backed
        self.change(node, f"{full} -> {target}", "tf_upgrade_v2's rename table (tf.compat.v1 lacks the name)")
        return ".".join([root, *tparts])

    # --- calls: dropout and seeds
    def leave_Call(self, original, updated):
        func = dotted(original.func)
        if func and self.tf1_version in DROPOUT_TF1_VERSIONS and func.partition(".")[0] in self.tf_aliases \
                and func.partition(".")[2] == "nn.dropout" and _find_kwarg(original, "rate") is None:
            updated = updated.with_changes(func=cst.Name("dropout_tf1"))
            self.helper_imports.add("dropout_tf1")
            self.result.needs.add("dropout_tf1")
            self.change(original, f"{func}(x, keep_prob) -> dropout_tf1(x, keep_prob)",
                        "TF 1.0-1.12's dropout math (floor(keep_prob + U)); TF 2 compares U >= rate")
        if self.tf1_version == "1.3" and func and func.partition(".")[0] in self.tf_aliases:
            updated = self._tf13_estimator_seed(original, updated, func.partition(".")[2].split("."))
        if func and func.rpartition(".")[2] == "DEFINE_integer":
            updated = self._integer_flag(original, updated)
        pos = self.get_metadata(PositionProvider, original).start
        key = (self.cell, pos.line, pos.column)
        if key in self.moved:  # an initializer made for the draw on a later line: its seed goes here
            updated = self._seed(original, updated, self.sites[self.moved[key]], pos,
                                 drawn_at=self._where(self.moved[key][1]))
        elif key in self.sites and key not in self.moved.values():
            updated = self._seed(original, updated, self.sites[key], pos)
        return updated

    def _integer_flag(self, original, call):
        """``DEFINE_integer(name, np.power(2, 9), ...)``: TF 1.2-1.4's argparse flags kept any default;
        absl's (TF 1.5+ and TF 2) accept only an int, so a computed default is wrapped in ``int()``."""
        i = _find_kwarg(call, "default")
        if i is None:
            positional = [k for k, a in enumerate(call.args) if a.keyword is None]
            i = positional[1] if len(positional) > 1 else None
        if i is None:
            return call
        value = call.args[i].value
        literal = value.expression if isinstance(value, cst.UnaryOperation) else value
        if isinstance(literal, cst.Integer) or (isinstance(literal, cst.Name) and literal.value == "None"):
            return call
        args = list(call.args)
        args[i] = args[i].with_changes(value=cst.Call(func=cst.Name("int"), args=[cst.Arg(value=value)]))
        self.change(original, "DEFINE_integer(name, X, ...) -> DEFINE_integer(name, int(X), ...)",
                    "absl's integer flags take only an int default; TF 1.2-1.4's argparse flags took any")
        return call.with_changes(args=args)

    def _tf13_estimator_seed(self, original, call, parts):
        """TF 1.2-1.3's ``RunConfig()`` fixed the graph seed to 1 (tensorflow_estimator's default is None):
        written where the code relies on it, so the estimator's graph draws as under TF 1.3."""
        if parts[:1] != ["estimator"] or len(parts) != 2:
            return call
        if parts[1] == "RunConfig":
            if _find_kwarg(original, "tf_random_seed") is None:
                self.change(original, f"{ESTIMATOR}.RunConfig(tf_random_seed=1)",
                            "TF 1.2-1.3's RunConfig fixed the graph seed to 1; tensorflow_estimator's default is none")
                return _with_kwarg(call, "tf_random_seed", cst.Integer("1"))
            return call
        positional = sum(1 for a in original.args if a.keyword is None)
        if ESTIMATOR_CLASS.match(parts[1]) and _find_kwarg(original, "config") is None and \
                not (parts[1] == "Estimator" and positional >= 3) and not any(a.star for a in original.args):
            self.change(original, f"{ESTIMATOR}.{parts[1]}(config={ESTIMATOR}.RunConfig(tf_random_seed=1))",
                        "TF 1.2-1.3's default RunConfig fixed the graph seed to 1; tensorflow_estimator's has none")
            return _with_kwarg(call, "config", name_expr(f"{ESTIMATOR}.RunConfig(tf_random_seed=1)"))
        return call

    def _seed(self, original, call, site, pos, drawn_at=None):
        executions = site["executions"]
        if all(d["op_seed"] is None for e in executions for d in e):
            return call  # never under a graph seed: TF 1.x drew at random here too, as TF 2 does
        api = dotted(original.func) or site["api"]
        where = self._where(pos.line)
        entry = {"line": where, "col": pos.column, "api": api, "op_seeds": [e[0]["op_seed"] for e in executions]}
        several = [e for e in executions if len(e) > 1 and any(d["op_seed"] is not None for d in e)]
        if several:
            self.problem(original, f"one call of {api} drew {len(several[0])} times (op seeds "
                         f"{[d['op_seed'] for d in several[0]]})",
                         "numbers will differ from TF 1.x: give each initializer of this call its own seed= "
                         "(the op seeds listed)")
            return call
        seeds = entry["op_seeds"]
        if len(set(seeds)) == 1:
            expr = cst.Integer(str(seeds[0]))
            entry["how"] = f"seed={seeds[0]}"
        else:
            key = f"{self.result.path}:{where}"
            expr = name_expr(f"tf1_seed({key!r}, {seeds!r})")
            entry["how"] = f"tf1_seed(...) over {len(seeds)} draws (the site drew in a loop" + \
                ("; None: no graph seed, random under TF 1.x too)" if None in seeds else ")")
        first = next(e[0] for e in executions if e[0]["op_seed"] is not None)
        new, how = self._place(call, expr, first)
        if new is None:
            self.problem(original, f"unseeded draw by {api} (op seed {first['op_seed']} under TF 1.x)",
                         f"numbers will differ from TF 1.x: pass seed={first['op_seed']} to the initializer "
                         "or op it uses")
            return call
        if len(set(seeds)) > 1:
            self.helper_imports.add("tf1_seed")
            self.result.needs.add("tf1_seed")
        entry["how"] = f"{how}: {entry['how']}" + (f" (the initializer of the draw at line {drawn_at})"
                                                   if drawn_at is not None else "")
        self.result.seeds.append(entry)
        return new

    def _place(self, call, expr, draw):
        """``call`` with the seed written where it reaches the draw, and how; (None, None) if nowhere."""
        name = (dotted(call.func) or "").rpartition(".")[2]
        chain = " ".join(draw.get("chain") or ())
        # ``call`` is the rewritten call: tf_slim / dropout_tf1 may be names this rewrite wrote
        libraries = self.library_names | self.tf_aliases | {"tf_slim", "tf_keras", "dropout_tf1"}
        if library_seeded(call.func, libraries):
            return _with_kwarg(call, "seed", expr), f"{name}(seed=)"
        candidates = [i for i, a in enumerate(call.args)
                      if isinstance(a.value, cst.Call) and library_seeded(a.value.func, libraries)
                      and _find_kwarg(a.value, "seed") is None]
        if len(candidates) == 1:
            i = candidates[0]
            inner = call.args[i].value
            args = list(call.args)
            args[i] = args[i].with_changes(value=_with_kwarg(inner, "seed", expr))
            return call.with_changes(args=args), f"{dotted(inner.func)}(seed=)"
        glorot = "Glorot" in chain or "VarianceScaling" in chain or "xavier" in chain or "_initializer" in chain
        tf = sorted(self.tf_aliases)[0] if self.tf_aliases else "tf"
        if name == "get_variable" and _find_kwarg(call, "initializer") is None and len(call.args) < 4 and \
                "GlorotUniform" in chain:
            init = name_expr(f"{tf}.glorot_uniform_initializer()")
            return (_with_kwarg(call, "initializer", _with_kwarg(init, "seed", expr)),
                    "initializer=glorot_uniform_initializer (get_variable's default)")
        xavier = draw.get("initializer") in (None, {"factor": 1.0, "mode": "FAN_AVG", "uniform": True})
        if name in SLIM_LAYERS and "model_variable" in chain and glorot and xavier and \
                _find_kwarg(call, "weights_initializer") is None:
            self.slim = True
            init = name_expr("tf_slim.xavier_initializer()")
            return (_with_kwarg(call, "weights_initializer", _with_kwarg(init, "seed", expr)),
                    "weights_initializer=xavier_initializer (the layer's default)")
        if name in TF_LAYERS and "GlorotUniform" in chain and _find_kwarg(call, "kernel_initializer") is None:
            init = name_expr(f"{tf}.glorot_uniform_initializer()")
            return (_with_kwarg(call, "kernel_initializer", _with_kwarg(init, "seed", expr)),
                    "kernel_initializer=glorot_uniform_initializer (the layer's default)")
        return None, None


def _learn_module(module):
    """The path after ``tf.contrib.learn[.python.learn].datasets`` of ``module`` (a list), or None."""
    for prefix in LEARN_DATASETS:
        if module == prefix or module.startswith(prefix + "."):
            return [p for p in module[len(prefix):].split(".") if p]
    return None


def _contrib_todo(name):
    from ..compat.migration import NOT_PROVIDED, by_hand

    if name in ("tensorflow.contrib.learn", "tf.contrib.learn"):  # a package of parts with different successors
        return ("not in TF 2: its datasets are in the helper module when imported as "
                "tensorflow.contrib.learn.datasets; preprocessing -> " + by_hand("tf.contrib.learn.preprocessing")
                + "; ModeKeys -> " + by_hand("tf.contrib.learn.ModeKeys") + "; its estimators -> tf.estimator")
    # provided by the runtime's own copies (the most specific text), then the names nothing provides
    text = by_hand(name.replace("tensorflow.", "tf.").replace("tf.contrib.learn.python.learn.", "tf.contrib.learn."))
    if text is not None:
        return f"not in TF 2 nor its maintained libraries (legacy runs tf1_cnn's copy): port it to {text}"
    for prefix, text in NOT_PROVIDED.items():
        if name.replace("tensorflow.", "tf.").startswith(prefix):
            return f"not in TF 2 nor its maintained libraries here: use {text}"
    return "tf.contrib is gone from TF 2 and this module has no maintained copy here: port it by hand"


# --- whole sources


def _header_index(body):
    """Where new top-of-module statements go: after the docstring and ``from __future__`` imports."""
    i = 0
    if body and isinstance(body[0], cst.SimpleStatementLine) and isinstance(body[0].body[0], cst.Expr) \
            and isinstance(body[0].body[0].value, (cst.SimpleString, cst.ConcatenatedString)):
        i = 1
    while i < len(body) and isinstance(body[i], cst.SimpleStatementLine) and \
            isinstance(body[i].body[0], cst.ImportFrom) and dotted(body[i].body[0].module or cst.Name("x")) == "__future__":
        i += 1
    return i


def migrate_module(code, names, result, sites, tf1_version, cell=None, header=True, state=None):
    """Rewrite one module's (or cell's) source; returns the new text. ``state`` carries aliases across cells."""
    module = cst.parse_module(code)
    migrator = Migrator(names, result, sites, tf1_version, cell=cell)
    if state is not None:
        migrator.tf_aliases |= state.setdefault("tf_aliases", set())
    wrapper = MetadataWrapper(module)
    bindings = InitializerBindings(sites, cell, (state or {}).get("library_names", ()))
    wrapper.visit(bindings)
    migrator.moved, migrator.library_names = bindings.moved, bindings.library_names
    known_tf = bindings.tf_aliases | (state or {}).get("tf_aliases", set())
    migrator.contrib_aliases = bindings.resolved_contrib(names.renames, known_tf)
    migrator.tf_alias = sorted(known_tf or {"tf"})[0]
    if state is not None:
        state["library_names"] = bindings.library_names
    new = wrapper.visit(migrator)
    if state is not None:
        state["tf_aliases"] |= migrator.tf_aliases
    body = list(new.body)
    extra = []
    if migrator.slim and not (state or {}).get("tf_slim"):
        result.needs.add("tf_slim")
        extra.append(cst.parse_statement(f"import {HELPERS}  # migrated: tf_slim's fixes for TF 2.21 (see there)\n"))
        if not _imports(body, "tf_slim"):
            extra.append(cst.parse_statement("import tf_slim  # migrated: tf.contrib's layers/slim\n"))
        if state is not None:
            state["tf_slim"] = True
    if migrator.helper_module and not migrator.slim and not (state or {}).get("helper_module") \
            and not _imports(body, HELPERS):
        extra.append(cst.parse_statement(f"import {HELPERS}  # migrated: tf.contrib.learn.datasets (see there)\n"))
    if state is not None and migrator.helper_module:
        state["helper_module"] = True
    if migrator.helper_imports:
        names_ = ", ".join(sorted(migrator.helper_imports - (state or {}).get("helpers", set())))
        if names_:
            extra.append(cst.parse_statement(f"from {HELPERS} import {names_}  # migrated: see {HELPERS}.py\n"))
        if state is not None:
            state.setdefault("helpers", set()).update(migrator.helper_imports)
    if extra:
        at = _after_tf_import(body)
        body[at:at] = extra
    needs_env = migrator.legacy_keras and not (state or {}).get("legacy_keras")
    if needs_env:
        if state is not None:
            state["legacy_keras"] = True
        at = _header_index(body) if header else 0
        body[at:at] = [cst.parse_statement("import os\n"), cst.parse_statement(LEGACY_KERAS_LINE + "\n")]
        result.changes.append({"line": _where(cell, 1), "what": "TF_USE_LEGACY_KERAS=1 set at the top",
                               "why": "tf.keras / tf.layers / keras used: Keras 2 (tf_keras), as under TF 1.x; "
                                      "must be set before TensorFlow is imported"})
    return new.with_changes(body=body).code


def _where(cell, line):
    return f"cell {cell}, line {line}" if cell else line


def _imports(body, module):
    return any(isinstance(s, cst.SimpleStatementLine) and isinstance(s.body[0], cst.Import)
               and any(dotted(a.name) == module and a.asname is None for a in s.body[0].names
                       if not isinstance(s.body[0].names, cst.ImportStar))
               for s in body)


def _after_tf_import(body):
    """Index just after the ``disable_v2_behavior()`` line (or the imports at the top)."""
    for i, s in enumerate(body):
        if isinstance(s, cst.SimpleStatementLine) and isinstance(s.body[0], cst.Expr) and \
                isinstance(s.body[0].value, cst.Call) and \
                (dotted(s.body[0].value.func) or "").endswith(".disable_v2_behavior"):
            return i + 1
    i = _header_index(body)
    while i < len(body) and isinstance(body[i], cst.SimpleStatementLine) and \
            isinstance(body[i].body[0], (cst.Import, cst.ImportFrom)):
        i += 1
    return i
