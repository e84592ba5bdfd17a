"""The outlet heatmap, the similarity matrices (per outlet and per article), the topic
shares, text reuse and sources charts colour their cells' labels from one colormap call,
not one per cell (desktop.charts.style.cell_colours).

Each colormap call on one value let numpy go of the interpreter lock (the colormap's
``take``): 600-900 times in about 60 ms while a 30-outlet chart was plotted on a thread,
and every release woke the window's GUI thread without letting it take the lock (the
plot step's 64-76 ms stalls, issue 6 item 3). The labels' colours stay the same."""

from __future__ import annotations

from typing import Any

import matplotlib
import numpy as np
import pytest
from matplotlib.colors import Colormap, Normalize
from matplotlib.figure import Figure

from desktop.charts import at_scale, build_chart, style
from models.features import ArticleAnalysis
from models.pipeline import analyze_paths
from tests.desktop.conftest import SEEDS
from tests.desktop.test_app_at_scale import fabricated


@pytest.fixture(scope="module")
def thirty_outlets() -> list[ArticleAnalysis]:
    """More articles than at_scale.ARTICLE_LIMIT (the similarity is then per outlet),
    from 30 outlets, as the window's 300-article charts."""
    return fabricated(analyze_paths([SEEDS]).analyses, 2 * at_scale.ARTICLE_LIMIT)


def colormap_calls_while_plotting(chart: Any, monkeypatch: pytest.MonkeyPatch) -> int:
    calls = [0]
    real = Colormap.__call__

    def counted(self: Colormap, *args: Any, **kwargs: Any) -> Any:
        calls[0] += 1
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Colormap, "__call__", counted)
    chart.plot(Figure(figsize=(14, 12), layout="constrained"))
    monkeypatch.undo()
    return calls[0]


@pytest.mark.parametrize("kind", ["outlet_heatmap", "similarity"])
def test_a_30_outlet_grid_is_coloured_in_a_few_calls(
    thirty_outlets: list[ArticleAnalysis], kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    chart = build_chart(kind, thirty_outlets)
    assert chart.n_outlets == 30
    # One call a cell before: 600 (heatmap) or 900 (similarity) here.
    assert colormap_calls_while_plotting(chart, monkeypatch) <= 5


@pytest.fixture(scope="module")
def forty_articles() -> list[ArticleAnalysis]:
    """40 articles from 20 outlets: topic shares, reuse and sources grids of 200-350 cells."""
    return fabricated(analyze_paths([SEEDS]).analyses, 40)


@pytest.mark.parametrize(("kind", "articles"), [
    ("similarity", 24),  # the per-article matrix, each cell written (MAX_ANNOTATED)
    ("emphasis_topics", 40), ("reuse", 40), ("sources", 40),
])
def test_the_other_grids_are_coloured_in_a_few_calls(
    forty_articles: list[ArticleAnalysis], kind: str, articles: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    chart = build_chart(kind, forty_articles[:articles])
    assert chart.n_articles == articles
    # One call a labelled cell before: 576, 260, 354 and 201 here.
    assert colormap_calls_while_plotting(chart, monkeypatch) <= 5


def test_cell_colours_are_the_colours_of_one_cell_at_a_time() -> None:
    values = np.array([[-3.5, -1.0, 0.0], [0.25, 2.0, np.nan], [1e-9, 3.5, -0.4]])
    for name in (style.ZSCORE_CMAP, style.SIMILARITY_CMAP):
        cmap, norm = matplotlib.colormaps[name], Normalize(vmin=-3.0, vmax=3.0)
        together = style.cell_colours(cmap, norm, values)
        assert together.shape == (3, 3, 4)
        for (r, c), value in np.ndenumerate(values):
            assert tuple(together[r, c]) == tuple(cmap(norm(value)))
            if np.isfinite(value):
                assert style.text_colour_on(together[r, c]) == style.text_colour_on(
                    cmap(norm(value)))


def test_counts_are_coloured_as_one_count_at_a_time() -> None:
    """Reuse and sources colour integer counts; one at a time, each went to the colormap
    as a Python or numpy int (normalised in float64, as the array of them)."""
    counts = np.array([[0, 1, 2, 3], [7, 40, 99, 100], [255, 256, 1000, 70000]])
    for name in ("Oranges", "Blues"):
        for top in (1, 3, 100, 257, 70000):
            cmap, norm = matplotlib.colormaps[name], Normalize(vmin=0, vmax=top)
            together = style.cell_colours(cmap, norm, counts)
            for (r, c), value in np.ndenumerate(counts):
                assert tuple(together[r, c]) == tuple(cmap(norm(value)))
                assert tuple(together[r, c]) == tuple(cmap(norm(int(value))))
