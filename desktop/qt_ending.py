"""Ending from outside: a stop signal or the desktop session's end.

A SIGTERM (a service manager, ``kill``, the session ending the processes it started),
a SIGHUP (the terminal that started the app closed) or a SIGINT (Ctrl+C in that
terminal) ends the app as a clean quit without a question, since nobody is there to
answer: unsaved work is autosaved and offered at the next start, as after a crash,
the workers are stopped as closing stops them, and the process exits 0
(:meth:`desktop.qt_main_window.MainWindow.end_from_outside`).

Python runs a signal's handler only between two bytecodes of the main thread, and the
GUI thread spends its idle time inside Qt's C++ event loop, where no bytecode runs: the
signal would wait for the next mouse move. So the C-level handler writes the signal's
number to a pipe (``signal.set_wakeup_fd``), whose reading end a ``QSocketNotifier``
watches: the event loop wakes and the ending starts from there.

The session's logout (``QGuiApplication.commitDataRequest``, X11 session management,
Windows' end of session) asks as closing does when the session manager lets the app
interact, and otherwise autosaves (:meth:`desktop.qt_project.ProjectController.commit_data`).

Stop signals are watched on POSIX systems only (:data:`SIGNALS_WATCHED`). Windows has no
SIGHUP, no ``os.register_at_fork``, and its ``set_wakeup_fd`` takes a socket, not a
pipe; nobody sends a windowed app SIGTERM there. Before, this module named
``signal.SIGHUP`` as it was imported, so the Windows app would have ended with an
AttributeError at every real start, just after its window opened (pack18, session 18).
"""

from __future__ import annotations

import logging
import os
import signal
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSocketNotifier, QTimer

if TYPE_CHECKING:
    from desktop.qt_main_window import MainWindow

#: The signals that end the app as a clean quit, and how the log and the next start name
#: them: those of the three this system has.
ENDING_SIGNALS = {
    getattr(signal, name): reason
    for name, reason in (
        ("SIGTERM", "a stop signal (SIGTERM)"),
        ("SIGHUP", "its terminal closing (SIGHUP)"),
        ("SIGINT", "Ctrl+C in its terminal (SIGINT)"),
    )
    if hasattr(signal, name)
}

#: Whether stop signals are watched here (a pipe woken by ``set_wakeup_fd``, and forked
#: children that give the handlers back): POSIX systems. Elsewhere only the session's end.
SIGNALS_WATCHED = os.name == "posix" and hasattr(os, "register_at_fork")

_log = logging.getLogger("framescope")


def _in_forked_child() -> None:
    """A child forked from the window's process (a chart, the claims, an autosave) must
    not write its own signals into the window's pipe, which it shares: a chart child
    stopped by a signal would end the window. It gets the default handlers back."""
    try:
        signal.set_wakeup_fd(-1)
        for number in ENDING_SIGNALS:
            signal.signal(number, signal.SIG_DFL)
    except ValueError:  # not the interpreter's main thread (cannot happen after a fork)
        pass


_fork_hook_registered = False


class EndingSignals(QObject):
    """Watches for :data:`ENDING_SIGNALS` while the event loop runs and hands each to
    ``window.end_from_outside``. ``uninstall`` puts back what was there before."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.received: list[int] = []
        self._previous: dict[int, Any] = {}
        self._notifier: QSocketNotifier | None = None
        if SIGNALS_WATCHED:
            self._watch_signals()

    def _watch_signals(self) -> None:
        global _fork_hook_registered
        self._reader, self._writer = os.pipe()  # not inherited by programs started (O_CLOEXEC)
        for end in (self._reader, self._writer):
            os.set_blocking(end, False)
        self._previous_fd = signal.set_wakeup_fd(self._writer, warn_on_full_buffer=False)
        self._previous = {number: signal.signal(number, self._note) for number in ENDING_SIGNALS}
        if not _fork_hook_registered:
            os.register_at_fork(after_in_child=_in_forked_child)
            _fork_hook_registered = True
        self._notifier = QSocketNotifier(self._reader, QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._wake)

    @staticmethod
    def _note(number: int, _frame: Any) -> None:
        """The Python handler: the number already went to the pipe (set_wakeup_fd),
        which wakes the event loop; nothing is done here, in the middle of whatever
        Python code the GUI thread was running."""

    def _wake(self, *_: Any) -> None:
        try:
            data = os.read(self._reader, 256)
        except (BlockingIOError, InterruptedError):
            return
        numbers = [n for n in data if n in ENDING_SIGNALS]
        if not numbers:
            return
        self.received.extend(numbers)
        reason = ENDING_SIGNALS[signal.Signals(numbers[0])]
        # From the event loop's next turn: not inside a slot of whatever the loop was doing.
        QTimer.singleShot(0, self.window, partial(self.window.end_from_outside, reason))

    # The project is built after the window's first paint (MainWindow.build_rest): before
    # it nothing is loaded, so nothing is unsaved.

    def commit_data(self, manager: Any) -> None:
        project = getattr(self.window, "project", None)
        if project is not None:
            project.commit_data(manager)

    def save_state(self, manager: Any) -> None:
        from desktop.qt_project import ProjectController

        ProjectController.save_state(manager)

    def uninstall(self) -> None:
        if self._notifier is None:
            return
        self._notifier.setEnabled(False)
        for number, previous in self._previous.items():
            signal.signal(number, previous)
        signal.set_wakeup_fd(self._previous_fd)
        os.close(self._reader)
        os.close(self._writer)


def install(app: Any, window: MainWindow) -> EndingSignals | None:
    """Watch for stop signals (where :data:`SIGNALS_WATCHED`) and the session's end for
    ``window`` (the main thread only: None elsewhere, where Python cannot set signal
    handlers)."""
    import threading

    if threading.current_thread() is not threading.main_thread():
        return None
    watcher = EndingSignals(window)
    app.commitDataRequest.connect(watcher.commit_data)
    app.saveStateRequest.connect(watcher.save_state)
    if SIGNALS_WATCHED:
        _log.debug("Watching for %s.", ", ".join(signal.Signals(n).name for n in ENDING_SIGNALS))
    return watcher
