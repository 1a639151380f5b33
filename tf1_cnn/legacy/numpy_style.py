"""Which NumPy printed a notebook's stored outputs: 1.13's style or 1.14+'s (``legacy NB --check``).

The one mark that tells them apart in any float array is the sign column: NumPy 1.13 put a space
before every float, negative or not (``[ 0.5  1. ]``, ``array([ 0.5,  1. ])``); NumPy 1.14+ puts
one only when some element of the array is negative (``[0.5 1. ]``, ``array([0.5, 1. ])``). So:

- a 1.13 mark: a bracketed row of floats with no minus sign that opens with a space
  (``[ 0.5  1. ]``, ``array([ 0.5,  1. ])``);
- a 1.14+ mark: a bracketed row of two or more floats that opens with a digit (``[0.5 1. ]``,
  ``array([0.5, 1. ])``); a row opening with a minus sign is both's; a Python list (``[0.5, 1.0]``:
  commas, no ``array(``) is neither.

``infer(nb)`` counts the marks over the stored text outputs (stdout and text/plain) and returns
("1.13" or "1.16", counts) when one style has all of them, (None, counts) when none or both show.
"""
import re

_FLOAT = r"[-+]?(?:\d+\.\d*|\.\d+|nan|inf)(?:e[-+]?\d+)?"
# a row of at least two floats between "[" and "]", spaces only (print(arr)), or ", " (repr's array([...]))
_ROW_STR = re.compile(r"(?<![\w\]'\"])\[( *)(" + _FLOAT + r"(?: +" + _FLOAT + r")*) *\]")
_ROW_REPR = re.compile(r"array\(\[+( *)(" + _FLOAT + r"(?:, +(?:\n *\[*)?" + _FLOAT + r")+)")


def marks(text):
    """(1.13 marks, 1.14+ marks) in one output text."""
    old = new = 0
    for pattern in (_ROW_STR, _ROW_REPR):
        for m in pattern.finditer(text):
            lead, row = m.group(1), m.group(2)
            if lead and "-" not in row:
                old += 1
            elif not lead and row[0].isdigit() and re.search(r"[ ,]", row):  # "[-0.5 ..." is both's
                new += 1
    return old, new


def _texts(nb):
    for cell in nb.get("cells", []):
        if cell.get("cell_type") != "code":
            continue
        for out in cell.get("outputs", []):
            if out.get("output_type") == "stream" and out.get("name") == "stdout":
                yield out.get("text", "")
            elif out.get("output_type") in ("execute_result", "display_data"):
                text = out.get("data", {}).get("text/plain", "")
                yield text if isinstance(text, str) else "".join(text)


def infer(nb):
    """("1.13" | "1.16" | None, {"1.13": n, "1.14+": m}) from the notebook's stored outputs."""
    old = new = 0
    for text in _texts(nb):
        a, b = marks(text)
        old, new = old + a, new + b
    counts = {"1.13": old, "1.14+": new}
    if old and not new:
        return "1.13", counts
    if new and not old:
        return "1.16", counts
    return None, counts


def describe(counts):
    return f"{counts['1.13']} arrays in NumPy 1.13's style, {counts['1.14+']} in 1.14+'s"
