"""In the window, a grid whose columns are outlets' names carries no "Outlet" axis title
(the names and the chart's title say they are outlets', as under the bars since ux25), and
the chart asks that line's height less: on a 1024 x 700 screen the seeds' profile, sources,
reuse and topics charts scrolled 364, 219, 105 and 50 px, 22 px more than now. Their rows
keep their height, and exports keep the title."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest

from desktop.charts import style
from tests.desktop.conftest import choose_chart_with_keys
from tests.desktop.test_charts import svg_text
from tests.desktop.test_small_screen import SMALL_SCREEN, first_start_on


def asked_with_the_title(chart: Any, width_in: float) -> int:
    """The canvas's least height (px) the chart asked with its axis title on screen."""
    height = chart.size_hint()[1]
    if isinstance(chart, style.OutletColumnsChart):
        height -= chart.name_rows * style.outlet_names_height_saved(chart.outlets, width_in)
    return int(height * style.SCREEN_PX_PER_INCH)


@pytest.mark.parametrize("key", ["outlet_heatmap", "sources", "reuse", "emphasis_topics"])
def test_grids_of_outlets_leave_the_outlet_title_to_exports(
    qtbot: Any, window: Any, tmp_path: Path, key: str
) -> None:
    view = first_start_on(qtbot, window, SMALL_SCREEN)
    chart = choose_chart_with_keys(qtbot, view, key)
    figure = view.canvas.figure
    figure.canvas.draw()
    titles = [ax.get_xlabel() for ax in figure.axes]  # beside rows it costs no height
    assert "Outlet" not in titles, titles
    width_in = float(figure.get_size_inches()[0])
    assert view.canvas.minimumHeight() <= asked_with_the_title(chart, width_in) - 20
    # The rows' names stay apart (the grid did not give its rows' height away).
    renderer = figure.canvas.get_renderer()
    grid = max(figure.axes, key=lambda ax: len(ax.get_yticklabels()))
    boxes = sorted((t.get_window_extent(renderer) for t in grid.get_yticklabels()
                    if t.get_text()), key=lambda b: b.y0)
    assert len(boxes) >= 4
    for lower, upper in pairwise(boxes):
        assert lower.y1 <= upper.y0 + 1, (lower, upper)
    path = tmp_path / f"{key}.svg"
    assert window.export_chart(path)
    qtbot.waitUntil(path.exists)
    assert " Outlet " in f" {svg_text(path)} "
