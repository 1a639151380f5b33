"""NumPy under ``legacy`` (compat/era/numpy_aliases.py): NumPy 1.x behaviour and the aliases 1.24 removed."""
import json

import numpy as np

from tf1_cnn.compat import migration
from tf1_cnn.compat.era import numpy_aliases as numpy_compat

from .helpers import ROOT, run_cli


def test_the_project_runs_numpy_1x():
    assert np.__version__.startswith("1."), np.__version__


def test_numpy_1x_behaviour_and_removed_aliases_under_legacy(tmp_path):
    report = tmp_path / "report.json"
    proc = run_cli("-m", "tf1_cnn", "legacy", "--report-json", str(report),
                   str(ROOT / "tests" / "legacy_scripts" / "numpy_era.py"))
    assert proc.returncode == 0, proc.stderr
    out = dict(line.split(" ", 1) for line in proc.stdout.splitlines())
    assert out["float"] == "[0.5, 0.5]"                   # float() of a (1, 1, 1) array
    assert out["promotion"] == "int64 [4, 10]"            # uint8 max + 1: value-based casting
    assert out["newshape"] == "(2, 3)"
    assert out["aliases"] == "['float', 'int', 'bool', 'object', 'str', 'complex', 'int', 'str', 'float']"
    assert out["astype"] == "float64 int64"
    assert "DeprecationWarning" not in proc.stderr        # NumPy's own notice on float(), hidden
    used = {row["name"]: row for row in json.loads(report.read_text())["used"]}
    for name in numpy_compat.ALIASES:
        row = used[f"numpy.{name}"]
        assert row["replacement"] == numpy_compat.ALIASES[name][1] and "numpy_era.py:" in row["places"][0]


def test_aliases_are_tf1_only_names_with_replacements():
    assert migration.replacement("numpy.float") == "float (builtin), or numpy.float64"
    assert migration.replacement("numpy.float64") is None  # a current name is not reported


def test_numpy_own_getattr_still_answers_other_names():
    """install() twice; a missing name raises; NumPy's own deprecated names (np.bool8) still warn."""
    code = "import tf1_cnn.compat.era.numpy_aliases as c, numpy as np\nc.install()\nc.install()\n" \
           "try:\n    np.no_such_name\nexcept AttributeError as e:\n    print('missing', e)\n" \
           "import warnings\nwarnings.simplefilter('error')\ntry:\n    np.bool8\nexcept Exception as e:\n" \
           "    print('numpy own', type(e).__name__)\nprint('float', np.float is float)\n"
    proc = run_cli("-c", code)
    assert proc.returncode == 0, proc.stderr
    assert "missing module 'numpy' has no attribute 'no_such_name'" in proc.stdout
    assert "numpy own DeprecationWarning" in proc.stdout
    assert "float True" in proc.stdout
