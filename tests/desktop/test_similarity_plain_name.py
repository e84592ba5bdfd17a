"""The similarity chart's colour bar says what it measures in a journalist's words
("Shared wording"), not the method's ("TF-IDF cosine similarity": ux4's review, session
33). The method stays named: in the chart's description (the window's Method sentence),
and in an export's footer, where a researcher citing the file finds it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from matplotlib.text import Text

from desktop.charts import build_chart, chart_kind, render, save_figure
from desktop.charts.at_scale import OutletSimilarityChart
from models import __version__
from models.features import ArticleAnalysis
from models.pipeline import analyze_paths
from tests.desktop.conftest import SEEDS, choose_chart_with_keys, load

JARGON = ("TF-IDF", "cosine")


def texts(figure: Any) -> list[str]:
    return [t.get_text() for t in figure.findobj(Text) if t.get_visible() and t.get_text()]


def colour_bar_names(figure: Any) -> list[str]:
    """The names written on the figure's colour bars (their axes' labels)."""
    return [name for ax in figure.axes[1:]
            for name in (ax.get_ylabel(), ax.get_xlabel()) if name]


@pytest.fixture(scope="module")
def seeds() -> list[ArticleAnalysis]:
    return analyze_paths([SEEDS]).analyses


def test_the_window_names_the_colour_bar_in_plain_words(
    qtbot: Any, window: Any, seed_dir: Path
) -> None:
    load(qtbot, window, [seed_dir])
    view = window.compare_view
    choose_chart_with_keys(qtbot, view, "similarity")
    figure = view.current_figure()
    [name] = colour_bar_names(figure)
    assert name.startswith("Shared wording"), name
    assert not any(word in text for text in texts(figure) for word in JARGON), texts(figure)
    # The method is in the description above the chart.
    assert "TF-IDF" in chart_kind("similarity").description


@pytest.mark.parametrize("fmt", ["png", "svg", "pdf"])
def test_exports_name_the_measure_plainly_and_the_method_in_the_footer(
    seeds: list[ArticleAnalysis], tmp_path: Path, fmt: str
) -> None:
    figure = render(build_chart("similarity", seeds), __version__)
    [name] = colour_bar_names(figure)
    assert name.startswith("Shared wording") and not any(w in name for w in JARGON)
    footer = figure.get_supxlabel()
    assert "cosine similarity of TF-IDF vectors" in footer and footer.endswith(
        f"Framescope {__version__}")
    path = tmp_path / f"similarity.{fmt}"
    save_figure(figure, path)
    assert path.stat().st_size > 0
    if fmt == "svg":
        svg = path.read_text(encoding="utf-8")
        assert "Shared wording (0–1)" in svg and "TF-IDF vectors" in svg


def test_outlets_similarity_names_its_bar_plainly(seeds: list[ArticleAnalysis]) -> None:
    chart = OutletSimilarityChart(seeds)
    figure = render(chart, __version__)
    [name] = colour_bar_names(figure)
    assert name.startswith("Shared wording") and not any(w in name for w in JARGON)
    assert "TF-IDF" in figure.get_supxlabel()
    screen = render(chart, __version__, screen=True)
    assert "TF-IDF" not in screen.get_supxlabel()
