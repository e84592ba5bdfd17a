"""The certainty drift's description gives its "Method: …" sentence (how a claim is found),
as the other charts' descriptions do, so in the window the chart's note leaves it out and
the chart asks those lines less: on a 1024 x 700 screen the seeds' chart asked its whole
6.8-inch hint (374 px) with the method written twice, once under the other. Exports keep
the note whole, and the description gives the threshold the chart was aligned at."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from desktop.charts import chart_kind, style
from tests.desktop.conftest import LOAD_TIMEOUT_MS, choose_chart_with_keys, wait_for_chart
from tests.desktop.test_charts import svg_text
from tests.desktop.test_small_screen import SMALL_SCREEN, first_start_on


def _note(figure: Any) -> Any:
    """The note's Text (the left title of the chart's axes: style.set_titles)."""
    return next(ax._left_title for ax in figure.axes if ax.get_title(loc="left"))


def test_the_method_is_said_above_the_chart_and_the_chart_asks_less(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    view = first_start_on(qtbot, window, SMALL_SCREEN)
    chart = choose_chart_with_keys(qtbot, view, "certainty_drift")
    assert "Method: a claim is a group of sentences" in chart_kind("certainty_drift").description
    assert "cosine similarity of 0.35" in view.description.text()
    figure = view.canvas.figure
    figure.canvas.draw()
    note = _note(figure)
    assert note.get_text() and "Method:" not in note.get_text()
    # The chart asks at least a note's line less than its readable height with the method.
    asked_whole = int(chart.size_hint()[1] * style.SCREEN_PX_PER_INCH)
    line = style.NOTE_LINE_IN * style.SCREEN_PX_PER_INCH
    assert view.canvas.minimumHeight() <= asked_whole - line, view.canvas.minimumHeight()
    # Drawn at that height, the note stays over the plot, not on it.
    renderer = figure.canvas.get_renderer()
    plot = next(ax for ax in figure.axes if ax.get_title(loc="left"))
    assert note.get_window_extent(renderer).y0 >= plot.get_window_extent(renderer).y1 - 1
    path = tmp_path / "drift.svg"
    assert window.export_chart(path)
    qtbot.waitUntil(path.exists)
    words = svg_text(path).replace("- ", "-")
    assert words.count("Method: a claim is a group of sentences") == 1, words


def test_the_description_gives_the_threshold_the_chart_was_aligned_at(
    qtbot: Any, window: Any
) -> None:
    """The Claims view's threshold (the user's), as the chart's note gives it in exports."""
    view = first_start_on(qtbot, window, SMALL_SCREEN)
    choose_chart_with_keys(qtbot, view, "certainty_drift")
    claims = window.claims_view
    with qtbot.waitSignal(claims.alignment_changed, timeout=LOAD_TIMEOUT_MS,
                          check_params_cb=lambda a: a.threshold == pytest.approx(0.5)):
        claims.set_threshold(0.5)
    qtbot.waitUntil(lambda: "cosine similarity of 0.50" in view.description.text())
    assert "0.35" not in view.description.text()
    chart = wait_for_chart(qtbot, view)
    assert chart.alignment.threshold == pytest.approx(0.5)
