"""Where the schemas, stylesheets and the seed transcript are: inside the wheel (tei/_data/) when installed,
at the top of the repository when run from a checkout (editable install).

Found with os.path, on strings: `transform_file` serves the light render path (tei/start.py), which never
imports pathlib (about 4 ms of a process's start); the *_dir functions give Paths to everything else."""
from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

_PACKAGE = os.path.dirname(os.path.realpath(__file__))
_REPO = os.path.dirname(_PACKAGE)
SEED_NAME = "dod-2016-01-21-carter-ecole-militaire.txt"


def _first(*candidates: str) -> str:
    for c in candidates:
        if os.path.exists(c):
            return c
    return candidates[-1]


def _transforms() -> str:
    return _first(os.path.join(_PACKAGE, "_data", "transforms"), os.path.join(_REPO, "transforms"))


def transform_file(name: str) -> str:
    """A stylesheet's path, as a string."""
    return os.path.join(_transforms(), name)


def schemas_dir() -> Path:
    from pathlib import Path

    return Path(_first(os.path.join(_PACKAGE, "_data", "schemas"), os.path.join(_REPO, "schemas")))


def transforms_dir() -> Path:
    from pathlib import Path

    return Path(_transforms())


def seed_transcript() -> Path:
    from pathlib import Path

    return Path(_first(os.path.join(_PACKAGE, "_data", "seed", SEED_NAME), os.path.join(_REPO, "editions", SEED_NAME)))
