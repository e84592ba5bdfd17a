"""The command's summary and run.json count files, each once: a corpus file with a row
without text and a row repeating another was "1 file not read, 1 read in part", the one
file counted twice and said not read though its other rows are in the tables (audit s34)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.cli import EXIT_OK, run_command

TEXT = ("Officials said on Tuesday that the plan would probably fail, and critics called it a "
        "reckless gamble that the city could not afford.")
OTHER = "The mayor opened a new library branch on Main Street, drawing a large crowd of readers."


def test_a_corpus_file_read_in_part_is_counted_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.csv").write_text(
        f'outlet,text\nOne,"{TEXT}"\nOne,"{TEXT}"\nTwo,"{OTHER}"\nThree,\n', encoding="utf-8")
    (corpus / "b.txt").write_bytes(b"")  # not read
    out = tmp_path / "out"
    assert run_command(["analyze", str(corpus), "--out", str(out), "--no-charts"]) == EXIT_OK
    said = capsys.readouterr()
    assert "2 articles from 2 outlets analysed, 1 file not read, 1 read in part;" in said.out
    record = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert (record["files_not_read"], record["files_read_in_part"]) == (1, 1)
