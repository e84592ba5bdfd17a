"""Forking the app's (multithreaded) process for background work, and noticing when a
child is stuck.

The window forks a child for a chart, the claims' alignment and the autosave of a
big study: the child shares the analyses without copying or pickling them. But the
window's process runs other threads (Qt's, the analysis relay, the views' import
thread, a chart drawing thread), and a child of a multithreaded process inherits
every lock as it was at the fork: a lock another thread held then is never
released in the child, which blocks forever the first time it needs it. Three
things keep that rare, and one makes it harmless:

* :func:`busy_threads`: the fork is made only while no other thread is running
  Python code that may hold a lock the child could need (a module being imported,
  matplotlib drawing). Threads parked in a wait (an idle thread pool, the analysis
  relay between messages, a timer) are fine. Otherwise the caller does the work on
  a thread instead, at once.
* The child never touches Qt, leaves the garbage the parent already had alone
  (``gc.freeze``: no destructor of a Qt object runs there) and ends with
  ``os._exit``. Native thread pools are kept to one thread (:func:`one_native_thread`).
* :class:`Watch`: each child is watched, by the thread of the window's process that
  takes its result (never by the GUI thread, which may itself be waiting). A child
  that for :data:`STALL_SECONDS` has used no CPU, read or written nothing and sent
  nothing is stuck (blocked on such a lock): it is killed and the work is redone on a
  thread, with a message. A child that crashes (a signal) is reported the same way.

Linux only (``/proc`` tells a child's CPU time and I/O; macOS's system libraries
are not safe to use after a fork at all): elsewhere the work runs on threads.

Test hooks (environment, read in the child): ``FRAMESCOPE_TEST_FORK_HANG``,
``FRAMESCOPE_TEST_FORK_CRASH`` and ``FRAMESCOPE_TEST_FORK_BUSY`` name the jobs
(``chart``, ``claims``, ``autosave``, or ``all``) whose child blocks forever on a
lock, kills itself with SIGSEGV, or computes for ``FRAMESCOPE_TEST_FORK_BUSY_SECONDS``
seconds first.
"""

from __future__ import annotations

import os
import sys
import threading
import time
import weakref
from collections.abc import Iterator
from contextlib import contextmanager

#: A child that has made no progress (CPU time, I/O, bytes sent) for this long is stuck.
STALL_SECONDS = float(os.environ.get("FRAMESCOPE_FORK_STALL_SECONDS", "") or 15.0)

# Threads that may be inside Python code at a fork without holding a lock the child
# could need (e.g. the analysis relay: it polls a pipe and emits Qt signals).
_fork_safe: set[int] = set()
# The same, declared by the thread that starts them (a forked job's pipe thread).
_fork_safe_threads: weakref.WeakSet[threading.Thread] = weakref.WeakSet()

# Where a thread that waits holds no lock: (file name, function) of its innermost frame.
_PARKED = {
    ("threading.py", "wait"),
    ("threading.py", "_wait_for_tstate_lock"),
    ("connection.py", "wait"),
    ("connection.py", "_poll"),
    ("connection.py", "poll"),
    ("selectors.py", "select"),
    ("queue.py", "get"),
}


def can_fork() -> bool:
    """Whether background work may be forked here (Linux; see the module's docstring)."""
    from models.corpus_tables import can_fork as linux_fork

    return hasattr(os, "fork") and linux_fork()


@contextmanager
def fork_safe_thread() -> Iterator[None]:
    """Declare the current thread safe to fork beside while in this block (it takes no
    lock a forked child could need: only pipes and Qt signals)."""
    ident = threading.get_ident()
    _fork_safe.add(ident)
    try:
        yield
    finally:
        _fork_safe.discard(ident)


def fork_safe(thread: threading.Thread) -> None:
    """Declare ``thread`` (before it starts) safe to fork beside for its whole life: it
    takes no lock a forked child could need, imports nothing and touches no Qt object
    (:func:`desktop.qt_chart_job._take_result`: pipes, ``/proc`` and ``waitpid``)."""
    _fork_safe_threads.add(thread)


def busy_threads(wait_seconds: float = 0.0) -> list[str]:
    """The names of the other threads now running Python code that may hold a lock
    (empty: a fork now is safe as far as Python can tell). Threads started with
    :mod:`threading` are given ``wait_seconds`` in all to finish first."""
    deadline = time.monotonic() + wait_seconds
    me = threading.get_ident()
    threads = {t.ident: t for t in threading.enumerate()}
    busy = []
    for ident, frame in sys._current_frames().items():
        if ident == me or ident in _fork_safe:
            continue
        name = os.path.basename(frame.f_code.co_filename), frame.f_code.co_name
        if name in _PARKED:
            continue
        thread = threads.get(ident)
        if thread is not None and thread in _fork_safe_threads:
            continue
        if isinstance(thread, threading.Thread) and not isinstance(
                thread, threading._DummyThread):  # type: ignore[attr-defined]
            thread.join(max(0.0, deadline - time.monotonic()))
            if not thread.is_alive():
                continue
        busy.append(thread.name if thread is not None else f"thread {ident}")
    return busy


def one_native_thread() -> None:
    """Keep BLAS and OpenMP to one thread in this process and its children (set before
    numpy loads): their pools are threads a fork would copy mid-work, and the window's
    own numeric work is small (the analysis runs on worker processes, one per core)."""
    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(name, "1")


def _hooked(variable: str, job: str) -> bool:
    names = {n.strip() for n in os.environ.get(variable, "").split(",") if n.strip()}
    return job in names or "all" in names


def in_child(job: str) -> None:
    """First thing a forked child does (``job``: chart, claims, autosave)."""
    import gc

    # Objects the parent had (Qt wrappers among them) are never collected here: no
    # C++ destructor runs in the child, and their pages stay shared.
    gc.freeze()
    # Background work: the window's GUI thread (which forked it) comes first for a core,
    # as it does over the analysis process and its pool (desktop.analysis_process).
    from desktop.analysis_process import lower_priority

    lower_priority()
    if _hooked("FRAMESCOPE_TEST_FORK_CRASH", job):
        import faulthandler
        import signal

        faulthandler.disable()  # a crash on purpose: no traceback on the shared stderr
        os.kill(os.getpid(), signal.SIGSEGV)
    if _hooked("FRAMESCOPE_TEST_FORK_BUSY", job):
        end = time.process_time() + float(os.environ.get("FRAMESCOPE_TEST_FORK_BUSY_SECONDS", "3"))
        while time.process_time() < end:
            pass
    if _hooked("FRAMESCOPE_TEST_FORK_HANG", job):
        # What a lock held by another thread at the fork does to the child.
        lock = threading.Lock()
        lock.acquire()
        lock.acquire()


def _progress_counters(pid: int) -> tuple[int, ...] | None:
    """CPU ticks and bytes read and written by ``pid`` so far; None if it is gone."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            fields = stat.read().rsplit(b")", 1)[1].split()
        cpu = int(fields[11]) + int(fields[12])  # utime, stime
    except (OSError, IndexError, ValueError):
        return None
    io: tuple[int, ...] = ()
    try:
        with open(f"/proc/{pid}/io", "rb") as counters:
            io = tuple(int(line.split()[1]) for line in counters.read().splitlines()[:2])
    except (OSError, IndexError, ValueError):
        pass
    return (cpu, *io)


class Watch:
    """Whether a child makes progress: call :meth:`stuck` now and then, with the bytes
    received from it so far."""

    def __init__(self, pid: int, stall_seconds: float | None = None) -> None:
        self.pid = pid
        self.stall_seconds = STALL_SECONDS if stall_seconds is None else stall_seconds
        self._last = (*(_progress_counters(pid) or ()), 0)
        self._since = time.monotonic()

    def stuck(self, received: int) -> bool:
        """True when the child has made no progress for ``stall_seconds``."""
        counters = _progress_counters(self.pid)
        now = (*(counters or ()), received)
        if now != self._last:
            self._last, self._since = now, time.monotonic()
            return False
        return time.monotonic() - self._since >= self.stall_seconds

    def idle_seconds(self) -> float:
        return time.monotonic() - self._since


def exit_description(status: int) -> str:
    """How a child ended, from ``os.waitpid``'s status: "" for a clean exit."""
    if os.WIFSIGNALED(status):
        import signal

        number = os.WTERMSIG(status)
        try:
            name = signal.Signals(number).name
        except ValueError:
            name = f"signal {number}"
        return f"crashed ({name})"
    code = os.waitstatus_to_exitcode(status)
    return "" if code == 0 else f"ended with exit code {code}"
