"""Ctrl+F (View > Filter Articles…) puts the cursor in the filter box, from anywhere in the
window, and typing there filters the table (ux8, session 8: there was no key for it)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest

from tests.desktop.conftest import SEEDS, load


def test_ctrl_f_focuses_the_filter_and_typing_filters(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    corpus = tmp_path / "seeds"
    shutil.copytree(SEEDS, corpus)
    load(qtbot, window, [corpus])
    assert window.action_filter in window.view_menu.actions()
    assert window.action_filter.shortcut() == QKeySequence(QKeySequence.StandardKey.Find)
    window.filter_edit.setText("old words")
    window.tabs.setCurrentWidget(window.read_view)
    window.read_view.setFocus()
    QTest.keyClick(window.read_view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.filter_edit.hasFocus()
    assert window.filter_edit.selectedText() == "old words"  # typed over
    QTest.keyClicks(window.filter_edit, "Daily Beast")
    assert window.filter_edit.text() == "Daily Beast"
    assert window.proxy.rowCount() == 1
    assert window.proxy.index(0, 0).data() == "The Daily Beast"
