"""Build the float mode's kernels into TensorFlow op libraries, once per TensorFlow version and source.

``tf1_floats.cc`` (element-wise ops, reductions, cross-entropies, Adam) and ``tf1_conv_filter.cc``
(Conv2DBackpropFilter with TF 1.15's Eigen contraction) are two libraries: the second instantiates
Eigen's tensor contraction with its own block kernel, so it is built with hidden symbols, and no
other float contraction shares its instantiations.

The library goes to ``$TF1_CNN_CACHE/floats/`` (default ``~/.cache/tf1-cnn/floats/``) under a
name keyed by TensorFlow's version and a hash of the source, the compiler command and the flags,
so that a new TensorFlow or an edited source builds anew and an unchanged one loads at once.
The build runs on first use (``legacy --tf1-floats``, or ``python -m tf1_cnn.compat.floats.build``
as a set-up step); a missing compiler or a failed build raises :class:`BuildError` with a one-line
reason, and the caller runs without the mode.
"""
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

SOURCE = Path(__file__).with_name("tf1_floats.cc")
CONV_SOURCE = Path(__file__).with_name("tf1_conv_filter.cc")
# AVX without FMA, as TF 1.15.5's PyPI wheel was built; no contraction of a*b+c into an FMA (the
# conv kernel's fused multiply-adds are explicit, in functions compiled for FMA).
ARCH_FLAGS = ["-mavx", "-mno-fma", "-ffp-contract=off", "-O2"]
CONV_FLAGS = ARCH_FLAGS + ["-fvisibility=hidden", "-fvisibility-inlines-hidden"]


class BuildError(RuntimeError):
    """The library could not be built or loaded (message: one line, the reason)."""


def cache_dir():
    base = os.environ.get("TF1_CNN_CACHE") or os.path.join(os.path.expanduser("~"), ".cache", "tf1-cnn")
    return Path(base) / "floats"


def compiler():
    cxx = os.environ.get("CXX", "g++")
    path = shutil.which(cxx)
    if path is None:
        raise BuildError(f"no C++ compiler ({cxx!r} not found; install g++ or set CXX)")
    return path


def command(tf, out, source=SOURCE, flags=ARCH_FLAGS):
    cxx = compiler()
    return ([cxx, "-shared", "-fPIC", *flags, "-w", *tf.sysconfig.get_compile_flags(), str(source),
             "-o", str(out), *tf.sysconfig.get_link_flags()])


def library_path(tf, source=SOURCE, flags=ARCH_FLAGS, base=None):
    """Where the library for this TensorFlow and source lives (built or not)."""
    key = hashlib.sha1()
    key.update(source.read_bytes())
    key.update(" ".join(command(tf, "OUT", source, flags)).encode())
    return (base or cache_dir()) / f"tf{tf.__version__}-{key.hexdigest()[:16]}" / (source.stem + ".so")


def _cpu_flag(flag):
    """Whether /proc/cpuinfo lists ``flag`` (False where it cannot be read)."""
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("flags"):
                    return f" {flag} " in f" {line.split(':', 1)[1].strip()} "
    except OSError:
        pass
    return False


def cpu_has_avx():
    """TF 1.15's wheel ran its packets as AVX: without AVX there is nothing to reproduce."""
    return _cpu_flag("avx")


def cpu_has_avx512():
    """TF 1.15.5's conv filter gradient ran MKL-DNN's AVX-512 GEMM on such a CPU (the rule measured)."""
    return _cpu_flag("avx512f")


def build(tf, verbose=False):
    """The libraries' paths ([tf1_floats, tf1_conv_filter]), built now if needed (BuildError on failure)."""
    if not cpu_has_avx():
        raise BuildError("this CPU has no AVX (TF 1.15's CPU kernels used AVX packets)")
    from concurrent.futures import ThreadPoolExecutor

    # two compilers at once (each is one process): on a fresh machine the first use waits for the slower
    # of the two builds, not their sum
    with ThreadPoolExecutor(2) as pool:
        jobs = [pool.submit(build_library, tf, source, flags, cache_dir(), verbose)
                for source, flags in ((SOURCE, ARCH_FLAGS), (CONV_SOURCE, CONV_FLAGS))]
        return [job.result() for job in jobs]


def build_library(tf, source, flags, base, verbose=False):
    """``source`` compiled with ``flags`` against this TensorFlow into ``base`` (once; BuildError on
    failure); the library's path. Also builds the project's other kernels (contrib.seq2seq's GatherTree)."""
    out = library_path(tf, source, flags, base)
    if out.is_file():
        return out
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(suffix=".so", dir=out.parent)
    os.close(fd)
    cmd = command(tf, tmp, source, flags)
    if verbose:
        print("tf1-cnn: building " + " ".join(cmd), file=sys.stderr)
    try:
        res = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    except OSError as e:
        os.unlink(tmp)
        raise BuildError(f"the compiler did not start: {e}") from None
    if res.returncode != 0:
        os.unlink(tmp)
        first = next((l for l in res.stdout.splitlines() if "error" in l), res.stdout.strip()[-300:])
        raise BuildError(f"building {source.name} failed: {first}")
    os.chmod(tmp, 0o755)
    os.replace(tmp, out)  # atomic: a concurrent build of the same key writes the same bytes
    return out


def main():
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    import tensorflow as tf

    try:
        for path in build(tf, verbose=True):
            print(path)
    except BuildError as e:
        print(f"tf1-floats: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
