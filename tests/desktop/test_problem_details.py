"""What the user sees of a fault inside Framescope (s33): a plain reason in Load Problems,
the row's technical detail (the traceback) in Problem Details, and the diagnostics log,
which the app writes and offers (Details…, Help ▸ Open Diagnostics Log Folder). Before,
the row read "the analysis failed: KeyError: 'tone_mean'" and the traceback went nowhere."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop.log_file import start_log, stop_log
from models.engines import ANALYSIS_FAILED
from tests.desktop.conftest import SEED_COUNT, load


@pytest.fixture
def app_log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The app's diagnostics log, as run_gui starts it, in tmp_path's state folder."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    log = start_log("the app")
    assert log == tmp_path / "state" / "framescope" / "framescope.log"
    yield log
    stop_log()


@pytest.fixture
def opened_urls(monkeypatch: pytest.MonkeyPatch) -> list[QUrl]:
    """Folders the app asked the desktop to open; no file manager starts."""
    opened: list[QUrl] = []

    def open_url(url: QUrl) -> bool:
        opened.append(url)
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", open_url)
    return opened


def _click_row(qtbot: Any, tree: Any, row: int, *, double: bool = False) -> None:
    from PySide6.QtCore import Qt

    item = tree.topLevelItem(row)
    centre = tree.visualItemRect(item).center()
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    if double:  # a double click's events: a press and release, then the double click
        qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=centre)


def test_a_fault_s_row_opens_its_traceback_and_the_log(
    qtbot: Any, window: Any, seed_dir: Path, failing_seed: str, app_log: Path,
    opened_urls: list[QUrl],
) -> None:
    from PySide6.QtCore import Qt

    load(qtbot, window, [seed_dir])
    assert window.table_model.rowCount() == SEED_COUNT - 1
    [problem] = window.load_problems()
    assert Path(problem.file).name.startswith(failing_seed)
    panel = window.problems_panel
    assert panel.tree.topLevelItem(0).text(1) == ANALYSIS_FAILED  # no Python class name
    # The log has the traceback, written by the process that gathered the run's problems.
    logged = app_log.read_text(encoding="utf-8")
    assert f"{problem.file}: {ANALYSIS_FAILED}\nKeyError: 'tone_mean'\nTraceback" in logged

    assert not panel.details_button.isEnabled()  # no row chosen yet
    _click_row(qtbot, panel.tree, 0)
    assert panel.details_button.isEnabled()
    qtbot.mouseClick(panel.details_button, Qt.MouseButton.LeftButton)
    dialog = panel.details
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert dialog.file_label.text() == problem.file
    assert dialog.reason_label.text() == ANALYSIS_FAILED
    detail = dialog.detail.toPlainText()
    assert detail.startswith("KeyError: 'tone_mean'\nTraceback (most recent call last):")
    assert "in failing" in detail  # the frame that raised
    assert str(app_log) in dialog.log_label.text()

    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert f"File: {problem.file}" in copied and detail in copied and str(app_log) in copied

    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert [url.toLocalFile() for url in opened_urls] == [str(app_log.parent)]

    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: panel.details is None)  # closed, and deleted


def test_a_row_opens_with_a_double_click_or_the_keyboard(
    qtbot: Any, window: Any, seed_dir: Path, failing_seed: str, app_log: Path,
) -> None:
    from PySide6.QtCore import Qt

    load(qtbot, window, [seed_dir])
    panel = window.problems_panel
    _click_row(qtbot, panel.tree, 0, double=True)
    first = panel.details
    assert first is not None and first.isVisible()
    first.close()
    qtbot.waitUntil(lambda: panel.details is None)
    panel.tree.setFocus()
    QTest.keyClick(panel.tree, Qt.Key.Key_Return)
    assert panel.details is not None and panel.details.isVisible()
    assert QApplication.activeModalWidget() in (None, panel.details)
    panel.details.close()


def test_a_damaged_file_s_row_shows_the_parser_s_words(
    qtbot: Any, window: Any, tmp_path: Path, app_log: Path,
) -> None:
    # Not a fault: the reason is the user's; the parser's own words are the developer's.
    from tests.models.test_damaged_files import damaged

    (tmp_path / "scratch").mkdir()
    bad = damaged(tmp_path / "half-xml.docx", tmp_path / "scratch")
    load(qtbot, window, [bad])
    [problem] = window.load_problems()
    assert problem.detail and problem.detail not in problem.reason
    panel = window.problems_panel
    _click_row(qtbot, panel.tree, 0)
    panel.show_details()
    assert panel.details.detail.toPlainText() == problem.detail


def test_help_opens_the_log_s_folder_or_says_why_not(
    qtbot: Any, window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    opened_urls: list[QUrl], shown_errors: list[tuple[str, str, str]],
) -> None:
    help_menu = window.help_menu
    [action] = [a for a in help_menu.actions() if a.text() == "Open Diagnostics &Log Folder"]
    # No log could be written (a file in the state folder's way): said, nothing opened.
    (tmp_path / "blocked").write_text("a file", encoding="utf-8")
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "blocked"))
    assert start_log("the app") is None
    action.trigger()
    assert opened_urls == []
    [(title, text, _)] = shown_errors
    assert title == "No Diagnostics Log" and str(tmp_path / "blocked" / "framescope") in text
    # A log written: its folder opens.
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    log = start_log("the app")
    try:
        assert log is not None
        logging.getLogger("framescope").warning("a warning of the window's")
        action.trigger()
        assert [url.toLocalFile() for url in opened_urls] == [str(log.parent)]
        assert "WARNING framescope: a warning of the window's" in log.read_text("utf-8")
    finally:
        stop_log()
