"""Imports the protoc 3-style tf1cnn_era_point_pb2 and uses its public names (runs on protobuf 3.x and
under ``legacy`` on protobuf 5+: the printed lines must be equal)."""
import tf1cnn_era_point_pb2 as pb

p = pb.Point(x=3, y=-4, kind=pb.Point.CORNER, tags=[pb.Point.Tag(name="a"), pb.Point.Tag(name="b")])
data = p.SerializeToString()
q = pb.Point.FromString(data)
print("roundtrip", q.x, q.y, q.kind, [t.name for t in q.tags], q == p, len(data))
print("enums", pb.RED, pb.GREEN, pb.Color.Name(1), pb.Color.Value("RED"), pb.Point.Kind.Name(1), pb.Point.ORIGIN)
print("descriptors", pb.DESCRIPTOR.name, pb.DESCRIPTOR.package, pb._POINT.full_name, pb._POINT_TAG.full_name,
      pb._POINT_KIND.full_name, pb._COLOR.full_name, pb.Point.DESCRIPTOR is pb._POINT,
      sorted(pb.DESCRIPTOR.message_types_by_name))
print("fields", [(f.name, f.number, f.type) for f in pb._POINT.fields])
print("text", str(q).replace("\n", "|"))
print("module", pb.Point.__module__, pb.Point.Tag.__name__)
