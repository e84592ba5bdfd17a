"""The window's work at the end of a run, spread out (issue 6 item 3: no stall over 50 ms;
bench/app_scale.py measures it, no timings here): the columns are widened to the later
rows as their batches come, not all at the end; hundreds of load problems reported at
the end are listed a turn of the event loop at a time; analyses the run did not stream
are still taken in at its end."""

from __future__ import annotations

from typing import Any

from desktop import qt_main_window
from models.article import ReadError
from models.pipeline import CorpusAnalysis, analyze_paths
from tests.desktop.conftest import SEEDS
from tests.desktop.test_app_at_scale import fabricated


def _seeds_by_outlet_length() -> list[Any]:
    return sorted(analyze_paths([SEEDS]).analyses, key=lambda a: len(a.article.outlet))


def test_columns_widen_to_each_batch_while_the_run_goes_on(qtbot: Any, window: Any) -> None:
    analyses = _seeds_by_outlet_length()
    window.runner.started.emit()
    window.runner.analysed.emit(analyses[:1])  # the first batch: the columns are fitted
    first_width = window.table.columnWidth(qt_main_window.OUTLET_COLUMN)
    window.runner.analysed.emit(analyses[1:])  # a later batch, with longer outlets
    # Widened now, while the run goes on (before, only once the run had ended).
    metrics = window.table.fontMetrics()
    texts = window.table_model.display_texts(qt_main_window.OUTLET_COLUMN, range(len(analyses)))
    assert window.table.columnWidth(qt_main_window.OUTLET_COLUMN) > max(
        metrics.horizontalAdvance(text) for text in texts)
    assert window.table.columnWidth(qt_main_window.OUTLET_COLUMN) > first_width
    widths = [window.table.columnWidth(i) for i in range(len(qt_main_window.COLUMNS))]
    window.runner.finished.emit(CorpusAnalysis(list(analyses), []))
    # Nothing left to widen at the end, and nothing narrowed.
    assert [window.table.columnWidth(i) for i in range(len(qt_main_window.COLUMNS))] == widths
    assert window.table_model.rowCount() == len(analyses)


def _distinct(analyses: list[Any]) -> list[Any]:
    """Each its own text, as far as the window can tell (not "Already loaded")."""
    for i, analysis in enumerate(analyses):
        analysis.article.content_hash = f"distinct-{i}"
    return analyses


def test_columns_stop_being_measured_past_the_rows_fitted_to(qtbot: Any, window: Any) -> None:
    analyses = _distinct(fabricated(_seeds_by_outlet_length(), qt_main_window.FIT_ROWS + 40))
    window.runner.started.emit()
    window.runner.analysed.emit(analyses[:16])
    window.runner.analysed.emit(analyses[16:qt_main_window.FIT_ROWS + 8])
    assert window._run.fitted_rows == qt_main_window.FIT_ROWS
    # A row past them with a very long outlet does not widen the column.
    long_one = fabricated(analyses[:1], 1, seed=3)[0]
    long_one.article.outlet = "A very long outlet name " * 4
    long_one.article.article_id = "long"
    long_one.article.content_hash = "long"
    before = window.table.columnWidth(qt_main_window.OUTLET_COLUMN)
    window.runner.analysed.emit([long_one])
    assert window.table.columnWidth(qt_main_window.OUTLET_COLUMN) == before


def test_what_the_run_did_not_stream_is_taken_in_at_its_end(qtbot: Any, window: Any) -> None:
    analyses = _seeds_by_outlet_length()
    window.runner.started.emit()
    window.runner.analysed.emit(analyses[:2])
    window.runner.finished.emit(CorpusAnalysis(list(analyses), []))
    assert [a.article_id for a in window.analyses()] == [a.article_id for a in analyses]
    assert window.status_text() == qt_main_window.corpus_summary(analyses)


def test_hundreds_of_problems_at_the_end_are_listed_a_turn_at_a_time(
    qtbot: Any, window: Any
) -> None:
    per_turn = qt_main_window.LoadProblems.ROWS_PER_TURN
    errors = [ReadError(f"/corpus/folder/file{i:04d}.txt", f"reason {i}")
              for i in range(2 * per_turn + 29)]
    window.runner.started.emit()
    window.runner.finished.emit(CorpusAnalysis([], errors))
    panel = window.problems_panel
    # Known at once (the summary, the status bar, load_problems) ...
    assert window.load_problems() == errors
    assert panel.summary.text() == f"{len(errors)} files could not be read."
    assert f"{len(errors)} files could not be read" in window.status_text()
    assert window.problems_dock.isVisible()
    # ... listed a part at a time, in order, until all are there.
    assert panel.tree.topLevelItemCount() == per_turn
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() == len(errors))
    for row in (0, per_turn, len(errors) - 1):
        item = panel.tree.topLevelItem(row)
        assert (item.text(0), item.text(1)) == (f"file{row:04d}.txt", f"reason {row}")
        assert item.toolTip(0) == errors[row].file


def test_clearing_the_list_while_it_fills_stops_it(qtbot: Any, window: Any) -> None:
    panel = window.problems_panel
    per_turn = panel.ROWS_PER_TURN
    panel.add([ReadError(f"/c/f{i}.txt", "r") for i in range(3 * per_turn)])
    assert panel.tree.topLevelItemCount() == per_turn
    panel.clear()
    panel.add([ReadError("/c/new.txt", "new")])
    qtbot.wait(50)  # the turns the first list had scheduled
    assert [panel.tree.topLevelItem(i).text(0)
            for i in range(panel.tree.topLevelItemCount())] == ["new.txt"]
    assert len(panel.problems()) == 1


def test_the_comparison_leaves_out_excluded_rows_in_table_order(qtbot: Any, window: Any) -> None:
    analyses = fabricated(_seeds_by_outlet_length(), 30)
    model = window.table_model
    model.append(analyses)
    model.sort(1)  # by outlet
    order = [model.analysis(row) for row in range(model.rowCount())]
    assert model.included_analyses() == order
    assert model.included_analyses() is not model.included_analyses()  # a copy
    model.set_excluded([0, 3], True)
    assert model.included_analyses() == [a for i, a in enumerate(order) if i not in (0, 3)]
