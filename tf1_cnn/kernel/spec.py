"""The ``tf1`` kernelspec: written by ipykernel, installed, found and removed by jupyter_client.

A kernelspec is a folder holding ``kernel.json`` (and ipykernel's logos). Ours is
ipykernel's own ``get_kernel_dict()`` with the launch command pointed at
``python -m tf1_cnn.kernel`` (same interpreter, ``sys.executable``), the runtime's two
choices on that command line, and, when the project runs from a checkout rather than
from site-packages, the checkout's folder first on the kernel's ``PYTHONPATH``
(jupyter_client fills ``${PYTHONPATH}`` from the environment the kernel starts in).
"""
import json
import os
import site
import tempfile
from pathlib import Path

from ..errors import UserError

MODULE = "tf1_cnn.kernel"
DISPLAY_NAME = "TensorFlow 1.x (tf1-cnn)"
DEFAULT_NAME = "tf1"


def project_root():
    """The folder that holds the ``tf1_cnn`` package (a checkout, or site-packages)."""
    return Path(__file__).resolve().parent.parent.parent


def _installed_in_site_packages():
    dirs = [Path(p).resolve() for p in [*site.getsitepackages(), site.getusersitepackages()] if p]
    return project_root() in dirs


def display_name(seed_rule, tf1_version):
    from ..compat.settings import DEFAULTS

    extra = [f"TF {tf1_version}"] if tf1_version != DEFAULTS["tf1_version"] else []
    extra += [f"{seed_rule} seed rule"] if seed_rule != DEFAULTS["seed_rule"] else []
    return DISPLAY_NAME if not extra else DISPLAY_NAME[:-1] + ", " + ", ".join(extra) + ")"


def kernel_dict(seed_rule, tf1_version, env=None, numpy_print=None):
    """kernel.json's content (ipykernel's, launching ``python -m tf1_cnn.kernel``)."""
    from ipykernel.kernelspec import get_kernel_dict, make_ipkernel_cmd

    spec = get_kernel_dict()
    extra = ["--seed-rule", seed_rule, "--tf1-version", tf1_version]
    extra += ["--numpy-print", numpy_print] if numpy_print and numpy_print != "auto" else []
    spec["argv"] = make_ipkernel_cmd(mod=MODULE, extra_arguments=extra)
    spec["display_name"] = display_name(seed_rule, tf1_version)
    spec["env"] = dict(env or {})
    if not _installed_in_site_packages():  # run from a checkout: the kernel must find tf1_cnn
        spec["env"]["PYTHONPATH"] = f"{project_root()}{os.pathsep}${{PYTHONPATH}}"
    spec.setdefault("metadata", {})["tf1_cnn"] = {"seed_rule": seed_rule, "tf1_version": tf1_version,
                                                  "numpy_print": numpy_print or "auto"}
    return spec


def kernel_spec(seed_rule, tf1_version, env=None, numpy_print=None):
    """An in-memory jupyter_client KernelSpec of the kernel (what ``legacy NB`` launches)."""
    from jupyter_client.kernelspec import KernelSpec

    return KernelSpec(resource_dir="", **kernel_dict(seed_rule, tf1_version, env, numpy_print))


def is_ours(spec):
    """Whether a kernel.json dict launches this project's kernel."""
    argv = list(spec.get("argv") or [])
    return any(a == "-m" and b == MODULE for a, b in zip(argv, argv[1:]))


def kernels_dir(user=False, prefix=None):
    """Where jupyter_client installs a kernelspec (the same rule as ``jupyter kernelspec install``)."""
    from jupyter_core.paths import SYSTEM_JUPYTER_PATH, jupyter_data_dir

    if user:
        return Path(jupyter_data_dir()) / "kernels"
    if prefix:
        return Path(prefix) / "share" / "jupyter" / "kernels"
    return Path(SYSTEM_JUPYTER_PATH[0]) / "kernels"


def _manager(prefix=None):
    from jupyter_client.kernelspec import KernelSpecManager

    ksm = KernelSpecManager()
    if prefix:  # a --prefix install is found there (Jupyter itself needs JUPYTER_PATH=PREFIX/share/jupyter)
        ksm.kernel_dirs = [str(kernels_dir(prefix=prefix)), *ksm.kernel_dirs]
    return ksm


def install(name=DEFAULT_NAME, user=False, prefix=None, seed_rule=None, tf1_version=None, force=False,
            numpy_print=None):
    """Install the kernelspec NAME; returns its folder. A folder of another kernel is replaced only with force."""
    from ..compat.settings import DEFAULTS
    from jupyter_client.kernelspec import _is_valid_kernel_name

    if not _is_valid_kernel_name(name):
        raise UserError(f"--name {name!r}: a kernel name is letters, digits, '.', '_' and '-'")
    if prefix and Path(prefix).exists() and not Path(prefix).is_dir():
        raise UserError(f"--prefix {prefix}: not a folder")  # a missing one is created, as ipykernel does
    seed_rule, tf1_version = seed_rule or DEFAULTS["seed_rule"], tf1_version or DEFAULTS["tf1_version"]
    dest = kernels_dir(user, prefix) / name
    if (dest / "kernel.json").is_file() and not force:
        try:
            existing = json.loads((dest / "kernel.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            existing = {}
        if not is_ours(existing):
            raise UserError(f"{dest} holds another kernel ({existing.get('display_name', 'unreadable')}); "
                            "pass --force to replace it, or choose another --name")
    from ipykernel.kernelspec import write_kernel_spec
    from jupyter_client.kernelspec import KernelSpecManager

    with tempfile.TemporaryDirectory() as tmp:
        staged = write_kernel_spec(Path(tmp) / name, overrides=kernel_dict(seed_rule, tf1_version,
                                                                           numpy_print=numpy_print))
        try:
            return Path(KernelSpecManager().install_kernel_spec(staged, kernel_name=name, user=user, prefix=prefix))
        except OSError as exc:
            raise UserError(f"cannot install the kernel into {dest.parent}: {exc.strerror}") from None


def list_kernels(prefix=None):
    """[(name, folder, kernel.json dict)] of this project's installed kernels, by name."""
    found = []
    for name, entry in sorted(_manager(prefix).get_all_specs().items()):
        if is_ours(entry["spec"]):
            found.append((name, entry["resource_dir"], entry["spec"]))
    return found


def remove(name, prefix=None):
    """Remove this project's kernel NAME; returns the folder removed."""
    ksm = _manager(prefix)
    specs = ksm.find_kernel_specs()
    if name not in specs:
        raise UserError(f"no kernel named {name!r} (python -m tf1_cnn kernel list)")
    try:
        spec = json.loads((Path(specs[name]) / "kernel.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        spec = {}
    if not is_ours(spec):
        raise UserError(f"kernel {name!r} in {specs[name]} is not a tf1-cnn kernel; "
                        "`jupyter kernelspec remove` removes other kernels")
    try:
        return ksm.remove_kernel_spec(name)
    except OSError as exc:
        raise UserError(f"cannot remove {specs[name]}: {exc.strerror}") from None
