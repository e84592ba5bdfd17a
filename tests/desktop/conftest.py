"""pytest-qt configuration for the desktop tests.

Qt runs offscreen, settings go to the test's tmp_path (never the user's real
configuration), and error dialogs are recorded instead of blocking the run.
"""

from __future__ import annotations

import json
import os

# Before any QApplication exists: the tests never need (or open) a real display.
os.environ["QT_QPA_PLATFORM"] = "offscreen"

import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths, Qt

from desktop import qt_settings
from models.article import Article, Block, Role, Sentence
from models.features import ArticleAnalysis, ArticleScores
from tests.timing import WorkWatch

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"
SEED_COUNT = 5
# Generous: the first analysis loads the lexicons and VADER.
LOAD_TIMEOUT_MS = 60_000
# Work done by forked children at a lower priority (charts, claims) has no wall-clock limit
# (on a loaded machine seconds of their work take minutes): a wait for it fails once the
# test process and its children have neither run nor waited for a core this long (they
# are blocked), or have run this much CPU time in all (they never end).
WORK_STALL_SECONDS = 30.0
WORK_CPU_SECONDS = 120.0
# The threads the app starts for background work, and the window's import of its views'
# modules (a fork waits for them, then gives up: the work is done on a thread instead).
BACKGROUND_THREADS = ("chart-scene", "draw-chart", "chart-job", "autosave-job", "claims-job", "import-views")


def join_background_threads() -> None:
    """Wait for the app's background threads (drawings, chart and claims jobs on threads,
    the views' import) to end: those of a window of an earlier test too. Before a test
    asserts that work was forked: what a fork needs, no other thread running Python."""
    for thread in threading.enumerate():
        if thread.name in BACKGROUND_THREADS:
            thread.join(LOAD_TIMEOUT_MS / 1000)


@pytest.fixture(autouse=True)
def no_background_thread_left() -> Iterator[None]:
    """Each test starts without, and leaves no, drawing or job thread running (a chart
    still drawn after a test would make the next test's fork wait, then give up)."""
    join_background_threads()
    yield
    join_background_threads()


def wait_for_work(qtbot: Any, done: Callable[[], bool], what: str) -> None:
    """Let the event loop run until ``done()``, for as long as the work that leads there
    goes on (see WORK_STALL_SECONDS; tests.timing.WorkWatch)."""
    from pytestqt.exceptions import TimeoutError as NotYet

    watch = WorkWatch()
    while True:
        try:
            qtbot.waitUntil(done, timeout=1000)
            return
        except NotYet:
            pass
        watch.sample()
        assert watch.idle_seconds() < WORK_STALL_SECONDS, (
            f"{what}: nothing ran or waited for a core for {watch.idle_seconds():.0f} s")
        assert watch.ran < WORK_CPU_SECONDS, (
            f"{what}: not done after {watch.ran:.0f} s of CPU time")


@contextmanager
def signal_after_work(qtbot: Any, signal: Any, what: str) -> Iterator[list[tuple[Any, ...]]]:
    """``with signal_after_work(qtbot, view.chart_shown, "the chart") as emitted: ...``:
    what the block starts ends with ``signal`` (waited for as :func:`wait_for_work` does);
    ``emitted`` holds the arguments of each emission."""
    emitted: list[tuple[Any, ...]] = []

    def record(*args: Any) -> None:
        emitted.append(args)

    signal.connect(record)
    try:
        yield emitted
        wait_for_work(qtbot, lambda: bool(emitted), what)
    finally:
        signal.disconnect(record)


def wait_for_chart(qtbot: Any, view: Any, what: str = "the chart") -> Any:
    """Let the event loop run until the Compare view's chosen chart is on screen (charts
    are drawn off the GUI thread: on a thread, or past a few hundred articles in a forked
    child) and no drawing or resize of it is waiting; the chart."""
    wait_for_work(qtbot, lambda: view.current_chart() is not None and not view.chart_pending()
                  and view.canvas.settled, what)
    return view.current_chart()


def drawn_without_scroll(qtbot: Any, view: Any) -> tuple[Any, Any]:
    """Once the Compare view's canvas fills its scroll area and the chart is drawn,
    assert that nothing scrolls down; the figure, drawn again, and its renderer (to
    measure the drawn texts)."""
    area = view.scroll_area
    qtbot.waitUntil(lambda: view.canvas.width() == area.viewport().width())
    wait_for_chart(qtbot, view)
    assert area.verticalScrollBar().maximum() == 0, (
        view.canvas.minimumHeight(), area.viewport().height())
    figure = view.canvas.figure
    figure.canvas.draw()
    return figure, figure.canvas.get_renderer()


@pytest.fixture(autouse=True)
def isolated_settings(qapp: Any, tmp_path: Path) -> Iterator[Path]:
    """QSettings and QStandardPaths point into tmp_path for the whole test."""
    QCoreApplication.setOrganizationName(qt_settings.ORGANIZATION)
    QCoreApplication.setApplicationName(qt_settings.APPLICATION)
    QStandardPaths.setTestModeEnabled(True)
    config = tmp_path / "config"
    config.mkdir()
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(config))
    yield config
    # The fixture really redirected the app's settings (and nothing was written elsewhere).
    assert Path(qt_settings.settings().fileName()).is_relative_to(config)


class Answers:
    """Queued answers to a question the app asks, and the questions asked."""

    def __init__(self, default: Any) -> None:
        self.queue: list[Any] = []
        self.asked: list[Any] = []
        self.options: list[dict[str, Any]] = []  # keyword arguments of each question
        self.default = default

    def __call__(self, parent: Any, *args: Any, **options: Any) -> Any:
        self.asked.append(args)
        self.options.append(options)
        return self.queue.pop(0) if self.queue else self.default


@pytest.fixture(autouse=True)
def no_key_held(qapp: Any) -> None:
    """Each test starts with no modifier key held, as it does alone. QTest's keyClick with
    a modifier (Ctrl+1) leaves QGuiApplication.keyboardModifiers() at Ctrl, and the next
    test's table.selectRow(1) then *added* row 1 to the selection (a Ctrl-click): two rows
    excluded instead of one (test_project_ui after test_window_built_after_paint:
    "assert 3 == 4", seen once under load in session 14 and reproduced in that order)."""
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QWidget

    if QGuiApplication.keyboardModifiers() == Qt.KeyboardModifier.NoModifier:
        return
    # The application takes the modifiers of the last key event it delivers: one release
    # with none held clears them. The receiver is never shown.
    nobody = QWidget()
    QTest.keyRelease(nobody, Qt.Key.Key_Control, Qt.KeyboardModifier.NoModifier)
    nobody.deleteLater()
    assert QGuiApplication.keyboardModifiers() == Qt.KeyboardModifier.NoModifier


@pytest.fixture(autouse=True)
def user_folders(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> dict[str, Path]:
    """The app's data folder (autosave) and config folder (edited lexicons) in tmp_path."""
    from desktop import qt_project

    folders = {"data": tmp_path / "user-data", "config": tmp_path / "user-config"}
    for name, folder in folders.items():
        monkeypatch.setattr(qt_project, f"{name}_dir",
                            lambda folder=folder: (folder.mkdir(exist_ok=True), folder)[1])
    return folders


@pytest.fixture(autouse=True)
def unsaved_changes_answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    """Answers to the Save/Discard/Cancel question asked when a window with unsaved
    changes closes (or a study is replaced): "discard" unless a test queues others."""
    from desktop import qt_project

    answers = Answers("discard")
    monkeypatch.setattr(qt_project, "ask_unsaved_changes", answers)
    return answers


@pytest.fixture
def seed_dir() -> Path:
    assert SEEDS.is_dir(), SEEDS
    return SEEDS


@pytest.fixture
def many_articles(tmp_path: Path, seed_dir: Path) -> Path:
    """The seeds copied 40 times (200 files), each copy with distinct text."""
    folder = tmp_path / "many"
    folder.mkdir()
    for copy in range(40):
        for seed in sorted(seed_dir.iterdir()):
            if seed.suffix != ".txt":
                continue
            text = seed.read_text(encoding="utf-8")
            target = folder / f"{seed.stem}_copy{copy:02d}.txt"
            target.write_text(f"{text}\nThis is copy number {copy}.\n", encoding="utf-8")
    return folder


@pytest.fixture
def in_thread_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    """Runs read and analysis on the runner's thread, in this process (as re-scoring
    does), instead of in an analysis process: for tests that replace
    ``models.pipeline`` functions here, where a separate process would not see it."""
    from desktop.qt_worker import AnalysisTask

    monkeypatch.setattr(AnalysisTask, "use_process", False)


@pytest.fixture
def failing_seed(monkeypatch: pytest.MonkeyPatch, in_thread_pipeline: None) -> str:
    """The analysis raises on the fourth seed (KeyError), as a bug in a measure would, in
    this process (run on the runner's thread); returns its id's start."""
    import models.features

    real = models.features.analyze_article

    def failing(article: Any, finder: Any = None) -> Any:
        if article.article_id.startswith("003_"):
            raise KeyError("tone_mean")
        return real(article, finder)

    monkeypatch.setattr(models.features, "analyze_article", failing)
    return "003_"


@pytest.fixture
def slow_pipeline(monkeypatch: pytest.MonkeyPatch, in_thread_pipeline: None) -> list[int]:
    """The real pipeline, stalled at its second cancellation check until cancelled.

    Makes "cancel while it runs" deterministic however fast the machine is:
    the run has started and reported status, and it ends only through Cancel.
    Returns the list of cancellation checks made (for assertions).
    """
    import models.pipeline

    real = models.pipeline.analyze_paths
    checks: list[int] = []

    class Stalling:
        def __init__(self, outer: Any) -> None:
            self._outer = outer

        def set_progress(self, fraction: float) -> None:
            self._outer.set_progress(fraction)

        def set_status(self, text: str) -> None:
            self._outer.set_status(text)

        def is_cancelled(self) -> bool:
            checks.append(len(checks))
            if len(checks) == 2:
                assert self._outer.wait_for_cancel(30), "the test never cancelled the run"
            return bool(self._outer.is_cancelled())

    def stalled(paths: Any, progress: Any = None, **columns: Any) -> Any:
        return real(paths, Stalling(progress), **columns)

    monkeypatch.setattr(models.pipeline, "analyze_paths", stalled)
    return checks


@pytest.fixture
def shown_errors(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, str]]:
    """Error dialogs the window showed, as (title, text, detail); none actually opens."""
    from desktop import qt_main_window

    shown: list[tuple[str, str, str]] = []

    def record(parent: Any, title: str, text: str, detail: str = "") -> None:
        shown.append((title, text, detail))

    monkeypatch.setattr(qt_main_window, "show_error", record)
    return shown


@pytest.fixture
def window(qtbot: Any, shown_errors: list[tuple[str, str, str]]) -> Any:
    """A shown MainWindow with nothing loaded; closed (worker stopped) at teardown."""
    from desktop.qt_main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def load(qtbot: Any, window: Any, paths: list[Path]) -> Any:
    """Open ``paths`` in ``window`` and wait for the analysis; the CorpusAnalysis."""
    with qtbot.waitSignal(window.runner.finished, timeout=LOAD_TIMEOUT_MS) as blocker:
        window.open_paths(paths)
    return blocker.args[0]


def choose_chart_with_keys(qtbot: Any, view: Any, key: str) -> Any:
    """Pick chart ``key`` in the Compare view's Chart box with the keyboard, as a user
    does (Home, then Down until it is chosen), and wait until it is drawn; the chart."""
    return choose_with_keys(qtbot, view, view.chart_combo, key)


def choose_with_keys(qtbot: Any, view: Any, combo: Any, key: str) -> Any:
    """Pick the item whose data is ``key`` in ``combo`` (the Compare view's Chart or
    Measure box) with the keyboard: Home, then Down until it is chosen; wait until the
    chart is drawn and return it."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentData() == key:
            break
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentData() == key
    return wait_for_chart(qtbot, view)


def shown_compare_view(qtbot: Any, width: int = 900, height: int = 600, **kwargs: Any) -> Any:
    """A Compare view (``kwargs`` go to its constructor), owned by ``qtbot``, resized,
    shown and exposed."""
    from desktop.qt_compare_view import CompareView

    view = CompareView(**kwargs)
    qtbot.addWidget(view, before_close_func=CompareView.shutdown)  # as the window does
    view.resize(width, height)
    view.show()
    qtbot.waitExposed(view)
    return view


def shown_read_view(qtbot: Any, width: int = 1000, height: int = 700) -> Any:
    """A Read view, owned by ``qtbot``, resized, shown and exposed."""
    from desktop.qt_read_view import ReadView

    view = ReadView()
    qtbot.addWidget(view)
    view.resize(width, height)
    view.show()
    qtbot.waitExposed(view)
    return view


def last_json_line_of(script: str, tmp_path: Path) -> Any:
    """Run ``script`` in a fresh interpreter (repo root, a clean environment with its
    settings in ``tmp_path``); what it printed last, as JSON. A crash prints the Python
    stacks of every thread (faulthandler) into the failure's message."""
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-X", "faulthandler", "-c", script], cwd=REPO, env=env,
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


def copy_seeds(target: Path, count: int = SEED_COUNT) -> list[Path]:
    target.mkdir(parents=True, exist_ok=True)
    copies = []
    for seed in sorted(SEEDS.glob("*.txt"))[:count]:
        copies.append(Path(shutil.copy(seed, target / seed.name)))
    return copies


def make_analysis(
    article_id: str,
    outlet: str = "Outlet",
    headline: str = "A headline",
    outlet_origin: str = "filename",
    **scores: Any,
) -> ArticleAnalysis:
    """A hand-built analysis: any ArticleScores field can be given, the rest are defaults."""
    text = f"{headline}\nBody text of {article_id}."
    body_start = len(headline) + 1
    article = Article(
        article_id=article_id,
        text=text,
        blocks=(Block(body_start, len(text), Role.BODY),),
        sentences=(Sentence(0, body_start, len(text), text[body_start:]),),
        source=f"/corpus/{article_id}.txt",
        outlet=outlet,
        outlet_origin=outlet_origin,
        headline=headline,
        date="2023-05-18",
        content_hash=f"hash-{article_id}",
    )
    values: dict[str, Any] = {
        "words": 100,
        "sentences": 5,
        "hedges_epistemic_per_100w": 1.0,
        "hedges_evidential_per_100w": 0.5,
        "boosters_per_100w": 0.25,
        "estimative_probability_mean": None,
        "attributions_per_100w": 2.0,
        "attributions_factive_share": None,
        "attributions_loaded_share": None,
        "sources_named": 3,
        "sources_anonymous": 1,
        "loaded_per_100w": 0.75,
        "tone_mean": -0.125,
        "tone_negative_share": 0.4,
        "headline_tone": 0.2,
        "headline_hedged": False,
        "headline_body_gap": None,
    }
    values.update(scores)
    return ArticleAnalysis(article, (), (0.0,), (), ArticleScores(**values))


@pytest.fixture
def held_views_import(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """The views' import (MainWindow._prepare_views, on its "import-views" thread after the
    first paint) is held until the test sets the returned event (at most 30 s)."""
    import importlib

    imported = threading.Event()
    real_import = importlib.import_module

    def held_import(name: str, package: str | None = None) -> Any:
        if threading.current_thread().name == "import-views":
            imported.wait(30)
        return real_import(name, package)

    monkeypatch.setattr(importlib, "import_module", held_import)
    return imported


def painted_window(qtbot: Any) -> Any:
    """A MainWindow started as the app starts it (build_later), shown and painted once:
    the views' import (held by held_views_import, if used) has begun on its thread."""
    from desktop.qt_main_window import MainWindow

    window = MainWindow(build_later=True)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.first_painted, timeout=10_000):
        window.show()
    return window
