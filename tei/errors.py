"""One exception tree for the library; the CLI maps each class to an exit code.

Exit codes (README, "Exit codes"): 0 ok, 1 invalid or failed documents, 2 usage, unreadable input or an
output that cannot be written, 130 interrupted.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:   # (annotations only: the light render path never imports pathlib, see tei/start.py)
    from pathlib import Path


class TeiEditionError(Exception):
    """Base class. `str(err)` is one line a person can act on."""

    exit_code = 1

    def __init__(self, message: str, *, path: str | Path | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return f"{where}{self.message}"


class InputError(TeiEditionError):
    """The input cannot be read as a transcript or TEI file (empty, binary, missing, unsafe XML)."""

    exit_code = 2


class UsageError(TeiEditionError):
    """Options that do not fit together, a bad metadata file, an unknown format."""

    exit_code = 2


class OutputError(TeiEditionError):
    """An output cannot be written (read-only folder, full disk, a folder where a file should go, a lock held
    by another build). The whole run stops: exit code 2."""

    exit_code = 2


class InvalidDocument(TeiEditionError):
    """A document was read but fails validation or a fidelity check."""

    exit_code = 1


class OverwriteRefused(TeiEditionError):
    """A hand-edited file would be replaced; needs --force."""

    exit_code = 1


def __getattr__(name: str):
    """Warning_ is made on first use (PEP 562): dataclasses, with inspect and ast, costs more to import than
    `render` of the seed takes, and every command imports this module."""
    if name != "Warning_":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from dataclasses import dataclass

    @dataclass(frozen=True)
    class Warning_:
        """A non-fatal finding of the converter, tied to a source line and a convention id."""

        line: int
        convention: str
        message: str

        def __str__(self) -> str:
            return f"line {self.line}: [{self.convention}] {self.message}"

    Warning_.__qualname__ = "Warning_"   # as if defined at the top level: repr and pickle name it so
    globals()["Warning_"] = Warning_
    return Warning_
