"""The app with many articles: results stream into the table in batches, sorting is
right at scale, charts and claims computed off the GUI thread equal the ones computed
on it, and closing while they are computed leaves nothing running.

No timings here: speed is measured by bench/app_scale.py.
"""

from __future__ import annotations

import dataclasses
import math
import os
import random
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt

from desktop.qt_table_model import COLUMNS, ArticleTableModel
from models.features import ArticleAnalysis
from models.pipeline import analyze_paths
from tests.desktop.conftest import (
    LOAD_TIMEOUT_MS,
    SEEDS,
    join_background_threads,
    signal_after_work,
)

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="background jobs fork")


@pytest.fixture(scope="module")
def seed_analyses() -> list[ArticleAnalysis]:
    return analyze_paths([SEEDS]).analyses


def fabricated(base: list[ArticleAnalysis], n: int, seed: int = 7) -> list[ArticleAnalysis]:
    """``n`` analyses built from the seeds' with varied outlets, headlines and scores:
    many ties and undefined values, as a big corpus has."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        b = base[i % len(base)]
        article = dataclasses.replace(
            b.article, article_id=f"a{i:05d}", outlet=f"Outlet {rng.randrange(30):02d}",
            headline=rng.choice(["", "Alpha rises", "beta falls", "Gamma", "alpha rises"]),
            date=rng.choice(["", "2024-01-02", "2023-12-31"]),
        )
        scores = dataclasses.replace(
            b.scores, words=rng.choice([120, 300, 300, 451]),
            tone_mean=rng.choice([-0.5, 0.0, 0.25, 0.25]),
            headline_tone=rng.choice([None, -0.2, 0.3, 0.3]),
            headline_hedged=rng.choice([None, True, False]),
            boosters_per_100w=round(rng.random() * 3, 1),
            tone_news_mean=rng.choice([None, 0.1, -0.1]),
        )
        out.append(ArticleAnalysis(article, b.spans, b.sentence_tones, b.headline_restating,
                                   scores, b.sentence_tones_news))
    return out


# --- results stream into the table --------------------------------------------------


def test_a_run_fills_the_table_in_batches_in_the_order_of_the_result(
    qtbot: Any, window: Any, many_articles: Path
) -> None:
    inserts: list[tuple[int, int]] = []
    window.table_model.rowsInserted.connect(lambda _p, first, last: inserts.append((first, last)))
    rows_while_running: list[int] = []
    window.runner.analysed.connect(
        lambda _batch: rows_while_running.append(window.table_model.rowCount()))
    with qtbot.waitSignal(window.runner.finished, timeout=LOAD_TIMEOUT_MS):
        window.open_paths([many_articles])
    assert window.runner.current_task() is None
    # The rows arrived while the run went on, several batches, each appended at the end.
    assert len(inserts) >= 2, inserts
    assert [first for first, _ in inserts] == [0, *[last + 1 for _, last in inserts[:-1]]]
    assert rows_while_running and rows_while_running[0] < 200
    # The same rows in the same order as the analysis in one piece (serial, this process).
    expected = analyze_paths([many_articles]).analyses
    shown = window.analyses()
    assert [a.article_id for a in shown] == [a.article_id for a in expected]
    assert [a.scores for a in shown] == [a.scores for a in expected]
    assert [a.spans for a in shown] == [a.spans for a in expected]
    table_order = [window.proxy.index(r, 0).data(Qt.ItemDataRole.UserRole).article_id
                   for r in range(window.proxy.rowCount())]
    assert table_order == [a.article_id for a in expected]


# --- sorting at scale -----------------------------------------------------------------


def _expected_order(model: ArticleTableModel, analyses: list[ArticleAnalysis], column: int,
                    descending: bool) -> list[str]:
    spec = model.shown_columns()[column]
    keyed = [(model._raw(a, spec), a.article_id) for a in analyses]
    defined = [pair for pair in keyed if pair[0] is not None and not (
        isinstance(pair[0], float) and math.isnan(pair[0]))]
    defined.sort(key=lambda pair: pair[0], reverse=descending)  # stable: ties in load order
    undefined = [pair for pair in keyed if pair not in defined]
    return [i for _, i in defined] + [i for _, i in undefined]


def test_every_column_sorts_right_at_3000_rows(
    qtbot: Any, seed_analyses: list[ArticleAnalysis]
) -> None:
    analyses = fabricated(seed_analyses, 3000)
    model = ArticleTableModel()
    for start in range(0, len(analyses), 250):  # as batches of a run arrive
        model.append(analyses[start:start + 250])
    for column in range(len(COLUMNS)):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            model.sort(column, order)
            shown = [model.analysis(r).article_id for r in range(model.rowCount())]
            descending = order == Qt.SortOrder.DescendingOrder
            assert shown == _expected_order(model, analyses, column, descending), (
                COLUMNS[column].key, order)
    # Rows that arrive while sorted go to their place; load order comes back unsorted.
    model.sort(3, Qt.SortOrder.DescendingOrder)
    extra = fabricated(seed_analyses, 3100, seed=8)[3000:]
    model.append(extra)
    shown = [model.analysis(r).article_id for r in range(model.rowCount())]
    assert shown == _expected_order(model, analyses + extra, 3, True)
    model.sort(-1)
    assert [model.analysis(r) for r in range(model.rowCount())] == analyses + extra
    assert model.analyses() == analyses + extra


def test_a_header_click_sorts_the_big_table_and_keeps_the_selection(
    qtbot: Any, window: Any, seed_analyses: list[ArticleAnalysis]
) -> None:
    analyses = fabricated(seed_analyses, 2000)
    window.table_model.append(analyses)
    window.table.selectRow(5)
    selected = window._analysis_at(window.table.currentIndex())
    header = window.table.horizontalHeader()
    words = 3
    x = header.sectionViewportPosition(words) + header.sectionSize(words) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    model = window.table_model
    descending = header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    shown = [window.proxy.index(r, 0).data(Qt.ItemDataRole.UserRole).article_id
             for r in range(window.proxy.rowCount())]
    assert shown == _expected_order(model, analyses, words, descending)
    assert window._analysis_at(window.table.currentIndex()) is selected


# --- charts and claims off the GUI thread ---------------------------------------------


def _same_rows(a: Any, b: Any) -> bool:
    def norm(value: Any) -> Any:
        if isinstance(value, float) and math.isnan(value):
            return "nan"
        return value

    columns_a, rows_a = a.rows()
    columns_b, rows_b = b.rows()
    return bool(columns_a == columns_b and [
        {k: norm(v) for k, v in row.items()} for row in rows_a
    ] == [{k: norm(v) for k, v in row.items()} for row in rows_b])


@pytest.mark.parametrize("kind", ["measure_by_outlet", "outlet_heatmap", "tone_strips",
                                  "similarity", "sources"])
def test_a_chart_computed_in_the_background_equals_the_one_computed_here(
    qtbot: Any, kind: str, seed_analyses: list[ArticleAnalysis]
) -> None:
    from desktop import qt_chart_job
    from desktop.charts import build_chart
    from desktop.qt_chart_job import start_chart_job
    from desktop.qt_compare_view import BACKGROUND_LIMIT, CompareView

    analyses = fabricated(seed_analyses, BACKGROUND_LIMIT + 60)
    here = build_chart(kind, analyses, measure="boosters_per_100w")
    # What a fork needs: no drawing thread left, also one that an earlier test's view
    # started after this test's fixtures joined theirs (CI on aa39b54, under load: "other
    # threads were running Python code: chart-job").
    join_background_threads()
    job = start_chart_job(kind, analyses, measure="boosters_per_100w")
    assert job is not None, qt_chart_job.last_refusal
    with signal_after_work(qtbot, job.done, f"the {kind} chart's job") as done:
        pass
    away = done[0][0]
    assert type(away) is type(here)
    assert _same_rows(away, here)
    # References to the analyses are the window's own objects, not copies.
    for name, value in vars(away).items() if hasattr(away, "__dict__") else ():
        if isinstance(value, list) and value and isinstance(value[0], ArticleAnalysis):
            assert all(any(v is a for a in analyses) for v in value[:5]), name

    # The Compare view does the same when it is shown this many articles.
    view = CompareView()
    qtbot.addWidget(view, before_close_func=CompareView.shutdown)  # as the window does
    view.select_measure("boosters_per_100w")
    view.set_analyses(analyses)
    with signal_after_work(qtbot, view.chart_shown, f"the {kind} chart in the view"):
        view.select_chart(kind)
        if not view.chart_pending():
            view.chart_shown.emit(kind)
    assert not view.chart_pending()
    assert _same_rows(view.current_chart(), here)
    # An export while a chart is computed waits for it instead of failing.
    view.select_chart("outlet_heatmap" if kind != "outlet_heatmap" else "tone_strips")
    with_export = view._require_chart()
    assert view.current_chart() is with_export and not view.chart_pending()
    view.wait_drawn()  # no drawing thread left behind (the next fork would wait for it)


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def test_closing_the_window_while_claims_are_aligned_stops_the_alignment(
    qtbot: Any, window: Any, seed_analyses: list[ArticleAnalysis]
) -> None:
    from desktop import qt_chart_job
    from desktop.qt_claims_view import AUTO_ALIGN_MAX_ARTICLES

    analyses = fabricated(seed_analyses, AUTO_ALIGN_MAX_ARTICLES + 100)
    view = window.claims_view
    view.set_analyses(analyses)
    assert view.find_button.isVisibleTo(view)  # past the limit: aligned only when asked
    join_background_threads()  # the window's import of its views' modules, on a thread
    qtbot.mouseClick(view.find_button, Qt.MouseButton.LeftButton)
    job = view._job
    assert job is not None, qt_chart_job.last_refusal  # forked, not aligned on a thread
    assert job.is_running() and view.is_busy()
    pid = job.pid
    window.close()
    assert view._job is None and not job.is_running()
    assert _gone(pid)  # killed and reaped, not left running


def test_claims_aligned_in_the_background_equal_the_ones_aligned_here(
    qtbot: Any, seed_analyses: list[ArticleAnalysis]
) -> None:
    from desktop.qt_claims_view import ClaimsView
    from models.claims import prepare_claims
    from models.progress import NullProgress

    view = ClaimsView()
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.alignment_changed, timeout=LOAD_TIMEOUT_MS):
        view.set_analyses(seed_analyses)
    here = prepare_claims(seed_analyses, NullProgress()).align(view.threshold(), NullProgress())
    away = view.alignment()
    assert away is not None
    assert [c.label for c in away.claims] == [c.label for c in here.claims]
    assert away.claims == here.claims


APP_START = r"""
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
from desktop import qt_app
from desktop.qt_main_window import MainWindow

events = []

class Spy(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and obj.objectName() == "MainWindow" \
                and "paint" not in events:
            events.append("paint")
        return False

original = MainWindow.open_paths

def opened(self, paths):
    events.append("open")
    original(self, paths)

MainWindow.open_paths = opened
app = qt_app.create_application()
spy = Spy()
app.installEventFilter(spy)

def check():
    for window in QApplication.topLevelWidgets():
        if window.objectName() == "MainWindow" and "open" in events and not window.is_busy():
            sys.stdout.write(" ".join(events) + f" rows {window.table_model.rowCount()}\n")
            window.project.set_modified(False)
            window.close()
            return
    QTimer.singleShot(50, check)

QTimer.singleShot(50, check)
sys.exit(qt_app.run_gui([]))
"""


def test_the_app_paints_its_window_first_then_opens_the_seeds(tmp_path: Path) -> None:
    import subprocess
    import sys

    repo = Path(__file__).resolve().parents[2]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "c"),
           "XDG_DATA_HOME": str(tmp_path / "d")}
    done = subprocess.run([sys.executable, "-c", APP_START], cwd=repo, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "paint open rows 5" in done.stdout, done.stdout
