"""An independent word-sequence readback for the tests (it does not reuse tei.fidelity)."""
from __future__ import annotations

import re

from lxml import etree

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_SKIP = etree.XPath(
    "//t:text//text()[not(ancestor::*[(self::t:supplied or self::t:note or self::t:gap)"
    " and @resp='#tei-edition'])]", namespaces={"t": "http://www.tei-c.org/ns/1.0"})


def words(text: str) -> list[str]:
    return [w.replace("’", "'") for w in _WORD.findall(text)]


def source_words(raw: str) -> list[str]:
    text = raw.lstrip("\ufeff")
    if text.startswith("---"):
        end = re.search(r"^---\s*$", text[3:], re.M)
        text = text[3 + end.end():]
    # a <s>...</s> pair within a paragraph is Markdown strike-through; a lone or mismatched tag is text
    return words(re.sub(r"<s>((?:(?!\n[ \t]*\n).)*?)</s>", r" \1 ", text, flags=re.S))


_TEXT_OR_PAUSE = etree.XPath(
    "//t:text//text()[not(ancestor::*[(self::t:supplied or self::t:note or self::t:gap)"
    " and @resp='#tei-edition'])] | //t:text//t:pause[not(*)]", namespaces={"t": "http://www.tei-c.org/ns/1.0"})


def tei_words(root) -> list[str]:
    # Text nodes joined with a space: element boundaries are word boundaries in our encodings. An empty
    # <pause/> stands for the printed remark "(Pause.)" (conventions: pause).
    return words(" ".join(n if isinstance(n, str) else "Pause." for n in _TEXT_OR_PAUSE(root)))
