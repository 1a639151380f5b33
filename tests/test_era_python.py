"""Python 3.7-3.11's removals under ``legacy`` (compat/era/python.py) and Pillow 10's (compat/era/pillow.py).

tests/legacy_scripts/era_python.py uses each restored name; it runs unchanged on Python 3.6 (the
TF 1.4 oracle's), which still had them all: its output under ``legacy`` must be the same.
"""
import json
import subprocess

import pytest

from tf1_cnn.compat import migration
from tf1_cnn.compat.era import pillow, python

from .helpers import ROOT, oracle_env, run_cli

SCRIPT = ROOT / "tests" / "legacy_scripts" / "era_python.py"


@pytest.fixture(scope="module")
def under_legacy(tmp_path_factory):
    report = tmp_path_factory.mktemp("era") / "report.json"
    proc = run_cli("-m", "tf1_cnn", "legacy", "--report-json", str(report), str(SCRIPT))
    assert proc.returncode == 0, proc.stderr
    return proc.stdout, {row["name"]: row for row in json.loads(report.read_text())["used"]}


@pytest.fixture(scope="module")
def on_python_36(tf1_oracle):
    proc = subprocess.run([tf1_oracle("1.4"), str(SCRIPT)], env=oracle_env(), capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


GROUPS = ["getargspec", "formatargspec", "collections", "gcd", "base64", "cgi", "errno", "clock", "isAlive"]


@pytest.mark.parametrize("group", GROUPS)
def test_name_group_as_on_python_3_6(group, under_legacy, on_python_36):
    def lines(text):
        return [line for line in text.splitlines() if line.split(" ", 1)[0] == group]

    assert lines(under_legacy[0]) and lines(under_legacy[0]) == lines(on_python_36)


def test_each_use_is_counted_with_its_replacement(under_legacy):
    used = under_legacy[1]
    for name in ("inspect.getargspec", "inspect.formatargspec", "collections.Mapping", "collections.Sequence",
                 "fractions.gcd", "base64.encodestring", "base64.decodestring", "cgi.escape", "os.errno",
                 "time.clock", "threading.Thread.isAlive"):
        assert used[name]["replacement"] == python.REPLACEMENTS[name], name
        assert "era_python.py:" in used[name]["places"][0], name


def test_not_restored_outside_legacy():
    proc = run_cli("-c", "import inspect, collections, time\n"
                         "print(hasattr(inspect, 'getargspec'), hasattr(collections, 'Mapping'), hasattr(time, 'clock'))")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["False", "False", "False"]


def test_a_module_own_missing_names_still_raise():
    code = ("import tf1_cnn.compat.era.python as p\np.install()\np.install()\nimport collections, inspect\n"
            "print(collections.Mapping is __import__('collections.abc').abc.Mapping)\n"
            "try:\n    inspect.no_such_name\nexcept AttributeError as e:\n    print('missing', e)\n")
    proc = run_cli("-c", code)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == ["True", "missing module 'inspect' has no attribute 'no_such_name'"]


def test_pillow_filter_names():
    code = ("import tf1_cnn.compat.era.pillow as p\np.install()\nfrom PIL import Image\n"
            "print(Image.ANTIALIAS == Image.LANCZOS, Image.LINEAR == Image.BILINEAR, Image.CUBIC == Image.BICUBIC)\n"
            "print(Image.new('L', (4, 4), 9).resize((2, 2), Image.ANTIALIAS).size)\n")
    proc = run_cli("-c", code)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == ["True True True", "(2, 2)"]
    assert migration.replacement("PIL.Image.ANTIALIAS") == pillow.REPLACEMENTS["PIL.Image.ANTIALIAS"]
