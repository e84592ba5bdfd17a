"""A forked job's result comes back through a pipe, whose buffer holds 64 KiB; a chart's
drawing is megabytes. The window takes the result as it comes on a thread of its own, and
watches the child there too, so that a child never waits on the window's GUI thread: a
child that has written a pipe's worth while that thread is itself blocked (a test's
wait, an export waiting for a chart) would otherwise block until it reads, and the two
could wait for each other for ever (seen once in the full suite: the test process in a
futex wait, four forked chart jobs blocked writing to their pipes). Nor is a child left
behind when its job is deleted with the view that owned it.

In these tests the GUI thread runs no event loop while the child works: as when it is
blocked."""

from __future__ import annotations

import os
import select
import threading
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QObject

from desktop import fork_guard, qt_chart_job
from tests.desktop.conftest import LOAD_TIMEOUT_MS, WORK_CPU_SECONDS, WORK_STALL_SECONDS
from tests.timing import WorkWatch

pytestmark = pytest.mark.skipif(not fork_guard.can_fork(), reason="background jobs fork on Linux")

#: Far more than a pipe's buffer (64 KiB; at most 1 MiB without privileges).
BIG = 8 * 1024 * 1024


def big_result(analyses: object) -> bytes:
    return b"x" * BIG


def child_ends(pid: int) -> bool:
    """Wait, on this thread and with no event loop, for process ``pid`` to end: True
    when it has; False once neither it nor any other thread or process of this test
    process's tree has run or waited for a core for WORK_STALL_SECONDS (all blocked for
    good), or they ran WORK_CPU_SECONDS without it ending."""
    try:
        pidfd = os.pidfd_open(pid)
    except ProcessLookupError:  # ended and reaped already
        return True
    try:
        poller = select.poll()
        poller.register(pidfd, select.POLLIN)
        watch = WorkWatch()
        while not poller.poll(200):  # readable once the process has ended
            watch.sample()
            if watch.idle_seconds() >= WORK_STALL_SECONDS or watch.ran >= WORK_CPU_SECONDS:
                return False
        return True
    finally:
        os.close(pidfd)


def test_a_result_bigger_than_a_pipe_is_taken_while_the_gui_thread_waits(qtbot: Any) -> None:
    owner = QObject()
    job = qt_chart_job.start_job(big_result, [], parent=owner)
    assert job is not None
    assert child_ends(job.pid), "the child blocked writing its result to the window"
    with qtbot.waitSignal(job.done, timeout=LOAD_TIMEOUT_MS) as received:
        pass
    assert received.args == [b"x" * BIG]
    assert not job.is_running() and job.error == ""


def test_a_stuck_child_is_stopped_while_the_gui_thread_waits(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fork_guard, "STALL_SECONDS", 1.0)
    monkeypatch.setenv("FRAMESCOPE_TEST_FORK_HANG", "chart")  # blocks on a lock, for ever
    owner = QObject()
    job = qt_chart_job.start_job(big_result, [], parent=owner)
    assert job is not None
    assert child_ends(job.pid), "the stuck child was left blocked while the GUI thread waited"
    with qtbot.waitSignal(job.failed, timeout=LOAD_TIMEOUT_MS) as failed:
        pass
    assert failed.args[0].startswith("made no progress for ")
    assert job.stuck and not job.is_running()


def test_a_child_whose_job_is_deleted_is_stopped(monkeypatch: pytest.MonkeyPatch) -> None:
    """A view deleted while its chart is computed (a window closed in a test, without its
    shutdown) takes its job with it: the child is stopped at once, not left to work or
    block for the rest of the app's life."""
    monkeypatch.setattr(fork_guard, "STALL_SECONDS", 3600.0)  # not stopped as stuck
    monkeypatch.setenv("FRAMESCOPE_TEST_FORK_HANG", "chart")
    files = os.listdir("/proc/self/fd")
    owner = QObject()
    job = qt_chart_job.start_job(big_result, [], parent=owner)
    assert job is not None
    pid = job.pid
    shiboken6.delete(owner)
    assert child_ends(pid), "the child of a deleted job was left running"
    for thread in threading.enumerate():
        if thread.name == qt_chart_job.PIPE_THREAD:
            thread.join()  # the child reaped, its pipes closed
    assert sorted(os.listdir("/proc/self/fd")) == sorted(files)  # none left open

