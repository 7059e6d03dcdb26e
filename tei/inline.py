"""Paragraph text -> inline nodes: transcriber remarks, Markdown emphasis, corrections, editor insertions.

Remarks are recognised only through the conventions registry; anything unrecognised stays text and is
reported (text.unknown-remark), so nothing is ever dropped.
"""
from __future__ import annotations

import re

from .conventions import LANGUAGES, match_remark
from .errors import Warning_
from .model import Deletion, Emphasis, Insertion, Remark, Substitution, merge_strings

# Markdown of the whitehouse.gov archive: strike-through, escaped brackets, emphasis, backslash escapes.
_MD_TOKEN = re.compile(
    r"<s>(?P<del>.*?)</s>"
    r"|\\\[(?P<esc_ins>[^\[\]]*?)\\?\]"
    r"|(?<![\w*\\])\*(?=\S)(?P<em>[^*]+?)(?<=\S)\*(?![\w*])"
    r"|(?P<rest>.)", re.DOTALL)
_TOKEN = re.compile(
    r"\((?P<paren>[^()\n]{1,200})\)"
    r"|\[(?P<brack>[^\[\]\n]{1,300}?)\\?\]")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>|~])")


def unescape(text: str) -> str:
    return _ESCAPE.sub(r"\1", text)


# The characters any inline syntax starts with: a paragraph without one (most of them) is one string.
_REMARK_START = re.compile(r"[()\[\]]")
_MARKDOWN_START = re.compile(r"[()\[\]<\\*]")


def parse(text: str, line: int, markdown: bool, warnings: list[Warning_]) -> list:
    """Inline nodes of one paragraph."""
    if not (_MARKDOWN_START if markdown else _REMARK_START).search(text):
        return [text] if text else []   # what the parse below makes of it, no remark, nothing unbalanced
    nodes = _markdown(text, line, warnings) if markdown else _remarks(text, line, warnings)
    _check_balance(nodes, text, line, warnings)
    return merge_strings(nodes)


def _markdown(text: str, line: int, warnings: list[Warning_]) -> list:
    nodes: list = []
    buf: list[str] = []

    def flush():
        if buf:
            nodes.extend(_remarks(unescape("".join(buf)), line, warnings))
            buf.clear()

    for m in _MD_TOKEN.finditer(text):
        if m.group("rest") is not None:
            buf.append(m.group("rest"))
            continue
        flush()
        if m.group("del") is not None:
            nodes.append(Deletion(_remarks(unescape(m.group("del")), line, warnings)))
        elif m.group("esc_ins") is not None:
            nodes.append(_bracketed(unescape(m.group("esc_ins")), line, warnings))
        else:
            nodes.append(Emphasis(_remarks(unescape(m.group("em")), line, warnings)))
    flush()
    return _pair_corrections(nodes)


def _pair_corrections(nodes: list) -> list:
    """markup.correction: a struck-through word followed (across spaces only) by a bracketed insertion is one
    correction, <s>Johnson</s> \\[Thompson\\]: a Substitution. A deletion or insertion alone stays as it is."""
    out: list = []
    i = 0
    while i < len(nodes):
        node = nodes[i]
        if isinstance(node, Deletion) and i + 1 < len(nodes):
            nxt, sep = nodes[i + 1], ""
            if isinstance(nxt, str) and not nxt.strip() and i + 2 < len(nodes):
                nxt, sep = nodes[i + 2], nxt
            if isinstance(nxt, Insertion):
                out.append(Substitution([node, nxt], sep))
                i += 3 if sep else 2
                continue
        out.append(node)
        i += 1
    return out


def _remarks(text: str, line: int, warnings: list[Warning_]) -> list:
    nodes: list = []
    pos = 0
    for m in _TOKEN.finditer(text):
        nodes.append(text[pos:m.start()])
        pos = m.end()
        if m.group("paren") is not None:
            nodes.append(_parenthetical(m.group("paren"), m.group(0), line, warnings))
        else:
            nodes.append(_bracketed(m.group("brack"), line, warnings))
    nodes.append(text[pos:])
    return [n for n in nodes if n != ""]


def _parenthetical(inner: str, printed: str, line: int, warnings: list[Warning_]):
    found = match_remark(inner)
    if found is None:
        warnings.append(Warning_(line, "text.unknown-remark", f"unknown parenthetical kept as text: {printed}"))
        return printed
    conv, m = found
    lang = _language_of(conv, m, line, printed, warnings)
    if conv.element == "foreign-gap" and lang is None:
        return printed
    return Remark(conv, inner, "(", lang)


def _bracketed(inner: str, line: int, warnings: list[Warning_]):
    found = match_remark(inner)
    if found is not None:
        conv, m = found
        lang = _language_of(conv, m, line, f"[{inner}]", warnings)
        if conv.element != "foreign-gap" or lang:
            return Remark(conv, inner, "[", lang)
    return Insertion(_remarks(inner, line, warnings) if "(" in inner else [inner])


def _language_of(conv, m, line, printed, warnings) -> str | None:
    if "lang" not in conv.regex.groupindex or not m.group("lang"):
        return None
    name = m.group("lang").lower()
    code = LANGUAGES.get(name)
    if code is None:
        warnings.append(Warning_(line, "gap.foreign", f"unknown language {name!r} in {printed}; kept as text"))
    return code


def _check_balance(nodes: list, text: str, line: int, warnings: list[Warning_]) -> None:
    loose = "".join(n for n in nodes if isinstance(n, str))
    for open_, close in ("()", "[]"):
        if loose.count(open_) != loose.count(close):
            warnings.append(Warning_(line, "text.unknown-remark",
                                     f"unbalanced {open_}{close} kept as text: {_excerpt(text, open_, close)}"))


def _excerpt(text: str, open_: str, close: str) -> str:
    i = text.find(open_) if text.count(open_) > text.count(close) else text.find(close)
    return text[max(0, i - 10): i + 40].strip()
