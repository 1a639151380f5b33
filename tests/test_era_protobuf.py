"""protoc 3.0-3.11 generated ``*_pb2.py`` modules under ``legacy`` on protobuf 5+ (compat/era/protobuf.py).

The module under test, tests/legacy_scripts/era_protos/tf1cnn_era_point_pb2.py, is a protoc 3-style
module written for these tests; it imports on the TF 1.15 oracle's protobuf 3.20 as generated code of
the era did, and fails on the project's protobuf without the hook ("Descriptors cannot be created
directly").
"""
import subprocess

from tf1_cnn.compat.era import protobuf

from .helpers import ROOT, oracle_env, run_cli

PROTOS = ROOT / "tests" / "legacy_scripts" / "era_protos"
SCRIPT = PROTOS / "use_point.py"


def test_the_module_fails_on_this_protobuf_without_the_hook():
    proc = run_cli(str(SCRIPT), cwd=PROTOS)
    assert proc.returncode != 0
    assert "Descriptors cannot be created directly" in proc.stderr


def test_the_module_under_legacy_is_what_protobuf_3_gave(tf1_oracle):
    want = subprocess.run([tf1_oracle("1.15"), str(SCRIPT)], cwd=PROTOS, env=oracle_env(), capture_output=True,
                          text=True, timeout=300)
    assert want.returncode == 0, want.stderr
    got = run_cli("-m", "tf1_cnn", "legacy", "--no-report", str(SCRIPT), cwd=PROTOS)
    assert got.returncode == 0, got.stderr
    assert got.stdout == want.stdout
    assert "roundtrip 3 -4 1 ['a', 'b'] True 25" in got.stdout


def test_only_protoc3_modules_are_rebuilt():
    old = (PROTOS / "tf1cnn_era_point_pb2.py").read_text()
    assert protobuf.is_protoc3_module(old)
    from google.protobuf import descriptor_pb2  # today's generated code: AddSerializedFile + builder

    assert not protobuf.is_protoc3_module(open(descriptor_pb2.__file__).read())
    # protoc 3.12-3.19 passed create_key, which protobuf 5 still accepts: left to load as it is
    assert not protobuf.is_protoc3_module(old.replace("serialized_options=None,\n  serialized_pb",
                                                      "create_key=_descriptor._internal_create_key,\n  serialized_pb"))


def test_tensorflow_protobufs_keep_the_fast_backend():
    code = ("import tf1_cnn.compat as c; c.install()\n"
            "from google.protobuf.internal import api_implementation as a\n"
            "from tensorflow.core.framework import graph_pb2\n"
            "print(a.Type(), type(graph_pb2.GraphDef.DESCRIPTOR).__module__)\n")
    proc = run_cli("-c", code)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["upb", "google._upb._message"]
