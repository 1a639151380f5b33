"""Op-table cases of a canned estimator's model_fn in training mode (LinearClassifier: its weights, the zero
fraction summaries, the loss and its optimizer). Python 3.6-compatible, TF 1.x API only (see op_cases.py)."""


def cases(base):
    def linear(tf, p):
        estimator = tf.estimator.LinearClassifier([tf.feature_column.numeric_column("f", shape=[6])], n_classes=4)
        spec = estimator.model_fn({"f": p["f"]}, p["labels"], tf.estimator.ModeKeys.TRAIN, estimator.config)
        return spec.loss, spec.train_op

    return [("estimator_linear_zero_fraction", linear)]
