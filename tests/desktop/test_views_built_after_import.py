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
