"""TF 1.3/1.4's bijector constructors with event_ndims (Edward 1.3: SoftmaxCentered(event_ndims=1)), their maps
and log-det-Jacobians. Runs unchanged on TF 1.4.1; tests/test_contrib_bijectors.py compares the lines."""
from __future__ import print_function

import numpy as np
import tensorflow as tf

tfb = tf.contrib.distributions.bijectors
rng = np.random.RandomState(0)
softmax = tfb.SoftmaxCentered(event_ndims=1)
exp0, exp1 = tfb.Exp(event_ndims=0), tfb.Exp(event_ndims=1)
softplus = tfb.Softplus(1)  # positional: TF 1.4's first parameter is event_ndims
x = tf.constant([[0.5, -1.0, 2.0]])
with tf.Session() as sess:
    for k in (1, 2, 5):
        v = tf.constant(rng.randn(3, k).astype(np.float32))
        y = softmax.forward(v)
        ldjs = [softmax.inverse_log_det_jacobian(y), softmax.forward_log_det_jacobian(v)]
        print("softmax_centered", k, np.round(sess.run(y), 4).tolist(), np.round(sess.run(ldjs), 3).tolist())
    print("exp", sess.run(exp0.forward_log_det_jacobian(x)).tolist(),
          sess.run(exp1.forward_log_det_jacobian(x)).tolist(),
          sess.run(exp1.inverse_log_det_jacobian(tf.exp(x))).tolist())
    print("softplus", np.round(sess.run(softplus.forward_log_det_jacobian(x)), 4).tolist())
    inverted = tfb.Invert(tfb.SoftmaxCentered(event_ndims=1))
    print("invert", np.round(sess.run(inverted.forward(softmax.forward(x))), 4).tolist())
print("isinstance", isinstance(softmax, tfb.SoftmaxCentered), isinstance(exp1, tfb.Exp),
      isinstance(exp1, tfb.SoftmaxCentered))
