"""``tf.train.Saver``'s save and restore ops as TF 1.3.0 / 1.4.1 / 1.15.5 built them.

A Saver built without a ``builder`` gets TensorFlow's ``BulkSaverBuilder``; ``install()`` puts a
subclass in its place that builds, in graph mode, what the oracles built (op-table cases ``saver_*``):

- the filename (TF 1.3.0, 1.4.1): one ``Const`` named ``save/Const``. TF 1.15.5 and 2.21 build
  ``save/filename/input``, ``save/filename`` and ``save/Const`` (two PlaceholderWithDefault);
- the restore (TF 1.3.0, 1.4.1): one ``RestoreV2`` per saved tensor (``RestoreV2``, ``RestoreV2_1``,
  ... with their ``tensor_names`` / ``shape_and_slices`` Consts), each followed by the assign of its
  variable. TF 1.15.5 and 2.21 read every tensor with one RestoreV2, then assign;
- a sharded save (``sharded=True``: the Estimator's and MonitoredTrainingSession's Scaffold), every
  TF 1.x version: the temporary prefix is the user's prefix joined to the Python string
  ``"_temp_<uuid4 hex>/part"`` (``StringJoin/inputs_1``, a Const). TF 2.21 chooses the suffix in the
  graph (``StaticRegexFullMatch`` of ``^s3://``, two Consts, ``Select``);
- the grouping of a sharded save by device (every TF 1.x version) asks each tensor to save for its
  device, which builds a resource variable's read (``save/Read/ReadVariableOp``, its ``Identity``
  and the copy's ``Identity_1``) before the save ops; TF 2.21 groups by the recorded device and
  builds no op there.

The checkpoint files are those of TF 2.21's builder (SaveV2 / MergeV2Checkpoints write the same
bundle; the temporary folder is removed by the merge), so checkpoints go both ways between TF 1.x
and the runtime. Eager execution and a version not named above keep TensorFlow's builder.
"""
import collections
import uuid

from tensorflow.core.protobuf import saver_pb2
from tensorflow.python.eager import context
from tensorflow.python.framework import constant_op, ops
from tensorflow.python.framework import device as pydev
from tensorflow.python.ops import array_ops, control_flow_ops, gen_io_ops, resource_variable_ops, string_ops
from tensorflow.python.training.saving import saveable_object_util

from ... import settings
from ._wrapping import wrap

_CONST_FILENAME = ("1.3", "1.4")  # versions whose filename was a Const and whose restore was per tensor


def _version():
    return None if context.executing_eagerly() else settings.current("tf1_version")


def saver_builder_1x(original):
    """A subclass of ``original`` (TF 2.21's ``BulkSaverBuilder``) building TF 1.x's graph in graph mode."""

    class SaverBuilder1x(original):
        """TF 1.x's save / restore ops (see the module docstring); the checkpoints are TF 2.21's."""

        def _build_internal(self, names_to_saveables, reshape=False, sharded=False, max_to_keep=5,
                            keep_checkpoint_every_n_hours=10000.0, name=None, restore_sequentially=False,
                            filename="model", build_save=True, build_restore=True):
            if _version() not in _CONST_FILENAME:
                return super()._build_internal(
                    names_to_saveables, reshape=reshape, sharded=sharded, max_to_keep=max_to_keep,
                    keep_checkpoint_every_n_hours=keep_checkpoint_every_n_hours, name=name,
                    restore_sequentially=restore_sequentially, filename=filename, build_save=build_save,
                    build_restore=build_restore)
            # TF 1.3.0 / 1.4.1 in graph mode: save and restore are built together (1.4.1 raised otherwise)
            if not build_save or not build_restore:
                raise ValueError("Graph mode needs to build save and restore together.")
            if not isinstance(names_to_saveables, dict):
                names_to_saveables = saveable_object_util.op_list_to_dict(names_to_saveables)
            saveables = saveable_object_util.validate_and_slice_inputs(names_to_saveables)
            with ops.name_scope(name, "save", [saveable.op for saveable in saveables]):
                # the filename a Const (save/Const), fed by Saver.save / restore
                filename_tensor = constant_op.constant(filename or "model")
                if sharded:
                    per_device = self._GroupByDevices(saveables)
                    save_tensor = self._AddShardedSaveOps(filename_tensor, per_device)
                    restore_op = self._AddShardedRestoreOps(filename_tensor, per_device, restore_sequentially,
                                                            reshape)
                else:
                    save_tensor = self._AddSaveOps(filename_tensor, saveables)
                    restore_op = self._AddRestoreOps(filename_tensor, saveables, restore_sequentially, reshape)
            return saver_pb2.SaverDef(
                filename_tensor_name=filename_tensor.name, save_tensor_name=save_tensor.name,
                restore_op_name=restore_op.name, max_to_keep=0 if max_to_keep is None else max_to_keep,
                sharded=sharded, keep_checkpoint_every_n_hours=keep_checkpoint_every_n_hours,
                version=self._write_version)

        def _AddRestoreOps(self, filename_tensor, saveables, restore_sequentially, reshape, preferred_shard=-1,
                           name="restore_all"):
            if _version() not in _CONST_FILENAME:
                return super()._AddRestoreOps(filename_tensor, saveables, restore_sequentially, reshape,
                                              preferred_shard=preferred_shard, name=name)
            # TF 1.3.0 / 1.4.1: per saveable its own RestoreV2 (on its device's CPU), then its assign
            assigns = []
            for saveable in saveables:
                after = assigns[-1:] if restore_sequentially else []
                device = saveable_object_util.set_cpu0(saveable.device) if saveable.device else None
                with ops.device(device), ops.control_dependencies(after):
                    tensors = self.restore_op(filename_tensor, saveable, preferred_shard)
                    assigns.append(saveable.restore(tensors, _restored_shapes(saveable) if reshape else None))
            return control_flow_ops.group(*assigns, name=name)

        def _AddShardedSaveOpsForV2(self, checkpoint_prefix, per_device):
            if _version() is None:
                return super()._AddShardedSaveOpsForV2(checkpoint_prefix, per_device)
            # TF 1.x: a per-Saver temporary folder named in Python (one Const joined to the prefix)
            temporary = string_ops.string_join([checkpoint_prefix, "_temp_%s/part" % uuid.uuid4().hex])
            num_shards = constant_op.constant(len(per_device), name="num_shards")
            prefixes, saves, last_device = [], [], None
            for shard, (device, saveables) in enumerate(per_device):
                last_device = device
                with ops.device(saveable_object_util.set_cpu0(device)):
                    prefix = self.sharded_filename(temporary, shard, num_shards)
                    prefixes.append(prefix)
                    saves.append(self._AddSaveOps(prefix, saveables))
            with ops.control_dependencies([s.op for s in saves]):
                with ops.device(saveable_object_util.set_cpu0(last_device)):
                    # the merge writes the user's prefix and removes the temporary folder
                    merge = gen_io_ops.merge_v2_checkpoints(prefixes, checkpoint_prefix, delete_old_dirs=True)
                    with ops.control_dependencies([merge]):
                        return array_ops.identity(checkpoint_prefix)  # the prefix, without the suffix

        def save_op(self, filename_tensor, saveables):
            if _version() is not None:
                _tf1_reads(saveables)
            return super().save_op(filename_tensor, saveables)

        def _GroupByDevices(self, saveables):
            if _version() is None:
                return super()._GroupByDevices(saveables)
            # TF 1.x read each tensor's device: a resource variable's read is built here
            _tf1_reads(saveables)
            per_device = collections.defaultdict(list)
            for saveable in saveables:
                devices = {pydev.canonical_name(spec.tensor.device) for spec in saveable.specs}
                if len(devices) != 1:
                    raise ValueError("All tensors of a saveable object must be on the same device: %s"
                                     % saveable.name)
                per_device[devices.pop()].append(saveable)
            return sorted(per_device.items(), key=lambda item: item[0])

    SaverBuilder1x.__name__ = SaverBuilder1x.__qualname__ = "BulkSaverBuilder"
    SaverBuilder1x._tf1_cnn_original = original
    return SaverBuilder1x


def _tf1_reads(saveables):
    """Give each resource variable's spec TF 1.4.1-1.15.5's read (``read_value()``: ReadVariableOp, Identity,
    then the CPU copy's Identity); TF 2.21 reads without a copy (DisableCopyOnRead first)."""
    for saveable in saveables:
        if not resource_variable_ops.is_resource_variable(saveable.op):
            continue
        for spec in saveable.specs:
            if callable(spec._tensor) and not hasattr(spec._tensor, "_tf1_cnn_read"):
                spec._tensor = _read_1x(saveable.op)


def _read_1x(variable):
    """() -> the value to save of a resource variable, as TF 1.15.5's saveable read it."""
    def read():
        with ops.device(variable.device):
            value = variable.read_value()
            with ops.device("/device:CPU:0"):  # variables on other devices are saved from the host
                return array_ops.identity(value)

    read._tf1_cnn_read = True
    return read


def _restored_shapes(saveable):
    """The shape each restored tensor takes (``reshape=True``): static where known, else its Shape op."""
    shapes = []
    for spec in saveable.specs:
        shape = spec.tensor.get_shape()
        shapes.append(shape if shape.is_fully_defined() else array_ops.shape(spec.tensor))
    return shapes


def install():
    """The Saver's default builder for the process (idempotent)."""
    from tensorflow.python.training import saver as saver_lib

    wrap(saver_lib, "BulkSaverBuilder", saver_builder_1x)
