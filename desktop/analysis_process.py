"""The app's analysis run, in a process of its own (Qt-free: it never imports PySide6).

Reading files and routing articles to the process pool is Python work that
holds the GIL; run on a thread of the GUI process, it made the window stall
for up to a second at 10,000 articles. Here it runs in a child process
(``spawn``, so it works frozen and on every platform) that starts the pool's
workers itself, and sends the window small messages over a pipe:

* ``("progress", fraction)`` and ``("status", text)``, at most
  :data:`MESSAGES_PER_SECOND` of each;
* ``("analysed", [ArticleAnalysis, ...])``: the analyses in the result's
  order, in batches of at most :data:`BATCH_ARTICLES` articles or
  :data:`BATCH_SECONDS` seconds, so the window fills its table while the run
  goes on and takes in each batch in a few milliseconds;
* then one of ``("done", [ReadError, ...])``, ``("cancelled",)`` or
  ``("failed", message)``.

The run stops as soon as anything arrives on ``control`` (the window's end of a
one-way pipe: a "cancel" message, or end-of-file when the window's process has
gone away). Pipes, not multiprocessing Events: nothing to leak at exit.
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

#: Most analyses in one message: the GUI thread unpickles about 0.4 ms per article
#: (64 took 25-30 ms, half the 50 ms a stall may last, more on a busy machine).
BATCH_ARTICLES = 16
#: A batch is sent at least this often (seconds) while analyses come in.
BATCH_SECONDS = 0.1
#: At most this many progress (and status) messages per second.
MESSAGES_PER_SECOND = 20


def failure_message(exc: BaseException) -> str:
    """The exception in one line, then where it happened (the last frames).

    The line is the type, the message and any notes (``add_note``), each on one line: the
    window's error dialog shows this first line only, and ``format_exception_only``'s last
    line was a note when there was one (the message itself lost) and only "RuntimeError:"
    for a message starting with a newline (ux15's review, session 15)."""
    kind = type(exc).__qualname__
    if type(exc).__module__ not in ("builtins", "__main__"):
        kind = f"{type(exc).__module__}.{kind}"
    message = " ".join(str(exc).split())
    summary = f"{kind}: {message}" if message else kind
    notes = [" ".join(str(note).split()) for note in getattr(exc, "__notes__", ())]
    if any(notes):
        summary += " (" + "; ".join(note for note in notes if note) + ")"
    frames = traceback.extract_tb(exc.__traceback__)[-3:]
    where = "".join(traceback.format_list(frames)).rstrip()
    return f"{summary}\n\nTraceback (most recent call last):\n{where}" if where else summary


class PipeProgress:
    """A :class:`models.progress.Progress` that reports through the pipe, throttled."""

    def __init__(self, conn: Any, control: Any) -> None:
        self._conn = conn
        self._control = control
        self._cancelled = False
        self._last_progress = self._last_status = -1.0
        self._pending_status: str | None = None

    def set_progress(self, fraction: float) -> None:
        fraction = min(max(float(fraction), 0.0), 1.0)
        now = time.monotonic()
        if fraction >= 1.0 or now - self._last_progress >= 1.0 / MESSAGES_PER_SECOND:
            self._last_progress = now
            self._conn.send(("progress", fraction))

    def set_status(self, text: str) -> None:
        now = time.monotonic()
        if now - self._last_status >= 1.0 / MESSAGES_PER_SECOND:
            self._last_status = now
            self._conn.send(("status", text))

    def is_cancelled(self) -> bool:
        if not self._cancelled:
            try:
                self._cancelled = bool(self._control.poll())
            except (EOFError, OSError):
                self._cancelled = True
        return self._cancelled


class Batcher:
    """Collects analyses and sends them in batches (see the module's docstring); once
    ``is_cancelled`` says so, it sends no more (the window no longer wants them, and a
    batch blocked on a full pipe would keep this process from seeing the cancel)."""

    def __init__(self, conn: Any, is_cancelled: Any = None) -> None:
        self._conn = conn
        self._is_cancelled = is_cancelled
        self._batch: list[Any] = []
        self._since = time.monotonic()
        self.sent = 0

    def add(self, analysis: Any) -> None:
        if not self._batch:
            self._since = time.monotonic()
        self._batch.append(analysis)
        if len(self._batch) >= BATCH_ARTICLES or time.monotonic() - self._since >= BATCH_SECONDS:
            self.flush()

    def flush(self) -> None:
        if self._batch and self._is_cancelled is not None and self._is_cancelled():
            self._batch = []
        if self._batch:
            self._conn.send(("analysed", self._batch))
            self.sent += len(self._batch)
            self._batch = []


def _by_fields(cls: type) -> Any:
    """A pickle reducer that rebuilds a dataclass by calling it with its fields in order."""
    import dataclasses

    names = tuple(f.name for f in dataclasses.fields(cls))

    def reduce(obj: Any) -> tuple[type, tuple[Any, ...]]:
        return cls, tuple(getattr(obj, name) for name in names)

    return reduce


def register_compact_pickling() -> None:
    """Pickle the analysis dataclasses as constructor calls. The default for slotted
    dataclasses (``dataclasses._dataclass_setstate``) looks the fields up again for
    every object: unpickling an analysis on the GUI thread took 0.76 ms, this 0.33 ms
    (an article has about 40 sentences, 40 spans and 20 blocks)."""
    import copyreg

    from models.article import Article, Block, Sentence, Span
    from models.features import ArticleAnalysis, ArticleScores

    for cls in (Span, Sentence, Block, Article, ArticleScores, ArticleAnalysis):
        copyreg.pickle(cls, _by_fields(cls))


def end_on_terminate() -> None:
    """On SIGTERM (the window ends a run that did not stop when asked), end this
    process's pool workers before this process ends. Without it they were left behind:
    a forked worker holds its own result pipe's reading end, so a worker blocked writing
    a result waited for ever, and an idle one waited for work for ever."""
    import signal

    def end(signum: int, frame: Any) -> None:
        import multiprocessing
        import os

        try:
            for child in multiprocessing.active_children():
                child.kill()
        finally:
            os._exit(128 + signum)

    signal.signal(signal.SIGTERM, end)


#: How much lower (in nice steps) background work runs than the window's GUI thread.
BACKGROUND_NICENESS = 10


def lower_priority() -> None:
    """Let the window's process come first for the CPU: this process, and the pool
    workers it starts (they inherit it), run at a lower scheduling priority."""
    import os

    if hasattr(os, "nice"):
        try:
            os.nice(BACKGROUND_NICENESS)
        except OSError:
            pass


def run_analysis(
    conn: Any, control: Any, paths: Sequence[str | Path],
    file_columns: Mapping[Path, Any] | None = None, finder: Any = None, jobs: int = 0,
    *, end_when_cancelled: bool = False, known_outlets: Sequence[str] = (),
    fault_log: str | None = None,
) -> bool:
    """The child process's work: read and analyse ``paths``, reporting through ``conn``;
    ``known_outlets``: the window's outlets, whose spelling a new article's joins
    (:func:`models.readers.read_paths`); ``fault_log``: where a pool worker's hard crash
    leaves its stacks (:attr:`models.engines.ProcessPoolEngine.fault_log`).
    True once the run's end was reported (or the window has gone away). With
    ``end_when_cancelled`` (:func:`analysis_main`) a cancelled run
    ends the process (:func:`end_now`) as soon as it has said so, before the run's
    articles are freed (the window waits for the process's end)."""
    ended = False
    try:
        lower_priority()
        end_on_terminate()
        register_compact_pickling()
        from models import pipeline
        from models.engines import ProcessPoolEngine
        from models.progress import Cancelled

        progress = PipeProgress(conn, control)
        batcher = Batcher(conn, progress.is_cancelled)
        try:
            extra = {} if finder is None else {"finder": finder}
            result = pipeline.analyze_paths(
                paths, progress, file_columns=dict(file_columns or {}),
                engine=ProcessPoolEngine(jobs, fault_log=fault_log), on_analysed=batcher.add,
                known_outlets=known_outlets, **extra,
            )
            batcher.flush()
            if progress.is_cancelled():
                raise Cancelled
            conn.send(("done", list(result.errors)))
        except Cancelled:
            conn.send(("cancelled",))
            if end_when_cancelled:
                _close(conn, control)
                end_now()
        except Exception as exc:  # reported to the user (and the log) by the window
            conn.send(("failed", failure_message(exc)))
        ended = True
    except (BrokenPipeError, EOFError, OSError):
        ended = True  # the window has gone away: nobody to report to
    finally:
        _close(conn, control)
    return ended


def _close(*ends: Any) -> None:
    for end in ends:
        try:
            end.close()
        except OSError:
            pass


def analysis_main(
    conn: Any, control: Any, paths: Sequence[str | Path],
    file_columns: Mapping[Path, Any] | None = None, finder: Any = None, jobs: int = 0,
    known_outlets: Sequence[str] = (),
) -> None:
    """The analysis process (its ``multiprocessing`` target): :func:`run_analysis`; a
    cancelled run ends the process at once (:func:`end_now`). A finished run still ends
    through Python's teardown: ending it at once too made the window close sooner after
    a run, and a chart thread still drawing then crashed the app's exit (3 of 8 starts
    of test_app_at_scale's paint-first test; a daemon chart thread collecting garbage
    during the interpreter's finalization)."""
    from desktop.log_file import start_log
    from models.faults import keep_hard_crashes_in

    # Its readers' and analysis's problems are logged here, where the run's are gathered;
    # a hard crash (of this process, or of a pool worker) leaves its Python stacks there.
    log = start_log("the analysis process")
    fault_log = str(log) if log is not None and keep_hard_crashes_in(str(log)) else None
    run_analysis(conn, control, paths, file_columns, finder, jobs, end_when_cancelled=True,
                 known_outlets=known_outlets, fault_log=fault_log)


def end_now() -> None:
    """End this process with exit code 0 without the interpreter's teardown.

    After a Cancel the window waits for this process to end. Python's teardown frees every object the run made and the modules it loaded
    (numpy, scipy, scikit-learn...): a few tens of ms of CPU, but this process runs
    :data:`BACKGROUND_NICENESS` lower than everything else, and on a busy machine that
    CPU came in slices far apart: a Cancel at load 7-9 waited 2 s for it, and then
    the window's grace period ran out and it terminated the process (exit code -15).
    Nothing is left to do by then: the run's pool workers were ended and its pipes
    closed by :func:`run_analysis`; only the standard streams are flushed. (Freeing a
    cancelled run's articles, which the teardown would also do, took a loaded machine
    another 0.3-0.5 s.)"""
    import os
    import sys

    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(0)
