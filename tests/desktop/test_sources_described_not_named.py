"""Sources described but not named ('the transport department', 'police') have a row of
the Sources chart, and a click on its cell lists their sentences (ux21, session 21: they
were neither a named source's row nor anonymous, and no cell counted them: an outlet that
cited only the transport department looked as if it cited no one)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QPoint, Qt

from desktop.charts.sources import UNNAMED_ROW, SourcesChart
from desktop.qt_compare_view import CompareView
from models.features import analyze_article, article_from_text
from models.sources import find_sources, is_named
from tests.desktop.conftest import shown_compare_view, wait_for_chart

TEXTS = {
    "river_voice": (
        "The Kestrel Bridge was closed on Tuesday after an inspection found cracks. "
        "The transport department said about 40,000 vehicles use the bridge daily. "
        "Traffic will be diverted through the harbour tunnel, the department said."
    ),
    "coastal_herald": (
        "The Kestrel Bridge will stay closed until spring, said Maria Lindqvist, the "
        "city's chief engineer. Police said the harbour tunnel was at capacity by 7am."
    ),
}


def cell_point(view: CompareView, column: int, row: int) -> QPoint:
    ax = view.current_figure().axes[0]
    px, py = ax.transData.transform((column, row))
    ratio = view.canvas.device_pixel_ratio
    return QPoint(round(px / ratio), round((view.current_figure().bbox.height - py) / ratio))


def test_a_click_on_the_described_sources_row_lists_their_sentences(qtbot: Any) -> None:
    analyses = [
        analyze_article(replace(article_from_text(text, article_id=outlet), outlet=outlet))
        for outlet, text in TEXTS.items()
    ]
    # The texts hold what the row is for: cited sources that name no one.
    described = [s for s in find_sources(analyses)
                 if s.source_type != "anonymous" and not is_named(s)]
    assert {m.outlet for s in described for m in s.mentions} == set(TEXTS)
    view = shown_compare_view(qtbot, 1100, 700)
    view.set_analyses(analyses)
    view.select_chart("sources")
    wait_for_chart(qtbot, view)
    chart = view.current_chart()
    assert isinstance(chart, SourcesChart)
    row = chart.labels.index(UNNAMED_ROW)
    column = chart.outlets.index("river_voice")
    assert chart.counts[row, column] == 2
    qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton,
                     pos=cell_point(view, column, row))
    panel = view.evidence_panel
    qtbot.waitUntil(lambda: len(panel.rows()) == 2)
    texts = [r.text for r in panel.rows()]
    assert any("The transport department said" in t for t in texts), texts
    assert any("the department said" in t for t in texts), texts
