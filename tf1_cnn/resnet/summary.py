"""A Keras-like model summary of a graph built from ``tf1_cnn.resnet.layers``."""


def _shape(t):
    return "(" + ", ".join("None" if d is None else str(d) for d in t.shape.as_list()) + ")"


def counts(records):
    """(total, trainable, non-trainable) parameter counts."""
    total = sum(r.params for r in records)
    non_trainable = sum(r.non_trainable for r in records)
    return total, total - non_trainable, non_trainable


def summary_lines(records, title="ResNet50"):
    rows = [(f"{r.name} ({r.kind})", _shape(r.output), f"{r.params:,}") for r in records]
    w0 = max(34, *(len(r[0]) for r in rows)) + 2
    w1 = max(26, *(len(r[1]) for r in rows)) + 2
    lines = [f'Model: "{title}"', "_" * (w0 + w1 + 12), f"{'Layer (type)':<{w0}}{'Output Shape':<{w1}}Param #",
             "=" * (w0 + w1 + 12)]
    lines += [f"{a:<{w0}}{b:<{w1}}{c}" for a, b, c in rows]
    total, trainable, non_trainable = counts(records)
    lines += ["=" * (w0 + w1 + 12), f"Total params: {total:,}", f"Trainable params: {trainable:,}",
              f"Non-trainable params: {non_trainable:,}", "_" * (w0 + w1 + 12)]
    return lines
