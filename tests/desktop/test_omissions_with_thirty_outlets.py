"""Certainty drift with 30 outlets: the "not carried" band (ux13's review, session 13,
final-c30-certainty_drift.png). Each outlet's cross sits at its own place in 0.7 of a claim's
column; with 30 outlets in the Compare view they were about 2 px apart, 8 px wide, and ran
into one striped bar per column, so no outlet could be read off it. When the crosses cannot
stand apart the band says how many outlets omit each claim, and the tooltip names them."""

from __future__ import annotations

from itertools import combinations
from typing import Any

from matplotlib.collections import PathCollection
from matplotlib.transforms import Bbox

from desktop.charts.certainty_drift import OMITTED_ROW
from models.features import ArticleAnalysis
from tests.desktop.conftest import choose_chart_with_keys
from tests.desktop.test_charts import make_analysis

# Ten claims in unrelated words; outlet i carries claim k unless (i + k) is a multiple of 3,
# so every claim is carried by about two outlets in three and omitted by the rest.
CLAIMS = (
    "The Kremlin banned senior officials from resigning during the war.",
    "Governors in three regions tried to step down last spring.",
    "The central bank raised interest rates to sixteen percent.",
    "Farmers blocked the motorway with tractors near the border.",
    "A flood destroyed the old bridge across the northern river.",
    "The court sentenced the journalist to nine years in prison.",
    "Teachers went on strike over unpaid wages in the capital.",
    "The minister promised cheaper train tickets for students.",
    "Wildfires burned thousands of hectares of forest in Siberia.",
    "The football club sold its stadium to a foreign investor.",
)


def claims_corpus(outlets: list[str]) -> list[ArticleAnalysis]:
    return [make_analysis(f"a{i:03d}", outlet, "Officials quit",
                          [c for k, c in enumerate(CLAIMS) if (i + k) % 3 != 0])
            for i, outlet in enumerate(outlets)]


def _marks_in_band(figure: Any, ax: Any) -> list[Bbox]:
    """The pixel boxes of everything drawn in the "not carried" row: markers and text."""
    renderer = figure.canvas.get_renderer()
    row_px = ax.transData.transform((0, OMITTED_ROW))[1]
    boxes = []
    for c in ax.collections:
        if not isinstance(c, PathCollection):
            continue
        size_px = (c.get_sizes()[0] ** 0.5) * figure.dpi / 72  # a marker's side, in pixels
        for x, y in c.get_offsets():
            px, py = ax.transData.transform((x, y))
            if abs(y - OMITTED_ROW) < 1e-9:
                boxes.append(Bbox.from_bounds(px - size_px / 2, py - size_px / 2,
                                              size_px, size_px))
    for text in ax.texts:
        box = text.get_window_extent(renderer)
        if box.y0 <= row_px <= box.y1:
            boxes.append(box)
    return boxes


def test_thirty_outlets_omissions_stand_apart_and_say_how_many(
    qtbot: Any, window: Any
) -> None:
    window.tabs.setCurrentWidget(window.compare_view)  # at the window's default size
    view = window.compare_view
    view.set_analyses(claims_corpus([f"Outlet {i:02d}" for i in range(30)]))
    chart: Any = choose_chart_with_keys(qtbot, view, "certainty_drift")
    assert len(chart.claims) == 10 and chart.n_outlets == 30 and len(chart.omissions) == 100
    figure = view.current_figure()
    ax = figure.axes[0]
    marks = _marks_in_band(figure, ax)
    assert marks
    overlapping = [(a, b) for a, b in combinations(marks, 2) if a.overlaps(b)]
    assert not overlapping, f"{len(overlapping)} pairs of marks overlap in the band"
    # Each claim some outlet omits says how many do, inside its own column.
    for x in range(len(chart.claims)):
        omitted = [o[3] for o in chart.omissions if o[2] == x]
        if not omitted:
            continue
        said = [t for t in ax.texts if t.get_text() == f"{len(omitted)} of 30"
                and round(t.get_position()[0]) == x]
        assert len(said) == 1, (x, len(omitted), [t.get_text() for t in ax.texts])
        left = ax.transData.transform((x - 0.5, 0))[0]
        right = ax.transData.transform((x + 0.5, 0))[0]
        box = said[0].get_window_extent(figure.canvas.get_renderer())
        assert left <= box.x0 and box.x1 <= right, (box, left, right)
    # The tooltip over a count names the outlets that omit the claim.
    x = next(o[2] for o in chart.omissions)
    tip = chart.hover_text(ax, x, OMITTED_ROW)
    names = [o[3] for o in chart.omissions if o[2] == x]
    assert tip is not None and f"not carried by {len(names)} of 30 outlets" in tip
    assert all(name in " ".join(tip.split()) for name in names), tip


def test_five_outlets_keep_a_cross_each(qtbot: Any, window: Any) -> None:
    window.tabs.setCurrentWidget(window.compare_view)
    view = window.compare_view
    view.set_analyses(claims_corpus([f"Outlet {i}" for i in range(5)]))
    chart: Any = choose_chart_with_keys(qtbot, view, "certainty_drift")
    assert chart.omissions and not chart.counted
    figure = view.current_figure()
    marks = _marks_in_band(figure, figure.axes[0])
    assert len(marks) == len(chart.omissions)  # one cross per omission, no counts
    assert not [(a, b) for a, b in combinations(marks, 2) if a.overlaps(b)]
