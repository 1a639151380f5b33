"""tools/measure_migrate.py's own rules (the corpus run itself is a measurement, not a test)."""
import importlib.util

from .helpers import ROOT

spec = importlib.util.spec_from_file_location("measure_migrate", ROOT / "tools" / "measure_migrate.py")
measure = importlib.util.module_from_spec(spec)
spec.loader.exec_module(measure)


def test_seeded_sets_the_graph_seed_after_the_tensorflow_import():
    out = measure.seeded("import os\nimport tensorflow as tf\nx = 1\n", 0)
    assert out == "import os\nimport tensorflow as tf\ntf.set_random_seed(0)  # measure_migrate --seed: a graph seed\nx = 1\n"


def test_seeded_without_a_tensorflow_import_goes_before_the_first_import_not_into_the_docstring():
    out = measure.seeded('"""Doc\nfrom the paper\n"""\nfrom __future__ import print_function\nimport keras\n', 3)
    assert out.splitlines()[3:6] == ["from __future__ import print_function", "import tensorflow as tf",
                                     "tf.set_random_seed(3)  # measure_migrate --seed: a graph seed"]


def test_compare_uses_what_both_printed_and_counts_only_when_both_finished():
    assert measure.compare("loss 0.5\nloss 0.25\n", "loss 0.5\n", both_finished=False)[:2] == ("equal", 1)
    how, n, diff = measure.compare("loss 0.5\nloss 0.25\n", "loss 0.5\n", both_finished=True)
    assert how == "differs" and "printed 2 numbers" in diff
    assert measure.compare("loss 0.5\n", "loss 0.6\n", both_finished=True)[0] == "differs"
    assert measure.compare("Extracting a.gz\n", "done\n", both_finished=True)[0] == "no numbers"


def test_a_still_running_variant_without_a_traceback_runs():
    assert measure.outcome("timeout", "W tensorflow warning\n") == ("running", None)
    assert measure.outcome(1, "Traceback (most recent call last):\n  File x\nValueError: bad\n") == ("FAIL", "ValueError: bad")
    assert measure.outcome("timeout", "Traceback (most recent call last):\n  x\nKeyboardInterrupt\n") == ("running", None)
