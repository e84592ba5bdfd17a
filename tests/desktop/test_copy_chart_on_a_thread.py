"""File > Copy Chart draws the chart on a thread, not on the GUI thread.

Drawing a chart at export size and 150 dpi is up to a second of matplotlib work for 30
outlets; on the GUI thread the window was frozen as long (issue 6 item 3: the window never
stalls more than 50 ms). Only handing the image to the clipboard happens on the GUI thread."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication

from desktop import qt_compare_view
from tests.desktop.conftest import copy_seeds, load


@pytest.fixture
def held_copy(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """The copy's drawing waits for the event it returns (at most 20 s) before it draws;
    the threads it ran on are in ``.drawn_on``."""
    release = threading.Event()
    drawn_on: list[str] = []
    real = qt_compare_view.copy_image

    def held(*args: Any) -> Any:
        drawn_on.append(threading.current_thread().name)
        release.wait(20)
        return real(*args)

    monkeypatch.setattr(qt_compare_view, "copy_image", held)
    release.drawn_on = drawn_on  # type: ignore[attr-defined]
    return release


def test_the_copy_is_drawn_on_a_thread_while_the_window_answers(
    qtbot: Any, window: Any, tmp_path: Path, held_copy: threading.Event,
) -> None:
    load(qtbot, window, copy_seeds(tmp_path / "corpus"))
    clipboard = QGuiApplication.clipboard()
    clipboard.clear()
    window.action_copy_chart.trigger()  # returns while the chart is still being drawn
    assert window.compare_view.copying()
    assert window.statusBar().currentMessage() == "Copying the chart…"
    answered: list[bool] = []
    QTimer.singleShot(0, lambda: answered.append(True))
    qtbot.waitUntil(lambda: answered == [True], timeout=10_000)  # the window's events run
    assert clipboard.image().isNull()
    with qtbot.waitSignal(window.chart_copied, timeout=60_000) as ended:
        held_copy.set()
    assert ended.args == [""]
    assert held_copy.drawn_on == ["chart-job"]  # type: ignore[attr-defined]
    image = clipboard.image()
    # Export size (at least 10 x 6 inches) at 150 dpi, as before.
    assert not image.isNull() and image.width() >= 1500 and image.height() >= 900
    assert window.statusBar().currentMessage() == "Chart copied to the clipboard"
    assert not window.compare_view.copying()
    # The chart on screen still answers the mouse on its own figure (a copy was plotted).
    chart = window.compare_view.current_chart()
    assert chart._ax is not None and chart._ax.figure is window.compare_view.current_figure()


def test_a_failed_copy_says_why_and_leaves_the_clipboard_alone(
    qtbot: Any, window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    load(qtbot, window, copy_seeds(tmp_path / "corpus"))
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("the user's own text")

    def broken(*_: Any) -> Any:
        raise MemoryError("no memory for a 1500 x 900 image")

    monkeypatch.setattr(qt_compare_view, "copy_image", broken)
    with qtbot.waitSignal(window.chart_copied, timeout=60_000) as ended:
        window.action_copy_chart.trigger()
    assert "no memory for a 1500 x 900 image" in ended.args[0]
    assert window.statusBar().currentMessage().startswith("Could not copy the chart: ")
    assert "no memory" in window.statusBar().currentMessage()
    assert clipboard.text() == "the user's own text"
    assert not window.compare_view.copying()


def test_closing_the_window_during_a_copy_ends_its_thread(
    qtbot: Any, window: Any, tmp_path: Path, held_copy: threading.Event,
) -> None:
    load(qtbot, window, copy_seeds(tmp_path / "corpus"))
    window.action_copy_chart.trigger()
    assert window.compare_view.copying()
    window.project.set_modified(False)  # nothing to ask about on closing
    threading.Timer(0.2, held_copy.set).start()  # the drawing goes on while the window closes
    window.close()
    assert not window.compare_view.copying()
    assert not [t for t in threading.enumerate() if t.name == "chart-job"]
