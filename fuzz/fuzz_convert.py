"""Coverage-guided fuzzing of the converter (atheris). One command:

    mkdir -p /tmp/fuzz-corpus && python fuzz/fuzz_convert.py /tmp/fuzz-corpus fuzz/seeds -max_total_time=300

(libFuzzer adds new inputs to the first folder, so give it a scratch one; fuzz/seeds holds three hand-made
seeds and the inputs that once crashed, all of which are regression tests in tests/test_regressions.py.)

Every input must either be refused with a clean InputError, or give TEI that reparses, is valid against the
project schema and rules, and keeps every source word (in the TEI and in the text edition).

The run keeps going past the first finding: a failing input is saved as `fuzz/findings/finding-SHA1` (or
$FUZZ_FINDINGS) and its kind printed once, and fuzzing goes on; only a crash of the interpreter itself stops
libFuzzer. At the end, each kind of finding is listed with one example. Turn each into a regression test in
tests/test_regressions.py once fixed, and delete the finding. `python fuzz/fuzz_convert.py --check FILE...`
runs the same check on given inputs, without atheris (tests/test_faults.py does so on fuzz/seeds).
"""
from __future__ import annotations

import atexit
import hashlib
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

FINDINGS = Path(os.environ.get("FUZZ_FINDINGS", HERE / "findings"))
_kinds: dict[str, str] = {}


def _import_target():
    global tei, fidelity, render, xmlio, InputError, VALIDATOR
    import tei
    from tei import fidelity, render, xmlio
    from tei.errors import InputError
    from tei.validate import Validator

    VALIDATOR = Validator("project")


def check(data: bytes) -> None:
    """Raise AssertionError (or anything) when the converter misbehaves on `data`."""
    try:
        result = tei.convert(data)
    except InputError:
        return
    tree = xmlio.parse_bytes(result.data)
    problems = VALIDATOR.validate_tree(tree, "fuzz.xml").problems
    if problems:
        raise AssertionError(f"invalid TEI: {problems[0].message} [{problems[0].rule}]")
    expected = fidelity.words(fidelity.tei_text(tree.getroot()))
    if fidelity.edition_words("text", render.render(tree, "text")) != expected:
        raise AssertionError("the text edition lost or changed words")


def test_one_input(data: bytes) -> None:
    """The fuzz target: records a finding instead of stopping the run."""
    try:
        check(data)
    except Exception as err:  # noqa: BLE001 - every finding is recorded, then fuzzing goes on
        kind = f"{type(err).__name__}: {str(err).splitlines()[0][:160] if str(err) else ''}"
        name = "finding-" + hashlib.sha1(data).hexdigest()
        FINDINGS.mkdir(parents=True, exist_ok=True)
        (FINDINGS / name).write_bytes(data)
        if kind not in _kinds:
            _kinds[kind] = name
            print(f"\nfuzz: new kind of finding ({len(_kinds)}): {kind} -> {FINDINGS / name}", file=sys.stderr)


def _summary() -> None:
    if _kinds:
        print(f"\nfuzz: {len(_kinds)} kind(s) of finding, in {FINDINGS}:", file=sys.stderr)
        for kind, name in _kinds.items():
            print(f"  {kind}  (e.g. {name})", file=sys.stderr)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--check"]:
        _import_target()
        bad = 0
        for arg in sys.argv[2:]:
            try:
                check(Path(arg).read_bytes())
            except Exception as err:  # noqa: BLE001
                bad += 1
                print(f"{arg}: {type(err).__name__}: {err}", file=sys.stderr)
        sys.exit(1 if bad else 0)
    import atheris

    with atheris.instrument_imports(include=["tei"]):
        _import_target()
    atexit.register(_summary)
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
