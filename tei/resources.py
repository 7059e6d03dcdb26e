"""Where the schemas, stylesheets and the seed transcript are: inside the wheel (tei/_data/) when installed,
at the top of the repository when run from a checkout (editable install)."""
from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_REPO = _PACKAGE.parent
SEED_NAME = "dod-2016-01-21-carter-ecole-militaire.txt"


def _first(*candidates: Path) -> Path:
    for c in candidates:
        if c.exists():
            return c
    return candidates[-1]


def schemas_dir() -> Path:
    return _first(_PACKAGE / "_data" / "schemas", _REPO / "schemas")


def transforms_dir() -> Path:
    return _first(_PACKAGE / "_data" / "transforms", _REPO / "transforms")


def seed_transcript() -> Path:
    return _first(_PACKAGE / "_data" / "seed" / SEED_NAME, _REPO / "editions" / SEED_NAME)
