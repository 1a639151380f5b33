"""The op tables: what real TF 1.x builds for each case of ``op_cases.py``, per version.

The tables live in ``tf1_cnn/compat/graph/op_tables/tf<V>.json`` (written by
``gen_op_tables.py`` from the oracle environments, committed, read without TF 1.x).
A case's record: ``ops`` ("Type name" in creation order) and ``draws`` ([index, seed,
seed2] of each random op), or ``error`` when that TF 1.x lacks the function.

A runtime record is compared with a table's in three aspects, from the one that moves
numbers to the cosmetic:

- ``draws``: the number of ops and where each random op draws with which seeds. This is
  what decides every later unseeded draw under TF 1.x's seed rule (``seed_rule.py``).
- ``types``: the op types in order (``AddV2`` vs ``Add`` differs here, not in ``draws``).
- ``names``: the op names in order.
"""
import json
from functools import lru_cache
from pathlib import Path

TABLES = Path(__file__).resolve().parents[1] / "compat" / "graph" / "op_tables"
ASPECTS = ("draws", "types", "names")


@lru_cache(maxsize=None)
def load(version):
    """The table of TF1 ``version`` ("1.3", "1.4", "1.15"): {"header": ..., "cases": {...}}."""
    path = TABLES / f"tf{version}.json"
    return json.loads(path.read_text())


def _types(rec):
    return [op.split(" ", 1)[0] for op in rec["ops"]]


def _names(rec):
    return [op.split(" ", 1)[1] for op in rec["ops"]]


def difference(want, got, aspect):
    """None when ``got`` (the runtime's record) agrees with ``want`` (TF 1.x's) in ``aspect``,
    else a one-line description of the first difference."""
    if "error" in want or "error" in got:
        return None if ("error" in want) == ("error" in got) else \
            f"TF 1.x: {want.get('error', 'builds it')}; runtime: {got.get('error', 'builds it')}"
    if aspect == "draws":
        if len(want["ops"]) != len(got["ops"]) or want["draws"] != got["draws"]:
            return (f"{len(want['ops'])} ops, draws [index, seed, seed2] {want['draws']} on TF 1.x; "
                    f"{len(got['ops'])} ops, draws {got['draws']} here")
        return None
    pick = _types if aspect == "types" else _names
    a, b = pick(want), pick(got)
    if a == b:
        return None
    i = next((k for k, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return (f"first difference at op {i}: TF 1.x {want['ops'][i:i + 3]}, here {got['ops'][i:i + 3]} "
            f"({len(a)} vs {len(b)} ops)")
