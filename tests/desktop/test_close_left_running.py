"""Closing waits for each worker a bounded time, and what still runs after it is said and
left, never ignored: the analysis worker, a thread autosave (whose late file never comes
back after the autosave was removed), and the process then ends cleanly without them."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from desktop import qt_chart_job, qt_main_window, qt_project, qt_worker
from models.project import load_project
from tests.desktop.conftest import LOAD_TIMEOUT_MS, copy_seeds, load

HOLD_SECONDS = 30  # the most a held worker waits for the test to let it go


class HeldAnalysis:
    """AnalysisTask.run replaced: it waits until the test lets it go (a worker that does
    not stop when cancelled), then reports its cancel."""

    def __init__(self) -> None:
        self.entered = threading.Event()
        self.release = threading.Event()

    def run(self, task: Any) -> None:
        self.entered.set()
        self.release.wait(HOLD_SECONDS)
        task.signals.cancelled.emit()
        task.done.set()


def test_closing_says_which_worker_it_did_not_wait_for(
    qtbot: Any, window: Any, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture,
) -> None:
    held = HeldAnalysis()
    monkeypatch.setattr(qt_worker.AnalysisTask, "run", lambda task: held.run(task))
    monkeypatch.setattr(qt_main_window, "CLOSE_WAIT_MS", 200)
    window.runner.start(["nothing-read.txt"])
    assert held.entered.wait(HOLD_SECONDS)
    with caplog.at_level(logging.WARNING, logger="framescope"):
        window.close()
    try:
        assert window.left_running == ["the analysis"]
        assert "Closed without waiting longer for the analysis" in caplog.text
    finally:
        held.release.set()
        assert window.runner._pool.waitForDone(HOLD_SECONDS * 1000)


def test_a_closed_window_with_a_worker_left_ends_its_process_cleanly(tmp_path: Path) -> None:
    """The whole app (desktop.qt_app.run_gui) in a process of its own: its analysis
    worker never stops; the window closes after 0.3 s, says so, and the process ends
    at once with exit code 0, without a traceback or a deleted signal source (the
    interpreter's end would otherwise wait for the worker for ever)."""
    script = tmp_path / "close_with_worker.py"
    script.write_text(
        "import sys, threading\n"
        "from desktop import qt_main_window, qt_project, qt_worker\n"
        "from desktop.qt_app import create_application, run_gui\n"
        "qt_main_window.CLOSE_WAIT_MS = 300\n"
        "qt_project.ask_unsaved_changes = lambda *a, **k: 'discard'\n"
        "never = threading.Event()\n"
        "qt_worker.AnalysisTask.run = lambda task: never.wait()\n"
        "app = create_application()\n"
        "from PySide6.QtCore import QTimer\n"
        "def close_once_running():\n"
        "    windows = [w for w in app.topLevelWidgets() if isinstance(w, qt_main_window.MainWindow)]\n"
        "    if windows and windows[0].runner.is_running():\n"
        "        windows[0].close()\n"
        "    else:\n"
        "        QTimer.singleShot(50, close_once_running)\n"
        "QTimer.singleShot(50, close_once_running)\n"
        "sys.exit(run_gui([sys.argv[1]]))\n",
        encoding="utf-8",
    )
    corpus = copy_seeds(tmp_path / "corpus", 1)[0].parent
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path),
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"))
    try:
        ended = subprocess.run([sys.executable, str(script), str(corpus)], env=env,
                               capture_output=True, text=True, timeout=120)
    except subprocess.TimeoutExpired as stuck:
        pytest.fail(f"the process did not end after its window closed: {stuck.stderr!r}")
    assert ended.returncode == 0, ended.stderr
    assert "Closed without waiting longer for the analysis" in ended.stderr
    assert "Ending without waiting for the analysis" in ended.stderr
    assert "Traceback" not in ended.stderr and "Signal source" not in ended.stderr


class HeldAutosave:
    """write_autosave replaced: it waits until the test lets it go, then writes."""

    def __init__(self) -> None:
        self.entered = threading.Event()
        self.release = threading.Event()
        self.written = threading.Event()

    def write(self, *args: Any) -> None:
        self.entered.set()
        self.release.wait(HOLD_SECONDS)
        try:
            real_write_autosave(*args)
        finally:
            self.written.set()


real_write_autosave = qt_project.write_autosave


@pytest.fixture
def held_autosave(monkeypatch: pytest.MonkeyPatch) -> HeldAutosave:
    """Every autosave is written on a thread (no fork), and held there."""
    held = HeldAutosave()
    monkeypatch.setattr(qt_project, "BACKGROUND_AUTOSAVE_ARTICLES", 0)
    monkeypatch.setattr(qt_chart_job, "start_job", lambda *a, **k: None)
    monkeypatch.setattr(qt_project, "write_autosave", held.write)
    monkeypatch.setattr(qt_project, "AUTOSAVE_WAIT_SECONDS", 0.2)
    return held


def test_a_save_does_not_wait_for_an_autosave_and_its_late_file_stays_removed(
    qtbot: Any, window: Any, tmp_path: Path, user_folders: dict[str, Path],
    held_autosave: HeldAutosave,
) -> None:
    load(qtbot, window, copy_seeds(tmp_path / "corpus", 2))
    autosave = user_folders["data"] / "autosave.framescope"
    project = window.project
    assert project.autosave()
    assert held_autosave.entered.wait(HOLD_SECONDS)
    study = tmp_path / "study.framescope"
    try:
        assert project.save_to(study)
        # Saved while the autosave thread still waits to write: not waited for.
        assert not held_autosave.written.is_set()
        assert not autosave.exists()
        saved = study.read_bytes()
    finally:
        held_autosave.release.set()
    assert held_autosave.written.wait(HOLD_SECONDS)
    late = list(project._late_autosaves)
    qtbot.waitUntil(lambda: not any(job._thread.is_alive() for job in late),
                    timeout=LOAD_TIMEOUT_MS)
    # The late write did not bring the removed autosave back, nor left its temporary file;
    # the user's project file is as saved.
    assert not autosave.exists()
    assert not list(autosave.parent.glob(".autosave.framescope.*.saving"))
    assert study.read_bytes() == saved and len(load_project(study).articles) == 2
    # Autosaving goes on after it (a new turn): the next change is autosaved again.
    window.table_model.setData(window.table_model.index(0, 0), "After The Save")
    held_autosave.entered.clear()
    assert project.autosave()
    qtbot.waitUntil(lambda: project._autosave_job is None, timeout=LOAD_TIMEOUT_MS)
    assert {a.outlet for a in load_project(autosave).articles} >= {"After The Save"}


def test_closing_waits_a_bounded_time_for_an_autosave_thread(
    qtbot: Any, window: Any, tmp_path: Path, user_folders: dict[str, Path],
    held_autosave: HeldAutosave, caplog: pytest.LogCaptureFixture,
) -> None:
    load(qtbot, window, copy_seeds(tmp_path / "corpus", 2))
    autosave = user_folders["data"] / "autosave.framescope"
    assert window.project.autosave()
    assert held_autosave.entered.wait(HOLD_SECONDS)
    try:
        with caplog.at_level(logging.WARNING, logger="framescope"):
            window.close()  # "discard" (tests' answer): a clean close drops the autosave
        assert not held_autosave.written.is_set()
        assert window.left_running == ["the autosave being written (the one before it "
                                       "stays whole)"]
        assert "Closed without waiting longer for the autosave being written" in caplog.text
    finally:
        held_autosave.release.set()
    assert held_autosave.written.wait(HOLD_SECONDS)
    late = window.project._late_autosaves
    qtbot.waitUntil(lambda: not any(job._thread.is_alive() for job in late),
                    timeout=LOAD_TIMEOUT_MS)
    assert not autosave.exists()
    assert not list(autosave.parent.glob(".autosave.framescope.*.saving"))


def test_a_report_closing_did_not_wait_for_is_named_at_the_next_start(
    qtbot: Any, window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The status bar that said it went with the window: the next start says it again,
    once, and removes the report's temporary file (the process ended without its cleanup)."""
    from desktop import report
    from desktop.qt_main_window import MainWindow
    from models.export import temporary_beside

    stem = tmp_path / "study report"
    part = temporary_beside(stem.with_suffix(".html"))
    entered, release = threading.Event(), threading.Event()

    def held_write(*args: Any) -> list[Path]:
        part.write_text("half a report", encoding="utf-8")
        entered.set()
        release.wait(HOLD_SECONDS)
        return []

    monkeypatch.setattr(report, "write_report", held_write)
    monkeypatch.setattr(qt_project, "REPORT_CLOSE_WAIT_SECONDS", 0.2)
    task = window.project.export_report(stem, ["html"])
    assert entered.wait(HOLD_SECONDS)
    try:
        window.close()
        assert window.left_running == ["1 report(s) still being written"]
    finally:
        release.set()
    assert task.done.wait(HOLD_SECONDS)
    starts = []
    for _ in range(2):
        later = MainWindow()
        qtbot.addWidget(later)
        later.project.start_session()
        starts.append(later.statusBar().currentMessage())
        later.close()
    assert "study report.html" in starts[0] and "export it again" in starts[0]
    assert not part.exists()
    assert starts[1] == ""  # said once
