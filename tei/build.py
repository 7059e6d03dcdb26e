"""build(): a folder of transcripts (and/or TEI files) -> TEI (+ editions) in an output folder.

Hand-edited TEI is never replaced by re-conversion: it is kept and used as it is, unless both `reconvert`
and `force` are given.
"""
from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from . import outputs, resources, xmlio
from .errors import InvalidDocument, TeiEditionError, UsageError
from .pipeline import convert_file
from .validate import shared_validator

TRANSCRIPT_SUFFIXES = (".txt", ".md")


@dataclass
class BuildResult:
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)        # hand-edited TEI kept
    failed: list[tuple[Path, str]] = field(default_factory=list)
    reports: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed


def default_sources() -> Path:
    """./editions; created with the seed transcript when it does not exist yet."""
    folder = Path("editions")
    if not folder.exists():
        folder.mkdir(parents=True)
        shutil.copyfile(resources.seed_transcript(), folder / resources.SEED_NAME)
    return folder


def build(sources: str | Path | None = None, out: str | Path | None = None, *, force: bool = False,
          reconvert: bool = False, meta: str | Path | None = None, on_event=None) -> BuildResult:
    src = Path(sources) if sources is not None else default_sources()
    if not src.is_dir():
        raise UsageError(f"{src}: not a folder (build takes a folder of transcripts)")
    dest = Path(out) if out is not None else src
    result = BuildResult()
    transcripts = sorted(p for p in src.iterdir() if p.suffix in TRANSCRIPT_SUFFIXES and p.is_file())
    if not transcripts:
        raise UsageError(f"{src}: no transcripts (*.txt) to build")
    for path in transcripts:
        target = dest / (path.stem + ".xml")
        try:
            if target.exists() and outputs.hand_edited(target) and not (reconvert and force):
                _gate(xmlio.parse_file(target), target)   # a hand-edited TEI must still be valid
                result.kept.append(target)
                _emit(on_event, "kept", target)
                continue
            sidecar = path.with_suffix(".toml")
            conversion = convert_file(path, meta_path=meta or (sidecar if sidecar.exists() else None))
            result.reports.append(conversion.report())
            _gate(conversion.tree, target)                # nothing is written when the gate fails
            state = outputs.write(target, conversion.data, force=force or reconvert)
            (result.written if state == "written" else result.unchanged).append(target)
            _emit(on_event, state, target)
        except TeiEditionError as err:
            result.failed.append((path, str(err)))
            _emit(on_event, "failed", path, str(err))
    return result


def _gate(tree, path: Path) -> None:
    """The validation gate: the project schema and rules. Raises InvalidDocument naming the first problems."""
    problems = shared_validator().validate_tree(tree, str(path)).problems
    if problems:
        shown = "; ".join(f"line {p.line}: {p.message} [{p.rule}]" for p in problems[:3])
        more = f" (+{len(problems) - 3} more; run tei-edition validate {path})" if len(problems) > 3 else ""
        raise InvalidDocument(f"not valid, not rendered: {shown}{more}", path=path)


def _emit(callback, state: str, path: Path, detail: str = "") -> None:
    if callback is not None:
        callback(state, path, detail)
