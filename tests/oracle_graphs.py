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

from tf1_cnn.compat import settings
from tf1_cnn.compat.graph import names, op_structure, op_types
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


from .helpers import oracle_env  # noqa: F401 (the oracle's environment, for this module's users)


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
