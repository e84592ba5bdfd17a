"""Past ARTICLE_LIMIT articles the sentence-tone and similarity charts are drawn per outlet;
the Chart box, its tooltips and the description under it then name and describe the
per-outlet chart, not the per-article one (ux14's review, session 14: at 300 articles the box
said "Similarity between articles" and "One strip per article…" over an outlet × outlet
chart)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from desktop.charts import CHART_KINDS
from desktop.charts.at_scale import ARTICLE_LIMIT, OutletSimilarityChart, OutletToneChart
from tests.desktop.conftest import choose_chart_with_keys
from tests.desktop.test_charts_at_scale import OUTLETS, corpus

PER_OUTLET = {"tone_strips": OutletToneChart, "similarity": OutletSimilarityChart}


def _names(view: Any) -> dict[str, tuple[str, str]]:
    combo = view.chart_combo
    return {combo.itemData(i): (combo.itemText(i),
                                combo.itemData(i, Qt.ItemDataRole.ToolTipRole))
            for i in range(combo.count())}


def test_the_chart_box_names_and_describes_the_per_outlet_charts_past_the_limit(
    qtbot: Any, window: Any
) -> None:
    window.tabs.setCurrentWidget(window.compare_view)
    view = window.compare_view
    view.set_analyses(corpus(ARTICLE_LIMIT * 2, OUTLETS[:12]))
    names = _names(view)
    for key, chart_class in PER_OUTLET.items():
        title, tip = names[key]
        assert title == chart_class.title
        assert tip.startswith(f"Past {ARTICLE_LIMIT} articles, one ")
        assert "per article" not in tip
    # The other charts keep their names.
    for kind in CHART_KINDS:
        if kind.key not in PER_OUTLET:
            assert names[kind.key] == (kind.title, kind.description)

    for key, chart_class in PER_OUTLET.items():
        chart: Any = choose_chart_with_keys(qtbot, view, key)
        assert isinstance(chart, chart_class)
        # The box shows the drawn chart's own title, and the text under it describes it.
        assert view.chart_combo.currentText() == chart.title
        assert view.description.text() == names[key][1]
        assert view.scroll_area.accessibleName() == f"Chart: {chart.title}"

    # Back under the limit: the per-article charts, with their own names again.
    view.set_analyses(corpus(ARTICLE_LIMIT, OUTLETS[:12]))
    chart = choose_chart_with_keys(qtbot, view, "similarity")
    assert not isinstance(chart, OutletSimilarityChart)
    assert _names(view) == {k.key: (k.title, k.description) for k in CHART_KINDS}
    assert view.description.text() == next(
        k.description for k in CHART_KINDS if k.key == "similarity")
