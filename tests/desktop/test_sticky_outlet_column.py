"""Scrolled to the right, the table keeps each row's outlet in view at its left edge
(ux22, session 22: the rows of numbers had no outlet beside them). Driven by the table's
own scroll bar and real mouse events on the overlay."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from desktop.table_columns import OUTLET_COLUMN
from tests.desktop.conftest import copy_seeds, load


def _scroll_to_the_right(qtbot: Any, window: Any) -> Any:
    window.resize(900, 700)
    table = window.table
    bar = table.horizontalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    table.setFocus()
    QTest.keyClick(bar, Qt.Key.Key_End)  # as the scroll bar's End key does
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: table.columnViewportPosition(OUTLET_COLUMN) < 0)
    return table


def test_the_outlets_stay_in_view_when_the_table_is_scrolled_right(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    load(qtbot, window, copy_seeds(tmp_path / "corpus"))
    table = window.table
    sticky = window.sticky_outlet
    assert not sticky.is_shown()  # the column is in view: nothing over it

    _scroll_to_the_right(qtbot, window)
    qtbot.waitUntil(sticky.is_shown)
    view = sticky.view
    assert view.geometry().left() <= table.frameWidth()
    assert view.width() == table.columnWidth(OUTLET_COLUMN) + 1
    # Row by row, the outlet beside the table's row at the same height.
    for row in range(table.model().rowCount()):
        rect = view.visualRect(view.model().index(row, OUTLET_COLUMN))
        y = view.viewport().mapTo(table, rect.center()).y()
        table_row = table.indexAt(table.viewport().mapFrom(table, QPoint(200, y))).row()
        assert table_row == row
        assert view.model().index(row, OUTLET_COLUMN).data() == \
            table.model().index(table_row, OUTLET_COLUMN).data()
    assert {view.model().index(r, OUTLET_COLUMN).data()
            for r in range(view.model().rowCount())} == {a.outlet for a in window.analyses()}

    # A click on an outlet selects its row in the table.
    rect = view.visualRect(view.model().index(2, OUTLET_COLUMN))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert [i.row() for i in table.selectionModel().selectedRows()] == [2]

    # Back to the left edge: the column is in view again, and the overlay goes.
    table.horizontalScrollBar().setValue(0)
    qtbot.waitUntil(lambda: not sticky.is_shown())


def test_it_scrolls_with_the_table(qtbot: Any, window: Any, tmp_path: Path,
                                   many_articles: Path) -> None:
    load(qtbot, window, [many_articles])
    table = _scroll_to_the_right(qtbot, window)
    view = window.sticky_outlet.view
    qtbot.waitUntil(window.sticky_outlet.is_shown)
    bar = table.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    assert view.verticalScrollBar().value() == bar.value()
    top = table.indexAt(QPoint(5, 5)).row()
    assert view.indexAt(QPoint(5, 5)).row() == top > 0
