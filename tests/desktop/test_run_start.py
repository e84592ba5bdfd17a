"""What the GUI thread does as a load starts: the folder is looked through for corpus
files (tables) on the worker, not on the GUI thread; unclear tables still bring up the
column dialog first, remembered ones do not, and the folder is remembered."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from desktop import qt_settings
from desktop.qt_column_dialog import ColumnDialog
from tests.desktop.conftest import LOAD_TIMEOUT_MS, copy_seeds
from tests.desktop.test_column_dialog import ok_button, when_dialog_opens, write_csv
from tests.desktop.test_drop import drag_and_drop, mime_for


def _watch_listing(monkeypatch: Any) -> list[str]:
    """The threads on which the paths given to a load are looked through for tables."""
    from models import table_files

    threads: list[str] = []
    original = table_files.corpus_files

    def corpus_files(paths: Any) -> list[Path]:
        threads.append(threading.current_thread().name
                       if threading.current_thread() is not threading.main_thread() else "GUI")
        return original(paths)

    monkeypatch.setattr(table_files, "corpus_files", corpus_files)
    return threads


def test_a_dropped_folder_is_looked_through_off_the_gui_thread(
    qtbot: Any, window: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    folder = tmp_path / "drop"
    copy_seeds(folder)
    write_csv(folder / "clear.csv", ["title", "text"], [["T", "A clear file's article text."]])
    threads = _watch_listing(monkeypatch)
    with qtbot.waitSignal(window.load_finished, timeout=LOAD_TIMEOUT_MS):
        drag_and_drop(window, mime_for(folder))
    assert len(threads) == 1 and threads[0] != "GUI"
    ids = sorted(a.article_id for a in window.analyses())
    assert "clear-001" in ids and len(ids) == 6  # five seeds and the table's row
    assert qt_settings.last_directory() == str(folder)


def test_an_unclear_table_in_a_folder_is_asked_about_then_loaded(
    qtbot: Any, window: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    folder = tmp_path / "drop"
    copy_seeds(folder)
    write_csv(folder / "scraped.csv")
    threads = _watch_listing(monkeypatch)
    asked: list[bool] = []

    def answer(dialog: ColumnDialog) -> None:
        # Asked on the GUI thread, with no load running and no progress shown.
        asked.append(window.is_busy() or window.progress_bar.isVisible())
        qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)

    seen = when_dialog_opens(qtbot, answer)
    with qtbot.waitSignal(window.load_finished, timeout=LOAD_TIMEOUT_MS):
        drag_and_drop(window, mime_for(folder))
    assert seen == ["Columns of scraped.csv"] and asked == [False]
    assert threads and "GUI" not in threads
    ids = sorted(a.article_id for a in window.analyses())
    assert [i for i in ids if i.startswith("scraped")] == ["scraped-001", "scraped-002"]
    assert len(ids) == 7

    # Its header is remembered: the same folder again needs no dialog.
    again = tmp_path / "again"
    again.mkdir()
    write_csv(again / "more.csv", rows=[["3", "A third article says little.", "Paper C", ""]])
    with qtbot.waitSignal(window.load_finished, timeout=LOAD_TIMEOUT_MS):
        window.open_paths([again])
    assert len(seen) == 1
    assert window.analyses()[-1].article_id == "more-001"


def test_cancel_while_the_folder_is_looked_through_loads_nothing(
    qtbot: Any, window: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    folder = tmp_path / "drop"
    copy_seeds(folder)
    write_csv(folder / "scraped.csv")  # would need the dialog
    from models import table_files

    original = table_files.corpus_files
    listing = threading.Event()
    release = threading.Event()

    def slow(paths: Any) -> list[Path]:
        listing.set()
        release.wait(10)
        return original(paths)

    monkeypatch.setattr(table_files, "corpus_files", slow)
    from desktop import qt_column_dialog

    seen: list[Any] = []
    monkeypatch.setattr(qt_column_dialog, "ask_columns", lambda *args: seen.append(args) or {})
    window.open_paths([folder])
    assert window.is_busy()
    qtbot.waitUntil(listing.is_set, timeout=LOAD_TIMEOUT_MS)
    with qtbot.waitSignal(window.runner.cancelled, timeout=LOAD_TIMEOUT_MS):
        qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
        release.set()
    assert seen == [] and window.analyses() == [] and not window.is_busy()
