"""Bytes -> normalised text with line numbers: encoding, line ends, forbidden characters, front matter, style.

Nothing here interprets the transcript; it only makes the text safe and uniform for the reader, and records
every change it makes as a warning with its source line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .errors import InputError, Warning_

MAX_SOURCE_BYTES = 256 * 1024 * 1024  # a guard against accidental huge inputs; transcripts are kilobytes

# Characters XML 1.0 forbids (C0 controls but tab/LF/CR, surrogates, U+FFFE/U+FFFF).
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_SPACES = re.compile("[\u00a0\u2007\u202f\u2009\u200a\u3000\t]")  # no-break and other odd spaces -> space
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")

STYLES = ("dod", "whitehouse-md", "public-papers")


@dataclass
class Source:
    """A decoded, normalised transcript."""

    lines: list[str]                 # normalised lines; index 0 is source line `first_line`
    first_line: int                  # source line number of lines[0] (after any front matter)
    encoding: str
    style: str
    front_matter: dict = field(default_factory=dict)
    front_matter_text: str = ""      # raw YAML block, for the fidelity check
    warnings: list[Warning_] = field(default_factory=list)
    path: str | None = None

    def numbered(self):
        for i, line in enumerate(self.lines):
            yield self.first_line + i, line


def decode(data: bytes, path: str | None = None) -> tuple[str, str, list[Warning_]]:
    """Bytes -> text. UTF-8 (with or without BOM) first; otherwise a detected legacy encoding."""
    if len(data) > MAX_SOURCE_BYTES:
        raise InputError(f"input is {len(data)} bytes, over the {MAX_SOURCE_BYTES}-byte limit", path=path)
    if not data.strip():
        raise InputError("input is empty: nothing to convert", path=path)
    if _looks_binary(data):
        raise InputError("input looks binary (NUL bytes or control characters), not a transcript", path=path)
    warnings: list[Warning_] = []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError("input has a UTF-16 byte-order mark but is not valid UTF-16", path=path) from None
        if _looks_binary(text.encode("utf-8", "replace")):  # a BOM in front of binary data
            raise InputError("input looks binary (NUL bytes or control characters), not a transcript", path=path)
        return text, "utf-16", warnings
    bom = data.startswith(b"\xef\xbb\xbf")
    body = data[3:] if bom else data
    try:
        return body.decode("utf-8"), "utf-8-sig" if bom else "utf-8", warnings
    except UnicodeDecodeError:
        pass
    return _per_line(body, 3 if bom else 0, warnings)


_LINE = re.compile(rb"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")
MAX_NAMED_BYTES = 10  # bad bytes named one by one in the warnings; the rest are counted


def _per_line(body: bytes, offset: int, warnings: list[Warning_]) -> tuple[str, str, list[Warning_]]:
    """Not UTF-8 as a whole: each line is decoded as UTF-8 where it is valid (a UTF-8 file with a stray cp1252
    byte keeps its accents), the other lines in the legacy encoding detected on those lines alone. Every
    byte that is not UTF-8 is named with its line and byte offset."""
    lines = _LINE.findall(body)
    bad: dict[int, bytes] = {}
    utf8_beyond_ascii = False
    for i, line in enumerate(lines):
        try:
            line.decode("utf-8")
            utf8_beyond_ascii = utf8_beyond_ascii or not line.isascii()
        except UnicodeDecodeError:
            bad[i] = line
    encoding, _ = _legacy(b"".join(bad.values()))
    texts, named, count, start = [], [], 0, offset
    for i, line in enumerate(lines):
        if i not in bad:
            texts.append(line.decode("utf-8"))
        else:
            texts.append(line.decode(encoding))
            for at, byte in _non_utf8_bytes(line, MAX_NAMED_BYTES - len(named)):
                named.append(Warning_(i + 1, "text.characters",
                                      f"byte 0x{byte:02X} at byte offset {start + at} is not UTF-8; decoded "
                                      f"as {encoding} {bytes([byte]).decode(encoding)!r}"))
            count += len(line) - len(line.decode("utf-8", "ignore").encode("utf-8"))  # bytes dropped: counted in C
        start += len(line)
    label = f"utf-8 with {encoding} lines" if utf8_beyond_ascii else encoding
    summary = (f"input is not UTF-8 on {len(bad)} line(s); those decoded as {encoding}, the others as UTF-8"
               if utf8_beyond_ascii else f"input is not UTF-8; decoded as {encoding}")
    more = f" ({count - len(named)} more non-UTF-8 byte(s) not listed)" if count > len(named) else ""
    warnings.append(Warning_(min(bad) + 1, "text.characters", summary + more))
    warnings.extend(named)
    return "".join(texts), label, warnings


_ESCAPED = re.compile("[\udc80-\udcff]")   # a byte that is not UTF-8, after decoding with surrogateescape


def _non_utf8_bytes(line: bytes, limit: int):
    """(offset in the line, byte) for the first `limit` bytes of `line` that are not valid UTF-8; linear in
    the line's length (a 50 MB line with a bad byte every few words stays fast)."""
    if limit <= 0:
        return
    text = line.decode("utf-8", "surrogateescape")
    for n, m in enumerate(_ESCAPED.finditer(text)):
        if n >= limit:
            return
        yield len(text[:m.start()].encode("utf-8", "surrogateescape")), ord(m.group()) - 0xDC00


_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


def _looks_binary(data: bytes) -> bool:
    sample = data[:65536]
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False  # UTF-16 has NULs by design: checked again once decoded
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))  # counted in C
    return controls > len(sample) * 0.05


def _legacy(data: bytes) -> tuple[str, str]:
    """Not UTF-8: ask charset-normalizer, limited to the single-byte encodings transcripts come in."""
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["cp1252", "latin_1", "iso8859_15", "mac_roman"]).best()
    encoding = best.encoding if best is not None else "cp1252"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        encoding = "latin_1"  # decodes any byte sequence; nothing is lost
        text = data.decode(encoding)
    return encoding, text


def normalise(text: str, warnings: list[Warning_]) -> list[str]:
    """Line ends to LF; odd spaces to spaces; forbidden characters replaced visibly and reported."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not _FORBIDDEN.search(text):
        # Nothing to report (nearly every file): the same replacements, on the whole text at once (no pattern
        # matches a line end, so line by line or not makes no difference).
        return [line.rstrip() for line in _SPACES.sub(" ", _ZERO_WIDTH.sub("", text)).split("\n")]
    lines = text.split("\n")
    out = []
    for no, line in enumerate(lines, 1):
        if _FORBIDDEN.search(line):
            bad = sorted({f"U+{ord(c):04X}" for c in _FORBIDDEN.findall(line)})
            warnings.append(Warning_(no, "text.characters",
                                     f"replaced character(s) {', '.join(bad)} that XML 1.0 forbids with U+FFFD"))
            line = _FORBIDDEN.sub("\ufffd", line)
        line = _ZERO_WIDTH.sub("", line)
        line = _SPACES.sub(" ", line)
        out.append(line.rstrip())
    return out


_FRONT_MATTER_END = re.compile(r"^(?:---|\.\.\.)\s*$")


def split_front_matter(lines: list[str], path: str | None) -> tuple[dict, str, int]:
    """YAML front matter (whitehouse.gov Markdown archive) -> (data, raw text, number of lines it took)."""
    if not lines or lines[0].strip() != "---":
        return {}, "", 0
    for i in range(1, min(len(lines), 200)):
        if _FRONT_MATTER_END.match(lines[i]):
            raw = "\n".join(lines[1:i])
            return _load_yaml(raw, path), raw, i + 1
    return {}, "", 0


def _yaml_loader():
    """yaml.SafeLoader without aliases (a ~400-byte alias bomb expands to gigabytes) and without implicit
    timestamps (a date stays the string printed, so `2020-02-30` is kept as printed instead of crashing)."""
    import yaml

    class FrontMatterLoader(yaml.SafeLoader):
        def compose_node(self, parent, index):
            if self.check_event(yaml.AliasEvent):
                event = self.peek_event()
                raise yaml.composer.ComposerError(None, None, "YAML aliases (*name) are refused in front matter",
                                                  event.start_mark)
            return super().compose_node(parent, index)

    FrontMatterLoader.yaml_implicit_resolvers = {
        k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
        for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}
    return FrontMatterLoader


def _load_yaml(raw: str, path: str | None) -> dict:
    import yaml

    try:
        data = yaml.load(raw, Loader=_yaml_loader())  # a SafeLoader: no Python objects from hostile input
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        raise InputError(f"front matter is not valid YAML: {getattr(err, 'problem', err)}", path=path,
                         line=(mark.line + 2) if mark else None) from None
    except (ValueError, TypeError, RecursionError) as err:  # a value the safe constructors cannot build
        raise InputError(f"front matter has a value that cannot be read: {err}", path=path) from None
    if not isinstance(data, dict):
        return {}
    return {str(k): v for k, v in data.items()}


# --- style detection ------------------------------------------------------------------------------------------
def detect_style(lines: list[str], front_matter: dict) -> str:
    """Front matter means the Markdown archive; otherwise whichever label form (conventions.py) is commoner."""
    from .conventions import CAPS_LABEL, PUBLIC_PAPERS_LABEL

    if front_matter:
        return "whitehouse-md"
    stripped = [line.strip() for line in lines]
    pp = sum(1 for line in stripped if PUBLIC_PAPERS_LABEL.match(line))
    caps = sum(1 for line in stripped if CAPS_LABEL.match(line))
    return "public-papers" if pp > caps else "dod"


_MARKUP_START = re.compile(r"\A\s*(?:<\?xml\b|<!DOCTYPE\b|<(?:TEI|teiCorpus|html)\b)", re.IGNORECASE)


def read_source(data: bytes, path: str | None = None, style: str | None = None) -> Source:
    text, encoding, warnings = decode(data, path)
    if _MARKUP_START.match(text[:512]):
        raise InputError("input is XML or HTML, not a plain-text transcript (to check a TEI file, use "
                         "tei-edition validate; to render it, tei-edition render)", path=path)
    if _is_json(text):
        raise InputError("input is JSON, not a plain-text transcript (extract the transcript's text first)",
                         path=path)
    lines = normalise(text, warnings)
    front, raw, skip = split_front_matter(lines, path)
    body = lines[skip:]
    if not any(line.strip() for line in body):
        raise InputError("input has no transcript text", path=path)
    if style is not None and style not in STYLES:
        from .errors import UsageError

        raise UsageError(f"unknown style {style!r} (choose from {', '.join(STYLES)})")
    chosen = style or detect_style(body, front)
    if not front and not _has_label(body):
        warnings.append(Warning_(skip + 1, "label.speaker", UNSTRUCTURED + f" (style {chosen} assumed)"))
    return Source(body, skip + 1, encoding, chosen, front, raw, warnings, path)


# Input with no speaker label and no front matter has no structure of any style: it still converts (one
# unattributed turn, every word kept), but is flagged so that `convert --strict` can refuse it.
UNSTRUCTURED = ("not a transcript? no speaker label and no front matter of any style "
                f"({', '.join(STYLES)}); converted as unattributed text")


def _has_label(lines: list[str]) -> bool:
    from .conventions import BARE_Q_LABEL, CAPS_LABEL, PUBLIC_PAPERS_LABEL, TIMESTAMPED_LABEL

    return any(rx.match(line.strip()) for line in lines
               for rx in (CAPS_LABEL, PUBLIC_PAPERS_LABEL, BARE_Q_LABEL, TIMESTAMPED_LABEL))


def _is_json(text: str) -> bool:
    """A JSON object or array (an API response, a data file) given where a transcript was expected."""
    head = text.lstrip()[:1]
    if head not in ("{", "[") or text.rstrip()[-1:] not in ("}", "]"):
        return False
    import json

    try:
        return isinstance(json.loads(text), (dict, list))
    except ValueError:
        return False
