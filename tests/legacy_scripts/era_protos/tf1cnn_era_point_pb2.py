# A protoc 3.x-style generated module, written for tf1_cnn's tests (tests/test_era_protobuf.py) in the
# form protoc 3.0-3.11 emitted for this .proto (descriptors built by their constructors, no create_key):
#
#   syntax = "proto3";
#   package tf1cnn.era;
#   message Point {
#     enum Kind { ORIGIN = 0; CORNER = 1; }
#     message Tag { string name = 1; }
#     int32 x = 1; int32 y = 2; Kind kind = 3; repeated Tag tags = 4;
#   }
#   enum Color { RED = 0; GREEN = 1; }
#
# source: tf1cnn_era_point.proto

import sys
_b=sys.version_info[0]<3 and (lambda x:x) or (lambda x:x.encode('latin1'))
from google.protobuf.internal import enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from google.protobuf import reflection as _reflection
from google.protobuf import symbol_database as _symbol_database
# @@protoc_insertion_point(imports)

_sym_db = _symbol_database.Default()


DESCRIPTOR = _descriptor.FileDescriptor(
  name='tf1cnn_era_point.proto',
  package='tf1cnn.era',
  syntax='proto3',
  serialized_options=None,
  serialized_pb=_b('\x0a\x16tf1cnn_era_point.proto\x12\x0atf1cnn.era"\xb5\x01\x0a\x05Point\x12\x0c\x0a\x01x\x18\x01 \x01(\x05R\x01x\x12\x0c\x0a\x01y\x18\x02 \x01(\x05R\x01y\x12*\x0a\x04kind\x18\x03 \x01(\x0e2\x16.tf1cnn.era.Point.KindR\x04kind\x12)\x0a\x04tags\x18\x04 \x03(\x0b2\x15.tf1cnn.era.Point.TagR\x04tags\x1a\x19\x0a\x03Tag\x12\x12\x0a\x04name\x18\x01 \x01(\x09R\x04name"\x1e\x0a\x04Kind\x12\x0a\x0a\x06ORIGIN\x10\x00\x12\x0a\x0a\x06CORNER\x10\x01*\x1b\x0a\x05Color\x12\x07\x0a\x03RED\x10\x00\x12\x09\x0a\x05GREEN\x10\x01b\x06proto3')
)

_COLOR = _descriptor.EnumDescriptor(
  name='Color',
  full_name='tf1cnn.era.Color',
  filename=None,
  file=DESCRIPTOR,
  values=[
    _descriptor.EnumValueDescriptor(name='RED', index=0, number=0, serialized_options=None, type=None),
    _descriptor.EnumValueDescriptor(name='GREEN', index=1, number=1, serialized_options=None, type=None),
  ],
  containing_type=None,
  serialized_options=None,
  serialized_start=222,
  serialized_end=249,
)
_sym_db.RegisterEnumDescriptor(_COLOR)

Color = enum_type_wrapper.EnumTypeWrapper(_COLOR)
RED = 0
GREEN = 1


_POINT_KIND = _descriptor.EnumDescriptor(
  name='Kind',
  full_name='tf1cnn.era.Point.Kind',
  filename=None,
  file=DESCRIPTOR,
  values=[
    _descriptor.EnumValueDescriptor(name='ORIGIN', index=0, number=0, serialized_options=None, type=None),
    _descriptor.EnumValueDescriptor(name='CORNER', index=1, number=1, serialized_options=None, type=None),
  ],
  containing_type=None,
  serialized_options=None,
  serialized_start=190,
  serialized_end=220,
)
_sym_db.RegisterEnumDescriptor(_POINT_KIND)


_POINT_TAG = _descriptor.Descriptor(
  name='Tag',
  full_name='tf1cnn.era.Point.Tag',
  filename=None,
  file=DESCRIPTOR,
  containing_type=None,
  fields=[
    _descriptor.FieldDescriptor(
      name='name', full_name='tf1cnn.era.Point.Tag.name', index=0,
      number=1, type=9, cpp_type=9, label=1,
      has_default_value=False, default_value=_b("").decode('utf-8'),
      message_type=None, enum_type=None, containing_type=None,
      is_extension=False, extension_scope=None,
      serialized_options=None, json_name='name', file=DESCRIPTOR),
  ],
  extensions=[],
  nested_types=[],
  enum_types=[],
  serialized_options=None,
  is_extendable=False,
  syntax='proto3',
  extension_ranges=[],
  oneofs=[],
  serialized_start=163,
  serialized_end=188,
)

_POINT = _descriptor.Descriptor(
  name='Point',
  full_name='tf1cnn.era.Point',
  filename=None,
  file=DESCRIPTOR,
  containing_type=None,
  fields=[
    _descriptor.FieldDescriptor(
      name='x', full_name='tf1cnn.era.Point.x', index=0,
      number=1, type=5, cpp_type=1, label=1,
      has_default_value=False, default_value=0,
      message_type=None, enum_type=None, containing_type=None,
      is_extension=False, extension_scope=None,
      serialized_options=None, json_name='x', file=DESCRIPTOR),
    _descriptor.FieldDescriptor(
      name='y', full_name='tf1cnn.era.Point.y', index=1,
      number=2, type=5, cpp_type=1, label=1,
      has_default_value=False, default_value=0,
      message_type=None, enum_type=None, containing_type=None,
      is_extension=False, extension_scope=None,
      serialized_options=None, json_name='y', file=DESCRIPTOR),
    _descriptor.FieldDescriptor(
      name='kind', full_name='tf1cnn.era.Point.kind', index=2,
      number=3, type=14, cpp_type=8, label=1,
      has_default_value=False, default_value=0,
      message_type=None, enum_type=None, containing_type=None,
      is_extension=False, extension_scope=None,
      serialized_options=None, json_name='kind', file=DESCRIPTOR),
    _descriptor.FieldDescriptor(
      name='tags', full_name='tf1cnn.era.Point.tags', index=3,
      number=4, type=11, cpp_type=10, label=3,
      has_default_value=False, default_value=[],
      message_type=None, enum_type=None, containing_type=None,
      is_extension=False, extension_scope=None,
      serialized_options=None, json_name='tags', file=DESCRIPTOR),
  ],
  extensions=[],
  nested_types=[_POINT_TAG, ],
  enum_types=[_POINT_KIND, ],
  serialized_options=None,
  is_extendable=False,
  syntax='proto3',
  extension_ranges=[],
  oneofs=[],
  serialized_start=39,
  serialized_end=220,
)

_POINT_TAG.containing_type = _POINT
_POINT.fields_by_name['kind'].enum_type = _POINT_KIND
_POINT.fields_by_name['tags'].message_type = _POINT_TAG
_POINT_KIND.containing_type = _POINT
DESCRIPTOR.message_types_by_name['Point'] = _POINT
DESCRIPTOR.enum_types_by_name['Color'] = _COLOR
_sym_db.RegisterFileDescriptor(DESCRIPTOR)

Point = _reflection.GeneratedProtocolMessageType('Point', (_message.Message,), dict(

  Tag = _reflection.GeneratedProtocolMessageType('Tag', (_message.Message,), dict(
    DESCRIPTOR = _POINT_TAG,
    __module__ = 'tf1cnn_era_point_pb2'
    # @@protoc_insertion_point(class_scope:tf1cnn.era.Point.Tag)
    ))
  ,
  DESCRIPTOR = _POINT,
  __module__ = 'tf1cnn_era_point_pb2'
  # @@protoc_insertion_point(class_scope:tf1cnn.era.Point)
  ))
_sym_db.RegisterMessage(Point)
_sym_db.RegisterMessage(Point.Tag)


# @@protoc_insertion_point(module_scope)
