"""TF 1.15's graph-and-eager test decorators (compat/era/tf_test_util.py): one test per method, a skip in the
graph half swallowed, a failure in it ending the test; checked against real TF 1.15 by
tests/test_contrib_eager.py (the same classes through tfe)."""
import unittest

import pytest
import tensorflow as tf

from tf1_cnn.compat.era import tf_test_util


def _run(case):
    result = unittest.TestResult()
    unittest.defaultTestLoader.loadTestsFromTestCase(case).run(result)
    return result


def test_each_method_is_one_test_in_both_modes():
    modes = []

    @tf_test_util.run_all_in_graph_and_eager_modes
    class Case(tf.test.TestCase):
        def test_graph_only(self):
            modes.append(("graph_only", tf.executing_eagerly()))
            if tf.executing_eagerly():
                self.skipTest("graph only")

        def test_eager_only(self):
            modes.append(("eager_only", tf.executing_eagerly()))
            if not tf.executing_eagerly():
                self.skipTest("eager only")

        def test_fails(self):
            modes.append(("fails", tf.executing_eagerly()))
            self.fail("always")

        def testSkipEagerNotDecorated(self):
            modes.append(("skip_eager", tf.executing_eagerly()))

    result = _run(Case)
    # the inherited test_session is run too (the fifth test); whether it skips depends on the TF version's
    # rule (era/tf_internal.py's test_session), not on these decorators: left out of the skips compared
    skipped = sorted(name for name in (test.id().rsplit(".", 1)[1] for test, _ in result.skipped)
                     if name != "test_session")
    assert result.testsRun == 5 and len(result.failures) == 1 and not result.errors
    assert skipped == ["test_graph_only"]  # the eager half's skip; the graph half's swallowed
    assert sorted(set(modes)) == [("eager_only", False), ("eager_only", True), ("fails", False),
                                  ("graph_only", False), ("graph_only", True), ("skip_eager", True)]


def test_a_class_is_refused_by_the_method_decorator():
    with pytest.raises(ValueError, match="only supports test methods"):
        tf_test_util.run_in_graph_and_eager_modes(tf.test.TestCase)


def test_install_puts_them_on_test_util():
    import types

    module = types.SimpleNamespace()
    tf_test_util.install(module)
    assert module.run_all_in_graph_and_eager_modes is tf_test_util.run_all_in_graph_and_eager_modes
    assert module.run_in_graph_and_eager_modes is tf_test_util.run_in_graph_and_eager_modes
