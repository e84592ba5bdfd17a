"""A certainty cell's tooltip splits its count into the outlet's own words and its quotations.

ux19's and ux20's walkthroughs: the table shows totals only ("Epistemic hedges 1.35"),
while the bar chart splits them into the outlet's own words and its quotations; a
teacher reading the MoD-based report's row could not tell that most of its hedges were
the Ministry's. Hovering a cell now gives both parts, as counts that add up.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from desktop.qt_table_model import ANALYSIS_ROLE
from desktop.table_columns import COLUMNS
from tests.desktop.conftest import copy_seeds, load


def _hover_cell(qtbot: Any, table: Any, row: int, column: int) -> str:
    index = table.model().index(row, column)
    table.scrollTo(index)
    pos = table.visualRect(index).center()
    QToolTip.hideText()
    viewport = table.viewport()
    event = QHelpEvent(QHelpEvent.Type.ToolTip, pos, viewport.mapToGlobal(QPoint(pos)))
    QApplication.sendEvent(viewport, event)
    qtbot.waitUntil(QToolTip.isVisible)
    return QToolTip.text()


def test_hovering_a_hedge_cell_gives_own_and_quoted_counts(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    load(qtbot, window, copy_seeds(tmp_path / "corpus"))
    table = window.table
    column = next(i for i, c in enumerate(COLUMNS) if c.key == "hedges_epistemic_per_100w")
    rows = []
    for row in range(table.model().rowCount()):
        analysis = table.model().index(row, 0).data(ANALYSIS_ROLE)
        rows.append((analysis.scores.hedges_epistemic_quoted_per_100w, row, analysis))
    quoted_rate, row, analysis = max(rows, key=lambda r: r[0])
    assert quoted_rate > 0  # the MoD-based report quotes the Ministry's hedges
    words = analysis.scores.words
    own = round(analysis.scores.hedges_epistemic_own_per_100w * words / 100)
    quoted = round(quoted_rate * words / 100)
    total = round(analysis.scores.hedges_epistemic_per_100w * words / 100)
    assert own + quoted == total and quoted > 0
    shown = _hover_cell(qtbot, table, row, column)
    # The count's line (the last line is the way to the sentences: test_cell_counts).
    assert shown.splitlines()[1] == (f"{total} in {words:,} words: {own} in the outlet's "
                                     f"own words, {quoted} quoted or reported")
    # A measure without quoted parts says no such thing.
    weasel = next(i for i, c in enumerate(COLUMNS) if c.key == "hedges_weasel_per_100w")
    assert "quoted or reported" not in _hover_cell(qtbot, table, row, weasel)
