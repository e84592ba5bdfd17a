"""An outlet renamed in the table to another spelling (case, spacing) of an outlet already
there joins it, as a load does (models.article.OutletNames): typing "the daily  beast" for
HLN's article made a sixth outlet beside "The Daily Beast", with its own bar and colour.
Typed as a new spelling of the article's own outlet, the whole outlet takes it, so it is
not split either. Each is one step Edit > Undo takes back whole. Real keys: F2, typing,
Return, Ctrl+Z, Ctrl+Shift+Z."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop.table_columns import OUTLET_COLUMN
from tests.desktop.conftest import SEEDS, load, wait_for_chart

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def type_outlet(qtbot: Any, window: Any, article_id: str, text: str) -> None:
    model, table = window.table_model, window.table
    row = next(r for r, a in enumerate(model.analyses_in_rows()) if a.article_id == article_id)
    table.setFocus()
    table.setCurrentIndex(window.proxy.mapFromSource(model.index(row, OUTLET_COLUMN)))
    QTest.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    editor.selectAll()
    QTest.keyClicks(editor, text)
    QTest.keyClick(editor, Qt.Key.Key_Return)


def outlets(window: Any) -> dict[str, str]:
    return {a.article_id: a.article.outlet for a in window.table_model.analyses()}


def charted_outlets(qtbot: Any, window: Any) -> int:
    view = window.compare_view
    qtbot.waitUntil(lambda: view.current_chart() is not None and not view.chart_pending())
    wait_for_chart(qtbot, view)
    return int(view.current_chart().n_outlets)


def test_a_rename_to_another_spelling_of_an_outlet_joins_it_and_undoes_whole(
    qtbot: Any, window: Any
) -> None:
    load(qtbot, window, [SEEDS])
    model = window.table_model
    before = outlets(window)
    hln = next(i for i, o in before.items() if o == "HLN")
    beast = next(i for i, o in before.items() if o == "The Daily Beast")
    scores = {a.article_id: a.scores for a in model.analyses()}
    origins = {i: model.outlet_of(i) for i in before}
    assert charted_outlets(qtbot, window) == 5

    type_outlet(qtbot, window, hln, "the daily  beast")
    qtbot.waitUntil(lambda: outlets(window)[hln] != "HLN")
    assert outlets(window)[hln] == "The Daily Beast"  # the outlet's own spelling
    assert model.outlet_of(hln) == ("The Daily Beast", "user")
    assert outlets(window)[beast] == "The Daily Beast"
    assert len(set(outlets(window).values())) == 4
    assert charted_outlets(qtbot, window) == 4
    assert {a.article_id: a.scores for a in model.analyses()} == scores  # nothing lost
    undo = window.removals.action_undo
    assert undo.text() == "&Undo Rename Outlet to “The Daily Beast”"

    # A new spelling of an outlet of two articles: both take it, none is left apart.
    type_outlet(qtbot, window, beast, "THE DAILY BEAST")
    qtbot.waitUntil(lambda: outlets(window)[beast] == "THE DAILY BEAST")
    assert outlets(window)[hln] == "THE DAILY BEAST"
    assert len(set(outlets(window).values())) == 4

    table = window.table
    table.setFocus()
    QTest.keyClick(table, Qt.Key.Key_Z, CTRL)
    assert outlets(window)[hln] == outlets(window)[beast] == "The Daily Beast"
    QTest.keyClick(table, Qt.Key.Key_Z, CTRL)
    assert outlets(window) == before
    assert {i: model.outlet_of(i) for i in before} == origins  # names and where from
    assert charted_outlets(qtbot, window) == 5
    QTest.keyClick(table, Qt.Key.Key_Z, CTRL | SHIFT)
    assert outlets(window)[hln] == "The Daily Beast"
    assert len(set(outlets(window).values())) == 4
