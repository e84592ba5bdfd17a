"""The main window: loading, the table and the views, exports, errors, shortcuts."""

from __future__ import annotations

import csv
import os
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QFileDialog

from desktop.qt_table_model import COLUMNS, OUTLET_COLUMN
from models.export import SCORES_COLUMNS
from tests.desktop.conftest import LOAD_TIMEOUT_MS, SEED_COUNT, copy_seeds, load


@pytest.fixture
def loaded(qtbot: Any, window: Any, seed_dir: Path) -> Any:
    load(qtbot, window, [seed_dir])
    assert window.table_model.rowCount() == SEED_COUNT
    return window


def save_dialog_returns(
    monkeypatch: pytest.MonkeyPatch, path: Path, selected_filter: str = ""
) -> list[tuple[Any, ...]]:
    calls: list[tuple[Any, ...]] = []

    def fake(*args: Any, **kwargs: Any) -> tuple[str, str]:
        calls.append(args)
        return str(path), selected_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake)
    return calls


def csv_rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


# --- start-up and actions -------------------------------------------------------


def test_window_layout_and_titles(window: Any) -> None:
    # The project name, a modified marker placeholder, then the app (see qt_project).
    assert window.windowTitle() == "Untitled[*] — Framescope"
    assert not window.isWindowModified()
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == [
        "Compare", "Read", "Claims"]
    assert window.filter_edit.placeholderText() == "Filter articles…"
    assert window.table.isSortingEnabled()
    assert window.table.model() is window.proxy
    assert window.splitter.orientation() == Qt.Orientation.Vertical
    table_height, views_height = window.splitter.sizes()
    assert 0.2 < table_height / (table_height + views_height) < 0.4
    assert window.status_text() == "No articles loaded"
    assert not window.progress_bar.isVisible()
    assert not window.cancel_button.isVisible()


@pytest.mark.parametrize(
    ("action", "keys"),
    [
        ("action_open_files", "Ctrl+O"),
        ("action_open_folder", "Ctrl+Shift+O"),
        ("action_export_chart", "Ctrl+E"),
        ("action_export_chart_data", "Ctrl+Shift+D"),
        ("action_export_table", "Ctrl+Shift+E"),
        ("action_remove", "Del"),
        ("action_quit", "Ctrl+Q"),
        ("action_show_compare", "Ctrl+1"),
        ("action_show_read", "Ctrl+2"),
        ("action_methods", "F1"),
    ],
)
def test_keyboard_shortcuts(window: Any, action: str, keys: str) -> None:
    assert getattr(window, action).shortcut() == QKeySequence(keys)


def test_actions_that_need_articles_follow_the_table(window: Any, qtbot: Any, seed_dir: Path) -> None:
    needing = [
        window.action_export_chart, window.action_export_chart_data,
        window.action_export_table, window.action_clear, window.action_remove,
    ]
    assert not any(a.isEnabled() for a in needing)
    load(qtbot, window, [seed_dir])
    assert all(a.isEnabled() for a in needing)  # the first row is selected after a load
    window.action_clear.trigger()
    assert window.table_model.rowCount() == 0
    assert not any(a.isEnabled() for a in needing)
    assert window.read_view.analysis() is None


def test_view_actions_switch_tabs(window: Any) -> None:
    window.action_show_read.trigger()
    assert window.tabs.currentWidget() is window.read_view
    window.action_show_compare.trigger()
    assert window.tabs.currentWidget() is window.compare_view


# --- loading ----------------------------------------------------------------------


def test_file_open_loads_the_chosen_files(
    qtbot: Any,
    window: Any,
    seed_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    shown_errors: list[tuple[str, str, str]],
) -> None:
    chosen = sorted(str(p) for p in seed_dir.glob("*.txt"))
    filters: list[str] = []

    def fake(parent: Any, caption: str, folder: str, name_filter: str) -> tuple[list[str], str]:
        filters.append(name_filter)
        return chosen, name_filter

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", fake)
    with qtbot.waitSignal(window.runner.finished, timeout=LOAD_TIMEOUT_MS):
        window.action_open_files.trigger()
    assert "*.txt" in filters[0]
    assert window.table_model.rowCount() == SEED_COUNT
    assert window.status_text() == "5 articles from 5 outlets"
    assert not window.progress_bar.isVisible()
    assert window.load_problems() == []
    assert shown_errors == []


def test_open_folder_adds_to_what_is_loaded_and_skips_duplicates(
    qtbot: Any, window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = copy_seeds(tmp_path / "first", 2)
    load(qtbot, window, first)
    assert window.table_model.rowCount() == 2
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", lambda *a, **k: str(Path(first[0]).parents[1] / "all")
    )
    copy_seeds(tmp_path / "all")
    with qtbot.waitSignal(window.runner.finished, timeout=LOAD_TIMEOUT_MS):
        window.action_open_folder.trigger()
    assert window.table_model.rowCount() == SEED_COUNT
    hashes = [a.article.content_hash for a in window.analyses()]
    assert len(set(hashes)) == SEED_COUNT
    duplicates = [p for p in window.load_problems() if p.reason.startswith("Already loaded")]
    assert sorted(Path(p.file).name for p in duplicates) == sorted(p.name for p in first)
    assert "2 duplicates not added" in window.status_text()


def test_same_file_name_in_two_loads_gets_distinct_ids(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    for folder, text in (("one", "Officials said the ban exists."),
                         ("two", "The Kremlin denied that any ban exists.")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "report.txt").write_text(text, encoding="utf-8")
        load(qtbot, window, [tmp_path / folder])
    assert [a.article_id for a in window.analyses()] == ["report", "report-2"]


def test_status_and_cancel_button_while_analysing(
    qtbot: Any, window: Any, seed_dir: Path, slow_pipeline: list[int]
) -> None:
    with qtbot.waitSignal(window.runner.status, timeout=LOAD_TIMEOUT_MS):
        window.open_paths([seed_dir])
    assert window.progress_bar.isVisible()
    assert window.cancel_button.isVisible()
    with qtbot.waitSignal(window.runner.cancelled, timeout=LOAD_TIMEOUT_MS):
        qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
    assert not window.progress_bar.isVisible()
    assert not window.cancel_button.isVisible()
    assert window.status_text() == "No articles loaded · analysis cancelled"
    assert window.table_model.rowCount() == 0


def test_a_new_load_replaces_the_running_one(
    qtbot: Any, window: Any, many_articles: Path, seed_dir: Path
) -> None:
    window.open_paths([many_articles])
    with qtbot.waitSignal(window.runner.finished, timeout=LOAD_TIMEOUT_MS):
        window.open_paths([seed_dir])
    assert window.table_model.rowCount() == SEED_COUNT


def test_closing_during_analysis_stops_the_worker(
    qtbot: Any, window: Any, seed_dir: Path, slow_pipeline: list[int]
) -> None:
    with qtbot.waitSignal(window.runner.status, timeout=LOAD_TIMEOUT_MS):
        window.open_paths([seed_dir])
    task = window.runner.current_task()
    assert task is not None and not task.done.is_set()
    window.close()
    assert task.is_cancelled()
    assert task.done.is_set()


def test_a_pipeline_error_is_shown_to_the_user(
    qtbot: Any,
    window: Any,
    seed_dir: Path,
    shown_errors: list[tuple[str, str, str]],
    monkeypatch: pytest.MonkeyPatch,
    in_thread_pipeline: None,
    caplog: pytest.LogCaptureFixture,
) -> None:
    import models.pipeline

    def broken(paths: Any, progress: Any = None, **columns: Any) -> Any:
        raise ValueError("unexpected layout in 000.txt")

    monkeypatch.setattr(models.pipeline, "analyze_paths", broken)
    with qtbot.waitSignal(window.runner.failed, timeout=LOAD_TIMEOUT_MS) as failed:
        window.open_paths([seed_dir])
    assert len(shown_errors) == 1
    title, text, detail = shown_errors[0]
    assert title == "Analysis failed"
    assert "ValueError: unexpected layout in 000.txt" in text
    assert detail == failed.args[0]
    # The fault's traceback is kept in the log too, and the dialog says where (s33).
    assert "Help ▸ Open Diagnostics Log Folder" in text
    assert f"The load failed: {detail}" in caplog.text
    assert not window.progress_bar.isVisible()


def _with_note() -> Exception:
    error = ValueError("unexpected layout")
    error.add_note("while reading 000.txt")
    return error


@pytest.mark.parametrize(("error", "said"), [
    # The message starts on a new line: the dialog said only "RuntimeError:" (ux15, s15).
    (RuntimeError("\nThe files could not be read:\n000.txt is empty"),
     "RuntimeError: The files could not be read: 000.txt is empty"),
    # A note added to the exception: the dialog gave the note and lost the message.
    (_with_note(), "ValueError: unexpected layout (while reading 000.txt)"),
])
def test_the_error_dialog_says_the_whole_reason_on_its_first_line(
    qtbot: Any,
    window: Any,
    seed_dir: Path,
    shown_errors: list[tuple[str, str, str]],
    monkeypatch: pytest.MonkeyPatch,
    in_thread_pipeline: None,
    error: Exception,
    said: str,
) -> None:
    import models.pipeline

    def broken(paths: Any, progress: Any = None, **columns: Any) -> Any:
        raise error

    monkeypatch.setattr(models.pipeline, "analyze_paths", broken)
    with qtbot.waitSignal(window.runner.failed, timeout=LOAD_TIMEOUT_MS) as failed:
        window.open_paths([seed_dir])
    (title, text, detail), = shown_errors
    assert title == "Analysis failed"
    assert text.splitlines()[0] == f"The files could not be analysed: {said}"
    assert detail == failed.args[0]
    assert detail.startswith(said + "\n\nTraceback (most recent call last):")


# --- table and views ---------------------------------------------------------------


def test_selecting_a_row_shows_the_article_in_read(qtbot: Any, loaded: Any) -> None:
    window = loaded
    window.proxy.sort(OUTLET_COLUMN, Qt.SortOrder.DescendingOrder)
    window.table.selectRow(2)
    expected = window.proxy.index(2, 0).data(Qt.ItemDataRole.UserRole)
    assert window.read_view.analysis() is expected
    assert window.tabs.currentWidget() is window.compare_view  # a click does not switch tabs


def test_double_clicking_a_row_opens_it_in_read(qtbot: Any, loaded: Any) -> None:
    window = loaded
    index = window.proxy.index(3, COLUMNS.index(next(c for c in COLUMNS if c.key == "words")))
    rect = window.table.visualRect(index)
    viewport = window.table.viewport()
    # As the platform sends it: a click (press, release), then the double-click.
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.tabs.currentWidget() is window.compare_view
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.tabs.currentWidget() is window.read_view
    assert window.read_view.analysis() is index.data(Qt.ItemDataRole.UserRole)


def test_editing_an_outlet_regroups_compare_without_reanalysing(
    qtbot: Any, loaded: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = loaded
    monkeypatch.setattr(window.runner, "start", lambda paths: pytest.fail("re-analysed"))
    given: list[list[Any]] = []
    monkeypatch.setattr(window.compare_view, "set_analyses", lambda a, **_: given.append(list(a)))
    first = window.analyses()[0]
    other = window.analyses()[1].outlet
    index = window.proxy.mapFromSource(window.table_model.index(0, OUTLET_COLUMN))
    with qtbot.waitSignal(window.analyses_changed):
        assert window.proxy.setData(index, other)
    assert first.article.outlet == other
    assert first.article.outlet_origin == "user"
    assert len(given) == 1 and given[0][0] is first
    assert window.status_text() == "5 articles from 4 outlets"


def test_remove_selected_articles(qtbot: Any, loaded: Any) -> None:
    window = loaded
    removed = window.proxy.index(1, 0).data(Qt.ItemDataRole.UserRole)
    window.table.selectRow(1)
    window.action_remove.trigger()
    assert window.table_model.rowCount() == SEED_COUNT - 1
    assert removed not in window.analyses()
    assert window.status_text() == ("Removed 1 article (Edit ▸ Undo, Ctrl+Z, brings it back) · "
                                    "4 articles from 4 outlets")


def test_f2_edits_the_outlet_and_delete_removes_rows_from_the_keyboard(
    qtbot: Any, loaded: Any
) -> None:
    window = loaded
    window.table.setFocus()
    window.table.setCurrentIndex(window.proxy.index(0, OUTLET_COLUMN))
    qtbot.keyClick(window.table, Qt.Key.Key_F2)
    assert window.table.state() == QAbstractItemView.State.EditingState
    qtbot.keyClick(window.table.focusWidget(), Qt.Key.Key_Escape)
    assert window.table.state() != QAbstractItemView.State.EditingState
    window.table.selectRow(4)
    qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    assert window.table_model.rowCount() == SEED_COUNT - 1
    # In the filter box, Delete edits the text and removes nothing.
    qtbot.keyClicks(window.filter_edit, "ab")
    qtbot.keyClick(window.filter_edit, Qt.Key.Key_Home)
    qtbot.keyClick(window.filter_edit, Qt.Key.Key_Delete)
    assert window.filter_edit.text() == "b"
    assert window.table_model.rowCount() == SEED_COUNT - 1


def test_filter_box_hides_other_rows(qtbot: Any, loaded: Any) -> None:
    window = loaded
    outlet = window.analyses()[2].outlet
    qtbot.keyClicks(window.filter_edit, outlet)
    assert window.proxy.rowCount() == 1
    assert window.proxy.index(0, OUTLET_COLUMN).data() == outlet
    window.filter_edit.clear()
    assert window.proxy.rowCount() == SEED_COUNT


# --- exports -------------------------------------------------------------------------


def test_export_table_writes_the_csv_contract_with_outlet_edits(
    loaded: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = loaded
    window.table_model.setData(window.table_model.index(0, OUTLET_COLUMN), "Corrected Outlet")
    target = tmp_path / "out" / "scores.csv"
    calls = save_dialog_returns(monkeypatch, target)
    window.action_export_table.trigger()
    assert len(calls) == 1
    header, rows = csv_rows(target)
    assert tuple(header[: len(SCORES_COLUMNS)]) == SCORES_COLUMNS
    assert len(rows) == SEED_COUNT
    by_id = {r["article_id"]: r for r in rows}
    first = window.analyses()[0]
    assert by_id[first.article_id]["outlet"] == "Corrected Outlet"
    assert by_id[first.article_id]["outlet_origin"] == "user"


def test_export_table_writes_its_codebook_beside_and_keeps_a_users_file(
    loaded: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Export Table writes "scores (codebook).csv" beside scores.csv: each column's
    label in the table (ux22 #7: sources_named_people is "Named sources"); a file of
    the user's under that name is kept, and the codebook takes the next name."""
    window = loaded
    target = tmp_path / "scores.csv"
    mine = tmp_path / "scores (codebook).csv"
    mine.write_text("my own notes\n", encoding="utf-8")
    save_dialog_returns(monkeypatch, target)
    window.action_export_table.trigger()
    assert mine.read_text(encoding="utf-8") == "my own notes\n"
    codebook = tmp_path / "scores (codebook 2).csv"
    _header, rows = csv_rows(codebook)
    scores_header, _ = csv_rows(target)
    assert [r["column"] for r in rows if r["file"] == "scores.csv"] == scores_header
    labels = {r["column"]: r["label"] for r in rows}
    for column in COLUMNS[3:]:  # the table's measure columns, by the table's own label
        assert labels[column.key] == column.label
    assert "codebook 2" in window.statusBar().currentMessage()
    # Exported again: the earlier codebook is replaced, the user's file still kept.
    window.action_export_table.trigger()
    assert mine.read_text(encoding="utf-8") == "my own notes\n"
    assert not (tmp_path / "scores (codebook 3).csv").exists()


def test_a_failed_save_names_the_file_and_the_reason(
    loaded: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    shown_errors: list[tuple[str, str, str]],
) -> None:
    window = loaded
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be", encoding="utf-8")
    target = blocker / "scores.csv"
    save_dialog_returns(monkeypatch, target)
    window.action_export_table.trigger()
    assert len(shown_errors) == 1
    title, text, _detail = shown_errors[0]
    assert title == "Could not save"
    assert str(target) in text
    assert "Not a directory" in text or "File exists" in text
    assert window.table_model.rowCount() == SEED_COUNT  # nothing lost


def test_a_codebook_that_cannot_be_written_is_named_and_the_table_kept(
    loaded: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    shown_errors: list[tuple[str, str, str]],
) -> None:
    """The table is written; where its codebook then fails (a full disk), the error
    names the codebook, not the table the user has, and the status says what was saved."""
    import errno

    from models import export

    def full_disk(path: Path, analyses: Any, **_: Any) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    window = loaded
    target = tmp_path / "scores.csv"
    monkeypatch.setattr(export, "write_codebook_csv", full_disk)
    save_dialog_returns(monkeypatch, target)
    window.action_export_table.trigger()
    _header, rows = csv_rows(target)
    assert len(rows) == SEED_COUNT  # the table is saved
    assert len(shown_errors) == 1
    title, text, _detail = shown_errors[0]
    assert title == "Could not save"
    assert f"Could not save {tmp_path / 'scores (codebook).csv'}:" in text
    assert "No space left on device" in text
    assert window.statusBar().currentMessage() == "Saved scores.csv, not its codebook"
    assert [p.name for p in tmp_path.glob("scores*")] == ["scores.csv"]  # no part left


@pytest.mark.parametrize("fmt", ["png", "svg", "pdf"])
def test_export_chart_in_each_format(
    qtbot: Any, loaded: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    window = loaded
    target = tmp_path / f"chart.{fmt}"
    save_dialog_returns(monkeypatch, target, "PNG image (*.png)")
    with qtbot.waitSignal(window.chart_exported, timeout=60_000):  # written on a thread
        window.action_export_chart.trigger()
    data = target.read_bytes()
    if fmt == "png":
        assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 2000
    elif fmt == "svg":
        assert ET.fromstring(data).tag.endswith("svg")
    else:
        assert data.startswith(b"%PDF")


def test_export_chart_without_suffix_uses_the_selected_filter(
    qtbot: Any, loaded: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = loaded
    save_dialog_returns(monkeypatch, tmp_path / "figure", "SVG image (*.svg)")
    with qtbot.waitSignal(window.chart_exported, timeout=60_000):
        window.action_export_chart.trigger()
    assert ET.fromstring((tmp_path / "figure.svg").read_bytes()).tag.endswith("svg")


def test_export_chart_data_writes_csv(
    qtbot: Any, loaded: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = loaded
    target = tmp_path / "chart-data.csv"
    save_dialog_returns(monkeypatch, target, "CSV table (*.csv)")
    # Written on a thread once the chart is there: the window says when.
    with qtbot.waitSignal(window.chart_data_exported, timeout=LOAD_TIMEOUT_MS) as ended:
        window.action_export_chart_data.trigger()
    assert ended.args == [target, ""]
    assert window.statusBar().currentMessage() == (
        "Saved chart-data.csv and its codebook, chart-data (codebook).csv")
    header, rows = csv_rows(target)
    assert header and rows
    # the codebook beside it describes each of the data's columns, in order
    _, described = csv_rows(tmp_path / "chart-data (codebook).csv")
    assert [r["column"] for r in described] == header
    assert all(r["file"] == "chart-data.csv" and r["definition"] for r in described)


def test_double_clicking_an_outlet_edits_it_in_place(qtbot: Any, loaded: Any) -> None:
    window = loaded
    index = window.proxy.index(0, OUTLET_COLUMN)
    viewport = window.table.viewport()
    center = window.table.visualRect(index).center()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=center)
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=center)
    assert window.table.state() == QAbstractItemView.State.EditingState
    assert window.tabs.currentWidget() is window.compare_view


# --- start-up ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, "offscreen"),
        ({"DISPLAY": ":0"}, None),
        ({"WAYLAND_DISPLAY": "wayland-0"}, None),
        ({"QT_QPA_PLATFORM": "xcb"}, "xcb"),
    ],
)
def test_start_up_without_a_display_uses_offscreen(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], expected: str | None
) -> None:
    from desktop import qt_app

    monkeypatch.setattr(qt_app.sys, "platform", "linux")
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    qt_app._use_offscreen_when_headless()

    assert os.environ.get("QT_QPA_PLATFORM") == expected


def test_the_app_finds_its_icon_and_seeds() -> None:
    from desktop import qt_app

    assert qt_app.icon_path().is_file()
    assert ET.parse(qt_app.icon_path()).getroot().tag.endswith("svg")
    assert len(list(qt_app.seeds_dir().glob("*.txt"))) == SEED_COUNT
