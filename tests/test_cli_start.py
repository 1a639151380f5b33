"""Commands that only parse (``--help``, ``verify --list``, flag errors) never import TensorFlow."""
import pytest

from .helpers import run_cli

CHECK = ("import sys, runpy\n"
         "sys.argv = {argv!r}\n"
         "try:\n"
         "    runpy.run_module({module!r}, run_name='__main__')\n"
         "except SystemExit:\n"
         "    pass\n"
         "print('TF_IMPORTED', 'tensorflow' in sys.modules)\n")


@pytest.mark.parametrize("module,argv", [
    ("tf1_cnn", ["tf1_cnn", "--help"]),
    ("tf1_cnn", ["tf1_cnn", "verify", "--list"]),
    ("tf1_cnn", ["tf1_cnn", "resnet50", "--help"]),
    ("tf1_cnn", ["tf1_cnn", "mnist-resnet", "--help"]),
    ("tf1_cnn", ["tf1_cnn", "legacy", "--help"]),
    ("tf1_cnn", ["tf1_cnn", "resnet50", "--epochs", "x"]),
])
def test_parsing_commands_do_not_import_tensorflow(module, argv):
    proc = run_cli("-c", CHECK.format(argv=argv, module=module))
    assert "TF_IMPORTED False" in proc.stdout, proc.stdout + proc.stderr


def test_run_signs_help_does_not_import_tensorflow():
    proc = run_cli("-c", "import sys\nsys.argv = ['run_signs.py', '--help']\nimport runpy\n"
                         "try:\n    runpy.run_path('run_signs.py', run_name='__main__')\nexcept SystemExit:\n    pass\n"
                         "print('TF_IMPORTED', 'tensorflow' in sys.modules)\n")
    assert "TF_IMPORTED False" in proc.stdout, proc.stdout + proc.stderr


def test_variant_names_match_the_convnet():
    from tf1_cnn.signs.cli import VARIANT_NAMES
    from tf1_cnn.signs.convnet import VARIANTS

    assert VARIANT_NAMES == tuple(VARIANTS)
