"""Corpus files (tables of articles) found by name, without the readers."""

from __future__ import annotations

from pathlib import Path

import models.readers
import models.readers.manifest
import models.readers.tables
from models import table_files
from models.table_files import corpus_files


def touch(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("x\n", encoding="utf-8")
    return path


def test_tables_in_folders_in_reading_order(tmp_path: Path) -> None:
    root = tmp_path / "drop"
    wanted = [
        touch(root / "a.CSV"),
        touch(root / "b.jsonl"),
        touch(root / "export.xlsx"),
        touch(root / "z.tab"),  # a folder's own files first, then its folders'
        touch(root / "sub" / "c.tsv"),
        touch(root / "sub" / "e.ndjson"),
        touch(root / "sub" / "deeper" / "d.json"),
    ]
    for other in ("story.txt", "page.html", "report.pdf", "manifest.csv", "Manifest.CSV",
                  ".hidden.csv", "notes.csv.bak", "csv", "sub/.git/x.csv", ".cache/y.csv"):
        touch(root / other)
    assert corpus_files([root]) == wanted


def test_files_given_one_by_one(tmp_path: Path) -> None:
    table = touch(tmp_path / "one.csv")
    story = touch(tmp_path / "story.txt")
    manifest = touch(tmp_path / "manifest.csv")
    missing = tmp_path / "gone.csv"
    assert corpus_files([story, str(table), manifest, missing]) == [table]


def test_a_folder_of_articles_has_none(tmp_path: Path) -> None:
    for i in range(50):
        touch(tmp_path / f"{i:03d}.txt")
    touch(tmp_path / "manifest.csv")
    assert corpus_files([tmp_path]) == []


def test_the_readers_use_the_same_names() -> None:
    assert models.readers.corpus_files is corpus_files
    assert models.readers.tables.TABLE_SUFFIXES is table_files.TABLE_SUFFIXES
    assert models.readers.manifest.is_manifest is table_files.is_manifest
    assert models.readers.manifest.MANIFEST_NAME == table_files.MANIFEST_NAME == "manifest.csv"
