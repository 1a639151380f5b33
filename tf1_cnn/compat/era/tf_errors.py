"""TF 1.x's texts of errors TensorFlow 2.21 reworded, where era code matches the text.

Libraries of the era test their error paths with ``assertRaisesRegexp(ValueError, "<TF 1.x's words>")``
(Sonnet 1: an integer layer with the default float initializers must fail with "Expected floating point
type"). The error is raised in the same case as in TF 1.x, only its words changed, so under ``legacy``
the check raises TF 1.x's text (the same in TF 1.3.0 and 1.15.5):
- ``init_ops`` / ``init_ops_v2``'s ``_assert_float_dtype(dtype)``: "Expected floating point type, got
  <dtype>." (2.21: "Argument `dtype` is expected to be floating point. Received: ...").
``install()`` sets them by post-import hooks, so nothing is imported early.
"""


def _assert_float_dtype(dtype):
    """TF 1.x's check of an initializer's ``dtype`` (a ``tf.DType``): returned when floating, else the error."""
    if not dtype.is_floating:
        raise ValueError("Expected floating point type, got %s." % dtype)
    return dtype


def _tf1_float_check(module):
    # the initializers look the function up in their module when called: replacing it there is enough
    module._assert_float_dtype = _assert_float_dtype  # noqa: SLF001


def install():
    """Register the hooks (idempotent through post_import: a module's hooks run once)."""
    from .. import post_import

    for name in ("tensorflow.python.ops.init_ops", "tensorflow.python.ops.init_ops_v2"):
        post_import.when_imported(name, _tf1_float_check)
