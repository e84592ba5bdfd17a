"""The claims matrix's rows are named without running into each other. Their font was
sized for rows sharing 70% of the figure's height; with 30 outlets the upright names over
the columns, the note and the legend leave the rows much less, and the two-line names of
neighbouring claims overprinted each other (a 30-outlet corpus at 1024 x 700: every label
crossed the next). The rows' height, laid out, now decides: two lines where they fit, one
line cut shorter where they don't."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from matplotlib.figure import Figure

from desktop.charts import build_chart, render, save_figure
from tests.desktop.conftest import choose_chart_with_keys
from tests.desktop.test_charts import make_corpus
from tests.desktop.test_small_screen import SMALL_SCREEN, first_start_on

THIRTY = [f"Outlet {i:02d}" for i in range(30)]


def assert_claim_names_apart(figure: Figure) -> None:
    """The claims' names beside the rows: each clear of the next, each beside its row."""
    figure.draw_without_rendering()
    renderer = figure._get_renderer()  # type: ignore[attr-defined]
    grid = figure.axes[0]
    names = [t for t in grid.get_yticklabels() if t.get_text()]
    assert len(names) >= 2
    boxes = sorted((t.get_window_extent(renderer) for t in names), key=lambda b: b.y0)
    for lower, upper in pairwise(boxes):
        assert lower.y1 <= upper.y0 + 0.5, (lower, upper)
    assert min(t.get_fontsize() for t in names) >= 5.5  # still a size one reads


def test_thirty_outlets_claim_names_apart_in_the_window(qtbot: Any, window: Any) -> None:
    window._fit_first_size(SMALL_SCREEN)
    window.tabs.setCurrentWidget(window.compare_view)
    view = window.compare_view
    view.set_analyses(make_corpus(THIRTY, 120, seed=3))
    chart = choose_chart_with_keys(qtbot, view, "claims_matrix")
    assert chart.n_outlets == 30 and len(chart.claims) >= 5
    assert_claim_names_apart(view.current_figure())


def test_the_seeds_claim_names_apart_in_the_window(qtbot: Any, window: Any) -> None:
    view = first_start_on(qtbot, window, SMALL_SCREEN)
    choose_chart_with_keys(qtbot, view, "claims_matrix")
    assert_claim_names_apart(view.current_figure())


@pytest.mark.parametrize("suffix", [".png", ".svg", ".pdf"])
def test_thirty_outlets_claim_names_apart_in_exports(tmp_path: Path, suffix: str) -> None:
    figure = render(build_chart("claims_matrix", make_corpus(THIRTY, 120, seed=3)), "test")
    path = tmp_path / f"claims{suffix}"
    save_figure(figure, path)
    assert path.stat().st_size > 0
    assert_claim_names_apart(figure)
