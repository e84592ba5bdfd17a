"""Grids drawn edge to edge (outlet similarity and tone by outlet, past ARTICLE_LIMIT
articles) without light seams in SVG and PDF exports (ux14's review, session 14,
crop-c30-similarity.png; ux15's base-c30-similarity-crop-png-pdf-svg.png). A vector viewer
antialiases each of the 900 quads on its own, so the page shows through a hairline between
two cells that meet. While an SVG or PDF is written each cell gets a thin edge in its own
colour; the window's drawing and PNG exports do not change."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.collections import QuadMesh

from desktop.charts import build_chart, render, save_figure
from desktop.charts.at_scale import ARTICLE_LIMIT
from desktop.charts.style import SEAM_PT, seams_closed
from models import __version__
from models.features import ArticleAnalysis
from tests.desktop.test_charts_at_scale import OUTLETS, corpus


@pytest.fixture(scope="module")
def big() -> list[ArticleAnalysis]:
    return corpus(ARTICLE_LIMIT * 2, OUTLETS)


def _cells(svg: str) -> list[str]:
    """The style of every quad of the grid's mesh in an SVG (matplotlib writes the mesh as
    <g id="QuadMesh_1">, one <path> per cell)."""
    group = svg.split('<g id="QuadMesh_1">', 1)[1].split("</g>", 1)[0]
    return re.findall(r'style="([^"]*)"', group)


@pytest.mark.parametrize("kind", ["similarity", "tone_strips"])
def test_edge_to_edge_cells_are_edged_in_their_own_colour_in_svg(
    big: list[ArticleAnalysis], kind: str, tmp_path: Path
) -> None:
    figure = render(build_chart(kind, big), __version__)
    path = tmp_path / f"{kind}.svg"
    save_figure(figure, path)
    cells = _cells(path.read_text())
    assert len(cells) >= 30 * 20
    for style in cells:
        fill = re.search(r"fill: (#[0-9a-f]{6})", style)
        colour = fill.group(1) if fill else "#000000"  # SVG's default fill goes unwritten
        assert f"stroke: {colour}" in style and f"stroke-width: {SEAM_PT}" in style, style
    # The figure is as it was: a PNG after the SVG has no edges (Agg draws no seams).
    mesh = next(c for c in figure.axes[0].collections if isinstance(c, QuadMesh))
    assert len(mesh.get_edgecolor()) == 0


def test_the_report_pdf_and_a_pdf_export_edge_the_cells_too(
    big: list[ArticleAnalysis], tmp_path: Path
) -> None:
    """PDF (save_figure, and the report's pages through seams_closed): the cells are
    painted with a stroke ('B' fill-and-stroke) in their colour, not filled only ('f')."""
    import matplotlib

    figure = render(build_chart("similarity", big), __version__)
    with matplotlib.rc_context({"pdf.compression": 0}):
        save_figure(figure, tmp_path / "chart.pdf")
        with PdfPages(tmp_path / "pages.pdf") as pdf, seams_closed(figure):
            pdf.savefig(figure)
    for name in ("chart.pdf", "pages.pdf"):
        content = (tmp_path / name).read_bytes()
        # Each of the 900 cells: a path, then fill and stroke.
        assert len(re.findall(rb"\nB\n", content)) >= 900, name


def test_a_grid_with_white_gaps_keeps_its_white_edges(
    big: list[ArticleAnalysis], tmp_path: Path
) -> None:
    """The outlet heatmap's white lines between cells are its own: left as they are."""
    path = tmp_path / "heatmap.svg"
    save_figure(render(build_chart("outlet_heatmap", big), __version__), path)
    assert all("stroke: #ffffff" in style for style in _cells(path.read_text()))
