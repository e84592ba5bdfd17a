"""The Compare view's note while a load fills the table: the view built during a load
shows it from the start, the chart replaces it when the run ends, and a cancelled run's
articles are charted instead of the note staying up."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from desktop.qt_main_window import LOADING_NOTE
from tests.desktop.conftest import LOAD_TIMEOUT_MS
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
    # The note is gone: the chart of the articles kept (few enough: drawn here, at once).
    assert view.note() == ""
    assert [a.article_id for a in view.analyses()] == \
        [a.article_id for a in window.included_analyses()]
    assert view.current_chart() is not None and view.current_figure().axes
