"""File > Export Chart… draws and writes the chart on a thread, not on the GUI thread.

Drawing a chart at export size and 200 dpi is up to seconds of matplotlib work; on the GUI
thread the window was frozen as long (issue 6 item 3: the window never stalls more than
50 ms). The files are written beside and renamed (never half-written), a failure says why
and keeps the user's files, and closing the window lets an export under way finish."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from matplotlib.figure import Figure
from PySide6.QtCore import QTimer

from desktop import qt_compare_view
from tests.desktop.conftest import copy_seeds, load
from tests.desktop.test_project_ui import patch_save_dialog


@pytest.fixture
def held_save(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """save_figure waits for the event it returns (at most 20 s) before it writes; the
    threads it ran on are in ``.saved_on``."""
    release = threading.Event()
    saved_on: list[str] = []
    real = qt_compare_view.save_figure

    def held(figure: Any, path: Path) -> None:
        saved_on.append(threading.current_thread().name)
        release.wait(20)
        real(figure, path)

    monkeypatch.setattr(qt_compare_view, "save_figure", held)
    release.saved_on = saved_on  # type: ignore[attr-defined]
    return release


def test_the_chart_is_drawn_and_written_on_a_thread_while_the_window_answers(
    qtbot: Any, window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    held_save: threading.Event,
) -> None:
    load(qtbot, window, copy_seeds(tmp_path / "corpus"))
    target = tmp_path / "out" / "hedges.png"
    patch_save_dialog(monkeypatch, target, "PNG image (*.png)")
    window.action_export_chart.trigger()  # returns while the file is still being written
    assert window.compare_view.exporting() and not target.exists()
    assert window.statusBar().currentMessage() == "Saving hedges.png…"
    answered: list[bool] = []
    QTimer.singleShot(0, lambda: answered.append(True))
    qtbot.waitUntil(lambda: answered == [True], timeout=10_000)  # the window's events run
    assert not target.exists()
    with qtbot.waitSignal(window.chart_exported, timeout=60_000) as ended:
        held_save.set()
    assert ended.args == [target, ""]
    assert held_save.saved_on == ["chart-job"]  # type: ignore[attr-defined]
    assert target.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert (tmp_path / "out" / "hedges.csv").read_text(encoding="utf-8").startswith("outlet")
    assert window.statusBar().currentMessage() == (
        "Saved hedges.png, its data hedges.csv and its codebook, hedges (codebook).csv")
    assert not window.compare_view.exporting()
    assert sorted(p.name for p in target.parent.iterdir()) == [
        "hedges (codebook).csv", "hedges.csv", "hedges.png"]


def test_a_failed_export_says_why_and_leaves_the_users_file_as_it_was(
    qtbot: Any, window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    shown_errors: list[tuple[str, str, str]],
) -> None:
    load(qtbot, window, copy_seeds(tmp_path / "corpus"))
    target = tmp_path / "study" / "hedges.svg"
    target.parent.mkdir()
    target.write_text("the user's own drawing", encoding="utf-8")

    def disk_full(self: Figure, fname: Any, **kwargs: Any) -> None:
        Path(fname).write_bytes(b"<svg half")  # part of the file, then the disk is full
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Figure, "savefig", disk_full)
    patch_save_dialog(monkeypatch, target, "SVG image (*.svg)")
    with qtbot.waitSignal(window.chart_exported, timeout=60_000) as ended:
        window.action_export_chart.trigger()
    assert ended.args == [target, "No space left on device"]
    assert len(shown_errors) == 1
    title, text, _ = shown_errors[0]
    assert title == "Could not save"
    assert str(target) in text and "No space left on device" in text
    assert target.read_text(encoding="utf-8") == "the user's own drawing"
    assert [p.name for p in target.parent.iterdir()] == ["hedges.svg"]  # no part left


def test_closing_the_window_lets_an_export_under_way_finish(
    qtbot: Any, window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    held_save: threading.Event,
) -> None:
    load(qtbot, window, copy_seeds(tmp_path / "corpus"))
    target = tmp_path / "hedges.pdf"
    patch_save_dialog(monkeypatch, target, "PDF document (*.pdf)")
    window.action_export_chart.trigger()
    assert window.compare_view.exporting()
    window.project.set_modified(False)  # nothing to ask about on closing
    threading.Timer(0.2, held_save.set).start()  # the drawing goes on while the window closes
    window.close()
    assert target.read_bytes().startswith(b"%PDF")
    assert not window.compare_view.exporting()
