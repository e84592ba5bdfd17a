"""The Compare view's notes: the view built during a load shows the loading note from the
start, the chart replaces it when the run ends, a cancelled run's articles are charted
instead of the note staying up, and a big chart's job forks only after the note is painted."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject, Qt

from desktop.qt_main_window import LOADING_NOTE
from tests.desktop.conftest import (
    LOAD_TIMEOUT_MS,
    shown_compare_view,
    signal_after_work,
    wait_for_chart,
)
from tests.desktop.test_robustness import corpus


def test_the_view_built_during_a_load_shows_the_note_then_the_chart(
    qtbot: Any, window: Any, many_articles: Path
) -> None:
    finished: list[str] = []
    window.load_finished.connect(finished.append)
    window.open_paths([many_articles])
    qtbot.waitUntil(lambda: window.table_model.rowCount() > 0, timeout=LOAD_TIMEOUT_MS)
    loading = window.is_busy()  # the usual case: 200 files take seconds
    view = window.compare_view  # built now if it was not yet
    if loading:
        assert view.note() == LOADING_NOTE and view.note_label.isVisible()
        assert view.current_chart() is None
    qtbot.waitUntil(lambda: bool(finished), timeout=LOAD_TIMEOUT_MS)
    view = window.compare_view
    wait_for_chart(qtbot, view)  # drawn on a thread
    assert view.note() == "" and not view.note_label.isVisible()
    assert len(view.analyses()) == window.table_model.rowCount() == 200
    assert view.current_chart() is not None and view.current_figure().axes


def test_a_cancelled_load_charts_the_articles_it_kept(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    folder = corpus(tmp_path / "big", copies=80)  # 400 articles: seconds of work
    window.open_paths([folder])
    qtbot.waitUntil(lambda: window.table_model.rowCount() > 0 and window.is_busy(),
                    timeout=LOAD_TIMEOUT_MS)
    view = window.compare_view
    assert view.note() == LOADING_NOTE
    with qtbot.waitSignal(window.runner.cancelled, timeout=LOAD_TIMEOUT_MS):
        qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
    kept = window.table_model.rowCount()
    assert 0 < kept < 400
    # The note goes: the chart of the articles kept (few enough: drawn on a thread).
    wait_for_chart(qtbot, view)
    assert view.note() == ""
    assert [a.article_id for a in view.analyses()] == \
        [a.article_id for a in window.included_analyses()]
    assert view.current_chart() is not None and view.current_figure().axes


@pytest.mark.parametrize("held_up", [False, True])
def test_the_note_is_painted_before_the_chart_job_forks(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, held_up: bool
) -> None:
    """A big corpus's chart job (a fork of the whole window: tens of ms at 10,000 articles)
    starts after the window has painted the "Computing the chart…" note, in a later turn
    of the event loop, not in the same stretch of work as the update that asked for it.
    Also when the GUI thread is held up past the job's latest start (JOB_START_LATEST_MS)
    before it gets back to the event loop, as on a loaded machine, or after a long update:
    the paint is then still queued behind that timer."""
    import time

    from desktop import qt_chart_job
    from desktop.qt_compare_view import BACKGROUND_LIMIT, JOB_START_LATEST_MS
    from models.pipeline import analyze_paths
    from tests.desktop.conftest import SEEDS
    from tests.desktop.test_app_at_scale import fabricated

    many = fabricated(analyze_paths([SEEDS]).analyses, BACKGROUND_LIMIT + 20)
    events: list[str] = []
    real_start = qt_chart_job.start_drawing_job

    def start_drawing_job(*args: Any, **kwargs: Any) -> Any:
        events.append("job")
        return real_start(*args, **kwargs)

    monkeypatch.setattr(qt_chart_job, "start_drawing_job", start_drawing_job)

    class Paints(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                events.append("note painted")
            return False

    view = shown_compare_view(qtbot)
    paints = Paints()
    view.note_label.installEventFilter(paints)
    with signal_after_work(qtbot, view.chart_shown, "the chart"):
        view.set_analyses(many)
        assert events == []  # nothing forked yet
        if held_up:  # what a thread without a core for a while looks like to Qt
            time.sleep(1.5 * JOB_START_LATEST_MS / 1000)
    assert "job" in events and "note painted" in events
    assert events.index("note painted") < events.index("job"), events


def test_the_view_built_before_the_first_rows_shows_the_note_not_an_empty_chart(
    qtbot: Any, many_articles: Path
) -> None:
    """The views' imports often end while the first files are still read: the Compare view
    built then shows the loading note; no empty chart is plotted behind it."""
    from desktop.qt_main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    finished: list[str] = []
    window.load_finished.connect(finished.append)
    window.open_paths([many_articles])
    assert window.is_busy() and window.table_model.rowCount() == 0
    view = window.compare_view  # built now, with no rows yet
    assert view.note() == LOADING_NOTE
    assert view.figure.axes == [] and view.current_chart() is None
    qtbot.waitUntil(lambda: bool(finished), timeout=LOAD_TIMEOUT_MS)
    wait_for_chart(qtbot, view)
    assert view.note() == "" and view.current_chart() is not None
    assert len(view.analyses()) == 200
    window.project.set_modified(False)
