"""Cancel ends the analysis process and every pool worker it started.

Before, a Cancel while analyses streamed in left the analysis process blocked
writing a batch to a pipe the window no longer read: it never saw the cancel, was
terminated after its grace period, and its forked workers, which hold their own
result pipe's reading end, waited for ever (found by hand: two workers and a
resource tracker survived the app's exit)."""

from __future__ import annotations

import csv
import multiprocessing
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from desktop.analysis_process import Batcher
from desktop.qt_worker import _wait_reading
from tests.desktop.conftest import LOAD_TIMEOUT_MS
from tests.process_tree import children as _children
from tests.process_tree import ended as _ended
from tests.process_tree import wait_ended as _wait_ended

REPO = Path(__file__).resolve().parents[2]
LINUX = sys.platform.startswith("linux")


def _seeds_table(path: Path, copies: int) -> Path:
    """A corpus table (a header the app reads without asking): the seeds, each copy
    distinct. One file: the analysis process reads it and sends its rows to the pool."""
    seeds = sorted((REPO / "seeds").glob("*.txt"))
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["headline", "text", "outlet"])
        for copy in range(copies):
            for number, seed in enumerate(seeds):
                text = seed.read_text(encoding="utf-8")
                writer.writerow([f"Story {copy}", f"{text}\nThis is copy {copy}.", f"Outlet {number}"])
    return path


@pytest.mark.skipif(not LINUX, reason="reads the process tree from /proc")
def test_cancel_while_analyses_stream_in_ends_the_process_and_its_workers(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    table = _seeds_table(tmp_path / "big.csv", copies=80)  # 400 articles in one file
    shown: list[Any] = []
    window.runner.analysed.connect(shown.extend)
    window.open_paths([table])
    task = window.runner.current_task()
    # Analyses are streaming in: the moment a blocked batch used to hide the cancel.
    qtbot.waitUntil(lambda: len(shown) >= 16, timeout=LOAD_TIMEOUT_MS)
    process = task.process
    workers = _children(process.pid)
    assert workers, "the analysis process had started no pool workers"
    with qtbot.waitSignal(window.runner.cancelled, timeout=LOAD_TIMEOUT_MS):
        qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
    task.done.wait(LOAD_TIMEOUT_MS / 1000)
    # It stopped by itself, as asked (not terminated: exit code -15 or -9) ...
    assert process.exitcode == 0
    # ... and took every worker with it.
    assert _wait_ended(sorted(workers)) == []
    assert len(shown) < 400


class _SendsThenEnds:
    """Stands in for the analysis process: sends one message larger than a pipe holds."""

    def __init__(self, conn: Any, size: int) -> None:
        self._thread = threading.Thread(target=conn.send_bytes, args=(b"x" * size,))
        self._thread.start()

    def is_alive(self) -> bool:
        return self._thread.is_alive()

    def join(self, timeout: float | None = None) -> None:
        self._thread.join(timeout)


def test_waiting_for_the_end_reads_what_the_process_still_sends() -> None:
    receive, send = multiprocessing.Pipe(duplex=False)
    sender = _SendsThenEnds(send, 4 << 20)  # blocked until somebody reads
    try:
        _wait_reading(sender, receive, timeout=LOAD_TIMEOUT_MS / 1000)
        assert not sender.is_alive()
    finally:
        receive.close()  # a blocked sender gets EPIPE and ends
        sender.join(10)
        send.close()


class _Conn:
    def __init__(self) -> None:
        self.sent: list[Any] = []

    def send(self, message: Any) -> None:
        self.sent.append(message)


def test_no_batch_is_sent_once_the_run_is_cancelled() -> None:
    conn, cancelled = _Conn(), threading.Event()
    batcher = Batcher(conn, cancelled.is_set)
    batcher.add("a")
    batcher.flush()
    batcher.add("b")
    cancelled.set()
    batcher.flush()
    batcher.add("c")
    batcher.flush()
    assert conn.sent == [("analysed", ["a"])]


ENDS_ON_TERMINATE = """
import multiprocessing, sys, time
from desktop.analysis_process import end_on_terminate
if __name__ == "__main__":
    end_on_terminate()
    child = multiprocessing.get_context("spawn").Process(target=time.sleep, args=(600,))
    child.start()
    sys.stdout.write(f"{child.pid}\\n")
    sys.stdout.flush()
    time.sleep(600)
"""


@pytest.mark.skipif(not LINUX, reason="reads the process tree from /proc")
def test_a_terminated_analysis_process_ends_its_children_first() -> None:
    parent = subprocess.Popen(
        [sys.executable, "-c", ENDS_ON_TERMINATE], cwd=REPO, stdout=subprocess.PIPE, text=True,
    )
    try:
        child = int(parent.stdout.readline())
        parent.send_signal(signal.SIGTERM)
        parent.wait(LOAD_TIMEOUT_MS / 1000)
        assert _wait_ended([child]) == []
    finally:
        parent.kill()
        parent.wait()
        if "child" in locals() and not _ended(child):
            os.kill(child, signal.SIGKILL)
