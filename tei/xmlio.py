"""The only place that parses, serialises and writes XML: hardened, canonical, atomic.

Every input is hostile. One parser: no DTD loading or validation, no entity expansion, no network, and a
resolver that refuses every URL, so libxml2 never opens anything but the bytes it was given (without it,
even `load_dtd=False` opens a DOCTYPE's SYSTEM file: `/dev/stdin` hangs, a DTD beside the file is read).
Any DOCTYPE is then refused from the parse result (`docinfo`), whatever the encoding (UTF-16 included) or
however far into the file it is, and so is any entity reference left in the tree: TEI needs neither.
libxml2's own size limits (10 MB per text node) would only refuse honest large transcripts, so they are lifted
(`huge_tree`); its entity-amplification limit stays active regardless, and ours apply: MAX_XML_BYTES in all
(checked by stat before reading), MAX_DEPTH levels of nesting.
"""
from __future__ import annotations

import os
from typing import TYPE_CHECKING

from lxml import etree

from .errors import InputError, OutputError

if TYPE_CHECKING:   # paths are handled as strings (os.path): the light render path never imports pathlib
    from pathlib import Path

TEI_NS = "http://www.tei-c.org/ns/1.0"
MAX_XML_BYTES = 256 * 1024 * 1024
MAX_INPUT_BYTES = 256 * 1024 * 1024   # any input file (transcript, TEI, metadata): refused by size unread
MAX_DEPTH = 256


class _Refused(Exception):
    def __init__(self, url: str):
        super().__init__(url)
        self.url = url


class _RefuseEveryURL(etree.Resolver):
    def resolve(self, url, pubid, context):
        raise _Refused(url or pubid or "?")


class _OnlyUnder(etree.Resolver):
    """For a schema or stylesheet: its imports and includes may be files under its own folder, nothing else."""

    def __init__(self, folder: str):
        super().__init__()
        self.folder = os.path.realpath(folder)

    def resolve(self, url, pubid, context):
        target = _local_file(url) if url else None
        if target is not None:
            target = os.path.realpath(target)
            if os.path.commonpath([target, self.folder]) == self.folder and os.path.isfile(target):
                return self.resolve_filename(target, context)
        raise _Refused(url or pubid or "?")


def _local_file(url: str) -> str | None:
    """The file a URL names on this machine (a path, or file: without a host), else None. A plain path, what
    libxml2 hands over for an import next to a stylesheet read from a file, needs no URL parser."""
    if ":" not in url and "%" not in url:
        return url
    from urllib.parse import unquote, urlparse

    parsed = urlparse(url)
    return unquote(parsed.path) if parsed.scheme in ("", "file") and not parsed.netloc else None


def _parser(resolver: etree.Resolver | None = None) -> etree.XMLParser:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                             huge_tree=True, remove_blank_text=False, collect_ids=False)
    parser.resolvers.add(resolver or _RefuseEveryURL())
    return parser


_DOCTYPE = "XML with a DOCTYPE or entity declarations is refused (a TEI file needs none)"


def parse_bytes(data: bytes, path: str | None = None, resolver: etree.Resolver | None = None) -> etree._ElementTree:
    if len(data) > MAX_XML_BYTES:
        raise InputError(f"XML file is over the {MAX_XML_BYTES}-byte limit", path=path)
    if not data.strip():
        raise InputError("file is empty, not XML", path=path)
    try:
        root = etree.fromstring(data, _parser(resolver), base_url=path)
    except _Refused as err:
        raise InputError(f"{_DOCTYPE}; it refers to {err.url!r}, which is never opened", path=path) from None
    except etree.XMLSyntaxError as err:
        line = err.position[0] if err.position else None
        if "Excessive depth" in (err.msg or ""):
            raise InputError(f"XML nesting deeper than {MAX_DEPTH} levels is refused", path=path, line=line) from None
        if "amplification" in (err.msg or ""):   # an entity bomb in a DOCTYPE, stopped by libxml2 itself
            raise InputError(_DOCTYPE, path=path, line=line) from None
        raise InputError(f"not well-formed XML: {_plain(err.msg)}", path=path, line=line) from None
    tree = root.getroottree()
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None or tree.docinfo.externalDTD is not None:
        raise InputError(_DOCTYPE, path=path)
    if _HAS_ENTITY(root):
        raise InputError("XML with entity references is refused (a TEI file needs none)", path=path)
    if _deeper_than(root, MAX_DEPTH):
        raise InputError(f"XML nesting deeper than {MAX_DEPTH} levels is refused", path=path)
    return tree


_DEPTH_PROBE = etree.XPath("boolean(" + "/*" * (MAX_DEPTH + 1) + ")")
_HAS_ENTITY = etree.XPath("boolean(//node()[not(self::* or self::text() or self::comment() or "
                          "self::processing-instruction())])")


def _deeper_than(root, depth: int) -> bool:
    """Is any element nested deeper than `depth`? One XPath step per level, in C: linear in the tree."""
    return bool(_DEPTH_PROBE(root))


def read_bytes(path: str | Path, limit: int = MAX_INPUT_BYTES) -> bytes:
    """Any input file's bytes, or an InputError a person can act on (every command reads through this).
    A file over `limit` is refused by its size, before anything is read."""
    try:
        with open(path, "rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            if size > limit:
                raise InputError(f"input is {size} bytes, over the {limit}-byte limit", path=path)
            data = fh.read(limit + 1)           # a pipe or device has no size: read at most the limit
    except FileNotFoundError:
        raise InputError("no such file", path=path) from None
    except IsADirectoryError:
        raise InputError("is a directory, not a file", path=path) from None
    except OSError as err:
        raise InputError(f"cannot read: {err.strerror}", path=path) from None
    if len(data) > limit:
        raise InputError(f"input is over the {limit}-byte limit", path=path)
    return data


def parse_file(path: str | Path) -> etree._ElementTree:
    return parse_bytes(read_bytes(path), str(path))


def parse_resource(path: str | Path) -> etree._ElementTree:
    """A schema or stylesheet (ours, or one given with --schema): parsed like any input, except that what it
    imports or includes may be read from its own folder (and below), never from elsewhere or the network."""
    path = os.path.realpath(path)
    return parse_bytes(read_bytes(path), path, _OnlyUnder(os.path.dirname(path)))


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


def write_atomic(path: str | Path, data: bytes, durable: bool = True) -> None:
    """Write to a temporary file beside the target, then rename: readers see the old file or the new one.
    Any OS error (read-only folder, full disk, a folder in the way) is an OutputError: one line, exit 2;
    the temporary file is removed whatever happens (even Ctrl-C). `durable=False` skips the fsync: for a
    caller that syncs the whole folder once before recording the files as done (build, outputs.sync_folder)."""
    path = os.fspath(path)
    tmp = None
    try:
        os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
        fd, tmp = _create_temporary(path, names := [])
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            if durable:
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
        _discard(tmp or (names[0] if names else None))
        what = "is a directory, not a file" if isinstance(err, IsADirectoryError) else \
            f"cannot write: {err.strerror or err}"
        raise OutputError(what, path=path) from None
    except BaseException:
        _discard(tmp or (names[0] if names else None))
        raise


_TMP_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789_"


def _create_temporary(path: str, names: list) -> tuple[int, str]:
    """mkstemp's O_EXCL file beside the target (the same name pattern), with its name known *before* it is
    created: a SIGTERM that unwinds the worker between the creation and the return still finds the name (in
    `names`) and removes the file (mkstemp's window was hit once fsync no longer dominated the write)."""
    while True:   # 8 characters of _TMP_CHARS (hex is among them) from one urandom call, not eight
        folder, base = os.path.split(path)
        name = os.path.join(folder, f".{base}.{os.urandom(4).hex()}.tmp")
        names[:] = [name]
        try:
            return os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600), name
        except FileExistsError:   # another file's name: never ours to remove
            names.clear()


def _discard(tmp: str | None) -> None:
    if tmp is not None:
        try:
            os.unlink(tmp)
        except OSError:
            pass
