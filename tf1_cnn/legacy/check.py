"""Compare a rerun cell's text output with the output the notebook stored.

Both sides are what nbformat stores (the rerun is nbclient's, see notebook.py).
Text output is a cell's stdout stream followed by its execute_result's
text/plain (images, HTML and stderr are not compared). Object addresses
(``<... at 0x7f9f...>``, any hex number of 8+ digits) differ between runs: they are
masked on both sides before the comparison, and so are the timings TF 1.x and its Keras
printed (``_TIMINGS``: Keras' ``- 5s -``, ``ETA: 0s``, ``90us/sample``; an Estimator's
``global_step/sec: 602.5``, ``(0.167 sec)``, ``Starting evaluation at 2017-08-21-13:57:02``) and
durations printed as ``str(timedelta)`` (``Time usage: 0:00:05``),
the numbers that measure the machine's speed or the clock and nothing of the computation. Both texts are split into
numbers and the text between them. The text must match after whitespace is
normalised (runs collapsed, ends stripped, so numpy's column padding does not
count; backspaces dropped: Keras' progress bar writes ``\\b`` runs that some Jupyter
versions stored as they came and others applied); the numbers must be as many and each within ``atol + rtol * |stored|``
(default 1e-5 and 1e-5, the reference file's tolerance for printed floats).
So a float that differs in the 8th digit matches, and a cost wrong in the 2nd
digit is reported with the largest difference and the first value at fault.
"""
import math
import re
from dataclasses import dataclass

_ADDRESS = re.compile(r"\b0x[0-9a-fA-F]{8,}\b|(?<=\bat )0x[0-9a-fA-F]+\b")
# the timings TF 1.x and its Keras printed, by the formats in their sources (oracles): Keras 2.0.8's
# Progbar " - ETA: %ds", " - %ds" after the bar, "%ds" opening a verbose=2 line; Keras 2.1-2.2.4 and TF 1.15's
# " - ETA: %d:%02d:%02d" / "%d:%02d", " - %.0fs" with " %.0fus/sample" (ms, s; step); basic_session_run_hooks'
# "(%.3f sec)" and "global_step/sec: %g" (examples/sec too); evaluation.py's strftime('%Y-%m-%d-%H:%M:%S')
# (1.15's start: '%Y-%m-%dT%H:%M:%SZ')
_TIMINGS = (
    (re.compile(r"\bETA: (?:\d+:\d\d(?::\d\d)?|\d+s)"), "ETA: <time>"),
    (re.compile(r"(?:^|(?<= - )|(?<=\] ))\d+s(?: \d+(?:us|ms|s)/(?:step|sample))?(?= - |\s*$)", re.M), "<time>"),
    (re.compile(r"\b((?:global_step|examples)/sec): [-+.\deE]+(?:inf|nan)?"), r"\1: <time>"),
    (re.compile(r"\(\d+\.\d+ sec\)"), "(<time> sec)"),
    (re.compile(r"\b\d{4}-\d\d-\d\d(?:-|T)\d\d:\d\d:\d\dZ?"), "<date>"),
    # str(datetime.timedelta), how tutorials print their own durations ("Time usage: 0:00:05"): a clock reading
    (re.compile(r"(?<![\d:.])\d+:\d\d:\d\d(?:\.\d{6})?(?![\d:])"), "<time>"),
)
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


def mask_timings(text):
    """``[====] - 5s - loss: 0.2261`` -> ``[====] - <time> - loss: 0.2261`` (see ``_TIMINGS``)."""
    for pattern, replacement in _TIMINGS:
        text = pattern.sub(replacement, text)
    return text


def split_numbers(text):
    """(texts, numbers): the text pieces around the numbers, whitespace-normalised, and the numbers."""
    text = mask_timings(mask_addresses(text.replace("\b", "")))
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
