"""While the table is filtered, a note under the filter box says how many articles it shows
and that the charts still use every included article (ux18's walkthrough, session 18: filtered
to 5 of 245 articles, the chart beside the table still drew all 245 and nothing said so)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel

from tests.desktop.conftest import SEEDS, load, wait_for_chart


def test_a_filtered_table_says_the_charts_still_use_every_article(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    corpus = tmp_path / "seeds"
    shutil.copytree(SEEDS, corpus)
    load(qtbot, window, [corpus])
    view = window.compare_view
    chart = wait_for_chart(qtbot, view)
    QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.filter_edit.hasFocus()
    QTest.keyClicks(window.filter_edit, "Daily Beast")
    assert window.proxy.rowCount() == 1
    note = window.findChild(QLabel, "filter_note")
    assert note is not None and note.isVisible()
    assert "shows 1 of 5 articles" in note.text()
    assert "charts, outlet means and exports still use all 5 included articles" in note.text()
    # What it says is so: the chart still draws all five outlets.
    assert view.current_chart() is chart and len(chart.bars) == 5  # type: ignore[attr-defined]
    # Excluding an article (Ctrl+Shift+X on the row shown) is counted at once.
    window.table.setFocus()
    QTest.keyClick(window.table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    window.table.selectRow(0)
    QTest.keyClick(window.table, Qt.Key.Key_X,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert len(window.included_analyses()) == 4
    assert "still use all 4 included articles" in note.text()
    # An empty box: the note goes.
    window.filter_edit.setFocus()
    QTest.keyClick(window.filter_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(window.filter_edit, Qt.Key.Key_Backspace)
    assert window.proxy.rowCount() == 5 and not note.isVisible()
    # The menu entry's tip says what the filter looks at, as the box's tooltip does.
    assert "outlet, headline, date or file name" in window.action_filter.statusTip()
