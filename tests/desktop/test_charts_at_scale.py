"""Charts at scale: past ARTICLE_LIMIT articles they aggregate per outlet, and stay
readable with 30 outlets."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import QuadMesh

from desktop.charts import build_chart, render, save_figure, write_chart_data
from desktop.charts.at_scale import ARTICLE_LIMIT, OutletSimilarityChart, OutletToneChart
from models import __version__
from models.compare import outlet_similarity_matrix, similarity_matrix
from models.features import ArticleAnalysis
from tests.models.conftest import make_analysis

OUTLETS = [f"Outlet number {i:02d} Daily" for i in range(30)]
WORDS = ("budget", "minister", "vote", "flood", "court", "strike", "tax", "rates", "deal", "war")


def corpus(n: int, outlets: list[str], seed: int = 1) -> list[ArticleAnalysis]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        sentences = [
            " ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 9))) + "."
            for _ in range(rng.randint(2, 6))
        ]
        tones = [round(rng.uniform(-1, 1), 3) for _ in sentences]
        out.append(make_analysis(f"a{i}", outlets[i % len(outlets)], sentences, tones=tones))
    return out


@pytest.fixture(scope="module")
def big() -> list[ArticleAnalysis]:
    return corpus(ARTICLE_LIMIT * 2, OUTLETS)


def test_per_article_charts_aggregate_per_outlet_past_the_limit(big: list[ArticleAnalysis]) -> None:
    assert isinstance(build_chart("tone_strips", big), OutletToneChart)
    assert isinstance(build_chart("similarity", big), OutletSimilarityChart)
    small = big[:ARTICLE_LIMIT]
    assert not isinstance(build_chart("tone_strips", small), OutletToneChart)
    assert not isinstance(build_chart("similarity", small), OutletSimilarityChart)


def test_outlet_similarity_is_the_mean_over_pairs_of_articles() -> None:
    analyses = corpus(40, OUTLETS[:4], seed=2)
    articles = similarity_matrix(analyses)
    means, pairs = outlet_similarity_matrix(analyses, OUTLETS[:4])
    for a in range(4):
        for b in range(4):
            rows = [i for i, x in enumerate(analyses) if x.outlet == OUTLETS[a]]
            cols = [j for j, x in enumerate(analyses) if x.outlet == OUTLETS[b]]
            values = [articles[i, j] for i in rows for j in cols if i != j]
            assert pairs[a, b] == len(values)
            assert means[a, b] == pytest.approx(np.mean(values), abs=1e-9)


def test_one_article_outlet_has_no_within_outlet_mean() -> None:
    analyses = corpus(5, OUTLETS[:2])[:3]  # outlets 0, 1, 0
    means, pairs = outlet_similarity_matrix(analyses, OUTLETS[:2])
    assert pairs[1, 1] == 0 and np.isnan(means[1, 1])
    assert pairs[0, 1] == 2 and np.isfinite(means[0, 1])


def test_outlet_tone_counts_every_sentence(big: list[ArticleAnalysis]) -> None:
    chart = OutletToneChart(big)
    assert chart.counts.sum() == sum(len(a.sentence_tones_news) for a in big)
    first = [a for a in big if a.outlet == chart.outlets[0]]
    assert chart.means[0] == pytest.approx(np.mean([t for a in first for t in a.sentence_tones_news]))
    assert chart.vader_means[0] == pytest.approx(np.mean([t for a in first for t in a.sentence_tones]))
    assert np.allclose(chart.shares.sum(axis=1), 1.0)
    assert np.allclose(chart.vader_shares.sum(axis=1), 1.0)


def test_outlet_tone_draws_the_news_model_as_its_description_says(
    big: list[ArticleAnalysis],
) -> None:
    """The chart's description (and the per-article strips) speak of the news model; at
    scale it drew VADER. The drawn means are tone_news means, the mesh its shares, the axis
    says so, and the data keeps VADER's columns and adds the news model's."""
    chart = OutletToneChart(big)
    figure = render(chart, __version__)
    ax = chart._ax
    assert ax is not None and "news model" in ax.get_xlabel()
    mesh = next(c for c in ax.collections if isinstance(c, QuadMesh))
    assert np.allclose(np.ma.filled(mesh.get_array(), np.nan).ravel(),
                       chart.shares.ravel(), equal_nan=True)
    dots = next(c for c in ax.collections if c.get_label() == "mean tone")
    assert np.allclose(dots.get_offsets()[:, 0], chart.means)
    assert not np.allclose(chart.means, chart.vader_means)  # the two models differ here
    columns, rows = chart.rows()
    assert columns[:6] == ["outlet", "tone_low", "tone_high", "sentences", "share",
                           "outlet_mean_tone"]
    first = [r for r in rows if r["outlet"] == chart.outlets[0]]
    assert sum(r["sentences"] for r in first) == sum(
        len(a.sentence_tones) for a in big if a.outlet == chart.outlets[0])
    assert first[0]["outlet_mean_tone"] == pytest.approx(chart.vader_means[0])
    assert first[0]["outlet_mean_tone_news"] == pytest.approx(chart.means[0])
    figure.clear()


def _overlapping(extents: list) -> list[tuple[int, int]]:
    return [
        (i, j) for i in range(len(extents)) for j in range(i + 1, len(extents))
        if extents[i].overlaps(extents[j])
    ]


@pytest.mark.parametrize(
    "kind", ["measure_by_outlet", "outlet_heatmap", "tone_strips", "similarity"]
)
def test_every_chart_is_readable_with_30_outlets(
    big: list[ArticleAnalysis], kind: str, tmp_path: Path
) -> None:
    chart = build_chart(kind, big, measure="tone_mean" if kind == "measure_by_outlet" else None)
    figure = render(chart, __version__)
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    renderer = canvas.get_renderer()
    ax = figure.axes[0]
    labels = [t for t in ax.get_yticklabels() if t.get_text()]
    assert len(labels) == 30, [t.get_text() for t in labels]
    # Outlet names: no two labels overlap, none is smaller than 5.5 pt, all inside the figure.
    extents = [t.get_window_extent(renderer) for t in labels]
    assert _overlapping(extents) == []
    assert min(t.get_fontsize() for t in labels) >= 5.5
    box = figure.bbox
    assert all(e.x0 >= box.x0 - 1 and e.x1 <= box.x1 + 1 for e in extents)
    columns = [t for t in ax.get_xticklabels() if t.get_text()]
    if len(columns) == 30:  # outlets across too (the similarity matrix)
        assert _overlapping([t.get_window_extent(renderer) for t in columns]) == []
    save_figure(figure, tmp_path / f"{kind}.png")
    write_chart_data(chart, tmp_path / f"{kind}.csv")
    assert (tmp_path / f"{kind}.png").stat().st_size > 10_000
    assert (tmp_path / f"{kind}.csv").read_text(encoding="utf-8").count("\n") > 30


def test_dense_dots_do_not_hide_the_mean_and_its_interval() -> None:
    from matplotlib.collections import LineCollection, PathCollection

    from desktop.charts.measure_by_outlet import DENSE_DOTS

    def drawn(analyses: list[ArticleAnalysis]) -> tuple[PathCollection, LineCollection]:
        figure = render(build_chart("measure_by_outlet", analyses, measure="tone_mean"),
                        __version__)
        ax = figure.axes[0]
        [dots] = [c for c in ax.collections if isinstance(c, PathCollection)]
        [interval] = [c for c in ax.collections if isinstance(c, LineCollection)]
        return dots, interval

    # Few articles an outlet: full-size opaque dots above the interval, as before.
    dots, interval = drawn(corpus(6 * 3, OUTLETS[:3]))
    assert dots.get_alpha() is None and dots.get_sizes()[0] == 22
    assert dots.get_zorder() > interval.get_zorder()
    # Hundreds an outlet: small translucent dots under the interval and the bar edge.
    many = corpus((DENSE_DOTS + 40) * 3, OUTLETS[:3])
    dots, interval = drawn(many)
    assert dots.get_alpha() is not None and dots.get_alpha() < 0.5
    assert dots.get_sizes()[0] < 22
    assert interval.get_zorder() > dots.get_zorder()
    assert len(dots.get_offsets()) == len(many)  # every article is still drawn


@pytest.mark.parametrize("kind", ["outlet_heatmap", "similarity", "tone_strips"])
def test_cell_charts_are_vector_quads_placed_as_imshow_placed_them(
    big: list[ArticleAnalysis], kind: str, tmp_path: Path
) -> None:
    """The 30-outlet grids are drawn as quads (pcolormesh), not as an image resampled
    to the output's pixels (imshow: ~300 MB more at a 200-dpi export). Rows run from the
    top, cells are centred on whole numbers."""
    from matplotlib.collections import QuadMesh
    from matplotlib.figure import Figure

    chart = build_chart(kind, big)
    figure = Figure(figsize=chart.size_hint(), layout="constrained")
    FigureCanvasAgg(figure)
    render(chart, __version__, figure)
    ax = figure.axes[0]
    assert ax.get_images() == []
    meshes = [c for c in ax.collections if isinstance(c, QuadMesh)]
    assert len(meshes) == 1
    rows = meshes[0].get_array().shape[0]  # type: ignore[union-attr]
    assert rows == 30
    bottom, top = ax.get_ylim()
    assert (bottom, top) == (rows - 0.5, -0.5)  # row 0 at the top, centred on 0
    assert not meshes[0].get_rasterized()
    # A 200-dpi export draws (the 30 x 20 heatmap's PNG is about 4100 x 2600 pixels).
    path = tmp_path / f"{kind}.png"
    save_figure(figure, path)
    assert path.read_bytes().startswith(b"\x89PNG")


@pytest.mark.parametrize("kind", ["outlet_heatmap", "similarity"])
def test_cell_numbers_are_one_artist_outside_the_layout_and_stay_text_in_exports(
    big: list[ArticleAnalysis], kind: str, tmp_path: Path
) -> None:
    """At 30 outlets the numbers in the cells (600-900 of them) are one CellLabels artist:
    no Text artist per cell, none measured by the layout; SVG and PDF keep them as text."""
    from desktop.charts import style

    chart = build_chart(kind, big)
    figure = render(chart, __version__)
    FigureCanvasAgg(figure).draw()
    ax = figure.axes[0]
    [labels] = [a for a in ax.get_children() if isinstance(a, style.CellLabels)]
    n_cells = ax.collections[0].get_array().size
    assert len(labels.cells) == n_cells >= 30 * 19
    assert len(ax.texts) == 0 and not labels.get_in_layout()
    x, y, first, _ = labels.cells[0]
    assert labels.text_at(x, y) == first and labels.text_at(-5, -5) is None
    save_figure(figure, tmp_path / f"{kind}.svg")
    svg = (tmp_path / f"{kind}.svg").read_text(encoding="utf-8")
    written = [text for _, _, text, _ in labels.cells]
    # Every number is a <text> element (svg.fonttype none), in the order drawn.
    found = [s for s in svg.split("<text")[1:] if s.split(">", 1)[1].split("<", 1)[0] in written]
    assert len(found) >= len(written)
    save_figure(figure, tmp_path / f"{kind}.pdf")
    assert (tmp_path / f"{kind}.pdf").stat().st_size > 10_000


def test_cell_labels_are_drawn_where_centred_text_is() -> None:
    """CellLabels puts each label where ax.text(..., ha="center", va="center") would:
    the ink of every label covers the same pixels to within one."""
    from matplotlib.figure import Figure

    from desktop.charts import style

    texts = ["0.52", "−0.04", "+1.25", style.EM_DASH, "12.3", "100"]
    cells = [(i % 3, i // 3, t, "black") for i, t in enumerate(texts)]

    def ink(use_labels: bool) -> list[tuple[int, int, int, int]]:
        figure = Figure(figsize=(4, 3), dpi=100)
        FigureCanvasAgg(figure)
        ax = figure.add_axes((0, 0, 1, 1))
        ax.set_xlim(-0.5, 2.5)
        ax.set_ylim(1.5, -0.5)
        ax.set_axis_off()
        if use_labels:
            style.cell_labels(ax, cells, 8.5)
        else:
            for x, y, text, colour in cells:
                ax.text(x, y, text, ha="center", va="center", fontsize=8.5, color=colour)
        figure.canvas.draw()
        dark = np.asarray(figure.canvas.buffer_rgba())[..., 0] < 160
        boxes = []
        for row in range(2):  # each cell is 133 x 150 px
            for col in range(3):
                ys, xs = np.nonzero(dark[row * 150:(row + 1) * 150, col * 133:(col + 1) * 133])
                boxes.append((int(xs.min()), int(xs.max()), int(ys.min()), int(ys.max())))
        return boxes

    for drawn, text in zip(ink(True), ink(False), strict=True):
        assert max(abs(a - b) for a, b in zip(drawn, text, strict=True)) <= 1, (drawn, text)


@pytest.mark.parametrize("size", [(12.7, 7.9), (20.54, 14.4)], ids=["window", "export"])
def test_heatmap_measure_names_under_30_outlets_do_not_touch(
    big: list[ArticleAnalysis], size: tuple[float, float]
) -> None:
    """Two neighbouring slanted names lie (column width) x sin(rotation) apart, across their
    lines: that must hold their two lines and some white (ux11: at 40 degrees in the window, each measure
    name touched the next)."""
    import math

    from matplotlib.figure import Figure
    from matplotlib.text import Text

    chart = build_chart("outlet_heatmap", big)
    assert chart.outlets_as_rows  # type: ignore[attr-defined]
    figure = Figure(figsize=size, dpi=100, layout="constrained")
    canvas = FigureCanvasAgg(figure)
    render(chart, __version__, figure)
    canvas.draw()
    renderer = canvas.get_renderer()
    ax = chart._ax  # type: ignore[attr-defined]
    for labels in ([t.label1 for t in ax.xaxis.get_major_ticks()],
                   [t.label2 for t in ax.xaxis.get_major_ticks()]):  # under, above
        rotation = labels[0].get_rotation()
        assert 0 < rotation < 90
        column = ax.transData.transform((1, 0))[0] - ax.transData.transform((0, 0))[0]
        apart = column * math.sin(math.radians(rotation))
        for label in labels:
            flat = Text(0, 0, label.get_text(), fontproperties=label.get_fontproperties())
            flat.set_figure(figure)
            # At least 3 points (4 px at 100 dpi) of white between neighbours.
            assert flat.get_window_extent(renderer).height + 4 <= apart, label.get_text()
