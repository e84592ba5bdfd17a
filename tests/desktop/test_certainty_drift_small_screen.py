"""On a 1024 x 700 screen the seeds' five outlets each get a dot in the certainty drift, as
on a laptop, and the chart does not scroll sideways (ux4's review, session 33: "2 of 5"
counts, 70 px to scroll across). Counts are for too many outlets for a dot each: the rule
now measures the room a claim's column really has (the scale's names and the legend of
outlets as drawn), and the chart's least width fits the view."""

from __future__ import annotations

from typing import Any

from matplotlib.figure import Figure

from desktop.charts.certainty_drift import DOT_PT, CertaintyDriftChart
from tests.desktop.conftest import choose_chart_with_keys, wait_for_chart
from tests.desktop.test_small_screen import SMALL_SCREEN, first_start_on


def test_five_outlets_get_a_dot_each_and_no_sideways_scroll_at_1024(
    qtbot: Any, window: Any
) -> None:
    assert SMALL_SCREEN.width() == 1024
    view = first_start_on(qtbot, window, SMALL_SCREEN)
    chart = choose_chart_with_keys(qtbot, view, "certainty_drift")
    assert isinstance(chart, CertaintyDriftChart) and chart.n_outlets == 5
    area = view.scroll_area
    qtbot.waitUntil(lambda: view.canvas.width() >= area.viewport().width())
    wait_for_chart(qtbot, view)
    assert area.horizontalScrollBar().maximum() == 0, (
        view.canvas.minimumWidth(), area.viewport().width())
    assert not chart.counted and not chart.counts
    # The dots really stand apart as drawn: neighbours in a column at one level are at
    # least a dot's width apart, and every dot stays inside its claim's column.
    figure = view.canvas.figure
    assert isinstance(figure, Figure)
    ax = chart._ax
    assert ax is not None and ax.get_legend() is not None
    points_per_x = ax.get_window_extent().width / (ax.get_xlim()[1] - ax.get_xlim()[0]) \
        * 72 / figure.dpi
    places = sorted({round(chart._offset(o), 6) for o in chart.outlets})
    spacing_pt = (places[1] - places[0]) * points_per_x
    assert spacing_pt >= DOT_PT, spacing_pt
    assert (0.5 - max(abs(p) for p in places)) * points_per_x >= DOT_PT / 2

