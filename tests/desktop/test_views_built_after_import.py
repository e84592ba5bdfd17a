"""A view built on first use (a load of a few files ends before the views' import has)
waits for that import first: the GUI thread building the Claims view while the import
thread made PySide's types crashed in libshiboken (ci40, session 15: test_load_start's
fresh interpreter, segmentation fault, faulthandler stacks in ClaimsView.__init__ and
in the import of desktop.qt_read_view)."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from tests.desktop.conftest import painted_window


@pytest.mark.parametrize("view", ["claims_view", "compare_view", "read_view"])
def test_a_view_is_built_only_once_the_views_import_has_ended(
    qtbot: Any, held_views_import: threading.Event, view: str,
) -> None:
    imported = held_views_import
    window = painted_window(qtbot)
    thread = window._views_import
    assert thread is not None and thread.is_alive()
    # The import ends a little later, on its own thread, while the GUI thread asks.
    threading.Timer(0.3, imported.set).start()
    getattr(window, view)
    assert not thread.is_alive()


def test_a_load_that_ends_before_the_views_import_does_not_wait_for_it(
    qtbot: Any, held_views_import: threading.Event, in_thread_pipeline: None, tmp_path: Any,
) -> None:
    """The load's end left the views to the views' timer: it joined the import on the GUI
    thread instead, for whatever was left of it (2.2 s once at load 11, bench/
    first_use_join.py, session 17). Here the import is held: the old code waited for the
    held import's own 30 s cap before the load's end returned."""
    from tests.desktop.conftest import LOAD_TIMEOUT_MS, copy_seeds

    imported = held_views_import
    window = painted_window(qtbot)
    thread = window._views_import
    assert thread is not None and thread.is_alive()
    with qtbot.waitSignal(window.load_finished, timeout=LOAD_TIMEOUT_MS):
        window.open_paths(copy_seeds(tmp_path / "files", 2))
    assert thread.is_alive(), "the load's end waited for the views' import"
    assert window._compare_view is None and window._claims_view is None
    assert window.status_text().startswith("2 articles")
    imported.set()  # the import ends: the views' timer builds them, with what is loaded
    qtbot.waitUntil(lambda: window._claims_view is not None, timeout=LOAD_TIMEOUT_MS)
    assert [a.article_id for a in window.compare_view.analyses()] == \
        [a.article_id for a in window.analyses()]
