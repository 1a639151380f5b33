"""Benchmark: what the first use of ``tf.contrib.seq2seq``'s GatherTree op costs (its one-time build).

    python bench/gather_tree_build_cost.py

Builds ``tf1_cnn/compat/contrib/seq2seq/gather_tree.cc`` into a fresh temporary cache (as the first
beam search on a machine does) and prints the build's wall-clock time and the compiler's CPU time
(user + sys of the child processes: the figure that does not depend on the machine's load), then the
time to load the library from the cache (every later process).
"""
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main():
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    import tensorflow as tf

    from tf1_cnn.compat.contrib.seq2seq import beam_search_ops
    from tf1_cnn.compat.floats import build

    with tempfile.TemporaryDirectory() as cache:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        path = build.build_library(tf, beam_search_ops.SOURCE, beam_search_ops.FLAGS, Path(cache))
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        start = time.perf_counter()
        tf.load_op_library(str(path))
        load = time.perf_counter() - start
    print(f"GatherTree build: {wall:.1f} s wall, {cpu:.1f} s compiler CPU; load from the cache: {load * 1000:.0f} ms")
    print(f"load average: {' '.join(open('/proc/loadavg').read().split()[:3])}")


if __name__ == "__main__":
    main()
