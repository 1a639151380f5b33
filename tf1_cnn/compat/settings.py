"""The runtime's two choices: which seed rule, and whose TF 1.x op structures the shims mirror.

- ``seed_rule``: ``"tf1"`` (an unseeded random op under a graph seed takes the
  graph's operation count as its op seed, as every TF 1.x did) or ``"tf2"``
  (TensorFlow 2's per-graph counter 0, 1, 2, ... of such ops). TF 1 code wants
  ``tf1``; code written for TF 2 against ``tf.compat.v1`` (seed 002) ran with
  ``tf2``. See ``seed_rule.py``.
- ``tf1_version``: whose op structures the TF1-shaped functions build: ``"1.3"``
  (TF 1.3.0, the course's era), ``"1.4"`` (TF 1.4.1) or ``"1.15"`` (TF 1.15.5, the
  last line). Each is checked against the table real TF 1.x of that release builds
  (``tf1_cnn/compat/graph/op_tables/``); see ``op_structure.py`` for what differs.
- ``numpy_print``: how NumPy prints (``printing/numpy.py``): ``"auto"`` (the TF 1.x version's
  day: NumPy 1.13's printing under 1.3 / 1.4, 1.16's under 1.15), ``"1.13"``, ``"1.16"``,
  ``"current"``; None (the start): NumPy untouched.

The process starts with TensorFlow 2's own behaviour (``tf2``): the project's
library changes nothing until asked. ``install()`` / ``legacy`` select ``tf1``
and ``1.3`` unless told otherwise; ``using(...)`` selects for one block.
"""
from contextlib import contextmanager

SEED_RULES = {
    "tf1": "an unseeded op under a graph seed gets the graph's operation count (TF 1.x)",
    "tf2": "an unseeded op under a graph seed gets a per-graph counter 0, 1, 2, ... (TF 2.x)",
}
TF1_VERSIONS = {
    "1.3": "TF 1.3.0's op structures (the course's era)",
    "1.4": "TF 1.4.1's op structures",
    "1.15": "TF 1.15.5's op structures (the last 1.x line)",
}
NUMPY_PRINTS = ("auto", "1.13", "1.16", "current")
DEFAULTS = {"seed_rule": "tf1", "tf1_version": "1.3", "numpy_print": "auto"}  # what install() and legacy use

_current = {"seed_rule": "tf2", "tf1_version": "1.3", "numpy_print": None}


def current(key):
    return _current[key]


def configure(seed_rule=None, tf1_version=None, numpy_print=None):
    """Select the rule, version and/or NumPy printing for the process; returns the previous settings
    (a dict). NumPy's printing follows a new version under ``numpy_print="auto"``."""
    if seed_rule is not None and seed_rule not in SEED_RULES:
        raise ValueError(f"seed rule must be one of {', '.join(SEED_RULES)}, got {seed_rule!r}")
    if tf1_version is not None and tf1_version not in TF1_VERSIONS:
        raise ValueError(f"TF 1.x version must be one of {', '.join(TF1_VERSIONS)}, got {tf1_version!r}")
    if numpy_print is not None and numpy_print not in NUMPY_PRINTS:
        raise ValueError(f"NumPy printing must be one of {', '.join(NUMPY_PRINTS)}, got {numpy_print!r}")
    from .graph import seed_rule as _rule

    _rule.patch()  # idempotent; under "tf2" the patched get_seed is TensorFlow's own
    previous = dict(_current)
    if seed_rule is not None:
        _current["seed_rule"] = seed_rule
    if tf1_version is not None:
        _current["tf1_version"] = tf1_version
    if numpy_print is not None:
        _current["numpy_print"] = numpy_print
    if _current["numpy_print"] is not None and (numpy_print is not None or tf1_version is not None):
        from .printing import numpy as _numpy_print

        era = _numpy_print.resolve(_current["numpy_print"], _current["tf1_version"])
        if era != _numpy_print.current():  # the user's own set_printoptions stays until the era changes
            _numpy_print.apply(era)
    return previous


@contextmanager
def using(seed_rule=None, tf1_version=None, numpy_print=None):
    """``with using(seed_rule="tf1"):`` build a graph under that rule, then restore the previous one."""
    previous = configure(seed_rule, tf1_version, numpy_print)
    try:
        yield
    finally:
        configure(**previous)
        if previous["numpy_print"] is None and _current["numpy_print"] is not None:  # NumPy untouched again
            from .printing import numpy as _numpy_print

            _current["numpy_print"] = None
            _numpy_print.apply("current")
