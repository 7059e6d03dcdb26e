"""tei-edition: plain-text speech transcripts -> TEI P5 -> validated -> rendered editions.

Library API (the CLI is a thin layer over these):

    tei.convert(source, meta=None, style=None)  -> Conversion  (TEI tree, bytes, report)
    tei.convert_file(path, out=None, ...)        -> Conversion  (writes atomically when `out` is given)
"""
__version__ = "0.1.0"

from .errors import InputError, InvalidDocument, TeiEditionError, UsageError  # noqa: E402
from .pipeline import Conversion, convert, convert_file  # noqa: E402

__all__ = ["__version__", "convert", "convert_file", "Conversion", "TeiEditionError", "InputError",
           "InvalidDocument", "UsageError"]
