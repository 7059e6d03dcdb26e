"""Documentation generated from the code, so the two cannot drift: the conventions table."""
from __future__ import annotations

from .conventions import ALL


def conventions_table(fmt: str = "markdown") -> str:
    cols = ("id", "source", "tei", "html", "text", "guidelines")
    if fmt == "tsv":
        rows = ["\t".join(cols)] + ["\t".join(getattr(c, k) for k in cols) for c in ALL]
        return "\n".join(rows) + "\n"
    head = "| id | source form | TEI form | HTML edition | text edition | Guidelines |\n|---|---|---|---|---|---|\n"

    def cell(text: str, code: bool = False) -> str:
        text = text.replace("|", "\\|")
        return f"`{text}`" if code else text.replace("<", "&lt;").replace(">", "&gt;")

    body = "".join(f"| `{c.id}` | {cell(c.source)} | {cell(c.tei, code=True)} | {cell(c.html)} | {cell(c.text)} "
                   f"| {c.guidelines} |\n" for c in ALL)
    return head + body
