"""tei-edition: plain-text speech transcripts -> TEI P5 -> validated -> rendered editions.

Library API (the CLI is a thin layer over these):

    tei.convert(source, meta=None, style=None)  -> Conversion  (TEI tree, bytes, report)
    tei.convert_file(path, out=None, ...)        -> Conversion  (writes atomically when `out` is given)
"""
__version__ = "0.1.0"

from .errors import InputError, InvalidDocument, TeiEditionError, UsageError  # noqa: E402

_LAZY = {"Conversion", "convert", "convert_file"}


def __getattr__(name: str):
    """The converter (and its language models) is imported on first use, not with the package: `render`,
    `validate` and `--help` never need it (PEP 562)."""
    if name in _LAZY:
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'tei' has no attribute {name!r}")

__all__ = ["__version__", "convert", "convert_file", "Conversion", "TeiEditionError", "InputError",
           "InvalidDocument", "UsageError"]
