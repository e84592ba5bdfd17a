"""Starting the desktop app: the QApplication, the window, the first load.

The window is shown before anything is analysed: scikit-learn and the
analysis stack are imported on the worker, when the first load starts.
``run_gui(..., smoke_test=True)`` opens the app offscreen on the seeds,
renders every chart, exports it in every format, checks the files and exits
(0 on success, 1 with the reason on stderr): the check run on frozen builds.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import threading

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.qt_main_window import MainWindow

SMOKE_TIMEOUT_MS = 180_000
SEED_ARTICLES = 5


def resources_dir() -> Path:
    """The resources/ folder (lexicons, icons, stylesheet); found by :mod:`models.resources`."""
    from models import resources

    return resources.resources_dir()


def seeds_dir() -> Path:
    """The sample corpus shipped with the app, opened when no file is given."""
    from models import resources

    return resources.seeds_dir()


def icon_path() -> Path:
    return resources_dir() / "icons" / "framescope.svg"


def _use_offscreen_when_headless() -> None:
    """Without a display, Qt would abort at start-up: use the offscreen platform instead."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


#: The interpreter's thread switch interval in the window's process (seconds; Python's
#: default is 0.005). While a chart is drawn on a thread, the GUI thread waits for the
#: interpreter lock: a drawing thread that runs Python between short calls releasing
#: and retaking the lock (numpy, Agg) kept it waiting 73-154 ms on a 10,000-article
#: chart, and 55-71 ms with this interval (/work/notes/s6/closing.md, issue 6 item 3).
GUI_SWITCH_INTERVAL = 0.0005


def create_application(argv: Sequence[str] | None = None) -> QApplication:
    """The QApplication, named and with the stylesheet set; the GUI thread gets the
    interpreter lock back sooner from background threads (:data:`GUI_SWITCH_INTERVAL`),
    and PySide6's check of each later import reads bytes (desktop.qt_feature_check).
    The window icon is set by :func:`set_window_icon` (run_gui: once the window has
    painted)."""
    from PySide6.QtWidgets import QApplication

    from desktop import qt_feature_check

    # Before anything else is imported: every later import pays PySide6's check.
    qt_feature_check.install()
    from desktop import qt_settings
    from desktop.fork_guard import one_native_thread

    one_native_thread()  # before numpy loads (the views' import thread, after the paint)
    sys.setswitchinterval(GUI_SWITCH_INTERVAL)
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        QApplication.setApplicationName(qt_settings.APPLICATION)
        QApplication.setOrganizationName(qt_settings.ORGANIZATION)
        QApplication.setApplicationDisplayName("Framescope")
        QApplication.setDesktopFileName("framescope")
        app = _application_class()(list(argv) if argv is not None else [sys.argv[0]])
    style = resources_dir() / "style.qss"
    if style.is_file():
        app.setStyleSheet(style.read_text(encoding="utf-8"))
    return app


def set_window_icon(app: QApplication) -> None:
    """Framescope's icon for every window of ``app`` (a window already shown gets it too).
    The app sets it right after the window's first paint (run_gui): loading the SVG icon
    engine and making PySide6's QIcon class (its ThemeIcon enum alone ~0.8 ms) held the
    window's first appearance back ~2 ms."""
    from PySide6.QtGui import QIcon

    icon = icon_path()
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))


#: How long the app waits after a file-open request for more before it opens them all
#: (milliseconds): Finder sends one event per file of a selection, and each load
#: started cancels the one before (MainWindow.open_paths).
FILE_OPEN_GATHER_MS = 250


def _application_class() -> type[QApplication]:
    """QApplication with the desktop's file-open requests caught (:class:`FileOpenRequests`)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QFileOpenEvent
    from PySide6.QtWidgets import QApplication

    class FramescopeApplication(QApplication):
        """Only the events sent to the application object itself pass through
        :meth:`event` (an event filter on the application would see every widget's)."""

        def __init__(self, argv: list[str]) -> None:
            super().__init__(argv)
            self.file_open_requests = FileOpenRequests(self)

        def event(self, event: QEvent) -> bool:
            if event.type() == QEvent.Type.FileOpen:
                assert isinstance(event, QFileOpenEvent)
                self.file_open_requests.add(event.file() or event.url().toLocalFile())
                return True
            return super().event(event)

    return FramescopeApplication


class FileOpenRequests:
    """Files the desktop asks the running app to open by an event, not by arguments.

    On macOS, a document double-clicked in Finder (Info.plist's document types, written
    by packaging/framescope.spec), dropped on the Dock icon or chosen in "Open With"
    reaches the app as a ``QFileOpenEvent``, at start-up as well as later; its command
    line holds no path. Requests made before the first load are that load's files, in
    place of the samples; later ones are opened together once no more arrive for
    :data:`FILE_OPEN_GATHER_MS` and the window is not loading (a load started cancels
    the one running: a restored session or the files of a first double-click would be
    dropped by a second). Elsewhere Qt sends none and this does nothing.
    """

    def __init__(self, app: QApplication) -> None:
        from PySide6.QtCore import QTimer

        self.pending: list[Path] = []
        self._open: Any = None
        self._busy: Any = None
        self._timer = QTimer(app)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FILE_OPEN_GATHER_MS)
        self._timer.timeout.connect(self._deliver)

    def add(self, path: str) -> None:
        if not path:
            return
        self.pending.append(Path(path))
        if self._open is not None:
            self._timer.start()  # again: wait for the rest of a multiple selection

    def take(self) -> list[Path]:
        """The files asked for so far, now handed over."""
        taken, self.pending = self.pending, []
        return taken

    def open_with(self, open_paths: Any, busy: Any) -> None:
        """From now on, requests go to ``open_paths`` (a list of paths) whenever
        ``busy()`` is false."""
        self._open = open_paths
        self._busy = busy
        if self.pending:
            self._timer.start()

    def _deliver(self) -> None:
        if self._busy is not None and self._busy():
            self._timer.start()  # after the load that runs
            return
        paths = self.take()
        if paths and self._open is not None:
            self._open(paths)


# Warnings the offscreen platform gives for window-manager requests it cannot
# honour; they say nothing about Framescope (pyproject's qt_log_ignore lists them too).
OFFSCREEN_NOISE = frozenset({
    "This plugin does not support propagateSizeHints()",
    "This plugin does not support raise()",
    "This plugin does not support grabbing the keyboard",
})


def _drop_offscreen_noise() -> None:
    """Pass every Qt message on to stderr except the offscreen platform's known noise."""
    from PySide6.QtCore import qInstallMessageHandler

    def handler(_mode: object, _context: object, message: str) -> None:
        if message not in OFFSCREEN_NOISE:
            sys.stderr.write(message + "\n")

    qInstallMessageHandler(handler)


def _report_crashes() -> None:
    """A crash of the process (a segmentation fault, an abort) prints every thread's
    Python stack on stderr. The smoke test runs on every change in CI, where a frozen
    build once ended with a segmentation fault and nothing else to go on (ci29f,
    session 29); its passing line is flushed as soon as it is known, so that a crash
    after it (in the interpreter's teardown) tells itself apart from one during it."""
    import faulthandler

    if not faulthandler.is_enabled():
        faulthandler.enable(all_threads=True)


def _start_log() -> None:
    """Keep the app's diagnostics log (desktop.log_file). Started once the window has
    painted (run_gui): the log's module and its first line (logging.handlers, the
    platform's name) cost about 11 ms, which the window's first appearance paid before
    (bench/app_scale.py: 1.48 -> 1.56 times a bare window)."""
    from desktop.log_file import start_log

    start_log("the app")


def _log_faults() -> None:
    """Write to the app's diagnostics log the traceback of an exception nothing caught (a
    slot's, a thread's), which Python prints on a stderr nobody sees in a desktop app;
    Python's own report follows as before. (Until the log starts, right after the first
    paint, such a record goes where logging's last resort puts it: stderr.)"""
    import logging
    import threading

    log = logging.getLogger("framescope")
    before, thread_before = sys.excepthook, threading.excepthook

    def on_exception(kind: Any, value: Any, trace: Any) -> None:
        log.error("An exception nothing caught", exc_info=(kind, value, trace))
        before(kind, value, trace)

    def on_thread_exception(args: Any) -> None:
        if args.exc_type is not SystemExit:
            name = args.thread.name if args.thread is not None else "a thread"
            log.error("An exception nothing caught on %s", name,
                      exc_info=(args.exc_type, args.exc_value, args.exc_traceback))
        thread_before(args)

    sys.excepthook = on_exception
    threading.excepthook = on_thread_exception


def run_gui(paths: list[str], *, smoke_test: bool = False) -> int:
    """Open the window, then load ``paths`` (the seeds when none are given)."""
    _log_faults()
    if smoke_test:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        _report_crashes()
    else:
        _use_offscreen_when_headless()
    if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
        _drop_offscreen_noise()
    app = create_application()
    from desktop.qt_main_window import MainWindow

    if smoke_test:
        import traceback

        _start_log()
        set_window_icon(app)
        try:
            return _smoke_test(app)
        except Exception:
            sys.stderr.write("smoke test failed with an exception:\n" + traceback.format_exc())
            return 1

    # What the first paint shows is built now, the rest right after it (see MainWindow).
    window = MainWindow(build_later=True)
    # An application made before (a test's) gets requests that never receive any.
    requests = getattr(app, "file_open_requests", None) or FileOpenRequests(app)
    window.show()
    targets = [Path(p) for p in paths]
    from PySide6.QtCore import QTimer

    started: list[bool] = []
    watchers: list[Any] = []
    icon_set: list[bool] = []

    def show_icon() -> None:
        if not icon_set:
            icon_set.append(True)
            set_window_icon(app)

    def start() -> None:
        if started:
            return
        started.append(True)
        show_icon()  # (set by now, unless the window never painted)
        _start_log()
        window.build_rest()  # done after the first paint; not yet if it never painted
        # A stop signal or the desktop session's end: a clean quit, nothing asked
        # (desktop.qt_ending). Watched from now on, before the restore question below:
        # before the paint nothing is loaded that a stop could lose, and the module and its
        # signal handlers held the window's first appearance back ~1.1 ms.
        from desktop import qt_ending

        watchers.append(qt_ending.install(app, window))
        # Files the desktop asked to open by now (macOS) are opened like arguments.
        targets.extend(requests.take())
        if not targets:
            targets.append(seeds_dir())
        # After a crash, offer the autosaved session instead of the files.
        restored = window.project.start_session()
        requests.open_with(window.open_paths, window.is_busy)
        if restored or window.ending is not None:
            return  # restored; or being ended (a stop signal while the question was open)
        if not any(p.suffix == ".framescope" for p in targets):
            # What the app opens with is the session's starting point, not a change.
            window.project.mark_clean_after_load()
        window.open_paths(targets)

    # Load once the window has painted (not before: reading the seeds' folder and
    # starting the analysis would hold back the window's first appearance).
    # A window that is not painted (started minimised) loads after a while all the same.
    window.first_painted.connect(start)
    QTimer.singleShot(2000, start)
    # The icon as soon as the first frame is on screen, before the rest is built.
    window.first_frame_shown.connect(show_icon)
    code = int(app.exec())
    for watcher in watchers:
        if watcher is not None:
            watcher.uninstall()
    if window.left_running:
        end_without_workers(code, window.left_running)
    return code


def end_without_workers(code: int, left_running: Sequence[str]) -> None:
    """End the process now: the window closed with ``left_running`` still running after
    its bounded waits (MainWindow.left_running, already said to the user and the log).
    The interpreter's teardown would otherwise wait for them without a bound (a Qt thread
    pool's destructor waits for its tasks, with the interpreter lock held by the thread
    that deletes it, which the task may need), or end their threads inside C++ code
    (an abort: "terminate called without an active exception"), or meet their last
    signals' deleted sources. The settings are written, forked children killed and the
    analysis process stopped first; nothing the user saved is touched."""
    import logging
    import multiprocessing

    from desktop import qt_settings
    from desktop.qt_chart_job import kill_running_children

    logging.getLogger("framescope").warning(
        "Ending without waiting for %s (exit code %d).", "; ".join(left_running), code)
    qt_settings.settings().sync()
    kill_running_children()
    for child in multiprocessing.active_children():  # the analysis process (framescope-run)
        child.terminate()  # it ends its pool's workers on SIGTERM
        child.join(1.0)
        if child.is_alive():
            child.kill()
            child.join(1.0)
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


# --- smoke test ---------------------------------------------------------------


class SmokeTestFailure(Exception):
    pass


def wait_for_load(window: MainWindow, timeout_ms: int) -> str:
    """Spin an event loop until the window's current load ends; the outcome's name."""
    from PySide6.QtCore import QEventLoop, QTimer

    outcome: list[str] = []
    loop = QEventLoop()

    def end(name: str) -> None:
        outcome.append(name)
        loop.quit()

    runner = window.runner
    connections = [
        (runner.finished, lambda _result: end("finished")),
        (runner.failed, lambda message: end(f"failed: {message}")),
        (runner.cancelled, lambda: end("cancelled")),
    ]
    for signal, slot in connections:
        signal.connect(slot)
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(lambda: end("timeout"))
    timer.start(timeout_ms)
    if window.is_busy():
        loop.exec()
    else:
        outcome.append("not running")
    timer.stop()
    for signal, slot in connections:
        signal.disconnect(slot)
    return outcome[0]


def wait_for_chart(view: Any, timeout_ms: int) -> bool:
    """Spin an event loop until the Compare view's chosen chart is on screen (charts are
    drawn off the GUI thread: desktop.qt_compare_view); False if not within the timeout."""
    import time

    from PySide6.QtCore import QEventLoop, QTimer

    def ready() -> bool:
        return view.current_chart() is not None and not view.chart_pending()

    deadline = time.monotonic() + timeout_ms / 1000
    while not ready():
        left = deadline - time.monotonic()
        if left <= 0:
            return False
        loop = QEventLoop()
        view.chart_shown.connect(loop.quit)
        QTimer.singleShot(min(int(left * 1000) + 1, 200), loop.quit)
        loop.exec()
        view.chart_shown.disconnect(loop.quit)
    return True


def check_export(path: Path, fmt: str) -> None:
    """Raise SmokeTestFailure unless ``path`` is a plausible file of format ``fmt``."""
    if not path.is_file():
        raise SmokeTestFailure(f"{path.name} was not written")
    data = path.read_bytes()
    if fmt == "png":
        if not data.startswith(b"\x89PNG\r\n\x1a\n"):
            raise SmokeTestFailure(f"{path.name} is not a PNG file")
        if len(data) < 2000:
            raise SmokeTestFailure(f"{path.name} is only {len(data)} bytes")
    elif fmt == "svg":
        import xml.etree.ElementTree as ET

        try:
            root = ET.fromstring(data)
        except ET.ParseError as exc:
            raise SmokeTestFailure(f"{path.name} does not parse: {exc}") from exc
        if root.tag.rsplit("}", 1)[-1] != "svg":
            raise SmokeTestFailure(f"{path.name}'s root element is {root.tag}, not svg")
    elif fmt == "pdf":
        if not data.startswith(b"%PDF"):
            raise SmokeTestFailure(f"{path.name} has no %PDF header")
    else:
        raise SmokeTestFailure(f"unknown export format {fmt!r}")


def _chart_keys() -> list[str]:
    from desktop.charts import CHART_KINDS

    return [kind.key for kind in CHART_KINDS]


# The smoke test's last resort: a blocked event loop cannot hang CI past this.
SMOKE_HARD_LIMIT_S = SMOKE_TIMEOUT_MS / 1000 + 120


def _close_modal_dialogs(app: QApplication, seen: list[str]) -> QTimer:
    """A timer that closes any modal dialog (nobody can click it offscreen), noting its text.

    An error box opened by the window (e.g. "Analysis failed") would otherwise
    wait for a click forever and the smoke test would hang instead of failing.
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QDialog, QMessageBox

    def check() -> None:
        widget = app.activeModalWidget()
        if widget is None:
            return
        text = widget.windowTitle()
        if isinstance(widget, QMessageBox):
            text = f"{text}: {widget.text()}"
            if widget.detailedText():
                text += f" ({widget.detailedText().strip().splitlines()[-1]})"
        seen.append(text)
        if isinstance(widget, QDialog):
            widget.reject()
        else:
            widget.close()

    timer = QTimer()
    timer.setInterval(200)
    timer.timeout.connect(check)
    timer.start()
    return timer


def _exit_after(seconds: float) -> threading.Timer:
    """A watchdog thread ending the process with status 1 if the smoke test overruns."""
    import threading

    def overrun() -> None:
        sys.stderr.write(f"smoke test failed: still running after {seconds:.0f} s\n")
        sys.stderr.flush()
        os._exit(1)

    watchdog = threading.Timer(seconds, overrun)
    watchdog.daemon = True
    watchdog.start()
    return watchdog


def _smoke_test(app: QApplication) -> int:
    import tempfile

    from desktop.charts import EXPORT_FORMATS
    from desktop.qt_main_window import MainWindow

    watchdog = _exit_after(SMOKE_HARD_LIMIT_S)
    dialogs: list[str] = []
    dialog_closer = _close_modal_dialogs(app, dialogs)
    window = MainWindow()
    window.show()
    try:
        seeds = seeds_dir()
        if not seeds.is_dir():
            raise SmokeTestFailure(f"the seeds folder {seeds} is missing")
        window.open_paths([seeds])
        outcome = wait_for_load(window, SMOKE_TIMEOUT_MS)
        if outcome != "finished":
            raise SmokeTestFailure(f"loading the seeds did not finish ({outcome})")
        if dialogs:
            raise SmokeTestFailure(f"a dialog opened while loading the seeds: {dialogs[0]}")
        rows = window.table_model.rowCount()
        if rows != SEED_ARTICLES:
            raise SmokeTestFailure(f"the table has {rows} rows, expected {SEED_ARTICLES}")
        if window.load_problems():
            problems = "; ".join(f"{p.file}: {p.reason}" for p in window.load_problems())
            raise SmokeTestFailure(f"problems loading the seeds: {problems}")

        charts = _chart_keys()
        view = window.compare_view
        with tempfile.TemporaryDirectory(prefix="framescope-smoke-") as tmp:
            for key in charts:
                view.select_chart(key)
                if not wait_for_chart(view, SMOKE_TIMEOUT_MS):
                    raise SmokeTestFailure(f"chart {key!r} was not drawn")
                if view.current_key() != key or view.current_chart() is None:
                    raise SmokeTestFailure(f"chart {key!r} could not be selected")
                figure = view.current_figure()
                if figure is None or not figure.axes:
                    raise SmokeTestFailure(f"chart {key!r} drew nothing")
                figure.canvas.draw()
                for fmt in EXPORT_FORMATS:
                    path = Path(tmp) / f"{key}.{fmt}"
                    view.export_figure(path)
                    check_export(path, fmt)
        if dialogs:
            raise SmokeTestFailure(f"a dialog opened: {dialogs[0]}")
        sys.stdout.write(
            f"smoke test passed: {rows} articles, {len(charts)} charts, "
            f"{len(EXPORT_FORMATS)} formats\n"
        )
        sys.stdout.flush()  # said now: a crash at the window's close or after is told apart
        return 0
    except SmokeTestFailure as exc:
        sys.stderr.write(f"smoke test failed: {exc}\n")
        return 1
    finally:
        dialog_closer.stop()
        # The smoke test's session is thrown away: no Save question at close.
        window.project.set_modified(False)
        window.close()
        watchdog.cancel()
