"""tf.contrib.rnn's block cells: variable names and shapes, outputs, final states and gradients from a seeded
graph, printed to compare with real TF 1.15. Arguments: save|restore and a checkpoint path (a checkpoint
written by one side is restored by the other; restored, the outputs come from its values)."""
import sys

import numpy as np
import tensorflow as tf

mode, path = sys.argv[1], sys.argv[2]
rnn = tf.contrib.rnn
tf.set_random_seed(1)
x = tf.constant(np.linspace(-1.0, 1.0, 2 * 5 * 3).reshape(2, 5, 3).astype(np.float32))
results = {}
with tf.variable_scope("lstm"):
    results["lstm"] = tf.nn.dynamic_rnn(rnn.LSTMBlockCell(4, forget_bias=0.5), x, dtype=tf.float32)
with tf.variable_scope("lstm_peephole"):
    results["lstm_peephole"] = tf.nn.dynamic_rnn(rnn.LSTMBlockCell(4, use_peephole=True, cell_clip=0.3), x,
                                                 dtype=tf.float32)
with tf.variable_scope("gru"):
    results["gru"] = tf.nn.dynamic_rnn(rnn.GRUBlockCell(4), x, dtype=tf.float32)
with tf.variable_scope("gru_v2"):
    results["gru_v2"] = tf.nn.static_rnn(rnn.GRUBlockCellV2(4), tf.unstack(x, axis=1), dtype=tf.float32)
with tf.variable_scope("fused"):
    results["fused"] = rnn.LSTMBlockFusedCell(4)(tf.transpose(x, [1, 0, 2]), dtype=tf.float32,
                                                 sequence_length=tf.constant([5, 2]))
with tf.variable_scope("fused_peephole"):
    results["fused_peephole"] = rnn.LSTMBlockFusedCell(4, use_peephole=True, cell_clip=0.5)(
        tf.transpose(x, [1, 0, 2]), dtype=tf.float32)
loss = tf.add_n([tf.reduce_sum(tf.square(t)) for t in tf.contrib.framework.nest.flatten(results)])
variables = tf.trainable_variables()
grads = tf.gradients(loss, variables + [x])
for v in variables:
    print("var", v.op.name, v.shape.as_list())
saver = tf.train.Saver()
with tf.Session() as sess:
    if mode == "restore":
        saver.restore(sess, path)
    else:
        sess.run(tf.global_variables_initializer())
        saver.save(sess, path)
    values, grad_values, loss_value = sess.run([results, grads, loss])
for name in sorted(values):
    flat = [np.asarray(t) for t in tf.contrib.framework.nest.flatten(values[name])]
    print("out", name, [np.round(a, 5).ravel().tolist() for a in flat])
for v, g in zip(variables + [x], grad_values):
    print("grad", v.op.name, np.round(g, 4).ravel().tolist())
print("loss", round(float(loss_value), 5))
