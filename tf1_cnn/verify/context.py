"""Where verify finds the files some published numbers need."""
from dataclasses import dataclass
from pathlib import Path

from ..data_paths import resolve_data_dir


@dataclass
class Context:
    """data_dir: the course-layout folder (train_signs.h5, test_signs.h5);
    weights: an explicit path to the course's ResNet50.h5."""

    data_dir: Path
    weights: Path | None = None

    @classmethod
    def from_args(cls, data_dir=None, weights=None):
        return cls(resolve_data_dir(data_dir), Path(weights) if weights else None)

    def find(self, name):
        """Path of a needed file, or None when it is not here."""
        if name == "ResNet50.h5" and self.weights is not None:
            return self.weights if self.weights.is_file() else None
        p = self.data_dir / name
        return p if p.is_file() else None
