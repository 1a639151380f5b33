"""TF 1.x's op structures and seed rule (tf1_cnn/compat/graph/op_structure.py, seed_rule.py, settings.py)."""
import numpy as np
import pytest
import tensorflow as tf

from tf1_cnn.compat import settings, tf1
from tf1_cnn.compat.graph import op_structure
from tf1_cnn.compat.graph.seed_rule import op_count

v1 = tf.compat.v1


FACADE_CASES = ["contrib_flatten", "layers_flatten", "nn_dropout_placeholder", "nn_dropout_float", "nn_dropout_image"]


@pytest.mark.parametrize("version", settings.TF1_VERSIONS)
@pytest.mark.parametrize("case", FACADE_CASES)
def test_facade_builds_the_tf1_tables_ops(case, version):
    # the project's own graphs use the facade without install(): its TF1-shaped functions
    # must build what real TF 1.x of that version built (tf1_cnn/compat/graph/op_tables/)
    from tf1_cnn.oracle import op_cases, op_probe, op_tables

    build = dict(op_cases.CASES)[case]
    want = op_tables.load(version)["cases"][case]
    if "error" in want:
        pytest.skip(f"TF {version} has no {case}: {want['error']}")
    with settings.using("tf1", version), op_structure.v1_behavior():
        got = op_probe.record_case(tf1, build)
    assert op_tables.difference(want, got, "draws") is None, op_tables.difference(want, got, "draws")


def _course_graph(version, rule="tf1"):
    """The course's graph (project code); returns the FC weights' draw op's (seed, seed2)."""
    from tf1_cnn.signs import convnet

    v = convnet.Variant("course", 0.009, 100, rule, version, ("fully_connected/weights", "fully_connected/biases"))
    with tf.Graph().as_default() as g:
        convnet.build(64, 64, 3, 6, v)
        op = g.get_operation_by_name("fully_connected/weights/Initializer/random_uniform/RandomUniform")
        return op.get_attr("seed"), op.get_attr("seed2")


def test_course_fc_draws_with_op_seed_45_as_on_tf_1_3():
    # 28 ops + contrib's 14-op flatten + xavier's 3 constants
    assert _course_graph("1.3") == (1, 45)


def test_later_tf1_flatten_gives_op_seed_39():
    # 1.5-1.15: contrib flatten through the core Flatten layer, 8 ops
    assert _course_graph("1.15") == (1, 39)


def test_tf2_rule_counts_unseeded_draws_from_zero():
    # W1 and W2 are seeded (seed=0); the FC initializer is the graph's first unseeded draw
    assert _course_graph("1.3", rule="tf2") == (1, 0)


def test_unseeded_dropout_and_random_normal_draw_the_op_count():
    with tf.Graph().as_default() as g, settings.using("tf1", "1.3"), op_structure.v1_behavior():
        v1.set_random_seed(7)
        x = v1.placeholder(tf.float32, [None, 4])
        n = op_count(g)
        r = tf1.random_normal([3])  # shape, mean, stddev constants, then the draw
        assert r.op.inputs[0].op.inputs[0].op.get_attr("seed2") == n + 3
        kp = v1.placeholder(tf.float32)
        n = op_count(g)
        d = tf1.nn.dropout(x, kp)  # TF 1.3.0: Shape, min, max, then the draw
        draw = next(op for op in g.get_operations() if op.type == "RandomUniform" and op.name.startswith("dropout"))
        assert (draw.get_attr("seed"), draw.get_attr("seed2")) == (7, n + 3)
        assert d.shape.as_list() == [None, 4]


def test_tf1_dropout_keeps_x_over_keep_prob_or_zero():
    with tf.Graph().as_default(), settings.using("tf1", "1.3"), op_structure.v1_behavior():
        v1.set_random_seed(0)
        x = tf.ones([1000])
        d = tf1.nn.dropout(x, 0.25)
        with v1.Session() as s:
            out = s.run(d)
    assert set(np.unique(out)) <= {0.0, 4.0} and 0.15 < (out > 0).mean() < 0.35


@pytest.mark.parametrize("version", ["1.3", "1.4", "1.15"])
def test_ones_and_zeros_of_bool_and_string_hold_tf1s_values(version):
    # TF 1.0-1.4's one Const for a python shape (op_structure/random.py): ones of bool are True (TF 1.4.1 gave
    # True; a while_loop whose condition is reduce_any(ones(..., bool)) runs), zeros of bool False, of string ""
    from tensorflow.python.ops import array_ops

    from tf1_cnn.compat.graph.op_structure import random

    ones = random.ones_1_4(getattr(array_ops.ones, "_tf1_cnn_original", array_ops.ones))
    zeros = random.zeros_1_4(getattr(array_ops.zeros, "_tf1_cnn_original", array_ops.zeros))
    with tf.Graph().as_default(), settings.using("tf1", version), op_structure.v1_behavior():
        got = [ones([3], dtype=tf.bool), zeros([2], dtype=tf.bool), zeros([2], dtype=tf.string),
               ones([2, 2], dtype=tf.int32)]
        assert [t.op.type for t in got] == ["Const"] * 4  # small: one Const in every TF 1.x
        with v1.Session() as s:
            ones_b, zeros_b, zeros_s, ones_i = s.run(got)
    assert ones_b.tolist() == [True] * 3 and zeros_b.tolist() == [False] * 2 and zeros_s.tolist() == [b""] * 2
    assert ones_i.tolist() == [[1, 1], [1, 1]]


@pytest.mark.parametrize("version", ["1.3", "1.15"])
def test_transpose_without_perm_reverses_the_axes(version):
    # TF 1.3.0's graph-computed perm (8 ops) and TensorFlow's own give the same tensor
    with tf.Graph().as_default(), settings.using("tf1", version), op_structure.v1_behavior():
        x = np.arange(24.0).reshape(2, 3, 4)
        y = tf1.transpose(tf.constant(x))
        assert y.shape.as_list() == [4, 3, 2]
        with v1.Session() as s:
            np.testing.assert_array_equal(s.run(y), x.T)


@pytest.mark.parametrize("record_shape", [[], None])
@pytest.mark.parametrize("version", ["1.3", "1.15"])
def test_parse_single_example_1x_parses_dense_sparse_and_defaults(version, record_shape):
    # TF 1.3.0's ParseExample of a batch of one and TF 1.15.5's ParseSingleExample give the Example's values
    from tf1_cnn.compat.graph.op_structure import parsing

    parse = parsing.parse_single_example_1x(v1.io.parse_single_example)
    feature = tf.train.Feature
    example = tf.train.Example(features=tf.train.Features(feature={
        "image_raw": feature(bytes_list=tf.train.BytesList(value=[b"abc"])),
        "label": feature(int64_list=tf.train.Int64List(value=[7])),
        "tags": feature(int64_list=tf.train.Int64List(value=[3, 4, 5]))})).SerializeToString()
    with tf.Graph().as_default() as g, settings.using("tf1", version), op_structure.v1_behavior():
        record = v1.placeholder(tf.string, record_shape)  # None: a queue's dequeue (1.3: asserted at run time)
        out = parse(record, {"image_raw": v1.FixedLenFeature([], tf.string), "label": v1.FixedLenFeature([], tf.int64),
                             "xy": v1.FixedLenFeature([2], tf.float32, default_value=[0.5, 1.5]),
                             "tags": v1.VarLenFeature(tf.int64)})
        assert list(out) == ["tags", "image_raw", "label", "xy"]  # TF 1.x's order: sparse keys first
        assert {op.type for op in g.get_operations()} >= ({"ParseExample", "Squeeze", "Slice"} if version == "1.3"
                                                          else {"ParseSingleExample"})
        with v1.Session() as s:
            got = s.run(out, {record: example})
    assert (got["image_raw"], got["label"]) == (b"abc", 7)
    np.testing.assert_array_equal(got["xy"], [0.5, 1.5])
    np.testing.assert_array_equal(got["tags"].indices, [[0], [1], [2]])
    np.testing.assert_array_equal(got["tags"].values, [3, 4, 5])
    np.testing.assert_array_equal(got["tags"].dense_shape, [3])


@pytest.mark.parametrize("version", ["1.3", "1.15"])
def test_zero_fraction_1x_counts_the_zeros(version):
    from tf1_cnn.compat.graph.op_structure import zero_fraction

    fraction = zero_fraction.zero_fraction_1x(tf.math.zero_fraction)
    with tf.Graph().as_default() as g, settings.using("tf1", version), op_structure.v1_behavior():
        z = fraction(tf.constant([[0.0, 1.0, 0.0, 2.0], [3.0, 0.0, 4.0, 5.0]]))
        assert (len(g.get_operations()) == 6) == (version == "1.3")  # the value's Const + TF 1.3.0's 5 ops
        with v1.Session() as s:
            assert s.run(z) == 0.375


@pytest.mark.parametrize("version", ["1.3", "1.15"])
def test_image_crop_pad_and_standardization_1x_compute_what_tensorflow_does(version):
    # TF 1.x's ops for resize_image_with_crop_or_pad / crop / pad give TF 2.21's tensors; TF 1.3.0's
    # per_image_standardization (mean(x^2) - mean(x)^2) agrees with reduce_std's to float32 rounding
    from tensorflow.python.ops import image_ops_impl

    from tf1_cnn.compat.graph.op_structure import image

    originals = {name: getattr(getattr(image_ops_impl, name), "_tf1_cnn_original", getattr(image_ops_impl, name))
                 for name in ("resize_image_with_crop_or_pad", "crop_to_bounding_box", "pad_to_bounding_box",
                              "per_image_standardization")}
    x = np.random.RandomState(0).uniform(0, 255, (2, 20, 30, 3)).astype(np.float32)
    with tf.Graph().as_default(), settings.using("tf1", version), op_structure.v1_behavior():
        calls = [("resize_image_with_crop_or_pad", image._crop_or_pad, (x, 24, 24)),
                 ("resize_image_with_crop_or_pad", image._crop_or_pad, (x[0], 16, 40)),
                 ("crop_to_bounding_box", image._crop, (x, 1, 2, 5, 4)),
                 ("pad_to_bounding_box", image._pad, (x[1], 1, 2, 24, 36))]
        pairs = [(build(tf.constant(a), *sizes), originals[name](tf.constant(a), *sizes))
                 for name, build, (a, *sizes) in calls]
        standardized = image.per_image_standardization_1x(originals["per_image_standardization"])(tf.constant(x[0]))
        with v1.Session() as s:
            for got, want in s.run(pairs):
                np.testing.assert_array_equal(got, want)
            got = s.run(standardized)
    want = (x[0] - x[0].mean()) / max(x[0].std(), 1 / np.sqrt(x[0].size))
    np.testing.assert_allclose(got, want, rtol=1e-4, atol=1e-4)


def test_settings_reject_unknown_choices_and_restore():
    with pytest.raises(ValueError, match="seed rule"):
        settings.configure(seed_rule="tf3")
    with pytest.raises(ValueError, match="TF 1.x version"):
        settings.configure(tf1_version="1.7")
    before = settings.current("seed_rule")
    with settings.using("tf1"):
        assert settings.current("seed_rule") == "tf1"
    assert settings.current("seed_rule") == before


def _saver_graph(builder, sharded):
    """A graph with a reference variable and a partitioned resource variable, their Saver and a way to set them."""
    g = tf.Graph()
    with g.as_default(), op_structure.v1_behavior():
        v1.get_variable("w", [2, 3], initializer=v1.zeros_initializer())
        v1.get_variable("part", [4, 3], partitioner=v1.fixed_size_partitioner(2), use_resource=True,
                        initializer=v1.zeros_initializer())
        saver = v1.train.Saver(sharded=sharded, builder=builder)
        init = v1.global_variables_initializer()
    return g, saver, init


@pytest.mark.parametrize("sharded", [False, True])
@pytest.mark.parametrize("version", ["1.3", "1.15"])
def test_tf1_saver_checkpoints_go_both_ways_with_tensorflows(version, sharded, tmp_path):
    # TF 1.x's save/restore ops (Const filename and per-tensor restores under 1.3, the Python shard suffix)
    # write and read the same checkpoints as TF 2.21's builder
    from tensorflow.python.training import saver as saver_lib

    from tf1_cnn.compat.graph.op_structure import saver as saver_1x

    tf1_builder = saver_1x.saver_builder_1x(getattr(saver_lib.BulkSaverBuilder, "_tf1_cnn_original",
                                                    saver_lib.BulkSaverBuilder))
    values = {"w": np.arange(6.0).reshape(2, 3), "part": np.arange(12.0).reshape(4, 3) + 0.5}
    with settings.using("tf1", version):
        for writer, reader in ((tf1_builder(), saver_lib.BulkSaverBuilder()),
                               (saver_lib.BulkSaverBuilder(), tf1_builder())):
            g, saver, init = _saver_graph(writer, sharded)
            with v1.Session(graph=g) as s:
                s.run(init)
                for name, value in values.items():
                    variable = [v for v in g.get_collection("variables") if v.name.startswith(name)]
                    s.run([v.assign(part) for v, part in zip(variable, np.split(value, len(variable)))])
                prefix = saver.save(s, str(tmp_path / f"{type(writer).__name__}-model"))
            assert not [p for p in tmp_path.iterdir() if "_temp" in p.name]  # the merge removed the shard folder
            g, saver, init = _saver_graph(reader, sharded)
            with v1.Session(graph=g) as s:
                saver.restore(s, prefix)
                for name, value in values.items():
                    variable = [v for v in g.get_collection("variables") if v.name.startswith(name)]
                    np.testing.assert_array_equal(np.concatenate(s.run(variable)), value)
            if isinstance(reader, tf1_builder):
                # TF 1.3.0: a Const filename, one RestoreV2 per tensor (3); TF 1.15.5: one per shard, and the
                # resource parts' reads (copied to the CPU) are a shard apart from w (as on the oracle)
                types = [op.type for op in g.get_operations()]
                assert ("PlaceholderWithDefault" in types, types.count("RestoreV2")) == \
                    ((False, 3) if version == "1.3" else (True, 1 + sharded))


@pytest.mark.parametrize("axis", [0, 1])
def test_random_flip_1_3_returns_the_image_or_its_mirror(axis):
    # TF 1.3.0's ops (in the caller's scope): each run gives the image or its flip along the axis
    from tf1_cnn.compat.graph.op_structure import flip

    image = np.arange(24.0, dtype=np.float32).reshape(2, 4, 3)
    fn = flip.random_flip_1_3(lambda image, seed=None: None, axis)
    with tf.Graph().as_default() as g, settings.using("tf1", "1.3"), op_structure.v1_behavior():
        out = fn(tf.constant(image), seed=3)
        names = {op.name for op in g.get_operations()}
        assert out.shape.as_list() == [2, 4, 3] and {"control_dependency", "Less"} <= names
        assert not [name for name in names if name.startswith("random_flip")]
        with v1.Session() as s:
            seen = {bool(np.array_equal(s.run(out), np.flip(image, axis))) for _ in range(20)}
    assert seen == {True, False}


@pytest.mark.parametrize("version", ["1.3", "1.15"])
def test_tf1_batch_normalization_normalizes_as_tensorflow_does(version):
    # TF 1.3.0's variable order and TF 1.15.5's fused call without moving statistics change ops, not values:
    # the output and moving-average updates equal TensorFlow's own layer's (version 1.4's ops here)
    x = np.random.RandomState(0).normal(2.0, 3.0, (4, 3, 3, 2)).astype(np.float32)

    def run(v):
        from tf1_cnn.compat import libraries
        from tf1_cnn.compat.graph.op_structure import batch_norm

        layers = libraries.legacy_layers()
        batch_norm.mend_tf_keras()  # what install() does when tf_keras is imported
        with tf.Graph().as_default() as g, settings.using("tf1", v), op_structure.v1_behavior():
            y = layers.batch_normalization(tf.constant(x), training=True, fused=True)
            updates = g.get_collection(v1.GraphKeys.UPDATE_OPS)
            names = [w.op.name for w in g.get_collection("variables")]
            with v1.Session() as s:
                s.run(v1.global_variables_initializer())
                out = s.run(y)
                s.run(updates)
                return names, out, dict(zip(names, s.run(g.get_collection("variables"))))

    names, out, variables = run(version)
    _, want_out, want_variables = run("1.4")
    assert names[:2] == (["batch_normalization/beta", "batch_normalization/gamma"] if version == "1.3"
                         else ["batch_normalization/gamma", "batch_normalization/beta"])
    np.testing.assert_allclose(out, want_out, rtol=1e-6, atol=1e-6)
    assert set(variables) == set(want_variables)
    for name, value in variables.items():
        np.testing.assert_allclose(value, want_variables[name], rtol=1e-6, err_msg=name)


def test_saturate_cast_1x_clamps_to_the_output_range():
    # TF 1.x's Maximum / Minimum of the dtype's bounds, then the Cast
    from tf1_cnn.compat.graph.op_structure import casts

    cast = casts.saturate_cast_1x(tf.dtypes.saturate_cast)
    with tf.Graph().as_default() as g:
        out = cast(tf.constant([-3.0, 7.6, 300.0]), tf.uint8)
        assert [op.type for op in g.get_operations()][1:] == ["Const", "Maximum", "Const", "Minimum", "Cast"]
        with v1.Session() as s:
            np.testing.assert_array_equal(s.run(out), [0, 7, 255])


def test_parallel_map_1_15_is_the_v1_op_and_maps_every_element():
    # TF 1.15.5's ParallelMapDataset (int32 count, sloppy from the deterministic option) on TF 2.21's kernel
    from tf1_cnn.compat.graph.op_structure import parallel_map

    parallel_map.install()  # acts under --tf1-version 1.15 only
    with tf.Graph().as_default() as g, settings.using("tf1", "1.15"):
        ds = tf.data.Dataset.range(10).map(lambda v: v * 3, num_parallel_calls=4)
        types = {op.type for op in g.get_operations()}
        assert "ParallelMapDataset" in types and "ParallelMapDatasetV2" not in types
        assert g.get_operation_by_name("num_parallel_calls").get_attr("dtype") == tf.int32
        next_value = v1.data.make_one_shot_iterator(ds).get_next()
        with v1.Session() as s:
            assert [s.run(next_value) for _ in range(10)] == [3 * i for i in range(10)]


def test_ftrl_1x_updates_as_tensorflows_ftrl():
    # TF 1.x's accum Const and constants (no beta): the same two steps as TensorFlow's own FtrlOptimizer
    from tensorflow.python.training import ftrl

    from tf1_cnn.compat.graph.op_structure import ftrl as ftrl_1x

    def steps(tf1_structure):
        cls = type("Ftrl", (ftrl.FtrlOptimizer,), {})
        if tf1_structure:
            cls._create_slots = ftrl_1x.create_slots_1x(ftrl.FtrlOptimizer._create_slots)
            cls._prepare = ftrl_1x.prepare_1x(ftrl.FtrlOptimizer._prepare)
        with tf.Graph().as_default() as g, op_structure.v1_behavior():
            w = v1.Variable([[1.0, -2.0], [0.5, 3.0]])
            loss = tf.reduce_sum(tf.square(w - 0.25))
            step = cls(0.3, l1_regularization_strength=0.01, l2_regularization_strength=0.02).minimize(loss)
            types = [op.type for op in g.get_operations()]
            with v1.Session() as s:
                s.run(v1.global_variables_initializer())
                s.run(step)
                s.run(step)
                return types, s.run(w)

    types, got = steps(True)
    want_types, want = steps(False)
    assert "Maximum" in want_types and "Maximum" not in types  # TF 2.21's adjusted l2, not built
    np.testing.assert_array_equal(got, want)


def test_metrics_1_3_safe_division_gives_tensorflows_values():
    # TF 1.3.0's Greater / truediv / Select and ToFloat names: 0 before any update, then the mean
    from tf1_cnn.compat.graph.op_structure import metrics

    metrics.install()  # acts under --tf1-version 1.3 / 1.4 only
    with tf.Graph().as_default() as g, settings.using("tf1", "1.3"):
        labels = tf.constant([1, 2, 3, 4])
        accuracy, update = v1.metrics.accuracy(labels, tf.constant([1, 2, 0, 4]))
        names = {op.name for op in g.get_operations()}
        assert {"accuracy/value", "accuracy/Greater", "ToFloat"} <= names and "accuracy/Maximum" not in names
        with v1.Session() as s:
            s.run(v1.local_variables_initializer())
            assert s.run(accuracy) == 0.0
            s.run(update)
            assert s.run(accuracy) == 0.75


def test_embedding_lookup_sparse_1x_combines_as_tensorflow():
    # TF 1.x's int32 segment ids, Unique and lookup (not TF 2.21's direct read): the same mean embeddings
    from tf1_cnn.compat.graph.op_structure import embedding_sparse

    embedding_sparse.install()  # acts under a TF 1.x version in graph mode only
    table = np.arange(12.0, dtype=np.float32).reshape(4, 3)

    def lookup(version):
        with tf.Graph().as_default() as g, settings.using("tf1", version):
            ids = tf.SparseTensor([[0, 0], [0, 1], [1, 0]], tf.constant([1, 3, 1], tf.int64), [2, 2])
            out = tf.nn.embedding_lookup_sparse(tf.constant(table), ids, None)
            with v1.Session() as s:
                return {op.type for op in g.get_operations()}, s.run(out)

    types, got = lookup("1.15")
    assert {"Cast", "Unique"} <= types
    np.testing.assert_array_equal(got, [(table[1] + table[3]) / 2, table[1]])


@pytest.mark.parametrize("version", ["1.3", "1.15"])
def test_clip_by_global_norm_1x_scales_as_tensorflow(version):
    # TF 1.3.0's plain scale and TF 1.15.5's where(is_finite): TensorFlow's values, NaN for an inf norm on 1.15
    from tensorflow.python.ops import clip_ops

    from tf1_cnn.compat.graph.op_structure import clip

    fn = clip.clip_by_global_norm_1x(getattr(clip_ops.clip_by_global_norm, "_tf1_cnn_original",
                                             clip_ops.clip_by_global_norm))
    with tf.Graph().as_default() as g, settings.using("tf1", version):
        a, b = tf.constant([3.0, 4.0]), tf.constant([[12.0]])
        (ca, cb), norm = fn([a, b], 6.5)
        (_, inf_clipped), _ = fn([a, b], 1.0, use_norm=tf.constant(np.inf))
        assert ("IsFinite" in {op.type for op in g.get_operations()}) == (version == "1.15")
        with v1.Session() as s:
            got = s.run([ca, cb, norm, inf_clipped])
    np.testing.assert_allclose(got[0], [1.5, 2.0], rtol=1e-6)
    np.testing.assert_allclose(got[1], [[6.0]], rtol=1e-6)
    assert got[2] == 13.0 and bool(np.isnan(got[3]).all()) == (version == "1.15")
