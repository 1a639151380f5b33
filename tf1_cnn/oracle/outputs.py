"""``compare``'s printed-output rule: the two sides' stdout, line by line, numbers within a tolerance.

Each line is split into its text (whitespace removed: numpy pads its columns, every number replaced by ``#``,
memory addresses ``0x...`` by ``0x@``) and its numbers. Two lines agree when their texts are
equal and each pair of numbers is within ``atol + rtol * |TF 1.x's|`` (numpy's isclose; nan
equals nan). A number is a decimal, float or exponent literal not glued to a name: the ``4``
of ``X_4:0`` is text, so a differing op name is a text difference. Blank lines are skipped;
lines matching an ``--ignore`` pattern are dropped on both sides first.

Defaults (``ATOL``, ``RTOL``): float32's rounding. A float32 printed with its shortest repr has
7-9 significant digits; a sum or product of a few thousand float32 terms computed by two
kernels (TF 1.x's Eigen, TF 2.21's oneDNN) agrees to about 1e-6 relative, so ``rtol=1e-5``
and ``atol=1e-6`` accept what one step's rounding makes and nothing a changed graph makes.

Long training (``classify``'s rule). With the same graph, the same seeds and the same inputs,
TF 1.x and TF 2.21 still round differently inside their kernels, and training amplifies that
step by step: the first losses agree to float32's rounding, later ones drift apart. So:

- **agree**: every line agrees, both printed the same number of lines;
- **drift**: the texts agree on every line and the line counts are equal, the graphs were
  identical at every session run, and at least ``strict_lines`` lines with numbers agreed
  before the first number out of tolerance. Reported with how many lines agreed and the
  largest relative difference after; not a failure;
- **differ**: anything else (a text difference, a missing line, a number out of tolerance
  within the first ``strict_lines`` numeric lines, or any numeric difference when the graphs
  differ or were not recorded). The first differing value is reported.
"""
import math
import re

ATOL = 1e-6
RTOL = 1e-5
STRICT_LINES = 1

NUMBER = re.compile(r"(?<![\w.])[-+]?(?:nan|inf|(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?)(?![\w])")
ADDRESS = re.compile(r"0x[0-9a-fA-F]+")


def parse_line(line):
    """``"loss 0.25 at step 3"`` -> ``("loss#atstep#", [0.25, 3.0])`` (the text without its spaces)."""
    line = ADDRESS.sub("0x@", " ".join(line.split()))
    numbers = [float(m.group()) for m in NUMBER.finditer(line)]
    return "".join(NUMBER.sub("#", line).split()), numbers  # numpy pads columns: spacing is not compared


MAX_JOINED = 500  # lines of one printed array joined into one


def lines_of(text, ignore=()):
    """The non-blank lines of ``text`` that match no ``ignore`` pattern (compiled regexes).

    A printed array is one line: lines are joined while a ``[`` is open. numpy wraps and
    switches to exponent notation by the values (``[[206. 6. 2.95 ...`` on one side,
    ``[[1.420e+02 4.050e+00 ...`` wrapped after 7 numbers on the other), so its line breaks are
    not the output's structure.
    """
    out, pending, depth = [], [], 0
    for line in text.splitlines():
        if not line.strip() or any(p.search(line) for p in ignore):
            continue
        pending.append(line.strip() if pending else line.rstrip())
        depth += line.count("[") - line.count("]")
        if depth <= 0 or len(pending) >= MAX_JOINED:
            out.append(" ".join(pending))
            pending, depth = [], 0
    if pending:
        out.append(" ".join(pending))
    return out


def close(a, b, atol=ATOL, rtol=RTOL):
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    if math.isinf(a) or math.isinf(b):
        return a == b
    return abs(a - b) <= atol + rtol * abs(a)


def _rel(a, b):
    if math.isnan(a) or math.isnan(b) or math.isinf(a) or math.isinf(b):
        return math.inf if not (a == b or (math.isnan(a) and math.isnan(b))) else 0.0
    return abs(a - b) / max(abs(a), 1e-30)


def compare_lines(tf1_lines, runtime_lines, atol=ATOL, rtol=RTOL):
    """Line-by-line comparison of two lists of lines (TF 1.x's first).

    Returns a dict: ``lines`` (TF 1.x's count, the runtime's), ``agreed`` (lines before the
    first difference), ``numeric_agreed`` (lines with numbers among them), ``first`` (the first
    difference: line number (1-based), kind "text" / "number" / "missing", both lines, and for
    "number" both values), ``text_differs`` (any text difference or missing line anywhere),
    ``max_rel_after`` (the largest relative difference of numbers at and after ``first``).
    """
    result = {"lines": [len(tf1_lines), len(runtime_lines)], "agreed": 0, "numeric_agreed": 0,
              "first": None, "text_differs": len(tf1_lines) != len(runtime_lines), "max_rel_after": 0.0}
    for i in range(max(len(tf1_lines), len(runtime_lines))):
        a = tf1_lines[i] if i < len(tf1_lines) else None
        b = runtime_lines[i] if i < len(runtime_lines) else None
        if a is None or b is None:
            if result["first"] is None:
                result["first"] = {"line": i + 1, "kind": "missing", "tf1": a, "runtime": b}
            break
        text_a, nums_a = parse_line(a)
        text_b, nums_b = parse_line(b)
        if text_a != text_b or len(nums_a) != len(nums_b):
            result["text_differs"] = True
            if result["first"] is None:
                result["first"] = {"line": i + 1, "kind": "text", "tf1": a, "runtime": b}
            continue
        bad = [(x, y) for x, y in zip(nums_a, nums_b) if not close(x, y, atol, rtol)]
        if result["first"] is not None:
            for x, y in zip(nums_a, nums_b):
                result["max_rel_after"] = max(result["max_rel_after"], _rel(x, y))
        elif bad:
            result["first"] = {"line": i + 1, "kind": "number", "tf1": a, "runtime": b,
                               "values": [bad[0][0], bad[0][1]]}
            result["max_rel_after"] = max(_rel(x, y) for x, y in zip(nums_a, nums_b))
        else:
            result["agreed"] += 1
            result["numeric_agreed"] += bool(nums_a)
    return result


def classify(result, graphs_identical, strict_lines=STRICT_LINES):
    """"agree", "drift" or "differ" for a ``compare_lines`` result (the module docstring's rule)."""
    if result["first"] is None:
        return "agree"
    if (result["first"]["kind"] == "number" and not result["text_differs"] and graphs_identical
            and result["numeric_agreed"] >= strict_lines):
        return "drift"
    return "differ"
