"""A process's children and whether a process has ended, from Linux's /proc: what the
Cancel tests and bench/cancel_latency.py check (no pool worker left behind)."""

from __future__ import annotations

import os
import time


def ended(pid: int) -> bool:
    """The process is gone, or a zombie (an orphan's new parent may never reap it)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] == "Z"
    except FileNotFoundError:
        return True


def wait_ended(pids: list[int], seconds: float = 20.0) -> list[int]:
    """The pids still running after ``seconds`` (each is checked until then)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and not all(ended(pid) for pid in pids):
        time.sleep(0.05)
    return [pid for pid in pids if not ended(pid)]


def children(pid: int) -> set[int]:
    """The process's children (of all its threads)."""
    found: set[int] = set()
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children", encoding="utf-8") as handle:
                found.update(int(child) for child in handle.read().split())
    except (FileNotFoundError, ProcessLookupError):
        pass
    return found
