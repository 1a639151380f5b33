"""compat/post_import.py: a hook runs after the module's first import, or at once if it is loaded."""
import subprocess
import sys
import textwrap

from .helpers import ROOT


def test_hook_runs_after_first_import_and_at_once_when_loaded(tmp_path):
    (tmp_path / "libx").mkdir()
    (tmp_path / "libx" / "__init__.py").write_text("VALUE = 1\nfrom . import sub\n")
    (tmp_path / "libx" / "sub.py").write_text("import libx\nSEEN = libx.VALUE\n")
    code = textwrap.dedent(f"""
        import sys
        sys.path[:0] = [{str(ROOT)!r}, {str(tmp_path)!r}]
        from tf1_cnn.compat.post_import import when_imported
        calls = []
        when_imported("libx", lambda m: calls.append(("after", m.VALUE, m.sub.SEEN)))
        assert calls == [] and "libx" not in sys.modules   # nothing imported by registering
        import libx
        assert calls == [("after", 1, 1)], calls            # once the package has executed
        import libx
        when_imported("libx", lambda m: calls.append(("now", m.VALUE)))
        assert calls == [("after", 1, 1), ("now", 1)], calls
        print("ok")
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "ok", out.stderr
