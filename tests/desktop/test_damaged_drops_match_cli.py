"""The seeds dropped on the window with damaged files beside them (session 32's audit of
the readers, its desktop side): the seeds are analysed, and Load Problems names each
damaged file with the reason `framescope analyze` gives it in errors.csv, in words (no
Python class name, no parser text). The CLI's side: tests/e2e/test_cli_damaged_files.py."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.desktop.conftest import LOAD_TIMEOUT_MS, SEEDS
from tests.desktop.test_drop import drag_and_drop, mime_for
from tests.e2e.test_cli import framescope, rows
from tests.models.test_damaged_files import (
    BOOK,
    PARSER_WORDS,
    write_corpus_with_a_book_cell,
    write_valid,
)


@pytest.fixture
def dropped(tmp_path: Path) -> list[Path]:
    """The seeds and a folder of damaged files, as a user drops them."""
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    bad = tmp_path / "damaged"
    bad.mkdir()
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    docx = write_valid(scratch / "whole.docx").read_bytes()
    (bad / "cut.docx").write_bytes(docx[: len(docx) // 2])
    pdf = write_valid(scratch / "whole.pdf").read_bytes()
    (bad / "really-a-pdf.docx").write_bytes(pdf)
    (bad / "cut.pdf").write_bytes(pdf[: len(pdf) // 2])
    (bad / "one-paragraph-book.html").write_text(
        f"<html><head><title>Pool</title></head><body><p>{BOOK}</p></body></html>", "utf-8")
    write_corpus_with_a_book_cell(bad / "corpus.csv")
    return [seeds, bad]


def test_load_problems_name_each_damaged_file_as_the_cli_does(
    qtbot: Any, window: Any, dropped: list[Path], tmp_path: Path
) -> None:
    with qtbot.waitSignal(window.load_finished, timeout=LOAD_TIMEOUT_MS):
        drag_and_drop(window, mime := mime_for(*dropped))
    assert mime is not None  # kept referenced until the drop is handled
    analysed = {Path(a.article.source).name for a in window.analyses()}
    assert {p.name for p in SEEDS.glob("*.txt")} <= analysed
    assert "corpus.csv" in analysed  # its good row: the book's row alone is skipped
    tree = window.problems_panel.tree
    panel = {tree.topLevelItem(i).text(0): tree.topLevelItem(i).text(1)
             for i in range(tree.topLevelItemCount())}
    damaged = {p.name for p in dropped[1].iterdir()}
    assert set(panel) == damaged
    assert window.problems_dock.isVisible()

    out = tmp_path / "out"
    result = framescope("analyze", *map(str, dropped), "--out", str(out), "--no-charts")
    assert result.returncode == 0, result.stderr
    cli = {Path(r["file"]).name: r["reason"] for r in rows(out / "errors.csv")}
    assert panel == cli
    for name, reason in panel.items():
        assert not PARSER_WORDS.search(reason), (name, reason)
    assert panel["empty.txt"] == "empty file"
    assert "is incomplete" in panel["cut.docx"] and "is incomplete" in panel["cut.pdf"]
    assert panel["really-a-pdf.docx"].endswith("rename it to end in .pdf")
    assert panel["one-paragraph-book.html"].startswith("too long to be one article")
    assert panel["corpus.csv"].startswith("line 3 too long to be one article")
