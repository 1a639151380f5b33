"""``tf.train.FtrlOptimizer``'s slots and constants as TF 1.3.0-1.15.5 built them (every TF 1.x version).

TF 1.x (oracle, op-table cases ``opt_ftrl*``; the canned linear estimators' default optimizer) made each
``accum`` slot from one Const of its initial value (``Const`` in the caller's scope, colocated with the
variable), then the ``linear`` zeros slot; its ``_prepare`` converted the learning rate, ``l1``, ``l2``
(``l2_regularization_strength``), ``l2_shrinkage`` and ``learning_rate_power``. TF 2.21's v1 optimizer gives the
accumulator an initializer (``Initializer/ones``, ``mul/y``, ``Mul``) and adds ``beta`` with an adjusted l2
(``Maximum``, ``mul``, ``truediv``, ``add``, ``beta``). With ``beta`` 0 (TF 1.x had none) the adjusted l2 is l2,
so the update is the same. A nonzero ``beta`` and eager execution keep TensorFlow's own.
"""
import functools

from tensorflow.python.eager import context
from tensorflow.python.framework import constant_op, ops

from ._wrapping import wrap


def _tf1(optimizer):
    return not context.executing_eagerly() and not optimizer._beta


def create_slots_1x(original):
    """Wrap ``FtrlOptimizer._create_slots(self, var_list)``: accum from a Const of its initial value."""
    @functools.wraps(original)
    def _create_slots(self, var_list):
        if not _tf1(self):
            return original(self, var_list)
        for v in var_list:
            with ops.colocate_with(v):
                value = constant_op.constant(self._initial_accumulator_value, dtype=v.dtype.base_dtype,
                                             shape=v.get_shape())
                self._get_or_make_slot(v, value, "accum", self._accum_name or self._name)
                self._zeros_slot(v, "linear", self._linear_name or self._name)

    _create_slots._tf1_cnn_original = original
    return _create_slots


def prepare_1x(original):
    """Wrap ``FtrlOptimizer._prepare(self)``: TF 1.x's five constants; the update reads l2 as the adjusted l2."""
    @functools.wraps(original)
    def _prepare(self):
        if not _tf1(self):
            return original(self)
        self._learning_rate_tensor = ops.convert_to_tensor(self._learning_rate, name="learning_rate")
        self._l1_regularization_strength_tensor = ops.convert_to_tensor(
            self._l1_regularization_strength, name="l1_regularization_strength")
        self._l2_regularization_strength_tensor = ops.convert_to_tensor(
            self._l2_regularization_strength, name="l2_regularization_strength")
        self._adjusted_l2_regularization_strength_tensor = self._l2_regularization_strength_tensor  # beta 0
        self._l2_shrinkage_regularization_strength_tensor = ops.convert_to_tensor(
            self._l2_shrinkage_regularization_strength, name="l2_shrinkage_regularization_strength")
        self._learning_rate_power_tensor = ops.convert_to_tensor(self._learning_rate_power,
                                                                 name="learning_rate_power")

    _prepare._tf1_cnn_original = original
    return _prepare


def install():
    """Wrap the v1 FtrlOptimizer for the process (idempotent)."""
    from tensorflow.python.training import ftrl

    wrap(ftrl.FtrlOptimizer, "_create_slots", create_slots_1x)
    wrap(ftrl.FtrlOptimizer, "_prepare", prepare_1x)
