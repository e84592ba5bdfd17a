"""A request to quit or close that arrives while the Save/Discard box is open: one box, the
user's answer decides, nothing is lost, and closing's waits run once.

Before session 16, a quit then (app.quit(), the platform's quit) closed the box as if
Cancel were pressed and ended the event loop with the window open, its study unsaved and
nothing shut down; a close sent to the window again opened a second box inside the first.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import qt_project
from desktop.qt_main_window import MainWindow
from desktop.qt_project import ask_unsaved_changes  # the real box (the tests' fixture answers)
from tests.desktop.conftest import last_json_line_of

# The whole app's event loop (app.exec(): a quit does nothing without it) in a fresh
# interpreter. argv: what opens the box first (close/new), then the user's answer.
QUIT_SCRIPT = """
import json, os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from desktop import qt_project
from desktop.qt_app import create_application
from desktop.qt_main_window import MainWindow

first, answer, project_file = {first!r}, {answer!r}, Path({project_file!r})
app = create_application()
window = MainWindow()
window.show()
window.project.path = project_file  # Save writes there without a dialog
window.project.set_modified(True)
seen = {{"boxes": 0, "shutdowns": 0, "answered": None, "after_answer": None}}
real_ask, real_shutdown = qt_project.ask_unsaved_changes, qt_project.ProjectController.shutdown

def ask(*args, **options):
    seen["boxes"] += 1
    return real_ask(*args, **options)

def shutdown(self):
    seen["shutdowns"] += 1
    return real_shutdown(self)

qt_project.ask_unsaved_changes = ask
qt_project.ProjectController.shutdown = shutdown
buttons = {{"save": QMessageBox.StandardButton.Save,
            "discard": QMessageBox.StandardButton.Discard,
            "cancel": QMessageBox.StandardButton.Cancel}}

def still_running():  # the event loop's next turn after Cancel: the app runs on
    seen["after_answer"] = {{"visible": window.isVisible(),
                            "modified": window.project.is_modified()}}
    app.exit(7)

def answer_the_box():
    box = QApplication.activeModalWidget()
    if isinstance(box, QMessageBox):
        seen["answered"] = answer
        box.button(buttons[answer]).click()
        if answer == "cancel":
            QTimer.singleShot(0, still_running)

def quit_while_asked():
    if not isinstance(QApplication.activeModalWidget(), QMessageBox):
        QTimer.singleShot(10, quit_while_asked)
        return
    app.quit()  # as a session's end or the platform's quit does
    QTimer.singleShot(0, answer_the_box)

QTimer.singleShot(0, window.close if first == "close" else window.project.new_project)
QTimer.singleShot(0, quit_while_asked)
QTimer.singleShot(60_000, lambda: app.exit(9))  # the app did not end: never when all goes well
seen["exit_code"] = app.exec()
seen["visible"] = window.isVisible()
seen["saved"] = project_file.exists()
print(json.dumps(seen))
"""


def run_quit(tmp_path: Path, first: str, answer: str) -> dict[str, Any]:
    script = QUIT_SCRIPT.format(first=first, answer=answer,
                                project_file=str(tmp_path / "study.framescope"))
    return dict(last_json_line_of(script, tmp_path))


@pytest.mark.parametrize("answer", ["discard", "save"])
def test_a_quit_while_the_close_asks_waits_for_the_answer_then_ends_the_app(
    tmp_path: Path, answer: str
) -> None:
    seen = run_quit(tmp_path, "close", answer)
    assert seen["boxes"] == 1
    assert seen["answered"] == answer  # the box was still open for the user
    assert seen["exit_code"] == 0  # the quit went on after the answer
    assert not seen["visible"] and seen["shutdowns"] == 1
    assert seen["saved"] == (answer == "save")


def test_a_quit_while_the_close_asks_is_cancelled_with_the_close(tmp_path: Path) -> None:
    seen = run_quit(tmp_path, "close", "cancel")
    assert seen["boxes"] == 1 and seen["answered"] == "cancel"
    # The app runs on after Cancel, the window open with its unsaved study.
    assert seen["after_answer"] == {"visible": True, "modified": True}
    assert seen["exit_code"] == 7 and seen["shutdowns"] == 0 and not seen["saved"]


def test_a_quit_while_new_asks_opens_no_second_box(tmp_path: Path) -> None:
    seen = run_quit(tmp_path, "new", "discard")
    assert seen["boxes"] == 1 and seen["answered"] == "discard"
    # New went on (the study discarded), then the quit: the window closed without asking.
    assert seen["exit_code"] == 0
    assert not seen["visible"] and seen["shutdowns"] == 1


def test_a_second_close_sent_while_the_box_is_open_opens_no_second_box(
    qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    boxes: list[QMessageBox] = []
    shutdowns: list[int] = []
    real_shutdown = qt_project.ProjectController.shutdown

    def shutdown(self: Any) -> list[str]:
        shutdowns.append(1)
        return list(real_shutdown(self))

    monkeypatch.setattr(qt_project.ProjectController, "shutdown", shutdown)
    monkeypatch.setattr(qt_project, "ask_unsaved_changes", ask_unsaved_changes)
    second_close: list[bool] = []

    def close_again_then_discard() -> None:
        # A close event sent to the window again, as a window system's or a script's.
        event = QCloseEvent()
        QApplication.sendEvent(window, event)
        second_close.append(event.isAccepted())
        boxes[0].button(QMessageBox.StandardButton.Discard).click()

    def watch() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box not in boxes:
            boxes.append(box)
            if len(boxes) == 1:
                QTimer.singleShot(0, close_again_then_discard)
            else:  # a box inside the first (the old behaviour): answered, so the test ends
                box.button(QMessageBox.StandardButton.Discard).click()

    watcher = QTimer()
    watcher.timeout.connect(watch)
    watcher.start(10)
    window.project.set_modified(True)
    try:
        window.close()
    finally:
        watcher.stop()
    assert len(boxes) == 1
    assert second_close == [False]  # held: the box answers it
    assert not window.isVisible() and len(shutdowns) == 1


def test_a_close_event_after_the_window_closed_waits_for_nothing_again(
    qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    waits: list[int] = []
    real_shutdown = window.runner.shutdown

    def shutdown(*args: Any) -> bool:
        waits.append(1)
        return bool(real_shutdown(*args))

    monkeypatch.setattr(window.runner, "shutdown", shutdown)
    window.close()
    event = QCloseEvent()  # delivered again (QWidget.close() sends none to a closed window)
    QApplication.sendEvent(window, event)
    assert event.isAccepted() and waits == [1]

