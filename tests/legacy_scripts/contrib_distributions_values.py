"""Subclasses of tf.contrib.distributions classes that convert to a Tensor (the pattern of Edward 1.3's
random variables), used where TF 1.x converted them: tf.cond's branches, while_loop's variables,
tf.gradients' ys and xs, tf.identity and tf.stop_gradient. Runs unchanged on TF 1.4.1;
tests/test_contrib_distributions.py compares.
"""
from __future__ import print_function

import numpy as np
import tensorflow as tf

ds = tf.contrib.distributions


class Sampled(object):
    """A distribution that is also a value: its sample, drawn once."""

    def __init__(self, *args, **kwargs):
        super(Sampled, self).__init__(*args, **kwargs)
        self._value = self.sample()

    def value(self):
        return self._value


def with_value(cls):
    def __init__(self, *args, **kwargs):  # a passthrough __init__, as generated classes of the era had
        Sampled.__init__(self, *args, **kwargs)
    return type(cls.__name__, (Sampled, cls), {"__init__": __init__})


Normal, Bernoulli = with_value(ds.Normal), with_value(ds.Bernoulli)
tf.register_tensor_conversion_function(Sampled, lambda v, dtype=None, name=None, as_ref=False: v.value())

a = Bernoulli(probs=0.5)
b = Normal(loc=0.0, scale=1.0)
c = tf.constant(0.0)
d = tf.cond(tf.cast(a, tf.bool), lambda: b, lambda: c)
i, v = tf.while_loop(lambda i, v: i < 3, lambda i, v: (i + 1, v + 1.0), [tf.constant(0), b])
first = tf.gradients(2.0 * tf.convert_to_tensor(b), b)[0]
second = tf.gradients(tf.gradients(2.0 * tf.square(tf.convert_to_tensor(b)), b)[0], b)[0]
bit = Bernoulli(probs=0.5)
through_bernoulli = tf.gradients(2 * tf.convert_to_tensor(bit), bit)[0]
same, stopped = tf.identity(b), tf.stop_gradient(b)
with tf.Session() as sess:
    a_, b_, d_, v_, first_, second_, g_, same_, stopped_ = sess.run(
        [a.value(), b.value(), d, v, first, second, through_bernoulli, same, stopped])
print("cond:", isinstance(d, tf.Tensor), d.dtype.name, d.shape, np.isclose(d_, b_ if a_ else 0.0))
print("while_loop:", isinstance(v, tf.Tensor), v.dtype.name, np.isclose(v_, b_ + 3.0))
print("identity:", isinstance(same, tf.Tensor), same.op.type, same_ == b_, stopped.op.type, stopped_ == b_)
print("gradients:", isinstance(first, tf.Tensor), first_, second_, g_, first.dtype.name, through_bernoulli.dtype.name)
