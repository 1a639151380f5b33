"""Generated protobuf modules of the era (``*_pb2.py`` from protoc 3.0-3.11) on protobuf 5+.

Sonnet 1 (``sonnet/protos/module_pb2.py``), AdaNet, Magenta and the Object Detection API ship
``*_pb2.py`` files that protoc 3.x generated. Such a file builds every descriptor by calling its
constructor (``_descriptor.Descriptor(name=..., fields=[...])``); protobuf 4+ (the upb and C++
backends) allow descriptors only from a pool, so importing it fails with "TypeError: Descriptors
cannot be created directly". Protobuf's own way out, ``PROTOCOL_BUFFERS_PYTHON_IMPLEMENTATION=python``,
switches the whole process, TensorFlow's protobufs included, to the pure-Python backend (several
times slower at parsing and serializing GraphDefs, checkpoints and summaries).

What is done instead, for such files only: each carries its whole ``.proto`` as a serialized
``FileDescriptorProto`` (``FileDescriptor(serialized_pb=...)``), which is all today's protoc puts in a
module too. An import hook recognises a protoc 3.0-3.11 module by its source (a ``FileDescriptor``
call without the ``create_key`` that protoc 3.12+ added, which protobuf 5 still accepts), runs the
module's own imports (its dependencies, registering their files first), adds the serialized file
to the default descriptor pool and builds the module with protobuf's ``builder`` (what modern
generated code calls): the same public names as protoc 3 gave (message classes with nested classes,
enum wrappers and values, ``DESCRIPTOR``, the ``_MESSAGE`` / ``_MESSAGE_NESTED`` descriptors,
extension fields, services), on the fast backend. The file's other generated statements (the
descriptor constructors) are not run. Every other module, TensorFlow's protobufs included, is
loaded as before; the hook reads a ``*_pb2.py`` file's source once when it is first imported.
"""
import ast
import importlib.abc
import importlib.machinery
import sys

_OLD_STYLE_MARK = "_descriptor.FileDescriptor("


def is_protoc3_module(source):
    """True for a protoc 3.0-3.11 generated module (descriptors built by constructors)."""
    return _OLD_STYLE_MARK in source and "serialized_pb=" in source and "_internal_create_key" not in source


def _literal_bytes(node, filename):
    """The bytes of ``serialized_pb=``: ``b'...'``, ``'...'`` or protoc 3's ``_b('...')`` (latin-1)."""
    if isinstance(node, ast.Call) and len(node.args) == 1 and not node.keywords:
        node = node.args[0]
    if isinstance(node, ast.Constant) and isinstance(node.value, bytes):
        return node.value
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value.encode("latin1")
    raise ImportError(f"{filename}: serialized_pb= is not a literal; cannot build this protoc 3 module")


def _parse(source, filename):
    """(the module's import statements, the serialized FileDescriptorProto) of a protoc 3 module."""
    tree = ast.parse(source, filename)
    imports = [node for node in tree.body if isinstance(node, (ast.Import, ast.ImportFrom))]
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr == "FileDescriptor"):
            for kw in node.keywords:
                if kw.arg == "serialized_pb":
                    return imports, _literal_bytes(kw.value, filename)
    raise ImportError(f"{filename}: no FileDescriptor(serialized_pb=...) found")


def build(module, source, filename):
    """Fill ``module`` (a fresh module named like the ``_pb2`` file) as protoc 3's code would have."""
    from google.protobuf import descriptor_pool, symbol_database
    from google.protobuf.internal import builder

    imports, serialized = _parse(source, filename)
    namespace = module.__dict__
    # the dependencies (``from google.protobuf import any_pb2 as ...``, sibling _pb2 modules): their
    # files enter the pool first, and the module keeps the names it imported (``_descriptor``, ...)
    exec(compile(ast.Module(body=imports, type_ignores=[]), filename, "exec"), namespace)
    descriptor = descriptor_pool.Default().AddSerializedFile(serialized)
    namespace["DESCRIPTOR"] = descriptor
    namespace["_sym_db"] = symbol_database.Default()
    namespace["_b"] = lambda text: text.encode("latin1")  # protoc 3's helper, kept for code that reuses it
    builder.BuildMessageAndEnumDescriptors(descriptor, namespace)
    builder.BuildTopDescriptorsAndMessages(descriptor, module.__name__, namespace)
    if descriptor.services_by_name:
        builder.BuildServices(descriptor, module.__name__, namespace)


class _Protoc3Loader(importlib.abc.Loader):
    def __init__(self, loader, source, filename):
        self._loader, self._source, self._filename = loader, source, filename

    def create_module(self, spec):
        return None  # the default module

    def exec_module(self, module):
        build(module, self._source, self._filename)

    def __getattr__(self, attr):  # get_source, is_package, ... of the wrapped loader
        return getattr(self._loader, attr)


class _Finder(importlib.abc.MetaPathFinder):
    """Finds ``*_pb2`` modules as the other finders do; a protoc 3 one gets the loader above."""

    def find_spec(self, name, path=None, target=None):
        if not name.endswith("_pb2"):
            return None
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(name, path, target)
            if spec is None:
                continue
            origin = spec.origin or ""
            if not origin.endswith(".py") or spec.loader is None:
                return spec
            try:
                with open(origin, encoding="utf-8", errors="replace") as f:
                    source = f.read()
            except OSError:
                return spec
            if is_protoc3_module(source):
                spec.loader = _Protoc3Loader(spec.loader, source, origin)
            return spec
        return None


_FINDER = _Finder()


def install():
    """Import protoc 3.0-3.11 ``*_pb2.py`` modules on this protobuf (idempotent)."""
    if _FINDER not in sys.meta_path:
        sys.meta_path.insert(0, _FINDER)
