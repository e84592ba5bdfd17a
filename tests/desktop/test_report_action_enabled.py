"""File > Export Report is offered only while articles are loaded and no report is being
written, as Export Chart and Export Chart Data are (ux16's review, session 16, finding 9:
it stayed enabled after Clear All). Real key events for Del and Ctrl+Shift+R."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog

from tests.desktop.conftest import copy_seeds, load

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def test_export_report_follows_whether_articles_are_loaded(
    qtbot: Any, window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    report = window.project.action_export_report
    assert not report.isEnabled()  # nothing loaded
    asked: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (asked.append("asked"), ("", ""))[1]))
    window.table.setFocus()
    QTest.keyClick(window.table, Qt.Key.Key_R, CTRL_SHIFT)
    assert asked == []  # the shortcut does nothing with nothing loaded

    load(qtbot, window, copy_seeds(tmp_path / "corpus", 2))
    assert report.isEnabled() and window.action_export_chart.isEnabled()
    QTest.keyClick(window.table, Qt.Key.Key_R, CTRL_SHIFT)
    assert asked == ["asked"]  # offered now (the dialog was cancelled)

    window.table.selectAll()
    QTest.keyClick(window.table, Qt.Key.Key_Delete)  # every article removed
    assert window.table_model.rowCount() == 0
    assert not report.isEnabled() and not window.action_export_chart.isEnabled()
    QTest.keyClick(window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo
    assert window.table_model.rowCount() == 2 and report.isEnabled()

    window.clear_all()
    assert not report.isEnabled()
