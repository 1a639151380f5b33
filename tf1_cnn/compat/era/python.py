"""The Python of the era: what Python 3.7-3.11 removed that TF1-era code calls, restored under ``legacy``.

TF 1.x ran on Python 2.7 and 3.5-3.7, and libraries of the era call what those had:
``inspect.getargspec`` (TF 1.x's own ``tf_inspect`` wrapped it; removed in 3.11), the ABC aliases
in ``collections`` (``collections.Mapping``; removed in 3.10), ``time.clock`` (3.8),
``fractions.gcd`` and ``base64.encodestring`` (3.9), ``Thread.isAlive`` (3.9), ``cgi.escape`` (3.8),
and ``os.errno`` (3.7). Each is given back with the
behaviour the last Python that had it documented (written here, not copied), and each use is
counted for the migration report with its replacement, as NumPy's removed aliases are
(``numpy_aliases.py``).

Installed without cost at start-up: the names are answered by a module ``__getattr__`` (asked
only for names a module lacks, so the modules' own names are untouched and as fast), set when
the module is first imported (post_import hooks). (``xml.etree.cElementTree`` and ``imp``, often
named among the removals, are still in Python 3.11: nothing to do.)
"""
import importlib

# "module.name" -> the replacement Python's docs name (for the migration report)
REPLACEMENTS = {
    "inspect.getargspec": "inspect.getfullargspec / inspect.signature",
    "inspect.formatargspec": "str(inspect.signature(f))",
    "time.clock": "time.process_time (CPU time, what time.clock measured on Unix) / time.perf_counter",
    "fractions.gcd": "math.gcd (always >= 0; fractions.gcd took the sign of b)",
    "base64.encodestring": "base64.encodebytes",
    "base64.decodestring": "base64.decodebytes",
    "cgi.escape": "html.escape (which also escapes quotes by default)",
    "os.errno": "import errno",
    "threading.Thread.isAlive": "threading.Thread.is_alive",
}
# collections.Mapping & co.: every name of collections.abc, as Python 3.3-3.9's collections answered
REPLACEMENTS.update({f"collections.{name}": f"collections.abc.{name}" for name in (
    "Awaitable", "Coroutine", "AsyncIterable", "AsyncIterator", "AsyncGenerator", "Hashable", "Iterable",
    "Iterator", "Generator", "Reversible", "Sized", "Container", "Callable", "Collection", "Set", "MutableSet",
    "Mapping", "MutableMapping", "MappingView", "KeysView", "ItemsView", "ValuesView", "Sequence",
    "MutableSequence", "ByteString")})


def getargspec(func):
    """Python 3.0-3.10 ``inspect.getargspec(func)``: ``ArgSpec(args, varargs, keywords, defaults)``.

    Raises ValueError, as Python 3.6-3.7 did (their message), for a function with keyword-only parameters or annotations
    (which an ArgSpec cannot describe).
    """
    import inspect

    spec = inspect.getfullargspec(func)
    if spec.kwonlyargs or spec.annotations:
        raise ValueError("Function has keyword-only parameters or annotations, use getfullargspec() API "
                         "which can support them")
    return ArgSpec(spec.args, spec.varargs, spec.varkw, spec.defaults)


def _argspec_class():
    import collections

    return collections.namedtuple("ArgSpec", "args varargs keywords defaults")


ArgSpec = _argspec_class()


def formatargspec(args, varargs=None, varkw=None, defaults=None, kwonlyargs=(), kwonlydefaults=None,
                  annotations=None, formatarg=str, formatvarargs=lambda name: "*" + name,
                  formatvarkw=lambda name: "**" + name, formatvalue=lambda value: "=" + repr(value),
                  formatreturns=lambda text: " -> " + text, formatannotation=None):
    """Python 3.0-3.10 ``inspect.formatargspec``: ``"(a, b=1, *args, c=2, **kw) -> int"`` from a spec."""
    import inspect

    if formatannotation is None:
        formatannotation = inspect.formatannotation
    annotations = annotations or {}
    kwonlydefaults = kwonlydefaults or {}

    def with_annotation(name):
        text = formatarg(name)
        if name in annotations:
            text += ": " + formatannotation(annotations[name])
        return text

    parts = []
    first_default = len(args) - len(defaults) if defaults else len(args)
    for i, name in enumerate(args):
        text = with_annotation(name)
        if i >= first_default:
            text += formatvalue(defaults[i - first_default])
        parts.append(text)
    if varargs is not None:
        parts.append(formatvarargs(with_annotation(varargs)))
    elif kwonlyargs:
        parts.append("*")
    for name in kwonlyargs or ():
        text = with_annotation(name)
        if name in kwonlydefaults:
            text += formatvalue(kwonlydefaults[name])
        parts.append(text)
    if varkw is not None:
        parts.append(formatvarkw(with_annotation(varkw)))
    result = "(" + ", ".join(parts) + ")"
    if "return" in annotations:
        result += formatreturns(formatannotation(annotations["return"]))
    return result


def clock():
    """Python <= 3.7 ``time.clock()`` on Unix: the process's CPU time in seconds (a float)."""
    import time

    return time.process_time()


def gcd(a, b):
    """Python <= 3.8 ``fractions.gcd(a, b)``: Euclid's algorithm, the result taking the sign of ``b``
    (of ``a`` when ``b`` is 0), for any numbers ``%`` works on (``math.gcd`` is for ints and >= 0)."""
    while b:
        a, b = b, a % b
    return a


def escape(s, quote=None):
    """Python <= 3.7 ``cgi.escape(s, quote=False)``: ``&``, ``<``, ``>`` to HTML entities, and ``"`` when
    ``quote`` (single quotes never, unlike ``html.escape``)."""
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if quote:
        s = s.replace('"', "&quot;")
    return s


def _attributes():
    """module -> {name: factory of the object}, for the names above."""
    import base64

    return {
        "inspect": {"getargspec": lambda: getargspec, "formatargspec": lambda: formatargspec},
        "collections": {name.partition(".")[2]: (lambda n=name.partition(".")[2]: _abc(n))
                        for name in REPLACEMENTS if name.startswith("collections.")},
        "time": {"clock": lambda: clock},
        "fractions": {"gcd": lambda: gcd},
        "base64": {"encodestring": lambda: base64.encodebytes, "decodestring": lambda: base64.decodebytes},
        "cgi": {"escape": lambda: escape},
        "os": {"errno": lambda: importlib.import_module("errno")},
    }


def _abc(name):
    import collections.abc

    return getattr(collections.abc, name)


def add_getattr(module, names):
    """Answer ``module.NAME`` for each of ``names`` (NAME -> factory) the module lacks, counted as used."""
    original = module.__dict__.get("__getattr__")
    if getattr(original, "_tf1_cnn_python", False):
        original.names.update(names)
        return
    prefix = module.__name__ + "."

    def __getattr__(attr):  # only asked for names the module lacks
        if attr in names:
            from .. import migration

            migration.record(prefix + attr)
            return names[attr]()
        if original is not None:
            return original(attr)
        raise AttributeError(f"module {module.__name__!r} has no attribute {attr!r}")

    __getattr__._tf1_cnn_python = True
    __getattr__.names = names
    module.__getattr__ = __getattr__


class _CountedIsAlive:
    """``Thread.isAlive``: Python <= 3.8's spelling of ``is_alive`` (counted at each lookup)."""

    def __get__(self, thread, owner=None):
        from .. import migration

        migration.record("threading.Thread.isAlive")
        return owner.is_alive if thread is None else thread.is_alive


_installed = []


def install():
    """Give the era's Python names back (idempotent; the modules are mended when first imported)."""
    from .. import post_import

    if _installed:
        return
    _installed.append(True)
    for module_name, names in _attributes().items():
        post_import.when_imported(module_name, lambda module, names=names: add_getattr(module, names))
    import threading

    if not hasattr(threading.Thread, "isAlive"):
        threading.Thread.isAlive = _CountedIsAlive()
