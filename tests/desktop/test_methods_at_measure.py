"""Help ▸ Methods opens at the measure the user is looking at.

The table's header tooltips and the Chart box's description end "(more: Help ▸
Methods)"; the Methods window opened at its top, twenty measures and their rules away
from the one asked about (ux20's walkthrough, session 20). Now F1 opens it at the
current table column's measure, or at the Compare chart's measure (a chart of no one
measure: at its own section).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from desktop.table_columns import COLUMNS
from tests.desktop.conftest import copy_seeds, load, wait_for_chart


def _press_f1_on(qtbot: Any, window: Any, widget: Any) -> Any:
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)
    qtbot.keyClick(widget, Qt.Key.Key_F1)
    dialog = window._methods_dialog
    qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible())
    return dialog


def _anchor_top(dialog: Any, key: str) -> int:
    """Where the browser scrolls to show ``key``'s anchor (as scrollToAnchor computes it)."""
    browser = dialog.browser()
    bar = browser.verticalScrollBar()
    before = bar.value()
    browser.scrollToAnchor(key)
    where = bar.value()
    bar.setValue(before)
    return where


def test_f1_in_a_table_column_opens_methods_at_its_measure(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    load(qtbot, window, copy_seeds(tmp_path / "corpus", 2))
    table = window.table
    column = next(i for i, c in enumerate(COLUMNS) if c.key == "boosters_per_100w")
    index = table.model().index(0, column)
    table.scrollTo(index)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(index).center())
    dialog = _press_f1_on(qtbot, window, table)
    bar = dialog.browser().verticalScrollBar()
    boosters = _anchor_top(dialog, "boosters_per_100w")
    assert boosters > 0
    qtbot.waitUntil(lambda: bar.value() == boosters)


def test_f1_on_the_compare_chart_opens_methods_at_its_measure(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    load(qtbot, window, copy_seeds(tmp_path / "corpus", 2))
    view = window.compare_view
    wait_for_chart(qtbot, view)
    with qtbot.waitSignal(view.measure_changed, timeout=5000):
        view.measure_combo.setCurrentIndex(view.measure_combo.findData("sources_named"))
    dialog = _press_f1_on(qtbot, window, view.measure_combo)
    bar = dialog.browser().verticalScrollBar()
    named = _anchor_top(dialog, "sources_named")
    assert named > 0
    qtbot.waitUntil(lambda: bar.value() == named)


def test_f1_on_a_chart_of_no_one_measure_opens_methods_at_that_chart(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    """The similarity and sources charts have no measure box: F1 there opened Methods at
    its top (s28-methods). Now at the similarity measure's section, and for another such
    chart at its 'How to read the charts' entry."""
    load(qtbot, window, copy_seeds(tmp_path / "corpus", 2))
    view = window.compare_view
    wait_for_chart(qtbot, view)
    for chart, anchor in (("similarity", "similarity"), ("sources", "chart-sources")):
        view.chart_combo.setCurrentIndex(view.chart_combo.findData(chart))
        assert not view.measure_combo.isEnabled()
        dialog = _press_f1_on(qtbot, window, view.chart_combo)
        bar = dialog.browser().verticalScrollBar()
        where = _anchor_top(dialog, anchor)
        assert where > 0
        assert where != _anchor_top(dialog, "similarity" if anchor != "similarity" else "chart-sources")
        qtbot.waitUntil(lambda where=where, bar=bar: bar.value() == where)
        dialog.close()
        qtbot.waitUntil(lambda dialog=dialog: not dialog.isVisible())
