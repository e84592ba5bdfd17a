"""The window's thread never waits without a bound for a chart drawn elsewhere.

An export or copy that needs the chart now (export_figure, export_data, chart_now:
scripts, the smoke test, File > Export's synchronous twin) waited for the chart job with
no limit (ChartJob.wait, ThreadJob.wait, the scene thread's join), and so did closing the
window. Now each wait has a bound: past it, nothing is written and the error says why, or
the window closes and says what it did not wait for. The drawing here is held on its
thread until the test releases it (at most 30 s), so an unbounded wait would wait that
long and then succeed.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop import qt_chart_job, qt_compare_view
from models.features import ArticleAnalysis
from models.pipeline import analyze_paths
from tests.desktop.conftest import SEEDS, load, shown_compare_view, wait_for_chart

HOLD_SECONDS = 30


@pytest.fixture(scope="module")
def seeds() -> list[ArticleAnalysis]:
    return analyze_paths([SEEDS]).analyses


@pytest.fixture
def held_drawing(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Charts drawn on a thread wait for the event (at most HOLD_SECONDS) before they are
    drawn; the waits for a chart end after 0.3 s instead of minutes."""
    release = threading.Event()
    real = qt_chart_job._draw_chart

    def held(*args: Any, **kwargs: Any) -> Any:
        release.wait(HOLD_SECONDS)
        return real(*args, **kwargs)

    monkeypatch.setattr(qt_chart_job, "_draw_chart", held)
    monkeypatch.setattr(qt_compare_view, "CHART_WAIT_SECONDS", 0.3)
    monkeypatch.setattr(qt_compare_view, "CLOSE_WAIT_SECONDS", 0.3)
    yield release
    release.set()  # the held thread ends before the next test (conftest joins it)


def test_an_export_that_needs_a_chart_still_drawn_fails_with_the_reason(
    qtbot: Any, seeds: list[ArticleAnalysis], tmp_path: Path, held_drawing: threading.Event,
) -> None:
    view = shown_compare_view(qtbot)
    view.set_analyses(seeds)
    target = tmp_path / "hedges.png"
    with pytest.raises(qt_compare_view.ChartNotReady) as raised:
        view.export_figure(target)
    assert isinstance(raised.value, OSError)  # reported as a failed write is
    assert "was still being computed or drawn after 0 s, so nothing was written" \
        in str(raised.value)
    assert not target.exists()
    with pytest.raises(qt_compare_view.ChartNotReady):
        view.chart_now()
    # The drawing goes on; once it is there, the same export writes the file.
    held_drawing.set()
    wait_for_chart(qtbot, view)
    view.export_figure(target)
    assert target.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")


def test_the_windows_export_says_why_when_the_chart_is_not_ready(
    qtbot: Any, window: Any, tmp_path: Path, held_drawing: threading.Event,
    shown_errors: list[tuple[str, str, str]],
) -> None:
    from tests.desktop.conftest import copy_seeds

    load(qtbot, window, copy_seeds(tmp_path / "corpus"))
    target = tmp_path / "out" / "hedges.png"
    target.parent.mkdir()
    assert window.export_chart(target) is False
    assert len(shown_errors) == 1
    title, text, _detail = shown_errors[0]
    assert title == "Could not save"
    assert "was still being computed or drawn" in text and str(target) in text
    assert list(target.parent.iterdir()) == []


def test_closing_does_not_wait_without_bound_for_a_drawing_and_says_so(
    qtbot: Any, seeds: list[ArticleAnalysis], held_drawing: threading.Event,
    caplog: pytest.LogCaptureFixture,
) -> None:
    view = shown_compare_view(qtbot)
    view.set_analyses(seeds)
    qtbot.waitUntil(lambda: view.chart_pending() and view._job is not None, timeout=10_000)
    with caplog.at_level(logging.WARNING, logger="framescope"):
        view.shutdown()
    assert "Closed without waiting longer for a chart being drawn" in caplog.text


def test_export_chart_data_waits_for_the_chart_off_the_windows_thread(
    qtbot: Any, window: Any, tmp_path: Path, held_drawing: threading.Event,
    shown_errors: list[tuple[str, str, str]], monkeypatch: pytest.MonkeyPatch,
) -> None:
    """File > Export Chart Data while the chart is still drawn: the window does not wait
    for it (here it would give up after 0.3 s and write nothing); the CSV is written once
    the chart is there, and the status bar says so."""
    from PySide6.QtWidgets import QFileDialog

    from tests.desktop.conftest import copy_seeds

    load(qtbot, window, copy_seeds(tmp_path / "corpus"))
    assert window.compare_view.chart_pending()
    target = tmp_path / "out" / "chart-data.csv"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "CSV table (*.csv)")))
    window.action_export_chart_data.trigger()
    assert shown_errors == [] and not target.exists()
    assert window.statusBar().currentMessage() == "Saving chart-data.csv…"
    with qtbot.waitSignal(window.chart_data_exported, timeout=HOLD_SECONDS * 1000) as ended:
        held_drawing.set()
    assert ended.args == [target, ""]
    assert window.statusBar().currentMessage() == (
        "Saved chart-data.csv and its codebook, chart-data (codebook).csv")
    assert target.read_text(encoding="utf-8").splitlines()[0]
    assert shown_errors == []


def test_a_window_closed_during_a_drawing_names_it_among_what_was_left(
    qtbot: Any, window: Any, tmp_path: Path, held_drawing: threading.Event,
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The drawing thread the Compare view did not wait for is in the window's
    left_running, so the app ends its process without it (desktop.qt_app.end_without_workers)
    rather than leave a thread inside matplotlib to the interpreter's end."""
    from tests.desktop.conftest import copy_seeds

    monkeypatch.setattr(qt_chart_job, "can_fork", lambda: False)  # drawn on a thread
    load(qtbot, window, copy_seeds(tmp_path / "corpus"))
    view = window.compare_view
    qtbot.waitUntil(lambda: view._job is not None, timeout=10_000)
    assert view._job.pid is None
    with caplog.at_level(logging.WARNING, logger="framescope"):
        window.close()
    assert window.left_running == ["a chart being drawn"]
    assert "Closed without waiting longer for a chart being drawn" in caplog.text
