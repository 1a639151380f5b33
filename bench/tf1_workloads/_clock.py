"""The workloads' clock (Python 3.6+, imported by each workload after its TF1 code's imports).

``BENCH_T0`` (set by bench/vs_tf1.py to time.time() just before the process is spawned)
gives the start-up: process start to the workload's first line (``first_line``, taken
before anything is imported) and to TensorFlow imported (``imported``). ``report`` prints
one ``BENCH {json}`` line: steady-state milliseconds per step (the median of the timed
steps after the warm-up ones), the median CPU milliseconds per step (the process's, all threads:
less disturbed than wall time on a loaded machine), the median voluntary context switches per step
(the process's threads going to sleep: hand-offs between threads, a count the machine's load hardly
changes), and the start-up figures.
"""
import json
import os
import resource
import sys
import time

def since_start(t=None):
    return (time.time() if t is None else t) - float(os.environ.get("BENCH_T0", "nan"))


class Steps(object):
    """``with steps.timed(): run one step`` for every step; the first ``warmup`` are not counted."""

    def __init__(self, warmup):
        self.warmup = warmup
        self.times = []
        self.cpu = []
        self.switches = []

    def timed(self):
        return _Timer(self.times, self.cpu, self.switches)

    def report(self, imported, first_line, **extra):
        timed = sorted(self.times[self.warmup:]) or [float("nan")]
        cpu = sorted(self.cpu[self.warmup:]) or [float("nan")]
        switches = sorted(self.switches[self.warmup:]) or [float("nan")]
        out = {"ms_per_step": 1e3 * timed[len(timed) // 2], "cpu_ms_per_step": 1e3 * cpu[len(cpu) // 2],
               "switches_per_step": switches[len(switches) // 2],
               "steps": len(self.times),
               "first_line_s": since_start(first_line), "imported_s": since_start(imported)}
        out.update(extra)
        sys.stdout.write("BENCH " + json.dumps(out) + "\n")
        sys.stdout.flush()


def _voluntary_switches():
    return resource.getrusage(resource.RUSAGE_SELF).ru_nvcsw  # all the process's threads


class _Timer(object):
    def __init__(self, times, cpu, switches):
        self.times = times
        self.cpu = cpu
        self.switches = switches

    def __enter__(self):
        self.s0 = _voluntary_switches()
        self.c0 = time.process_time()
        self.t0 = time.perf_counter()

    def __exit__(self, *exc):
        self.times.append(time.perf_counter() - self.t0)
        self.cpu.append(time.process_time() - self.c0)
        self.switches.append(_voluntary_switches() - self.s0)
