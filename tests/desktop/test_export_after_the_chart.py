"""An export or a copy asked for while the chart is still being computed or drawn off
the GUI thread (past BACKGROUND_LIMIT articles, in a forked child: seconds at 10,000
articles) no longer holds the window until the chart has arrived: the export's own
thread starts once it has, and the window answers meanwhile."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from desktop.qt_compare_view import BACKGROUND_LIMIT, CompareView, ExportOutcome
from models.features import ArticleAnalysis
from models.pipeline import analyze_paths
from tests.desktop.conftest import SEEDS, shown_compare_view, signal_after_work, wait_for_chart
from tests.desktop.test_app_at_scale import fabricated

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="background jobs fork")


@pytest.fixture(scope="module")
def many() -> list[ArticleAnalysis]:
    return fabricated(analyze_paths([SEEDS]).analyses, BACKGROUND_LIMIT + 60)


@pytest.fixture
def drawing(qtbot: Any, many: list[ArticleAnalysis]) -> CompareView:
    """A Compare view whose chart for ``many`` is on its way (not yet drawn)."""
    view = shown_compare_view(qtbot, 1100, 800)
    wait_for_chart(qtbot, view, "the empty chart")
    view.select_chart("outlet_heatmap")
    view.set_analyses(many)
    assert view.chart_pending() and view.current_chart() is None
    return view


def test_an_export_asked_for_while_the_chart_is_drawn_leaves_the_window_free(
    qtbot: Any, drawing: CompareView, tmp_path: Path
) -> None:
    path = tmp_path / "heatmap.png"
    job = drawing.start_export(path)
    # Returned without waiting for the chart: still on its way, nothing written yet.
    assert drawing.chart_pending() and drawing.current_chart() is None
    assert drawing.exporting() and not path.exists()
    with signal_after_work(qtbot, job.done, "the export") as ended:
        pass
    outcome = ended[0][0]
    assert isinstance(outcome, ExportOutcome) and outcome.error == ""
    assert path.read_bytes().startswith(b"\x89PNG") and outcome.data is not None
    assert outcome.data.read_text(encoding="utf-8").strip()
    assert drawing.current_chart() is not None
    assert drawing.current_chart().key == "outlet_heatmap"  # type: ignore[union-attr]
    assert not drawing.exporting()


def test_a_copy_asked_for_while_the_chart_is_drawn_leaves_the_window_free(
    qtbot: Any, drawing: CompareView
) -> None:
    job = drawing.start_copy()
    assert drawing.chart_pending() and drawing.copying()
    with signal_after_work(qtbot, job.done, "the copy") as ended:
        pass
    image = ended[0][0]
    assert not image.isNull() and image.width() > 500
    assert not drawing.copying()


def test_an_export_whose_chart_was_replaced_before_it_was_drawn_is_not_written(
    qtbot: Any, drawing: CompareView, tmp_path: Path
) -> None:
    """The file name says which chart the user asked for: another chart chosen meanwhile
    is not written under it."""
    path = tmp_path / "heatmap.png"
    job = drawing.start_export(path)
    assert drawing.chart_pending()
    with signal_after_work(qtbot, job.failed, "the export's end") as failed:
        drawing.select_chart("similarity")
    assert "another chart was chosen" in failed[0][0]
    assert not path.exists() and not drawing.exporting()
