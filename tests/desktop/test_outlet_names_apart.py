"""The outlet names under the bars stay apart when the list of sentences opens beside the
chart (ux21, session 21: file-name outlets such as 'city_hall_news' and 'coastal_herald'
ran into one another, 'city_hall_newscoastal_herald', once a click on a bar had opened the
list and the chart had become narrower)."""

from __future__ import annotations

import math
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from dataclasses import replace
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QPoint, Qt

from desktop.qt_compare_view import CompareView
from models.features import analyze_article, article_from_text
from tests.desktop.conftest import shown_compare_view, wait_for_chart

OUTLETS = ["anon_post", "city_hall_news", "coastal_herald", "daily_tribune",
           "harbour_times", "river_voice"]


def bar_point(view: CompareView, index: int, value: float) -> QPoint:
    ax = view.current_figure().axes[0]
    x, y = ax.transData.transform((index, value))
    ratio = view.canvas.device_pixel_ratio
    return QPoint(round(x / ratio), round((view.canvas.figure.bbox.height - y) / ratio))


def gaps_between_names(view: CompareView) -> list[float]:
    """The horizontal room, in pixels, between each outlet name under the axis and the
    next, as drawn (negative: they overlap)."""
    figure = view.current_figure()
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()
    labels = [t for t in figure.axes[0].get_xticklabels() if t.get_text()]
    assert [t.get_text().replace("\n", " ") for t in labels] == OUTLETS
    rotation = labels[0].get_rotation()
    if rotation:
        # Rotated names are parallel strips: apart when the distance between two names'
        # anchors, across the strips, exceeds a line's height.
        anchors = [t.get_window_extent(renderer).x1 for t in labels]
        height = labels[0].get_fontsize() * figure.dpi / 72
        across = math.sin(math.radians(rotation))
        return [(b - a) * across - height for a, b in pairwise(anchors)]
    boxes = [t.get_window_extent(renderer) for t in labels]
    return [b.x0 - a.x1 for a, b in pairwise(boxes)]


def test_outlet_names_stay_apart_when_the_sentence_list_opens(qtbot: Any) -> None:
    view = shown_compare_view(qtbot, 1300, 560)
    view.set_analyses([
        analyze_article(replace(article_from_text(
            "The bridge will probably stay closed. Repairs may take months. " * (i + 1),
            article_id=f"a{i}"), outlet=name))
        for i, name in enumerate(OUTLETS)
    ])
    view.select_chart("measure_by_outlet")
    view.select_measure("hedges_epistemic_per_100w")
    wait_for_chart(qtbot, view)
    assert min(gaps_between_names(view)) > 2  # the wide chart: names side by side
    wide = view.canvas.width()
    qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton, pos=bar_point(view, 1, 0.5))
    qtbot.waitUntil(lambda: view.evidence_panel.isVisible() and bool(view.evidence_panel.rows()))
    qtbot.waitUntil(lambda: view.canvas.width() < wide - 200)
    wait_for_chart(qtbot, view, "the chart drawn again for its narrower canvas")
    qtbot.waitUntil(lambda: view.canvas.settled)
    gaps = gaps_between_names(view)
    assert min(gaps) > 2, gaps
