"""Python names TF1-era code calls that Python 3.7-3.11 removed. Runs unchanged on Python 3.6/3.7
(the oracle environments') and under ``legacy`` on 3.11: the printed lines must be equal."""
import base64
import collections
import fractions
import inspect
import os
import threading
import time
import cgi


def f(a, b=2, *args, **kw):
    return a


def g(self, x, y=(1, 2), z=None):
    return x


def annotated(a: int, *, b=1) -> int:
    return a


print("getargspec", tuple(inspect.getargspec(f)), tuple(inspect.getargspec(g)))
try:
    inspect.getargspec(annotated)
except ValueError as exc:
    print("getargspec annotated ValueError", exc)
print("formatargspec", inspect.formatargspec(*inspect.getargspec(f)), inspect.formatargspec(*inspect.getargspec(g)))
print("formatargspec full", inspect.formatargspec(*inspect.getfullargspec(annotated)))
print("collections", [issubclass(dict, collections.Mapping), issubclass(list, collections.Sequence),
                      isinstance({}, collections.MutableMapping), isinstance(iter([]), collections.Iterator),
                      issubclass(set, collections.Set), callable(collections.Callable), collections.Hashable.__name__])
print("gcd", [fractions.gcd(a, b) for a, b in ((12, 18), (-12, 18), (12, -18), (0, -5), (-5, 0), (0, 0))],
      fractions.gcd(fractions.Fraction(1, 2), fractions.Fraction(1, 3)))
print("base64", base64.encodestring(b"tf1" * 30), base64.decodestring(b"dGYx\n"))
print("cgi", cgi.escape('<a href="x">&</a>'), cgi.escape('<"q">', True), cgi.escape("'"))
print("errno", os.errno.EEXIST == __import__("errno").EEXIST)
start = time.clock()
sum(range(100000))
print("clock", isinstance(start, float), time.clock() >= start)
t = threading.Thread(target=lambda: None)
print("isAlive", t.isAlive())
t.start()
t.join()
print("isAlive", t.isAlive())
