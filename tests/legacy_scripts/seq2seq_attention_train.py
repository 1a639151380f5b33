"""A TF 1.x-era seq2seq training script (written for the tests, TF 1.x API only, Python 3.6-compatible):
a toy copy task with an embedding encoder, a Bahdanau-attention decoder (AttentionWrapper over a
BasicRNNCell, TrainingHelper, BasicDecoder, dynamic_decode), sequence_loss and SGD, then greedy and
beam-search decoding with tile_batch. Seeded by the graph seed only, so every initializer draws
its op seed from the graph's operation count, as TF 1.x did. Prints the variables, the losses and
the decoded ids."""
import numpy as np
import tensorflow as tf
from tensorflow.contrib import seq2seq

VOCAB, EMB, UNITS, BATCH, SRC_LEN, TGT_LEN, BEAM = 8, 6, 10, 4, 5, 5, 3
GO, EOS = 1, 2

tf.set_random_seed(1234)
rng = np.random.RandomState(0)
src = rng.randint(3, VOCAB, size=(BATCH, SRC_LEN)).astype(np.int32)
src_len = np.array([5, 4, 3, 5], dtype=np.int32)  # the longest target is TGT_LEN: logits are [batch, TGT_LEN, VOCAB]
tgt_out = np.concatenate([src, np.full((BATCH, 1), EOS, np.int32)], 1)[:, :TGT_LEN]
tgt_in = np.concatenate([np.full((BATCH, 1), GO, np.int32), src], 1)[:, :TGT_LEN]
tgt_len = np.minimum(src_len + 1, TGT_LEN).astype(np.int32)

source = tf.placeholder(tf.int32, [None, SRC_LEN], name="source")
source_length = tf.placeholder(tf.int32, [None], name="source_length")
target_in = tf.placeholder(tf.int32, [None, TGT_LEN], name="target_in")
target_out = tf.placeholder(tf.int32, [None, TGT_LEN], name="target_out")
target_length = tf.placeholder(tf.int32, [None], name="target_length")
batch_size = tf.shape(source)[0]

embedding = tf.get_variable("embedding", [VOCAB, EMB])
with tf.variable_scope("encoder"):
    memory = tf.layers.dense(tf.nn.embedding_lookup(embedding, source), UNITS, activation=tf.tanh)

projection = tf.layers.Dense(VOCAB, use_bias=False, name="output_projection")


def attention_cell(memory_, lengths):
    mechanism = seq2seq.BahdanauAttention(UNITS, memory_, memory_sequence_length=lengths, normalize=True)
    return seq2seq.AttentionWrapper(tf.nn.rnn_cell.BasicRNNCell(UNITS), mechanism, attention_layer_size=UNITS,
                                    alignment_history=False)


with tf.variable_scope("decoder"):
    cell = attention_cell(memory, source_length)
    helper = seq2seq.TrainingHelper(tf.nn.embedding_lookup(embedding, target_in), target_length)
    decoder = seq2seq.BasicDecoder(cell, helper, cell.zero_state(batch_size, tf.float32), output_layer=projection)
    outputs, _, _ = seq2seq.dynamic_decode(decoder)
    logits = outputs.rnn_output
    weights = tf.sequence_mask(target_length, tf.shape(logits)[1], dtype=tf.float32)
    loss = seq2seq.sequence_loss(logits, target_out, weights)

with tf.variable_scope("decoder", reuse=True):
    greedy = seq2seq.GreedyEmbeddingHelper(embedding, tf.fill([batch_size], GO), EOS)
    greedy_decoder = seq2seq.BasicDecoder(cell, greedy, cell.zero_state(batch_size, tf.float32),
                                          output_layer=projection)
    greedy_out, _, _ = seq2seq.dynamic_decode(greedy_decoder, maximum_iterations=TGT_LEN)

with tf.variable_scope("decoder", reuse=True):
    beam_cell = attention_cell(seq2seq.tile_batch(memory, BEAM), seq2seq.tile_batch(source_length, BEAM))
    beam_decoder = seq2seq.BeamSearchDecoder(beam_cell, embedding, tf.fill([batch_size], GO), EOS,
                                             beam_cell.zero_state(batch_size * BEAM, tf.float32), BEAM,
                                             output_layer=projection, length_penalty_weight=0.6)
    beam_out, _, _ = seq2seq.dynamic_decode(beam_decoder, maximum_iterations=TGT_LEN)

train = tf.train.GradientDescentOptimizer(0.5).minimize(loss)

for v in tf.global_variables():
    print("var", v.op.name, v.shape.as_list())
feed = {source: src, source_length: src_len, target_in: tgt_in, target_out: tgt_out, target_length: tgt_len}
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for step in range(5):
        value, _ = sess.run([loss, train], feed)
        print("step %d loss %.6f" % (step, value))
    print("greedy", sess.run(greedy_out.sample_id, feed).tolist())
    print("beam", sess.run(beam_out.predicted_ids, feed)[:, :, 0].tolist())
