"""The app on a system without POSIX signals (Windows): no SIGHUP, no
os.register_at_fork. Before, desktop.qt_ending named signal.SIGHUP as it was imported,
just after the window opened, so such an app ended with an AttributeError at every
real start while its --smoke-test (which returns before that import) passed (pack18,
session 18). Here Windows' absences are made in a fresh interpreter on this system."""

from __future__ import annotations

from pathlib import Path

from tests.desktop.conftest import last_json_line_of

_SCRIPT = r"""
import json, os, signal, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from desktop import qt_app
from desktop.qt_main_window import MainWindow

assert "desktop.qt_ending" not in sys.modules  # run_gui imports it
del signal.SIGHUP  # as on Windows (the standard library's random needs the other first)
del os.register_at_fork

app = qt_app.create_application()
seen = {}

def finished(window, summary):
    seen["summary"] = summary
    seen["SIGTERM left to its default"] = signal.getsignal(signal.SIGTERM) is signal.SIG_DFL
    window.project.set_modified(False)
    app.quit()

def hook():
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    if not windows:
        QTimer.singleShot(5, hook)
        return
    windows[0].load_finished.connect(lambda summary: finished(windows[0], summary))

QTimer.singleShot(0, hook)
QTimer.singleShot(60_000, app.quit)
seen["exit code"] = qt_app.run_gui([])
from desktop import qt_ending
seen["ending signals"] = sorted(signal.Signals(n).name for n in qt_ending.ENDING_SIGNALS)
seen["signals watched"] = qt_ending.SIGNALS_WATCHED
print(json.dumps(seen))
"""


def test_the_app_runs_its_first_load_and_quits_where_there_are_no_posix_signals(
    tmp_path: Path,
) -> None:
    seen = last_json_line_of(_SCRIPT, tmp_path)
    assert seen["exit code"] == 0
    assert seen["summary"].startswith("5 articles from 5 outlets")
    assert seen["ending signals"] == ["SIGINT", "SIGTERM"]
    assert seen["signals watched"] is False
    assert seen["SIGTERM left to its default"] is True
