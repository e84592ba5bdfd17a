"""Charts taller than the Compare view name their columns (and show their scale) where the
user is looking. The outlet heatmap names its columns where the user is looking (ux11's review, session
11; ux10's a5-heatmap.png, session 10): the grid is taller than the Compare view at the
window's default 1300 x 820, and its columns were named only under it, so a user who had
not scrolled to its foot saw columns of numbers without the outlets (5 seeds) or the
measures (30 outlets, which are then the rows) they belong to. The names are now written
above the grid as well, in the app and in every export (one figure builder for both); so
does "Who each outlet cites" (its outlets), and "One measure by outlet" lying down (past
ten outlets) shows its numbers above the bars too."""

from __future__ import annotations

from collections import Counter
from typing import Any

from matplotlib.text import Text
from PySide6.QtCore import QRect

from desktop.charts import build_chart
from desktop.charts.style import render
from models import __version__
from models.features import ArticleAnalysis
from models.pipeline import analyze_paths
from tests.desktop.conftest import SEEDS, load, shown_compare_view, wait_for_chart
from tests.desktop.test_charts import make_corpus


def _on_canvas(view: Any, label: Text) -> QRect:
    """Where ``label`` lies on the Compare view's canvas, in its widget coordinates."""
    figure = view.current_figure()
    box = label.get_window_extent()
    ratio = view.canvas.device_pixel_ratio
    top = (figure.bbox.height - box.y1) / ratio
    return QRect(round(box.x0 / ratio), round(top), round(box.width / ratio),
                 round(box.height / ratio))


def test_the_heatmap_names_its_outlets_in_the_part_a_user_sees_first(
    qtbot: Any, window: Any
) -> None:
    load(qtbot, window, [SEEDS])
    window.tabs.setCurrentWidget(window.compare_view)
    view = window.compare_view
    view.select_chart("outlet_heatmap")
    chart: Any = wait_for_chart(qtbot, view)
    assert not chart.outlets_as_rows  # five seeds: the outlets are the columns
    bar = view.scroll_area.verticalScrollBar()
    # The grid is taller than the view at the window's default size: it scrolls, and the
    # view opens at its top.
    assert bar.maximum() > 0 and bar.value() == 0
    seen = view.canvas.visibleRegion().boundingRect()
    ax = view.current_figure().axes[0]
    # Each name with its article count under it (session 18: "HLN" over "n = 1").
    counts = Counter(a.outlet for a in window.analyses())
    names = [" ".join(name.split()) + f" n = {counts[name]}" for name in chart.outlets]
    labels = [label for tick in ax.xaxis.get_major_ticks() for label in (tick.label1, tick.label2)
              if label.get_visible() and label.get_text()]
    visible = [" ".join(t.get_text().split()) for t in labels
               if seen.contains(_on_canvas(view, t))]
    assert sorted(set(visible)) == sorted(names)
    # Scrolled to the foot, as a user does with the wheel, the names are there too.
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: view.canvas.visibleRegion().boundingRect() != seen)
    foot = view.canvas.visibleRegion().boundingRect()
    assert {" ".join(t.get_text().split()) for t in labels
            if foot.contains(_on_canvas(view, t))} == set(names)


def _column_names_above_and_below(analyses: list[ArticleAnalysis]) -> tuple[Any, list[str]]:
    chart: Any = build_chart("outlet_heatmap", analyses)
    figure = render(chart, __version__)
    figure.draw_without_rendering()
    ax = figure.axes[0]
    grid = ax.get_window_extent()
    below = [tick.label1 for tick in ax.xaxis.get_major_ticks() if tick.label1.get_text()]
    above = [tick.label2 for tick in ax.xaxis.get_major_ticks() if tick.label2.get_text()]
    assert [t.get_text() for t in above] == [t.get_text() for t in below]
    assert all(t.get_visible() for t in above)
    assert all(t.get_window_extent().y0 >= grid.y1 for t in above)
    assert all(t.get_window_extent().y1 <= grid.y0 for t in below)
    # The chart's note, over the grid, stays clear of the names above it.
    note = next(t for t in ax.get_children()
                if isinstance(t, Text) and t.get_text() == ax.get_title(loc="left"))
    assert note.get_window_extent().y0 >= max(t.get_window_extent().y1 for t in above)
    return chart, [" ".join(t.get_text().split()) for t in above]


def test_an_exported_heatmap_names_its_outlet_columns_above_and_below() -> None:
    outlets = ["Daily Ledger", "Morning Courier", "Valley Herald", "Coastal Times"]
    analyses = make_corpus(outlets, 4)
    counts = Counter(a.outlet for a in analyses)
    chart, names = _column_names_above_and_below(analyses)
    assert not chart.outlets_as_rows
    assert names == [f"{outlet} n = {counts[outlet]}" for outlet in chart.outlets]


def test_with_thirty_outlets_the_measures_are_named_above_the_rows_too() -> None:
    outlets = [f"Outlet {i:02d}" for i in range(30)]
    chart, names = _column_names_above_and_below(make_corpus(outlets, 60, seed=3))
    assert chart.outlets_as_rows
    assert names == [" ".join(f"{m.label} ({m.unit})".split()) for m in chart.measures]


def _visible_labels(view: Any, labels: list[Text]) -> set[str]:
    seen = view.canvas.visibleRegion().boundingRect()
    return {" ".join(t.get_text().split()) for t in labels
            if t.get_visible() and t.get_text() and seen.contains(_on_canvas(view, t))}


def test_who_each_outlet_cites_names_its_outlets_before_any_scroll(qtbot: Any) -> None:
    view = shown_compare_view(qtbot, 1300, 560)  # the Compare view's part of 1300 x 820
    view.set_analyses(analyze_paths([SEEDS]).analyses)
    view.select_chart("sources")
    chart: Any = wait_for_chart(qtbot, view)
    bar = view.scroll_area.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0  # taller than the view, opened at the top
    ax = view.current_figure().axes[0]
    labels = [label for tick in ax.xaxis.get_major_ticks() for label in (tick.label1, tick.label2)]
    # A name wrapped after its hyphen ("Spanish-" / "language outlet", lying flat) is
    # read back whole.
    shown = {name.replace("- ", "-") for name in _visible_labels(view, labels)}
    assert shown == {" ".join(o.split()) for o in chart.outlets}


def test_thirty_outlets_lying_down_show_the_scale_above_the_bars(qtbot: Any) -> None:
    view = shown_compare_view(qtbot, 1300, 560)
    view.set_analyses(make_corpus([f"Outlet {i:02d}" for i in range(30)], 120, seed=3))
    view.select_chart("measure_by_outlet")
    chart: Any = wait_for_chart(qtbot, view)
    assert chart.horizontal
    bar = view.scroll_area.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0
    ax = view.current_figure().axes[0]
    numbers = [label for tick in ax.xaxis.get_major_ticks() for label in (tick.label1, tick.label2)]
    # At least three numbers of the value axis (its scale) in the part the view shows.
    assert len(_visible_labels(view, numbers)) >= 3
