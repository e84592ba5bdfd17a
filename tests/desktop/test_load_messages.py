"""What the window says about files it did not load, driven by real drops (ux8's review,
session 8: the Load Problems header counted a duplicate as "could not be loaded" while
the status bar said "not added"; an empty project file was "not an SQLite database")."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.desktop.conftest import LOAD_TIMEOUT_MS, copy_seeds, load
from tests.desktop.test_drop import drag_and_drop, mime_for

NEW_TEXT = "The ministry said on Monday that the bridge would reopen in June.\n"
FILE_NAMES = ("3 outlets are only file names: double-click an Outlet cell to name it, or add "
              "a manifest.csv (file,outlet) beside the files")


def test_panel_header_and_status_bar_count_duplicates_and_unreadable_files_alike(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    seeds = copy_seeds(tmp_path / "corpus", 2)
    load(qtbot, window, seeds)
    drop = tmp_path / "drop"
    drop.mkdir()
    # The same text as a loaded article (the window leaves it out: "Already loaded")...
    (drop / "again.txt").write_text(seeds[0].read_text(encoding="utf-8"), encoding="utf-8")
    # ...the same new text twice in one drop (the readers leave one out: "already read")...
    (drop / "bridge.txt").write_text(NEW_TEXT, encoding="utf-8")
    (drop / "bridge copy.txt").write_text(NEW_TEXT, encoding="utf-8")
    # ...and a file that cannot be read.
    (drop / "binary.txt").write_bytes(bytes(range(256)) * 64)

    with qtbot.waitSignal(window.runner.finished, timeout=LOAD_TIMEOUT_MS):
        assert drag_and_drop(window, mime_for(drop)).isAccepted()

    assert window.table_model.rowCount() == 3
    reasons = sorted(p.reason.split(":")[0] for p in window.load_problems())
    assert len(reasons) == 3 and reasons[0] == "Already loaded", reasons
    status = window.status_text()
    # The two seeds and bridge.txt have no manifest: their file names are their outlets.
    assert status == ("3 articles from 3 outlets · 2 duplicates not added · "
                      f"1 file could not be read · {FILE_NAMES}"), status
    assert window.problems_panel.summary.text() == (
        "2 duplicates not added · 1 file could not be read.")

    # The panel keeps every load's rows; its header counts the last load's as the status bar
    # does, and the earlier ones apart (ux22 #16: "3 files" in one, "1 file" in the other).
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with qtbot.waitSignal(window.runner.finished, timeout=LOAD_TIMEOUT_MS):
        assert drag_and_drop(window, mime_for(empty)).isAccepted()
    assert window.status_text() == (
        f"3 articles from 3 outlets · 1 file could not be read · {FILE_NAMES}")
    assert window.problems_panel.summary.text() == (
        "Last load: 1 file could not be read. Listed from earlier loads: "
        "2 duplicates not added · 1 file could not be read.")
    window.problems_panel.clear_button.click()
    assert window.problems_panel.summary.text() == "No problems."


def test_an_empty_project_file_is_said_to_be_empty(
    qtbot: Any, window: Any, tmp_path: Path, shown_errors: list[tuple[str, str, str]]
) -> None:
    load(qtbot, window, copy_seeds(tmp_path / "corpus", 2))
    empty = tmp_path / "study.framescope"
    empty.write_bytes(b"")
    assert drag_and_drop(window, mime_for(empty)).isAccepted()
    qtbot.waitUntil(lambda: bool(shown_errors), timeout=LOAD_TIMEOUT_MS)
    title, text, _ = shown_errors[-1]
    assert title == "Could not open the project"
    assert text == "study.framescope could not be opened: the file is empty (0 bytes): " \
                   "it holds no saved project"
    assert "SQLite" not in text
    assert window.table_model.rowCount() == 2  # the study is kept


def test_a_corpus_file_read_with_rows_left_out_is_not_a_file_that_could_not_be_read(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    """ux10's review, session 10: the 1,297-row GVFC CSV, with one empty row and two rows
    repeating others, was "1 duplicate not added · 1 file could not be read"."""
    drop = tmp_path / "drop"
    drop.mkdir()
    rows = ["text,outlet",
            '"The ministry said the bridge would reopen in June.",One',
            '"The council said the road would close for a week.",Two',
            # repeated under the same outlets: the same articles twice (under other
            # outlets they would be wire copy, each outlet's: audit s34)
            '"The ministry said the bridge would reopen in June.",One',
            '"The council said the road would close for a week.",two ',
            ",Five"]
    (drop / "stories.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    with qtbot.waitSignal(window.runner.finished, timeout=LOAD_TIMEOUT_MS):
        assert drag_and_drop(window, mime_for(drop / "stories.csv")).isAccepted()
    assert window.table_model.rowCount() == 2
    expected = "2 duplicates not added · part of 1 file left out"
    assert window.status_text() == f"2 articles from 2 outlets · {expected}"
    assert window.problems_panel.summary.text() == f"{expected}."
