"""Outlet names under the few columns of a grid (reuse, topics, sources) lie flat in up to
three lines when they fit their columns, and the chart asks for less height: slanted 30°
they took 87 px and the charts needed 86 (topics), 141 (reuse) and 291 px (sources) of
scrolling in the first window on a 1024 x 700 screen (Xvfb)."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

import pytest

from desktop.charts.style import SCREEN_PX_PER_INCH
from tests.desktop.conftest import choose_chart_with_keys
from tests.desktop.test_small_screen import SMALL_SCREEN, first_start_on


@pytest.mark.parametrize("key", ["emphasis_topics", "reuse", "sources"])
def test_names_under_a_few_columns_lie_flat_and_the_chart_asks_less_height(
    qtbot: Any, window: Any, key: str
) -> None:
    view = first_start_on(qtbot, window, SMALL_SCREEN)
    chart = choose_chart_with_keys(qtbot, view, key)
    figure = view.canvas.figure
    renderer = figure.canvas.get_renderer()
    ratio = view.canvas.device_pixel_ratio
    grid = max(figure.axes, key=lambda ax: len(ax.xaxis.get_major_ticks()))
    names = [tick.label1 for tick in grid.xaxis.get_major_ticks() if tick.label1.get_text()]
    assert len(names) == 5 and all(t.get_rotation() == 0 for t in names)
    boxes = sorted((t.get_window_extent(renderer) for t in names), key=lambda b: b.x0)
    for left, right in pairwise(boxes):
        assert left.x1 < right.x0  # no name runs into the next
    for box in boxes:  # each whole inside the figure, and not taller than three lines
        assert box.x0 >= 0 and box.x1 <= figure.bbox.width and box.y0 >= 0
        assert box.height / ratio <= 3 * 1.4 * 9 * 100 / 72
    # The canvas asks for less than the readable height the slanted names needed.
    readable = int(chart.size_hint()[1] * SCREEN_PX_PER_INCH)
    assert view.canvas.minimumHeight() <= readable - 30, (view.canvas.minimumHeight(), readable)
