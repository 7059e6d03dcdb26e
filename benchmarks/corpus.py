"""Benchmark corpora made from the real transcripts in ../shared/corpus/ (public-domain US government texts).

make_corpus(n): n DoD-style transcripts of about the seed's size, each a deterministic recombination of real
turns (labels and paragraphs as printed, remarks included) from every corpus file.
scaled_seed(k): the seed transcript with its body repeated k times (for cost-versus-size measurements).
"""
from __future__ import annotations

import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
SEED = ROOT / "editions" / "dod-2016-01-21-carter-ecole-militaire.txt"
HEADER = ("This information is provided for historical purposes only. It may contain outdated information and "
          "links may no longer function.\nPlease contact the DOD Webmaster if you have any questions about this "
          "archive.\n\n")


def real_turns(corpus: Path = CORPUS) -> list[tuple[str, list[str]]]:
    """(label, paragraphs) for every labeled turn of every corpus transcript, as printed."""
    import sys

    sys.path.insert(0, str(ROOT))
    from tei import reader
    from tei.model import plain
    from tei.source import read_source

    turns = []
    for path in sorted(corpus.glob("*.txt")):
        doc = reader.read(read_source(path.read_bytes(), str(path)))
        for turn in doc.turns():
            if not turn.label or not turn.paragraphs:
                continue
            label = turn.label.upper().rstrip(".:") + ":"
            paras = [" ".join(plain(p.content).split()) for p in turn.paragraphs]
            turns.append((label, [p for p in paras if p]))
    return turns


def make_corpus(folder: Path, n: int, target_bytes: int | None = None, corpus: Path = CORPUS) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    turns = real_turns(corpus)
    size = target_bytes or SEED.stat().st_size
    files = []
    for i in range(n):
        rng = random.Random(i)
        year, month, day = 2000 + i % 25, 1 + i % 12, 1 + i % 28
        months = "Jan. Feb. March April May June July Aug. Sept. Oct. Nov. Dec.".split()
        parts = [HEADER, f"Remarks at Generated Event Number {i}\n\n{months[month - 1]} {day}, {year}\n"
                         "Secretary of Defense Ash Carter\n\n"]
        length = sum(len(p) for p in parts)
        while length < size:
            label, paras = turns[rng.randrange(len(turns))]
            block = f"{label} {paras[0]}\n\n" + "".join(f"{p}\n\n" for p in paras[1:])
            parts.append(block)
            length += len(block.encode("utf-8"))
        path = folder / f"generated-{i:05d}.txt"
        path.write_text("".join(parts), encoding="utf-8")
        files.append(path)
    return files


def scaled_seed(folder: Path, k: int) -> Path:
    """The seed with its body (everything after the byline) repeated k times."""
    text = SEED.read_text(encoding="utf-8")
    head, sep, body = text.partition("Secretary of Defense Ash Carter\n")
    path = folder / f"seed-x{k}.txt"
    path.write_text(head + sep + body * k, encoding="utf-8")
    return path
