"""The first window on a 1024 x 700 screen shows the whole bar chart: bars, the outlets'
names under them and the value axis, with nothing to scroll (ux25: the canvas's least
height, 330 px, was taller than its 235 px page and the names were below the fold).
On screen the names carry no "Outlet" axis title; exports keep it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from matplotlib.text import Text

from desktop.charts.measure_by_outlet import OUTLET_AXIS
from tests.desktop.conftest import wait_for_chart
from tests.desktop.test_small_screen import SMALL_SCREEN, first_start_on


def _ticks_text(texts: list[Text]) -> list[str]:
    return [t.get_text() for t in texts if t.get_visible() and t.get_text()]


def test_the_whole_bar_chart_is_on_the_first_screen_of_a_small_laptop(
    qtbot: Any, window: Any
) -> None:
    view = first_start_on(qtbot, window, SMALL_SCREEN)
    assert view.current_key() == "measure_by_outlet"
    area = view.scroll_area
    qtbot.waitUntil(lambda: view.canvas.width() == area.viewport().width())
    assert area.verticalScrollBar().maximum() == 0, (
        view.canvas.minimumHeight(), area.viewport().height())
    figure = view.canvas.figure
    assert abs(figure.bbox.height / view.canvas.device_pixel_ratio
               - area.viewport().height()) <= 2  # drawn for the page it has
    ax = figure.axes[0]
    renderer = figure.canvas.get_renderer()
    names = [t for t in ax.get_xticklabels() if t.get_text()]
    assert len(names) == 5 and all(t.get_rotation() == 0 for t in names)
    for name in names:  # each outlet's name whole inside the figure
        box = name.get_window_extent(renderer)
        assert box.y0 >= 0 and box.y1 <= figure.bbox.height, (name.get_text(), box)
    assert ax.get_xlabel() == ""  # no "Outlet" title on screen
    # The value axis keeps at least three ticks inside the plot.
    low, high = ax.get_ylim()
    assert len([v for v in ax.get_yticks() if low <= v <= high]) >= 3


def test_names_that_turn_keep_the_readable_height(qtbot: Any, window: Any) -> None:
    """In a narrow page the names turn 45° and need the height they had (330 px)."""
    view = first_start_on(qtbot, window, SMALL_SCREEN)
    chart = view.current_chart()
    assert chart.least_height(9.3) == 4.0  # the first window's 930 px at 100 dpi
    assert chart.least_height(5.6) == chart.size_hint()[1] == 6.0
    window.resize(640, window.height())
    qtbot.waitUntil(lambda: view.canvas.minimumHeight() == 330)
    wait_for_chart(qtbot, view)
    names = [t for t in view.canvas.figure.axes[0].get_xticklabels() if t.get_text()]
    assert all(t.get_rotation() == 45 for t in names)


def test_exports_keep_the_outlet_axis_title(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    view = first_start_on(qtbot, window, SMALL_SCREEN)
    wait_for_chart(qtbot, view)
    path = tmp_path / "bars.svg"
    assert window.export_chart(path)
    qtbot.waitUntil(path.exists)
    svg = path.read_text(encoding="utf-8")
    assert f">{OUTLET_AXIS}</text>" in svg  # exports keep text as text (svg.fonttype)
