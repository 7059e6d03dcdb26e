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

FIELDS = ("title", "date", "url", "publisher", "place", "editor", "byline")
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
    except OSError as err:   # unreadable (permissions, a folder): one line, never a traceback
        raise UsageError(f"{path}: cannot read: {err.strerror}") from None
    except UnicodeDecodeError:
        raise UsageError(f"{path}: not valid TOML: not UTF-8") from None
    known = {"source", "edition", "speakers"}
    unknown = sorted(set(data) - known)
    if unknown:
        raise UsageError(f"{path}: unknown table(s) {', '.join(unknown)} (expected {', '.join(sorted(known))})")
    _check_types(data, path)
    return data


def _check_types(data: dict, path) -> None:
    """Values of the wrong type are one line naming the key, not a crash deep in the converter."""
    def fail(key: str, expected: str):
        raise UsageError(f"{path}: {key} must be {expected}")

    for table in ("source", "edition", "speakers"):
        if table in data and not isinstance(data[table], dict):
            fail(table, "a table")
    for key, value in data.get("source", {}).items():
        if key == "languages":
            if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
                fail("source.languages", 'a list of ISO 639-1 codes, e.g. ["fr"]')
        elif not isinstance(value, (str, int, float)) or isinstance(value, bool):
            fail(f"source.{key}", "a string")
    for ident, spec in data.get("speakers", {}).items():
        if not isinstance(spec, dict):
            fail(f"speakers.{ident}", "a table")
        for key, value in spec.items():
            if key == "labels":
                if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
                    fail(f"speakers.{ident}.labels", 'a list of strings, e.g. ["SEC. CARTER:"]')
            elif not isinstance(value, str):
                fail(f"speakers.{ident}.{key}", "a string")


def infer(doc: Document, front_matter: dict, meta: dict, source_name: str | None) -> None:
    """Fill doc.metadata: inferred values first, then --meta values win; provenance records both."""
    inferred: dict[str, tuple[str, str]] = {}
    for item in doc.front:
        if item.kind in ("title", "byline") and item.kind not in inferred:
            inferred[item.kind] = (item.text, f"source line {item.line}")
        if item.kind == "date" and item.when and "date" not in inferred:
            inferred["date"] = (item.when, f"source line {item.line}")
    if front_matter:
        if front_matter.get("title"):
            inferred["title"] = (" ".join(str(front_matter["title"]).split()), "front matter 'title'")
        when = parse_date(str(front_matter.get("date", "")))
        if when:
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
    # a date we could not read, or one printed with more than the date ("2022-12-01 (corrected)"), is also
    # kept as printed
    unused = {k for k in KNOWN_FRONT_MATTER if k == "date" and front_matter.get(k) is not None
              and parse_date(str(front_matter[k])) != " ".join(str(front_matter[k]).split())}
    doc.metadata["front_matter_other"] = {str(k): " ".join(str(v).split()) for k, v in front_matter.items()
                                          if (k not in KNOWN_FRONT_MATTER or k in unused) and v is not None}
    langs = given.get("languages", [])
    if not isinstance(langs, list) or not all(isinstance(x, str) for x in langs):
        raise UsageError("metadata: source.languages must be a list of ISO 639-1 codes, e.g. [\"fr\"]")
    doc.metadata["languages"] = langs
