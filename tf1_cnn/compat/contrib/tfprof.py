"""``tf.contrib.tfprof`` (TF 1.3): model_analyzer over tensorflow.python.profiler."""
from ._common import module

def load():
    """``tf.contrib.tfprof`` (TF 1.3): model_analyzer over tensorflow.python.profiler, which TF 2.21 still has.

    TF 1.3's ``print_model_analysis(graph, run_meta, op_log, tfprof_cmd, tfprof_options)`` returned
    ``model_analyzer.profile(graph, run_meta, op_log, tfprof_cmd, tfprof_options)``; its option dicts are
    ProfileOptionBuilder's (the same keys, plus ``step`` / ``min_occurrence`` that later TF added).
    """
    from tensorflow.python.profiler import model_analyzer, option_builder, tfprof_logger

    def print_model_analysis(graph, run_meta=None, op_log=None, tfprof_cmd="scope", tfprof_options=0):
        return model_analyzer.profile(graph, run_meta, op_log, tfprof_cmd, tfprof_options)

    builder = option_builder.ProfileOptionBuilder
    analyzer = module("tf.contrib.tfprof.model_analyzer", {
        "print_model_analysis": print_model_analysis, "advise": model_analyzer.advise,
        "ALL_ADVICE": model_analyzer.ALL_ADVICE, "Profiler": model_analyzer.Profiler,
        "TRAINABLE_VARS_PARAMS_STAT_OPTIONS": builder.trainable_variables_parameter(),
        "FLOAT_OPS_OPTIONS": builder.float_operation(), "PRINT_ALL_TIMING_MEMORY": builder.time_and_memory()})
    return module("tf.contrib.tfprof", {"model_analyzer": analyzer, "tfprof_logger": tfprof_logger})
