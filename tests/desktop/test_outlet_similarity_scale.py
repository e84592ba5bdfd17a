"""Similarity between outlets (past ARTICLE_LIMIT articles) colours on the article chart's
scale, 0 to 1 (ux13's review, session 13, after-c30-similarity.png), and names its colour
bar where the view opens. Its scale ran from 0 to
its largest cell (at least 0.05): on a corpus without wire copy every cell was 0.01-0.03 and
a 0.03 cell was the bright yellow that means "the same text" on the article chart."""

from __future__ import annotations

from typing import Any

import numpy as np
from matplotlib import colormaps
from matplotlib.collections import QuadMesh
from matplotlib.text import Text

from desktop.charts import style
from desktop.charts.at_scale import ARTICLE_LIMIT, COLOUR_BAR_NAME, OutletSimilarityChart
from tests.desktop.conftest import choose_chart_with_keys
from tests.desktop.test_charts_at_scale import OUTLETS, corpus
from tests.desktop.test_names_in_view import _on_canvas


def test_outlet_cells_take_the_colour_of_their_similarity_on_a_0_to_1_scale(
    qtbot: Any, window: Any
) -> None:
    window.tabs.setCurrentWidget(window.compare_view)
    view = window.compare_view
    view.set_analyses(corpus(ARTICLE_LIMIT * 2, OUTLETS[:12]))
    chart: Any = choose_chart_with_keys(qtbot, view, "similarity")
    assert isinstance(chart, OutletSimilarityChart)
    matrix = chart.matrix
    assert np.nanmax(matrix) < 0.9  # no cell is near 1: a scale to the largest would show
    figure = view.current_figure()
    mesh = next(c for c in figure.axes[0].collections if isinstance(c, QuadMesh))
    drawn = mesh.get_facecolors()[:, :3]
    expected = colormaps[style.SIMILARITY_CMAP](np.clip(matrix.ravel(), 0, 1))[:, :3]
    finite = np.isfinite(matrix.ravel())
    assert np.abs(drawn[finite] - expected[finite]).max() < 1.5 / 255
    # The colour bar reads 0 to 1, as the article chart's.
    assert mesh.norm.vmin == 0.0 and mesh.norm.vmax == 1.0


def test_thirty_outlets_name_the_colour_bar_where_the_view_opens(
    qtbot: Any, window: Any
) -> None:
    """The bar is taller than the Compare view at the window's default size; its name,
    along the bar and centred, was cut by the view's edge ("milarity of their articles")."""
    window.tabs.setCurrentWidget(window.compare_view)
    view = window.compare_view
    view.set_analyses(corpus(ARTICLE_LIMIT * 2, OUTLETS))
    chart: Any = choose_chart_with_keys(qtbot, view, "similarity")
    assert isinstance(chart, OutletSimilarityChart) and chart.n_outlets == 30
    bar = view.scroll_area.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0  # taller than the view, opened at the top
    figure = view.current_figure()
    names = [t for a in figure.axes[1:] for t in a.findobj(Text)
             if t.get_text() == COLOUR_BAR_NAME]
    assert len(names) == 1
    assert view.canvas.visibleRegion().boundingRect().contains(_on_canvas(view, names[0]))
