"""A real browser once: JupyterLab on localhost, the tf1 kernel from a temporary prefix, a course-style
notebook run in headless Chromium (Debian's ``chromium``, driven by Playwright's Python package), and
the Z3 its last cell prints read from the page. Slow (a server, a browser, a kernel that imports
TensorFlow); every wait is bounded and the server and browser are stopped in teardown."""
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from tf1_cnn.legacy import check

from . import course_notebook
from .helpers import run_cli

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SERVER_START = 120      # seconds for JupyterLab to answer
RUN_ALL = 600           # seconds for the kernel to start (it imports TensorFlow) and run every cell

pytestmark = pytest.mark.slow


def _need(what, ok):
    if ok:
        return
    msg = f"{what} (apt-get install chromium; pip install jupyterlab playwright)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(msg)
    pytest.skip(msg)


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture()
def lab(tmp_path):
    """(base URL, token, folder): JupyterLab serving ``folder``, the tf1 kernel in a temporary prefix."""
    _need(f"no {CHROMIUM}", shutil.which(CHROMIUM))
    for module in ("jupyterlab", "playwright"):
        try:
            __import__(module)
        except ImportError:
            _need(f"no Python package {module}", False)
    (tmp_path / "prefix").mkdir()
    proc = run_cli("-m", "tf1_cnn", "kernel", "install", "--prefix", str(tmp_path / "prefix"))
    assert proc.returncode == 0, proc.stderr
    folder = tmp_path / "notebooks"
    folder.mkdir()
    # no stored outputs: the Z3 on the page can only come from this run
    course_notebook.write(folder / "course.ipynb", [(source, None) for source, _ in course_notebook.CELLS])
    port, token = _free_port(), "tf1-cnn-browser-test"
    env = dict(os.environ, JUPYTER_PATH=str(tmp_path / "prefix" / "share" / "jupyter"),
               JUPYTER_CONFIG_DIR=str(tmp_path / "config"), JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"),
               TF_CPP_MIN_LOG_LEVEL="3")
    env.pop("PYTHONPATH", None)  # the kernelspec alone finds tf1_cnn
    log = open(tmp_path / "jupyterlab.log", "w")
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", "--no-browser", "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}",
         "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={folder}",
         "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate", "--LabApp.extension_manager=readonly",
         f"--LabApp.user_settings_dir={tmp_path / 'settings'}", f"--LabApp.workspaces_dir={tmp_path / 'workspaces'}",
         *(["--allow-root"] if os.geteuid() == 0 else [])],  # CI runs as root
        cwd=folder, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + SERVER_START
        while True:
            try:
                urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=5).read()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"JupyterLab did not start: {(tmp_path / 'jupyterlab.log').read_text()[-2000:]}")
                time.sleep(1)
        yield base, token, folder
    finally:
        try:  # the server's own shutdown stops its kernels too
            req = urllib.request.Request(f"{base}/api/shutdown", method="POST",
                                         headers={"Authorization": f"token {token}"})
            urllib.request.urlopen(req, timeout=10).read()
        except OSError:
            pass
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait(timeout=10)
        log.close()


def test_course_notebook_runs_in_jupyterlab_and_prints_the_published_z3(lab, tmp_path):
    from playwright.sync_api import sync_playwright

    base, token, folder = lab
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.set_default_timeout(SERVER_START * 1000)
            page.goto(f"{base}/lab/tree/course.ipynb?token={token}")
            page.wait_for_selector(".jp-Notebook .jp-Cell")
            # the notebook names the tf1 kernel: JupyterLab starts it (its name shows in the toolbar)
            page.wait_for_selector(".jp-Toolbar >> text=TensorFlow 1.x (tf1-cnn)")
            page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
            page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()
            output = page.locator(".jp-OutputArea-output", has_text="Z3 =").first
            output.wait_for(timeout=RUN_ALL * 1000)
            text = output.inner_text()
            page.screenshot(path=str(tmp_path / "jupyterlab.png"))
        finally:
            browser.close()
    cmp = check.compare_text(text, course_notebook.Z3_TEXT)
    assert cmp.status == "match" and cmp.max_diff < 1e-6, (text, cmp)
