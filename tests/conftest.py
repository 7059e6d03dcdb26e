"""Shared fixtures. Tests that need ../shared/ (the corpus, the official TEI schema) or an external tool skip
with a visible reason on a user's clone; with TEI_EDITION_STRICT=1 (set by .ci/run) such a skip is a failure."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from lxml import etree

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("TEI_EDITION_SHARED", REPO.parent / "shared"))
CORPUS = SHARED / "corpus"
TEI_ALL_RNG = SHARED / "reference" / "tei_all.rng"
SEED = REPO / "editions" / "dod-2016-01-21-carter-ecole-militaire.txt"
NS = {"t": "http://www.tei-c.org/ns/1.0"}
STRICT = os.environ.get("TEI_EDITION_STRICT") == "1"


def require(condition: bool, reason: str) -> None:
    """Skip (on a laptop) or fail (in CI, TEI_EDITION_STRICT=1) when something a test needs is missing: the
    suite's only skip, never taken where the requirement is met, and a failure wherever .ci/run runs
    (tests/test_conftest.py holds all three cases)."""
    if not condition:   # (one call: a failure in CI, a skip with its reason on a laptop)
        stop = pytest.fail if STRICT else pytest.skip
        stop(f"required in CI: {reason}" if STRICT else f"needs what is missing here: {reason}")


def corpus_files() -> list[Path]:
    return sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []


def corpus_params():
    files = corpus_files()
    return [pytest.param(f, id=f.stem[:40]) for f in files] or [pytest.param(None, id="corpus-missing")]


@pytest.fixture
def corpus_file(request):
    path = request.param
    require(path is not None, f"the shared corpus is not at {CORPUS}")
    return path


@pytest.fixture(scope="session")
def tei_all():
    """The official TEI P5 RELAX NG schema, compiled once per test session (~5 s)."""
    require(TEI_ALL_RNG.exists(), f"the official TEI schema is not at {TEI_ALL_RNG}")
    return etree.RelaxNG(etree.parse(str(TEI_ALL_RNG)))


@pytest.fixture(scope="session")
def seed_conversion():
    import tei

    return tei.convert_file(SEED)


@pytest.fixture(autouse=True)
def _user_cache(tmp_path_factory, monkeypatch):
    """Single-file outputs (convert -o, render -o) are recorded in the user's cache: keep the tests' records
    out of ~/.cache."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.getbasetemp() / "xdg-cache"))


def pytest_sessionfinish(session, exitstatus):
    """Under TEI_EDITION_STRICT=1 (.ci/run) a skip from anywhere (a plugin, a test's own pytest.skip) fails the
    run, not only require()'s: every test that CI counts has run and could have failed."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = len(reporter.stats.get("skipped", [])) if reporter is not None else 0
    if STRICT and skipped and session.exitstatus == 0:
        if reporter is not None:
            reporter.write_line(f"TEI_EDITION_STRICT=1: {skipped} test(s) skipped; a skip fails the run here",
                                red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
