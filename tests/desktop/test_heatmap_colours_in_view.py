"""The outlet heatmap's colours in the Compare view (ux12's review, session 12): they were
z-scores across outlets, so every measure's most extreme outlet was drawn at full strength
however little the outlets differed. On the seeds, news tone runs from −0.13 to −0.18 on a
scale from −1 to 1, and The Daily Beast's −0.18 was dark purple beside PatriotWise's dark
orange −0.13: a reader saw "very different". The colour now divides by at least a tenth of
the measure's scale, so such a row stays pale, while a row whose outlets do differ (headline
tone, +0.43 against −0.87) keeps its strong colours."""

from __future__ import annotations

from typing import Any

import numpy as np
from matplotlib.text import Text

from desktop.charts.outlet_heatmap import COLOUR_BAR_NAME
from models.measures import profile_measures
from tests.desktop.conftest import SEEDS, choose_chart_with_keys, load
from tests.desktop.test_charts import make_corpus
from tests.desktop.test_names_in_view import _on_canvas


def _colour_bar_name(figure: Any) -> Text:
    """The name over the heatmap's colour bar (its last axes)."""
    [name] = [t for t in figure.axes[-1].findobj(Text) if t.get_text() == COLOUR_BAR_NAME]
    return name


def _strength(rgba: np.ndarray, centre: np.ndarray) -> float:
    """How far a cell's colour is from the colour map's centre (0 = the centre's colour)."""
    return float(np.abs(rgba[:3] - centre[:3]).max())


def test_outlets_that_barely_differ_stay_pale_and_real_differences_stay_strong(
    qtbot: Any, window: Any
) -> None:
    load(qtbot, window, [SEEDS])
    window.tabs.setCurrentWidget(window.compare_view)
    view = window.compare_view
    chart: Any = choose_chart_with_keys(qtbot, view, "outlet_heatmap")
    assert not chart.outlets_as_rows  # the five seeds are the columns, measures the rows
    image = chart._image
    keys = [m.key for m in profile_measures()]
    n_rows, n_cols = len(keys), len(chart.outlets)
    drawn = np.asarray(image.get_facecolor()).reshape(n_rows, n_cols, 4)
    centre = np.asarray(image.cmap(0.5))

    tone = keys.index("tone_news_mean")
    means = chart.means[:, keys.index("tone_news_mean")]
    assert np.nanmax(means) - np.nanmin(means) < 0.1  # the outlets barely differ
    assert max(_strength(c, centre) for c in drawn[tone]) < 0.25

    # Evidential hedges: 0.13 to 2.68 per 100 words (PatriotWise's 'reportedly's).
    real = keys.index("hedges_evidential_per_100w")
    assert np.nanmax(chart.means[:, real]) - np.nanmin(chart.means[:, real]) > 1.0
    assert max(_strength(c, centre) for c in drawn[real]) > 0.5

    # The scale says what the colour is; the CSV keeps the z-score and adds the colour's.
    # The colour bar's name is whole where the view opens (the bar is taller than the view).
    label = _colour_bar_name(view.current_figure())
    assert view.canvas.visibleRegion().boundingRect().contains(_on_canvas(view, label))
    columns, rows = chart.rows()
    assert "z_score" in columns and "colour_score" in columns
    row = next(r for r in rows if r["measure"] == "tone_news_mean" and r["outlet"] == "PatriotWise")
    assert abs(row["colour_score"]) < abs(row["z_score"]) / 4


def test_with_thirty_outlets_the_rows_and_the_colour_bar_are_named_where_the_view_opens(
    qtbot: Any, window: Any
) -> None:
    # The rows' name "Outlet" and the bar's, centred on a grid taller than the view, were
    # cut by its edge: "t" at the view's foot (ux13's review of a 30-outlet corpus).
    window.tabs.setCurrentWidget(window.compare_view)  # at the window's default size
    view = window.compare_view
    view.set_analyses(make_corpus([f"Outlet {i:02d}" for i in range(30)], 120, seed=3))
    chart: Any = choose_chart_with_keys(qtbot, view, "outlet_heatmap")
    assert chart.outlets_as_rows
    bar = view.scroll_area.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0  # taller than the view, opened at the top
    seen = view.canvas.visibleRegion().boundingRect()
    figure = view.current_figure()
    names = [figure.axes[0].yaxis.label, _colour_bar_name(figure)]
    assert [t.get_text() for t in names] == ["Outlet", COLOUR_BAR_NAME]
    for name in names:
        assert seen.contains(_on_canvas(view, name)), name.get_text()
