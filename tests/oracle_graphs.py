"""Build a TF1 snippet on real TF 1.x (the oracle) and under the runtime; the ops of each, in order.

``SNIPPET_RUNNER`` runs inside the oracle (Python 3.6, TF 1.x): it execs each snippet in a
fresh graph and prints ``{name: [[op name, op type], ...]}`` as JSON. ``runtime_ops``
execs the same snippet in-process on the ``tf1`` facade under ``settings.using("tf1",
version)`` with TF1 graph behaviour, after the runtime's name and type patches.
"""
import json
import os
import subprocess

import tensorflow as tf

from tf1_cnn.compat import names, op_structure, op_types, settings
from tf1_cnn.compat.facade import tf1

SNIPPET_RUNNER = r"""
import json, sys
import tensorflow as tf
snippets = json.loads(sys.stdin.read())
out = {}
for key, code in snippets.items():
    g = tf.Graph()
    with g.as_default():
        tf.set_random_seed(1)
        exec(code, {"tf": tf})
    out[key] = [[op.name, op.type] for op in g.get_operations()]
print(json.dumps(out))
"""

# the versions both the runtime and the oracle know ("1.4" when settings has it)
VERSIONS = [v for v in ("1.3", "1.4", "1.15") if v in settings.TF1_VERSIONS]


def oracle_env():
    """This process's environment for an oracle subprocess, without what importing TF 2.21 set in it:
    TF2_BEHAVIOR=1 would make TF 1.15 build TF 2 graphs (resource variables, v2 control flow)."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("TF2_BEHAVIOR", "TPU_ML_PLATFORM", "TPU_ML_PLATFORM_VERSION",
                        "ENABLE_RUNTIME_UPTIME_TELEMETRY")}
    env["TF_CPP_MIN_LOG_LEVEL"] = "3"
    return env


def oracle_ops(exe, snippets):
    """{key: [(name, type), ...]} of each snippet built on the oracle interpreter ``exe``."""
    env = oracle_env()
    proc = subprocess.run([exe, "-c", SNIPPET_RUNNER], input=json.dumps(snippets), capture_output=True,
                          text=True, env=env, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return {k: [tuple(op) for op in v] for k, v in json.loads(proc.stdout.strip().splitlines()[-1]).items()}


def runtime_ops(version, snippets):
    """The same, built in-process by the runtime under ``version``."""
    names.patch()
    op_types.patch()
    out = {}
    for key, code in snippets.items():
        with tf.Graph().as_default() as g, settings.using("tf1", version), op_structure.v1_behavior():
            tf1.set_random_seed(1)
            exec(code, {"tf": tf1})
        out[key] = [(op.name, op.type) for op in g.get_operations()]
    return out
