"""Files the desktop asks the app to open by event (macOS Finder: a document
double-clicked, dropped on the Dock icon, "Open With"), not on the command line.

Qt delivers these as QFileOpenEvent to the application object. Before, nothing in the
app handled them: the Info.plist's document types launched Framescope on the samples
and the file she double-clicked was never opened (pack18, session 18). Here the events
are sent to the real application, run by desktop.qt_app.run_gui, in a fresh interpreter.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from tests.desktop.conftest import copy_seeds, last_json_line_of

_SCRIPT = r"""
import json, os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication
from desktop import qt_app
from desktop.qt_main_window import MainWindow

AT_START = __AT_START__   # asked for as the app starts, before its first load
DURING = __DURING__       # asked for while the first load runs
LATER = __LATER__         # asked for once the first load has ended, 100 ms apart
LOADS = __LOADS__         # the loads to wait for
app = qt_app.create_application()
for path in AT_START:
    QCoreApplication.sendEvent(app, QFileOpenEvent(path))
seen = {"loads": []}

def ask(paths):
    for i, path in enumerate(paths):  # Finder sends one event per file of a selection
        QTimer.singleShot(100 * i, lambda path=path: QCoreApplication.postEvent(
            app, QFileOpenEvent(path)))

def finished(window, summary):
    seen["loads"].append(summary)
    if len(seen["loads"]) == 1:
        ask(LATER)
    if len(seen["loads"]) < LOADS:
        return
    seen["files"] = sorted(Path(a.article.source).name for a in window.analyses())
    QTimer.singleShot(1000, lambda: quit(window))  # a load more would be seen

def quit(window):
    window.project.set_modified(False)
    app.quit()

def hook():
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    if not windows or (DURING and not windows[0].is_busy()):
        QTimer.singleShot(5, hook)
        return
    windows[0].load_finished.connect(lambda summary: finished(windows[0], summary))
    ask(DURING)

QTimer.singleShot(0, hook)
QTimer.singleShot(60_000, app.quit)
seen["exit code"] = qt_app.run_gui([])
print(json.dumps(seen))
"""


def _run(tmp_path: Path, loads: int, at_start: Sequence[Path] = (),
         during: Sequence[Path] = (), later: Sequence[Path] = ()) -> dict:
    script = _SCRIPT.replace("__LOADS__", str(loads))
    for name, paths in (("AT_START", at_start), ("DURING", during), ("LATER", later)):
        script = script.replace(f"__{name}__", json.dumps([str(p) for p in paths]))
    return last_json_line_of(script, tmp_path)


def test_files_asked_for_as_the_app_starts_are_its_first_load_instead_of_the_samples(
    tmp_path: Path,
) -> None:
    mine = copy_seeds(tmp_path / "mine", count=2)
    seen = _run(tmp_path, loads=1, at_start=mine)
    assert seen["exit code"] == 0
    assert len(seen["loads"]) == 1 and seen["loads"][0].startswith("2 articles from 2 outlets")
    assert seen["files"] == sorted(p.name for p in mine)


def test_files_asked_for_one_after_another_are_opened_together(tmp_path: Path) -> None:
    # Each load started cancels the one running: opened one by one as they come, only
    # the last file of a three-file selection would stay.
    mine = copy_seeds(tmp_path / "mine", count=3)
    seen = _run(tmp_path, loads=2, later=mine)
    assert seen["exit code"] == 0
    assert len(seen["loads"]) == 2  # the samples, then her three files in one load
    assert "3 articles from 3 outlets" in seen["loads"][1]
    assert seen["files"] == sorted(p.name for p in mine)  # the samples made room


def test_a_file_asked_for_while_the_samples_load_waits_for_them(tmp_path: Path) -> None:
    # Opened at once, it would cancel the samples' load and its results (a restored
    # session's load alike); it is opened after it, and the samples make room as usual.
    mine = copy_seeds(tmp_path / "mine", count=1)
    seen = _run(tmp_path, loads=2, during=mine)
    assert seen["exit code"] == 0
    assert len(seen["loads"]) == 2
    assert seen["loads"][0].startswith("5 articles from 5 outlets")
    assert seen["loads"][1].startswith("The 5 sample articles made room for yours")
    assert seen["files"] == sorted(p.name for p in mine)
