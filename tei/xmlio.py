"""The only place that parses, serialises and writes XML: hardened, canonical, atomic.

Every input is hostile: no DTD loading, no entity expansion, no network, no XInclude, bounded size; any
DOCTYPE is refused outright (TEI needs none), which also stops entity-expansion bombs before they start.
With entities impossible, libxml2's own size limits (10 MB per text node) would only refuse honest large
transcripts, so they are lifted and ours apply instead: MAX_XML_BYTES in all, MAX_DEPTH levels of nesting.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from lxml import etree

from .errors import InputError, OutputError

TEI_NS = "http://www.tei-c.org/ns/1.0"
MAX_XML_BYTES = 256 * 1024 * 1024
MAX_DEPTH = 256


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                           huge_tree=True, remove_blank_text=False, collect_ids=False)


def parse_bytes(data: bytes, path: str | None = None) -> etree._ElementTree:
    if len(data) > MAX_XML_BYTES:
        raise InputError(f"XML file is over the {MAX_XML_BYTES}-byte limit", path=path)
    head = data[:4096].lstrip()
    if b"<!DOCTYPE" in data[:65536] or b"<!ENTITY" in data[:65536]:
        raise InputError("XML with a DOCTYPE or entity declarations is refused (a TEI file needs none)", path=path)
    if not head:
        raise InputError("file is empty, not XML", path=path)
    try:
        root = etree.fromstring(data, _parser(), base_url=path)
    except etree.XMLSyntaxError as err:
        line = err.position[0] if err.position else None
        if "Excessive depth" in (err.msg or ""):
            raise InputError(f"XML nesting deeper than {MAX_DEPTH} levels is refused", path=path, line=line) from None
        raise InputError(f"not well-formed XML: {_plain(err.msg)}", path=path, line=line) from None
    if _deeper_than(root, MAX_DEPTH):
        raise InputError(f"XML nesting deeper than {MAX_DEPTH} levels is refused", path=path)
    return root.getroottree()


_DEPTH_PROBE = etree.XPath("boolean(" + "/*" * (MAX_DEPTH + 1) + ")")


def _deeper_than(root, depth: int) -> bool:
    """Is any element nested deeper than `depth`? One XPath step per level, in C: linear in the tree."""
    return bool(_DEPTH_PROBE(root))


def read_bytes(path: str | Path) -> bytes:
    """Any input file's bytes, or an InputError a person can act on (every command reads through this)."""
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", path=path) from None
    except IsADirectoryError:
        raise InputError("is a directory, not a file", path=path) from None
    except OSError as err:
        raise InputError(f"cannot read: {err.strerror}", path=path) from None


def parse_file(path: str | Path) -> etree._ElementTree:
    return parse_bytes(read_bytes(path), str(path))


def _plain(msg: str) -> str:
    return msg.split(", line ")[0] if msg else "syntax error"


def serialise(tree: etree._ElementTree) -> bytes:
    """One serialiser for every TEI file: UTF-8, declaration, deterministic. libxml2's pretty printer indents
    only elements without text children, so mixed content (a <p>) is never altered."""
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8", pretty_print=True)


# A test hook for the fault-injection suite (tests/test_faults.py): TEI_EDITION_FAULT="kill-after:N" makes the
# process group die by SIGKILL right after its Nth renamed file, "kill-before-rename:N" with the Nth temporary
# file written but not yet renamed. Read once; unset in normal use, where it costs one comparison per write.
_FAULT = os.environ.get("TEI_EDITION_FAULT", "")
_writes = 0


def _fault(stage: str) -> None:
    global _writes
    kind, _, n = _FAULT.partition(":")
    if kind != stage:
        return
    if stage == "kill-after" or stage == "kill-before-rename":
        _writes += 1
        if _writes == int(n or 1):
            import signal

            os.killpg(os.getpgrp(), signal.SIGKILL)


def write_atomic(path: str | Path, data: bytes) -> None:
    """Write to a temporary file beside the target, then rename: readers see the old file or the new one.
    Any OS error (read-only folder, full disk, a folder in the way) is an OutputError: one line, exit 2;
    the temporary file is removed whatever happens (even Ctrl-C)."""
    path = Path(path)
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        if _FAULT:
            _fault("kill-before-rename")
        os.replace(tmp, path)
        tmp = None
        if _FAULT:
            _fault("kill-after")
    except OSError as err:
        _discard(tmp)
        what = "is a directory, not a file" if isinstance(err, IsADirectoryError) else \
            f"cannot write: {err.strerror or err}"
        raise OutputError(what, path=path) from None
    except BaseException:
        _discard(tmp)
        raise


def _discard(tmp: str | None) -> None:
    if tmp is not None:
        try:
            os.unlink(tmp)
        except OSError:
            pass
