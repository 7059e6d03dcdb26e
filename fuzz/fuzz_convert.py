"""Coverage-guided fuzzing of the converter (atheris). One command:

    mkdir -p /tmp/fuzz-corpus && python fuzz/fuzz_convert.py /tmp/fuzz-corpus fuzz/seeds -max_total_time=300

(libFuzzer adds new inputs to the first folder, so give it a scratch one; fuzz/seeds holds three hand-made
seeds and the inputs that once crashed, all of which are regression tests in tests/test_regressions.py.)

Every input must either be refused with a clean InputError, or give TEI that reparses, is valid against the
project schema and rules, and keeps every source word (in the TEI and in the text edition). Anything else
raises, and atheris saves the input as crash-*; add it to tests/test_regressions.py once fixed.
"""
from __future__ import annotations

import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

with atheris.instrument_imports(include=["tei"]):
    import tei
    from tei import fidelity, render, xmlio
    from tei.errors import InputError
    from tei.validate import Validator

VALIDATOR = Validator("project")


def test_one_input(data: bytes) -> None:
    try:
        result = tei.convert(data)
    except InputError:
        return
    tree = xmlio.parse_bytes(result.data)
    problems = VALIDATOR.validate_tree(tree, "fuzz.xml").problems
    if problems:
        raise AssertionError(f"invalid TEI: {problems[0]}")
    expected = fidelity.words(fidelity.tei_text(tree.getroot()))
    if fidelity.edition_words("text", render.render(tree, "text")) != expected:
        raise AssertionError("the text edition lost or changed words")


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
