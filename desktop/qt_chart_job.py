"""Charts of big corpora (and the claims' alignment) computed off the GUI thread,
in a forked process.

Building a chart is Python work over every article (TF-IDF over the wording
sample, per-outlet means and intervals): seconds at 10,000 articles. On a
thread of the GUI process it would hold the GIL against the window; in a
spawned process it would first need every analysis sent over (seconds of
pickling). A forked child already has the analyses (copy-on-write; the window
freezes the loaded objects out of the garbage collector, so the child does not
touch their pages), builds the chart with the same code, and sends it back
pickled. References to the analyses (and their articles) travel as their
position in the list, and the window puts its own objects back in their place:
the chart shown is the one :func:`desktop.charts.build_chart` gives, with the
window's analyses in it.

Where ``os.fork`` does not exist or is unsafe (not Linux), fails, or when another
thread of the window runs Python code at that moment, :func:`start_chart_job`
returns None and the caller does the work on a thread (:func:`start_thread_job`).
A child that crashes, or is stuck (blocked on a lock another thread held at the
fork: :mod:`desktop.fork_guard`), is reported through ``failed`` and killed; the
caller then does the work on a thread, never waiting on it silently.

A child's result (megabytes for a drawing; a pipe holds 64 KiB) is read as it comes
by a thread of the window's process, which also watches the child and reaps it: a
child never waits for the GUI thread, which may itself be waiting (an export that
needs the chart, a test's wait). A job deleted with its view stops its child.
"""

from __future__ import annotations

import atexit
import functools
import io
import os
import pickle
import select
import signal
import sys
import threading
import time
import weakref
from collections.abc import Callable, Sequence
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QSocketNotifier, Signal
from PySide6.QtWidgets import QWidget

from desktop.analysis_process import failure_message
from desktop.collection import (  # noqa: F401 (collection_paused is imported from here)
    collection_paused,
    pause_collection,
    resume_collection,
)
from desktop.fork_guard import (
    Watch,
    busy_threads,
    can_fork,
    exit_description,
    fork_safe,
    in_child,
)

#: Bytes read from the child at a time (by its pipe thread).
READ_CHUNK = 1 << 20
#: How often (ms) a child's pipe thread looks at whether it still makes progress.
WATCH_MS = 500
#: The name of the thread that takes a forked child's result (one per child).
PIPE_THREAD = "chart-pipe"
#: How long (seconds, in all) a fork waits for this process's other threads that run
#: Python code to finish (a chart being drawn, the views' imports); past it, no fork:
#: the work is done on a thread.
JOIN_SECONDS = 1.0


class _ChartPickler(pickle.Pickler):
    def __init__(self, file: io.BytesIO, analyses: Sequence[Any]) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self._analysis_at = {id(a): i for i, a in enumerate(analyses)}
        self._article_at = {id(a.article): i for i, a in enumerate(analyses)}

    def persistent_id(self, obj: Any) -> Any:
        key = id(obj)
        if key in self._analysis_at and not isinstance(obj, (int, str, tuple)):
            return ("analysis", self._analysis_at[key])
        if key in self._article_at and not isinstance(obj, (int, str, tuple)):
            return ("article", self._article_at[key])
        return None


class _ChartUnpickler(pickle.Unpickler):
    def __init__(self, file: io.BytesIO, analyses: Sequence[Any]) -> None:
        super().__init__(file)
        self._analyses = analyses

    def persistent_load(self, pid: Any) -> Any:
        kind, index = pid
        analysis = self._analyses[index]
        return analysis if kind == "analysis" else analysis.article


def dumps_chart(chart: Any, analyses: Sequence[Any]) -> bytes:
    """``chart`` pickled, its analyses (and articles) as positions in ``analyses``."""
    buffer = io.BytesIO()
    _ChartPickler(buffer, analyses).dump(chart)
    return buffer.getvalue()


def loads_chart(data: bytes, analyses: Sequence[Any]) -> Any:
    """The chart of :func:`dumps_chart`, with the objects of ``analyses`` put back."""
    return _ChartUnpickler(io.BytesIO(data), analyses).load()


class _Pause:
    """One :func:`pause_collection`, begun when made and ended once by :meth:`end`,
    whoever calls it first."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._on = True
        pause_collection()

    def end(self) -> None:
        with self._lock:
            if not self._on:
                return
            self._on = False
        resume_collection()


# Children still running; killed when this process exits (a stuck child would otherwise
# stay blocked after the app, holding its copy of the memory).
_running: set[int] = set()


@atexit.register
def kill_running_children() -> None:
    """Kill and reap every forked child still running (at exit, or before ending the
    process without the interpreter's teardown: desktop.qt_app.end_without_workers)."""
    for pid in list(_running):
        try:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        except OSError:
            pass
    _running.clear()


class _Received:
    """What the pipe thread of a :class:`ChartJob` has taken from its child (written by
    that thread, read by the GUI thread once the thread has ended)."""

    def __init__(self, told: int) -> None:
        self.told = told  # the end of the pipe the GUI thread is told through; -1 closed
        self.chunks: list[bytes] = []
        self.bytes = 0  # received so far (read while the thread runs: progress)
        self.status = 0  # the child's wait status, once reaped
        self.error = ""  # why there is no result to read, if the thread knows
        self.stuck = False  # the child made no progress and was stopped


def _stop_child(pid: int) -> None:
    """SIGKILL ``pid`` if it is still a running job's child (its pipe thread has not
    reaped it: its number cannot be another process's yet)."""
    if pid in _running:
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass


def _close_told(into: _Received) -> None:
    """Close the GUI thread's end of the pipe ``into``'s thread tells it through (on the
    GUI thread, once: its number may be another file's afterwards)."""
    if into.told >= 0:
        os.close(into.told)
        into.told = -1


def _job_deleted(pid: int, into: _Received) -> None:
    """A :class:`ChartJob` deleted while its child may run (with the view that owned it):
    the child is stopped, and its pipe thread then reaps it and ends."""
    _stop_child(pid)
    _close_told(into)


def _take_result(pid: int, fd: int, into: _Received, watch: Watch, tell: int) -> None:
    """The pipe thread of a :class:`ChartJob`: read the child's result into ``into`` as
    it comes, until the child has closed the pipe (ended); stop the child if it makes
    no progress (``watch``); reap it; then write a byte to ``tell``, which the GUI thread
    watches. It takes no lock and touches no Qt object (a fork beside it is safe:
    :func:`desktop.fork_guard.fork_safe`), and never waits on the GUI thread, so the
    child never does either: a pipe holds 64 KiB, a drawing megabytes, and a child
    whose result waited for the GUI thread to read it could wait for ever on a GUI
    thread that was itself waiting (the window's reading only from its event loop)."""
    poller = select.poll()
    poller.register(fd, select.POLLIN)
    try:
        while True:
            if not poller.poll(WATCH_MS):
                if watch.stuck(into.bytes):
                    into.error = (f"made no progress for {watch.idle_seconds():.0f} s "
                                  "and was stopped")
                    into.stuck = True
                    _stop_child(pid)
                continue
            try:
                chunk = os.read(fd, READ_CHUNK)
            except OSError as exc:
                into.error = f"its result could not be read ({exc})"
                _stop_child(pid)
                break
            if not chunk:  # the child has ended (or been stopped)
                break
            into.chunks.append(chunk)
            into.bytes += len(chunk)
    finally:
        os.close(fd)
        _running.discard(pid)  # before it is reaped: its number may then be reused
        try:
            into.status = os.waitpid(pid, 0)[1]
        except ChildProcessError:  # reaped by the exit handler
            pass
        try:
            os.write(tell, b"!")
        except OSError:  # the job was cancelled: nobody reads it
            pass
        os.close(tell)


class ChartJob(QObject):
    """Work (a chart, the claims' alignment, an autosave) done in a forked child; ``done``
    carries its result, ``failed`` why there is none (the caller then does the work on a
    thread): the child raised, crashed, or was stuck and has been stopped.

    A thread of this process (:func:`_take_result`) takes the child's result as it comes
    and watches the child (:class:`desktop.fork_guard.Watch`): one that makes no progress
    for :data:`desktop.fork_guard.STALL_SECONDS` (no CPU time, no I/O, nothing sent) is
    blocked on a lock it inherited, and is killed. Neither waits for the GUI thread,
    which is told through a pipe when the child has ended. A job deleted (with the view
    that owns it) stops its child."""

    done = Signal(object)
    failed = Signal(str)

    def __init__(self, pid: int, fd: int, analyses: Sequence[Any],
                 parent: QObject | None = None, *, job: str = "chart") -> None:
        super().__init__(parent)
        self.pid = pid
        self.job = job
        #: Why the child gave no result ("" while running or after a result).
        self.error = ""
        #: Whether the child was stopped because it made no progress.
        self.stuck = False
        #: How long the fork took on the calling thread (seconds).
        self.fork_seconds = 0.0
        self._analyses = analyses
        self._ended = False
        _running.add(pid)
        told, tell = os.pipe()
        self._received = _Received(told)
        self._notifier = QSocketNotifier(told, QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_ended)
        self.destroyed.connect(functools.partial(_job_deleted, pid, self._received))
        self._thread = threading.Thread(
            target=_take_result, args=(pid, fd, self._received, Watch(pid), tell),
            name=PIPE_THREAD, daemon=True)
        fork_safe(self._thread)
        self._thread.start()

    def is_running(self) -> bool:
        return not self._ended

    def _on_ended(self, *_: Any) -> None:
        if not self._ended:
            self._finish()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the child has sent everything (an export needs the result now),
        or has ended without, or is found stuck (then ``failed`` is emitted and the caller
        does the work). The child's pipe thread reads and watches meanwhile. At most
        ``timeout`` seconds (None: as long as the child works): False if the child was
        still working then (nothing is emitted; the job goes on)."""
        if not self._ended:
            self._thread.join(timeout)
            if self._thread.is_alive():
                return False
            self._finish()
        return True

    def cancel(self) -> None:
        """Stop the child and forget its result (the child is reaped before this returns:
        its pipe thread sees the pipe closed at once)."""
        if self._ended:
            return
        _stop_child(self.pid)
        self._end()
        self._thread.join()

    def _end(self) -> None:
        self._ended = True
        self._notifier.setEnabled(False)
        self._notifier.deleteLater()
        _close_told(self._received)

    def _finish(self) -> None:
        self._thread.join()  # it has told, or is about to: microseconds
        self._end()
        received = self._received
        data, received.chunks = b"".join(received.chunks), []
        self.stuck = received.stuck
        error = received.error
        if not error:
            ended = exit_description(received.status)
            try:
                kind, payload = data[:1], data[1:]
                if kind == b"+" and not ended:
                    self.done.emit(loads_chart(payload, self._analyses))
                    return
                if kind == b"-":
                    error = "failed: " + payload.decode("utf-8", "replace")
                else:
                    error = ended or "ended without a result"
            except Exception as exc:  # reported; the caller does the work itself
                error = "sent a result that could not be read: " + failure_message(exc)
        self.error = error
        self.failed.emit(error)


class JobCancelled(Exception):
    """Raised by :func:`stop_if_cancelled` in the work of a cancelled :class:`ThreadJob`."""


_on_job = threading.local()


def stop_if_cancelled() -> None:
    """Between the steps of work done on a :class:`ThreadJob` (a chart built, then plotted,
    then drawn): raise :class:`JobCancelled` once the job has been cancelled, so that a
    chart the user has moved on from stops at its next step instead of holding the
    interpreter lock (and a closing window) until its drawing ends. Does nothing elsewhere
    (a forked child is killed instead)."""
    cancelled = getattr(_on_job, "cancelled", None)
    if cancelled is not None and cancelled.is_set():
        raise JobCancelled


#: Thread jobs of these kinds run one at a time (charts: one matplotlib drawing at a
#: time in this process, and a chart chosen while another is drawn waits for it rather
#: than compete with it for the interpreter lock).
_ONE_AT_A_TIME = {"chart": threading.Lock()}


class _PauseEnds(QObject):
    """Ends, on the GUI thread, the collection pause of a :class:`ThreadJob` whose thread
    has ended: after joining that thread, so that no collection due then starts on it.
    Lives as long as the app: the job itself may have been deleted while its thread
    worked (its window closed), and its own signals with it."""

    ended = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.ended.connect(self._end)

    def _end(self, ticket: tuple[threading.Thread, _Pause]) -> None:
        thread, pause = ticket
        thread.join()  # it has emitted this as its last act: microseconds
        pause.end()


_pause_ends: _PauseEnds | None = None


class _GuiRelay(QObject):
    """Carries a call from a worker thread to a Qt object's method on the GUI thread.
    Lives as long as the app, so a thread never emits a signal of an object that may be
    deleted while it emits (a view closed under it: PySide's check that the object still
    lives and the emit itself are not one step, and the race segfaulted CI once:
    test_chart_drawn_elsewhere, a Compare view deleted while its chart-scene thread
    emitted). The receiver is held by a weak reference and its method is called only if
    its C++ object still exists."""

    carried = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.carried.connect(self._call)

    @staticmethod
    def _call(message: tuple[weakref.ref[QObject], str, tuple[Any, ...]]) -> None:
        ref, method, args = message
        receiver = ref()
        if receiver is None or not shiboken6.isValid(receiver):
            return  # deleted meanwhile: nobody to tell
        getattr(receiver, method)(*args)


_relay: _GuiRelay | None = None


def gui_relay() -> _GuiRelay:
    """The one :class:`_GuiRelay`; call it on the GUI thread (it is made there) before
    the thread that uses it starts."""
    global _relay
    if _relay is None:
        _relay = _GuiRelay()
    return _relay


def call_on_gui_thread(relay: _GuiRelay, receiver: QObject, method: str, *args: Any) -> None:
    """From a worker thread: ``receiver.method(*args)`` on the GUI thread, unless the
    receiver has been deleted by then."""
    relay.carried.emit((weakref.ref(receiver), method, args))


def _gui_thread_pause_ends() -> _PauseEnds:
    """The one :class:`_PauseEnds`, made (on the GUI thread) by the first ThreadJob."""
    global _pause_ends
    if _pause_ends is None:
        _pause_ends = _PauseEnds()
    return _pause_ends


class ThreadJob(QObject):
    """The same work as a :class:`ChartJob`, on a thread of this process (where no
    child can be forked, or one failed): ``done`` or ``failed`` on the GUI thread.
    ``cancel`` drops the result, and the work if it has not begun (it waits for the one
    before it: :data:`_ONE_AT_A_TIME`); work under way stops at its next step (a chart:
    after it is built, after it is plotted: :func:`stop_if_cancelled`)."""

    done = Signal(object)
    failed = Signal(str)

    pid: int | None = None
    stuck = False
    error = ""

    def __init__(self, function: Callable[..., Any], analyses: Sequence[Any], args: Sequence[Any],
                 parent: QObject | None = None, *, job: str = "chart") -> None:
        super().__init__(parent)
        self.job = job
        self._result: tuple[bool, Any] = (False, "")
        self._has_result = threading.Event()
        self._ended = False
        self._cancelled = threading.Event()
        turn = _ONE_AT_A_TIME.get(job)
        # No garbage collection while the thread works, and none on it: a collection on
        # a thread other than the GUI's can free a Python slot of a Qt connection, and
        # PySide then disconnects it there, holding Qt's connection lock while it waits
        # for the interpreter lock, which the GUI thread may hold while it waits for that
        # Qt lock (a connect): both wait for ever (seen in CI: an export's connect on the
        # GUI thread against a collection in matplotlib's allocations on the chart
        # thread). Collection resumes on the GUI thread once the thread has ended
        # (_deliver, or _PauseEnds if the job was deleted meanwhile), never earlier: a job
        # deleted while its thread worked once resumed it at once, and the thread's next
        # allocations collected there (a segfault in 'Garbage-collecting' on chart-job,
        # chart13's suite, session 13).
        self._pause = pause = _Pause()
        ends = _gui_thread_pause_ends()
        relay = gui_relay()

        def work() -> None:
            if turn is not None:
                turn.acquire()
            _on_job.cancelled = self._cancelled
            try:
                if self._cancelled.is_set():
                    self._result = (False, "cancelled")
                else:
                    self._result = (True, function(analyses, *args))
            except JobCancelled:  # stopped between two steps (stop_if_cancelled)
                self._result = (False, "cancelled")
            except Exception as exc:  # sent to the GUI thread, which reports it
                self._result = (False, failure_message(exc))
            finally:
                if turn is not None:
                    turn.release()
            self._has_result.set()
            ends.ended.emit((threading.current_thread(), pause))
            call_on_gui_thread(relay, self, "_deliver")

        self._thread = threading.Thread(target=work, name=f"{job}-job", daemon=True)
        self._thread.start()

    def is_running(self) -> bool:
        return not self._ended

    def _deliver(self) -> None:
        if not self._has_result.is_set():
            return
        # Resumed on the GUI thread once the thread has ended (its last lines after the
        # emit: microseconds). Resumed while it still ran them, the collection its young
        # objects are due could start there, on the thread (seen: 48 ms on "chart-job").
        self._thread.join()
        self._pause.end()
        if self._ended:
            return
        self._ended = True
        ok, value = self._result
        if ok:
            self.done.emit(value)
        else:
            self.error = value
            self.failed.emit(value)

    def wait(self, timeout: float | None = None) -> bool:
        """Until the thread has ended (a cancelled job's too: the window closing waits
        for it, as the interpreter must not end a thread inside matplotlib's or Qt's C++
        code), then deliver the result if it is still wanted. At most ``timeout`` seconds
        (None: as long as the work takes): False if the thread still worked then (nothing
        is delivered; the job goes on and delivers when it ends)."""
        self._thread.join(timeout)
        if self._thread.is_alive():
            return False
        self._deliver()
        return True

    def cancel(self) -> None:
        self._ended = True
        self._cancelled.set()


#: Why the last :func:`start_job` did not fork ("" if it did).
last_refusal = ""


def start_job(
    function: Callable[..., Any], analyses: Sequence[Any], *args: Any,
    parent: QObject | None = None, job: str = "chart",
) -> ChartJob | None:
    """Run ``function(analyses, *args)`` in a forked child; its result arrives with
    ``done`` (analyses and articles in it are the caller's own objects). None where
    processes cannot be forked, or not safely now (another thread is running Python
    code: :func:`desktop.fork_guard.busy_threads`); the caller then does the work on
    a thread, and :data:`last_refusal` says why."""
    global last_refusal
    if not can_fork():
        last_refusal = "processes are not forked on this system"
        return None
    drawing = [t.name for t in threading.enumerate() if t.name == "chart-job" and t.is_alive()]
    # A chart drawn on a thread (up to a few hundred articles, or where a fork was refused)
    # takes up to a second or two: the caller would wait for it on the GUI thread (a 1.1 s
    # stall was measured); the work goes to a thread at once instead.
    busy = drawing or busy_threads(JOIN_SECONDS)
    if busy:
        last_refusal = "other threads were running Python code: " + ", ".join(busy)
        return None
    read_fd, write_fd = os.pipe()
    started = time.perf_counter()
    try:
        pid = os.fork()
    except OSError as exc:
        os.close(read_fd)
        os.close(write_fd)
        last_refusal = f"fork failed: {exc}"
        return None
    if pid == 0:  # the child: never returns, never touches Qt
        code = 0
        try:
            os.close(read_fd)
            in_child(job)
            try:
                data = b"+" + dumps_chart(function(analyses, *args), analyses)
            except BaseException as exc:  # sent to the window, which does the work itself
                data, code = b"-" + failure_message(exc).encode("utf-8"), 1
            view = memoryview(data)
            while view:
                view = view[os.write(write_fd, view):]
        finally:
            os._exit(code)
    seconds = time.perf_counter() - started
    os.close(write_fd)
    last_refusal = ""
    result = ChartJob(pid, read_fd, analyses, parent, job=job)
    result.fork_seconds = seconds
    return result


def start_thread_job(
    function: Callable[..., Any], analyses: Sequence[Any], *args: Any,
    parent: QObject | None = None, job: str = "chart",
) -> ThreadJob:
    """``function(analyses, *args)`` on a thread of this process (see :class:`ThreadJob`)."""
    return ThreadJob(function, analyses, args, parent, job=job)


def report_problem(widget: QWidget, message: str) -> None:
    """Tell the user about background work that went wrong (the window's status bar,
    and the log): never silently."""
    import logging

    logging.getLogger("framescope").warning("%s", message)
    window = widget.window()
    tell = getattr(window, "tell", None)
    if callable(tell):  # the main window: shown, and said to a screen reader at once
        tell(message, 20000, error=True)
        return
    status_bar = getattr(window, "statusBar", None)
    if callable(status_bar):
        status_bar().showMessage(message, 20000)


def _build_chart(
    analyses: Sequence[Any], kind: str, measure: str | None, alignment: Any,
    outlets_loaded: Sequence[str] = (),
) -> Any:
    from desktop.charts import build_chart

    modules = len(sys.modules)
    chart = build_chart(kind, analyses, measure=measure, alignment=alignment,
                        outlets_loaded=outlets_loaded)
    if len(sys.modules) > modules:
        freeze_imported()
    return chart


def freeze_imported() -> None:
    """Move every object alive now out of the garbage collector's generations
    (``gc.freeze``), after a chart's first build imported its libraries (scipy for the
    outlet charts, scikit-learn for the similarity: 600-1000 modules, ~50,000-120,000
    objects). They stay for the process's life; left young, the first collection after a
    chart drawn on a thread (on the GUI thread, where collection resumes: ThreadJob) walked
    them all, 65-100 ms, and the next generation-1 collection again (90 ms seen). Called
    before the drawing, so the figure (dropped with the chart later) is not frozen; the
    build's own garbage that is frozen with them is small and made once per library.
    Freezing collects and frees nothing, so it is safe on any thread."""
    import gc

    gc.freeze()


def start_chart_job(
    kind: str, analyses: Sequence[Any], *, measure: str | None = None, alignment: Any = None,
    parent: QObject | None = None,
) -> ChartJob | None:
    """``desktop.charts.build_chart(kind, analyses, ...)`` in a forked child (see
    :func:`start_job`); None where processes cannot be forked."""
    import desktop.charts  # noqa: F401  (imported here, not in each child)

    return start_job(_build_chart, analyses, kind, measure, alignment, parent=parent)


def start_thread_chart_job(
    kind: str, analyses: Sequence[Any], *, measure: str | None = None, alignment: Any = None,
    parent: QObject | None = None,
) -> ThreadJob:
    """The chart of :func:`start_chart_job`, computed on a thread of this process."""
    return start_thread_job(_build_chart, analyses, kind, measure, alignment, parent=parent)


def _draw_chart(
    analyses: Sequence[Any], kind: str, measure: str | None, alignment: Any, chart: Any,
    sizer: Any, ratio: float, dpi: float, version: str, pickle_scene: bool,
    outlets_loaded: Sequence[str] = (),
) -> Any:
    """The chart (built first unless given) drawn to pixels for the window's canvas:
    a :class:`desktop.chart_pixels.Pixels`, its chart and figure pickled when it goes to
    the window from a child (read there off the GUI thread), as objects on a thread."""
    from desktop.chart_pixels import draw_pixels

    if chart is None:
        chart = _build_chart(analyses, kind, measure, alignment, outlets_loaded)
    stop_if_cancelled()
    pixels = draw_pixels(chart, version, sizer, ratio, dpi, between=stop_if_cancelled)
    if pickle_scene:
        pixels.scene = dumps_chart((pixels.chart, pixels.figure), analyses)
        pixels.chart = pixels.figure = None
    return pixels


def start_drawing_job(
    kind: str, analyses: Sequence[Any], *, measure: str | None, alignment: Any, chart: Any,
    sizer: Any, ratio: float, dpi: float, version: str, parent: QObject | None = None,
    outlets_loaded: Sequence[str] = (),
) -> ChartJob | None:
    """The chart ``kind`` (``chart`` if already built) drawn to pixels in a forked child,
    at the size ``sizer`` gives it (see :func:`desktop.chart_pixels.draw_pixels`);
    ``done`` carries the :class:`desktop.chart_pixels.Pixels`. None where no child can be
    forked (safely) now: see :func:`start_job`."""
    import desktop.chart_pixels
    import desktop.charts  # noqa: F401  (both imported here, not in each child)

    return start_job(_draw_chart, analyses, kind, measure, alignment, chart, sizer, ratio, dpi,
                     version, True, tuple(outlets_loaded), parent=parent)


def start_thread_drawing_job(
    kind: str, analyses: Sequence[Any], *, measure: str | None, alignment: Any, chart: Any,
    sizer: Any, ratio: float, dpi: float, version: str, parent: QObject | None = None,
    outlets_loaded: Sequence[str] = (),
) -> ThreadJob:
    """What :func:`start_drawing_job` does, on a thread of this process (on a Figure of
    its own: the one the window shows is never touched there)."""
    return start_thread_job(_draw_chart, analyses, kind, measure, alignment, chart, sizer,
                            ratio, dpi, version, False, tuple(outlets_loaded), parent=parent)
