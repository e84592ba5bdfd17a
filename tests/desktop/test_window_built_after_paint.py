"""The window as the app starts it: what the first paint shows first, the rest after it.

``MainWindow(build_later=True)`` (desktop.qt_app.run_gui) builds the table's header from a
placeholder model with no Python behind it, the tabs, the status bar and the menu titles;
the article model, actions, menu entries, the Load Problems panel, projects and drops
follow right after the first paint. These tests check that nothing of the Qt namespace's
enums is created before that paint (issue 6: the window appears in under 1.5x a bare
window), and that the window built later has and does everything an eagerly built one does.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QMimeData, Qt, QUrl
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QMenu

from desktop import qt_main_window
from desktop.qt_ending import SIGNALS_WATCHED
from desktop.qt_main_window import MainWindow
from desktop.qt_table_model import COLUMNS, ArticleFilterProxy, ArticleTableModel
from tests.desktop.conftest import LOAD_TIMEOUT_MS, copy_seeds, last_json_line_of
from tests.desktop.test_drop import drag_and_drop

# A fresh interpreter, as `framescope` starts: at the window's first paint, which of our
# modules are imported and whether PySide6 has created the Qt namespace (a class made on
# first use: it is in QtCore's dict once made); then the same once first_painted fired.
_RUN_GUI = r"""
import json, os, signal, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
import PySide6.QtCore as QtCore
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow

def state(window):
    return {
        "icon": not QApplication.windowIcon().isNull(),
        "stop_signals_watched": signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL,
        "qt_made": "Qt" in vars(QtCore),
        "modules": sorted(m for m in sys.modules if m.startswith("desktop.")),
        "model": type(window.table.model()).__name__,
        "runner": window._runner is not None,
        "dataclasses": "dataclasses" in sys.modules,
        "logging_handlers": "logging.handlers" in sys.modules,
        "tooltips_made": len(sys.modules["desktop.table_columns"]._MEASURE_TOOLTIPS),
        "menus": {m.title(): len(m.actions()) for m in (window.file_menu, window.edit_menu,
                                                          window.view_menu, window.help_menu)},
    }

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and "paint" not in seen:
            seen["paint"] = state(obj)
        return False

seen = {}
spy = FirstPaint()
show = QMainWindow.show
def watched_show(self):
    self.installEventFilter(spy)
    self.first_painted.connect(lambda: finish(self))
    show(self)
QMainWindow.show = watched_show

windows = []

def finish(window):
    windows.append(window)
    seen["after"] = state(window)
    # run_gui's own reaction to the first paint (connected after this one) comes next.
    from PySide6.QtCore import QTimer
    QTimer.singleShot(0, done)

def done():
    import logging
    seen["log_handlers"] = [type(h).__name__ for h in logging.getLogger("framescope").handlers]
    # Once run_gui's start has run: the app watches for stop signals.
    seen["started"] = state(windows[0])
    sys.stdout.write(json.dumps(seen) + "\n")
    sys.stdout.flush()
    os._exit(0)

from desktop import qt_app
qt_app.create_application()
qt_app.run_gui([os.devnull])  # a file that is no article: nothing to wait for
"""


def test_first_paint_comes_before_the_qt_namespace_and_the_rest_follows(tmp_path: Path) -> None:
    seen = last_json_line_of(_RUN_GUI, tmp_path)
    paint, after = seen["paint"], seen["after"]
    assert paint["qt_made"] is False, "the Qt namespace's enums were made before the first paint"
    assert paint["model"] == "QStandardItemModel"
    later = ("desktop.qt_table_model", "desktop.qt_project", "desktop.qt_drop",
             "desktop.qt_worker")
    assert [m for m in later if m in paint["modules"]] == []
    assert paint["runner"] is False  # the analysis runner and its thread pool: built later
    # Importing dataclasses and writing each class's methods from source cost ~2 ms: the
    # header's columns and measures are named tuples (models.measures.Measure).
    assert paint["dataclasses"] is False
    assert paint["tooltips_made"] == 0  # the header's tooltips: made when first asked for
    # The diagnostics log (its module, logging.handlers and the platform's name: ~11 ms)
    # starts right after the first paint, not before it (s33: 1.48 -> 1.56 times a bare
    # window in bench/app_scale.py when run_gui started it first).
    assert "desktop.log_file" not in paint["modules"]
    assert paint["logging_handlers"] is False
    assert paint["menus"] == {"&File": 0, "&Edit": 0, "&View": 0, "&Help": 0}
    # The watch for stop signals (desktop.qt_ending: ~1.1 ms) comes after the paint too,
    # and so does the window icon (the SVG icon engine, PySide6's QIcon class: ~2 ms).
    assert "desktop.qt_ending" not in paint["modules"]
    assert paint["icon"] is False
    assert paint["stop_signals_watched"] is False
    # Right after it, before the first load starts: everything is there.
    assert after["model"] == "ArticleFilterProxy"
    assert all(m in after["modules"] for m in later)
    assert after["runner"] is True
    assert all(count > 0 for count in after["menus"].values()), after["menus"]
    # The icon from the first frame on: set before first_painted (and the app's start).
    assert after["icon"] is True
    # The stop signals from the first load's start on (before a restore question).
    assert seen["started"]["stop_signals_watched"] is SIGNALS_WATCHED
    # And then the log is kept, in the state folder under this run's HOME.
    assert "_LogFile" in seen["log_handlers"]
    log = tmp_path / ".local" / "state" / "framescope" / "framescope.log"
    assert "started (the app;" in log.read_text(encoding="utf-8")


def _menu_texts(menu: QMenu) -> list[Any]:
    texts: list[Any] = []
    for action in menu.actions():
        if action.menu() is not None:
            texts.append((action.text(), _menu_texts(action.menu())))
        elif action.isSeparator():
            texts.append("---")
        else:
            texts.append((action.text(), action.shortcut().toString()))
    return texts


def _later_window(qtbot: Any) -> MainWindow:
    window = MainWindow(build_later=True)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.first_painted, timeout=10_000):
        window.show()
    return window


def test_header_before_the_model_is_the_article_models_header(qtbot: Any) -> None:
    window = MainWindow(build_later=True)
    qtbot.addWidget(window)
    placeholder = window.table.model()
    assert isinstance(placeholder, QStandardItemModel)
    assert placeholder.rowCount() == 0
    model = ArticleTableModel()
    horizontal = Qt.Orientation.Horizontal
    alignment = Qt.ItemDataRole.TextAlignmentRole
    assert placeholder.columnCount() == model.columnCount() == len(COLUMNS)
    widths = [window.table.columnWidth(i) for i in range(len(COLUMNS))]
    for i in range(len(COLUMNS)):
        assert placeholder.headerData(i, horizontal) == model.headerData(i, horizontal)
        # The ints stand for the same Qt alignment flags the article model gives.
        assert placeholder.headerData(i, horizontal, alignment) == \
            model.headerData(i, horizontal, alignment).value
    assert qt_main_window.HEADER_ALIGN_TEXT == (
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter).value
    assert qt_main_window.HEADER_ALIGN_NUMBER == (
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value
    assert window.splitter.orientation() == Qt.Orientation.Vertical
    # Once built, the article model is shown with the same column widths.
    window.build_rest()
    assert isinstance(window.table.model(), ArticleFilterProxy)
    assert [window.table.columnWidth(i) for i in range(len(COLUMNS))] == widths
    assert window.table.isSortingEnabled()
    assert window.table.horizontalHeader().sortIndicatorSection() == -1


def test_window_built_after_its_first_paint_has_every_menu_entry_and_shortcut(
    qtbot: Any,
) -> None:
    eager = MainWindow()
    qtbot.addWidget(eager)
    later = _later_window(qtbot)
    for name in ("file_menu", "edit_menu", "view_menu", "help_menu"):
        assert _menu_texts(getattr(later, name)) == _menu_texts(getattr(eager, name))
    assert [m.title() for m in later.menuBar().findChildren(QMenu)
            if m.menuAction() in later.menuBar().actions()] == ["&File", "&Edit", "&View", "&Help"]
    # The shortcuts work: Ctrl+2 shows the Read tab, Ctrl+1 Compare again.
    later.activateWindow()
    qtbot.keyClick(later.table, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert later.tabs.currentIndex() == qt_main_window.READ_TAB
    qtbot.keyClick(later.table, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert later.tabs.currentIndex() == qt_main_window.COMPARE_TAB
    # View > Load Problems shows the panel.
    later.action_load_problems.trigger()
    assert later.problems_dock.isVisible()
    for window in (eager, later):
        window.project.set_modified(False)


def test_drop_on_window_built_after_its_first_paint_loads_the_files(
    qtbot: Any, tmp_path: Path
) -> None:
    window = _later_window(qtbot)
    files = copy_seeds(tmp_path / "seeds", 2)
    mime = QMimeData()  # referenced until the drop is done
    mime.setUrls([QUrl.fromLocalFile(str(f)) for f in files])
    with qtbot.waitSignal(window.runner.finished, timeout=LOAD_TIMEOUT_MS):
        assert drag_and_drop(window.table, mime).isAccepted()
    assert window.table_model.rowCount() == 2
    assert window.proxy.rowCount() == 2
    window.project.set_modified(False)


def test_the_views_import_starts_after_the_first_frame_not_before_its_children_paint(
    qtbot: Any,
) -> None:
    """Qt sends the window its first Paint event before it paints the children (the
    table, tabs and bars the user sees). The views' import thread starts once that frame
    is complete, not at the window's Paint: it held the interpreter lock that every
    virtual call of a widget made in Python takes, and the frame ended ~10 ms later
    (bench/app_scale.py, "to its first frame complete")."""
    from PySide6.QtCore import QEvent, QObject

    window = MainWindow(build_later=True)
    qtbot.addWidget(window)
    at_child_paint: list[Any] = []

    class ChildPaint(QObject):
        def eventFilter(self, obj: Any, event: Any) -> bool:
            if event.type() == QEvent.Type.Paint and not at_child_paint:
                at_child_paint.append(window._views_import)
            return False

    spy = ChildPaint()
    window.tabs.tabBar().installEventFilter(spy)  # a child painted in the first frame
    with qtbot.waitSignal(window.first_painted, timeout=10_000):
        window.show()
    window.tabs.tabBar().removeEventFilter(spy)
    assert at_child_paint == [None], "the views' import started before the children painted"
    assert window._views_import is not None  # started once the frame was complete
    window._end_views_import()


def test_the_rest_is_built_before_the_views_import_and_over_several_turns(
    qtbot: Any, monkeypatch: Any,
) -> None:
    """After the first paint the rest of the window (the article model, menus, projects)
    is built first, a part per turn of the event loop, and only then the views' import
    thread starts: built beside that thread, the rest waited for the interpreter lock at
    each of its Qt calls and held the GUI thread 180-250 ms (wall) for ~40 ms of CPU.
    A zero timer started at the first paint fires between the parts."""
    from PySide6.QtCore import QTimer

    built_at_import: list[bool] = []
    real_prepare = MainWindow._prepare_views

    def prepare(self: MainWindow) -> None:
        built_at_import.append(self._built)
        real_prepare(self)

    monkeypatch.setattr(MainWindow, "_prepare_views", prepare)
    window = MainWindow(build_later=True)
    qtbot.addWidget(window)
    turns = QTimer()
    turns.setInterval(0)
    ticks: list[int] = []
    turns.timeout.connect(lambda: ticks.append(1))
    real_paint = window.paintEvent

    def paint(event: Any) -> None:
        if not turns.isActive() and not ticks:
            turns.start()
        real_paint(event)

    window.paintEvent = paint  # type: ignore[method-assign]
    with qtbot.waitSignal(window.first_painted, timeout=10_000):
        window.show()
    turns.stop()
    before_signal = len(ticks)
    assert built_at_import == [True], "the views' import started before the rest was built"
    assert before_signal >= 2, f"the rest was built in {before_signal + 1} turn(s)"
    # All of it is there once first_painted has fired.
    assert isinstance(window.table.model(), ArticleFilterProxy)
    assert window.project is not None and window.file_menu.actions()
    window._end_views_import()


def test_build_rest_asked_for_between_the_parts_builds_the_rest_at_once(qtbot: Any) -> None:
    """Anything that needs the rest before its last part (a drop, open_paths) gets it all."""
    window = MainWindow(build_later=True)
    qtbot.addWidget(window)
    window._build_next_part()
    assert not window._built
    window.build_rest()
    assert window._built
    assert isinstance(window.table.model(), ArticleFilterProxy)
    assert window.project is not None and window.file_menu.actions()
    window.project.set_modified(False)


def test_runner_is_made_on_first_use_and_once(qtbot: Any) -> None:
    """The analysis runner is not part of the first paint (MainWindow.runner): asked for
    before the rest is built, it is made then, and build_rest keeps that one."""
    from desktop.qt_worker import AnalysisRunner

    window = MainWindow(build_later=True)
    qtbot.addWidget(window)
    assert window._runner is None
    runner = window.runner
    assert isinstance(runner, AnalysisRunner) and runner.parent() is window
    assert not window.is_busy()
    window.build_rest()
    assert window.runner is runner
    with qtbot.waitSignal(runner.finished, timeout=LOAD_TIMEOUT_MS):
        window.open_paths([Path(__file__).parents[2] / "seeds"])
    assert window.table_model.rowCount() > 0
    window.project.set_modified(False)


def test_measure_columns_tooltips_are_made_when_asked_for_and_are_the_measures(
    qtbot: Any,
) -> None:
    """A built-in measure column's header tooltip is made on first use: label, unit and
    the definition's lead (measure_tooltip), as when it was made at import."""
    from desktop import table_columns
    from models.measures import measure

    window = _later_window(qtbot)
    model = window.table_model
    measured = [i for i, c in enumerate(COLUMNS) if c.kind != "text"]
    assert len(measured) == len(COLUMNS) - 3
    for i in measured:
        m = measure(COLUMNS[i].key)
        expected = table_columns.measure_tooltip(m.label, m.unit, m.definition)
        shown = model.headerData(i, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
        assert shown == expected
        assert expected.startswith(f"{m.label} ({m.unit}): ")
    outlet = model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert outlet.startswith("The outlet that published the article.")
    window.project.set_modified(False)
