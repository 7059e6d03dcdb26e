"""The README's two commands are what CI runs, and the first one works in a fresh clone; the layout table
names every module."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import REPO, require

README = (REPO / "README.md").read_text(encoding="utf-8")
CLONE = re.compile(r"^git clone (\S+) && cd (\S+) && ")


def readme_commands() -> list[str]:
    """The shell blocks of the README's "Two commands" section: set up + build, then the tests."""
    section = README.split("## Two commands", 1)[1].split("\n## ", 1)[0]
    return [block.strip() for block in re.findall(r"```sh\n(.*?)```", section, re.S)]


def test_the_readme_starts_with_two_commands_for_a_fresh_machine():
    setup, tests = readme_commands()
    assert CLONE.match(setup), "the first command starts from a clone"
    assert "python3 -m venv .venv && . .venv/bin/activate && pip install -e '.[test]' && tei-edition build" in setup
    assert tests == ". .venv/bin/activate && python -m pytest"
    assert "\n" not in setup and "python3 -m pip" not in setup  # one line; never pip into Debian's Python
    assert "3.11" in README.split("```sh", 1)[0]                  # the Python it needs is stated first


def test_ci_runs_exactly_the_readme_commands():
    setup, tests = readme_commands()
    lines = (REPO / ".ci" / "run").read_text().splitlines()
    marked = [lines[i + 1] for i, line in enumerate(lines) if line.startswith("# README, ")]
    assert marked == [CLONE.sub("", setup), tests]         # verbatim, after the clone that brought CI here
    commands = [line for line in lines if line.strip() and not line.lstrip().startswith("#")]
    assert commands[-2:] == marked                          # and they are what CI ends with


def test_the_readme_build_command_works_in_a_fresh_clone(tmp_path):
    """The first command's clone and build, in a clone of this repository (its committed state), with the
    clone's own code first on the path; the venv and install part is this test run's own environment (its
    dependencies), so the suite does not install everything again."""
    require(shutil.which("git") is not None, "git is not installed")
    require((REPO / ".git").exists(), f"{REPO} is not a git checkout")
    setup, _ = readme_commands()
    url, folder = CLONE.match(setup).groups()
    build = setup.rsplit(" && ", 1)[1]
    assert build == "tei-edition build"
    clone = subprocess.run(["git", "clone", "-q", str(REPO), folder], cwd=tmp_path, capture_output=True, text=True)
    assert clone.returncode == 0, clone.stderr
    bin_dir = Path(sys.executable).parent
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
           "PYTHONPATH": str(tmp_path / folder)}
    assert (bin_dir / "tei-edition").exists(), "tei-edition is not installed in this environment"
    run = subprocess.run(build, shell=True, cwd=tmp_path / folder, env=env, capture_output=True, text=True,
                         timeout=600)
    assert run.returncode == 0, run.stderr
    assert re.search(r"^(up to date: 1 edition in editions/|built 1 edition in )", run.stderr, re.M), run.stderr
    assert "open editions/index.html" in run.stderr
    where = subprocess.run([sys.executable, "-c", "import tei; print(tei.__file__)"], env=env, cwd=tmp_path,
                           capture_output=True, text=True).stdout   # the path the tei-edition script saw
    assert where.startswith(str(tmp_path / folder)), where  # it was the clone's code that ran
    status = subprocess.run(["git", "status", "--porcelain"], cwd=tmp_path / folder, capture_output=True,
                            text=True)
    assert status.stdout == "", f"build changed the fresh clone:\n{status.stdout}"


def test_the_layout_table_names_every_module():
    layout = README.split("## Layout", 1)[1].split("\n## ", 1)[0]
    for path in sorted((REPO / "tei").glob("*.py")) + sorted((REPO / "tools").glob("*.py")):
        assert f"`{path.relative_to(REPO)}`" in layout, f"{path.relative_to(REPO)} is missing from the README's layout"


def test_the_environment_variables_are_documented():
    used = set()
    for path in list((REPO / "tei").glob("*.py")) + [REPO / "tests" / "conftest.py"]:
        used |= set(re.findall(r"\b(TEI_EDITION_[A-Z_]+)\b", path.read_text(encoding="utf-8")))
    used |= {"TEI_EDITION_SHARED", "TEI_EDITION_CHROMIUM", "TEI_EDITION_STRICT"}
    for name in sorted(used):
        assert f"`{name}" in README, f"{name} is not documented in the README"
