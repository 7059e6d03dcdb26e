"""The writers table: format name -> stylesheet, file suffix, parameters. XSLT 1.0 run by lxml.

Adding a format is one stylesheet in transforms/ (importing common.xsl) and one line in WRITERS.
Stylesheets are compiled once per process and run with file and network access denied. lxml is imported when
a stylesheet is first needed: the command line reads this table for its --help and option checks.
"""
from __future__ import annotations

from .errors import InputError, InvalidDocument, UsageError


class Writer:
    """One format. A plain class, not a dataclass: importing dataclasses (with inspect and ast) costs more than
    rendering the seed takes, and `render` imports this table first."""

    __slots__ = ("stylesheet", "suffix", "media_type", "params", "function", "default")

    def __init__(self, stylesheet: str, suffix: str, media_type: str, params: dict | None = None,
                 function: str | None = None, default: bool = True):
        self.stylesheet = stylesheet
        self.suffix = suffix                # appended to the edition's stem: NAME + suffix
        self.media_type = media_type
        self.params = params or {}
        self.function = function            # a Python writer (module.function) instead of a stylesheet
        self.default = default              # built by `build` unless --to says otherwise (PDF: opt-in)

    def __repr__(self) -> str:
        return f"Writer({', '.join(f'{k}={getattr(self, k)!r}' for k in self.__slots__)})"


WRITERS: dict[str, Writer] = {
    "html": Writer("html.xsl", ".html", "text/html"),
    "text": Writer("text.xsl", ".edition.txt", "text/plain", {"width": 0}),
    "markdown": Writer("markdown.xsl", ".edition.md", "text/markdown", function="frontmatter.render"),
    "tsv": Writer("", ".tsv", "text/tab-separated-values", function="tsvdata.render"),
    "json": Writer("", ".json", "application/json", function="jsondata.render"),
    # ParlaMint's per-utterance table: opt-in, the TSV's rows already carry every column it has from the TEI
    "meta": Writer("", "-meta.tsv", "text/tab-separated-values", function="tsvdata.render_meta", default=False),
    "pdf": Writer("", ".pdf", "application/pdf", function="pdf.render", default=False),
}
DEFAULT_FORMATS = [name for name, writer in WRITERS.items() if writer.default]

_compiled: dict[str, etree.XSLT] = {}


def stylesheet(name: str) -> etree.XSLT:
    from lxml import etree

    from . import resources, xmlio

    if name not in _compiled:
        path = resources.transform_file(name)
        _compiled[name] = etree.XSLT(xmlio.parse_resource(path), access_control=etree.XSLTAccessControl.DENY_ALL)
    return _compiled[name]


def transform(name: str, tree, what: str, **xslt_params) -> bytes:
    """One stylesheet applied (for a Python writer too: the Markdown edition's text); a failure is one line."""
    return bytes(_apply(name, tree, what, **xslt_params))


def _apply(name: str, tree, what: str, **xslt_params):
    from lxml import etree

    try:
        return stylesheet(name)(tree, **xslt_params)
    except etree.XSLTApplyError as err:
        raise InvalidDocument(f"rendering {what} failed: {err}") from None


def _python_writer(spec: str):
    import importlib

    module, name = spec.rsplit(".", 1)
    return getattr(importlib.import_module(f"tei.{module}"), name)


def render(tree, fmt: str, **params) -> bytes:
    """Render a (validated) TEI tree into one format; returns the bytes of the edition."""
    return render_with_tree(tree, fmt, **params)[0]


def render_with_tree(tree, fmt: str, **params):
    """(bytes, result tree): the stylesheet's result tree too, for a format made by a stylesheet (else None).
    The HTML word check reads the tree the bytes were serialised from instead of parsing them again."""
    if fmt not in WRITERS:
        raise UsageError(f"unknown format {fmt!r} (choose from {', '.join(WRITERS)})")
    from . import anytei, memo

    root = tree.getroot()   # (asked by each edition of a build: once per tree while texts are remembered)
    problem = memo.per_tree("kind_problem", root, lambda: anytei.kind_problem(root))
    if problem:  # even without the gate (--no-check): an empty edition of a non-TEI file helps no one
        raise InputError(f"not rendered: {problem}")
    writer = WRITERS[fmt]
    if writer.function:
        return _python_writer(writer.function)(tree), None
    from lxml import etree

    values = {**writer.params, **{k: v for k, v in params.items() if v is not None}}
    xslt_params = {k: etree.XSLT.strparam(v) if isinstance(v, str) else str(v) for k, v in values.items()}
    result = _apply(writer.stylesheet, tree, fmt, **xslt_params)
    data = bytes(result)
    if fmt == "html" and not data.startswith(b"<!DOCTYPE"):
        data = b"<!DOCTYPE html>\n" + data
    return data, result
