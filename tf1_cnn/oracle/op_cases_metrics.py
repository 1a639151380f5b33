"""Op-table cases of tf.metrics: mean, weighted mean, mean_per_class_accuracy, auc, precision, recall. Python
3.6-compatible, TF 1.x API only (see op_cases.py); ``metrics_accuracy`` is in op_cases.py."""


def cases(base):
    def labels(tf, p):
        return tf.argmax(p["y"], 1)

    def predictions(tf, p):
        return tf.argmax(base._logits(tf, p), 1)

    return [
        ("metrics_mean", lambda tf, p: tf.metrics.mean(p["f"])),
        ("metrics_mean_weighted", lambda tf, p: tf.metrics.mean(p["f"], weights=p["f"])),
        ("metrics_mean_per_class_accuracy", lambda tf, p: tf.metrics.mean_per_class_accuracy(
            labels(tf, p), predictions(tf, p), 4)),
        ("metrics_precision_recall", lambda tf, p: (tf.metrics.precision(labels(tf, p), predictions(tf, p)),
                                                    tf.metrics.recall(labels(tf, p), predictions(tf, p)))),
        ("metrics_auc", lambda tf, p: tf.metrics.auc(tf.cast(p["labels"] > 0, tf.bool), tf.sigmoid(p["f"][:, 0]))),
    ]
