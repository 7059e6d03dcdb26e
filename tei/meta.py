"""Metadata: what the text says (front lines, YAML front matter), what --meta META.toml supplies, and which won.

META.toml (every key optional):

    [source]
    title = "Remarks by Secretary Carter at Ecole Militaire in Paris, France"
    date = "2016-01-21"
    url = "https://www.defense.gov/..."
    publisher = "US Department of Defense"
    place = "Ecole Militaire, Paris"
    languages = ["fr"]            # candidate languages for foreign.inline

    [edition]
    editor = "A. Editor"

    [speakers.carter]             # keyed by participant id
    name = "Ashton B. Carter"
    role = "speaker"
    labels = ["SEC. CARTER:"]     # extra label variants for this person
"""
from __future__ import annotations

import tomllib
from pathlib import Path

from .dates import parse_date
from .errors import UsageError
from .model import Document

FIELDS = ("title", "date", "url", "publisher", "place", "editor", "byline", "office")
KNOWN_FRONT_MATTER = ("title", "date", "source_url", "tags", "published_time", "modified_time")
PUBLISHERS = {
    "dod": "US Department of Defense",
    "whitehouse-md": "The White House",
    "public-papers": "Public Papers of the Presidents of the United States",
}


def load(path: str | Path | None) -> dict:
    if path is None:
        return {}
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError:
        raise UsageError(f"metadata file not found: {path}") from None
    except tomllib.TOMLDecodeError as err:
        raise UsageError(f"{path}: not valid TOML: {err}") from None
    known = {"source", "edition", "speakers"}
    unknown = sorted(set(data) - known)
    if unknown:
        raise UsageError(f"{path}: unknown table(s) {', '.join(unknown)} (expected {', '.join(sorted(known))})")
    return data


def _printed_date(doc: Document) -> tuple[str, str] | None:
    """A date line printed before the first turn of a Markdown transcript ("(January 23, 2025)"), not the
    release line ("For Immediate Release  January 24, 2025")."""
    from .conventions import HEADER_CUE
    from .model import Stage, Turn

    release = HEADER_CUE["header.release"].regex
    for item in doc.body:
        if isinstance(item, Turn):
            return None
        if isinstance(item, Stage) and item.type == "date" and not release.fullmatch(item.text):
            when = parse_date(item.text.strip("()"))
            if when:
                return when, f"source line {item.line} (date line)"
    return None


def infer(doc: Document, front_matter: dict, meta: dict, source_name: str | None) -> None:
    """Fill doc.metadata: inferred values first, then --meta values win; provenance records both."""
    inferred: dict[str, tuple[str, str]] = {}
    # header.date: the date line after the title (a date line above it may be a copy's own date), then a date
    # in a presenter line, byline or breadcrumb, then any date line.
    title_at = next((i for i, item in enumerate(doc.front) if item.kind == "title"), 0)
    for item in doc.front[title_at:]:
        if item.kind == "date" and item.when and "date" not in inferred:
            inferred["date"] = (item.when, f"source line {item.line} (date)")
    for n, item in enumerate(doc.front):
        if item.kind == "title" and "title" not in inferred:  # a title in capitals may run over two lines
            parts = [item.text]
            for nxt in doc.front[n + 1:]:
                if nxt.kind != "title":
                    break
                parts.append(nxt.text)
            inferred["title"] = (" ".join(parts), f"source line {item.line} (title)")
        if item.kind == "byline" and "byline" not in inferred:
            inferred[item.kind] = (item.text, f"source line {item.line} ({item.kind})")
        if item.kind == "office" and "office" not in inferred:
            inferred["office"] = (item.text, f"source line {item.line} (office)")
    for kinds in (("presenter", "byline", "breadcrumb"), ("date", "release")):
        for item in doc.front:
            if item.kind in kinds and item.when and "date" not in inferred:
                inferred["date"] = (item.when, f"source line {item.line} ({item.kind})")
    doc.header_people = [person for item in doc.front if item.kind in ("byline", "presenter")
                         for person in item.people]
    doc.metadata["notices"] = [item.text for item in doc.front if item.kind == "notice"]
    if front_matter:
        if front_matter.get("title"):
            inferred["title"] = (" ".join(str(front_matter["title"]).split()), "front matter 'title'")
        when = parse_date(str(front_matter.get("date", "")))
        printed = _printed_date(doc)
        if printed:  # header.date: the event's date as the page prints it, over the archive's publication date
            inferred["date"] = printed
        elif when:
            inferred["date"] = (when, "front matter 'date'")
        if front_matter.get("source_url"):
            inferred["url"] = (str(front_matter["source_url"]), "front matter 'source_url'")
    inferred["publisher"] = (PUBLISHERS.get(doc.style, "US Government"), f"source style '{doc.style}'")
    if "title" not in inferred and source_name:
        inferred["title"] = (source_name, "file name")

    given = dict(meta.get("source", {}))
    given.update({k: v for k, v in meta.get("edition", {}).items() if k in ("editor",)})
    for key in FIELDS:
        if key in given:
            value = str(given[key])
            if key == "date":
                iso = parse_date(value)
                if iso is None:
                    raise UsageError(f"metadata: date {value!r} is not a date (use YYYY-MM-DD)")
                value = iso
            doc.metadata[key] = value
            note = f"{key}: {value!r} from --meta"
            if key in inferred and inferred[key][0] != value:
                note += f" (overrides {inferred[key][0]!r} from {inferred[key][1]})"
            doc.provenance.append(note)
        elif key in inferred:
            doc.metadata[key] = inferred[key][0]
            doc.provenance.append(f"{key}: {inferred[key][0]!r} from {inferred[key][1]}")
    for key in ("tags", "published_time", "modified_time"):
        if front_matter.get(key):
            doc.metadata[key] = str(front_matter[key])
    # Nothing lost: any other front-matter field is kept as a typed note in the header.
    unused = {k for k in KNOWN_FRONT_MATTER if k == "date" and front_matter.get(k) is not None
              and (parse_date(str(front_matter[k])) is None  # a date we could not read is kept as printed,
                   or parse_date(str(front_matter[k])) != doc.metadata.get("date"))}  # and one a printed date beat
    doc.metadata["front_matter_other"] = {str(k): " ".join(str(v).split()) for k, v in front_matter.items()
                                          if (k not in KNOWN_FRONT_MATTER or k in unused) and v is not None}
    langs = given.get("languages", [])
    if not isinstance(langs, list) or not all(isinstance(x, str) for x in langs):
        raise UsageError("metadata: source.languages must be a list of ISO 639-1 codes, e.g. [\"fr\"]")
    doc.metadata["languages"] = langs
