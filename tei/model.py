"""The one document model between the reader and the encoder (pandoc-style: readers -> model -> writers).

Inline content is a list of nodes: plain `str`, or one of the dataclasses below.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .conventions import Convention


@dataclass
class Remark:
    """A transcriber's remark in (parentheses) or [brackets] that a conventions row recognises."""

    convention: Convention
    inner: str            # the wording between the brackets, as printed
    bracket: str          # "(" or "["
    lang: str | None = None  # gap.foreign: the language named


@dataclass
class Emphasis:
    children: list


@dataclass
class Deletion:      # <s>…</s>
    children: list


@dataclass
class Insertion:     # […] or \[…\]: the source editor's insertion
    children: list


@dataclass
class Foreign:
    lang: str
    children: list


@dataclass
class Paragraph:
    line: int
    content: list
    text_source: str = ""          # the paragraph as printed (after the label), for attribution cues


@dataclass
class Turn:
    line: int
    label: str | None              # as printed, with its delimiter ("SEC. CARTER:"), None when unlabeled
    paragraphs: list[Paragraph] = field(default_factory=list)
    who: str | None = None         # participant id, filled by speakers.resolve
    attribution: str | None = None  # turn.unlabeled rule: hand-over | question-invitation | continuation | opening
    supplied_label: str | None = None
    interpreted: bool = False
    lacuna_before: bool = False


@dataclass
class Stage:
    line: int
    type: str        # setting | time | end | date | title | separator
    text: str
    content: list | None = None   # inline nodes (Markdown sources); None: the text as it is


@dataclass
class Heading:
    line: int
    text: str


@dataclass
class FrontItem:
    line: int
    kind: str        # disclaimer | title | date | byline
    text: str
    when: str | None = None


@dataclass
class Participant:
    id: str
    name: str
    role: str
    group: bool = False
    labels: list[str] = field(default_factory=list)
    role_name: str | None = None
    turns: int = 0
    inferred_turns: int = 0


@dataclass
class Document:
    style: str
    front: list[FrontItem] = field(default_factory=list)
    body: list = field(default_factory=list)       # Turn | Stage | Heading
    participants: dict[str, Participant] = field(default_factory=dict)
    languages: list[str] = field(default_factory=lambda: ["en"])
    metadata: dict = field(default_factory=dict)    # title, date, url, publisher, ... (see meta.py)
    provenance: list[str] = field(default_factory=list)  # where each metadata value came from
    warnings: list = field(default_factory=list)

    def turns(self):
        return [item for item in self.body if isinstance(item, Turn)]

    def inline_contents(self):
        """Every list of inline nodes: the turns' paragraphs and the stage lines' content (a remark may stand
        before the first label, and what it implies, a participant or a language, must be declared too)."""
        for item in self.body:
            if isinstance(item, Turn):
                for para in item.paragraphs:
                    yield para.content
            elif getattr(item, "content", None):
                yield item.content


def walk(nodes):
    """Every inline node, depth first."""
    for node in nodes:
        yield node
        children = getattr(node, "children", None)
        if children:
            yield from walk(children)


def plain(nodes) -> str:
    """The text of inline nodes, as the source printed it (without Markdown syntax)."""
    out = []
    for node in nodes:
        if isinstance(node, str):
            out.append(node)
        elif isinstance(node, Remark):
            close = ")" if node.bracket == "(" else "]"
            out.append(f"{node.bracket}{node.inner}{close}")
        elif isinstance(node, Insertion):
            out.append("[" + plain(node.children) + "]")
        else:
            out.append(plain(node.children))
    return "".join(out)


def merge_strings(nodes: list) -> list:
    """Adjacent strings joined, so later passes see whole sentences."""
    out: list = []
    for node in nodes:
        if isinstance(node, str) and out and isinstance(out[-1], str):
            out[-1] += node
        else:
            out.append(node)
    return out
