"""Ending from outside: a stop signal (SIGTERM, SIGHUP, SIGINT) or the desktop session's end.

Before session 17 a SIGTERM killed the app where it stood (Python's default action):
unsaved work survived only in the last autosave (up to a minute old, and none while
files were being analysed), and the analysis process was left to its own end. Now the
app ends as a clean quit that asks nothing: her unsaved work is autosaved and offered at
the next start, as after a crash, and the process exits 0.

The signal tests run the whole app (desktop.qt_app.run_gui, its real event loop) in a
fresh interpreter and send it a real signal with os.kill.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from desktop import qt_project
from desktop.qt_ending import SIGNALS_WATCHED
from desktop.qt_project import SESSION_END
from desktop.table_columns import OUTLET_COLUMN
from tests.desktop.conftest import REPO, copy_seeds, load

# Stop signals are watched where the app watches them (POSIX: desktop.qt_ending); on
# Windows os.kill ends the process at once and the app has no SIGHUP to watch, so these
# tests would fail there (and naming signal.SIGHUP would stop the whole file's
# collection). The desktop session's end, below, is tested everywhere.
stop_signals = pytest.mark.skipif(not SIGNALS_WATCHED,
                                  reason="stop signals are watched on POSIX systems only")

# The app as run_gui starts it, with a driver: after the first load it edits the first
# article's outlet with real keys (F2, typing, Return), then, by mode: "busy" starts a
# second load (the analysis runs), "box" closes the window (the Save/Discard box opens),
# "idle" does nothing more; "clean" edits nothing; "restore" drives nothing (the restore
# question of a crashed session is the first thing on screen). It prints "ready" when the
# signal may come, and what the window was doing when the end began.
DRIVER = """
import json, multiprocessing, os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox
from desktop import qt_app
from desktop.qt_main_window import MainWindow
from desktop.qt_project import ProjectController
from desktop.table_columns import OUTLET_COLUMN

def say(**what):
    sys.stdout.write(json.dumps(what) + "\\n")
    sys.stdout.flush()

if __name__ == "__main__":
    first, more, mode = sys.argv[1:4]
    app = qt_app.create_application()
    real_end = getattr(MainWindow, "end_from_outside", None)  # (None before session 17)
    ended = []

    def end(self, reason):
        if not ended:
            import multiprocessing
            ended.append(reason)
            say(ending=reason, busy=self.is_busy(),
                box=type(QApplication.activeModalWidget()).__name__,
                children=[child.pid for child in multiprocessing.active_children()])
        real_end(self, reason)

    if real_end is not None:
        MainWindow.end_from_outside = end
    step = [0]

    def drive():
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        if mode == "restore":
            if step[0] == 0 and isinstance(QApplication.activeModalWidget(), QMessageBox):
                step[0] = 1
                say(ready=True, question=QApplication.activeModalWidget().text())
            return
        if not windows or not hasattr(windows[0], "project"):
            return
        window = windows[0]
        if step[0] == 0 and window.table_model.rowCount() and not window.is_busy():
            step[0] = 1
            say(autosave=str(ProjectController.autosave_path()))
            if mode != "clean":
                table = window.table
                table.setFocus()
                table.setCurrentIndex(table.model().index(0, OUTLET_COLUMN))
                QTest.keyClick(table, Qt.Key.Key_F2)
                editor = QApplication.focusWidget()
                editor.selectAll()
                QTest.keyClicks(editor, "Her Outlet")
                QTest.keyClick(editor, Qt.Key.Key_Return)
            if mode == "busy":
                window.open_paths([Path(more)])
            elif mode == "box":
                QTimer.singleShot(0, window.close)
        elif step[0] == 1:
            # The analysis process is started by the runner's thread a moment after the
            # load begins: the signal must come once it runs (ci49 sent it before).
            if mode == "busy" and not (window.is_busy() and multiprocessing.active_children()):
                return
            if mode == "box" and not isinstance(QApplication.activeModalWidget(), QMessageBox):
                return
            step[0] = 2
            say(ready=True, outlet=window.analyses()[0].outlet,
                modified=window.project.is_modified(), busy=window.is_busy(),
                children=[child.pid for child in multiprocessing.active_children()])

    timer = QTimer()
    timer.timeout.connect(drive)
    timer.start(20)
    code = qt_app.run_gui([first])
    say(exit=code)
    sys.exit(code)
"""

# The next start: the restore question answered Yes; what it asked and what was restored.
RESTART = """
import json, os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from desktop import qt_app, qt_project
from desktop.qt_main_window import MainWindow

if __name__ == "__main__":
    asked = []

    def ask(parent, saved_at, name, ended_by=""):
        asked.append({"name": name, "ended_by": ended_by})
        return True

    qt_project.ask_restore_session = ask
    app = qt_app.create_application()

    def check():
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        if not windows or not hasattr(windows[0], "project"):
            return
        window = windows[0]
        if window.is_busy() or not window.table_model.rowCount():
            return
        sys.stdout.write(json.dumps({"asked": asked,
                                     "outlets": [a.outlet for a in window.analyses()]}) + "\\n")
        sys.stdout.flush()
        os._exit(0)

    timer = QTimer()
    timer.timeout.connect(check)
    timer.start(20)
    qt_app.run_gui([sys.argv[1]])
"""

#: A hang guard only: the end's own waits are bounded (CLOSE_WAIT_MS and the like).
END_LIMIT_S = 90


def _env(home: Path) -> dict[str, str]:
    return {"PATH": "/usr/bin:/bin", "HOME": str(home), "XDG_CONFIG_HOME": str(home / "config")}


def _settings_text(home: Path) -> str:
    found = list((home / "config").rglob("*.ini"))
    return found[0].read_text(encoding="utf-8") if found else ""


def run_and_signal(home: Path, args: list[str], number: int) -> dict[str, Any]:
    """Start the app with DRIVER, send ``number`` once it says ready; its lines, exit code
    and how long it took to end after the signal."""
    home.mkdir(exist_ok=True)
    process = subprocess.Popen(
        [sys.executable, "-X", "faulthandler", "-c", DRIVER, *args], cwd=REPO, env=_env(home),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    watchdog = threading.Timer(240, process.kill)  # a hung app fails the test, not the suite
    watchdog.start()
    lines: list[dict[str, Any]] = []
    try:
        assert process.stdout is not None
        for line in process.stdout:
            lines.append(json.loads(line))
            if lines[-1].get("ready"):
                break
        assert lines and lines[-1].get("ready"), (lines, process.communicate()[1])
        sent = time.monotonic()
        os.kill(process.pid, number)
        out, err = process.communicate(timeout=END_LIMIT_S)
        seconds = time.monotonic() - sent
    finally:
        watchdog.cancel()
        if process.poll() is None:
            process.kill()
    lines += [json.loads(line) for line in out.splitlines()]
    return {"lines": lines, "code": process.returncode, "stderr": err, "seconds": seconds}


def line_with(lines: list[dict[str, Any]], key: str) -> dict[str, Any]:
    found = [line for line in lines if key in line]
    assert found, (key, lines)
    return found[0]


def saved_settings(path: Path) -> dict[str, Any]:
    from models.project import load_project

    return load_project(path).settings


def saved_outlets(path: Path) -> list[str]:
    from models.project import load_project

    return [article.outlet for article in load_project(path).articles]


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    """Three seeds to start with; 300 more, each distinct, for a load that runs a while."""
    first = tmp_path / "first"
    copy_seeds(first, 3)
    more = tmp_path / "more"
    more.mkdir()
    for copy in range(60):
        for seed in copy_seeds(tmp_path / "seeds5", 5):
            text = seed.read_text(encoding="utf-8")
            (more / f"{seed.stem}_{copy:02d}.txt").write_text(f"{text}\nCopy {copy}.\n",
                                                             encoding="utf-8")
    return first, more


@stop_signals
def test_sigterm_while_files_are_analysed_keeps_her_edit_for_the_next_start(
    tmp_path: Path, files: tuple[Path, Path],
) -> None:
    first, more = files
    home = tmp_path / "home"
    run = run_and_signal(home, [str(first), str(more), "busy"], signal.SIGTERM)
    lines = run["lines"]
    assert run["code"] == 0, run["stderr"]
    ending = line_with(lines, "ending")
    assert ending["ending"] == "a stop signal (SIGTERM)"
    assert ending["busy"], "the signal came while the second load was analysed"
    # The analysis process ran when the signal was sent ("ready" waits for it). It may
    # have sent its last batch and ended before the window heard the signal (ci on
    # a0bb3fc: the window was still adding that batch), so it is taken from "ready".
    children = line_with(lines, "ready")["children"]
    assert children, "the analysis process ran"
    # Her edit (typed before the second load) is in the autosave, with the first files.
    autosave = Path(line_with(lines, "autosave")["autosave"])
    outlets = saved_outlets(autosave)
    assert "Her Outlet" in outlets and len(outlets) >= 3
    assert len(outlets) < 303, "the second load had ended before the signal"
    # The folder still being read is in it too, to be read again when she restores it.
    assert saved_settings(autosave)[qt_project.FILES_BEING_READ_KEY] == [str(more)]
    assert "running=true" in _settings_text(home)  # the next start offers it
    # The analysis process did not outlive the window's.
    for pid in {*children, *ending["children"]}:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)
    # The next start offers it as after a crash, says why, and restores her edit.
    done = subprocess.run([sys.executable, "-X", "faulthandler", "-c", RESTART, str(first)],
                          cwd=REPO, env=_env(home), capture_output=True, text=True,
                          timeout=180, check=False)
    assert done.returncode == 0, done.stderr
    restarted = json.loads(done.stdout.splitlines()[-1])
    assert restarted["asked"] == [{"name": "Untitled", "ended_by": "a stop signal (SIGTERM)"}]
    assert restarted["outlets"][:1] == ["Her Outlet"]
    # ...and reads the folder again: every file of both loads, each once.
    assert len(restarted["outlets"]) == 303


@stop_signals
@pytest.mark.parametrize("name", ["SIGHUP", "SIGINT"])
def test_sighup_and_sigint_end_the_app_as_sigterm_does(
    tmp_path: Path, files: tuple[Path, Path], name: str,
) -> None:
    first, more = files
    home = tmp_path / "home"
    number = getattr(signal, name)
    run = run_and_signal(home, [str(first), str(more), "idle"], number)
    assert run["code"] == 0, run["stderr"]
    assert signal.Signals(number).name in line_with(run["lines"], "ending")["ending"]
    assert "Traceback" not in run["stderr"]  # no KeyboardInterrupt from Ctrl+C
    autosave = Path(line_with(run["lines"], "autosave")["autosave"])
    assert saved_outlets(autosave)[0] == "Her Outlet"


@stop_signals
def test_sigterm_while_the_save_box_is_open_closes_it_and_keeps_her_edit(
    tmp_path: Path, files: tuple[Path, Path],
) -> None:
    first, more = files
    home = tmp_path / "home"
    run = run_and_signal(home, [str(first), str(more), "box"], signal.SIGTERM)
    assert run["code"] == 0, run["stderr"]
    assert line_with(run["lines"], "ending")["box"] == "QMessageBox"  # nobody answered it
    autosave = Path(line_with(run["lines"], "autosave")["autosave"])
    assert saved_outlets(autosave)[0] == "Her Outlet"
    assert "running=true" in _settings_text(home)


@stop_signals
def test_sigterm_without_unsaved_work_is_a_clean_end(
    tmp_path: Path, files: tuple[Path, Path],
) -> None:
    first, more = files
    home = tmp_path / "home"
    run = run_and_signal(home, [str(first), str(more), "clean"], signal.SIGTERM)
    assert run["code"] == 0, run["stderr"]
    assert not Path(line_with(run["lines"], "autosave")["autosave"]).exists()
    settings = _settings_text(home)
    assert "running=false" in settings and "ended_by" not in settings


@stop_signals
def test_sigterm_while_the_restore_question_is_open_keeps_the_autosave(
    tmp_path: Path, files: tuple[Path, Path],
) -> None:
    """The question is closed unanswered (as No): the autosave it offered is not deleted."""
    first, more = files
    home = tmp_path / "home"
    run = run_and_signal(home, [str(first), str(more), "idle"], signal.SIGTERM)
    autosave = Path(line_with(run["lines"], "autosave")["autosave"])
    assert autosave.exists()
    again = run_and_signal(home, [str(first), str(more), "restore"], signal.SIGTERM)
    assert again["code"] == 0, again["stderr"]
    assert "Restore" in line_with(again["lines"], "question")["question"]
    assert saved_outlets(autosave)[0] == "Her Outlet"
    assert "running=true" in _settings_text(home)


# A child forked from the window's process (charts, claims and big autosaves are worked
# in forked children) shares the pipe the signals are written to: its own SIGTERM must
# not end the window.
FORKED = """
import json, os, signal, sys, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QEventLoop, QTimer
from desktop import qt_ending
from desktop.qt_app import create_application
from desktop.qt_main_window import MainWindow

app = create_application()
window = MainWindow()
window.show()
watcher = qt_ending.install(app, window)
pid = os.fork()
if pid == 0:
    os.kill(os.getpid(), signal.SIGTERM)
    time.sleep(5)
    os._exit(3)
_, status = os.waitpid(pid, 0)
loop = QEventLoop()
QTimer.singleShot(300, loop.quit)
loop.exec()
print(json.dumps({"child": os.waitstatus_to_exitcode(status), "ending": window.ending}))
sys.stdout.flush()
os._exit(0)
"""


@stop_signals
@pytest.mark.skipif(not hasattr(os, "fork"), reason="charts and big autosaves fork on Linux")
def test_a_forked_childs_own_signal_does_not_end_the_window(tmp_path: Path) -> None:
    from tests.desktop.conftest import last_json_line_of

    seen = last_json_line_of(FORKED, tmp_path)
    assert seen == {"child": -signal.SIGTERM, "ending": None}


# --- the desktop session's end (QGuiApplication.commitDataRequest) -----------------------


class SessionManager:
    """Stands in for the QSessionManager Qt passes with commitDataRequest (Qt makes it
    only for a real X11 session manager): what the app asked of it."""

    def __init__(self, interaction: bool) -> None:
        self.interaction = interaction
        self.calls: list[str] = []

    def allowsInteraction(self) -> bool:  # Qt's name
        self.calls.append("allowsInteraction")
        return self.interaction

    def release(self) -> None:
        self.calls.append("release")

    def cancel(self) -> None:
        self.calls.append("cancel")


@pytest.fixture
def edited_window(qtbot: Any, window: Any, tmp_path: Path) -> Any:
    load(qtbot, window, copy_seeds(tmp_path / "files", 2))
    window.project.start_session()
    window.table_model.setData(window.table_model.index(0, OUTLET_COLUMN), "Her Outlet")
    assert window.project.is_modified()
    return window


def test_logout_with_leave_to_ask_asks_and_cancel_cancels_the_logout(
    edited_window: Any, unsaved_changes_answers: Any,
) -> None:
    unsaved_changes_answers.queue.append("cancel")
    manager = SessionManager(interaction=True)
    edited_window.project.commit_data(manager)
    assert len(unsaved_changes_answers.asked) == 1
    assert manager.calls == ["allowsInteraction", "release", "cancel"]
    assert edited_window.project.is_modified() and edited_window.isVisible()


def test_logout_answered_discard_ends_without_a_second_question(
    edited_window: Any, unsaved_changes_answers: Any,
) -> None:
    unsaved_changes_answers.queue.append("discard")
    manager = SessionManager(interaction=True)
    edited_window.project.commit_data(manager)
    assert manager.calls == ["allowsInteraction", "release"]
    edited_window.close()  # the session's quit that follows
    assert len(unsaved_changes_answers.asked) == 1
    assert not edited_window.isVisible()
    assert not qt_project.ProjectController.autosave_path().exists()


def test_logout_without_leave_to_ask_autosaves_at_once_and_asks_nothing(
    edited_window: Any, unsaved_changes_answers: Any,
) -> None:
    manager = SessionManager(interaction=False)
    edited_window.project.commit_data(manager)
    autosave = qt_project.ProjectController.autosave_path()
    assert saved_outlets(autosave)[0] == "Her Outlet"  # before the session ends the process
    assert manager.calls == ["allowsInteraction"]
    edited_window.close()
    assert unsaved_changes_answers.asked == []
    assert autosave.exists()
    from desktop import qt_settings

    settings = qt_settings.settings()
    assert settings.value("session/running") in (True, "true")
    assert settings.value("session/ended_by") == SESSION_END


def test_an_edit_after_the_logout_was_answered_is_asked_about_again(
    edited_window: Any, unsaved_changes_answers: Any,
) -> None:
    """The logout was cancelled by another program: she goes on working."""
    unsaved_changes_answers.queue.append("discard")
    edited_window.project.commit_data(SessionManager(interaction=True))
    edited_window.table_model.setData(edited_window.table_model.index(1, OUTLET_COLUMN),
                                      "Later Outlet")
    unsaved_changes_answers.queue.append("cancel")
    edited_window.close()
    assert len(unsaved_changes_answers.asked) == 2
    assert edited_window.isVisible()


def test_a_load_she_began_on_an_unedited_study_is_kept_when_the_app_is_ended(
    qtbot: Any, window: Any, files: tuple[Path, Path],
) -> None:
    """Her files being read are work of hers before any of their articles is in the
    table: ended from outside then, the autosave keeps the folder for her restore."""
    _, more = files
    window.project.start_session()
    window.open_paths([more])
    assert window.is_busy() and not window.project.is_modified()
    window.project.end_from_outside("a stop signal (SIGTERM)")
    autosave = qt_project.ProjectController.autosave_path()
    assert saved_settings(autosave)[qt_project.FILES_BEING_READ_KEY] == [str(more)]
    with qtbot.waitSignal(window.runner.cancelled, timeout=30_000):
        window.runner.cancel()
