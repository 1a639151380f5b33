"""Cost curves saved as PNG files (matplotlib's Agg backend: no screen needed)."""
import numpy as np

from .fileio import atomic_path


def plot_costs(costs, learning_rate, path, force=True, xlabel="epochs"):
    """Save the cost per epoch as a PNG titled with the learning rate, like the course's plot."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6, 4))
    ax.plot(np.squeeze(costs))
    ax.set_ylabel("cost")
    ax.set_xlabel(xlabel)
    ax.set_title("Learning rate =" + str(learning_rate))
    with atomic_path(path, force=force, suffix=".png") as tmp:
        fig.savefig(tmp, format="png", dpi=100)
    plt.close(fig)
