"""One measure by outlet: whiskers stop at the lowest value the measure can take (ux13's
review, session 13, after-c30-measure_by_outlet.png). A Student-t interval is symmetric,
so an outlet with a few articles at 0 epistemic hedges and one at 3.6 got a whisker down
to -1.4 hedges per 100 words: a reader takes it for "negative hedging". The whisker is
drawn to 0 and the note under the title says the intervals are cut there; the CSV keeps
the interval as computed (its contract)."""

from __future__ import annotations

from typing import Any

import numpy as np
from matplotlib.collections import LineCollection
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QToolTip

from desktop.charts.style import format_number
from tests.desktop.conftest import choose_chart_with_keys
from tests.desktop.test_charts import make_corpus


def _whisker_ends_px(ax: Any) -> np.ndarray:
    """The y pixel of every whisker end drawn on ``ax`` (the error bars' vertical lines)."""
    lines = [c for c in ax.collections if isinstance(c, LineCollection)]
    assert lines, "no whiskers drawn"
    ends = [ax.transData.transform(point)[1] for c in lines for seg in c.get_segments()
            for point in seg]
    return np.array(ends)


def test_whiskers_never_reach_below_zero_and_the_note_says_they_are_cut(
    qtbot: Any, window: Any
) -> None:
    window.tabs.setCurrentWidget(window.compare_view)  # at the window's default size
    view = window.compare_view
    # Outlet B: epistemic hedges 1.8, 0, 3.6, 0 per 100 words: its t interval is -1.4 to 4.1.
    view.set_analyses(make_corpus(["A", "B", "C"], 11))
    # The view opens on this chart: another first, then this one, by keys as a user does.
    choose_chart_with_keys(qtbot, view, "tone_strips")
    chart: Any = choose_chart_with_keys(qtbot, view, "measure_by_outlet")
    assert chart.measure.key == "hedges_epistemic_per_100w" and not chart.horizontal
    assert min(b.ci_low for b in chart.bars) < 0  # the corpus has an interval below 0
    ax = view.current_figure().axes[0]
    zero_px = ax.transData.transform((0, 0))[1]
    ends = _whisker_ends_px(ax)
    # No whisker end lies below the zero line (pixels grow upwards in display space).
    assert ends.min() >= zero_px - 0.5, (ends.min(), zero_px)
    # ...and the whisker that was cut ends on it.
    assert np.isclose(ends, zero_px, atol=0.5).any()
    texts = [" ".join(t.get_text().split()) for t in view.current_figure().findobj(
        lambda a: hasattr(a, "get_text"))]
    assert any("95% intervals cut at 0, the lowest possible value" in t for t in texts), texts
    # The CSV keeps the interval as computed.
    _, rows = chart.rows()
    assert min(r["outlet_ci95_low"] for r in rows) < 0



def _hover_bar(qtbot: Any, view: Any, index: int) -> str:
    """The tooltip shown with the pointer moved onto the outer half of bar ``index``, away
    from its article dots (in its middle)."""
    chart: Any = view.current_chart()
    box = chart._bar_artists.patches[index].get_window_extent()
    ratio = view.canvas.device_pixel_ratio
    x, y = box.x0 + 0.85 * box.width, box.y0 + 0.5 * box.height
    QToolTip.hideText()
    qtbot.mouseMove(view.canvas, QPoint(
        round(x / ratio), round((view.current_figure().bbox.height - y) / ratio)))
    qtbot.waitUntil(lambda: bool(QToolTip.text()))
    text = QToolTip.text()
    QToolTip.hideText()
    return " ".join(text.split())


def test_a_cut_interval_s_tooltip_says_where_and_gives_the_interval_as_computed(
    qtbot: Any, window: Any
) -> None:
    """The tooltip over a bar whose whisker is cut says so in the note's words and gives
    the interval the CSV has; an uncut bar's tooltip says nothing of a cut."""
    window.tabs.setCurrentWidget(window.compare_view)
    view = window.compare_view
    view.set_analyses(make_corpus(["A", "B", "C"], 11))
    choose_chart_with_keys(qtbot, view, "tone_strips")
    chart: Any = choose_chart_with_keys(qtbot, view, "measure_by_outlet")
    cut = next(i for i, b in enumerate(chart.bars) if b.ci_low < 0)
    bar, split = chart.bars[cut], chart.splits[cut]  # epistemic hedges: own and quoted parts
    text = _hover_bar(qtbot, view, cut)
    assert text == (
        f"{bar.outlet}: average {format_number(bar.mean)} (95% interval 0.00 to "
        f"{format_number(bar.ci_high)}, cut at 0, the lowest possible value; as computed "
        f"{format_number(bar.ci_low)} to {format_number(bar.ci_high)}), "
        f"{len(bar.values)} articles outlet's own words {format_number(split.own_mean)}, "
        f"quoted or reported {format_number(split.quoted_mean)}"), text
    whole = next(i for i, b in enumerate(chart.bars) if b.ci_low >= 0 and b.mean > 0)
    text = _hover_bar(qtbot, view, whole)
    assert "95% interval" in text and "cut" not in text and "computed" not in text, text
