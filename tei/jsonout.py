"""JSON out, one way for the editions we write (the JSON edition, review.json; the build manifest stays on the
standard library's json: see outputs.Manifest.save).

orjson (a C encoder) rather than the standard library: Python's `json.dumps` with `indent` falls back to its
pure-Python encoder, which cost a build more than the JSON edition's reading of the TEI. Two-space indent (the
only one orjson has), keys in the order given, UTF-8 as is (no \\u escapes), one final newline: deterministic
bytes that diff line by line.
"""
from __future__ import annotations

import orjson


def dumps(data) -> bytes:
    return orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)


def loads(data: bytes | str):
    return orjson.loads(data)
