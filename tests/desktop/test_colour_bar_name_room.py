"""The outlet profile's colour-bar name ("SDs from the / average outlet") has room: it sat
~1 pt over the bar's top number, and, ended at the bar's right edge, ran left over the
grid's last column (the seeds at 1024 x 700: "average outlet" over The Daily Beast's
cells), since constrained layout counts only a title's middle. Now it starts at the bar's
left edge, half a line over the top number, whole inside the figure: in the window and in
each export format."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from matplotlib.figure import Figure
from matplotlib.text import Text

from desktop.charts import build_chart, render, save_figure
from desktop.charts.outlet_heatmap import COLOUR_BAR_NAME
from tests.desktop.conftest import choose_chart_with_keys
from tests.desktop.test_charts import make_corpus
from tests.desktop.test_small_screen import SMALL_SCREEN, first_start_on

#: Points between the name and the bar's top number, at least (a third of a line of 8 pt).
LEAST_GAP_PT = 3.0


def assert_the_name_has_room(figure: Figure, text: str = COLOUR_BAR_NAME) -> None:
    """The colour bar's name (``text``): whole inside ``figure``, clear of the grid, over the
    bar's top number with LEAST_GAP_PT to spare."""
    figure.draw_without_rendering()  # laid out as drawn or saved
    renderer = figure._get_renderer()  # type: ignore[attr-defined]
    grid, bar = figure.axes[0], figure.axes[-1]
    [name] = [t for t in bar.findobj(Text) if t.get_text() == text]
    box = name.get_window_extent(renderer)
    assert figure.bbox.contains(box.x0, box.y0) and figure.bbox.contains(box.x1, box.y1), (
        box, figure.bbox)
    assert box.x0 >= grid.get_window_extent(renderer).x1, "over the grid"
    low, high = bar.get_ylim()
    drawn = [t for t in bar.get_yticklabels() if t.get_text() and low <= t.get_position()[1] <= high]
    top = max(drawn, key=lambda t: t.get_window_extent(renderer).y1)
    gap_pt = (box.y0 - top.get_window_extent(renderer).y1) * 72 / figure.dpi
    assert gap_pt >= LEAST_GAP_PT, gap_pt


#: The window sizes the colour-bar tests look at: the small screen and a common laptop's.
SCREENS = [SMALL_SCREEN.size().toTuple(), (1366, 768)]


def chart_in_window(qtbot: Any, window: Any, screen: tuple[int, int], kind: str) -> Figure:
    """The figure of chart ``kind`` as the window shows it, first started on ``screen``."""
    from PySide6.QtCore import QRect

    view = first_start_on(qtbot, window, QRect(0, 0, *screen))
    choose_chart_with_keys(qtbot, view, kind)
    return view.current_figure()


def exported_chart(folder: Path, kind: str, outlets: int, suffix: str) -> Figure:
    """Chart ``kind`` of a corpus of ``outlets`` outlets, saved in ``suffix``'s format."""
    chart = build_chart(kind, make_corpus([f"Outlet {i:02d}" for i in range(outlets)],
                                          4 * outlets))
    figure = render(chart, "test")
    path = folder / f"{kind}{suffix}"
    save_figure(figure, path)
    assert path.stat().st_size > 0
    return figure


@pytest.mark.parametrize("screen", SCREENS)
def test_the_colour_bar_name_has_room_in_the_window(
    qtbot: Any, window: Any, screen: tuple[int, int]
) -> None:
    assert_the_name_has_room(chart_in_window(qtbot, window, screen, "outlet_heatmap"))


@pytest.mark.parametrize("outlets", [5, 30])
@pytest.mark.parametrize("suffix", [".png", ".svg", ".pdf"])
def test_the_colour_bar_name_has_room_in_exports(
    tmp_path: Path, outlets: int, suffix: str
) -> None:
    assert_the_name_has_room(exported_chart(tmp_path, "outlet_heatmap", outlets, suffix))
