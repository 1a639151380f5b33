"""tf.contrib.seq2seq's functions on fixed inputs (TF 1.x API only, Python 3.6-compatible): sequence_loss
in each reduction, gather_tree, hardmax, safe_cumprod, monotonic_attention and tile_batch. Prints the values
(6 decimals) so that a run on real TF 1.x and one under legacy can be compared line by line."""
import sys

import numpy as np
import tensorflow as tf

# gather_tree(step_ids, parent_ids, max_sequence_lengths, end_token) is TF 1.5+'s signature (TF 1.3/1.4 took
# per-beam lengths and no end token): "--gather-tree" for a TF 1.15 run
GATHER_TREE = "--gather-tree" in sys.argv

seq2seq = tf.contrib.seq2seq
rng = np.random.RandomState(3)
logits = tf.constant(rng.randn(2, 4, 5).astype(np.float32))
targets = tf.constant(rng.randint(0, 5, size=(2, 4)).astype(np.int32))
weights = tf.constant([[1, 1, 1, 0], [1, 1, 0, 0]], dtype=tf.float32)
zero_weights = tf.zeros([2, 4])
step_ids = tf.constant([[[2, 3, 9]], [[4, 5, 9]], [[6, 7, 4]], [[8, 1, 1]]], dtype=tf.int32)
parent_ids = tf.constant([[[0, 0, 0]], [[1, 0, 2]], [[0, 1, 2]], [[2, 1, 0]]], dtype=tf.int32)
p = tf.constant(rng.uniform(size=(2, 6)).astype(np.float32))
previous = tf.nn.softmax(tf.constant(rng.randn(2, 6).astype(np.float32)))
results = [
    ("loss", seq2seq.sequence_loss(logits, targets, weights)),
    ("loss_per_time", seq2seq.sequence_loss(logits, targets, weights, average_across_timesteps=False)),
    ("loss_per_batch", seq2seq.sequence_loss(logits, targets, weights, average_across_batch=False)),
    ("loss_none", seq2seq.sequence_loss(logits, targets, weights, average_across_timesteps=False,
                                        average_across_batch=False)),
    ("loss_zero_weights", seq2seq.sequence_loss(logits, targets, zero_weights)),
    ("hardmax", seq2seq.hardmax(logits[0])),
    ("safe_cumprod", seq2seq.safe_cumprod(p, axis=1, exclusive=True)),
    ("monotonic_parallel", seq2seq.monotonic_attention(p, previous, "parallel")),
    ("monotonic_recursive", seq2seq.monotonic_attention(p, previous, "recursive")),
    ("monotonic_hard", seq2seq.monotonic_attention(tf.cast(p > 0.5, tf.float32), previous, "hard")),
    ("tile_batch", seq2seq.tile_batch(targets, 2)),
]
if GATHER_TREE:
    results += [("gather_tree", seq2seq.gather_tree(step_ids, parent_ids, [4], 4)),
                ("gather_tree_short", seq2seq.gather_tree(step_ids, parent_ids, [2], 4))]
with tf.Session() as sess:
    for name, tensor in results:
        value = sess.run(tensor)
        print(name, np.array2string(np.round(value, 6).ravel(), separator=",", max_line_width=10000))
