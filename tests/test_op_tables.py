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
    ("batch normalization with a tensor `training` (TF 1.3.0: moments picked by Select, 68 / 63 ops; "
     "1.4.1: one op more); not mirrored",
     {"layers_batch_norm_tensor": OLD, "contrib_batch_norm_tensor": OLD}),
    ("tf.layers.batch_normalization with beta / gamma regularizers: TF 1.4.1 built it unfused (moments, "
     "48 ops); the runtime fuses it as TF 1.15.5 did; not mirrored", {"batch_norm_regularized": ("1.4",)}),
    ("a canned estimator's model_fn: TF 1.3.0's estimators had no model_fn property (the case cannot be built "
     "there); TF 1.4.1's linear model and head built other ops; not mirrored (TF 1.15.5's is)",
     {"estimator_linear_zero_fraction": OLD}),
    ("embedding_lookup_sparse with weights under TF 1.3.0/1.4.1: no Unique (the ids looked up as given); not "
     "mirrored", {"embedding_lookup_sparse_weighted_sum": OLD}),
    ("tf.layers.flatten does not exist in TF 1.3.0 (the runtime provides it)", {"layers_flatten": ("1.3",)}),
    ("dynamic_rnn under TF 1.3.0/1.4.1: their while loop and cell ops (dynamic_rnn's kernel draws after 73 "
     "ops, 86 here and on 1.15.5); not mirrored",
     {"dynamic_rnn_basic": OLD, "dynamic_rnn_basic_lstm": OLD, "dynamic_rnn_lstm": OLD,
      "dynamic_rnn_gru": OLD, "contrib_lstm_block_cell": OLD, "contrib_lstm_block_cell_peephole": OLD,
      "contrib_gru_block_cell": OLD, "contrib_gru_block_cell_v2": OLD}),
    ("tf.layers.Dense is not exported by TF 1.3.0 (tf.layers has dense() only): the case cannot be built there",
     {case: ("1.3",) for case in ("seq2seq_training_decoder_projection", "seq2seq_greedy_decoder",
                                  "seq2seq_beam_search", "seq2seq_beam_search_length_penalty",
                                  "seq2seq_attention_training")}),
    ("contrib.seq2seq under TF 1.3.0/1.4.1: their general ops build other structures, not mirrored: "
     "tf.layers.Dense on a 3-D memory (TF 1.3/1.4's tensordot normalized the axes in the graph: Rank, "
     "GreaterEqual, ListDiff, ...; 8 more ops before the attention's variables), embedding_lookup (Gather, "
     "no axis Const / Identity), an RNN cell's zero_state (1.3.0), and tf.cond's Switch order (1.4.1)",
     {case: OLD for case in ("seq2seq_bahdanau_step", "seq2seq_bahdanau_normalized_step", "seq2seq_luong_step",
                             "seq2seq_luong_scaled_step", "seq2seq_bahdanau_monotonic_step",
                             "seq2seq_luong_monotonic_step", "seq2seq_alignment_history_step",
                             "seq2seq_training_decoder")}),
    ("contrib.seq2seq decoders under TF 1.4.1: embedding_lookup's Gather and tf.cond's Switch order (above)",
     {case: ("1.4",) for case in ("seq2seq_training_decoder_projection", "seq2seq_greedy_decoder",
                                  "seq2seq_beam_search", "seq2seq_beam_search_length_penalty",
                                  "seq2seq_attention_training")}),
    ("tf.contrib.rnn's block cells as TF 1.3.0/1.4.1 built them (GRUBlockCell under its own scope, "
     "LSTMBlockFusedCell's lstm_block_wrapper scope with its variables made after the state, another peephole "
     "order; 1.3.0 had no GRUBlockCellV2 nor LSTMBlockCell(forget_bias=)): the runtime builds TF 1.15.5's",
     {case: OLD for case in ("contrib_lstm_block_fused_cell",
                             "contrib_lstm_block_fused_cell_seq_len", "contrib_lstm_block_fused_cell_peephole")}),
    ("tf.metrics under TF 1.3.0/1.4.1: mean_per_class_accuracy through a confusion matrix (140 ops), auc's "
     "label and prediction checks (1.3.0: none; 1.4.1: asserts in a cond); not mirrored",
     {"metrics_mean_per_class_accuracy": OLD, "metrics_auc": OLD}),
    # the research family (op_cases_research.py): legacy_seq2seq, crf, contrib.rnn cells
    ("TF 1.3.0/1.4.1's GRUCell (its _linear: each bias made after its MatMul) and embedding_lookup (Gather, no "
     "axis Const); tf.compat.v1.nn.rnn_cell's cells and TF 2.21's lookup build TF 1.15.5's; not mirrored",
     {case: OLD for case in ("legacy_rnn_decoder", "legacy_tied_rnn_seq2seq",
                             "legacy_embedding_rnn_seq2seq_feed_tensor", "legacy_embedding_tied_rnn_seq2seq",
                             "legacy_embedding_attention_feed_previous",
                             "legacy_attention_decoder_two_heads", "legacy_one2many_rnn_seq2seq",
                             "legacy_model_with_buckets", "rnn_embedding_wrapper", "rnn_projection_wrappers",
                             "rnn_stack_bidirectional_rnn")}),
    ("tf.contrib.crf is TF 1.15.5's (its length-1 branches); TF 1.3.0/1.4.1's crf built other ops, and has no "
     "crf_decode (1.3.0) nor crf_multitag_sequence_score (1.3.0, 1.4.1); the runtime provides them",
     {case: OLD for case in ("crf_log_likelihood", "crf_sequence_score", "crf_log_norm", "crf_unary_binary_score",
                             "crf_decode", "crf_multitag_sequence_score")}),
    ("stack_bidirectional_dynamic_rnn under TF 1.3.0/1.4.1: the dynamic_rnn while loop above; not mirrored",
     {"rnn_stack_bidirectional_dynamic_rnn": OLD}),
    ("tf.train.Saver of resource variables under TF 1.3.0/1.4.1: their saveables read the variable in other "
     "places (1.3.0: SaveV2's own ReadVariableOps and assigns without a copy; 1.4.1: reads outside the save/ "
     "scope and before each restore); not mirrored (resource variables were not the default then)",
     {"saver_partitioned_resource_sharded": OLD}),
    ("tf.image.central_crop: TF 1.3.0/1.4.1's build other ops; not mirrored", {"image_central_crop": OLD}),
    ("per_image_standardization of a uint8 image under TF 1.15.5: convert_image_dtype to float32 (Cast, Mul by "
     "1/255) and back to uint8 at the end (saturating); TF 2.21 casts and returns float32; not mirrored",
     {"image_per_image_standardization_uint8": ("1.15",)}),
]

# types / names where the op count and draws agree: (aspects, cause, {case: versions}, strict)
KNOWN_OTHER = [
    (("names",), "TF 2.21's resize_images names its ops under a resize/ scope", {"image_resize": OLD}, True),
    (("names",), "TF 1.3.0/1.4.1's block cells: the peephole LSTMBlockCell made w_o_diag before w_f_diag, and "
     "GRUBlockCell named its scope GRUBlockCell/ (1.15.5: gru_cell/); the runtime builds TF 1.15.5's",
     {"contrib_lstm_block_cell_peephole_grads": OLD, "contrib_gru_block_cell_grads": OLD}, True),
    (("names",), "static_rnn over an LSTMBlockCell under TF 1.3.0/1.4.1: each step's ops under a new lstm_cell_<n>/ "
     "scope; the runtime builds TF 1.15.5's", {"contrib_lstm_block_cell_static": OLD}, True),
    (("types", "names"), "batch normalization under TF 1.4.1: the same op count, other ops (FusedBatchNorm "
     "with empty mean / variance Consts, its moving-average updates in another order); not mirrored",
     {"layers_batch_norm": ("1.4",), "slim_batch_norm": ("1.4",), "batch_norm_no_scale": ("1.4",),
      "batch_norm_no_center": ("1.4",)}, True),
    (("types", "names"), "the same op count and draws, other order: TF 1.3.0/1.4.1's BasicRNNCell / BasicLSTMCell "
     "made their bias (its Initializer/Const) after the MatMul (1.3.0: the step's ops under a doubled cell scope); "
     "tf.compat.v1.nn.rnn_cell's cells are TF 1.15.5's",
     {"static_rnn_basic_lstm": OLD, "legacy_basic_rnn_seq2seq": OLD, "legacy_rnn_decoder_loop": ("1.3",)}, True),
    (("types", "names"), "the same op count and draws (embedding_lookup is TF 1.3.0/1.4.1's), another order: TF "
     "1.3.0/1.4.1's BasicLSTMCell made its bias after its MatMul; tf.compat.v1.nn.rnn_cell's cells are TF 1.15.5's", {case: OLD for case in ("legacy_embedding_rnn_seq2seq", "legacy_embedding_attention_seq2seq")},
     True),
    (("types", "names"), "crf's dynamic_rnn under TF 1.15.5: reduce_logsumexp masked with ZerosLike + Select "
     "(TF 2.21: SelectV2 of a Const), the same op count; not mirrored",
     {"crf_log_likelihood": ("1.15",), "crf_log_norm": ("1.15",), "crf_multitag_sequence_score": ("1.15",)}, True),
    (("types", "names"), "embedding_lookup_sparse with weights under TF 1.15.5: the weights' broadcast ones "
     "as Fill of the rank before the weights' Shape (TF 2.21: Shape, then ones); not mirrored",
     {"embedding_lookup_sparse_weighted_sum": ("1.15",)}, True),
    (("names",), "TF 1.4.1's BasicRNNCell named its bias initializer Initializer/Const (TF 2.21: Initializer/zeros)",
     {"legacy_rnn_decoder_loop": ("1.4",)}, True),
]


# The gradient cases (tf1_cnn/oracle/op_cases_gradients.py): what the runtime does not build as TF 1.x yet
GRADIENT_DRAWS = [
    ("tf.layers.batch_normalization's forward ops under TF 1.4.1 (see above: FusedBatchNorm, moving-average "
     "updates) and so its gradients; not mirrored",
     {'grad_batch_norm': ('1.4',), 'min_layers_net': ('1.4',)}),
    ("RNNs under TF 1.3.0/1.4.1: dynamic_rnn's forward while loop differs (see dynamic_rnn above), so does its "
     "gradient; not mirrored (1.15.5's, with TF 1.x's TensorArray size and write gradients, is)",
     {'grad_dynamic_rnn': ('1.3', '1.4'), 'min_dynamic_rnn': ('1.3', '1.4')}),
    ("tf.while_loop's gradient under TF 1.3.0/1.4.1: the gradient loop made the broadcasting gradient's Shape ops "
     "first and accumulated the forward values in Stack (1.3.0) / StackV2 with a max_size Const (1.4.1); TF 2.21 "
     "accumulates the forward shapes (StackV2, Enter) before them: 10-12 ops fewer; not mirrored",
     {'while_outside_tensors_grads': ('1.3', '1.4')}),
    ("tf.losses.mean_pairwise_squared_error under 1.3/1.4: TF 1.3.0/1.4.1's own pairwise terms (a safe "
     "division each, no DivNoNan); not mirrored",
     {'losses_fn_mean_pairwise_squared_error': ('1.3', '1.4'), 'min_losses_mean_pairwise_squared_error': ('1.3', '1.4')}),
]
GRADIENT_OTHER = [
    (('names',), "Max's gradient: 1.3.0/1.4.1 named its division div (2.21: truediv)",
     {'grad_reduce_max': ('1.3', '1.4')}, True),
    (('names', 'types'), "RNNs and tf.cond: the forward ops already differ (see dynamic_rnn above; tf.cond's Switch order "
     "in 1.3.0/1.4.1), so do their while_loop / cond gradients; not mirrored",
     {'grad_static_rnn': ('1.3',)}, True),
    (('names',), "RNNs and tf.cond: the forward ops already differ (see dynamic_rnn above; tf.cond's Switch order "
     "in 1.3.0/1.4.1), so do their while_loop / cond gradients; not mirrored",
     {'grad_static_rnn': ('1.4',)}, True),
]
# tf.data iterators (tf1_cnn/oracle/op_cases_data.py)
DATA_DRAWS = [
    ("tf.data does not exist in TF 1.3.0 (the runtime provides it)",
     {"data_initializable_iterator": ("1.3",), "data_reinitializable_iterator": ("1.3",),
      "data_parallel_map": ("1.3",)}),
    ("TF 1.4.1's tf.data: the Iterator made before the dataset's ops, BatchDataset without drop_remainder, "
     "no IteratorToStringHandle, a shuffle's seed2 one Const; not mirrored",
     {"data_initializable_iterator": ("1.4",), "data_reinitializable_iterator": ("1.4",),
      "data_parallel_map": ("1.4",)}),
]
KNOWN_DRAWS += GRADIENT_DRAWS + DATA_DRAWS
KNOWN_OTHER += GRADIENT_OTHER


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
