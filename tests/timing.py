"""What a thread's wall time is made of, for the few tests that check a behavioural time
bound (issue 6: "Cancel stops work within a second"). The time the thread was runnable
but waited for a core, because other programs had both cores, is the machine's load,
not the code's doing: the bound is checked on the wall time less that wait (the code's
own time: running, or blocked on its own work such as locks, pipes and sleeps).

Linux reports the wait in /proc/thread-self/schedstat (second field, nanoseconds);
elsewhere it reads 0, and a bound is then checked on the wall time alone.
"""

from __future__ import annotations

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
