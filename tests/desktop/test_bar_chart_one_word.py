"""The bar chart calls an outlet's bar by one word wherever the window shows it: its
description ("on average over its articles"), its legend, the tooltip over a bar and the
list of sentences a click opens. The tooltip and list said "mean 0.80" under a legend of
"Outlet mean" and a description of "the average" (ux4's review, session 33); "mean" stays
in the Method sentence and the data's codebook, where it is the method's word."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QToolTip

from desktop.charts import chart_kind
from desktop.qt_compare_view import CompareView
from models.features import ArticleAnalysis
from models.pipeline import analyze_paths
from tests.desktop.conftest import shown_compare_view, wait_for_chart

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="module")
def seeds() -> list[ArticleAnalysis]:
    return analyze_paths([SEEDS]).analyses


def bar_point(view: CompareView, index: int, value: float) -> QPoint:
    ax = view.current_figure().axes[0]
    x, y = ax.transData.transform((index, value))
    ratio = view.canvas.device_pixel_ratio
    return QPoint(round(x / ratio), round((view.canvas.figure.bbox.height - y) / ratio))


@pytest.mark.parametrize("measure", ["hedges_epistemic_per_100w", "attributions_per_100w"])
def test_tooltip_legend_description_and_list_say_one_word(
    qtbot: Any, seeds: list[ArticleAnalysis], measure: str
) -> None:
    view = shown_compare_view(qtbot, 1100, 800)
    view.set_analyses(seeds)
    view.select_chart("measure_by_outlet")
    view.select_measure(measure)
    chart = wait_for_chart(qtbot, view)
    legend = [t.get_text() for t in view.current_figure().axes[0].get_legend().get_texts()]
    bar_entry = next(text for text in legend if text.startswith("Outlet "))
    word = bar_entry.removeprefix("Outlet ").split(",")[0]
    plain = chart_kind("measure_by_outlet").description.split("Method:")[0]
    assert f" {word} " in plain, (word, plain)

    bars = chart.bars  # type: ignore[attr-defined]
    index = [b.outlet for b in bars].index("MoD-based report")
    point = bar_point(view, index, bars[index].mean * 0.5)
    qtbot.mouseMove(view.canvas, point)
    qtbot.waitUntil(QToolTip.isVisible)
    assert QToolTip.text().startswith(f"MoD-based report: {word} "), QToolTip.text()
    assert "mean" not in QToolTip.text()

    qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton, pos=point)
    heading = view.evidence_panel.heading.text()
    assert heading.startswith(f"MoD-based report: {word} ") and "mean" not in heading
