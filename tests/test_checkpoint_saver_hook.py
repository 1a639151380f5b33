"""compat/checkpoint_saver_hook.py: a MonitoredTrainingSession's first checkpoint after the first step under
TF 1.3 / 1.4, at session creation under 1.15 (both measured on the oracles: tests/test_printing_estimator_lines.py
runs the Estimator side through ``legacy``)."""
import pytest
import tensorflow as tf

from tf1_cnn.compat import checkpoint_saver_hook, settings

v1 = tf.compat.v1


@pytest.fixture(scope="module", autouse=True)
def installed():
    checkpoint_saver_hook.install()


@pytest.mark.parametrize("version, saved", [("1.3", [1, 3]), ("1.4", [1, 3]), ("1.15", [0, 3])])
def test_first_checkpoint_step(tmp_path, version, saved):
    with tf.Graph().as_default(), settings.using(tf1_version=version):
        step = v1.train.get_or_create_global_step()
        train = v1.assign_add(step, 1)
        with v1.train.MonitoredTrainingSession(checkpoint_dir=str(tmp_path), save_summaries_steps=None,
                                               log_step_count_steps=None) as sess:
            for _ in range(3):
                sess.run(train)
    assert sorted(int(p.name[len("model.ckpt-"):-len(".index")]) for p in tmp_path.glob("model.ckpt-*.index")) == saved
    assert (tmp_path / "graph.pbtxt").exists()  # written before the first step in every version
