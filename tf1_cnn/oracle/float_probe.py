"""Compute the float-mode ops on fixed inputs, on TF 1.15 (the oracle) or on the runtime's mode.

``python float_probe.py OUT.npz THREADS [runtime]``: Python 3.6-compatible, TF 1.x API only (the
oracle runs it as is); with ``runtime`` it first switches on the TF 1.x float mode of tf1_cnn and
runs on TF 2.21's tf.compat.v1. Inputs come from a seeded ``np.random.RandomState`` (the same
stream in NumPy 1.18 and 1.26), so both sides compute the same tensors. One session per process:
TF's intra-op pool is sized by the first session, so each thread count is its own process.

Cases (tensor shapes in the names): Exp / Log / Reciprocal over 7, 8, 1001 values, [64, 10],
[3, 5, 17] and special values (0, -0, +-inf, NaN, subnormals, the exp range's ends); Sum / Mean in
full over 37 .. 120001 values (beyond 108388 TF 1.15 shards a full sum by thread count), over
axis 0 / 1 of [300, 100] and [2000, 37], over the middle of [5, 3, 7]; softmax cross-entropy and
its gradient (tf.gradients with a grad_ys) and LogSoftmax on [64, 10], [7, 3], [5, 1000], [3, 9000], and the sparse one
with int64 and int32 labels; two Adam
steps on [1700] and [300, 100] variables; one ApplyAdam on variables of 10, 71, 79, 81, 7839 and 7840
values whose packet and scalar square roots give different updates (var 0, m 1, grad 1, v in
[0.01, 1)), so each element shows how TF 1.15 cut the variable into shards; Conv2DBackpropFilter with
one input channel ([32,28,28,1] x 5x5x8 SAME, [5,28,28,1] x 5x5x16 stride 2, [8,13,11,1] x 3x3x4
VALID, [64,28,28,1] x 5x5x32, [128,32,32,1] x 7x7x32: two shards of images) and with three.
"""
import os
import sys

import numpy as np


def inputs():
    rs = np.random.RandomState(20261207)
    wide = lambda *s: (rs.standard_normal(s) * np.exp(rs.uniform(-8, 8, s))).astype(np.float32)
    d = {}
    for shape in [(7,), (8,), (1001,), (64, 10), (3, 5, 17)]:
        k = 'x'.join(str(n) for n in shape)
        d['ew_' + k] = (rs.standard_normal(shape) * 12).astype(np.float32)
        d['ewpos_' + k] = np.exp(rs.uniform(-85, 85, shape)).astype(np.float32)
    d['ew_special'] = np.array([0, -0., 1, -1, np.inf, -np.inf, np.nan, 88.72, 88.73, 89, -87.3, -88, -103, -104,
                                1e-45, 1e-38, 1.1754944e-38, 3.4e38, 0.5, 2, 0.70710677, 0.7071068, -1e-40, 7.,
                                np.nan, 100., -100., 1e-30, 1e30, -0.5, 0.25, 4.], np.float32)[:29]
    for n in (37, 1000, 12345, 120001):
        d['red_%d' % n] = wide(n)
    for shape in [(300, 100), (2000, 37), (5, 3, 7), (6, 5, 9, 11)]:
        d['red_' + 'x'.join(str(n) for n in shape)] = wide(*shape)
    for b, c in [(64, 10), (7, 3), (5, 1000), (3, 9000)]:
        k = '%dx%d' % (b, c)
        d['lg_' + k] = (rs.standard_normal((b, c)) * 4).astype(np.float32)
        lb = rs.rand(b, c).astype(np.float32)
        lb[rs.rand(b, c) < 0.5] = 0
        d['lb_' + k] = lb / np.maximum(lb.sum(1, keepdims=True), 1e-3)
        d['dy_' + k] = rs.standard_normal(b).astype(np.float32)
    for b, c in [(64, 10), (7, 3), (5, 1000), (3, 9000)]:  # sparse labels (drawn last: the draws above stay)
        d['sl_%dx%d' % (b, c)] = rs.randint(0, c, b).astype(np.int64)
    for shape in [(1700,), (300, 100)]:
        k = 'x'.join(str(n) for n in shape)
        d['var_' + k] = rs.standard_normal(shape).astype(np.float32)
        for step in (0, 1):
            d['grad%d_%s' % (step, k)] = (rs.standard_normal(shape) * np.exp(rs.uniform(-12, 0, shape))).astype(np.float32)
    for n in ADAM_SHARDS:  # (drawn after the cases above: their draws stay)
        d['adamv_%d' % n] = rs.uniform(0.01, 1, n).astype(np.float32)
    for name, xs, fs, stride, pad in CONV_FILTER:
        oh = -(-xs[1] // stride) if pad == 'SAME' else (xs[1] - fs[0]) // stride + 1
        ow = -(-xs[2] // stride) if pad == 'SAME' else (xs[2] - fs[1]) // stride + 1
        d['cx_' + name] = rs.standard_normal(xs).astype(np.float32)
        d['cdy_' + name] = rs.standard_normal((xs[0], oh, ow, fs[3])).astype(np.float32)
    return d


ADAM_SHARDS = (10, 71, 79, 81, 7839, 7840)
CONV_FILTER = [('32x28x28x1_5x5x8', (32, 28, 28, 1), (5, 5, 1, 8), 1, 'SAME'),
               ('5x28x28x1_5x5x16_s2', (5, 28, 28, 1), (5, 5, 1, 16), 2, 'SAME'),
               ('8x13x11x1_3x3x4_valid', (8, 13, 11, 1), (3, 3, 1, 4), 1, 'VALID'),
               ('64x28x28x1_5x5x32', (64, 28, 28, 1), (5, 5, 1, 32), 1, 'SAME'),
               ('128x32x32x1_7x7x32', (128, 32, 32, 1), (7, 7, 1, 32), 1, 'SAME'),
               ('32x28x28x3_5x5x8', (32, 28, 28, 3), (5, 5, 3, 8), 1, 'SAME')]


def main(out, threads, runtime):
    if runtime:
        from tf1_cnn.compat import floats
        floats.prepare()
        import tensorflow as tf2
        if not floats.enable():
            sys.exit(3)
        tf = tf2.compat.v1
        tf.disable_v2_behavior()
    else:
        import tensorflow as tf
    d = inputs()
    feed = {}

    def ph(k):
        p = tf.placeholder(tf.int64 if d[k].dtype == np.int64 else tf.float32, d[k].shape)
        feed[p] = d[k]
        return p

    fetch = {}
    for k in sorted(d):
        if k.startswith('ew'):
            p = ph(k)
            fetch['exp_' + k], fetch['log_' + k], fetch['reciprocal_' + k] = tf.exp(p), tf.log(p), tf.reciprocal(p)
        elif k.startswith('red_'):
            p = ph(k)
            fetch['sum_' + k], fetch['mean_' + k] = tf.reduce_sum(p), tf.reduce_mean(p)
            if d[k].ndim == 2:
                for ax in (0, 1):
                    fetch['sum%d_%s' % (ax, k)] = tf.reduce_sum(p, axis=ax)
                    fetch['mean%d_%s' % (ax, k)] = tf.reduce_mean(p, axis=ax)
            if d[k].ndim == 3:
                fetch['sum1_' + k] = tf.reduce_sum(p, axis=1)
                fetch['mean1keep_' + k] = tf.reduce_mean(p, axis=[1], keepdims=True)
                fetch['sum02_' + k] = tf.reduce_sum(p, axis=[0, 2])
            if d[k].ndim == 4:
                for axes in ([1, 3], [0, 2], [0, 2, 3], [-1]):
                    fetch['sum%s_%s' % (''.join(str(a) for a in axes), k)] = tf.reduce_sum(p, axis=axes)
                fetch['mean13_' + k] = tf.reduce_mean(p, axis=[1, 3])
        elif k.startswith('lg_'):
            n = k[3:]
            lg = ph(k)
            xe = tf.nn.softmax_cross_entropy_with_logits_v2(labels=ph('lb_' + n), logits=lg)
            fetch['xent_' + n] = xe
            fetch['logsoftmax_' + n] = tf.nn.log_softmax(lg)
            fetch['xentgrad_' + n] = tf.gradients(xe, lg, grad_ys=ph('dy_' + n))[0]
            labels = ph('sl_' + n)
            for name, lb in (('sparsexent_', labels), ('sparsexent32_', tf.cast(labels, tf.int32))):
                sx = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=lb, logits=lg)
                fetch[name + n] = sx
                fetch[name.replace('xent', 'xentgrad') + n] = tf.gradients(sx, lg, grad_ys=ph('dy_' + n))[0]
    for name, xs, fs, stride, pad in CONV_FILTER:
        fetch['convfilter_' + name] = tf.nn.conv2d_backprop_filter(
            ph('cx_' + name), tf.constant(fs), ph('cdy_' + name), [1, stride, stride, 1], pad)
    sens = []
    for n in ADAM_SHARDS:
        ref = lambda init, label: tf.Variable(init, name='%s_%d' % (label, n))
        var, m, v = ref(np.zeros(n, np.float32), 'sv'), ref(np.ones(n, np.float32), 'sm'), ref(d['adamv_%d' % n], 'sw')
        c = lambda x: tf.constant(x, tf.float32)
        sens.append((n, var, tf.raw_ops.ApplyAdam(var=var._ref(), m=m._ref(), v=v._ref(), beta1_power=c(0.9),
                                                  beta2_power=c(0.999), lr=c(1e-3), beta1=c(0.9), beta2=c(0.999),
                                                  epsilon=c(1e-8), grad=c(np.ones(n, np.float32)))))
    adam = []
    for k in sorted(d):
        if k.startswith('var_'):
            n = k[4:]
            v = tf.Variable(d[k], name='v_' + n.replace('x', '_'))
            g = ph('grad0_' + n)
            opt = tf.train.AdamOptimizer(1e-3)
            adam.append((n, v, opt, opt.apply_gradients([(g, v)]), g))
    cfg = tf.ConfigProto(intra_op_parallelism_threads=threads, inter_op_parallelism_threads=1)
    with tf.Session(config=cfg) as sess:
        res = sess.run(fetch, feed)
        sess.run(tf.global_variables_initializer())
        for n, v, opt, op, g in adam:
            sess.run(op, {g: d['grad0_' + n]})
            sess.run(op, {g: d['grad1_' + n]})
            res['adam_' + n], res['adam_m_' + n], res['adam_v_' + n] = sess.run([v, opt.get_slot(v, 'm'), opt.get_slot(v, 'v')])
        for n, var, op in sens:
            sess.run(op)
            res['adamsens_%d' % n] = sess.run(var)
    np.savez(out, **{k: np.asarray(v) for k, v in res.items()})


if __name__ == '__main__':
    main(sys.argv[1], int(sys.argv[2]), len(sys.argv) > 3 and sys.argv[3] == 'runtime')
