"""Pool workers end when the process that started them ends, even one killed outright
(Linux: prctl PR_SET_PDEATHSIG). Before, a forked worker waited for ever: it holds its
own task queue's writing end and result pipe's reading end, so nothing ever woke it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

STARTS_WORKERS = """
import sys, time
from models.engines import ProcessPoolEngine
from models.progress import NullProgress
if __name__ == "__main__":
    session = ProcessPoolEngine(jobs=2, start_method=sys.argv[1]).open(NullProgress())
    session._start()
    sys.stdout.write(" ".join(str(w.process.pid) for w in session._workers) + "\\n")
    sys.stdout.flush()
    time.sleep(600)
"""


def _running(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_workers_end_when_their_parent_is_killed(method: str) -> None:
    parent = subprocess.Popen(
        [sys.executable, "-c", STARTS_WORKERS, method], cwd=REPO, stdout=subprocess.PIPE,
        text=True,
    )
    workers = [int(pid) for pid in parent.stdout.readline().split()]
    try:
        assert len(workers) == 2 and all(_running(pid) for pid in workers)
        parent.kill()
        parent.wait()
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and any(_running(pid) for pid in workers):
            time.sleep(0.05)
        assert [pid for pid in workers if _running(pid)] == []
    finally:
        for pid in workers:
            if _running(pid):
                os.kill(pid, signal.SIGKILL)
