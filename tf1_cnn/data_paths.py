"""Where the course's data files are looked for.

The course-layout data dir (the folder holding train_signs.h5 and
test_signs.h5) is an explicit argument, else ``$TF1_CNN_DATA``, else
``./datasets`` (the course notebooks' own relative path).
"""
import os
from pathlib import Path

ENV_VAR = "TF1_CNN_DATA"
DEFAULT_DIR = "datasets"

COURSE_FILES_HINT = (
    "train_signs.h5 and test_signs.h5 come with the deep-learning course's "
    "'Convolution model - Application' assignment (its datasets/ folder); "
    "point --data-dir or TF1_CNN_DATA at the folder holding them")


def resolve_data_dir(explicit=None):
    """The data dir: ``explicit``, else $TF1_CNN_DATA, else ./datasets (not checked to exist)."""
    if explicit:
        return Path(explicit)
    env = os.environ.get(ENV_VAR)
    return Path(env) if env else Path(DEFAULT_DIR)


def looked_in(explicit=None):
    """Say where the data dir came from, for error messages."""
    if explicit:
        return f"{explicit} (--data-dir)"
    if os.environ.get(ENV_VAR):
        return f"{os.environ[ENV_VAR]} (${ENV_VAR})"
    return f"{Path(DEFAULT_DIR).resolve()} (default ./{DEFAULT_DIR}; set --data-dir or ${ENV_VAR})"
