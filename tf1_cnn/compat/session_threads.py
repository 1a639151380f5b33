"""Sessions' thread pools wait without spinning: ``ConfigProto.experimental.disable_thread_spinning``.

TensorFlow's CPU thread pools (the session's inter-op pool, "Compute", and the device's intra-op
Eigen pool) are Eigen's non-blocking pools. With spinning allowed (TensorFlow's default, TF 1.15's
too), a worker that runs out of tasks keeps stealing from the other queues for a while before it
sleeps. On a step made of many small ops (seed 004's MNIST ResNet on batches of 10, ~300 kernels of
microseconds each) TF 2.21's workers spend much of the step there: ``perf`` on a steady-state run
puts ~20% of the process's samples in ``GlobalSteal`` / ``RunQueue::PopBack`` and ~11% in the
kernel's task switches (TF 1.15.5's workers, profiled the same way: ~5% in their loop), and the step
takes 2.4x the CPU it needs (bench/vs_tf1.py's mnist_resnet, the process at high priority on a
loaded 2-core machine: 3.9 ms per step spinning, 1.6 ms not; TF 1.15.5 4.7 ms). On a loaded machine
the spinning threads also take the cores from the step's own work.

``install()`` wraps ``BaseSession.__init__``: a local session (no target) gets a copy of its config
(the caller's ``ConfigProto`` is not changed; without one, what TensorFlow would use: the ``tf.config``
defaults) with ``experimental.disable_thread_spinning`` set. The
setting changes only how an idle worker waits for its next task, never how work is split (Eigen and
oneDNN partition by the number of threads, which stays as the user or TensorFlow chose it), so the
values computed are the same (tests/test_session_threads.py trains with and without it and compares
bit for bit). Both pools are process-wide and made by the first session (TensorFlow keeps the first
session's options for them), so the setting applies from the first session on; a process whose eager
context made the CPU device before any session (TF 2 code run eagerly first) keeps that context's
spinning intra-op pool. Sessions with a
target (``grpc://``, distributed) are left as they are: their pools are the server's.

``TF1_CNN_THREAD_SPINNING=1`` keeps TensorFlow's spinning (the field is then left as the caller set
it), e.g. to measure the difference.

A oneDNN kernel (TF 2.21's convolutions, their gradients, pooling, matmuls, reorders) splits its work
into shards on the intra-op pool; by TensorFlow's default the thread running the kernel schedules every
shard there and sleeps until they are done. ``prepare_environment()`` sets TensorFlow's own
``TF_ONEDNN_THREADPOOL_USE_CALLER_THREAD=1`` (unless the user set it): that thread runs the last shard
itself (TensorFlow does so when the pool has a thread per core, its default). oneDNN still splits the
work into the same shards (by the pool's thread count, unchanged), each computed by the same code
whichever thread runs it, so the values are the same bit for bit (tests/test_session_threads.py) while
each kernel call makes one hand-off fewer: seed 004's MNIST ResNet step (batches of 10) made 65 voluntary
and 33 involuntary context switches before, 53 and 22 after; the tf.data pipeline step 381 and 350
voluntary (bench/vs_tf1.py's workloads, getrusage over 280 steady steps, medians of 4 and 3 runs on a
loaded machine). TensorFlow reads the variable once, when the first
oneDNN kernel runs: setting it in ``install()`` (before any session ran) is early enough; ``legacy``
sets it before TensorFlow is imported so that a warm server's key and its children have it too.
"""
import os

ENV = "TF1_CNN_THREAD_SPINNING"
ONEDNN_CALLER_THREAD = "TF_ONEDNN_THREADPOOL_USE_CALLER_THREAD"
_installed = []


def prepare_environment(environ=None):
    """oneDNN kernels run their last shard on the calling thread (``TF_ONEDNN_THREADPOOL_USE_CALLER_THREAD=1``),
    unless the environment already says otherwise (``=0`` keeps TensorFlow's default)."""
    (os.environ if environ is None else environ).setdefault(ONEDNN_CALLER_THREAD, "1")


def wanted():
    """True when sessions should wait without spinning (the default; ``TF1_CNN_THREAD_SPINNING=1`` turns it off)."""
    return os.environ.get(ENV, "").strip().lower() not in ("1", "true", "yes", "on")


def install():
    """Wrap ``BaseSession.__init__`` (idempotent). TF1_CNN_THREAD_SPINNING is read as each session is
    made (a warm server's child has its client's environment)."""
    if _installed:
        return
    from tensorflow.python.client import session as session_lib

    original = session_lib.BaseSession.__init__

    def __init__(self, target="", graph=None, config=None):
        original(self, target, graph, config_for(target, config))

    __init__._tf1_cnn_original = original
    session_lib.BaseSession.__init__ = __init__
    _installed.append(original)


def config_for(target, config):
    """The config a session with this target is made with: for a local session (no target) given a
    ConfigProto or None, a copy with ``experimental.disable_thread_spinning`` set; anything else (a
    target, a config of the wrong type, TF1_CNN_THREAD_SPINNING=1) as given, to TensorFlow's own
    handling and errors."""
    from tensorflow.core.protobuf import config_pb2

    if target or not (config is None or isinstance(config, config_pb2.ConfigProto)) or not wanted():
        return config
    if config is None:  # as TensorFlow does: the tf.config defaults (threads set by tf.config.threading)
        from tensorflow.python.eager import context

        config = context.context().config
    new = config_pb2.ConfigProto()
    new.CopyFrom(config)
    new.experimental.disable_thread_spinning = True
    return new


def uninstall():
    """TensorFlow's own ``BaseSession.__init__`` back (tests)."""
    if _installed:
        from tensorflow.python.client import session as session_lib

        session_lib.BaseSession.__init__ = _installed.pop()
