"""The review: every decision the converter made by inference, riskiest first, for an editor to check.

`decisions(conversion)` derives them from what a conversion holds (supplied speakers, persons merged from
label variants, header fields and their provenance, foreign passages with lingua's confidence, remarks
classified and kept as text, encoding guesses, lines classified by heuristics, other warnings), appends any
`doc.decisions` records the reader may add (line, kind or rule, evidence, certainty; missing fields
tolerated), and the sidecar's corrections (stale ones first of all). `review(conversion)` wraps them in the
JSON document tools read; `render_html` makes the page, linked into the HTML edition (`NAME.html#sp7.p2`).

The page is built with lxml in Python rather than XSLT: its input is this list of dicts, not TEI, and
an XSLT would need it serialised to XML first only to be read back; lxml escapes every value as it builds.

Certainty: `high` (printed in the source, a registry row matched the wording, or the editor said so),
`medium` (a rule with a cue: a hand-over sentence, the same surname), `low` (a fallback without a cue, a
file-name title, a remark kept as text). A decision is *open* while it is low or medium and no correction
covers it; `build` counts the open ones per document.
"""
from __future__ import annotations

import json
import re

from lxml import etree
from lxml.builder import ElementMaker

from . import corrections as corr, jsonout, speakers as speaker_rules
from .header import split_name
from .conventions import HANDOVER_CUES, LANGUAGE_NAMES, QUESTION_CUES, ROLE_LABELS
from .model import Foreign, Heading, Remark, Stage, plain, walk

VERSION = 1
# Riskiest first: the order of the page's sections and of the JSON list.
KINDS = {
    "correction.stale": "Corrections that no longer match the source",
    "speaker.supplied": "Supplied speakers (turns printed without a label)",
    "person.merged": "Persons merged from label variants",
    "header.field": "Header fields and where each came from",
    "foreign": "Foreign passages",
    "remark.classified": "Remarks classified",
    "remark.text": "Remarks kept as text",
    "encoding": "Encoding guesses",
    "line.unclassified": "Lines classified by heuristics",
    "inferred": "Other inferences",
    "correction.applied": "Corrections applied",
}
CERTAINTY = {"low": 0, "medium": 1, "high": 2, "unknown": 0}
# The model's decisions already shown above by their own kind (speaker.supplied, header.field).
_SHOWN_ABOVE = {"header.title", "header.date", "header.byline", "header.disclaimer", "header.front-matter"}
_PROVENANCE = re.compile(r"^(?P<key>\w+): (?P<value>.*) from (?P<origin>source line (?P<line>\d+)(?: \([\w -]+\))?|front matter '[^']*'"
                         r"|source style '[^']*'|file name|--meta)(?: \(overrides (?P<over>.*)\))?$")


def _decision(kind, summary, *, line=None, target=None, rule="", evidence="", certainty="medium", anchor=None,
              count=1, lines=None) -> dict:
    return {"kind": kind, "line": line, "lines": lines or ([line] if line else []), "target": target,
            "summary": summary, "rule": rule, "evidence": evidence, "certainty": certainty, "count": count,
            "status": "open" if certainty in ("low", "medium", "unknown") else "ok", "anchor": anchor}


def opening_words(entry, entries, normed: list[str] | None = None) -> str:
    """The shortest opening (from six words) that names this paragraph alone: the anchor `--set` writes."""
    normed = normed if normed is not None else [corr.norm(e.text) for e in entries]
    words = entry.text.split()
    for n in range(min(6, len(words)), min(len(words), 40) + 1):
        prefix = " ".join(words[:n])
        want = corr.norm(prefix)
        if sum(1 for t in normed if t.startswith(want)) == 1:
            return prefix
    return ""


def _anchor(entry, entries, normed=None) -> dict:
    """The paragraph's anchor: its opening words when they name it alone, else its hash, and which of the
    paragraphs with that hash it is when its words recur whole ("Thank you." twice: occurrence "2 of 2")."""
    words = opening_words(entry, entries, normed)
    out = {"hash": corr.paragraph_hash(entry.text)[:17]}
    if words:
        out["paragraph"] = words
        return out
    same = [e for e in entries if corr.paragraph_hash(e.text)[:17] == out["hash"]]
    if len(same) > 1:
        out["occurrence"] = f"{next(i for i, e in enumerate(same, 1) if e is entry)} of {len(same)}"
    return out


def decisions(conversion) -> list[dict]:
    doc = conversion.document
    tree = conversion.tree
    entries = corr.paragraphs(tree, doc)
    by_id = {e.id: e for e in entries}
    by_line: dict[int, corr.Entry] = {}
    for e in entries:
        if e.line is not None:
            by_line.setdefault(e.line, e)
    out: list[dict] = []
    turns = doc.turns()
    people = doc.participants
    normed = None   # the normalised texts, for anchors: computed for the first supplied speaker only

    # supplied speakers
    previous = None
    for n, turn in enumerate(turns, 1):
        if turn.label is None:
            person = people.get(turn.who)
            name = person.name if person else turn.who
            last = previous.paragraphs[-1].text_source if previous and previous.paragraphs else ""
            cue = HANDOVER_CUES.search(last) or QUESTION_CUES.search(last)
            evidence = (f"the turn before ends {_quote(_tail(last))}" if last else "the first turn of the transcript")
            if cue and turn.attribution in ("hand-over", "question-invitation"):
                evidence += f"; cue {_quote(cue.group(0))}"
            first = by_id.get(f"sp{n}.p1")
            if normed is None:
                normed = [corr.norm(e.text) for e in entries]
            out.append(_decision(
                "speaker.supplied", f"no label printed; attributed to {name} (#{turn.who})", line=turn.line,
                target=f"sp{n}", rule=f"turn.unlabeled: {turn.attribution}", evidence=evidence,
                certainty="medium" if turn.attribution in ("hand-over", "question-invitation") else "low",
                anchor={**_anchor(first, entries, normed), "speaker": turn.who} if first else None))
        previous = turn

    # persons merged from label variants
    for person in people.values():
        if len(person.labels) > 1:
            first = next((t.line for t in turns if t.label in person.labels), None)
            registry = person.group
            out.append(_decision(
                "person.merged", f"labels {', '.join(person.labels)} read as one {'group' if person.group else 'person'}"
                f", {person.name} (#{person.id})", line=first, target=f"person-{person.id}",
                rule="speakers: " + ("a group label of the registry" if registry else "the same name in each label"),
                evidence=f"{person.turns} turn(s)", certainty="high" if registry else "medium",
                anchor={"labels": person.labels, "same": False}))

    # persons named from a title-only label ("THE PRESIDENT:"): through another label, the title, or not at all
    for person in people.values():
        for label in person.labels:
            words = [w for w in speaker_rules._core(label).split() if w.lower() != "the"]
            titles, name = split_name(words)
            titles = [w.strip(".,").lower() for w in titles]
            key = " ".join(speaker_rules.label_words(label))
            if name or not titles or person.group or key in ROLE_LABELS:
                continue
            named = person.name.lower() != " ".join(titles) and person.name.lower() != _display(label)
            by_date = next((d for d in doc.decisions if d.rule == "person.president-by-date"
                            and d.subject == f"label {label}"), None)
            correct = f"[speakers.{person.id}] name = \"...\""
            if by_date:
                how, evidence = " resolved through the date (person.president-by-date)", \
                    f"{by_date.evidence}; another person is named in {correct}"
            elif named:
                how, evidence = " resolved through another label or the title", ""
            else:
                how, evidence = ", no name found", f"name the person in {correct}"
            out.append(_decision(
                "person.merged", f"{label} read as {person.name} (#{person.id})",
                line=next((t.line for t in turns if t.label == label), None), target=f"person-{person.id}",
                rule="speakers: a title-only label" + how, evidence=evidence, certainty="medium" if named else "low"))

    # header fields
    for note in doc.provenance:
        m = _PROVENANCE.match(note)
        if not m:
            out.append(_decision("header.field", note, rule="meta", certainty="unknown"))
            continue
        origin = m.group("origin")
        # printed, or the archive's own convention (the publisher of a source style): high; a file name: low
        certainty = ("high" if origin.startswith(("source line", "front matter", "--meta", "source style")) else
                     "low" if origin == "file name" else "medium")
        evidence = f"from {origin}" + (f"; overrides {m.group('over')}" if m.group("over") else "")
        out.append(_decision("header.field", f"{m.group('key')}: {m.group('value')}",
                             line=int(m.group("line")) if m.group("line") else None, rule=f"meta: {m.group('key')}",
                             evidence=evidence, certainty=certainty))

    # foreign passages and remarks
    remarks: dict[tuple, dict] = {}
    codes = tuple(doc.languages)
    # (line, target, content) of every paragraph, in the source's order: the <p>s, and the remarks standing
    # alone that the encoder made events of the turn (no <p>, no id of their own: the turn is their target)
    units = [(e.line, e.id, e.para.content) for e in entries if e.para is not None]
    units += [(para.line, f"sp{n}", [event]) for n, turn in enumerate(turns, 1) for para in turn.paragraphs
              if (event := para.lone_event()) is not None]
    units.sort(key=lambda u: (u[0] is None, u[0] or 0))
    for line, target, content in units:
        for node in walk(content):
            if isinstance(node, Foreign):
                text = plain(node.children)
                confidence = _confidence(text, node.lang, codes)
                out.append(_decision(
                    "foreign", f"{_quote(text)} in {LANGUAGE_NAMES.get(node.lang, node.lang)} ({node.lang})",
                    line=line, target=target, rule="foreign.inline: lingua",
                    evidence=f"confidence {confidence:.2f} among {', '.join(codes)}" if confidence is not None else "",
                    certainty="medium" if confidence is not None and confidence >= 0.9 else "low",
                    anchor={"passage": text, "lang": ""}))
            elif isinstance(node, Remark):
                key = (node.convention.id, node.bracket, node.inner)
                printed = plain([node])
                if key not in remarks:
                    what = node.convention.element
                    if node.lang:
                        what += f" in {LANGUAGE_NAMES.get(node.lang, node.lang)}"
                    remarks[key] = _decision(
                        "remark.classified", f"{printed} → {what}", line=line, target=target,
                        rule=f"registry: {node.convention.id}", evidence="the registry row matches the wording",
                        certainty="high", anchor={"remark": printed, "kind": "text"}, count=0, lines=[])
                remarks[key]["count"] += 1
                remarks[key]["lines"].append(line)
    for d in remarks.values():
        d["lines"] = sorted({x for x in d["lines"] if x})
        if d["count"] > 1:
            d["summary"] += f" (×{d['count']})"
    out.extend(remarks.values())

    # warnings: remarks kept as text, encoding, the rest
    for w in conversion.warnings:
        if w.convention == "correction.stale":
            continue
        entry = by_line.get(w.line)
        if w.convention in ("text.unknown-remark", "gap.foreign"):
            printed = w.message.split(": ", 1)[-1]
            anchor = {"remark": printed, "kind": "incident"} if corr._REMARK.match(printed) else None
            out.append(_decision("remark.text", w.message, line=w.line, target=entry.id if entry else None,
                                 rule=w.convention, evidence="no registry row matches", certainty="low",
                                 anchor=anchor))
        elif w.convention == "text.characters":
            out.append(_decision("encoding", w.message, line=w.line, rule=w.convention,
                                 certainty="medium" if "decoded as" in w.message else "high",
                                 evidence=f"detected: {conversion.encoding}"))
        elif w.convention != "turn.unlabeled" or "no speaker turns" in w.message:
            out.append(_decision("line.unclassified", w.message, line=w.line, rule=w.convention,
                                 certainty="low"))
    for item in doc.body:
        if isinstance(item, Stage) and item.type in ("setting", "title", "separator"):
            out.append(_decision("line.unclassified", f"{_quote(item.text)} read as a stage line ({item.type})",
                                 line=item.line, rule="stage.setting", certainty="medium",
                                 evidence="a short line before the first turn"))
        elif isinstance(item, Heading):
            out.append(_decision("line.unclassified", f"{_quote(item.text)} read as a heading", line=item.line,
                                 rule="head.topic", certainty="medium",
                                 evidence="a short line of capitalised words without closing punctuation"))

    # the reader's own decision records, when it keeps them (doc.decisions)
    shown = {d["line"] for d in out if d["kind"] in ("speaker.supplied", "header.field")}
    for rec in getattr(doc, "decisions", None) or []:
        rule = getattr(rec, "rule", None) or getattr(rec, "kind", None) or "inferred"
        if getattr(rec, "line", None) is not None and rec.line in shown and (str(rule) in _SHOWN_ABOVE or str(rule).startswith("turn.")):
            continue   # already a decision above: the supplied speakers and the header fields' provenance
        cert = str(getattr(rec, "certainty", None) or "unknown").lower()
        line = getattr(rec, "line", None)
        entry = by_line.get(line) if isinstance(line, int) else None
        out.append(_decision("inferred", str(getattr(rec, "summary", None) or rule), line=line,
                             target=entry.id if entry else None, rule=str(rule),
                             evidence=str(getattr(rec, "evidence", "") or ""),
                             certainty=cert if cert in CERTAINTY else "unknown"))

    # the corrections
    covered = _covered(conversion)
    for d in out:
        if _is_covered(d, covered):
            d["status"] = "corrected"
    for r in conversion.corrections:
        stale = r.status == "stale"
        out.append(_decision("correction.stale" if stale else "correction.applied",
                             f"[[correction]] {r.index}: {r.message}" if r.index else r.message,
                             target=next((t for t in r.targets if not t.startswith("#")), None),
                             rule=f"correction: {r.kind}", evidence=r.anchor,
                             certainty="low" if stale else "high"))
        out[-1]["status"] = "stale" if stale else "corrected"
    order = list(KINDS)
    out.sort(key=lambda d: (order.index(d["kind"]), CERTAINTY.get(d["certainty"], 0), d["line"] or 0))
    return out


def _confidence(text: str, lang: str, codes: tuple) -> float | None:
    """lingua's confidence that `text` is in `lang`, among the document's languages (as language.mark asked)."""
    try:
        from .language import confidence_values

        values = confidence_values(text, codes)
    except Exception:  # noqa: BLE001 - a review never fails for want of a confidence figure
        return None
    return next((value for code, value in values if code == lang), None)


def _covered(conversion) -> dict[str, set]:
    """Ids each applied correction kind touched."""
    out: dict[str, set] = {}
    for r in conversion.corrections:
        if r.status == "applied":
            out.setdefault(r.kind, set()).update(t.lstrip("#") for t in r.targets)
    return out


def _is_covered(d: dict, covered: dict) -> bool:
    kind = {"speaker.supplied": "speaker", "person.merged": "labels", "foreign": "passage",
            "remark.classified": "remark", "remark.text": "remark"}.get(d["kind"])
    target = (d["target"] or "").removeprefix("person-")
    return bool(kind and target and target in covered.get(kind, ()))


def _display(label: str) -> str:
    return " ".join(speaker_rules.label_words(label))


def _tail(text: str, n: int = 90) -> str:
    """The last words of `text`, at most about n characters, cut at a word boundary."""
    text = " ".join(text.split())
    if len(text) <= n:
        return text
    cut = text[-n:]
    return "…" + cut[cut.find(" ") + 1:] if " " in cut else "…" + cut


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return f"“{text}”"


def review(conversion, edition: str | None = None) -> dict:
    """The machine-readable review of one conversion."""
    items = decisions(conversion)
    open_ = [d for d in items if d["status"] in ("open", "stale")]
    counts = {kind: sum(1 for d in items if d["kind"] == kind) for kind in KINDS}
    md = conversion.document.metadata
    return {
        "version": VERSION, "source": conversion.path, "title": md.get("title", ""), "style": conversion.style,
        "encoding": conversion.encoding, "edition": edition,
        "counts": {"decisions": len(items), "open": len(open_),
                   "open_by_kind": {k: sum(1 for d in open_ if d["kind"] == k) for k in KINDS
                                    if any(d["kind"] == k for d in open_)},
                   "by_kind": {k: v for k, v in counts.items() if v},
                   "stale_corrections": sum(1 for d in items if d["status"] == "stale")},
        "decisions": items,
        "corrections": [r.to_dict() for r in conversion.corrections],
    }


def to_json(data: dict) -> bytes:
    return jsonout.dumps(data)


def summary_line(data: dict, name: str) -> str:
    c = data["counts"]
    parts = [f"{k} {v}" for k, v in c["open_by_kind"].items() if k != "correction.stale"]
    line = f"{name}: {c['open']} open question(s) of {c['decisions']} decisions"
    if parts:
        line += f" ({', '.join(parts)})"
    if c["stale_corrections"]:
        line += f"; {c['stale_corrections']} stale correction(s)"
    return line


def set_command(d: dict) -> str | None:
    """The `review --set` argument that states (or corrects) this decision, for the editor to adapt."""
    a = d.get("anchor")
    if not a:
        return None
    if "paragraph" in a:               # one anchor: the words, which an editor can read
        a = {k: v for k, v in a.items() if k != "hash"}
    return ", ".join(f"{k}={json.dumps(v, ensure_ascii=False)}" for k, v in a.items()).replace(
        "True", "true").replace("False", "false")


def render_text(data: dict) -> str:
    lines = [summary_line(data, data["source"] or "<stdin>")]
    for d in data["decisions"]:
        if d["status"] in ("ok",) or d["kind"] == "correction.applied":
            continue
        where = f"line {d['line']}" if d["line"] else "sidecar" if d["kind"].startswith("correction") else "header"
        at = f" {d['target']}" if d["target"] else ""
        lines.append(f"  [{d['certainty']}] {where}{at}: {d['kind']}: {d['summary']}"
                     + (f" ({d['evidence']})" if d["evidence"] else "") + (" [corrected]" if d["status"] == "corrected"
                                                                           else ""))
    return "\n".join(lines) + "\n"


# --- the page -----------------------------------------------------------------------------------------------
CSS = """
:root { --ink: #1b1b1b; --muted: #555; --rule: #d0d0d0; --low: #8a1c1c; --medium: #7a4a00; --high: #1d5e2a; }
body { font: 16px/1.5 system-ui, sans-serif; color: var(--ink); margin: 0 auto; max-width: 72rem; padding: 1rem; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid var(--rule); }
.meta { color: var(--muted); }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
th, td { text-align: left; vertical-align: top; padding: 0.35rem 0.5rem; border-bottom: 1px solid var(--rule); }
th { font-weight: 600; }
.cert { font-weight: 600; white-space: nowrap; }
.cert-low { color: var(--low); } .cert-medium { color: var(--medium); } .cert-high { color: var(--high); }
code { font-size: 0.85rem; overflow-wrap: anywhere; }
.status-stale { color: var(--low); font-weight: 600; }
"""


class _Html:
    """lxml.html.builder's names (E.TR, E.CLASS) over plain lxml elements: no HTML element class looked up per
    element (a quarter of the page's time), the same serialisation (method="html")."""
    _make = ElementMaker(makeelement=etree.Element)

    def __getattr__(self, name: str):
        maker = getattr(self._make, name.lower())
        setattr(self, name, maker)
        return maker

    @staticmethod
    def CLASS(value: str) -> dict:
        return {"class": value}


E = _Html()


def render_html(data: dict) -> bytes:
    """A self-contained HTML5 page: one section per kind, riskiest first; each row links into the edition."""
    edition = data.get("edition") or ""
    title = f"Review: {data['title'] or data['source']}"
    c = data["counts"]
    body = [E.HEADER(E.H1(title), E.P(
        f"{data['source']} · style {data['style']} · encoding {data['encoding']} · {c['decisions']} decisions, "
        f"{c['open']} open", E.CLASS("meta")),
        *([E.P("Edition: ", E.A(edition, href=edition))] if edition else []))]
    sections = []
    for kind, heading in KINDS.items():
        rows = [d for d in data["decisions"] if d["kind"] == kind]
        if not rows:
            continue
        hid = "k-" + kind.replace(".", "-")
        table = E.TABLE(E.THEAD(E.TR(*[E.TH(h, scope="col") for h in
                                       ("Line", "Where", "Decision", "Evidence", "Certainty", "Status",
                                        "Correction (review --set)")])),
                        E.TBODY(*[_row(d, edition) for d in rows]))
        sections.append(E.SECTION(E.H2(f"{heading} ({len(rows)})", id=hid), E.DIV(table, E.CLASS("table-wrap")),
                                  **{"aria-labelledby": hid}))
    if not sections:
        sections.append(E.P("Nothing was inferred: no decision to review."))
    html = E.HTML(E.HEAD(E.META(charset="utf-8"),
                         E.META(name="viewport", content="width=device-width, initial-scale=1"),
                         E.TITLE(title), E.STYLE(CSS)),
                  E.BODY(*body, E.MAIN(*sections)), lang="en")
    return b"<!DOCTYPE html>\n" + etree.tostring(html, method="html", encoding="utf-8") + b"\n"


def _row(d: dict, edition: str):
    lines = d["lines"] or []
    line = ", ".join(map(str, lines[:8])) + (" …" if len(lines) > 8 else "") if lines else "—"
    if d["target"]:
        where = E.A(d["target"].removeprefix("person-"), href=f"{edition}#{d['target']}")
    else:
        where = "header" if d["kind"] == "header.field" else "—"
    cmd = set_command(d)
    return E.TR(E.TD(line), E.TD(where), E.TD(d["summary"]), E.TD(d["rule"] + (f"; {d['evidence']}"
                                                                             if d["evidence"] else "")),
                E.TD(d["certainty"], E.CLASS(f"cert cert-{d['certainty']}")),
                E.TD(d["status"], E.CLASS(f"status-{d['status']}")),
                E.TD(E.CODE(cmd) if cmd else ""))


# --- files and commands -------------------------------------------------------------------------------------
def sidecar_for(source, meta=None):
    """The metadata file of a transcript: --meta, else NAME.toml beside it (as build reads it), else None."""
    from pathlib import Path

    if meta is not None:
        return Path(meta)
    side = Path(source).with_suffix(".toml")
    return side if side.is_file() else None


def review_source(source, meta=None) -> tuple[object, dict]:
    from pathlib import Path

    from .build import safe_stem
    from .pipeline import convert_file

    conversion = convert_file(source, meta_path=sidecar_for(source, meta))
    return conversion, review(conversion, edition=f"{safe_stem(Path(source).stem)}.html")


def write_review(data: dict, folder, stem: str) -> list:
    """NAME.review.json and NAME.review.html, atomically."""
    from pathlib import Path

    from . import xmlio

    out = []
    for suffix, payload in ((".review.json", to_json(data)), (".review.html", render_html(data))):
        path = Path(folder) / f"{stem}{suffix}"
        xmlio.write_atomic(path, payload)
        out.append(path)
    return out


def _toml(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return json.dumps(str(value), ensure_ascii=False)   # a JSON string is a TOML basic string


def parse_set(text: str) -> dict:
    """`--set 'paragraph="Thank you very much", speaker="carter"'`: the keys of one [[correction]], written as
    TOML key = value pairs (a TOML inline table without its braces)."""
    import tomllib

    from .errors import UsageError

    try:
        return tomllib.loads("c = {" + text + "}")["c"]
    except tomllib.TOMLDecodeError as err:
        raise UsageError(f"--set {text!r}: not TOML key=value pairs separated by commas, e.g. "
                         f"'paragraph=\"Thank you very much\", speaker=\"carter\"' ({err})") from None


def add_corrections(source, sets: list[str], meta=None, editor: str | None = None) -> tuple[object, list]:
    """Append one [[correction]] per --set to the sidecar, after checking each applies to the source.
    `at = "sp19.p1"` names a paragraph by its id in the edition; it is written as the paragraph's opening words
    (or hash), so the correction follows the text. The file's existing content is kept byte for byte."""
    import tomllib
    from pathlib import Path

    from . import meta as metadata, xmlio
    from .errors import UsageError
    from .pipeline import convert_file

    path = Path(meta) if meta is not None else Path(source).with_suffix(".toml")
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    current = metadata.load(path) if old.strip() else metadata.Sidecar()   # a bad sidecar: one line, exit 2
    base = convert_file(source, meta_path=path if old.strip() else None)
    entries = {e.id: e for e in corr.paragraphs(base.tree, base.document)}
    blocks = []
    for text in sets:
        spec = parse_set(text)
        if "at" in spec:
            entry = entries.get(str(spec.pop("at")))
            if entry is None:
                raise UsageError(f"--set {text!r}: no paragraph with that id (ids look like sp7.p2, "
                                 "as in the HTML edition's citation links)")
            anchor = _anchor(entry, list(entries.values()))
            if "paragraph" in anchor:
                del anchor["hash"]
            spec = {**anchor, **spec}
        blocks.append("[[correction]]\n" + "".join(f"{k} = {_toml(v)}\n" for k, v in spec.items()))
    addition = "\n".join(blocks)
    if editor:
        if "edition" not in current:
            addition += f"\n[edition]\neditor = {_toml(editor)}\n"
        elif "editor" not in current["edition"]:
            raise UsageError(f"{path}: [edition] has no editor: add editor = {_toml(editor)} there")
    new = old + ("\n" if old and not old.endswith("\n") else "") + ("\n" if old.strip() else "") + addition
    try:
        data = metadata.validate(tomllib.loads(new), str(path))
    except tomllib.TOMLDecodeError as err:
        raise UsageError(f"{path}: appending a [[correction]] would not be valid TOML ({err}); "
                         "write it into the file by hand") from None
    first = len(current.get("correction", [])) + 1
    tmp = path.with_name(f".{path.name}.review-set")
    try:
        xmlio.write_atomic(tmp, new.encode("utf-8"))
        result = convert_file(source, meta_path=tmp)
    finally:
        tmp.unlink(missing_ok=True)
    stale = [r for r in result.corrections if r.index >= first and r.status == "stale"]
    if stale:
        r = stale[0]
        raise UsageError(f"--set: correction ({r.anchor}) would not apply: {r.message}; {path} is unchanged")
    del data
    xmlio.write_atomic(path, new.encode("utf-8"))
    return result, [r for r in result.corrections if r.index >= first]


def build_files(conversion, stem: str) -> tuple[dict[str, bytes], dict]:
    """For build: the review files of one document, and the counts its summary line and the index show."""
    from pathlib import Path

    data = review(conversion, edition=f"{stem}.html")
    data["source"] = Path(conversion.path).name if conversion.path else None  # the same wherever it is built
    files = {f"{stem}.review.json": to_json(data), f"{stem}.review.html": render_html(data)}
    c = data["counts"]
    return files, {"open": c["open"], "open_by_kind": c["open_by_kind"], "stale": c["stale_corrections"],
                   "page": f"{stem}.review.html"}


def open_items(path) -> list[str]:
    """The open decisions of a NAME.review.json, one line each (build -v)."""
    try:
        data = json.loads(open(path, encoding="utf-8").read())
    except (OSError, ValueError):
        return []
    out = []
    for d in data.get("decisions", []):
        if d.get("status") in ("open", "stale"):
            where = f"line {d['line']}" if d.get("line") else "sidecar" if d["kind"].startswith("correction") else "header"
            out.append(f"[{d['certainty']}] {where}: {d['kind']}: {d['summary']}")
    return out
