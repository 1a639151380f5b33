"""The registry of published numbers: what was printed, where, and how close we must come.

A row holds the *published* value only. The value we report is computed by the
row's ``compute`` function, which runs the project's own code at verify time;
nothing reproduced is ever stored here.

Tolerances (from ``shared/reference/published-numbers.md``):
- ``rel(1e-12)``: numpy float64 results (summation order may move the last digit);
- ``abs(1e-5)``: TensorFlow float32 results printed with 8 digits;
- ``abs(5e-6)``: a cost printed with 6 digits;
- ``printed(text)``: numpy arrays printed with 8 decimals agree to half a unit
  of the last printed digit (5e-9);
- ``exact``: shapes, counts and booleans.
"""
from dataclasses import dataclass, field
from typing import Any, Callable

import numpy as np


@dataclass(frozen=True)
class Tol:
    kind: str  # "rel", "abs" or "exact"
    value: float = 0.0

    def diff(self, ours, published):
        """The difference in this tolerance's own measure (0 when equal)."""
        if self.kind == "exact":
            return 0.0 if _same(ours, published) else float("inf")
        ours = np.asarray(ours, dtype=np.float64)
        published = np.asarray(published, dtype=np.float64)
        if ours.shape != published.shape:
            return float("inf")
        d = np.abs(ours - published)
        if self.kind == "rel":
            d = d / np.maximum(np.abs(published), np.finfo(np.float64).tiny)
        return float(d.max()) if d.size else 0.0

    def ok(self, diff):
        return diff == 0.0 if self.kind == "exact" else diff <= self.value

    def __str__(self):
        return "exact" if self.kind == "exact" else f"{self.kind} {self.value:g}"


def _same(a, b):
    if isinstance(a, (tuple, list)) and isinstance(b, (tuple, list)):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    return bool(np.array_equal(np.asarray(a), np.asarray(b)))


REL_NUMPY = Tol("rel", 1e-12)
ABS_TF32 = Tol("abs", 1e-5)
ABS_COST6 = Tol("abs", 5e-6)
PRINTED_8 = Tol("abs", 5e-9)
EXACT = Tol("exact")


@dataclass(frozen=True)
class Part:
    """One published number (or array) of a row."""

    label: str
    value: Any
    tol: Tol


@dataclass(frozen=True)
class Row:
    id: str
    source: str
    setup: str
    shown: str  # the published value(s), short, for the table
    parts: tuple
    compute: Callable  # compute(ctx) -> {label: our value}
    needs: tuple = ()  # file names that must be found (see Context.find)
    show_parts: bool = False  # print every part beside the published one
    notes: str = field(default="")


_BOOLS = {"True": True, "False": False}


def parse_array(text):
    """Parse a numpy-printed array such as '[[0.5 0.5] [0.5 0.5]]' or '[[True False]]'."""
    text = text.replace("[", " [ ").replace("]", " ] ")
    out, stack = None, []
    for tok in text.split():
        if tok == "[":
            stack.append([])
        elif tok == "]":
            done = stack.pop()
            if stack:
                stack[-1].append(done)
            else:
                out = done
        else:
            stack[-1].append(_BOOLS[tok] if tok in _BOOLS else float(tok))
    return np.array(out)
