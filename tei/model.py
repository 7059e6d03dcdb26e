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
class Substitution:  # markup.correction: <s>old</s> \[new\], one intervention (TEI subst: del + add)
    children: list   # [Deletion, Insertion]
    sep: str = " "   # what the source printed between the two


@dataclass
class Foreign:
    lang: str
    children: list


@dataclass
class Paragraph:
    line: int
    content: list
    text_source: str = ""          # the paragraph as printed (after the label), for attribution cues
    interp: str | None = None      # interpretation.py: "interpreted" | "interpreting" for the whole paragraph
    interp_from: tuple[int, str] | None = None  # (node index, kind): a switch inside the paragraph

    def lone_event(self) -> Remark | None:
        """The remark, when the paragraph is one remark alone that the encoder writes as an event of the turn
        (vocal, kinesic, incident, gap, pause), not as a <p>: the encoder and the corrections' paragraph
        numbering (spN.pM counts only the <p>s) ask this one question."""
        content = [n for n in self.content if not (isinstance(n, str) and not n.strip())]
        if len(content) == 1 and isinstance(content[0], Remark) and content[0].convention.element in _EVENTS:
            return content[0]
        return None


_EVENTS = ("vocal", "kinesic", "incident", "gap", "pause")


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
    cert: str | None = None        # unlabeled turns: how sure the attribution is (medium | low)
    cue: str = ""                  # the words of the previous paragraph that decided the rule
    renders: "Turn | None" = None  # interpretation.py: the turn whose words this interpreter's turn renders


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
    """A header line as printed, typed (header.* conventions)."""

    line: int
    kind: str        # disclaimer | banner | image | agency | breadcrumb | doctype | office | presenter | byline
    #                  | notice | title | date | setting | unclassified
    text: str
    when: str | None = None
    people: list = field(default_factory=list)   # presenter / byline lines: header.HeaderPerson


@dataclass
class Decision:
    """One inference the converter made (a header line's kind, a speaker's identity, an unlabeled turn's
    speaker), kept as data for review: where, by which rule, on what evidence, how sure."""

    line: int
    subject: str     # what was decided: "header line: title", "label SEC. PANETTA:", "unlabeled turn"
    rule: str        # the conventions row or reader rule ("header.presenter", "person.variant", ...)
    evidence: str    # the words that decided it
    certainty: str   # high | medium | low
    result: str = ""  # the outcome (a participant id, a kind)


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
    decisions: list[Decision] = field(default_factory=list)   # every inference, for review
    header_people: list = field(default_factory=list)         # header.HeaderPerson, in header order
    interpreted_languages: list[str] = field(default_factory=list)  # languages the text gives in interpretation

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
        elif isinstance(node, Substitution):
            out.append(plain(node.children[:1]) + node.sep + plain(node.children[1:]))
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
