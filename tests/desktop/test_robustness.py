"""Robust at run time: no network ever, a failing article is reported, Cancel is prompt,
closing the window mid-run exits cleanly."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog

from tests.desktop.conftest import LOAD_TIMEOUT_MS, SEED_COUNT, load
from tests.process_tree import children, wait_ended

REPO = Path(__file__).resolve().parents[2]

# Installed in every Python process of a subprocess test (the CLI, its pool workers):
# any attempt to open a network connection or resolve a name is recorded and refused.
NO_NETWORK_SITE = '''
import os, socket
_LOG = os.environ["FRAMESCOPE_TEST_NETWORK_LOG"]
def _refuse(*args, **kwargs):
    with open(_LOG, "a", encoding="utf-8") as handle:
        handle.write(f"{os.getpid()} network attempt: {args!r}\\n")
    raise OSError("network access is blocked in this test")
socket.socket.connect = _refuse
socket.socket.connect_ex = _refuse
socket.socket.bind = _refuse
socket.create_connection = _refuse
socket.getaddrinfo = _refuse
socket.gethostbyname = _refuse
'''


class NetworkAttempt(AssertionError):
    pass


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[Any, ...]]]:
    """Every socket connect, bind and name lookup in this process fails the test."""
    attempts: list[tuple[Any, ...]] = []

    def refuse(*args: Any, **kwargs: Any) -> Any:
        attempts.append(args)
        raise NetworkAttempt(f"network access attempted: {args!r}")

    for name in ("connect", "connect_ex", "bind"):
        monkeypatch.setattr(socket.socket, name, refuse)
    for name in ("create_connection", "getaddrinfo", "gethostbyname"):
        monkeypatch.setattr(socket, name, refuse)
    yield attempts
    assert attempts == []


def corpus(folder: Path, copies: int) -> Path:
    """The seeds ``copies`` times over, each copy distinct (enough for the process pool)."""
    folder.mkdir(parents=True, exist_ok=True)
    for copy in range(copies):
        for seed in sorted((REPO / "seeds").glob("*.txt")):
            text = seed.read_text(encoding="utf-8")
            (folder / f"{seed.stem}_{copy:03d}.txt").write_text(
                f"{text}\nThis is copy number {copy}.\n", encoding="utf-8"
            )
    return folder


def test_the_app_opens_analyses_and_exports_without_network(
    qtbot: Any, window: Any, seed_dir: Path, tmp_path: Path, no_network: list[Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The analysis process (and any pool worker it starts) gets the guard too.
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(NO_NETWORK_SITE, encoding="utf-8")
    log = tmp_path / "network.log"
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(site), str(REPO)]))
    monkeypatch.setenv("FRAMESCOPE_TEST_NETWORK_LOG", str(log))
    processes: list[Any] = []
    window.runner.started.connect(
        lambda: processes.append(window.runner.current_task().runs_in_process()))
    load(qtbot, window, [seed_dir])
    assert window.table_model.rowCount() == SEED_COUNT
    assert processes == [True]  # the files were read and analysed in the analysis process
    assert not log.exists(), log.read_text(encoding="utf-8")
    assert window.export_table(tmp_path / "scores.csv")
    for key in ("measure_by_outlet", "outlet_heatmap", "tone_strips", "similarity"):
        window.compare_view.select_chart(key)
        assert window.export_chart(tmp_path / f"{key}.png")
    window.show_methods()
    assert (tmp_path / "scores.csv").stat().st_size > 0
    assert no_network == []
    assert not log.exists(), log.read_text(encoding="utf-8")


@pytest.mark.slow
def test_analyze_on_the_pool_never_touches_the_network(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(NO_NETWORK_SITE, encoding="utf-8")
    log = tmp_path / "network.log"
    folder = corpus(tmp_path / "corpus", copies=12)  # 60 articles: the process pool runs
    env = {**os.environ, "PYTHONPATH": str(site), "FRAMESCOPE_TEST_NETWORK_LOG": str(log)}
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "analyze", str(REPO / "seeds"), str(folder),
         "--out", str(tmp_path / "out"), "--jobs", "2"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=600,
    )
    assert done.returncode == 0, done.stderr
    assert "65 articles" in done.stdout
    assert not log.exists(), log.read_text(encoding="utf-8")
    # The guard really is installed in the processes it watches.
    probe = subprocess.run(
        [sys.executable, "-c", "import socket; socket.create_connection(('127.0.0.1', 9))"],
        env=env, capture_output=True, text=True, timeout=60,
    )
    assert probe.returncode != 0 and "network access is blocked" in probe.stderr
    assert log.exists()


def test_an_article_whose_analysis_fails_is_a_load_problem_and_the_rest_load(
    qtbot: Any, window: Any, seed_dir: Path, failing_seed: str,
) -> None:
    # The analysis is replaced in this process (failing_seed): run it on the runner's
    # thread. (In the analysis process the same path is taken: tests/models/test_engines.py.)
    load(qtbot, window, [seed_dir])
    assert window.table_model.rowCount() == SEED_COUNT - 1
    [problem] = window.load_problems()
    assert Path(problem.file).name.startswith(failing_seed)
    assert problem.file.endswith("003_7925c5d76f714f91.txt")
    from models.engines import ANALYSIS_FAILED

    assert problem.reason == ANALYSIS_FAILED  # "the analysis failed: KeyError: ..." before
    assert window.problems_dock.isVisible()
    tree = window.problems_panel.tree
    assert tree.topLevelItem(0).text(1) == problem.reason


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_cancel_stops_a_big_run(qtbot: Any, window: Any, tmp_path: Path) -> None:
    """Cancel during the analysis: the run ends as cancelled, its processes end, and
    nothing more reaches the window. How soon ("within a second", issue 6 item 5) is
    measured by bench/cancel_latency.py, not here: a wall-clock bound in a test fails
    on a loaded machine (it did once at load 11)."""
    folder = corpus(tmp_path / "big", copies=80)  # 400 articles: seconds of work
    reached: list[float] = []
    window.runner.progress.connect(reached.append)
    shown: list[Any] = []
    window.runner.analysed.connect(shown.extend)
    ends: list[str] = []
    window.runner.finished.connect(lambda _result: ends.append("finished"))
    window.runner.failed.connect(lambda _message: ends.append("failed"))
    window.runner.cancelled.connect(lambda: ends.append("cancelled"))
    window.open_paths([folder])
    # Wait until the analysis itself is under way (past the reading stage's first part).
    qtbot.waitUntil(lambda: bool(reached) and reached[-1] > 0.1, timeout=LOAD_TIMEOUT_MS)
    assert window.is_busy()
    task = window.runner.current_task()
    process = task.process
    workers = children(process.pid)
    assert workers, "the analysis process had started no pool workers"
    with qtbot.waitSignal(window.runner.cancelled, timeout=LOAD_TIMEOUT_MS):
        qtbot.mouseClick(window.cancel_button, _left())
    progress_at_cancel, shown_at_cancel = len(reached), len(shown)
    assert not window.is_busy()
    assert not window.cancel_button.isVisible() and not window.progress_bar.isVisible()
    # The work stopped: the analysis process ended (it did not run on to the end: the
    # run was not finished) and took its pool workers with it.
    assert task.done.wait(LOAD_TIMEOUT_MS / 1000)
    assert process.exitcode is not None
    assert wait_ended(sorted(workers)) == []
    assert len(shown) < 400
    # Nothing arrives after Cancel: whatever the relay had queued is dropped.
    qtbot.wait(300)
    assert (len(reached), len(shown)) == (progress_at_cancel, shown_at_cancel)
    assert ends == ["cancelled"]
    # What was shown before Cancel stays.
    assert window.table_model.rowCount() == len(shown)
    assert "cancelled" in window.status_text()


def _left() -> Any:
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


CLOSE_WHILE_RUNNING = r"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from desktop import qt_app

app = qt_app.create_application()
closed = []

def close_when_analysing():
    for widget in QApplication.topLevelWidgets():
        if widget.objectName() == "MainWindow" and widget.is_busy() \
                and widget.progress_bar.value() > 100:
            sys.stdout.write(f"closing at {widget.progress_bar.value() / 10:.0f}%\n")
            closed.append(widget)
            widget.close()
            return
    QTimer.singleShot(10, close_when_analysing)

QTimer.singleShot(10, close_when_analysing)
code = qt_app.run_gui([sys.argv[1]])
sys.stdout.write(f"exited {code}; rows {closed[0].table_model.rowCount() if closed else -1}\n")
sys.exit(code)
"""


@pytest.mark.slow
def test_closing_the_window_during_analysis_exits_cleanly(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "big", copies=80)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "cfg")}
    done = subprocess.run(
        [sys.executable, "-c", CLOSE_WHILE_RUNNING, str(folder)],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=600,
    )
    assert done.returncode == 0, done.stderr
    assert "closing at" in done.stdout
    assert "exited 0; rows" in done.stdout
    # No Qt warnings, no tracebacks, no "QThread: Destroyed while thread is still running".
    assert done.stderr == ""


def test_no_open_dialog_touches_the_network(
    qtbot: Any, window: Any, seed_dir: Path, no_network: list[Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # File > Open, as the user does it (the dialog answered by the test).
    files = [str(p) for p in sorted(seed_dir.glob("*.txt"))]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (files, ""))
    with qtbot.waitSignal(window.runner.finished, timeout=LOAD_TIMEOUT_MS):
        window.action_open_files.trigger()
    assert window.table_model.rowCount() == SEED_COUNT
