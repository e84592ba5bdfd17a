"""What a thread's wall time is made of, for the few tests that check a behavioural time
bound (issue 6: "Cancel stops work within a second"). The time the thread was runnable
but waited for a core, because other programs had both cores, is the machine's load,
not the code's doing: the bound is checked on the wall time less that wait (the code's
own time: running, or blocked on its own work such as locks, pipes and sleeps).

Linux reports the wait in /proc/thread-self/schedstat (second field, nanoseconds);
elsewhere it reads 0, and a bound is then checked on the wall time alone.
"""

from __future__ import annotations

import os
import threading
import time

#: (monotonic seconds, seconds the calling thread had waited for a core until then).
Moment = tuple[float, float]


def run_queue_wait() -> float:
    """Seconds the calling thread has spent so far runnable but waiting for a core."""
    try:
        with open("/proc/thread-self/schedstat", "rb") as stat:
            return int(stat.read().split()[1]) / 1e9
    except (OSError, IndexError, ValueError):
        return 0.0


def moment() -> Moment:
    """Now, on the calling thread (compare only moments taken on one thread)."""
    return time.monotonic(), run_queue_wait()


def between(start: Moment, end: Moment) -> tuple[float, float]:
    """(wall seconds, of which the thread waited for a core) from ``start`` to ``end``."""
    return end[0] - start[0], end[1] - start[1]


def _descendants(root: int) -> set[int]:
    """``root`` and the processes it started, and theirs, now running (Linux /proc)."""
    parent_of: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                with open(f"/proc/{entry.name}/stat", "rb") as stat:
                    parent_of[int(entry.name)] = int(stat.read().rsplit(b")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                pass
    tree = {root}
    while True:
        more = {pid for pid, parent in parent_of.items() if parent in tree} - tree
        if not more:
            return tree
        tree |= more


def _thread_times(root: int) -> dict[tuple[int, int], tuple[float, float]]:
    """(seconds on a core, seconds waiting for one) of each thread of ``root``'s tree."""
    times = {}
    for pid in _descendants(root):
        try:
            tasks = os.listdir(f"/proc/{pid}/task")
        except OSError:
            continue
        for tid in tasks:
            try:
                with open(f"/proc/{pid}/task/{tid}/schedstat", "rb") as stat:
                    ran, waited = stat.read().split()[:2]
            except (OSError, ValueError):
                continue
            times[(pid, int(tid))] = (int(ran) / 1e9, int(waited) / 1e9)
    return times


class WorkWatch:
    """Whether this process and the processes it started (forked chart and claims jobs,
    the analysis process and its pool) go on working, as seen by a thread that waits for
    them (made and sampled on that thread). Their threads' time on a core and time waiting
    for one are summed since the watch began (a thread or process that ends keeps what it
    had). The waiting thread's own waits for a core are left out: it wakes up every few ms
    to look, and on a loaded machine each wake-up waits. A tree that neither runs nor
    waits is blocked; one that runs without end uses up a CPU budget. Linux only:
    elsewhere no thread is seen, and no progress is reported."""

    #: Less than this much running and waiting between two samples (seconds), by the
    #: threads other than the waiting one, is no work.
    IDLE = 0.01
    #: The waiting thread works (the GUI thread takes in a result, draws) when it runs at
    #: least this much between two samples; looking every few ms costs far less.
    IDLE_WAITER = 0.1

    def __init__(self) -> None:
        self._root = os.getpid()
        self._waiter = (self._root, threading.get_native_id())
        self._last = _thread_times(self._root)
        self.ran = 0.0  # seconds on a core since the watch began, all threads
        self.idle_since = time.monotonic()

    def sample(self) -> None:
        now = _thread_times(self._root)
        others = waiter = 0.0
        for task, (ran, waited) in now.items():
            before_ran, before_waited = self._last.get(task, (0.0, 0.0))
            ran, waited = max(0.0, ran - before_ran), max(0.0, waited - before_waited)
            self.ran += ran
            if task == self._waiter:
                waiter += ran
            else:
                others += ran + waited
        self._last.update(now)
        if others >= self.IDLE or waiter >= self.IDLE_WAITER:
            self.idle_since = time.monotonic()

    def idle_seconds(self) -> float:
        return time.monotonic() - self.idle_since
