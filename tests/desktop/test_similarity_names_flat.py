"""The similarity chart's columns are named by their articles' outlets: flat in up to three
lines where the laid-out cells leave them room (an export, a few articles), else slanted
40° (the five seeds at 1024 x 700: 'PatriotWise' is wider than a cell; 30° brought
neighbouring names closer than a name's own lines in cells of 41 px)."""

from __future__ import annotations

import copy
from itertools import pairwise
from pathlib import Path
from typing import Any

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from desktop.charts import render
from desktop.charts.style import SCREEN_PX_PER_INCH
from tests.desktop.conftest import choose_chart_with_keys, copy_seeds, load, wait_for_chart
from tests.desktop.test_small_screen import SMALL_SCREEN, first_start_on


def column_names(figure: Figure) -> list[Any]:
    grid = figure.axes[0]
    return [t for t in grid.get_xticklabels() if t.get_text()]


def assert_flat_in_their_cells(figure: Figure, *, wrapped: bool = True) -> None:
    grid = figure.axes[0]
    names = column_names(figure)
    assert names and all(t.get_rotation() == 0 for t in names)
    renderer = figure.canvas.get_renderer()
    cell = grid.get_window_extent(renderer).width / len(names)
    boxes = [t.get_window_extent(renderer) for t in names]
    for box in boxes:
        assert box.width <= cell
    for left, right in pairwise(sorted(boxes, key=lambda b: b.x0)):
        assert left.x1 < right.x0
    if wrapped:
        assert any("\n" in t.get_text() for t in names)  # "Spanish-\nlanguage\noutlet"


def test_exported_similarity_names_its_columns_flat(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    view = first_start_on(qtbot, window, SMALL_SCREEN)
    choose_chart_with_keys(qtbot, view, "similarity")
    chart = copy.copy(view.current_chart())
    figure = Figure(figsize=view.export_size(), layout="constrained")
    FigureCanvasAgg(figure)
    render(chart, "test", figure)
    figure.canvas.draw()
    assert_flat_in_their_cells(figure)
    view.export_figure(tmp_path / "similarity.png")
    assert (tmp_path / "similarity.png").stat().st_size > 10_000


def test_on_a_small_screen_the_names_slant(
    qtbot: Any, window: Any
) -> None:
    view = first_start_on(qtbot, window, SMALL_SCREEN)
    choose_chart_with_keys(qtbot, view, "similarity")
    figure = view.canvas.figure
    figure.canvas.draw()
    names = column_names(figure)
    assert len(names) == 5  # five seeds' cells are too narrow for "PatriotWise" flat
    assert all(t.get_rotation() == 40 for t in names)  # similarity.COLUMN_SLANT


def test_a_few_articles_have_flat_column_names_in_the_window(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    window._fit_first_size(SMALL_SCREEN)
    three = tmp_path / "three"
    for seed, outlet in zip(copy_seeds(tmp_path / "seeds", 3),
                            ["BBC", "CNN", "NPR"], strict=True):
        three.mkdir(exist_ok=True)
        seed.rename(three / f"{outlet}.txt")  # the file's name is its outlet's
    load(qtbot, window, [three])
    view = window.compare_view
    wait_for_chart(qtbot, view)
    choose_chart_with_keys(qtbot, view, "similarity")
    figure = view.canvas.figure
    figure.canvas.draw()
    assert_flat_in_their_cells(figure, wrapped=False)


def test_a_few_articles_grid_asks_less_height_on_a_small_screen_and_stays_whole(
    qtbot: Any, window: Any
) -> None:
    """Five articles' cells were 50-55 px at 1024 x 700, the chart scrolling 178 px; the
    window asks cells of about 41 px (26 px less height), and the colour bar's name, which
    ran past the figure's edge, fits."""
    view = first_start_on(qtbot, window, SMALL_SCREEN)
    chart = choose_chart_with_keys(qtbot, view, "similarity")
    figure = view.canvas.figure
    figure.canvas.draw()
    ratio = view.canvas.device_pixel_ratio
    grid = figure.axes[0]
    renderer = figure.canvas.get_renderer()
    cell = grid.get_window_extent(renderer).width / chart.n_articles
    assert 36 <= cell / ratio <= 46, cell / ratio
    numbers = [t for t in grid.texts if t.get_text()]
    assert len(numbers) == 25 and all(
        t.get_window_extent(renderer).width < cell - 4 for t in numbers)
    assert view.canvas.minimumHeight() <= chart.size_hint()[1] * SCREEN_PX_PER_INCH - 20
    for ax in figure.axes:
        for text in (ax.xaxis.label, ax.yaxis.label, *ax.get_xticklabels(),
                     *ax.get_yticklabels()):
            if text.get_text() and text.get_visible():
                box = text.get_window_extent(renderer)
                assert box.x0 >= -1 and box.y0 >= -1, (text.get_text(), box)
                assert box.x1 <= figure.bbox.width + 1, (text.get_text(), box)
                assert box.y1 <= figure.bbox.height + 1, (text.get_text(), box)
