"""A window closed before its Compare and Claims views were built never builds them, nor
gives them work, afterwards.

The views are built by a timer once their modules' import has ended (MainWindow
._prepare_views). CI ci30 (session 13) closed the window during a load, and a claims
AlignTask still ran as the interpreter ended ("Signal source has been deleted" from its
finished.emit) although ClaimsView.shutdown cancels and waits for its tasks: the Claims
view had not been built when the window closed, so nothing shut it down; the timer, still
running, built it in the event loop's last turns and gave it the loaded articles, and it
started a task no one stopped.
"""

from __future__ import annotations

import threading
from typing import Any

import pytest

from desktop.qt_claims_view import ClaimsView
from desktop.qt_compare_view import CompareView
from tests.desktop.conftest import make_analysis, painted_window


def test_views_not_built_when_the_window_closes_are_not_built_after_it(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, held_views_import: threading.Event,
) -> None:
    given: list[str] = []
    for view_class in (ClaimsView, CompareView):
        original = view_class.set_analyses

        def record(self: Any, analyses: Any, original: Any = original,
                   name: str = view_class.__name__) -> None:
            given.append(name)
            original(self, analyses)

        monkeypatch.setattr(view_class, "set_analyses", record)

    # The views' import (on its thread, after the first paint) is held until the test
    # lets it end: the views are built only once it has (a slow machine's import).
    imported = held_views_import
    window = painted_window(qtbot)
    timer = window._views_timer
    assert timer is not None and timer.isActive()
    # Articles in the table (a load's first rows) while the views are not built yet.
    window.table_model.append([make_analysis(f"a{i}", outlet=f"Outlet {i % 2}")
                               for i in range(6)])
    assert window._compare_view is None and window._claims_view is None
    # The import ends and the user closes the window (closing waits for the import).
    imported.set()
    window.close()
    assert not window.isVisible()
    # The event loop's turns after the close: the views' timer, if still running, builds
    # the Compare view in one turn and the Claims view in the next, then stops.
    qtbot.waitUntil(lambda: not timer.isActive(), timeout=10_000)
    assert given == []
    assert window._claims_view is None and window._compare_view is None


def test_closing_waits_for_the_views_import_a_bounded_time_and_says_so(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, held_views_import: threading.Event,
) -> None:
    """The import still running after closing's bounded wait (a slow disk; held here) is
    in left_running: the app then ends its process without it (run_gui)."""
    from desktop import qt_main_window

    monkeypatch.setattr(qt_main_window, "CLOSE_WAIT_MS", 200)
    window = painted_window(qtbot)
    importing = window._views_import
    assert importing is not None and importing.is_alive()
    try:
        window.close()
        assert not window.isVisible()
        assert window.left_running == [qt_main_window.VIEWS_IMPORT]
    finally:
        held_views_import.set()
        importing.join(30)
    # Its timer, stopped at close, builds no view after the import has ended.
    timer = window._views_timer
    qtbot.waitUntil(lambda: timer is None or not timer.isActive(), timeout=10_000)
    assert window._compare_view is None and window._claims_view is None
