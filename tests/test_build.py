"""Corpus builds: incremental by content hash, parallel workers, progress, summary."""
from __future__ import annotations

import io
import os
import shutil

from typer.testing import CliRunner

from tei import build as build_module
from tei.build import build
from tei.cli import app
from tei.progress import Progress
from conftest import CORPUS, SEED, corpus_files, require

runner = CliRunner()


def corpus_folder(tmp_path, n=None):
    require(CORPUS.is_dir(), f"the shared corpus is not at {CORPUS}")
    folder = tmp_path / "src"
    folder.mkdir(parents=True)
    for f in corpus_files()[:n]:
        shutil.copy(f, folder)
    return folder


def outputs_of(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_rebuild_skips_unchanged_documents_by_content(tmp_path):
    folder = corpus_folder(tmp_path, 3)
    first = build(folder)
    assert (first.built, first.skipped) == (3, 0)
    again = build(folder)
    assert (again.built, again.skipped, again.written) == (0, 3, [])
    # a touched file with the same content is still unchanged (hashes, not timestamps)
    victim = sorted(p for p in folder.glob("*.txt") if ".edition." not in p.name)[0]
    os.utime(victim, (1, 1))
    assert build(folder).skipped == 3
    # a changed source is rebuilt, and only it
    victim.write_text(victim.read_text(encoding="utf-8") + "\nQ: One more question?\n", encoding="utf-8")
    changed = build(folder)
    assert (changed.built, changed.skipped) == (1, 2)
    assert "One more question?" in (folder / (victim.stem + ".edition.txt")).read_text()


def test_metadata_tool_and_deleted_outputs_trigger_a_rebuild(tmp_path, monkeypatch):
    folder = tmp_path / "src"
    folder.mkdir()
    shutil.copy(SEED, folder)
    build(folder)
    (folder / (SEED.stem + ".toml")).write_text('[source]\nplace = "Paris"\n')
    assert build(folder).built == 1                                  # sidecar metadata changed
    assert build(folder).skipped == 1
    (folder / (SEED.stem + ".tsv")).unlink()
    assert build(folder).built == 1 and (folder / (SEED.stem + ".tsv")).exists()   # an output went missing
    real = build_module.tool_fingerprint
    monkeypatch.setattr(build_module, "tool_fingerprint", lambda formats: real(formats) + "-new-stylesheet")
    assert build(folder).built == 1                                  # schemas/stylesheets/version changed
    assert build(folder, incremental=False).built == 1               # --full


def test_parallel_build_writes_the_same_files_as_a_serial_one(tmp_path):
    serial = corpus_folder(tmp_path / "a")
    parallel = corpus_folder(tmp_path / "b")
    assert build(serial, jobs=1).ok
    result = build(parallel, jobs=2)
    assert result.ok and result.built == len(corpus_files())
    assert outputs_of(serial) == outputs_of(parallel)


def test_failures_are_summarised_with_their_first_error(tmp_path):
    folder = corpus_folder(tmp_path, 2)
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02" * 100)
    result = runner.invoke(app, ["build", str(folder), "--jobs", "2"])
    assert result.exit_code == 1
    assert "built 2 editions, 1 failed" in result.stderr
    assert "failed: " in result.stderr and "broken.txt" in result.stderr and "binary" in result.stderr
    assert (folder / "index.html").exists()


def test_progress_line_on_a_terminal_only():
    stream = io.StringIO()
    p = Progress(enabled=True, stream=stream, min_interval=0)
    for i in range(1, 5):
        p.update(i, 4)
    p.close()
    out = stream.getvalue()
    assert "\r[" in out and "4/4 documents" in out and "/s" in out and out.endswith("\n")
    quiet = io.StringIO()
    Progress(enabled=False, stream=quiet).update(1, 2)
    assert quiet.getvalue() == ""


def test_build_is_quiet_when_asked(tmp_path):
    folder = tmp_path / "src"
    folder.mkdir()
    shutil.copy(SEED, folder)
    result = runner.invoke(app, ["build", str(folder), "--quiet"])
    assert result.exit_code == 0 and result.stderr == ""


def test_digests_are_sha256_whichever_module_takes_them(monkeypatch, tmp_path):
    """outputs hashes a lone small file with the built-in _sha256 (hashlib's OpenSSL import costs a single
    `render -o` more than its hashing) and the rest with hashlib: the same SHA-256 either way."""
    import hashlib
    import sys

    from tei import outputs

    data = "Ë words ".encode() * 1000
    expected = hashlib.sha256(data).hexdigest()
    assert outputs.digest(data) == expected                      # hashlib is loaded here: OpenSSL's
    monkeypatch.delitem(sys.modules, "hashlib")
    assert type(outputs._sha256(len(data))).__module__ != "_hashlib"   # the built-in one
    assert outputs.digest(data) == expected
    (tmp_path / "f").write_bytes(data)
    assert outputs.file_digest(tmp_path / "f") == expected
