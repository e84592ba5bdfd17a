"""Certainty drift with 30 outlets in the Compare view (ux13's review, session 13): the legend,
one column of 30 outlets beside the plot, was taller than the figure, so the layout crushed
the plot to a strip ~50 px high (the five certainty levels' names on top of each other) and
the legend ran past the figure's foot, over the footer (after-c30-certainty_drift.png).

Since session 15 the legend is drawn only while the outlets' dots stand apart (one widely
carried claim, a wide column); with many claims the levels give counts and there is none."""

from __future__ import annotations

from typing import Any

from tests.desktop.conftest import choose_chart_with_keys
from tests.desktop.test_charts import make_analysis, make_corpus


def _scale_readable(figure: Any, ax: Any) -> None:
    # The six rows of the scale (five levels and "not carried") each at least a line high.
    names = [t for t in ax.get_yticklabels() if t.get_text()]
    assert len(names) == 6
    line = names[0].get_fontsize() * figure.dpi / 72
    assert ax.get_window_extent().height >= 6 * 1.5 * line, ax.get_window_extent()


def test_thirty_outlets_keep_the_scale_readable_and_the_legend_inside_the_figure(
    qtbot: Any, window: Any
) -> None:
    window.tabs.setCurrentWidget(window.compare_view)  # at the window's default size
    view = window.compare_view
    # One claim carried by all 30 outlets: its column is wide enough for a dot each.
    view.set_analyses([
        make_analysis(f"a{i:02d}", f"Outlet {i:02d}", "Officials quit",
                      ["The Kremlin banned senior officials from resigning during the war."])
        for i in range(30)])
    chart: Any = choose_chart_with_keys(qtbot, view, "certainty_drift")
    assert len(chart.claims) == 1 and chart.n_outlets == 30 and not chart.counted
    figure = view.current_figure()
    ax = figure.axes[0]
    legend = ax.get_legend()
    assert len(legend.legend_handles) == 30
    box = legend.get_window_extent()
    assert box.y0 >= 0 and box.y1 <= figure.bbox.height, (box, figure.bbox)
    _scale_readable(figure, ax)


def test_thirty_outlets_in_narrow_columns_keep_the_scale_readable(
    qtbot: Any, window: Any
) -> None:
    window.tabs.setCurrentWidget(window.compare_view)
    view = window.compare_view
    view.set_analyses(make_corpus([f"Outlet {i:02d}" for i in range(30)], 40))
    chart: Any = choose_chart_with_keys(qtbot, view, "certainty_drift")
    assert len(chart.claims) > 1 and chart.n_outlets == 30 and chart.counted
    figure = view.current_figure()
    ax = figure.axes[0]
    assert ax.get_legend() is None
    _scale_readable(figure, ax)
