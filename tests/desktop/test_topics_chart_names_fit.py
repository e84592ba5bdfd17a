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

from tests.desktop.test_colour_bar_name_room import (
    SCREENS,
    assert_the_name_has_room,
    chart_in_window,
    exported_chart,
)


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


@pytest.mark.parametrize("screen", SCREENS)
def test_the_topics_chart_names_fit_in_the_window(
    qtbot: Any, window: Any, screen: tuple[int, int]
) -> None:
    assert_the_names_fit(chart_in_window(qtbot, window, screen, "emphasis_topics"))


@pytest.mark.parametrize("outlets", [2, 5])
@pytest.mark.parametrize("suffix", [".png", ".svg", ".pdf"])
def test_the_topics_chart_names_fit_in_exports(
    tmp_path: Path, outlets: int, suffix: str
) -> None:
    assert_the_names_fit(exported_chart(tmp_path, "emphasis_topics", outlets, suffix))
