"""The samples' hint says what her own files will do, and it stays true. On the first
start it says they take the samples' place; a journalist then renamed an outlet of the
samples (HLN -> CNN Headline News), and her two dropped articles joined the five samples,
as the app keeps samples she has edited, while the hint still said they would take their
place (ux4's walkthrough, session 33). Once she edits a sample, the hint says her files
join them and how to start afresh. Real keys and a real drop."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.desktop.test_samples_make_room import (
    drop_and_wait,
    her_folder,
    open_samples_as_the_app_does,
)

TAKE_PLACE = "they take the samples' place"
JOIN = "join them"


def test_the_hint_says_her_files_join_samples_she_has_edited(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    open_samples_as_the_app_does(qtbot, window)
    hint = window.sample_hint
    assert hint.isVisible() and TAKE_PLACE in hint.label.text()
    # She renames the first outlet with the keyboard (F2, type, Enter).
    table = window.table
    table.setFocus()
    table.setCurrentIndex(window.proxy.index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not table)
    editor = QApplication.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, "CNN Headline News")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.proxy.index(0, 0).data() == "CNN Headline News")
    qtbot.waitUntil(lambda: JOIN in hint.label.text())
    assert hint.isVisible() and TAKE_PLACE not in hint.label.text()
    assert "Clear All" in hint.label.text()
    # What it says is what happens: her files join the five samples.
    drop_and_wait(qtbot, window, her_folder(tmp_path))
    assert window.table_model.rowCount() == 7
