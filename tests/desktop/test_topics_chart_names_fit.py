"""The topics chart's colour-bar name and rows' name fit: with the seeds at 1024 x 700 the
bar's name, written along the bar ("Share of the outlet's body sentences"), was longer than
the chart, cut at both ends and over the footer's "Framescope 0.1.0"; the rows' name
("Topic (its four strongest words)") ran past the grid, top and bottom. Now the bar's name
sits level over the bar (style.name_colour_bar, as the outlet profile's) and the rows' name
stays along the grid: in the window and in each export format. The name stays clear of the
note (the bar stands on the grid's foot, under half its height)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from matplotlib.figure import Figure

from desktop.charts import build_chart, render, save_figure
from tests.desktop.conftest import choose_chart_with_keys
from tests.desktop.test_charts import make_corpus
from tests.desktop.test_colour_bar_name_room import assert_the_name_has_room
from tests.desktop.test_small_screen import SMALL_SCREEN, first_start_on


def assert_the_names_fit(figure: Figure) -> None:
    figure.draw_without_rendering()  # laid out as drawn or saved
    renderer = figure._get_renderer()  # type: ignore[attr-defined]
    grid, bar = figure.axes[0], figure.axes[-1]
    name = bar.yaxis.label
    assert_the_name_has_room(figure, name.get_text())
    box = name.get_window_extent(renderer)
    footer = figure._supxlabel  # type: ignore[attr-defined]
    assert not box.overlaps(footer.get_window_extent(renderer)), "over the footer"
    note = grid._left_title  # type: ignore[attr-defined]
    assert not box.overlaps(note.get_window_extent(renderer)), "over the note"
    rows_name = grid.yaxis.label.get_window_extent(renderer)
    rows = grid.get_window_extent(renderer)
    assert rows.y0 <= rows_name.y0 and rows_name.y1 <= rows.y1, (rows_name, rows)


@pytest.mark.parametrize("screen", [SMALL_SCREEN.size().toTuple(), (1366, 768)])
def test_the_topics_chart_names_fit_in_the_window(
    qtbot: Any, window: Any, screen: tuple[int, int]
) -> None:
    from PySide6.QtCore import QRect

    view = first_start_on(qtbot, window, QRect(0, 0, *screen))
    choose_chart_with_keys(qtbot, view, "emphasis_topics")
    assert_the_names_fit(view.current_figure())


@pytest.mark.parametrize("outlets", [2, 5])
@pytest.mark.parametrize("suffix", [".png", ".svg", ".pdf"])
def test_the_topics_chart_names_fit_in_exports(
    tmp_path: Path, outlets: int, suffix: str
) -> None:
    chart = build_chart("emphasis_topics",
                        make_corpus([f"Outlet {i:02d}" for i in range(outlets)], 4 * outlets))
    figure = render(chart, "test")
    path = tmp_path / f"topics{suffix}"
    save_figure(figure, path)
    assert path.stat().st_size > 0
    assert_the_names_fit(figure)
