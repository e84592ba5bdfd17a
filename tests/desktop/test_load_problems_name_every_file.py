"""Load Problems names every file a folder gave nothing for, and counts as the status
bar does (ux22 #16, session 22): a picture in a folder was only counted, an article of a
headline alone got no word, and the panel's header said "3 files could not be read"
where the status bar said "1 file" of the load just done."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog

from tests.desktop.conftest import LOAD_TIMEOUT_MS, SEEDS

# The first bytes of a PNG: a real picture's, not a text file named .png.
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "class articles"
    folder.mkdir()
    shutil.copy(sorted(SEEDS.glob("*.txt"))[0], folder / "lakeside.txt")
    (folder / "picture.png").write_bytes(PNG)
    (folder / "headline_only.txt").write_text("Library Shock: Riverside Branch To Shut\n",
                                              encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    return folder


def _rows(window: Any) -> dict[str, str]:
    tree = window.problems_panel.tree
    return {tree.topLevelItem(i).text(0): tree.topLevelItem(i).text(1)
            for i in range(tree.topLevelItemCount())}


def _open_with_menu(qtbot: Any, window: Any, monkeypatch: pytest.MonkeyPatch,
                    folder: Path | None = None, files: list[Path] | None = None) -> str:
    """File ▸ Open Folder (or Open Files) with the dialog answering ``folder``
    (``files``); the status bar's summary once the load is done."""
    if folder is not None:
        monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
        action = window.action_open_folder
    else:
        monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                            lambda *a, **k: ([str(f) for f in files or []], ""))
        action = window.action_open_files
    with qtbot.waitSignal(window.load_finished, timeout=LOAD_TIMEOUT_MS) as done:
        action.trigger()
    return str(done.args[0])


def test_a_folder_s_skipped_picture_and_headline_only_article_are_named(
    qtbot: Any, window: Any, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    summary = _open_with_menu(qtbot, window, monkeypatch, folder=folder)
    assert window.problems_dock.isVisible()
    rows = _rows(window)
    assert set(rows) == {"picture.png", "headline_only.txt", "empty.txt"}
    assert rows["picture.png"].startswith(
        "skipped: not a supported file type: '.png' files are not read")
    assert "no body text" in rows["headline_only.txt"]
    assert rows["empty.txt"] == "empty file"
    # The headline-only article is loaded all the same (nothing the user gave is lost).
    assert window.table_model.rowCount() == 2
    header = window.problems_panel.summary.text()
    assert header == ("1 file could not be read · 1 file of other types skipped · "
                      "1 article without body text.")
    for part in header.rstrip(".").split(" · "):
        assert part in summary  # the status bar counts the same


def test_the_panel_counts_the_last_load_as_the_status_bar_does(
    qtbot: Any, window: Any, folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _open_with_menu(qtbot, window, monkeypatch, folder=folder)
    picture = tmp_path / "photo.png"
    picture.write_bytes(PNG)
    summary = _open_with_menu(qtbot, window, monkeypatch, files=[picture])
    assert "1 file could not be read" in summary
    assert "'.png' files are not read" in _rows(window)["photo.png"]
    header = window.problems_panel.summary.text()
    assert header.startswith("Last load: 1 file could not be read. Listed from earlier "
                             "loads: 1 file could not be read · 1 file of other types")
    window.problems_panel.clear_button.click()
    assert window.problems_panel.summary.text() == "No problems."


def test_articles_perhaps_not_in_english_are_counted() -> None:
    from desktop.qt_main_window import problem_counts
    from models.article import NOT_ENGLISH, ReadError

    notice = ReadError("presupuesto.txt", "loaded, but its text may not be English: …",
                       notice=NOT_ENGLISH)
    assert problem_counts([notice, notice]) == ["2 articles perhaps not in English"]
