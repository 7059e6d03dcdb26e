"""The installable package: the wheel carries the schemas, stylesheets and seed transcript it needs."""
from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from conftest import REPO


def test_wheel_contains_schemas_transforms_and_seed(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(tmp_path),
                           str(REPO)], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    [wheel] = tmp_path.glob("tei_edition-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("tei/_data/schemas/tei-edition.xsd", "tei/_data/schemas/tei-edition.sch",
                   "tei/_data/schemas/xml.xsd", "tei/_data/transforms/common.xsl",
                   "tei/_data/transforms/html.xsl", "tei/_data/transforms/index.xsl",
                   "tei/_data/seed/dod-2016-01-21-carter-ecole-militaire.txt", "tei/cli.py", "tei/start.py"):
        assert needed in names, needed
    entry = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith("entry_points.txt"))).decode()
    assert "tei-edition = tei.start:main" in entry   # the light entry point (tei/start.py)


def test_installed_layout_is_preferred_over_the_checkout(tmp_path, monkeypatch):
    from tei import resources

    data = tmp_path / "_data"
    (data / "schemas").mkdir(parents=True)
    monkeypatch.setattr(resources, "_PACKAGE", str(tmp_path))
    assert resources.schemas_dir() == data / "schemas"
    assert resources.transforms_dir() == Path(resources._REPO) / "transforms"  # not in the fake wheel: the checkout
    assert resources.transform_file("text.xsl") == str(Path(resources._REPO) / "transforms" / "text.xsl")
