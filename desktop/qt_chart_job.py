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

Where ``os.fork`` does not exist (Windows) or fails, :func:`start_chart_job`
returns None and the chart is built on the GUI thread, as before.
"""

from __future__ import annotations

import io
import os
import pickle
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QObject, QSocketNotifier, Signal

from desktop.analysis_process import failure_message

#: Bytes read from the child per wake-up of the GUI thread.
READ_CHUNK = 1 << 20


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


class ChartJob(QObject):
    """Work (a chart, the claims' alignment) done in a forked child; ``done`` carries
    its result, ``failed`` the child's error (the caller then does the work itself)."""

    done = Signal(object)
    failed = Signal(str)

    def __init__(self, pid: int, fd: int, analyses: Sequence[Any],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pid = pid
        self._fd = fd
        self._analyses = analyses
        self._chunks: list[bytes] = []
        self._ended = False
        os.set_blocking(fd, False)
        self._notifier = QSocketNotifier(fd, QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._read)

    def is_running(self) -> bool:
        return not self._ended

    def _read(self, *_: Any) -> None:
        while True:
            try:
                chunk = os.read(self._fd, READ_CHUNK)
            except BlockingIOError:
                return  # more later
            except OSError as exc:
                self._finish(b"", f"reading the chart failed: {exc}")
                return
            if not chunk:
                self._finish(b"".join(self._chunks))
                return
            self._chunks.append(chunk)

    def wait(self) -> None:
        """Block until the child has sent everything (an export needs the chart now)."""
        if self._ended:
            return
        os.set_blocking(self._fd, True)
        while not self._ended:
            chunk = os.read(self._fd, READ_CHUNK)
            if not chunk:
                self._finish(b"".join(self._chunks))
            else:
                self._chunks.append(chunk)

    def cancel(self) -> None:
        """Stop the child and forget its result."""
        if self._ended:
            return
        try:
            os.kill(self.pid, 9)
        except OSError:
            pass
        self._close()

    def _close(self) -> None:
        self._ended = True
        self._notifier.setEnabled(False)
        self._notifier.deleteLater()
        try:
            os.close(self._fd)
        except OSError:
            pass
        try:
            os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass

    def _finish(self, data: bytes, error: str = "") -> None:
        self._close()
        if not error:
            try:
                status, payload = data[:1], data[1:]
                if status == b"+":
                    self.done.emit(loads_chart(payload, self._analyses))
                    return
                error = payload.decode("utf-8", "replace") or "the chart process ended early"
            except Exception as exc:  # reported; the caller builds the chart itself
                error = failure_message(exc)
        self.failed.emit(error)


def start_job(
    function: Callable[..., Any], analyses: Sequence[Any], *args: Any,
    parent: QObject | None = None,
) -> ChartJob | None:
    """Run ``function(analyses, *args)`` in a forked child; its result arrives with
    ``done`` (analyses and articles in it are the caller's own objects). None where
    processes cannot be forked (the caller then does the work itself)."""
    if not hasattr(os, "fork"):
        return None
    read_fd, write_fd = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_fd)
        os.close(write_fd)
        return None
    if pid == 0:  # the child: never returns, never touches Qt
        code = 0
        try:
            os.close(read_fd)
            try:
                data = b"+" + dumps_chart(function(analyses, *args), analyses)
            except BaseException as exc:  # sent to the window, which does the work itself
                data, code = b"-" + failure_message(exc).encode("utf-8"), 1
            view = memoryview(data)
            while view:
                view = view[os.write(write_fd, view):]
        finally:
            os._exit(code)
    os.close(write_fd)
    return ChartJob(pid, read_fd, analyses, parent)


def _build_chart(analyses: Sequence[Any], kind: str, measure: str | None, alignment: Any) -> Any:
    from desktop.charts import build_chart

    return build_chart(kind, analyses, measure=measure, alignment=alignment)


def start_chart_job(
    kind: str, analyses: Sequence[Any], *, measure: str | None = None, alignment: Any = None,
    parent: QObject | None = None,
) -> ChartJob | None:
    """``desktop.charts.build_chart(kind, analyses, ...)`` in a forked child (see
    :func:`start_job`); None where processes cannot be forked."""
    import desktop.charts  # noqa: F401  (imported here, not in each child)

    return start_job(_build_chart, analyses, kind, measure, alignment, parent=parent)
