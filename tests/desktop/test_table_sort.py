"""Sorting the article table by clicking its headers: text columns sort as before (case
folded, ties in load order, empty texts last either way) now that their keys are ranked
once, and the ranks follow new rows, edits and removals. Driven by real header clicks."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, QPoint, Qt
from PySide6.QtWidgets import QTableView

from desktop.qt_table_model import (
    COLUMNS,
    HEADLINE_COLUMN,
    OUTLET_COLUMN,
    ArticleFilterProxy,
    ArticleTableModel,
)
from tests.desktop.conftest import make_analysis

# Ties, case, accents, an empty headline (undefined) and a leading space.
HEADLINES = ["Budget passes", "budget passes", "Zoo reopens", "", "Éclair prices",
             "apple harvest", "Budget Passes", " space first", "Zoo reopens", ""]


def _table(qtbot: Any, analyses: list[Any]) -> tuple[QTableView, ArticleTableModel]:
    model = ArticleTableModel()
    model.append(analyses)
    proxy = ArticleFilterProxy()
    proxy.setSourceModel(model)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    view.resize(900, 400)
    view.show()
    qtbot.waitExposed(view)
    return view, model


def _click_header(qtbot: Any, view: QTableView, column: int) -> None:
    header = view.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def _ids(view: QTableView) -> list[str]:
    proxy = view.model()
    return [proxy.index(row, 0).data(Qt.ItemDataRole.UserRole).article_id
            for row in range(proxy.rowCount())]


def _expected(analyses: list[Any], field: str, descending: bool) -> list[str]:
    """Case-folded text, ties in load order, empty texts last (the table's rule)."""
    keyed = [(getattr(a.article, field).casefold(), i, a.article_id)
             for i, a in enumerate(analyses)]
    defined = [k for k in keyed if k[0]]
    defined.sort(key=lambda k: k[0], reverse=descending)  # stable: load order in ties
    return [k[2] for k in defined] + [k[2] for k in keyed if not k[0]]


def test_header_clicks_sort_text_both_ways_ties_in_load_order(qtbot: Any) -> None:
    analyses = [make_analysis(f"a{i}", headline=h) for i, h in enumerate(HEADLINES)]
    view, _model = _table(qtbot, analyses)
    _click_header(qtbot, view, HEADLINE_COLUMN)
    assert view.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    assert _ids(view) == _expected(analyses, "headline", descending=False)
    _click_header(qtbot, view, HEADLINE_COLUMN)
    assert view.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert _ids(view) == _expected(analyses, "headline", descending=True)
    assert _ids(view)[-2:] == ["a3", "a9"]  # the empty headlines, in load order


def test_ranks_follow_new_rows_outlet_edits_and_removals(qtbot: Any) -> None:
    analyses = [make_analysis(f"a{i}", outlet=o) for i, o in
                enumerate(["Delta", "alpha", "Charlie", "bravo", "Alpha"])]
    view, model = _table(qtbot, analyses)
    _click_header(qtbot, view, OUTLET_COLUMN)
    assert _ids(view) == ["a1", "a4", "a3", "a2", "a0"]

    # Rows arriving while sorted take their place.
    more = [make_analysis("a5", outlet="Beta"), make_analysis("a6", outlet="aardvark")]
    model.append(more)
    everything = analyses + more
    assert _ids(view) == _expected(everything, "outlet", descending=False)

    # An outlet corrected in the table re-sorts it.
    proxy = view.model()
    row = _ids(view).index("a0")
    assert proxy.setData(proxy.index(row, OUTLET_COLUMN), "Able")
    assert _ids(view) == _expected(everything, "outlet", descending=False)
    assert _ids(view)[:3] == ["a6", "a0", "a1"]

    # Removed rows leave the order of the others as it was.
    model.remove_rows([_ids(view).index("a6")])
    assert _ids(view) == [i for i in _expected(everything, "outlet", False) if i != "a6"]
    _click_header(qtbot, view, OUTLET_COLUMN)  # descending
    assert _ids(view) == [i for i in _expected(everything, "outlet", True) if i != "a6"]


def test_the_selected_article_stays_selected_through_sorts(qtbot: Any) -> None:
    analyses = [make_analysis(f"a{i}", headline=h, words=100 + (7 * i) % 10)
                for i, h in enumerate(HEADLINES)]
    view, _model = _table(qtbot, analyses)
    proxy = view.model()
    view.selectionModel().setCurrentIndex(
        proxy.index(4, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
        | QItemSelectionModel.SelectionFlag.Rows)
    words = [c.key for c in COLUMNS].index("words")
    for column in (HEADLINE_COLUMN, HEADLINE_COLUMN, words, OUTLET_COLUMN):
        _click_header(qtbot, view, column)
        current = view.selectionModel().currentIndex()
        assert current.data(Qt.ItemDataRole.UserRole).article_id == "a4"
        selected = view.selectionModel().selectedRows()
        assert [i.data(Qt.ItemDataRole.UserRole).article_id for i in selected] == ["a4"]


def test_rows_added_after_a_removal_sort_with_every_other_row(qtbot: Any) -> None:
    """A removal (or an undo, or an outlet edit) drops the sort keys; rows loaded next
    made keys for themselves alone, and a header click then showed only them: Delete one
    article, drop another file, click Outlet, and the table held one row of five (the
    random walk, seed 5; a KeyError followed when the table was already sorted)."""
    analyses = [make_analysis(f"a{i}", outlet=o) for i, o in
                enumerate(["Delta", "alpha", "Charlie", "bravo"])]
    view, model = _table(qtbot, analyses)
    model.remove_rows([_ids(view).index("a2")])
    model.append([make_analysis("a4", outlet="Echo")])
    _click_header(qtbot, view, OUTLET_COLUMN)
    assert _ids(view) == ["a1", "a3", "a0", "a4"]
    assert model.rowCount() == 4
    # Already sorted when the rows come: they take their place among all the others.
    model.remove_rows([_ids(view).index("a1")])
    model.append([make_analysis("a5", outlet="Able")])
    assert _ids(view) == ["a5", "a3", "a0", "a4"]
