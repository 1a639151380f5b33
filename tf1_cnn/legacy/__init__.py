"""Run unmodified TF1 scripts: ``python -m tf1_cnn legacy SCRIPT [ARGS...]``."""
