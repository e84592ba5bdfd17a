"""The status bar says what the charts and exports use once articles are excluded: it said
"5 articles from 5 outlets" under a chart of four outlets whose footer said 4 (ux22,
finding 13; still so in ux25's walk). Real keys: Ctrl+Shift+X, then Ctrl+Z."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop.qt_project import corpus_summary_text
from tests.desktop.conftest import SEEDS, load

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def test_excluding_an_article_is_counted_in_the_status_bar_and_undo_takes_it_back(
    qtbot: Any, window: Any
) -> None:
    load(qtbot, window, [SEEDS])
    assert window.status_text() == "5 articles from 5 outlets"
    window.activateWindow()
    window.table.setFocus()
    window.table.selectRow(0)
    QTest.keyClick(window.table, Qt.Key.Key_X, CTRL_SHIFT)
    assert len(window.included_analyses()) == 4
    assert window.status_text() == ("5 articles from 5 outlets · 1 excluded: charts and "
                                    "exports use 4 articles from 4 outlets")
    # What the status says after opening or saving a project (which keeps exclusions).
    assert corpus_summary_text(window) == window.status_text()
    QTest.keyClick(window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(window.included_analyses()) == 5
    assert window.status_text() == "5 articles from 5 outlets"
