"""Timing helpers for the benchmarks: best-of-N wall time, measured side by side."""
import time


def best_time(fn, repeat=5, number=1):
    """Best wall time in seconds of ``number`` calls to fn, over ``repeat`` rounds (after one warm-up)."""
    fn()
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for _ in range(number):
            fn()
        best = min(best, (time.perf_counter() - t0) / number)
    return best


def row(name, a_name, a, b_name, b):
    """One line: the two times and the ratio a/b."""
    return f"{name:34} {a_name} {a * 1e3:10.2f} ms   {b_name} {b * 1e3:9.3f} ms   ratio {a / b:8.1f}x"
