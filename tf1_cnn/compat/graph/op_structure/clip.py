"""``tf.clip_by_global_norm`` as TF 1.3.0 / 1.4.1 and TF 1.15.5 built it.

The scale of every tensor is ``clip_norm * min(1 / global_norm, 1 / clip_norm)``. TF 1.3.0 / 1.4.1 used it as
is; TF 1.15.5 made it NaN where the norm was not finite with ``where(is_finite(norm), scale, NaN)``
(``IsFinite``, a NaN Const, ``Select``: op-table cases ``clip_by_global_norm*``, corpus script 38); TF 2.21
adds ``norm - norm`` (``sub``, ``add``). Then each tensor times the scale, under an Identity named
``<scope>_<i>`` (all versions). Eager execution keeps TensorFlow's own.
"""
import functools

from tensorflow.python.eager import context
from tensorflow.python.framework import constant_op, indexed_slices, ops
from tensorflow.python.ops import array_ops, math_ops

from ... import settings


def clip_by_global_norm_1x(original):
    """Wrap ``clip_ops.clip_by_global_norm(t_list, clip_norm, use_norm=None, name=None)`` ->
    (the tensors scaled, the global norm: a float scalar)."""
    @functools.wraps(original)
    def clip_by_global_norm(t_list, clip_norm, use_norm=None, name=None):
        version = settings.current("tf1_version")
        if context.executing_eagerly() or version not in ("1.3", "1.4", "1.15") \
                or not isinstance(t_list, (list, tuple)):
            return original(t_list, clip_norm, use_norm=use_norm, name=name)
        from tensorflow.python.ops import clip_ops

        t_list = list(t_list)
        if use_norm is None:
            use_norm = clip_ops.global_norm(t_list, name)
        with ops.name_scope(name, "clip_by_global_norm", t_list + [clip_norm]) as name:
            scale = clip_norm * math_ops.minimum(1.0 / use_norm,
                                                 constant_op.constant(1.0, dtype=use_norm.dtype) / clip_norm)
            if version == "1.15":  # NaN where the norm is inf or NaN
                scale = array_ops.where(math_ops.is_finite(use_norm), scale,
                                        constant_op.constant(float("nan"), dtype=use_norm.dtype))
            values = [ops.convert_to_tensor(t.values if isinstance(t, indexed_slices.IndexedSlices) else t,
                                            name="t_%d" % i) if t is not None else t for i, t in enumerate(t_list)]
            clipped = []
            for i, v in enumerate(values):
                if v is None:
                    clipped.append(None)
                    continue
                with ops.colocate_with(v):
                    clipped.append(array_ops.identity(v * scale, name="%s_%d" % (name, i)))
            return [indexed_slices.IndexedSlices(c, t.indices, t.dense_shape)
                    if isinstance(t, indexed_slices.IndexedSlices) else c for c, t in zip(clipped, t_list)], use_norm

    clip_by_global_norm._tf1_cnn_original = original
    return clip_by_global_norm


def install():
    """Wrap ``clip_ops.clip_by_global_norm`` and its exports for the process (idempotent)."""
    import tensorflow as tf
    from tensorflow.python.ops import clip_ops

    from ._wrapping import wrap_exported

    wrap_exported(clip_ops, "clip_by_global_norm", clip_by_global_norm_1x, (tf.compat.v1, tf.compat.v2, tf))
