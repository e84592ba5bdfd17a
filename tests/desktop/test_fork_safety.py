"""Background work forked from the window's (multithreaded) process is never silently
stuck: a child that blocks forever (as one does on a lock another thread held at the
fork), crashes or fails is stopped and reported, and the work is redone on a thread;
a child that is slow but working is left alone; no child is forked while another
thread runs Python code. The children's faults are injected with the
FRAMESCOPE_TEST_FORK_* hooks of desktop/fork_guard.py, read in the child."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from desktop import fork_guard, qt_chart_job, qt_project
from desktop.qt_compare_view import BACKGROUND_LIMIT
from models.features import ArticleAnalysis
from models.pipeline import analyze_paths
from tests.desktop.conftest import (
    LOAD_TIMEOUT_MS,
    SEEDS,
    copy_seeds,
    join_background_threads,
    load,
    signal_after_work,
)
from tests.desktop.test_app_at_scale import _gone as gone
from tests.desktop.test_app_at_scale import _same_rows, fabricated

pytestmark = pytest.mark.skipif(not fork_guard.can_fork(), reason="background jobs fork on Linux")


@pytest.fixture(scope="module")
def seed_analyses() -> list[ArticleAnalysis]:
    return analyze_paths([SEEDS]).analyses


@pytest.fixture(scope="module")
def many(seed_analyses: list[ArticleAnalysis]) -> list[ArticleAnalysis]:
    return fabricated(seed_analyses, BACKGROUND_LIMIT + 40)


@pytest.fixture
def quick_watch(monkeypatch: pytest.MonkeyPatch) -> None:
    """A child is stuck after one second without progress (15 s in the app)."""
    monkeypatch.setattr(fork_guard, "STALL_SECONDS", 1.0)


@pytest.fixture
def chart_threads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The threads of this process that build a chart (a forked child's are not seen)."""
    import desktop.charts

    names: list[str] = []
    real = desktop.charts.build_chart

    def build_chart(*args: Any, **kwargs: Any) -> Any:
        names.append(threading.current_thread().name)
        return real(*args, **kwargs)

    monkeypatch.setattr(desktop.charts, "build_chart", build_chart)
    return names


def status_text(window: Any) -> str:
    return str(window.statusBar().currentMessage())


def start_chart(qtbot: Any, window: Any, analyses: list[ArticleAnalysis], kind: str) -> Any:
    """Show ``analyses`` in the window's Compare view with chart ``kind`` chosen; the
    forked job now computing it."""
    view = window.compare_view
    view.select_chart(kind)
    view.set_analyses(analyses)
    assert view.chart_pending()
    join_background_threads()  # the window's import of its views' modules, on a thread
    view._start_job_now()  # what the next turn of the event loop would do
    job = view._job
    assert job is not None and job.pid is not None, qt_chart_job.last_refusal
    return job


def chart_outcome(qtbot: Any, window: Any, analyses: list[ArticleAnalysis],
                  kind: str) -> tuple[Any, list[Any]]:
    """Start the chart ``kind`` as :func:`start_chart` does and wait until it is shown;
    the forked job, and what it gave (its chart, or why it gave none)."""
    job = start_chart(qtbot, window, analyses, kind)
    outcome: list[Any] = []
    job.done.connect(outcome.append)
    job.failed.connect(outcome.append)
    with signal_after_work(qtbot, window.compare_view.chart_shown, f"the {kind} chart"):
        pass
    return job, outcome


def test_a_chart_child_that_hangs_is_stopped_and_the_chart_computed_on_a_thread(
    qtbot: Any, window: Any, many: list[ArticleAnalysis], quick_watch: None,
    chart_threads: list[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    from desktop.charts import build_chart

    monkeypatch.setenv("FRAMESCOPE_TEST_FORK_HANG", "chart")
    view = window.compare_view
    job, outcome = chart_outcome(qtbot, window, many, "outlet_heatmap")
    # The child was found stuck, killed and reaped; the window said so.
    assert job.stuck and not job.is_running() and gone(job.pid)
    assert outcome and str(outcome[0]).startswith("made no progress for")
    assert "The chart process made no progress" in status_text(window)
    assert "computing the chart in the window's process instead" in status_text(window)
    # The chart was computed on a thread of this process, not on the GUI thread.
    assert chart_threads == ["chart-job"]
    assert _same_rows(view.current_chart(), build_chart("outlet_heatmap", many))
    assert not view.chart_pending()


def test_a_chart_child_that_crashes_is_reported_and_the_chart_still_shown(
    qtbot: Any, window: Any, many: list[ArticleAnalysis], chart_threads: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("FRAMESCOPE_TEST_FORK_CRASH", "chart")
    view = window.compare_view
    job, outcome = chart_outcome(qtbot, window, many, "measure_by_outlet")
    assert outcome == ["crashed (SIGSEGV)"]
    assert job.error == "crashed (SIGSEGV)" and not job.stuck and gone(job.pid)
    assert status_text(window).startswith("The chart process crashed (SIGSEGV); computing")
    assert chart_threads == ["chart-job"]
    assert view.current_chart() is not None


def test_a_slow_chart_child_that_works_is_not_stopped(
    qtbot: Any, window: Any, many: list[ArticleAnalysis], quick_watch: None,
    chart_threads: list[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The child computes for 2.5 s before the chart (sending nothing), with a 1 s watch:
    # its CPU time moves, so it is working, not stuck.
    monkeypatch.setenv("FRAMESCOPE_TEST_FORK_BUSY", "chart")
    monkeypatch.setenv("FRAMESCOPE_TEST_FORK_BUSY_SECONDS", "2.5")
    job, outcome = chart_outcome(qtbot, window, many, "tone_strips")
    assert len(outcome) == 1 and not job.stuck and not job.error
    assert chart_threads == []  # nothing built in this process: the child's chart is shown
    assert window.compare_view.current_chart() is outcome[0].chart  # drawn there, read here


def test_an_export_while_the_chart_child_hangs_gets_the_chart(
    qtbot: Any, window: Any, many: list[ArticleAnalysis], quick_watch: None,
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("FRAMESCOPE_TEST_FORK_HANG", "chart")
    job = start_chart(qtbot, window, many, "measure_by_outlet")
    target = tmp_path / "chart.png"
    window.compare_view.export_figure(target)  # waits for the chart: must not hang
    assert job.stuck and gone(job.pid)
    assert target.stat().st_size > 10_000
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    window.compare_view.wait_drawn()


@pytest.mark.parametrize("fault", ["HANG", "CRASH"])
def test_a_claims_child_that_hangs_or_crashes_is_stopped_and_the_claims_found_here(
    qtbot: Any, window: Any, seed_analyses: list[ArticleAnalysis], quick_watch: None,
    monkeypatch: pytest.MonkeyPatch, fault: str,
) -> None:
    from models.claims import prepare_claims
    from models.progress import NullProgress

    monkeypatch.setenv(f"FRAMESCOPE_TEST_FORK_{fault}", "claims")
    view = window.claims_view
    with qtbot.waitSignal(view.alignment_changed, timeout=LOAD_TIMEOUT_MS):
        view.set_analyses(seed_analyses)
        job = view._job
        assert job is not None and job.pid is not None, qt_chart_job.last_refusal
    assert gone(job.pid) and job.stuck == (fault == "HANG")
    said = "made no progress for" if fault == "HANG" else "crashed (SIGSEGV)"
    assert said in status_text(window)
    here = prepare_claims(seed_analyses, NullProgress()).align(view.threshold(), NullProgress())
    away = view.alignment()
    assert away is not None and away.claims == here.claims
    assert view.status_label.text().endswith("Click a cell to read its sentence.")


def autosaved_outlet(path: Path) -> str:
    from models.project import load_project

    return load_project(path).articles[0].outlet


def no_chart_drawing() -> bool:
    return not any(t.name == "chart-job" and t.is_alive() for t in threading.enumerate())


def test_an_autosave_child_stuck_mid_write_is_stopped_and_the_save_redone(
    qtbot: Any, window: Any, tmp_path: Path, user_folders: dict[str, Path],
    quick_watch: None, monkeypatch: pytest.MonkeyPatch,
) -> None:
    import models.project

    monkeypatch.setattr(qt_project, "BACKGROUND_AUTOSAVE_ARTICLES", 2)  # the seeds are big
    load(qtbot, window, copy_seeds(tmp_path / "corpus", 3))
    project = window.project
    model = window.table_model
    autosave = user_folders["data"] / "autosave.framescope"

    # A first autosave, written by a child as usual. A chart drawn on a thread (the seeds
    # are few) makes a fork wait its turn on a thread instead (qt_chart_job.start_job):
    # each autosave here starts once no chart is being drawn.
    qtbot.waitUntil(no_chart_drawing, timeout=LOAD_TIMEOUT_MS)
    model.setData(model.index(0, 0), "First")
    assert project.autosave()
    first = project._autosave_job
    assert first is not None and first.pid is not None, qt_chart_job.last_refusal
    qtbot.waitUntil(lambda: not first.is_running(), timeout=LOAD_TIMEOUT_MS)
    assert not first.error and autosaved_outlet(autosave) == "First"
    before = autosave.read_bytes()

    # The next child writes half a temporary file, then blocks forever on a lock.
    real_save = models.project.save_project
    parent = os.getpid()

    def stuck_save(path: Path, study: Any, **how: Any) -> None:
        if os.getpid() != parent:
            (path.parent / f".{path.name}.{os.getpid()}.saving").write_bytes(b"SQLite half")
            lock = threading.Lock()
            lock.acquire()
            lock.acquire()
        real_save(path, study, **how)

    monkeypatch.setattr(models.project, "save_project", stuck_save)
    qtbot.waitUntil(no_chart_drawing, timeout=LOAD_TIMEOUT_MS)
    model.setData(model.index(0, 0), "Second")
    assert project.autosave()
    child = project._autosave_job
    assert child is not None and child.pid is not None
    # Meanwhile the last autosave is whole, and the user's study is still there.
    assert autosave.read_bytes() == before
    assert not project.autosave()  # one autosave at a time
    qtbot.waitUntil(lambda: child.stuck, timeout=LOAD_TIMEOUT_MS)
    assert gone(child.pid)
    assert "The autosave process made no progress" in status_text(window)
    redo = project._autosave_job
    if redo is not None:  # the save, redone on a thread
        assert redo.pid is None
        qtbot.waitUntil(lambda: not redo.is_running(), timeout=LOAD_TIMEOUT_MS)
        assert not redo.error
    assert autosaved_outlet(autosave) == "Second"
    assert not list(autosave.parent.glob(".autosave.framescope.*.saving"))


def test_an_autosave_child_that_crashes_is_redone_and_a_failed_save_reported(
    qtbot: Any, window: Any, tmp_path: Path, user_folders: dict[str, Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(qt_project, "BACKGROUND_AUTOSAVE_ARTICLES", 2)
    load(qtbot, window, copy_seeds(tmp_path / "corpus", 3))
    model = window.table_model
    autosave = user_folders["data"] / "autosave.framescope"
    monkeypatch.setenv("FRAMESCOPE_TEST_FORK_CRASH", "autosave")
    model.setData(model.index(0, 0), "Crashed Once")
    assert window.project.autosave()
    child = window.project._autosave_job
    assert child is not None and child.pid is not None
    qtbot.waitUntil(lambda: window.project._autosave_job is None, timeout=LOAD_TIMEOUT_MS)
    assert child.error == "crashed (SIGSEGV)" and gone(child.pid)
    assert autosaved_outlet(autosave) == "Crashed Once"

    # A save that fails on the thread too (its folder is a file) is said, not swallowed.
    (tmp_path / "a-file").write_text("not a folder", encoding="utf-8")
    real_path = qt_project.ProjectController.__dict__["autosave_path"]  # the staticmethod
    monkeypatch.setattr(qt_project.ProjectController, "autosave_path",
                        staticmethod(lambda: tmp_path / "a-file" / "autosave.framescope"))
    model.setData(model.index(0, 0), "Nowhere")
    assert window.project.autosave()
    qtbot.waitUntil(lambda: window.project._autosave_job is None, timeout=LOAD_TIMEOUT_MS)
    # The save's own ProjectError, naming the file (fe50668: before, the cleanup's
    # NotADirectoryError replaced it).
    said = status_text(window)
    assert said.startswith("Autosave failed: models.project.ProjectError: ")
    assert f"{tmp_path / 'a-file' / 'autosave.framescope'}: could not be saved: " in said
    # The window's clean exit removes the real autosave.
    monkeypatch.setattr(qt_project.ProjectController, "autosave_path", real_path)


def test_no_fork_while_another_thread_runs_python_code(
    qtbot: Any, window: Any, many: list[ArticleAnalysis], chart_threads: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(qt_chart_job, "JOIN_SECONDS", 0.1)
    stop = threading.Event()

    def importing() -> None:  # stands for a thread importing a module (the import lock)
        while not stop.is_set():
            sum(range(1000))

    busy = threading.Thread(target=importing, name="import-something", daemon=True)
    busy.start()
    try:
        view = window.compare_view
        view.select_chart("measure_by_outlet")
        with qtbot.waitSignal(view.chart_shown, timeout=LOAD_TIMEOUT_MS):
            view.set_analyses(many)
        assert "import-something" in qt_chart_job.last_refusal
        assert chart_threads == ["chart-job"]  # computed on a thread instead
    finally:
        stop.set()
        busy.join()
    view.wait_drawn()


def test_threads_that_wait_do_not_stop_a_fork_but_busy_ones_do() -> None:
    parked = threading.Event()
    stop = threading.Event()
    started = threading.Event()

    def spin() -> None:
        started.set()
        while not stop.is_set():
            time.sleep(0)

    def spin_declared_safe() -> None:
        with fork_guard.fork_safe_thread():
            spin()

    waiting = threading.Thread(target=parked.wait, name="waiting", daemon=True)
    spinning = threading.Thread(target=spin, name="spinning", daemon=True)
    waiting.start()
    spinning.start()
    started.wait()
    try:
        assert fork_guard.busy_threads() == ["spinning"]
    finally:
        stop.set()
        spinning.join()
    assert fork_guard.busy_threads(0.5) == []  # a thread that ends in time is waited for
    stop.clear()
    started.clear()
    safe = threading.Thread(target=spin_declared_safe, name="relay", daemon=True)
    safe.start()
    started.wait()
    try:
        assert fork_guard.busy_threads() == []
    finally:
        stop.set()
        parked.set()
        safe.join()
        waiting.join()


def test_a_child_exit_is_described() -> None:
    import subprocess
    import sys

    crashed = subprocess.Popen(
        [sys.executable, "-c", "import os, signal; os.kill(os.getpid(), signal.SIGSEGV)"])
    _, status = os.waitpid(crashed.pid, 0)
    assert fork_guard.exit_description(status) == "crashed (SIGSEGV)"
    failed = subprocess.Popen([sys.executable, "-c", "raise SystemExit(3)"])
    _, status = os.waitpid(failed.pid, 0)
    assert fork_guard.exit_description(status) == "ended with exit code 3"
    ok = subprocess.Popen([sys.executable, "-c", "pass"])
    _, status = os.waitpid(ok.pid, 0)
    assert fork_guard.exit_description(status) == ""


def test_the_window_closes_cleanly_while_a_chart_child_hangs(
    qtbot: Any, window: Any, many: list[ArticleAnalysis], monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("FRAMESCOPE_TEST_FORK_HANG", "chart")
    job = start_chart(qtbot, window, many, "measure_by_outlet")
    window.project.set_modified(False)
    window.close()
    qtbot.waitUntil(lambda: not job.is_running(), timeout=LOAD_TIMEOUT_MS)
    assert gone(job.pid)  # killed and reaped, not left blocked after the app


def test_the_app_keeps_blas_and_openmp_to_one_thread() -> None:
    """Their thread pools are threads a fork would copy mid-work: the app sets them to one
    thread before numpy loads (a fresh interpreter, started as the app is)."""
    import ast
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items()
           if k not in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    script = (
        "import sys\n"
        "from desktop import qt_app\n"
        "assert 'numpy' not in sys.modules\n"
        "qt_app.create_application([])\n"
        "import numpy, sklearn.feature_extraction.text, threadpoolctl\n"
        "print(sorted({(i['internal_api'], i['num_threads']) "
        "for i in threadpoolctl.threadpool_info()}))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                         text=True, timeout=120, check=True).stdout
    pools = ast.literal_eval(out)
    assert ("openblas", 1) in pools and all(threads == 1 for _, threads in pools), pools
