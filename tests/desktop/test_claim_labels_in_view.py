"""Certainty drift in the Compare view (ux12's review, session 12): at the window's width the
claims' labels under the columns ran into each other ("C3 · “Sometimes PutinC4 · In fact,
since"), and past seven outlets two outlets had the same dot (the palette's colours repeat).
Each label is now wrapped to its own column, and outlets eight to fourteen get squares."""

from __future__ import annotations

from typing import Any

from matplotlib.lines import Line2D

from desktop.charts import build_chart
from desktop.charts.style import outlet_colours, outlet_markers, render
from models import __version__
from tests.desktop.conftest import SEEDS, load, wait_for_chart
from tests.desktop.test_charts import make_corpus


def _overlaps(boxes: list[Any]) -> list[tuple[int, int]]:
    return [(i, i + 1) for i in range(len(boxes) - 1) if boxes[i].x1 > boxes[i + 1].x0]


def test_claim_labels_do_not_run_into_each_other_in_the_compare_view(
    qtbot: Any, window: Any
) -> None:
    load(qtbot, window, [SEEDS])
    window.tabs.setCurrentWidget(window.compare_view)
    view = window.compare_view
    view.select_chart("certainty_drift")
    chart: Any = wait_for_chart(qtbot, view)
    assert len(chart.claims) == 10
    figure = view.current_figure()
    ax = figure.axes[0]
    labels = [t for t in ax.get_xticklabels() if t.get_text()]
    assert len(labels) == 10
    boxes = [t.get_window_extent() for t in labels]
    assert _overlaps(boxes) == []
    # Every label names its claim and stays inside the figure.
    assert [t.get_text().split()[0] for t in labels] == [f"C{i}" for i in range(1, 11)]
    assert all(0 <= b.x0 and b.x1 <= figure.bbox.width for b in boxes)


def test_an_export_keeps_the_labels_apart_and_more_of_each_claim(qtbot: Any, window: Any) -> None:
    analyses = load(qtbot, window, [SEEDS]).analyses
    chart: Any = build_chart("certainty_drift", analyses)
    figure = render(chart, __version__)
    figure.draw_without_rendering()
    labels = [t for t in figure.axes[0].get_xticklabels() if t.get_text()]
    assert _overlaps([t.get_window_extent() for t in labels]) == []
    assert all(len(t.get_text().replace("\n", " ")) >= 40 for t in labels)


def test_outlets_past_the_seventh_colour_get_their_own_shape() -> None:
    outlets = [f"Outlet {c}" for c in "ABCDEFGHIJ"]
    colours, markers = outlet_colours(outlets), outlet_markers(outlets)
    pairs = {(colours[o], markers[o]) for o in outlets}
    assert len(pairs) == len(outlets)  # no two outlets look alike
    chart: Any = build_chart("certainty_drift", make_corpus(outlets, 40))
    assert chart.claims
    figure = render(chart, __version__)
    legend = figure.axes[0].get_legend()
    shown = {h.get_label(): h.get_marker() for h in legend.legend_handles
             if isinstance(h, Line2D)}
    assert shown == {o: markers[o] for o in outlets}
    assert shown["Outlet H"] == "s" and shown["Outlet A"] == "o"
