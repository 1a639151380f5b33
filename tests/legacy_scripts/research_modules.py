"""TF 1.x research-code modules: contrib.learn.preprocessing, legacy_seq2seq, crf, the contrib rnn cells.

Run by tests/test_research_modules.py under ``legacy`` and on real TF 1.x (Python 3.6+); every line it prints
("<fact> ...") must be the same on both. Argument: a folder for the vocabulary file.
"""
import os
import sys

import numpy as np
import tensorflow as tf
from tensorflow.contrib import learn, legacy_seq2seq, rnn

out = sys.argv[1]
np.set_printoptions(precision=5, suppress=True)


def show(fact, value):
    print(fact, np.array2string(np.asarray(value), separator=",").replace("\n", ""))


# --- learn.preprocessing: ids, vocabulary, trimming, bytes, save / restore
docs = ["The cat sat on the mat.", "the Dog ate HTMLParser's stuff-x", "cat cat dog the bb bb zz yy yy zz"]
vp = learn.preprocessing.VocabularyProcessor(6, min_frequency=1)
ids = np.array(list(vp.fit_transform(docs)))
show("vocab ids", ids)
print("vocab dtype", ids.dtype, len(vp.vocabulary_))
print("vocab reverse", list(vp.reverse(ids)))
print("vocab tokens", list(learn.preprocessing.tokenizer(["HTMLParser isAGood CamelCase 3.5 a_b x-y it's"])))
v = learn.preprocessing.CategoricalVocabulary()
for w in "b a c a b d b e e e z z y y".split():
    v.add(w)
v.trim(1, 3)
print("vocab trim", sorted(v._mapping.items()), sorted(v._freq.items()), v.reverse(1))
bp = learn.preprocessing.ByteProcessor(6)
rows = list(bp.transform(["abc", u"\u00e4bcdefg", b"xy"]))
show("bytes", rows)
print("bytes reverse", list(bp.reverse(rows)))
vp.save(os.path.join(out, "vocab"))
back = learn.preprocessing.VocabularyProcessor.restore(os.path.join(out, "vocab"))
show("vocab restored", list(back.transform(["the cat ate zz"])))
print("modekeys", learn.ModeKeys.TRAIN, learn.ModeKeys.EVAL, learn.ModeKeys.INFER)

# --- legacy_seq2seq: variables, op count, losses, as TF 1.x built them (graph seed: the op seeds follow)
tf.set_random_seed(1)
B, T, V = 3, 3, 6
rng = np.random.RandomState(0)
enc = [tf.constant(rng.randint(0, V, B).astype(np.int32)) for _ in range(T)]
dec = [tf.constant(rng.randint(0, V, B).astype(np.int32)) for _ in range(T)]
weights = [tf.constant(rng.rand(B).astype(np.float32)) for _ in range(T)]
outs, _ = legacy_seq2seq.embedding_attention_seq2seq(enc, dec, rnn.BasicLSTMCell(4), V, V, 3, num_heads=2)
loss = legacy_seq2seq.sequence_loss(outs, dec, weights)
per_example = legacy_seq2seq.sequence_loss_by_example(outs, dec, weights, average_across_timesteps=False)
with tf.variable_scope("char"):
    cell = rnn.MultiRNNCell([rnn.BasicLSTMCell(4) for _ in range(2)])
    inputs = [tf.constant(rng.randn(B, 3).astype(np.float32)) for _ in range(T)]
    dec_out, _ = legacy_seq2seq.rnn_decoder(inputs, cell.zero_state(B, tf.float32), cell,
                                            loop_function=lambda prev, i: prev[:, :3])
with tf.variable_scope("buckets"):
    bucket_out, bucket_losses = legacy_seq2seq.model_with_buckets(
        enc, dec, dec, weights, [(2, 2), (3, 3)],
        lambda e, d: legacy_seq2seq.embedding_rnn_seq2seq(e, d, rnn.GRUCell(4), V, V, 3, feed_previous=True))
with tf.variable_scope("nas"):
    nas_out, _ = legacy_seq2seq.tied_rnn_seq2seq(inputs, inputs, rnn.NASCell(4))
with tf.variable_scope("layer_norm"):
    ln_out, _ = legacy_seq2seq.basic_rnn_seq2seq(inputs, inputs, rnn.LayerNormBasicLSTMCell(4))
for var in tf.global_variables():
    print("var", var.op.name, var.get_shape().as_list())
print("ops", len(tf.get_default_graph().get_operations()))

# --- crf: scores, partition function, decoding (crf_decode: TF 1.4+)
crf = tf.contrib.crf
x = rng.randn(4, 5, 3).astype(np.float32)
tags = rng.randint(0, 3, (4, 5)).astype(np.int32)
lens = np.array([5, 3, 1, 2], np.int32)
with tf.variable_scope("crf"):
    ll, trans = crf.crf_log_likelihood(tf.constant(x), tf.constant(tags), tf.constant(lens))
decoded = crf.crf_decode(tf.constant(x), trans, tf.constant(lens)) if hasattr(crf, "crf_decode") else None

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    show("loss", sess.run(loss))
    show("per example", sess.run(per_example))
    show("decoder", sess.run(dec_out[-1]))
    show("bucket losses", sess.run(bucket_losses))
    show("nas", sess.run(nas_out[-1]))
    show("layer norm", sess.run(ln_out[-1]))
    show("crf ll", sess.run(ll))
    t = sess.run(trans)
    if decoded is not None:
        tags_out, best = sess.run(decoded)
        show("crf decode", [row[:n] for row, n in zip(tags_out.tolist(), lens)] and tags_out * (
            np.arange(5) < lens[:, None]))
        show("crf best", best)
for b in range(4):
    path, score = crf.viterbi_decode(x[b, :lens[b]], t)
    print("viterbi", list(path), round(float(score), 4))
