"""TensorBoard on what TF1 code writes under ``legacy``: a TF1 tutorial-style script (name scopes, a
scalar, a histogram and an image summary, the graph through ``tf.summary.FileWriter(logdir,
sess.graph)``) runs under ``legacy --tf1-version 1.3``; TensorBoard (the ``tensorboard`` package,
started as ``tensorboard --logdir`` on 127.0.0.1 and a free port, stopped in teardown) serves it, and
its HTTP data API gives back the scalar series the script printed, the histogram and image tags, and
the graph, whose node names are the ones real TF 1.3 builds for the same script (the oracle). Once,
headless Chromium opens the Graphs dashboard and finds the graph's name scopes drawn.
Every wait is bounded."""
import json
import os
import re
import shutil
import socket
import subprocess
import time
import urllib.parse
import urllib.request

import pytest

from .helpers import oracle_env, run_cli

SERVER_START = 90  # seconds for TensorBoard to serve the run (it imports TensorFlow)
SCOPES = ("conv1", "fc", "loss")

# Python 3.6-compatible TF 1.x code: it runs on real TF 1.3 too
SCRIPT = r'''
import sys
import numpy as np
import tensorflow as tf

logdir, names_file = sys.argv[1], sys.argv[2]
tf.set_random_seed(1)
x = tf.placeholder(tf.float32, [None, 8, 8, 1], name="x")
y = tf.placeholder(tf.float32, [None, 2], name="y")
with tf.name_scope("conv1"):
    W1 = tf.Variable(tf.truncated_normal([3, 3, 1, 4], stddev=0.1), name="W")
    h = tf.nn.relu(tf.nn.conv2d(x, W1, [1, 1, 1, 1], "SAME") + tf.Variable(tf.zeros([4]), name="b"))
    tf.summary.histogram("weights", W1)
with tf.name_scope("fc"):
    W2 = tf.Variable(tf.truncated_normal([256, 2], stddev=0.1), name="W")
    logits = tf.matmul(tf.reshape(h, [-1, 256]), W2)
with tf.name_scope("loss"):
    loss = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(labels=y, logits=logits))
    tf.summary.scalar("loss", loss)
tf.summary.image("input", x, max_outputs=2)
train = tf.train.GradientDescentOptimizer(0.5).minimize(loss)
merged = tf.summary.merge_all()
init = tf.global_variables_initializer()
rng = np.random.RandomState(0)
xs, ys = rng.rand(4, 8, 8, 1).astype(np.float32), np.eye(2)[[0, 1, 0, 1]]
with tf.Session() as sess:
    writer = tf.summary.FileWriter(logdir, sess.graph)
    sess.run(init)
    for step in range(4):
        summary, value, _ = sess.run([merged, loss, train], {x: xs, y: ys})
        writer.add_summary(summary, step)
        print("step %d loss %r" % (step, float(value)))
    writer.close()
with open(names_file, "w") as f:
    f.write("\n".join(n.name for n in tf.get_default_graph().as_graph_def().node))
'''


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(base, path, **query):
    url = f"{base}{path}" + (f"?{urllib.parse.urlencode(query)}" if query else "")
    with urllib.request.urlopen(url, timeout=30) as reply:
        return reply.read().decode()


@pytest.fixture(scope="module")
def board(tmp_path_factory):
    """(base URL, the run's folder, the losses it printed): TensorBoard serving a ``legacy`` run's events."""
    folder = tmp_path_factory.mktemp("tensorboard")
    (folder / "tutorial.py").write_text(SCRIPT)
    logdir = folder / "logs"
    proc = run_cli("-m", "tf1_cnn", "legacy", "--no-report", "--tf1-version", "1.3", "tutorial.py", str(logdir),
                   "names.txt", cwd=folder, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    losses = [float(v) for v in re.findall(r"step \d loss (\S+)", proc.stdout)]
    assert len(losses) == 4
    port = _free_port()
    log = open(folder / "tensorboard.log", "w")
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3")
    server = subprocess.Popen(
        [shutil.which("tensorboard") or "tensorboard", "--logdir", str(logdir), "--host", "127.0.0.1",
         "--port", str(port), "--load_fast", "false", "--reload_interval", "1"],
        cwd=folder, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + SERVER_START
        while True:  # until the run's scalars are loaded
            try:
                if "loss/loss" in _get(base, "/data/plugin/scalars/tags"):
                    break
            except OSError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                log.flush()
                pytest.fail(f"TensorBoard did not serve the run: {(folder / 'tensorboard.log').read_text()[-2000:]}")
            time.sleep(0.5)
        yield base, folder, losses
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


def _graph_names(base):
    graph = _get(base, "/data/plugin/graphs/graph", run=".", conceptual="false")
    return re.findall(r'^node \{\n  name: "([^"]+)"', graph, flags=re.M)


def test_tensorboard_serves_the_runs_scalars_histograms_images_and_graph(board):
    base, folder, losses = board
    assert json.loads(_get(base, "/data/runs")) == ["."]
    series = json.loads(_get(base, "/data/plugin/scalars/scalars", run=".", tag="loss/loss"))
    assert [step for _, step, _ in series] == [0, 1, 2, 3]
    assert [value for _, _, value in series] == pytest.approx(losses, rel=1e-6)  # float32 in the events
    assert "conv1/weights" in json.loads(_get(base, "/data/plugin/histograms/tags"))["."]
    images = json.loads(_get(base, "/data/plugin/images/tags"))["."]
    assert "input/image/0" in images and "input/image/1" in images, images  # max_outputs=2, TF 1.x's tags
    names = _graph_names(base)
    assert names == (folder / "names.txt").read_text().split("\n")  # the graph FileWriter wrote, in order
    assert {n.split("/")[0] for n in names} >= set(SCOPES)


@pytest.fixture(scope="module")
def tf13_names(tf1_oracle, tmp_path_factory):
    """The node names real TF 1.3.0 gives the same script's graph, in creation order."""
    folder = tmp_path_factory.mktemp("tf13")
    (folder / "tutorial.py").write_text(SCRIPT)
    proc = subprocess.run([tf1_oracle("1.3"), "tutorial.py", str(folder / "logs"), "names.txt"], cwd=folder,
                          capture_output=True, text=True, timeout=300, env=oracle_env())
    assert proc.returncode == 0, proc.stderr[-3000:]
    return (folder / "names.txt").read_text().split("\n")


def _model(names):
    """The model's nodes: what the script built, without the optimizer's gradient subgraph."""
    return [n for n in names if not n.startswith(("gradients/", "GradientDescent"))]


def test_the_graph_tensorboard_shows_is_tf13s(board, tf13_names):
    base, _, _ = board
    names = _graph_names(base)
    assert len(_model(names)) > 60 and _model(names) == _model(tf13_names)


def test_the_gradient_subgraph_tensorboard_shows_is_tf13s(board, tf13_names):
    """The whole graph, gradients included (gradients/Const + Fill, Reshape_grad's Shape, Conv2D_grad's
    two Shapes: TF 1.3.0's gradient structure, op_structure/gradients_1x.py)."""
    base, _, _ = board
    assert _graph_names(base) == tf13_names


@pytest.mark.slow
def test_the_graphs_dashboard_draws_the_name_scopes_in_a_browser(board):
    from .test_browser import CHROMIUM, CHROMIUM_ARGS, _need

    _need(f"no {CHROMIUM}", shutil.which(CHROMIUM))
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _need("no Python package playwright", False)
    base, _, _ = board
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, timeout=60_000)
        try:
            page = browser.new_page()
            page.goto(f"{base}/#graphs", timeout=60_000)
            labels = page.locator("css=text.nodelabel")  # the drawn nodes' labels (Playwright's CSS pierces shadow DOM)
            labels.first.wait_for(state="attached", timeout=60_000)
            # each label's own text (a <title> inside repeats it as the tooltip)
            drawn = set(labels.evaluate_all("els => els.map(e => (e.firstChild && e.firstChild.nodeValue || '').trim())"))
            assert drawn >= set(SCOPES), drawn  # the TF1 graph's name scopes, as boxes of the graph
        finally:
            browser.close()
