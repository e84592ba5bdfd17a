"""Certainty drift with 30 outlets: the levels of the scale (ux14's review, session 14,
tip-c30-certainty_drift.png). Each outlet's dot sits at its own place in 0.7 of a claim's
column; with 30 outlets those places are about 2 px apart in the Compare view and the dots,
8 px wide, of every outlet at one level piled into one blot (14 outlets at "attributed" in one
column). When the outlets cannot stand apart each level says how many outlets are there, the
tooltip names them and a click lists their sentences."""

from __future__ import annotations

from itertools import combinations
from typing import Any

from matplotlib.backend_bases import MouseEvent
from matplotlib.collections import PathCollection
from matplotlib.transforms import Bbox

from desktop.charts.certainty_drift import OMITTED_ROW, level_y
from models.features import ArticleAnalysis
from tests.desktop.conftest import choose_chart_with_keys
from tests.desktop.test_charts import make_analysis
from tests.desktop.test_omissions_with_thirty_outlets import CLAIMS


def worded(claim: str, i: int) -> str:
    """Outlet i's wording: one in three attributes the claim, one in five hedges it."""
    if i % 3 == 1:
        return claim[:-1] + ", officials said."
    if i % 5 == 2:
        return "It is likely that " + claim[0].lower() + claim[1:]
    return claim


def levels_corpus(outlets: list[str]) -> list[ArticleAnalysis]:
    """Outlet i carries claim k unless (i + k) is a multiple of 3, in its own wording."""
    return [make_analysis(f"a{i:03d}", outlet, "Officials quit",
                          [worded(c, i) for k, c in enumerate(CLAIMS) if (i + k) % 3 != 0])
            for i, outlet in enumerate(outlets)]


def _marks_on_the_scale(figure: Any, ax: Any) -> list[Bbox]:
    """The pixel boxes of every dot and every text drawn on the scale (above the band)."""
    renderer = figure.canvas.get_renderer()
    rule_px = ax.transData.transform((0, -0.65))[1]
    boxes = []
    for c in ax.collections:
        if not isinstance(c, PathCollection):
            continue
        side_px = (c.get_sizes()[0] ** 0.5) * figure.dpi / 72  # a marker's side, in pixels
        for x, y in c.get_offsets():
            if y > OMITTED_ROW + 0.5:
                px, py = ax.transData.transform((x, y))
                boxes.append(Bbox.from_bounds(px - side_px / 2, py - side_px / 2,
                                              side_px, side_px))
    for text in ax.texts:
        patch = text.get_bbox_patch()
        box = patch.get_window_extent(renderer) if patch else text.get_window_extent(renderer)
        if box.y0 > rule_px:
            boxes.append(box)
    return boxes


def _press(figure: Any, ax: Any, x: float, y: float) -> MouseEvent:
    px, py = ax.transData.transform((x, y))
    return MouseEvent("button_press_event", figure.canvas, px, py, button=1)


def test_thirty_outlets_at_one_level_are_counted_not_piled(qtbot: Any, window: Any) -> None:
    window.tabs.setCurrentWidget(window.compare_view)  # at the window's default size
    view = window.compare_view
    outlets = [f"Outlet {i:02d}" for i in range(30)]
    view.set_analyses(levels_corpus(outlets))
    chart: Any = choose_chart_with_keys(qtbot, view, "certainty_drift")
    assert len(chart.claims) == 10 and chart.n_outlets == 30
    levels = {p[2].certainty for p in chart.points}
    assert {"asserted", "attributed", "epistemic"} <= levels, levels
    figure = view.current_figure()
    ax = figure.axes[0]
    marks = _marks_on_the_scale(figure, ax)
    assert marks
    overlapping = [(a, b) for a, b in combinations(marks, 2) if a.overlaps(b)]
    assert not overlapping, f"{len(overlapping)} pairs of marks overlap on the scale"
    # Each level of each column that some outlet gives the claim says how many outlets do,
    # inside its own column and row.
    renderer = figure.canvas.get_renderer()
    for x, claim in enumerate(chart.claims):
        for level in levels:
            there = {p[2].outlet for p in chart.points
                     if p[2].claim_id == claim.claim_id and p[2].certainty == level}
            said = [t for t in ax.texts if t.get_text() == f"{len(there)} of 30"
                    and t.get_position() == (x, level_y(level))]
            assert len(said) == (1 if there else 0), (x, level, len(there))
            if not there:
                continue
            box = said[0].get_bbox_patch().get_window_extent(renderer)
            left, bottom = ax.transData.transform((x - 0.5, level_y(level) - 0.5))
            right, top = ax.transData.transform((x + 0.5, level_y(level) + 0.5))
            assert left <= box.x0 and box.x1 <= right and bottom <= box.y0 and box.y1 <= top
    # No legend of 30 colours that mark nothing.
    assert ax.get_legend() is None
    # The tooltip over a count names its outlets; a click lists every article's sentence.
    claim = chart.claims[0]
    there = [p[2] for p in chart.points
             if p[2].claim_id == claim.claim_id and p[2].certainty == "attributed"]
    assert there
    tip = chart.hover_text(ax, 0, level_y("attributed"))
    assert tip is not None and f"from {len(there)} of 30 outlets" in tip, tip
    assert all(m.outlet in " ".join(tip.split()) for m in there), tip
    refs = chart.sentences_at(_press(figure, ax, 0, level_y("attributed")))
    assert sorted((r.article_id, r.sentence_index) for r in refs) == sorted(
        (m.article_id, m.sentence_index) for m in there)
    # Between two levels there is nothing to list.
    assert chart.sentences_at(_press(figure, ax, 0, level_y("attributed") + 0.5)) == []
