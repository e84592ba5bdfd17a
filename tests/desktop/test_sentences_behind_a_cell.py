"""From a number in the table to the sentences behind it, with the keyboard (ux21, session
21: only a mouse click on a chart's bar listed them; Enter on a cell opened the article
and no more)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from models.evidence import measure_sentences
from tests.desktop.conftest import load


def _column(window: Any, key: str) -> int:
    columns = window.table_model.shown_columns()
    return next(i for i, c in enumerate(columns) if c.key == key)


def test_enter_on_a_number_names_its_sentences_and_tab_enter_goes_to_one(
    qtbot: Any, window: Any, seed_dir: Path
) -> None:
    load(qtbot, window, [seed_dir])
    table = window.table
    proxy_column = window.proxy.mapFromSource(
        window.table_model.index(0, _column(window, "hedges_epistemic_per_100w"))).column()
    row = next(r for r in range(window.proxy.rowCount())
               if window.proxy.index(r, 0).data() == "MoD-based report")
    table.setFocus()
    table.setCurrentIndex(window.proxy.index(row, proxy_column))
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    read = window.read_view
    qtbot.waitUntil(lambda: window.tabs.currentWidget() is read)
    analysis = read.analysis()
    assert analysis is not None and analysis.outlet == "MoD-based report"
    expected = sorted({r.sentence_index for r in
                       measure_sentences(analysis, "hedges_epistemic_per_100w")})
    assert len(expected) >= 3
    line = read.measure_text()
    shown = window.proxy.index(row, proxy_column).data()
    assert line.startswith(f"Epistemic hedges per 100 words: {shown}, from sentences ")
    for index in expected:
        assert f"href='sentence:{index}'>{index + 1}</a>" in line
    assert read.current_sentence() == expected[0]
    # Tab through the line's links to the second, Enter: Read goes to that sentence.
    label = read.measure_label()
    label.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(label.hasFocus)
    for _ in range(2):  # the first link, then the second
        qtbot.keyClick(label, Qt.Key.Key_Tab)
    assert label.hasFocus()
    qtbot.keyClick(label, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: read.current_sentence() == expected[1])
    # Enter on a text cell (the headline) reads the article without such a line.
    table.setFocus()
    table.setCurrentIndex(window.proxy.index(row, 1))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert read.measure_text() == ""
