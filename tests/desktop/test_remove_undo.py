"""Del removes the selected articles at once; Edit > Undo (Ctrl+Z) brings them back with the
user's outlet edits and exclusions, in their places (ux8's review, session 8: Del dropped
the articles and their edits with no way back). Driven by real key events."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest

from desktop.table_columns import OUTLET_COLUMN
from tests.desktop.conftest import copy_seeds, load

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def select_articles(window: Any, article_ids: list[str]) -> None:
    selection = QItemSelection()
    for analysis in window.table_model.analyses():
        if analysis.article_id in article_ids:
            source_row = window.table_model.rows_of([analysis])[0]
            index = window.proxy.mapFromSource(window.table_model.index(source_row, 0))
            selection.select(index, index)
    window.table.selectionModel().select(
        selection, QItemSelectionModel.SelectionFlag.ClearAndSelect
        | QItemSelectionModel.SelectionFlag.Rows)


def selected_ids(window: Any) -> list[str]:
    return sorted(window.table_model.analysis(r).article_id for r in window.selected_source_rows())


def test_del_then_ctrl_z_brings_the_articles_back_with_their_edits(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    load(qtbot, window, copy_seeds(tmp_path / "corpus"))
    model = window.table_model
    before = [a.article_id for a in window.analyses()]
    edited, excluded = before[1], before[3]
    # The user's work on the two articles: an outlet typed in, an exclusion (its key).
    row = model.rows_of([window.analyses()[1]])[0]
    assert model.setData(model.index(row, OUTLET_COLUMN), "My Outlet Name", Qt.ItemDataRole.EditRole)
    select_articles(window, [excluded])
    window.table.setFocus()
    QTest.keyClick(window.table, Qt.Key.Key_X, CTRL | SHIFT)
    assert model.excluded_ids() == {excluded}
    window.project.set_modified(False)

    select_articles(window, [edited, excluded])
    QTest.keyClick(window.table, Qt.Key.Key_Delete)
    assert [a.article_id for a in window.analyses()] == [i for i in before
                                                         if i not in (edited, excluded)]
    assert window.status_text().startswith("Removed 2 articles (Edit ▸ Undo, Ctrl+Z, brings them back)")
    undo = window.removals.action_undo
    assert undo in window.edit_menu.actions() and undo.isEnabled()
    assert undo.text() == "&Undo Remove 2 Articles"
    assert undo.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)

    QTest.keyClick(window.table, Qt.Key.Key_Z, CTRL)
    assert [a.article_id for a in window.analyses()] == before  # their places in load order
    back = {a.article_id: a for a in window.analyses()}
    assert back[edited].article.outlet == "My Outlet Name"
    assert back[edited].article.outlet_origin == "user"
    assert model.excluded_ids() == {excluded}
    assert selected_ids(window) == sorted([edited, excluded])
    # One of the two is excluded again: the status says what the charts use (ux25).
    assert window.status_text() == (
        "Brought back 2 articles · 5 articles from 5 outlets · "
        "1 excluded: charts and exports use 4 articles from 4 outlets")
    assert window.project.is_modified()  # the study changed and changed back: still unsaved
    # Next in Edit > Undo: her exclusion and her outlet, each a step of its own (ux22).
    assert undo.text() == "&Undo Exclude 1 Article"
    assert window.removals.action_redo.isEnabled()

    # Redo removes them again; the filter box's Ctrl+Z undoes its own typing, not the removal.
    QTest.keyClick(window.table, Qt.Key.Key_Z, CTRL | SHIFT)
    assert len(window.analyses()) == 3
    window.filter_edit.setFocus()
    QTest.keyClicks(window.filter_edit, "zz")
    QTest.keyClick(window.filter_edit, Qt.Key.Key_Z, CTRL)
    assert window.filter_edit.text() == "" and len(window.analyses()) == 3
    window.table.setFocus()
    QTest.keyClick(window.table, Qt.Key.Key_Z, CTRL)
    assert [a.article_id for a in window.analyses()] == before


def test_undo_in_a_sorted_table_and_after_clear_all(
    qtbot: Any, qtmodeltester: Any, window: Any, tmp_path: Path
) -> None:
    load(qtbot, window, copy_seeds(tmp_path / "corpus"))
    model = window.table_model
    before = [a.article_id for a in window.analyses()]
    window.table.sortByColumn(OUTLET_COLUMN, Qt.SortOrder.DescendingOrder)
    shown = [model.analysis(r).article_id for r in range(model.rowCount())]
    assert shown != before
    select_articles(window, [shown[0], shown[2]])
    window.table.setFocus()
    QTest.keyClick(window.table, Qt.Key.Key_Delete)
    assert model.rowCount() == 3
    QTest.keyClick(window.table, Qt.Key.Key_Z, CTRL)
    assert [model.analysis(r).article_id for r in range(model.rowCount())] == shown
    assert [a.article_id for a in window.analyses()] == before
    qtmodeltester.check(model)

    # A removal, then Clear All (the study is gone): nothing is left to undo.
    select_articles(window, [before[0]])
    QTest.keyClick(window.table, Qt.Key.Key_Delete)
    assert window.removals.action_undo.isEnabled()
    window.clear_all()
    assert not window.removals.action_undo.isEnabled()
    QTest.keyClick(window.table, Qt.Key.Key_Z, CTRL)
    assert model.rowCount() == 0


def test_an_article_loaded_again_after_its_removal_is_not_doubled(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    files = copy_seeds(tmp_path / "corpus", 3)
    load(qtbot, window, files)
    first = window.analyses()[0].article_id
    select_articles(window, [first])
    window.table.setFocus()
    QTest.keyClick(window.table, Qt.Key.Key_Delete)
    load(qtbot, window, files[:1])  # the same file dropped again
    assert len(window.analyses()) == 3
    window.table.setFocus()
    QTest.keyClick(window.table, Qt.Key.Key_Z, CTRL)
    assert len(window.analyses()) == 3
    assert "1 article loaded again since: kept as loaded" in window.status_text()


def test_wire_copy_in_two_outlets_loads_and_comes_back_as_each_outlet_s(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    """A corpus file's wire story under two outlets is two articles in the table, as in
    the command line's tables (audit s34: the window set the second outlet's copy aside
    as already loaded); loaded again, neither is doubled; removed, Undo brings one back
    though the other outlet's copy of its text is still there."""
    from tests.models.test_wire_copy_outlets import OTHER, WIRE, corpus

    file = corpus(tmp_path / "wire.csv", [("Ledger", WIRE), ("Courier", WIRE), ("Ledger", OTHER)])
    load(qtbot, window, [file])
    assert [a.outlet for a in window.analyses()] == ["Ledger", "Courier", "Ledger"]
    assert window.load_problems() == []
    load(qtbot, window, [file])
    assert len(window.analyses()) == 3
    courier = next(a.article_id for a in window.analyses() if a.outlet == "Courier")
    select_articles(window, [courier])
    window.table.setFocus()
    QTest.keyClick(window.table, Qt.Key.Key_Delete)
    assert [a.outlet for a in window.analyses()] == ["Ledger", "Ledger"]
    QTest.keyClick(window.table, Qt.Key.Key_Z, CTRL)
    assert sorted(a.outlet for a in window.analyses()) == ["Courier", "Ledger", "Ledger"]
