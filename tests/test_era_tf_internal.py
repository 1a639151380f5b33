"""TF-internal names of the era under ``legacy`` (compat/era/tf_internal.py) and their table
(tools/scan_tf_internal.py -> compat/era/tf_internal_names.json)."""
import importlib
import json
import subprocess
import sys

import pytest

from tf1_cnn.compat import libraries
from tf1_cnn.compat.era import tf_internal

from .helpers import ROOT, oracle_env, run_cli

SCRIPT = ROOT / "tests" / "legacy_scripts" / "era_tf_internal.py"
TABLE = ROOT / "tf1_cnn" / "compat" / "era" / "tf_internal_names.json"


def _legacy(version, script, cwd=ROOT, *extra):
    proc = run_cli("-m", "tf1_cnn", "legacy", "--tf1-version", version, *extra, str(script), cwd=cwd)
    assert proc.returncode == 0, proc.stderr
    return proc


def _lines(text):
    return {line.split(" ", 1)[0] + (" tensor" if " tensor " in line else ""): line
            for line in text.splitlines() if line and line.split(" ", 1)[0] in (
                "is_sequence", "set_shapes_for_outputs", "RegisterShape", "training_ops", "moved", "estimator",
                "operators", "resource_variable")}


@pytest.fixture(scope="module")
def under_legacy_14(tmp_path_factory):
    report = tmp_path_factory.mktemp("era") / "report.json"
    proc = _legacy("1.4", SCRIPT, ROOT, "--report-json", str(report))
    return _lines(proc.stdout), json.loads(report.read_text())


@pytest.fixture(scope="module")
def on_tf14(tf1_oracle):
    proc = subprocess.run([tf1_oracle("1.4"), str(SCRIPT)], cwd=ROOT, env=oracle_env(), capture_output=True,
                          text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return _lines(proc.stdout)


@pytest.mark.parametrize("group", ["is_sequence", "set_shapes_for_outputs", "set_shapes_for_outputs tensor",
                                   "RegisterShape", "training_ops", "moved", "estimator", "operators",
                                   "resource_variable"])
def test_name_group_as_on_tf_1_4(group, under_legacy_14, on_tf14):
    """nest.is_sequence (1.4's rule), ops.set_shapes_for_outputs / RegisterShape (removed),
    training_ops (a moved module), cond / stack / variable (moved), tensorflow.python.estimator,
    Tensor.OVERLOADABLE_OPERATORS (1.4's set), a resource variable being a tf.Variable."""
    assert under_legacy_14[0][group] == on_tf14[group]


def test_is_sequence_and_operators_as_on_tf_1_15(tf1_oracle, tmp_path):
    script = tmp_path / "nest15.py"
    script.write_text("\n".join(open(SCRIPT).read().split("\n")[:2]) + "\n" + "".join(
        line + "\n" for line in open(SCRIPT).read().splitlines()
        if line.startswith(("import collections", "import numpy", "import tensorflow as tf",
                            "from tensorflow.python.util.nest", "Point =", "cases =", "         np.",
                            "print(\"is_sequence\"", "print(\"operators\""))))
    want = subprocess.run([tf1_oracle("1.15"), str(script)], env=oracle_env(), capture_output=True, text=True,
                          timeout=300)
    assert want.returncode == 0, want.stderr
    got = _legacy("1.15", script, tmp_path)
    assert got.stdout.splitlines()[-2:] == want.stdout.splitlines()[-2:]
    assert got.stdout.splitlines()[-2].startswith("is_sequence") and "__eq__" in got.stdout.splitlines()[-1]


def test_uses_are_in_the_migration_report(under_legacy_14):
    used = {row["name"]: row for row in under_legacy_14[1]["used"]}
    assert used["tensorflow.python.util.nest.is_sequence"]["replacement"] == "tf.nest.is_nested"
    assert "era_tf_internal.py:" in used["tensorflow.python.util.nest.is_sequence"]["places"][0]
    assert used["tensorflow.python.framework.ops.set_shapes_for_outputs"]["replacement"].startswith("nothing")
    assert "tensorflow.python.training.training_ops" in used


def test_every_moved_name_is_the_object_at_its_new_home():
    tf_internal.install()
    for old, new in tf_internal.MOVED.items():
        module, _, attr = old.rpartition(".")
        assert getattr(importlib.import_module(module), attr) is tf_internal._lookup(new), old


def test_libraries_moves_agree():
    """compat/libraries.py fixes tf_slim eagerly (and migrate copies it): the same targets as here."""
    for (module, attr), (new, new_attr) in libraries.MOVED.items():
        assert tf_internal.MOVED[f"{module}.{attr}"] == f"{new}.{new_attr}"


def test_a_missing_name_still_raises_attribute_error():
    tf_internal.install()
    from tensorflow.python.util import nest

    with pytest.raises(AttributeError, match="no_such_name"):
        nest.no_such_name  # noqa: B018


def test_the_table_is_current_and_every_name_a_library_uses_is_provided(shared_data):
    """Re-scan tf_slim and the peer-test suites: a name 2.21 lacks must be in the table and provided."""
    spec = importlib.util.find_spec("tf_slim")
    sources = [f"tf_slim={list(spec.submodule_search_locations)[0]}"]
    suites = shared_data.parent / "peer-tests" / "suites"
    if suites.is_dir():
        sources += [f"{p.name[3:].split('_', 1)[-1]}={p}" for p in sorted(suites.iterdir())
                    if p.is_dir() and p.name[:2].isdigit()]
    proc = subprocess.run([sys.executable, str(ROOT / "tools" / "scan_tf_internal.py"), "--check", *sources],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    table = json.loads(TABLE.read_text())
    assert not [row["name"] for row in table["names"] if row["status"] == "missing"]
    assert {"tflearn", "edward", "tf_slim"} <= set(table["libraries"])


def test_scanner_finds_imports_and_attribute_uses():
    spec = importlib.util.spec_from_file_location("scan_tf_internal", ROOT / "tools" / "scan_tf_internal.py")
    scanner = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scanner)
    found = scanner.names_in_source(
        "from tensorflow.python.util import nest\nfrom tensorflow.python.framework.ops import set_shapes_for_outputs\n"
        "import tensorflow.python.ops.array_ops as aops\nimport tensorflow.python.training.training_ops\n"
        "nest.is_sequence(x)\naops.stack.__doc__\ntensorflow.python.training.training_ops.apply_adam\n")
    assert set(found) == {
        "tensorflow.python.util.nest", "tensorflow.python.util.nest.is_sequence",
        "tensorflow.python.framework.ops.set_shapes_for_outputs", "tensorflow.python.ops.array_ops",
        "tensorflow.python.ops.array_ops.stack", "tensorflow.python.training.training_ops",
        "tensorflow.python.training.training_ops.apply_adam"}
    assert found["tensorflow.python.util.nest.is_sequence"] == 5


@pytest.mark.parametrize("version", ["1.4", "1.15"])
def test_inherited_test_session_counts_as_on_tf1(version, tf1_oracle):
    """TF 1.3/1.4 ran (and passed) the inherited ``test_session`` of a tf.test.TestCase; 1.15 skips it."""
    script = ROOT / "tests" / "legacy_scripts" / "era_test_session.py"

    def summary(text):
        return [line.split(" in ")[0] for line in text.splitlines() if line.startswith(("Ran ", "OK", "FAILED"))]

    want = subprocess.run([tf1_oracle(version), str(script)], env=oracle_env(), capture_output=True, text=True,
                          timeout=300)
    got = run_cli("-m", "tf1_cnn", "legacy", "--no-report", "--tf1-version", version, str(script))
    assert got.returncode == 0 == want.returncode, got.stderr + want.stderr
    assert summary(got.stderr) == summary(want.stderr) == (
        ["Ran 2 tests", "OK"] if version == "1.4" else ["Ran 2 tests", "OK (skipped=1)"])


def test_old_keras_backend_is_tf_keras_backend():
    """TF 1.4-1.15's tensorflow.python.keras was tf.keras: its backend (session, tracked variables) is tf_keras's
    here, by either import form (K-FAC tracks its optimizer's variables through it for fit() to initialize)."""
    import importlib

    tf_internal.install()
    import tf_keras.src.backend as keras_backend
    from tensorflow.python.keras import backend

    assert backend.track_variable is keras_backend.track_variable
    assert importlib.import_module("tensorflow.python.keras.backend").get_session is keras_backend.get_session
    assert tf_internal.describe("tensorflow.python.keras.backend") == ("moved", "tf_keras.src.backend")
    assert tf_internal.replacement("tensorflow.python.keras.backend") == "tf.keras.backend"


def test_resource_variables_are_tf_variables():
    """isinstance(v, tf.Variable) of a resource variable is True as in TF 1.15.5 (tf.Variable: VariableV1)."""
    import tensorflow as tf

    tf_internal.install()
    with tf.Graph().as_default():
        v = tf.compat.v1.get_variable("v", [], use_resource=True)
        assert isinstance(v, tf.compat.v1.Variable) and isinstance(v, tf.Variable)
        assert not isinstance(tf.constant(1.0), tf.compat.v1.Variable)
    assert issubclass(type(v), tf.compat.v1.Variable)  # TF 1.15.5: BaseResourceVariable(VariableV1)
