"""What the window needs before it first paints, and the tabs built on first use.

The window appears before the analysis models, the project format and the Read
view are imported (issue 6: the window appears in under 1.5x a bare window);
the Read tab is built when it is first shown or asked for, and then shows what
the table's current row is, whatever happened before it was built.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from tests.desktop.conftest import LOAD_TIMEOUT_MS, copy_seeds, last_json_line_of, load

# The start of a fresh interpreter's script: a filter that prints the modules imported
# by the time a window it watches first paints, and ends the process.
_PAINT_SPY = r"""
import json, os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QEvent, QObject

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            sys.stdout.write(json.dumps(sorted(sys.modules)) + "\n")
            sys.stdout.flush()
            os._exit(0)
        return False

spy = FirstPaint()
"""

# A fresh interpreter: the modules imported by the time the window first paints.
_FIRST_PAINT = _PAINT_SPY + r"""
from desktop import qt_app
from desktop.qt_main_window import MainWindow

app = qt_app.create_application()
window = MainWindow()
window.installEventFilter(spy)
window.show()
app.exec()
"""

# Imported only when needed: the analysis models (cue lexicons and their regular
# expressions), the project file format (SQLite), the Read view and matplotlib.
LATER = (
    "models.features", "models.cues", "models.project", "models.dictionaries", "sqlite3",
    "desktop.qt_read_view", "desktop.highlight", "matplotlib", "desktop.charts", "sklearn",
    "models.readers", "models.pipeline",
)


def test_window_paints_before_the_models_and_the_views_are_imported(tmp_path: Path) -> None:
    modules = set(last_json_line_of(_FIRST_PAINT, tmp_path))
    assert "desktop.qt_main_window" in modules and "PySide6.QtWidgets" in modules
    early = sorted(m for m in modules if m in LATER or m.split(".")[0] in LATER)
    assert early == [], f"imported before the window first painted: {early}"


# A fresh interpreter: the modules imported once the views' import thread is done,
# with no article loaded.
_AFTER_VIEWS = r"""
import json, os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QTimer
from desktop import qt_app
from desktop.qt_main_window import MainWindow

app = qt_app.create_application()
window = MainWindow()

def check():
    thread = window._views_import
    if thread is not None and not thread.is_alive():
        sys.stdout.write(json.dumps(list(sys.modules)) + "\n")  # in import order
        sys.stdout.flush()
        os._exit(0)

timer = QTimer()
timer.timeout.connect(check)
timer.start(20)
window.show()
app.exec()
"""


def test_analysis_models_are_imported_off_the_gui_thread_after_the_first_paint(
    tmp_path: Path,
) -> None:
    """The first batch of results needs models.features (cue lexicons, expressions),
    the end of a run models.pipeline: the views' import thread loads them first, before
    matplotlib (a second or more), so the GUI thread does not when results arrive early."""
    modules = last_json_line_of(_AFTER_VIEWS, tmp_path)
    assert {"models.features", "models.cues", "matplotlib", "desktop.charts"} <= set(modules)
    assert modules.index("models.features") < modules.index("matplotlib")
    # The end of every run needs the pipeline's result (and with it the readers, which
    # the start of a run no longer imports on the GUI thread: test_load_start).
    assert modules.index("models.pipeline") < modules.index("matplotlib")
    assert "models.readers" in modules
    assert "models.project" in modules  # the first autosave's format (sqlite3)


def test_project_suffix_is_the_project_formats() -> None:
    from desktop import qt_project
    from models import project

    assert qt_project.SUFFIX == project.SUFFIX
    assert qt_project.PROJECT_FILTER == f"Framescope project (*{project.SUFFIX})"


def _drop_files(widget: Any, paths: list[Path]) -> tuple[QDropEvent, QMimeData]:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(QPoint(40, 40), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    event = QDropEvent(QPointF(50.0, 50.0), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)
    return event, mime  # the caller keeps the QMimeData referenced


def test_read_tab_built_on_first_show_shows_the_row_chosen_before(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    from desktop.qt_main_window import READ_TAB

    assert window._read_view is None  # not built by the window's construction
    files = copy_seeds(tmp_path / "drop", 3)
    with qtbot.waitSignal(window.runner.finished, timeout=LOAD_TIMEOUT_MS):
        _event, _mime = _drop_files(window, files)
    assert window.table_model.rowCount() == 3
    # Still not built: choosing rows in the table does not need it.
    window.table.selectRow(2)
    assert window._read_view is None
    chosen = window._analysis_at(window.table.currentIndex())
    assert chosen is not None
    # A click on the Read tab (a real mouse event on the tab bar) builds it.
    bar = window.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(READ_TAB).center())
    view = window._read_view
    assert view is not None
    assert window.tabs.currentWidget() is view
    assert window.tabs.tabText(READ_TAB) == "Read"
    assert view.analysis() is chosen
    assert chosen.article.headline in view.header_text()
    # From now on it follows the table.
    window.table.selectRow(0)
    assert view.analysis() is window._analysis_at(window.table.currentIndex())
    assert view.analysis() is not chosen


def test_read_view_built_later_still_takes_drops_and_gets_dictionaries(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    load(qtbot, window, copy_seeds(tmp_path / "first", 2))
    window.table.selectRow(1)
    window.read_view_dictionaries([])  # before the view exists: remembered, no error
    view = window.read_view  # built on request (as Open Sentence does)
    assert view.analysis() is window._analysis_at(window.table.currentIndex())
    # A file dropped on the Read view's text loads, as on the rest of the window.
    more = copy_seeds(tmp_path / "second", 4)[2:]
    with qtbot.waitSignal(window.runner.finished, timeout=LOAD_TIMEOUT_MS):
        _event, _mime = _drop_files(view.text_edit().viewport(), more)
    assert window.table_model.rowCount() == 4


# A fresh interpreter started as the `framescope` command is (desktop.__main__.main, no
# arguments): the modules imported by the window's first paint.
_COMMAND_FIRST_PAINT = _PAINT_SPY + r"""
from PySide6.QtWidgets import QMainWindow

show = QMainWindow.show
def watched_show(self):
    self.installEventFilter(spy)
    show(self)
QMainWindow.show = watched_show
sys.argv = ["framescope"]
from desktop.__main__ import main
main()
"""


def test_the_command_paints_before_importing_multiprocessing(tmp_path: Path) -> None:
    """multiprocessing.freeze_support does something only in a frozen app; imported for
    it at every start, multiprocessing held the window back ~4 ms (session 27)."""
    modules = set(last_json_line_of(_COMMAND_FIRST_PAINT, tmp_path))
    assert "desktop.qt_main_window" in modules
    assert "multiprocessing" not in modules


def test_a_frozen_app_still_calls_freeze_support(monkeypatch: Any) -> None:
    """In a frozen app a worker of the analysis pool starts as the app's executable:
    freeze_support must run first, before anything else (it runs the worker, then exits)."""
    import multiprocessing
    import sys

    from desktop import __main__ as command

    class WorkerRan(Exception):
        pass

    def freeze_support() -> None:
        raise WorkerRan

    monkeypatch.setattr(multiprocessing, "freeze_support", freeze_support)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    try:
        command.main(["--version"])
    except WorkerRan:
        pass
    else:
        raise AssertionError("freeze_support was not called in a frozen app")


# A fresh interpreter: `framescope` (desktop.__main__.main) as it starts the window, with
# no argument and with a folder to open; run_gui is replaced by a note of what is imported.
_COMMAND = r"""
import json, sys
import desktop.qt_app
seen = []
desktop.qt_app.run_gui = lambda paths, smoke_test=False: seen.append(
    {"paths": paths, "difflib": "difflib" in sys.modules}) or 0
from desktop.__main__ import main
main([])
main(["seeds"])
print(json.dumps(seen))
"""


def test_the_app_command_imports_no_spelling_matcher_before_the_window(tmp_path: Path) -> None:
    """difflib (~0.8 ms) is for a misspelt headless command ("framescope analyse ..."), not
    for an app started with no argument or with files to open."""
    seen = last_json_line_of(_COMMAND, tmp_path)
    assert seen == [{"paths": [], "difflib": False}, {"paths": ["seeds"], "difflib": False}]
