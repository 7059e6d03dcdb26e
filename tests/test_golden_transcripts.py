"""Golden outputs of converted transcripts (pandoc's golden tests): the TEI and every data and text edition of
the held-out transcripts in tests/data/heldout, byte for byte. An optimisation must leave them as they are;
a change meant to alter them regenerates them, and the diff is reviewed in the commit:

    TEI_EDITION_UPDATE_GOLDEN=1 python -m pytest -q tests/test_golden_transcripts.py

(The HTML edition is left to tests/test_editions.py, which compares the seed's, CSS and all.)
"""
from __future__ import annotations

import os

import pytest

import tei
from conftest import REPO
from tei import render

HELDOUT = sorted((REPO / "tests" / "data" / "heldout").glob("*.txt"))
GOLDEN = REPO / "tests" / "golden" / "transcripts"
FORMATS = ["tsv", "json", "text", "markdown"]


@pytest.fixture(scope="module")
def outputs():
    done = {}
    for path in HELDOUT:
        conversion = tei.convert_file(path)
        done[path.stem] = {"tei": conversion.data,
                           **{fmt: render.render(conversion.tree, fmt) for fmt in FORMATS}}
    return done


@pytest.mark.parametrize("path", HELDOUT, ids=[p.stem[:40] for p in HELDOUT])
@pytest.mark.parametrize("fmt", ["tei", *FORMATS])
def test_golden_transcript_outputs(outputs, path, fmt):
    suffix = ".xml" if fmt == "tei" else render.WRITERS[fmt].suffix
    golden = GOLDEN / f"{path.stem}{suffix}"
    data = outputs[path.stem][fmt]
    if os.environ.get("TEI_EDITION_UPDATE_GOLDEN") == "1":
        GOLDEN.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(data)
    assert golden.read_bytes() == data, f"{golden} differs (see the module docstring to update it)"
