# Seed 004's MNIST ResNet (raw tf.nn residual blocks, InteractiveSession, Operation.run with
# feed_dict), run unmodified from tests/legacy_scripts/seed004_resnet.py; every session run
# it makes is timed from outside. TF 1.x API only.
import time; T_FIRST = time.time()
import os
import runpy
import sys
import tensorflow as tf
T_IMPORTED = time.time()
from _clock import Steps

data, steps_n, warmup = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
steps = Steps(warmup)
_run = tf.InteractiveSession.run


def timed_run(self, *args, **kwargs):
    with steps.timed():
        return _run(self, *args, **kwargs)


tf.InteractiveSession.run = timed_run
script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "legacy_scripts",
                      "seed004_resnet.py")
sys.argv = [script, data, str(steps_n)]
runpy.run_path(script, run_name="__main__")
steps.report(T_IMPORTED, first_line=T_FIRST)
