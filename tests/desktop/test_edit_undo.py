"""An outlet typed in the table and an exclusion (Ctrl+Shift+X) are steps Edit > Undo
takes back, as removing articles is (ux22, session 22: they were not). Real keys: F2,
typing and Return in the table, Ctrl+Shift+X, Ctrl+Z, Ctrl+Shift+Z."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop.table_columns import OUTLET_COLUMN
from tests.desktop.conftest import copy_seeds, load

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def test_a_typed_outlet_and_an_exclusion_are_undone_and_redone(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    load(qtbot, window, copy_seeds(tmp_path / "corpus"))
    table, model = window.table, window.table_model
    first = model.analysis(0)
    old = (first.article.outlet, first.article.outlet_origin)
    table.setFocus()
    table.setCurrentIndex(window.proxy.mapFromSource(model.index(0, OUTLET_COLUMN)))
    QTest.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    editor.selectAll()
    QTest.keyClicks(editor, "Her Outlet")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: first.article.outlet == "Her Outlet")  # the editor commits
    undo = window.removals.action_undo
    assert undo.text() == "&Undo Rename Outlet to “Her Outlet”"

    table.setFocus()
    QTest.keyClick(table, Qt.Key.Key_X, CTRL | SHIFT)
    assert model.excluded_ids() == {first.article_id}
    assert undo.text() == "&Undo Exclude 1 Article"

    QTest.keyClick(table, Qt.Key.Key_Z, CTRL)
    assert model.excluded_ids() == set()
    QTest.keyClick(table, Qt.Key.Key_Z, CTRL)
    assert (first.article.outlet, first.article.outlet_origin) == old
    assert window.status_text().startswith(f"Outlet “{old[0]}” again")
    assert not undo.isEnabled()

    QTest.keyClick(table, Qt.Key.Key_Z, CTRL | SHIFT)
    QTest.keyClick(table, Qt.Key.Key_Z, CTRL | SHIFT)
    assert first.article.outlet == "Her Outlet"
    assert model.excluded_ids() == {first.article_id}
    # Including it again is a step too, which undoes to excluded.
    QTest.keyClick(table, Qt.Key.Key_X, CTRL | SHIFT)
    assert model.excluded_ids() == set() and undo.text() == "&Undo Include 1 Article"
    QTest.keyClick(table, Qt.Key.Key_Z, CTRL)
    assert model.excluded_ids() == {first.article_id}
