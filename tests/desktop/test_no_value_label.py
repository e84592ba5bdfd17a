"""The "no value" of an outlet whose articles have no value sits inside the plot, by the
zero line on the data's side: where every mean is negative the axis ends at 0, and the
label above 0 ran into the note under the title (the seeds' "Headline tone (news)" chart,
session 24)."""

from __future__ import annotations

from typing import Any

import pytest

from desktop.charts.measure_by_outlet import MeasureByOutletChart
from models import __version__
from tests.desktop.test_charts import make_analysis

BODY = ["The minister said the ban would stay in place.", "Officials may not resign."]
HEADLINE = "Russian officials forbidden to resign amid war fears"  # negative to both models


def _labels_inside(chart: MeasureByOutletChart) -> list[bool]:
    fig = chart.figure(__version__)
    fig.canvas.draw()
    ax = fig.axes[0]
    box = ax.get_window_extent()
    labels = [t for t in ax.texts if t.get_text() == "no value"]
    assert labels
    inside = []
    for text in labels:
        extent = text.get_window_extent()
        inside.append(box.y0 <= extent.y0 and extent.y1 <= box.y1
                      and box.x0 <= extent.x0 and extent.x1 <= box.x1)
    return inside


@pytest.mark.parametrize("key", ["headline_tone_news", "headline_tone"])
@pytest.mark.parametrize("outlets", [3, 9], ids=["standing bars", "lying bars"])
def test_no_value_is_inside_the_plot_when_every_mean_is_negative(key: str, outlets: int) -> None:
    analyses: list[Any] = [make_analysis(f"a{i}", f"Outlet {i}", HEADLINE, BODY)
                           for i in range(outlets)]
    analyses.append(make_analysis("none", "Headless", "", BODY))
    chart = MeasureByOutletChart(analyses, key)
    assert all(b.mean < 0 for b in chart.bars if b.outlet != "Headless")
    assert chart._horizontal == (outlets + 1 > 8)
    assert all(_labels_inside(chart))
