"""Compare a rerun cell's text output with the output the notebook stored.

Both sides are what nbformat stores (the rerun is nbclient's, see notebook.py).
Text output is a cell's stdout stream followed by its execute_result's
text/plain (images, HTML and stderr are not compared). Object addresses
(``<... at 0x7f9f...>``, any hex number of 8+ digits) differ between runs: they are
masked on both sides before the comparison. Both texts are split into
numbers and the text between them. The text must match after whitespace is
normalised (runs collapsed, ends stripped, so numpy's column padding does not
count); the numbers must be as many and each within ``atol + rtol * |stored|``
(default 1e-5 and 1e-5, the reference file's tolerance for printed floats).
So a float that differs in the 8th digit matches, and a cost wrong in the 2nd
digit is reported with the largest difference and the first value at fault.
"""
import math
import re
from dataclasses import dataclass

_ADDRESS = re.compile(r"\b0x[0-9a-fA-F]{8,}\b|(?<=\bat )0x[0-9a-fA-F]+\b")
_NUMBER = re.compile(r"[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?|[-+]?\b(?:nan|inf)\b")


@dataclass
class Comparison:
    status: str                # "match", "differs", "error", "no stored output", "not run"
    max_diff: float = 0.0      # the largest |ours - stored| among the numbers
    detail: str = ""           # the first difference, in words


def stored_text(cell):
    """The stored text output of an nbformat v4 code cell, or None when it stored none."""
    parts, any_output = [], False
    for out in cell.get("outputs", []):
        kind = out.get("output_type")
        if kind == "stream" and out.get("name") == "stdout":
            parts.append(out.get("text", ""))
            any_output = True
        elif kind == "execute_result":
            text = out.get("data", {}).get("text/plain", "")
            parts.append((text if isinstance(text, str) else "".join(text)) + "\n")
            any_output = True
        elif kind in ("display_data", "error", "stream"):
            any_output = True
    return "".join(parts) if any_output else None


def mask_addresses(text):
    """``<matplotlib.image.AxesImage at 0x7fac01...>`` -> ``<matplotlib.image.AxesImage at 0x...>``."""
    return _ADDRESS.sub("0x...", text)


def split_numbers(text):
    """(texts, numbers): the text pieces around the numbers, whitespace-normalised, and the numbers."""
    text = mask_addresses(text)
    texts, numbers, pos = [], [], 0
    for m in _NUMBER.finditer(text):
        texts.append(" ".join(text[pos:m.start()].split()))
        numbers.append(float(m.group()))
        pos = m.end()
    texts.append(" ".join(text[pos:].split()))
    return texts, numbers


def compare_text(ours, stored, atol=1e-5, rtol=1e-5):
    """Comparison of our text with the stored text (see the module docstring)."""
    t_ours, n_ours = split_numbers(ours)
    t_stored, n_stored = split_numbers(stored)
    if len(n_ours) != len(n_stored):
        return Comparison("differs", math.inf, f"{len(n_ours)} numbers printed, {len(n_stored)} stored")
    for a, b in zip(t_ours, t_stored):
        if a != b:
            return Comparison("differs", math.inf, f"text {a[:40]!r} where the notebook has {b[:40]!r}")
    worst, first = 0.0, ""
    for a, b in zip(n_ours, n_stored):
        if math.isnan(a) and math.isnan(b):
            continue
        diff = abs(a - b)
        if math.isnan(diff):
            diff = math.inf
        worst = max(worst, diff)
        if not first and diff > atol + rtol * abs(b):
            first = f"{a!r} where the notebook has {b!r}"
    if first:
        return Comparison("differs", worst, first)
    return Comparison("match", worst)


def compare_cell(new, stored, atol=1e-5, rtol=1e-5, failure=None):
    """Comparison of a rerun code cell ``new`` (nbformat node, None when it did not run) with ``stored``;
    ``failure`` ("Name: value") when the run says why it failed (a timeout), else its error output."""
    from .notebook import error_of

    if new is None:
        return Comparison("not run")
    failure = failure or error_of(new)
    if failure:
        return Comparison("error", detail=failure)
    expected = stored_text(stored)
    if expected is None:
        return Comparison("no stored output")
    return compare_text(stored_text(new) or "", expected, atol, rtol)
