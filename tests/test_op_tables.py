"""The runtime's op structures against real TF 1.x's: tf1_cnn/compat/graph/op_tables/ (from
tf1_cnn/oracle/gen_op_tables.py), per case of tf1_cnn/oracle/op_cases.py and per --tf1-version.

Each (case, version, aspect) either matches the committed table of that TF release, or is
listed below as a known difference with its cause (a strict xfail: when the runtime starts
to match, the test fails until the entry is removed). ``draws`` (op count and where each
random op draws with which seeds) is what moves numbers; ``types`` and ``names`` are the
rest of the graph. One oracle test regenerates a few cases in real TF 1.x and checks the
committed tables are still what it builds.
"""
import pytest

from tf1_cnn.oracle import envs, gen_op_tables, op_cases, op_tables

VERSIONS = ("1.3", "1.4", "1.15")
ALL = VERSIONS
OLD = ("1.3", "1.4")  # TF 1.3.0, 1.4.1

# draws: (cause, {case: versions}). A case-version listed here also differs in types and names
# (another op count), which is not listed again.
KNOWN_DRAWS = [
    ("TF 1.3.0/1.4.1's orthogonal initializer (QR of a normal draw, sign fix) builds other ops; not mirrored",
     {"init_orthogonal": OLD}),
    ("tf.losses.*: TF 1.3.0/1.4.1's compute_weighted_loss / num_present build 9-10 more ops; not mirrored",
     {"losses_mean_squared_error": OLD, "losses_absolute_difference": OLD, "losses_huber": OLD,
      "losses_log_loss": OLD, "losses_softmax_xent": OLD, "losses_sigmoid_xent": OLD,
      "losses_sparse_softmax_xent": OLD}),
    ("batch normalization with a tensor `training` (TF 1.3.0: moments picked by Select, 68 / 63 ops; "
     "1.4.1: one op more), and 1.15.5's fused training-mode updates (30 / 27 ops, 28 / 25 here); not mirrored",
     {"layers_batch_norm": ("1.15",), "layers_batch_norm_tensor": OLD,
      "slim_batch_norm": ("1.15",), "contrib_batch_norm_tensor": OLD}),
    ("tf.layers.flatten does not exist in TF 1.3.0 (the runtime provides it)", {"layers_flatten": ("1.3",)}),
    ("dynamic_rnn / static_rnn: TF 1.x's while loop and cell ops (dynamic_rnn's kernel draws after 73 "
     "ops on 1.3.0/1.4.1, 86 here and on 1.15.5; 1.15.5 builds 1-2 more ops after it); not mirrored",
     {"dynamic_rnn_basic": ALL, "dynamic_rnn_basic_lstm": ALL, "dynamic_rnn_lstm": ALL,
      "dynamic_rnn_gru": ALL, "static_rnn_basic_lstm": ALL, "contrib_lstm_block_cell": ALL,
      "contrib_lstm_block_cell_peephole": ALL, "contrib_gru_block_cell": ALL, "contrib_gru_block_cell_v2": ALL}),
    ("tf.contrib.rnn's block cells as TF 1.3.0/1.4.1 built them (GRUBlockCell under its own scope, "
     "LSTMBlockFusedCell's lstm_block_wrapper scope with its variables made after the state, another peephole "
     "order; 1.3.0 had no GRUBlockCellV2 nor LSTMBlockCell(forget_bias=)): the runtime builds TF 1.15.5's",
     {case: OLD for case in ("contrib_lstm_block_cell_grads", "contrib_lstm_block_cell_peephole_grads",
                             "contrib_gru_block_cell_grads", "contrib_lstm_block_fused_cell",
                             "contrib_lstm_block_fused_cell_seq_len", "contrib_lstm_block_fused_cell_peephole")}),
    ("tf.metrics.accuracy: TF 1.3.0/1.4.1's metric variables and update ops (40 ops, 36 here); not mirrored",
     {"metrics_accuracy": OLD}),
    ("tf.train.Saver: TF 1.3.0/1.4.1's save/restore ops (14, 16 here); not mirrored", {"saver": OLD}),
    ("tf.image ops: TF 1.3.0/1.4.1's random_brightness/contrast, per_image_standardization and "
     "central_crop build other ops (1.15.5: per_image_standardization one more); not mirrored",
     {"image_random_brightness": OLD, "image_random_contrast": OLD,
      "image_per_image_standardization": ALL, "image_central_crop": OLD}),
]

# types / names where the op count and draws agree: (aspects, cause, {case: versions}, strict)
KNOWN_OTHER = [
    (("names",), "tf.losses.* under 1.15: TF 2.21's ones_like names its shape constant "
     "ones_like/Shape/shape_as_tensor (TF 1.15.5: ones_like/Shape)",
     {case: ("1.15",) for case in ("losses_mean_squared_error", "losses_absolute_difference", "losses_huber",
                                    "losses_log_loss", "losses_softmax_xent", "losses_sigmoid_xent",
                                    "losses_sparse_softmax_xent")}, True),
    (("types", "names"), "inside tf.cond TF 1.3.0/1.4.1 created the Switch before the op using it "
     "(graph built in Python); 1.5+ and 2.21 after it: same ops, other order",
     {"layers_dropout_tensor": OLD, "contrib_dropout_tensor": OLD, "image_random_flip": OLD}, True),
    (("names",), "TF 2.21's resize_images names its ops under a resize/ scope", {"image_resize": OLD}, True),
    (("names",), "gradients through the block cells under 1.15: TF 2.21 names the initial gradient "
     "gradients/grad_ys_0 with its constant grad_ys_0/Const (TF 1.15.5: gradients/grad_ys_0 and gradients/Fill)",
     {case: ("1.15",) for case in ("contrib_lstm_block_cell_grads", "contrib_lstm_block_cell_peephole_grads",
                                    "contrib_gru_block_cell_grads")}, True),
    (("types", "names"), "static_rnn over an LSTMBlockCell under TF 1.3.0/1.4.1: each step's ops under a new "
     "lstm_cell_<n>/ scope (1.3.0: also in another order); the runtime builds TF 1.15.5's",
     {"contrib_lstm_block_cell_static": ("1.3",)}, True),
    (("names",), "static_rnn over an LSTMBlockCell under TF 1.4.1: each step's ops under a new lstm_cell_<n>/ "
     "scope; the runtime builds TF 1.15.5's", {"contrib_lstm_block_cell_static": ("1.4",)}, True),
    (("names",), "tf.layers.batch_normalization under TF 1.3.0's unfused default: the same ops, "
     "but TF 1.3.0 created beta before gamma", {"layers_batch_norm": ("1.3",)}, True),
    (("types", "names"), "tf.gradients / minimize: the same op count as TF 1.x, but TF 2.21's Sub gradient "
     "negates before reducing (Neg first), its initial gradient is named gradients/grad_ys_0 (TF 1.x: "
     "gradients/Fill), and Add for AddV2",
     {case: ALL for case in ("gradients", "opt_gradient_descent", "opt_momentum", "opt_adam", "opt_rmsprop",
                             "opt_adagrad", "opt_adadelta", "opt_adam_global_step")}, True),
    (("types", "names"), "batch normalization: the same op count, other ops (FusedBatchNormV3 and its "
     "moving-average updates in another order); not mirrored",
     {"layers_batch_norm": ("1.4",), "slim_batch_norm": ("1.4",), "layers_batch_norm_tensor": ("1.15",),
      "contrib_batch_norm_tensor": ("1.15",)}, True),
]


def _known(case, version, aspect):
    """(cause, strict) for a listed difference, else None."""
    for cause, cases in KNOWN_DRAWS:
        if version in cases.get(case, ()):
            return cause if aspect == "draws" else f"follows from the op count: {cause}", True
    for aspects, cause, cases, strict in KNOWN_OTHER:
        if aspect in aspects and version in cases.get(case, ()):
            return cause, strict
    return None


def _params():
    out = []
    for version in VERSIONS:
        for case in op_tables.load(version)["cases"]:
            for aspect in op_tables.ASPECTS:
                known = _known(case, version, aspect)
                marks = [pytest.mark.xfail(reason=known[0], strict=known[1])] if known else []
                out.append(pytest.param(version, case, aspect, marks=marks, id=f"{version}-{case}-{aspect}"))
    return out


@pytest.fixture(scope="module")
def runtime():
    """{version: {case: record}}: every case built under install(), each --tf1-version (one process)."""
    return gen_op_tables.probe_runtime(VERSIONS)


@pytest.mark.parametrize("version,case,aspect", _params())
def test_runtime_builds_tf1_ops(runtime, version, case, aspect):
    table = op_tables.load(version)
    want = table["cases"][case]
    diff = op_tables.difference(want, runtime[version][case], aspect)
    assert diff is None, f"{case} under --tf1-version {version} vs TF {table['header']['tensorflow']}'s table: {diff}"


def test_known_differences_name_real_cases_and_versions():
    names = {name for name, _ in op_cases.CASES}
    listed = [cases for _, cases in KNOWN_DRAWS] + [cases for _, _, cases, _ in KNOWN_OTHER]
    for cases in listed:
        for case, versions in cases.items():
            assert case in names and set(versions) <= set(VERSIONS), (case, versions)


def test_tables_are_from_the_release_each_version_names():
    for version in VERSIONS:
        header = op_tables.load(version)["header"]
        assert header["tensorflow"] == envs.VERSIONS[version][1]
        assert set(op_tables.load(version)["cases"]) == {name for name, _ in op_cases.CASES}


ORACLE_CASES = ["random_uniform", "nn_dropout_placeholder", "layers_conv2d", "contrib_flatten", "init_zeros_large"]


@pytest.mark.parametrize("version", VERSIONS)
def test_committed_table_is_what_tf1_builds(tf1_oracle, version):
    exe = tf1_oracle(version)
    fresh = gen_op_tables._run_probe([exe, str(gen_op_tables.PROBE)], ORACLE_CASES)
    assert fresh["tensorflow"] == envs.VERSIONS[version][1]
    committed = op_tables.load(version)["cases"]
    for case in ORACLE_CASES:
        got = fresh["runs"]["oracle"][case]
        assert got == committed[case], [(a, op_tables.difference(committed[case], got, a)) for a in op_tables.ASPECTS]
