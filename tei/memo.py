"""What one reading of an unchanging TEI tree remembers for the next: while `remembered_texts()` is active (build,
around one document's editions), a paragraph's text, a turn's head, a tree-wide question are worked out once,
though the JSON, TSV, Markdown and site readers each ask for them. No imports: the render path's start-up
stays light.

The keys hold the elements (lxml keeps their proxies while the memo lives, so an identity is never reused).
"""
from __future__ import annotations

import contextlib

_memo: dict | None = None


@contextlib.contextmanager
def remembered_texts():
    """Within: each reading below answers once per element (or tree)."""
    global _memo
    saved, _memo = _memo, {}
    try:
        yield
    finally:
        _memo = saved


def active() -> dict | None:
    """The memo while remembered_texts() is active, else None. A reading's entries are keyed by the element
    (fidelity.text_as_printed) or by a tuple of the reading's name and the element."""
    return _memo


def per_tree(what: str, root, compute):
    """compute(), once per tree while remembered_texts() is active, else every time."""
    if _memo is None:
        return compute()
    key = (what, root)
    if key not in _memo:
        _memo[key] = compute()
    return _memo[key]
