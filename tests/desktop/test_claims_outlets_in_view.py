"""The Claims tab with 30 outlets (ux15's review, session 15, base-c30-claims16s.png): the
claim's column, stretched, took the whole view at the window's default size and all 30 outlet
columns lay off to the right, so the tab showed claims and no outlet. With many outlets the
claim's column keeps a readable width and the first outlets show beside it; with few it still
takes the room the outlets leave."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHeaderView

from desktop.qt_claims_view import CLAIM_CHARS, LABEL_COLUMN
from tests.desktop.conftest import LOAD_TIMEOUT_MS
from tests.desktop.test_omissions_with_thirty_outlets import claims_corpus


def _show_claims(qtbot: Any, window: Any, outlets: list[str]) -> Any:
    view = window.claims_view
    with qtbot.waitSignal(view.alignment_changed, timeout=LOAD_TIMEOUT_MS):
        view.set_analyses(claims_corpus(outlets))
    window.action_show_claims.trigger()
    assert window.tabs.currentWidget() is view
    qtbot.waitUntil(lambda: view.table.viewport().width() > 400)
    return view


def _in_view(view: Any, column: int) -> bool:
    header = view.table.horizontalHeader()
    left = header.sectionViewportPosition(column)
    return left >= 0 and left + header.sectionSize(column) <= view.table.viewport().width()


def test_thirty_outlets_show_beside_the_claims_where_the_tab_opens(
    qtbot: Any, window: Any
) -> None:
    view = _show_claims(qtbot, window, [f"Outlet {i:02d}" for i in range(30)])
    assert view.model.columnCount() == 31 and view.model.rowCount() == 10
    header = view.table.horizontalHeader()
    shown = [c for c in range(1, 31) if _in_view(view, c)]
    assert len(shown) >= 4, (shown, header.sectionSize(LABEL_COLUMN),
                             view.table.viewport().width())
    # ...beside a claim's column still wide enough to read.
    assert header.sectionSize(LABEL_COLUMN) >= 40 * header.fontMetrics().averageCharWidth()
    assert header.sectionSize(LABEL_COLUMN) <= CLAIM_CHARS * header.fontMetrics().averageCharWidth()


def test_five_outlets_leave_the_claims_the_rest_of_the_view(qtbot: Any, window: Any) -> None:
    view = _show_claims(qtbot, window, [f"Outlet {i}" for i in range(5)])
    header = view.table.horizontalHeader()
    assert header.sectionResizeMode(LABEL_COLUMN) == QHeaderView.ResizeMode.Stretch
    assert all(_in_view(view, c) for c in range(1, 6))
    total = sum(header.sectionSize(c) for c in range(6))
    assert abs(total - view.table.viewport().width()) <= 1, total
