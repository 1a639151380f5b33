"""``test_util.run_in_graph_and_eager_modes`` / ``run_all_in_graph_and_eager_modes`` as TF 1.5-1.15 ran them.

TF1-era libraries test every method twice, in a graph and eagerly, through these decorators (Sonnet 1's
``tfe.run_all_tests_in_graph_and_eager_modes``, ``test_util.run_in_graph_and_eager_modes``). TensorFlow 2.21
runs the two halves as unittest sub-tests ("[graph_mode]", "[eager_mode]"), which changes what a test
*is*: a test that skips itself in one mode is reported skipped although the other mode ran and passed,
and a test failing in both modes is reported as two failures. TF 1.15 ran them as one test (checked
against real TF 1.15.5 on a suite of such tests):
- the graph half inside ``test_session``; a ``SkipTest`` there is swallowed and the eager half still runs;
- then ``tearDown``, a new default graph, eager mode, ``setUp`` and the eager half, whose ``SkipTest``
  skips the test; a failure in the graph half ends the test before the eager half.
``install()`` (a post-import hook of ``tensorflow.python.framework.test_util`` under ``legacy``) puts these
on the module, and ``tf.contrib.eager`` re-exports them.
"""
import functools
import inspect
import unittest


def run_in_graph_and_eager_modes(func=None, config=None, use_gpu=True, reset_test=True,
                                 assert_no_eager_garbage=False):
    """TF 1.15's decorator of a test method: run it in a graph (in ``test_session(use_gpu, config)``), then
    eagerly with the test reset (``tearDown``/``setUp`` when ``reset_test``); usable bare or with arguments."""
    from tensorflow.python.eager import context
    from tensorflow.python.framework import ops, test_util

    def decorator(f):
        if inspect.isclass(f):
            raise ValueError("`run_in_graph_and_eager_modes` only supports test methods. "
                             "Did you mean to use `run_all_in_graph_and_eager_modes`?")

        @functools.wraps(f)
        def decorated(self, *args, **kwargs):
            try:
                with context.graph_mode(), self.test_session(use_gpu=use_gpu, config=config):
                    f(self, *args, **kwargs)
            except unittest.SkipTest:
                pass  # skipped in a graph only: the eager half still runs (TF 1.15)

            def run_eagerly(self, **kwargs):
                if use_gpu:
                    f(self, *args, **kwargs)
                else:
                    with ops.device("/device:CPU:0"):
                        f(self, *args, **kwargs)

            if assert_no_eager_garbage:
                ops.reset_default_graph()
                run_eagerly = test_util.assert_no_new_tensors(test_util.assert_no_garbage_created(run_eagerly))
            if reset_test:
                self.tearDown()
                self._tempdir = None
            graph = ops.Graph()  # the eager half gets a graph of its own, for isolation
            with graph.as_default(), context.eager_mode():
                if reset_test:
                    self.setUp()
                run_eagerly(self, **kwargs)
            ops.dismantle_graph(graph)

        return decorated

    return decorator if func is None else decorator(func)


def run_all_in_graph_and_eager_modes(cls):
    """TF 1.15's class decorator: every ``test*`` method of ``cls`` under ``run_in_graph_and_eager_modes``,
    except ``testSkipEager*`` / ``test_skip_eager*`` and ``test_session``; returns ``cls``."""
    for name in dir(cls):
        if (not name.startswith(unittest.TestLoader.testMethodPrefix) or name.startswith("testSkipEager")
                or name.startswith("test_skip_eager") or name == "test_session"):
            continue
        value = getattr(cls, name, None)
        if callable(value):
            setattr(cls, name, run_in_graph_and_eager_modes(value))
    return cls


def install(test_util):
    """Put TF 1.15's two decorators on ``tensorflow.python.framework.test_util`` (its post-import hook)."""
    test_util.run_in_graph_and_eager_modes = run_in_graph_and_eager_modes
    test_util.run_all_in_graph_and_eager_modes = run_all_in_graph_and_eager_modes
