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
    role_name = "Secretary of Defense"

    [[correction]]                # corrections.py: kept across re-conversion, recorded in revisionDesc
    paragraph = "Thank you very much, Mr. Secretary"   # or hash = "sha1:..." (see `tei-edition review`)
    speaker = "carter"

The file is checked strictly (`validate`): an unknown table or key, a wrong type, a bad date or language
code is a one-line UsageError naming the key and the file (exit 2). Speaker ids are checked against the
transcript's participants at conversion (corrections.check_speakers), since only the conversion knows them.
The [[correction]] tables are described in corrections.py (SCHEMA there) and in the README.
"""
from __future__ import annotations

import datetime
import difflib
import re
import tomllib
from pathlib import Path

from .dates import date_span, parse_date
from .errors import UsageError
from .model import Document

FIELDS = ("title", "date", "url", "publisher", "place", "editor", "byline", "office")
KNOWN_FRONT_MATTER = ("title", "date", "source_url", "tags", "published_time", "modified_time")
PUBLISHERS = {
    "dod": "US Department of Defense",
    "whitehouse-md": "The White House",
    "public-papers": "Public Papers of the Presidents of the United States",
}


class Sidecar(dict):
    """The parsed metadata file; `path` names it in error messages."""

    path: str = "--meta"


# Every key the file may hold, with its type: the strict schema (corrections have theirs in corrections.py).
SOURCE_KEYS = {"title": str, "date": (str, datetime.date), "url": str, "publisher": str, "place": str,
               "byline": str, "languages": list}
EDITION_KEYS = {"editor": str}
SPEAKER_KEYS = {"name": str, "role": str, "role_name": str, "labels": list}
TABLES = ("source", "edition", "speakers", "correction")
_ID = re.compile(r"[A-Za-z][A-Za-z0-9_.-]*")
_WORD = re.compile(r"\S+")
_LANG = re.compile(r"[a-z]{2,3}")


def tag_list(value) -> list[str]:
    """Front-matter tags as a list of strings: a YAML list (`[Speeches, Remarks]`) item by item, a string
    (`press-briefings` or `a, b`) split at commas; never a Python repr of the list."""
    items = value if isinstance(value, (list, tuple)) else str(value).split(",")
    return [" ".join(str(x).split()) for x in items if x is not None and str(x).strip()]


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
    except OSError as err:   # unreadable (permissions, a folder): one line, never a traceback
        raise UsageError(f"{path}: cannot read: {err.strerror}") from None
    except UnicodeDecodeError:
        raise UsageError(f"{path}: not valid TOML: not UTF-8") from None
    return validate(data, str(path))


def validate(data: dict, path: str = "--meta") -> Sidecar:
    """The strict schema of META.toml / NAME.toml: returns the data (dates as ISO strings) or raises UsageError."""
    from . import corrections  # the [[correction]] schema lives with the code that applies it

    def fail(where: str, message: str):
        raise UsageError(f"{path}: {where}: {message}")

    out = Sidecar()
    out.path = path
    for table in data:
        if table not in TABLES:
            near = difflib.get_close_matches(table, TABLES, n=1)
            fail(table, f"unknown table ({f'did you mean [{near[0]}]? ' if near else ''}"
                        f"expected {', '.join(TABLES)})")
    for table, keys in (("source", SOURCE_KEYS), ("edition", EDITION_KEYS)):
        if table in data:
            out[table] = check_table(data[table], keys, f"[{table}]", fail)
    if "date" in out.get("source", {}):
        value = out["source"]["date"]
        iso = parse_date(value.isoformat() if isinstance(value, datetime.date) else value)
        if iso is None:
            fail("[source] date", f"{str(value)!r} is not a date (use YYYY-MM-DD)")
        out["source"]["date"] = iso
    for code in out.get("source", {}).get("languages", []):
        if not isinstance(code, str) or not _LANG.fullmatch(code):
            fail("[source] languages", f"{code!r} is not an ISO 639-1 code (e.g. \"fr\")")
    speakers = data.get("speakers", {})
    if not isinstance(speakers, dict):
        fail("speakers", "must be tables [speakers.ID]")
    out["speakers"] = {}
    for ident, spec in speakers.items():
        where = f"[speakers.{ident}]"
        if not _ID.fullmatch(ident):
            fail(where, "a speaker id is a letter followed by letters, digits, '-', '_' or '.'")
        spec = check_table(spec, SPEAKER_KEYS, where, fail)
        if not all(isinstance(x, str) and x.strip() for x in spec.get("labels", [])):
            fail(f"{where} labels", "must be a list of labels as printed, e.g. [\"SEC. CARTER:\"]")
        if "role" in spec and not _WORD.fullmatch(spec["role"]):
            fail(f"{where} role", f"{spec['role']!r} must be one word (speaker, moderator, participant...)")
        out["speakers"][ident] = spec
    if not speakers:
        del out["speakers"]
    if "correction" in data:
        out["correction"] = corrections.validate(data["correction"], fail)
    return out


def check_table(table, keys: dict, where: str, fail, may_be_empty=()) -> dict:
    """One table: known keys only, each of its type (a tuple of types: any of them), no empty strings."""
    if not isinstance(table, dict):
        fail(where, "must be a table")
    for key, value in table.items():
        if key not in keys:
            near = difflib.get_close_matches(key, keys, n=1)
            fail(f"{where} {key}", f"unknown key ({f'did you mean {near[0]!r}? ' if near else ''}"
                                   f"expected {', '.join(keys)})")
        kinds = keys[key] if isinstance(keys[key], tuple) else (keys[key],)
        if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):
            fail(f"{where} {key}", f"must be a {' or '.join(_TYPE_NAMES[k] for k in kinds)}, "
                                   f"not {_TYPE_NAMES.get(type(value), type(value).__name__)}")
        if isinstance(value, str) and not value.strip() and key not in may_be_empty:
            fail(f"{where} {key}", "is empty")
    return dict(table)


_TYPE_NAMES = {str: "string", list: "list", bool: "boolean (true or false)", int: "number", float: "number",
               dict: "table", datetime.date: "date", datetime.datetime: "date and time"}


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
    for item in doc.front:   # header.title-date: "Daily Press Briefing by Press Secretary Josh Earnest, 6/4/2015"
        span = date_span(item.text) if item.kind == "title" and "date" not in inferred else None
        if span and span[1] == len(item.text.rstrip()) and (when := parse_date(item.text[span[0]:])):
            inferred["date"] = (when, f"source line {item.line} (the title's date)")
    doc.header_people = [person for item in doc.front if item.kind in ("byline", "presenter", "date")
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
    for key in ("published_time", "modified_time"):
        if front_matter.get(key):
            doc.metadata[key] = str(front_matter[key])
    if front_matter.get("tags"):
        doc.metadata["tags"] = tag_list(front_matter["tags"])
    # Nothing lost: any other front-matter field is kept as a typed note in the header.
    # a date we could not read, or one printed with more than the date ("2022-12-01 (corrected)"), is also
    # kept as printed
    unused = {k for k in KNOWN_FRONT_MATTER if k == "date" and front_matter.get(k) is not None
              and (parse_date(str(front_matter[k])) != " ".join(str(front_matter[k]).split())  # not plain ISO: kept as printed
                   or parse_date(str(front_matter[k])) != doc.metadata.get("date"))}  # and one a printed date beat
    doc.metadata["front_matter_other"] = {str(k): " ".join(str(v).split()) for k, v in front_matter.items()
                                          if (k not in KNOWN_FRONT_MATTER or k in unused) and v is not None}
    langs = given.get("languages", [])
    if not isinstance(langs, list) or not all(isinstance(x, str) for x in langs):
        raise UsageError("metadata: source.languages must be a list of ISO 639-1 codes, e.g. [\"fr\"]")
    doc.metadata["languages"] = langs
