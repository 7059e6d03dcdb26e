"""The one skip the suite has (conftest.require) cannot pass silently in CI: with TEI_EDITION_STRICT=1, as
.ci/run sets it, a missing requirement fails the test; only on a user's clone does it skip, with its reason."""
from __future__ import annotations

import pytest

import conftest


def test_a_missing_requirement_fails_under_strict(monkeypatch):
    monkeypatch.setattr(conftest, "STRICT", True)
    with pytest.raises(pytest.fail.Exception, match="required in CI: the corpus is missing"):
        conftest.require(False, "the corpus is missing")


def test_a_missing_requirement_skips_with_its_reason_on_a_laptop(monkeypatch):
    monkeypatch.setattr(conftest, "STRICT", False)
    with pytest.raises(pytest.skip.Exception, match="the corpus is missing"):
        conftest.require(False, "the corpus is missing")


def test_a_met_requirement_neither_skips_nor_fails(monkeypatch):
    # a skip raised here would skip this test rather than fail it: caught, and turned into a failure
    for strict in (True, False):
        monkeypatch.setattr(conftest, "STRICT", strict)
        try:
            conftest.require(True, "unused")
        except (pytest.skip.Exception, pytest.fail.Exception) as err:
            raise AssertionError(f"a met requirement stopped the test (strict={strict}): {err}") from None


def test_ci_runs_the_suite_strict():
    """.ci/run sets TEI_EDITION_STRICT=1 before the README's test command, so no skip passes silently there."""
    run = (conftest.REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert run.index("export TEI_EDITION_STRICT=1") < run.index("python -m pytest")


def test_under_strict_any_skip_fails_the_whole_run(tmp_path):
    """The session hook: a test file that skips on its own (not through require) makes a strict run fail, and
    the same file passes (with its skip) when not strict."""
    import os
    import subprocess
    import sys

    ours = str(conftest.REPO / "tests" / "conftest.py")
    (tmp_path / "conftest.py").write_text(
        "import importlib.util\n"
        f"spec = importlib.util.spec_from_file_location('repo_conftest', {ours!r})\n"
        "repo = importlib.util.module_from_spec(spec)\nspec.loader.exec_module(repo)\n"
        "pytest_sessionfinish = repo.pytest_sessionfinish\n")
    # (the generated test skips only when told to: the environment below tells it to, in both runs)
    (tmp_path / "test_skips.py").write_text("import os\nimport pytest\n\ndef test_x():\n"
                                            "    if os.environ.get('SKIP_FOR_THE_HOOK') == '1':\n"
                                            "        pytest.skip('no reason')\n")
    runs = {}
    for strict in ("1", "0"):
        env = {**os.environ, "TEI_EDITION_STRICT": strict, "SKIP_FOR_THE_HOOK": "1"}
        command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path)]
        runs[strict] = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True)
    assert runs["1"].returncode == 1 and "a skip fails the run here" in runs["1"].stdout, runs["1"].stdout
    assert runs["0"].returncode == 0 and "1 skipped" in runs["0"].stdout, runs["0"].stdout
