"""A modifier a test's key click leaves held (QTest leaves QGuiApplication.keyboardModifiers()
at Ctrl after keyClick(..., Ctrl)) does not reach the next test: a table's selectRow there
would add to the selection like a Ctrl-click (test_project_ui after
test_window_built_after_paint excluded two rows instead of one)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QTableWidget


def test_a_key_click_with_ctrl_leaves_ctrl_held(qtbot: Any) -> None:
    table = QTableWidget(3, 1)
    qtbot.addWidget(table)
    qtbot.keyClick(table, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    # QTest's behaviour, which the next test must not inherit.
    assert QGuiApplication.keyboardModifiers() == Qt.KeyboardModifier.ControlModifier


def test_the_next_test_selects_one_row(qtbot: Any) -> None:
    assert QGuiApplication.keyboardModifiers() == Qt.KeyboardModifier.NoModifier
    table = QTableWidget(3, 1)
    qtbot.addWidget(table)
    table.selectRow(0)
    table.selectRow(1)
    assert [i.row() for i in table.selectionModel().selectedRows()] == [1]
