"""Sentence tone by outlet (past ARTICLE_LIMIT articles) with 30 outlets in the Compare view
(this session's review, ux14-shots/tip-c30-tone_strips.png): the grid is taller than the
view at the window's default size, and the view opened on rows of grey with no tone scale
(its numbers only at the grid's foot) and the colour bar's name cut by the view's edge
("are of the outlet's sentences"). The scale's numbers are now over the grid as well, the
bar's name is a title over the bar; the mean's marker is named in the note (a legend over
the grid's corner ran into the scale's numbers)."""

from __future__ import annotations

from typing import Any

from matplotlib.text import Text

from desktop.charts.at_scale import ARTICLE_LIMIT, TONE_BAR_NAME, OutletToneChart
from tests.desktop.conftest import choose_chart_with_keys
from tests.desktop.test_charts_at_scale import OUTLETS, corpus
from tests.desktop.test_names_in_view import _on_canvas, _visible_labels


def test_thirty_outlets_show_the_tone_scale_and_the_bar_name_where_the_view_opens(
    qtbot: Any, window: Any
) -> None:
    window.tabs.setCurrentWidget(window.compare_view)  # at the window's default size
    view = window.compare_view
    view.set_analyses(corpus(ARTICLE_LIMIT * 2, OUTLETS))
    chart: Any = choose_chart_with_keys(qtbot, view, "tone_strips")
    assert isinstance(chart, OutletToneChart) and chart.n_outlets == 30
    bar = view.scroll_area.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0  # taller than the view, opened at the top
    figure = view.current_figure()
    ax = figure.axes[0]
    numbers = [label for tick in ax.xaxis.get_major_ticks() for label in (tick.label1, tick.label2)]
    # At least three numbers of the tone scale in the part the view shows.
    assert len(_visible_labels(view, numbers)) >= 3
    names = [t for a in figure.axes[1:] for t in a.findobj(Text) if t.get_text() == TONE_BAR_NAME]
    assert len(names) == 1
    seen = view.canvas.visibleRegion().boundingRect()
    assert seen.contains(_on_canvas(view, names[0]))
    # The mean's marker is named in the note under the title, not by a legend over the scale.
    assert ax.get_legend() is None
    note = " ".join(ax.get_title(loc="left").split())
    assert note.endswith("◆ the outlet's mean tone."), note
