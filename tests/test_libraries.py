"""tf_slim on TF 2.21 (libraries.py): every TF-internal name it uses resolves; the fixed paths run."""
import ast
import importlib
import os

import numpy as np
import pytest

from tf1_cnn.compat import libraries


def _module_attrs_used(path):
    """(imported TF module name, attribute) for each ``alias.attr`` in a tf_slim source file."""
    tree = ast.parse(open(path, encoding="utf-8").read())
    aliases = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("tensorflow.python"):
            for a in node.names:
                aliases[a.asname or a.name] = f"{node.module}.{a.name}"
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in aliases:
            yield aliases[node.value.id], node.attr, node.lineno


def test_every_tf_internal_module_attribute_tf_slim_uses_exists():
    slim = libraries.slim()
    root = os.path.dirname(slim.__file__)
    missing = []
    for folder, _, files in os.walk(root):
        for name in files:
            if not name.endswith(".py") or name.endswith("_test.py") or name == "test_utils.py":
                continue
            path = os.path.join(folder, name)
            for full, attr, line in _module_attrs_used(path):
                module_name, _, obj_name = full.rpartition(".")
                module = importlib.import_module(module_name)
                obj = getattr(module, obj_name, None)
                if obj is None:
                    obj = importlib.import_module(full)
                if type(obj).__name__ == "module" and not hasattr(obj, attr):
                    missing.append(f"{full}.{attr} ({os.path.relpath(path, root)}:{line})")
    assert not missing, missing


def test_batch_norm_with_a_tensor_is_training():
    import tensorflow as tf

    slim = libraries.slim()
    v1 = tf.compat.v1
    with tf.Graph().as_default():
        x = v1.placeholder(tf.float32, [None, 3])
        training = v1.placeholder(tf.bool, [])
        y = slim.batch_norm(x, is_training=training, decay=0.5, updates_collections=None)
        data = np.array([[1.0, 2.0, 3.0], [3.0, 6.0, 9.0]], np.float32)
        with v1.Session() as sess:
            sess.run(v1.global_variables_initializer())
            train_out = sess.run(y, {x: data, training: True})
            test_out = sess.run(y, {x: data, training: False})
    # training: the batch's own statistics, so each column is (-1, 1) up to epsilon
    np.testing.assert_allclose(train_out, [[-1, -1, -1], [1, 1, 1]], atol=1e-2)
    # inference: moving statistics after one update with decay 0.5 (mean = 0.5 * batch mean)
    assert not np.allclose(train_out, test_out)


def test_tfexample_decoder_image_decodes_png():
    """tfexample_decoder.Image switches on the format with control_flow_ops.case."""
    import tensorflow as tf

    slim = libraries.slim()
    v1 = tf.compat.v1
    image = np.arange(2 * 3 * 3, dtype=np.uint8).reshape(2, 3, 3)
    png = tf.io.encode_png(image).numpy() if tf.executing_eagerly() else None
    with tf.Graph().as_default():
        if png is None:
            with v1.Session() as sess:
                png = sess.run(tf.io.encode_png(image))
        example = tf.train.Example(features=tf.train.Features(feature={
            "image/encoded": tf.train.Feature(bytes_list=tf.train.BytesList(value=[png])),
            "image/format": tf.train.Feature(bytes_list=tf.train.BytesList(value=[b"png"])),
        })).SerializeToString()
        decoder = slim.tfexample_decoder.TFExampleDecoder(
            {"image/encoded": v1.FixedLenFeature((), tf.string, default_value=""),
             "image/format": v1.FixedLenFeature((), tf.string, default_value="jpeg")},
            {"image": slim.tfexample_decoder.Image(shape=[2, 3, 3])})
        [decoded] = decoder.decode(tf.constant(example), ["image"])
        with v1.Session() as sess:
            out = sess.run(decoded)
    np.testing.assert_array_equal(out, image)
