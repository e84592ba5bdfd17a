"""Analysis off the GUI thread: one ``QRunnable`` per run, one runner per window.

The contract is :class:`models.progress.Progress`: the task hands the models a
progress object whose ``set_progress``/``set_status`` emit signals and whose
``is_cancelled`` reads a thread-safe flag. The signals live on a separate
``QObject`` created on the GUI thread, so every emission from the worker
thread is delivered to the GUI thread through a queued connection. Widgets
are never touched from the worker.

:class:`AnalysisRunner` follows Orange3's ``concurrent.py``: a new run cancels
the one before, and whatever the old task still reports is ignored.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Mapping, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from desktop.analysis_process import failure_message

__all__ = ["AnalysisRunner", "AnalysisTask", "SignalProgress", "TaskSignals", "failure_message"]

#: How long (seconds) a cancelled analysis process may take to stop before it is ended.
PROCESS_GRACE_SECONDS = 3.0


class TaskSignals(QObject):
    """What a task reports. ``finished`` carries a ``models.pipeline.CorpusAnalysis``."""

    progress = Signal(float)  # 0.0 to 1.0
    status = Signal(str)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    #: A pickled message from the analysis process (desktop.analysis_process), unpickled
    #: on the GUI thread: this thread only waits on the pipe and hardly holds the GIL.
    message = Signal(bytes)
    #: Corpus files whose columns the user must choose before the run can start: the
    #: columns known so far (path -> ColumnMapping) and the files to ask about
    #: (desktop.qt_column_dialog.Unclear). The task ends without reading anything.
    columns_needed = Signal(object, object)


class SignalProgress:
    """A :class:`models.progress.Progress` that forwards to Qt signals.

    Called on the worker thread; emitting is thread-safe and the flag is a
    ``threading.Event``.
    """

    #: At most one progress and one status signal per this many seconds: a
    #: corpus of 10,000 articles must not flood the GUI thread with events.
    MIN_INTERVAL = 0.05

    def __init__(self, signals: TaskSignals, cancel_flag: threading.Event) -> None:
        self._signals = signals
        self._cancel_flag = cancel_flag
        self._last_progress = self._last_status = -1.0

    def set_progress(self, fraction: float) -> None:
        fraction = min(max(float(fraction), 0.0), 1.0)
        now = time.monotonic()
        if fraction >= 1.0 or now - self._last_progress >= self.MIN_INTERVAL:
            self._last_progress = now
            self._signals.progress.emit(fraction)

    def set_status(self, text: str) -> None:
        now = time.monotonic()
        if now - self._last_status >= self.MIN_INTERVAL:
            self._last_status = now
            self._signals.status.emit(text)

    def is_cancelled(self) -> bool:
        return self._cancel_flag.is_set()

    def wait_for_cancel(self, timeout: float) -> bool:
        """Block the worker until cancelled or ``timeout`` seconds pass; True if cancelled.

        For work that waits on something slow and must still stop promptly.
        """
        return self._cancel_flag.wait(timeout)


class AnalysisTask(QRunnable):
    """Reads and analyses ``paths`` with :func:`models.pipeline.analyze_paths`, or
    analyses ``articles`` already read (a reopened project, a re-score after a
    lexicon edit) with :func:`models.pipeline.analyze_loaded`. ``finder`` (a
    :class:`models.cues.CueFinder`) replaces the shipped lexicon's when given.

    Files are read and analysed in a process of their own
    (:mod:`desktop.analysis_process`), which streams the analyses back in
    batches; this thread only relays its messages. With an ``engine`` given,
    or :attr:`use_process` off, the pipeline runs on this thread instead.

    With ``column_choices`` (the window's remembered column choices, by header), this
    thread first looks through the paths for corpus files (tables) and sorts them as
    the window's column dialog needs (:func:`desktop.qt_column_dialog.sort_corpus_files`):
    a folder of 10,000 files took the GUI thread 40-90 ms to list while other threads
    wanted the interpreter lock (every directory entry releases it). Files whose columns
    are unclear end the task with ``columns_needed``; the window asks and starts again.
    """

    #: Read and analyse files in a separate process (the window stays responsive).
    use_process = True

    def __init__(
        self, paths: Sequence[str | Path], file_columns: Mapping[Path, Any] | None = None,
        *, articles: Sequence[Any] | None = None, finder: Any = None, engine: Any = None,
        column_choices: Mapping[tuple[str, ...], Any] | None = None,
        known_outlets: Sequence[str] = (),
    ) -> None:
        super().__init__()
        # Where articles are analysed (a models.engines engine); None: a process
        # pool over every core, which also keeps the analysis off this process's GIL.
        self.engine = engine
        # The runner keeps the Python reference; Qt must not delete the C++ object under it.
        self.setAutoDelete(False)
        self.paths = [str(p) for p in paths]
        # Corpus files' columns as the user confirmed them (models.readers.ColumnMapping).
        self.file_columns = dict(file_columns or {})
        # Look for corpus files here first (see the class docstring): a copy, taken on
        # the GUI thread, which alone changes the window's choices.
        self.column_choices = None if column_choices is None else dict(column_choices)
        self.articles = None if articles is None else list(articles)
        # The outlets already in the window: an article read as "cnn" joins its "CNN"
        # (models.readers.read_paths). A copy, taken on the GUI thread.
        self.known_outlets = list(known_outlets)
        self.finder = finder
        self.signals = TaskSignals()
        self._cancel_flag = threading.Event()
        self.done = threading.Event()
        #: The analysis process while it runs (tests look at it).
        self.process: Any = None
        #: Analyses received from the analysis process (kept on the GUI thread).
        self.streamed: list[Any] = []

    def runs_in_process(self) -> bool:
        return self.use_process and self.articles is None and self.engine is None

    def cancel(self) -> None:
        self._cancel_flag.set()

    def is_cancelled(self) -> bool:
        return self._cancel_flag.is_set()

    def run(self) -> None:
        if self.column_choices is not None and self.articles is None:
            try:
                unclear = self._sort_corpus_files()
            except Exception as exc:  # reported to the user by the window, never swallowed
                self.signals.failed.emit(failure_message(exc))
                self.done.set()
                return
            if unclear and not self._cancel_flag.is_set():
                self.signals.columns_needed.emit(dict(self.file_columns), unclear)
                self.done.set()
                return
        if self.runs_in_process():
            try:
                self._relay()
            except Exception as exc:  # reported to the user by the window, never swallowed
                self.signals.failed.emit(failure_message(exc))
            finally:
                self.done.set()
            return
        # Import here, on the worker: the analysis stack is not needed to show the window.
        from models import pipeline
        from models.progress import Cancelled

        progress = SignalProgress(self.signals, self._cancel_flag)
        try:
            if self._cancel_flag.is_set():
                raise Cancelled
            extra = {} if self.finder is None else {"finder": self.finder}
            if self.articles is not None:
                result = pipeline.analyze_loaded(self.articles, progress, **extra)
            else:
                from models.engines import ProcessPoolEngine

                engine = self.engine if self.engine is not None else ProcessPoolEngine()
                result = pipeline.analyze_paths(
                    self.paths, progress, file_columns=self.file_columns, engine=engine,
                    known_outlets=self.known_outlets, **extra,
                )
            # What the window's charts import on first use, imported here rather
            # than on the GUI thread (scipy.stats alone takes a second or two).
            import scipy.stats  # noqa: F401
        except Cancelled:
            self.signals.cancelled.emit()
        except Exception as exc:  # reported to the user by the window, never swallowed
            self.signals.failed.emit(failure_message(exc))
        else:
            if self._cancel_flag.is_set():
                self.signals.cancelled.emit()
            else:
                self.signals.finished.emit(result)
        finally:
            self.done.set()


    def _sort_corpus_files(self) -> list[Any]:
        """The corpus files among the paths: remembered or clear ones join
        ``file_columns``; the unclear ones are returned (desktop.qt_column_dialog.Unclear)."""
        from models.table_files import corpus_files

        tables = corpus_files(self.paths)
        if not tables:
            return []
        from desktop.qt_column_dialog import sort_corpus_files

        known, unclear = sort_corpus_files(tables, self.column_choices or {})
        self.file_columns = {**known, **self.file_columns}
        return unclear

    def _relay(self) -> None:
        """Start the analysis process and pass its messages on until it ends."""
        import multiprocessing

        from desktop.analysis_process import analysis_main

        if self._cancel_flag.is_set():
            self.signals.cancelled.emit()
            return
        context = multiprocessing.get_context("spawn")
        receive, send = context.Pipe(duplex=False)
        control_read, control = context.Pipe(duplex=False)
        # Not a daemon: it starts the analysis pool's worker processes itself.
        process = context.Process(
            target=analysis_main, name="framescope-run",
            args=(send, control_read, self.paths, self.file_columns, self.finder, 0,
                  self.known_outlets),
        )
        process.start()
        send.close()  # the child holds the sending end: EOF here when it ends
        control_read.close()
        self.process = process
        # This loop only waits on the pipe and emits signals: a window's fork (a chart,
        # the claims, an autosave: desktop.qt_chart_job) may happen beside it.
        from desktop.fork_guard import fork_safe_thread

        try:
            with fork_safe_thread():
                while True:
                    if self._cancel_flag.is_set():
                        try:
                            control.send("cancel")
                        except OSError:
                            pass  # it has ended already
                        # The window hears "cancelled" once the process has said it
                        # stopped (its workers ended), not after its own end: on a busy
                        # machine that low-priority exit took 0.2-0.7 s more.
                        said = _wait_reading(process, receive, PROCESS_GRACE_SECONDS,
                                             self.signals.cancelled.emit)
                        if not said:
                            self.signals.cancelled.emit()
                        return
                    if not receive.poll(0.05):
                        continue
                    try:
                        data = receive.recv_bytes()
                    except (EOFError, OSError):
                        break
                    self.signals.message.emit(data)
                process.join(PROCESS_GRACE_SECONDS)
                if process.exitcode != 0:
                    self.signals.failed.emit(process_ended_message(process.exitcode))
        finally:
            if process.is_alive():
                _end_process(process)
            receive.close()
            control.close()


def process_ended_message(exitcode: int | None) -> str:
    """The window's words when the analysis process itself ended abruptly (a segfault in
    a compiled library, an abort, the out-of-memory killer) rather than with its report:
    how it ended, then the diagnostics log where its fault handler left its last stacks
    (desktop.analysis_process.analysis_main). Before, only "(exit code -11)", and no log."""
    from desktop.log_file import current_log, log_path
    from models.faults import how_it_ended, where_the_stack_is

    where = where_the_stack_is(str(current_log() or log_path()))
    return (f"The analysis process ended unexpectedly ({how_it_ended(exitcode)}).\n\n"
            f"{where[0].upper()}{where[1:]}.")


#: Messages no longer than this (bytes) are looked at while a cancelled analysis process
#: ends, for its "cancelled"; batches of analyses are dropped unread.
SMALL_MESSAGE = 256


def _wait_reading(
    process: Any, receive: Any, timeout: float, on_cancelled: Any = None
) -> bool:
    """Wait up to ``timeout`` s for ``process`` to end, reading (and dropping) what it
    still sends: a child blocked writing a batch to a full pipe would never see the
    cancel it was sent. ``on_cancelled()`` is called (once) as soon as the process has
    sent its "cancelled" message (desktop.analysis_process.run_analysis); True if it was."""
    import pickle

    said = False
    deadline = time.monotonic() + timeout
    while process.is_alive() and time.monotonic() < deadline:
        try:
            if receive.poll(0.05):
                data = receive.recv_bytes()
                if on_cancelled is not None and not said and len(data) <= SMALL_MESSAGE \
                        and pickle.loads(data) == ("cancelled",):
                    said = True
                    on_cancelled()
        except (EOFError, OSError):
            process.join(max(0.0, deadline - time.monotonic()))
            return said
    return said


def _end_process(process: Any) -> None:
    """Terminate the analysis process (it ends its pool workers on SIGTERM:
    desktop.analysis_process.end_on_terminate), and kill it if it is still there
    a second later."""
    process.terminate()
    process.join(1.0)
    if process.is_alive():
        process.kill()
        process.join(1.0)


class AnalysisRunner(QObject):
    """Runs one :class:`AnalysisTask` at a time on its own thread pool.

    Its signals report only the current task; a task replaced by a newer
    ``start`` is cancelled and its late results are dropped.
    """

    started = Signal()
    progress = Signal(float)
    status = Signal(str)
    #: Analyses of the current run, in the result's order, while it goes on (a list).
    analysed = Signal(list)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    #: The current task found corpus files to ask about (AnalysisTask.columns_needed) and
    #: ended: its paths, the columns known, the files to ask about.
    columns_needed = Signal(list, object, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._current: AnalysisTask | None = None
        # Every task started since the pool was last idle. Python must keep a
        # task alive while the pool may still be inside its run(), and until
        # its last signal has been delivered.
        self._tasks: list[AnalysisTask] = []

    def is_running(self) -> bool:
        return self._current is not None

    def current_task(self) -> AnalysisTask | None:
        return self._current

    def start(
        self, paths: Sequence[str | Path], file_columns: Mapping[Path, Any] | None = None,
        *, articles: Sequence[Any] | None = None, finder: Any = None,
        column_choices: Mapping[tuple[str, ...], Any] | None = None,
        known_outlets: Sequence[str] = (),
    ) -> AnalysisTask:
        """Start analysing ``paths`` (or ``articles``, e.g. a reopened project); a run
        already going is cancelled and ignored.

        ``file_columns``: corpus files' column mappings, by path; ``finder``: a
        models.cues.CueFinder with the user's lexicon edits (None: the shipped one);
        ``column_choices``: look for corpus files on the worker first (AnalysisTask);
        ``known_outlets``: the outlets loaded, whose spellings new articles join."""
        if self._current is not None:
            self._current.cancel()
        if self._pool.waitForDone(0):
            self._tasks.clear()
        task = AnalysisTask(paths, file_columns, articles=articles, finder=finder,
                            column_choices=column_choices, known_outlets=known_outlets)
        s = task.signals
        s.progress.connect(partial(self._forward, task, self.progress))
        s.status.connect(partial(self._forward, task, self.status))
        s.finished.connect(partial(self._on_end, task, self.finished))
        s.failed.connect(partial(self._on_end, task, self.failed))
        s.cancelled.connect(partial(self._on_end, task, self.cancelled))
        s.message.connect(partial(self._on_message, task))
        s.columns_needed.connect(partial(self._on_columns_needed, task))
        self._tasks.append(task)
        self._current = task
        self._pool.start(task)
        self.started.emit()
        return task

    def cancel(self) -> None:
        """Ask the current task to stop; ``cancelled`` follows once it has."""
        if self._current is not None:
            self._current.cancel()

    def shutdown(self, timeout_ms: int = 10000) -> bool:
        """Cancel everything and wait for the worker; True if it stopped in time."""
        for task in self._tasks:
            task.cancel()
        self._current = None
        return bool(self._pool.waitForDone(timeout_ms))

    def _forward(self, task: AnalysisTask, signal: Any, *args: Any) -> None:
        if task is self._current:
            signal.emit(*args)

    def _on_message(self, task: AnalysisTask, data: bytes) -> None:
        """A message of the analysis process (desktop.analysis_process), on the GUI thread."""
        if task is not self._current:
            return
        import gc
        import pickle  # here, not before the window first paints

        # No collection while a batch of analyses is unpickled and taken in: they hold
        # no reference cycles, and the window freezes what it keeps (gc.freeze), so a
        # collection would only walk ~100,000 new objects, up to 90 ms on this thread.
        collecting = gc.isenabled()
        gc.disable()
        try:
            message = pickle.loads(data)
            if message[0] == "analysed":
                self._handle(task, message)
        finally:
            if collecting:
                gc.enable()
        if message[0] != "analysed":  # the end of a run (charts, forks): collected as usual
            self._handle(task, message)

    def _handle(self, task: AnalysisTask, message: tuple[Any, ...]) -> None:
        kind = message[0]
        if kind == "progress":
            self.progress.emit(message[1])
        elif kind == "status":
            self.status.emit(message[1])
        elif kind == "analysed":
            task.streamed.extend(message[1])
            self.analysed.emit(message[1])
        elif kind == "done":
            from models.pipeline import CorpusAnalysis

            self.progress.emit(1.0)
            self._on_end(task, self.finished, CorpusAnalysis(list(task.streamed), message[1]))
        elif kind == "cancelled":
            self._on_end(task, self.cancelled)
        elif kind == "failed":
            self._on_end(task, self.failed, message[1])

    def _on_columns_needed(self, task: AnalysisTask, known: Any, unclear: Any) -> None:
        if task is self._current:
            self._current = None
            if task.is_cancelled():
                # Cancel clicked after the worker asked, before the question got here:
                # the load ends, no dialog opens.
                self.cancelled.emit()
                return
            self.columns_needed.emit(list(task.paths), known, unclear)

    def _on_end(self, task: AnalysisTask, signal: Any, *args: Any) -> None:
        if task is self._current:
            self._current = None
            signal.emit(*args)
