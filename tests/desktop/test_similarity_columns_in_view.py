"""The Similarity chart's column names in the Compare view (ux12's review, session 12): at
the window's default size the slanted names under the grid ran into each other ("HLN ·
000_95fc75c790c18aeb" over "MoD-based report · 004_3fc5…"). The columns, in the rows'
order, are now named by their outlet only (the rows name the articles, and the diagonal
pairs each column with its row), one line each, well apart. Slanted names' boxes overlap
even where their letters do not, so the test measures the gap between each name's ink."""

from __future__ import annotations

import io
from typing import Any

import numpy as np
from scipy.ndimage import distance_transform_edt

from tests.desktop.conftest import SEEDS, choose_chart_with_keys, load


def _ink(figure: Any, labels: list[Any], shown: int | None) -> np.ndarray:
    """The figure's pixels (as drawn at its size) with only label ``shown`` of ``labels``
    inked (None: none of them). The others are drawn transparent, not hidden, so that the
    layout, which makes room for every visible label, stays the one the user sees."""
    for i, label in enumerate(labels):
        label.set_alpha(None if i == shown else 0.0)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="rgba", dpi=figure.dpi)
    width, height = (round(v) for v in figure.bbox.size)
    return np.frombuffer(buffer.getvalue(), dtype=np.uint8).reshape(height, width, 4)


def test_similarity_columns_are_named_by_outlet_and_their_letters_do_not_touch(
    qtbot: Any, window: Any
) -> None:
    analyses = load(qtbot, window, [SEEDS]).analyses
    window.tabs.setCurrentWidget(window.compare_view)
    view = window.compare_view
    chart: Any = choose_chart_with_keys(qtbot, view, "similarity")
    figure = view.current_figure()
    ax = figure.axes[0]
    columns = [t for t in ax.get_xticklabels() if t.get_text()]
    assert len(columns) == len(analyses) == 5
    # Lying flat (a wide window: similarity.wide_on_screen) a name breaks after a hyphen too.
    assert [t.get_text().replace("-\n", "-").replace("\n", " ") for t in columns] == [
        a.outlet for a in chart.articles]
    assert ax.get_xlabel() == "Article (by its outlet, in the rows' order)"
    rows = [t.get_text() for t in ax.get_yticklabels() if t.get_text()]
    assert "The Daily Beast · Putin’s Reportedly Had to Ban His Top…" in rows

    try:
        background = _ink(figure, columns, None)
        inks = [np.any(_ink(figure, columns, i) != background, axis=2)
                for i in range(len(columns))]
    finally:
        for label in columns:
            label.set_alpha(None)
    assert all(ink.any() for ink in inks)  # each name is drawn
    # Between two names, a blank at least the font's size: clearly more than between a
    # name's own lines, so a reader can tell which words go together. Before, neighbouring
    # names' lines alternated 5 to 8 px apart, as close as a name's own lines (12.5 px font).
    font_px = columns[0].get_fontsize() * figure.dpi / 72
    gaps = [float(distance_transform_edt(~inks[i])[inks[i + 1]].min())
            for i in range(len(inks) - 1)]
    assert min(gaps) >= font_px, gaps
