"""No garbage collection runs on the views' import thread (MainWindow._prepare_views).

The import makes ~120,000 objects (matplotlib, its font list, numpy, the charts); the
collections they made due ran on the "import-views" thread, each walking every object the
window had not frozen while holding the interpreter lock, and the GUI thread waited:
full collections of 30-270 ms there, inside a first load's longest heartbeat gaps
(bench/first_use_join.py with gc callbacks, session 18). Collection is paused before the
thread runs any Python and resumed on the GUI thread once it has ended, with what the
import made frozen (gc.freeze), so that the collection it made due does not run then."""

from __future__ import annotations

import gc
import importlib
import threading
from typing import Any

import pytest

from tests.desktop.conftest import painted_window


def test_the_views_import_collects_nothing_on_its_thread_and_collection_resumes_after_it(
    qtbot: Any, held_views_import: threading.Event, monkeypatch: pytest.MonkeyPatch,
) -> None:
    from desktop import collection

    assert gc.isenabled(), "an earlier test left garbage collection switched off"
    # Once let go, the held import makes as many young objects as make collections due
    # (a real first import makes ~120,000).
    young: list[object] = []
    held = importlib.import_module

    def allocating(name: str, package: str | None = None) -> Any:
        module = held(name, package)
        if threading.current_thread().name == "import-views":
            young.append([[] for _ in range(20 * gc.get_threshold()[0])])
        return module

    monkeypatch.setattr(importlib, "import_module", allocating)
    resumed: list[tuple[str, bool]] = []
    real_resume = collection.resume_collection

    def resume() -> None:
        resumed.append((threading.current_thread().name, thread.is_alive()))
        real_resume()

    monkeypatch.setattr(collection, "resume_collection", resume)
    collected_on: list[str] = []

    def record(phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            collected_on.append(threading.current_thread().name)

    frozen_before = gc.get_freeze_count()
    gc.callbacks.append(record)
    try:
        window = painted_window(qtbot)  # the import has begun on its thread, held
        thread = window._views_import
        assert thread is not None and thread.is_alive()
        assert not gc.isenabled()  # paused from before the thread ran any Python
        held_views_import.set()
        thread.join(30)
        assert not thread.is_alive()
        assert len(young) >= 2  # collections were due on the thread...
        assert "import-views" not in collected_on  # ...and none ran there
        qtbot.waitUntil(gc.isenabled, timeout=10_000)  # resumed, in the event loop
    finally:
        held_views_import.set()
        gc.callbacks.remove(record)
    # On the GUI thread, once the import thread had ended; what it made is frozen.
    assert resumed == [("MainThread", False)]
    assert gc.get_freeze_count() >= frozen_before + sum(len(y) for y in young)  # type: ignore[arg-type]
