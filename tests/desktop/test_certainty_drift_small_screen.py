"""On a 1024 x 700 screen the seeds' five outlets each get a dot in the certainty drift, as
on a laptop, and the chart does not scroll sideways (ux4's review, session 33: "2 of 5"
counts, 70 px to scroll across). Counts are for too many outlets for a dot each: the rule
now measures the room a claim's column really has (the scale's names and the legend of
outlets as drawn), and the chart's least width fits the view."""

from __future__ import annotations

from typing import Any

import pytest
from matplotlib.figure import Figure
from matplotlib.text import Text
from PySide6.QtCore import QRect

from desktop.charts.certainty_drift import DOT_PT, CertaintyDriftChart
from tests.desktop.conftest import choose_chart_with_keys, wait_for_chart
from tests.desktop.test_small_screen import SMALL_SCREEN, first_start_on

# No text of the chart is smaller (points): the labels were 6 pt, the ranges 6.5.
LEAST_TEXT_PT = 7.0


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



@pytest.mark.parametrize("screen", [SMALL_SCREEN, QRect(0, 0, 1152, 700)],
                         ids=["1024x700", "1152x700"])
def test_the_chart_fits_the_page_at_1024_with_no_text_under_7_pt(
    qtbot: Any, window: Any, screen: QRect
) -> None:
    # ux5's review, session 33: 46 px to scroll down on the real first run (the samples'
    # hint shown), and the claims' labels at 6 pt, in 4 lines of about 9 characters. A
    # wider screen, the same page's height: its least height was reckoned taller (13 px
    # to scroll at 1152).
    view = first_start_on(qtbot, window, screen)
    assert window.sample_hint.isVisible()
    chart = choose_chart_with_keys(qtbot, view, "certainty_drift")
    assert isinstance(chart, CertaintyDriftChart) and not chart.counted
    area = view.scroll_area
    qtbot.waitUntil(lambda: view.canvas.width() >= area.viewport().width())
    wait_for_chart(qtbot, view)
    assert area.verticalScrollBar().maximum() == 0, (
        view.canvas.minimumHeight(), area.viewport().height())
    assert area.horizontalScrollBar().maximum() == 0
    figure = view.canvas.figure
    assert isinstance(figure, Figure)
    renderer = figure.canvas.get_renderer()
    page = figure.bbox
    texts = [t for t in figure.findobj(Text) if t.get_visible() and t.get_text().strip()]
    assert texts
    for text in texts:
        assert text.get_fontsize() >= LEAST_TEXT_PT, (text.get_text(), text.get_fontsize())
        box = text.get_window_extent(renderer)
        # Every text whole on the page (the note in one line reaches the legend's column).
        assert page.x0 - 1 <= box.x0 and box.x1 <= page.x1 + 1, text.get_text()
        assert page.y0 - 1 <= box.y0 and box.y1 <= page.y1 + 1, text.get_text()
    ax = chart._ax
    assert ax is not None
    labels = [t for t in ax.get_xticklabels() if t.get_text()]
    assert len(labels) == len(chart.claims)
    # The footer went beside the labels, under the legend, and runs into neither.
    footer = figure._supxlabel
    assert footer is not None and not footer.get_in_layout()
    footer_box = footer.get_window_extent(renderer)
    legend = ax.get_legend()
    assert legend is not None
    assert legend.get_window_extent(renderer).y0 > footer_box.y1
    assert all(t.get_window_extent(renderer).x1 < footer_box.x0 for t in labels)
    # The levels still stand at least a dot and a range apart (20.75 px on the parent).
    rows_px = ax.transData.transform([(0, 1)])[0][1] - ax.transData.transform([(0, 0)])[0][1]
    assert rows_px / view.canvas.device_pixel_ratio >= 19.5, rows_px
