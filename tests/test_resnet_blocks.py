"""The raw-op residual blocks: structure, initial values, batch norm modes, Keras equivalence."""
import numpy as np
import pytest
import tensorflow as tf

from tf1_cnn import conv_numpy as cn
from tf1_cnn.resnet import convolutional_block, identity_block
from tf1_cnn.resnet import layers as L
from tf1_cnn.resnet.keras_weights import load_keras_weights, write_keras_h5

v1 = tf.compat.v1
EPS = L.BN_EPSILON


def numpy_block(X, weights, names, f, s, conv_block):
    """Reference in float64 on tf1_cnn.conv_numpy: conv (valid / same) -> BN (inference) -> relu ..."""
    def conv(x, name, k, stride, same):
        W, b = weights[name]
        pad = (k - 1) // 2 if same else 0
        return cn.conv_forward(x, W, b.reshape(1, 1, 1, -1), {"stride": stride, "pad": pad})[0]

    def bn(x, name):
        g, beta, mm, mv = weights[name]
        return g * (x - mm) / np.sqrt(mv + EPS) + beta

    relu = (lambda x: np.maximum(x, 0))
    (c2a, b2a), (c2b, b2b), (c2c, b2c), (c1, b1) = names
    out = relu(bn(conv(X, c2a, 1, s, False), b2a))
    out = relu(bn(conv(out, c2b, f, 1, True), b2b))
    out = bn(conv(out, c2c, 1, 1, False), b2c)
    short = bn(conv(X, c1, 1, s, False), b1) if conv_block else X
    return relu(out + short)


def random_weights(records, rng):
    w = {}
    for r in records:
        if r.kind == "Conv2D":
            k = r.variables[0].shape.as_list()
            w[r.name] = [rng.standard_normal(k) * np.sqrt(2.0 / np.prod(k[:3])), rng.standard_normal(k[-1]) * 0.1]
        elif r.kind == "BatchNormalization":
            c = r.variables[0].shape.as_list()[0]
            w[r.name] = [1 + 0.1 * rng.standard_normal(c), 0.1 * rng.standard_normal(c),
                         0.1 * rng.standard_normal(c), 0.5 + rng.random(c)]
    return w


KERAS_ORDER = {"Conv2D": ("kernel", "bias"), "BatchNormalization": ("gamma", "beta", "moving_mean", "moving_variance")}


@pytest.mark.parametrize("conv_block,s,model_file", [(False, 1, True), (True, 2, False), (True, 1, True)])
def test_block_loaded_from_a_keras_file_equals_the_numpy_reference(tmp_path, conv_block, s, model_file):
    rng = np.random.default_rng(0)
    X = rng.standard_normal((2, 7, 7, 8))
    with tf.Graph().as_default() as g:
        Xp = v1.placeholder(tf.float32, [None, 7, 7, 8])
        if conv_block:
            out = convolutional_block(Xp, 3, [4, 5, 6], 3, "a", s=s)
        else:
            out = identity_block(Xp, 3, [4, 5, 8], 2, "b")
        records = L.records()
        weights = random_weights(records, rng)
        path = tmp_path / "w.h5"
        write_keras_h5(path, {n: list(zip(KERAS_ORDER[r.kind], weights[n])) for r in records
                              for n in [r.name] if n in weights}, model_file=model_file)
        with v1.Session(graph=g) as sess:
            sess.run(v1.global_variables_initializer())
            assert load_keras_weights(sess, records, path) == sum(len(v) for v in weights.values())
            ours = sess.run(out, {Xp: X})
    stage, block = (3, "a") if conv_block else (2, "b")
    names = [(f"res{stage}{block}_branch{b}", f"bn{stage}{block}_branch{b}") for b in ("2a", "2b", "2c", "1")]
    ref = numpy_block(X, weights, names, 3, s, conv_block)
    assert ours.shape == ref.shape
    np.testing.assert_allclose(ours, ref, rtol=1e-4, atol=1e-4)


def test_course_variable_names_and_initial_values():
    with tf.Graph().as_default() as g:
        X = v1.placeholder(tf.float32, [None, 8, 8, 16])
        identity_block(X, 3, [4, 4, 16], 2, "b")
        names = [v.op.name for v in v1.global_variables()]
        assert names[:6] == ["res2b_branch2a/kernel", "res2b_branch2a/bias", "bn2b_branch2a/gamma",
                             "bn2b_branch2a/beta", "bn2b_branch2a/moving_mean", "bn2b_branch2a/moving_variance"]
        with v1.Session(graph=g) as sess:
            sess.run(v1.global_variables_initializer())
            vals = {v.op.name: sess.run(v) for v in v1.global_variables()}
    k = vals["res2b_branch2a/kernel"]
    assert np.abs(k).max() <= np.sqrt(6.0 / (16 + 4))
    # op seed 0, no graph seed: the same draw as a lone glorot_uniform_initializer(seed=0)
    with tf.Graph().as_default() as g2:
        ref = v1.get_variable("k", [1, 1, 16, 4], initializer=v1.glorot_uniform_initializer(seed=0))
        with v1.Session(graph=g2) as sess:
            sess.run(v1.global_variables_initializer())
            np.testing.assert_array_equal(k, sess.run(ref))
    assert not vals["res2b_branch2a/bias"].any() and (vals["bn2b_branch2a/moving_variance"] == 1).all()


def test_seed003_names():
    with tf.Graph().as_default():
        X = v1.placeholder(tf.float32, [None, 8, 8, 16])
        convolutional_block(X, 3, [4, 4, 16], 3, "a", names="seed003")
        names = {r.name for r in L.records()}
    assert {"3a_conv_block_conv1", "3a_conv_block_bn3", "3a_conv_block_res_conv", "3a_conv_block_res_bn",
            "3a_conv_block_add", "3a_conv_block_relu4"} <= names


def test_training_flag_tensor_switches_batch_norm_and_updates():
    rng = np.random.default_rng(1)
    X = (3 + 2 * rng.standard_normal((4, 5, 5, 8))).astype(np.float32)
    with tf.Graph().as_default() as g:
        Xp = v1.placeholder(tf.float32, [None, 5, 5, 8])
        training = v1.placeholder_with_default(False, [])
        out = identity_block(Xp, 3, [4, 4, 8], 2, "a", training=training)
        updates = v1.get_collection(v1.GraphKeys.UPDATE_OPS)
        assert len(updates) == 6  # moving mean and variance of three BN layers
        mm = [v for v in v1.global_variables() if v.op.name == "bn2a_branch2a/moving_mean"][0]
        with v1.Session(graph=g) as sess:
            sess.run(v1.global_variables_initializer())
            infer = sess.run(out, {Xp: X})
            train = sess.run(out, {Xp: X, training: True})
            assert not np.allclose(infer, train)
            assert not sess.run(mm).any()
            kernel = [v for v in v1.global_variables() if v.op.name == "res2a_branch2a/kernel"][0]
            first_conv = tf.nn.conv2d(Xp, kernel, 1, "VALID")  # its bias starts at zero
            batch_mean = sess.run(tf.reduce_mean(first_conv, [0, 1, 2]), {Xp: X})
            sess.run(updates, {Xp: X, training: True})
            np.testing.assert_allclose(sess.run(mm), 0.01 * batch_mean, rtol=1e-4, atol=1e-6)


@pytest.mark.parametrize("training", [False, True])
def test_same_output_as_a_keras_block_with_the_same_weights(training):
    """Seed 001's Keras identity and convolutional blocks (Keras 3) given our weights."""
    import keras
    from keras import layers as K

    def keras_block(x, f, filters, stage, block, s, conv):
        cb, bb = f"res{stage}{block}_branch", f"bn{stage}{block}_branch"
        F1, F2, F3 = filters
        sh = x
        x = K.Conv2D(F1, 1, strides=s, padding="valid", name=cb + "2a")(x)
        x = K.Activation("relu")(K.BatchNormalization(axis=3, name=bb + "2a")(x))
        x = K.Conv2D(F2, f, padding="same", name=cb + "2b")(x)
        x = K.Activation("relu")(K.BatchNormalization(axis=3, name=bb + "2b")(x))
        x = K.BatchNormalization(axis=3, name=bb + "2c")(K.Conv2D(F3, 1, padding="valid", name=cb + "2c")(x))
        if conv:
            sh = K.BatchNormalization(axis=3, name=bb + "1")(K.Conv2D(F3, 1, strides=s, name=cb + "1")(sh))
        return K.Activation("relu")(K.Add()([x, sh]))

    rng = np.random.default_rng(2)
    X = rng.standard_normal((3, 9, 9, 8)).astype(np.float32)
    with tf.Graph().as_default() as g:
        Xp = v1.placeholder(tf.float32, [None, 9, 9, 8])
        out = identity_block(convolutional_block(Xp, 3, [4, 4, 8], 3, "a", s=2, training=training),
                             3, [4, 4, 8], 3, "b", training=training)
        records = L.records()
        with v1.Session(graph=g) as sess:
            sess.run(v1.global_variables_initializer())
            weights = random_weights(records, rng)
            for r in records:
                for var, val in zip(r.variables, weights.get(r.name, [])):
                    var.load(val, sess)
            ours = sess.run(out, {Xp: X})
    inp = keras.Input((9, 9, 8))
    model = keras.Model(inp, keras_block(keras_block(inp, 3, [4, 4, 8], 3, "a", 2, True), 3, [4, 4, 8], 3, "b", 1, False))
    for name, vals in weights.items():
        model.get_layer(name).set_weights([v.astype(np.float32) for v in vals])
    theirs = model(X, training=training).numpy()
    np.testing.assert_allclose(ours, theirs, rtol=1e-4, atol=1e-4)
