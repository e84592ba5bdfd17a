"""An exported similarity matrix keeps the rows' axis name on the page (ux5, session 33).

Constrained layout settles the matrix's square grid only on its second pass; an export is
drawn once, so the PNG (or SVG) saved from a fresh figure had the name "Article" left of
the page's edge, with the rows' names run to the edge. ``style.settle_layout`` lays such
a figure out once more before it is saved or copied.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import pytest

from desktop.charts import build_chart, save_figure
from desktop.charts.style import render
from models import __version__
from models.pipeline import analyze_paths
from tests.desktop.conftest import SEEDS


@pytest.fixture(scope="module")
def seeds() -> list[Any]:
    return analyze_paths([SEEDS]).analyses


def _text_x(svg: str, text: str) -> float:
    """The x of the text element ``text`` (svg.fonttype none: text stays text)."""
    for match in re.finditer(r'<text[^>]*\bx="([-\d.]+)"[^>]*>([^<]*)</text>', svg):
        if html.unescape(match.group(2)) == text:
            return float(match.group(1))
    raise AssertionError(f"no text {text!r} in the SVG")


def test_the_rows_axis_name_is_on_the_page(seeds: list[Any], tmp_path: Path) -> None:
    figure = render(build_chart("similarity", seeds), __version__)
    path = tmp_path / "similarity.svg"
    save_figure(figure, path)
    svg = path.read_text(encoding="utf-8")
    # The name is rotated: its anchor's x is its left edge's distance from the page's,
    # give or take the rotated glyphs' height (a few points).
    x = _text_x(svg, "Article")
    assert x > 5.0, f"'Article' drawn at x={x}: off the page's left edge"
    # And every row's name starts to its right, not over it.
    assert all(_text_x(svg, label) > x for label in build_chart("similarity", seeds).labels)
