"""The keyboard reaches what a click on the chart reaches (ux22, session 22: the chart was
a tab stop where no key did anything). Driven by real key events on the canvas; what
Enter lists is checked against a real mouse click at the marked place."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from desktop.qt_compare_view import CompareView
from models.features import ArticleAnalysis
from models.pipeline import analyze_paths
from tests.desktop.conftest import shown_compare_view, wait_for_chart

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="module")
def seeds() -> list[ArticleAnalysis]:
    return analyze_paths([SEEDS]).analyses


def _view(qtbot: Any, seeds: list[ArticleAnalysis], chart: str) -> CompareView:
    view = shown_compare_view(qtbot, 1000, 800)
    view.set_analyses(seeds)
    view.select_chart(chart)
    if chart == "measure_by_outlet":
        view.select_measure("sources_anonymous")
    wait_for_chart(qtbot, view)
    view.canvas.setFocus()  # as Tab gives it
    return view


def _widget_point(view: CompareView, x: float, y: float) -> QPoint:
    """Where the figure's point is painted: the drawing is scaled down while the canvas,
    shrunk by the sentences opening, waits to be drawn again."""
    return view.canvas.widget_point(x, y)


def _listed(view: CompareView) -> list[Any]:
    return [row.ref for row in view.evidence_panel.rows()]


def test_arrows_and_enter_list_each_bar_as_a_click_does(
    qtbot: Any, seeds: list[ArticleAnalysis]
) -> None:
    view = _view(qtbot, seeds, "measure_by_outlet")
    canvas = view.canvas
    assert canvas.focusPolicy() == Qt.FocusPolicy.StrongFocus
    QTest.keyClick(canvas, Qt.Key.Key_Right)
    targets = view.chart_targets()
    # Five outlets' bars (and the articles' dots on them), left to right.
    assert len(targets) >= 5
    assert [x for x, _ in targets] == sorted(x for x, _ in targets)
    marked: list[int] = []
    while view.marked_target() not in marked:
        index = view.marked_target()
        assert index is not None
        marked.append(index)
        QTest.keyClick(canvas, Qt.Key.Key_Return)
        by_key = _listed(view)
        assert by_key, f"target {index} lists nothing"
        marker = view._target_marker.geometry().center()
        x, y = targets[index]
        assert (marker - _widget_point(view, x, y)).manhattanLength() <= 2
        view.evidence_panel.clear()
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=_widget_point(view, x, y))
        assert _listed(view) == by_key
        QTest.keyClick(canvas, Qt.Key.Key_Right)
    # Round again, in order, every bar and dot of the chart reached once.
    assert marked == sorted(marked) and marked[0] == view.marked_target()
    assert len(marked) >= 10  # 5 bars, 5 articles' dots
    QTest.keyClick(canvas, Qt.Key.Key_Left)
    assert view.marked_target() == marked[-1]
    QTest.keyClick(canvas, Qt.Key.Key_Home)
    assert view.marked_target() == marked[0]
    QTest.keyClick(canvas, Qt.Key.Key_End)
    assert view.marked_target() == marked[-1]


def test_the_cells_of_a_heatmap_are_read_row_by_row(
    qtbot: Any, seeds: list[ArticleAnalysis]
) -> None:
    view = _view(qtbot, seeds, "sources")
    canvas = view.canvas  # the keys go to the chart itself
    QTest.keyClick(canvas, Qt.Key.Key_Space)  # nothing marked yet: the first, listed
    first = view.marked_target()
    assert first is not None and _listed(view)
    # The list took room from the chart (drawn again smaller): the keys go on from there.
    QTest.keyClick(canvas, Qt.Key.Key_Right)
    second = view.marked_target()
    assert second is not None and second > first
    targets = view.chart_targets()
    assert len(targets) > 5
    # Row by row from the top, left to right in a row; empty cells are passed over: only
    # those a click lists sentences for are marked.
    reached = [targets[second]]
    for _ in range(10):
        QTest.keyClick(canvas, Qt.Key.Key_Right)
        x, y = targets[view.marked_target()]
        reached.append((x, y))
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=_widget_point(view, x, y))
        assert _listed(view)
    assert reached == sorted(reached, key=lambda p: (round(-p[1]), p[0]))
    assert len({round(y) for _, y in reached}) > 1  # it went on to the next rows
    # Another chart: the mark goes, and the keys start again on its targets.
    view.select_chart("measure_by_outlet")
    wait_for_chart(qtbot, view)
    assert view.marked_target() is None
