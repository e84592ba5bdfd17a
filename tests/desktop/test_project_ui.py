"""Projects in the app: save, reopen, recent, modified marker, close questions, autosave,
crash restore, dictionaries, exclusion and exports, driven through the real window."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication, QTextCharFormat
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from desktop import qt_project, qt_settings
from desktop.qt_project import ask_unsaved_changes  # the real one (tests patch the module's)
from models.project import SCHEMA_VERSION, load_project, save_project
from tests.desktop.conftest import LOAD_TIMEOUT_MS, copy_seeds, load, wait_for_chart

RISK = "%\n1\trisk\n2\tcalm\n%\ndanger*\t1\nthreat*\t1\nwar\t1\nattack*\t1\nsafe*\t2\ncalm*\t2\n"


def patch_save_dialog(monkeypatch: pytest.MonkeyPatch, path: Path, filt: str = "") -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(path), filt)))


def patch_open_dialog(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(path), "")))


def drop_files(widget: Any, *paths: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    from tests.desktop.test_drop import drag_enter, drag_move

    drag_enter(widget, mime)
    drag_move(widget, mime)
    event = QDropEvent(QPointF(50.0, 50.0), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)
    assert event.isAccepted()
    assert mime is not None


def mark_newer(project_file: Path, versions_ahead: int = 1) -> None:
    """Make ``project_file`` read as written by a newer Framescope (its schema version)."""
    import sqlite3

    db = sqlite3.connect(project_file)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + versions_ahead}")
    db.commit()
    db.close()


def open_and_wait(qtbot: Any, window: Any, path: Path) -> None:
    with qtbot.waitSignal(window.project.project_opened, timeout=LOAD_TIMEOUT_MS):
        assert window.project.open_project(path)


@pytest.fixture
def seeds_copy(tmp_path: Path) -> list[Path]:
    return copy_seeds(tmp_path / "corpus")


@pytest.fixture
def risk_dic(tmp_path: Path) -> Path:
    path = tmp_path / "risk.dic"
    path.write_text(RISK, encoding="utf-8")
    return path


def test_save_as_then_reopen_restores_the_study(
    qtbot: Any, window: Any, seeds_copy: list[Path], risk_dic: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    load(qtbot, window, seeds_copy)
    assert window.isWindowModified()
    assert window.windowTitle() == "Untitled[*] — Framescope"
    model = window.table_model
    model.setData(model.index(0, 0), "Edited Outlet")
    window.table.selectRow(1)
    window.action_exclude.trigger()
    assert len(window.compare_view.analyses()) == 4
    window.project.load_dictionaries([risk_dic])
    window.compare_view.select_measure("dict_risk_risk_per_100w")

    target = tmp_path / "saved" / "study"
    patch_save_dialog(monkeypatch, target)
    target.parent.mkdir()
    window.project.action_save_as.trigger()
    saved = target.with_suffix(".framescope")
    assert saved.is_file()
    assert window.windowTitle() == "study[*] — Framescope" and not window.isWindowModified()
    excluded_id = model.analysis(1).article_id

    # Delete the original files: the project is enough to analyse the study again.
    for path in seeds_copy:
        path.unlink()
    window.project.new_project()
    assert model.rowCount() == 0 and window.windowTitle() == "Untitled[*] — Framescope"

    patch_open_dialog(monkeypatch, saved)
    with qtbot.waitSignal(window.project.project_opened, timeout=LOAD_TIMEOUT_MS):
        window.project.action_open.trigger()
    assert model.rowCount() == 5
    assert model.analysis(0).outlet == "Edited Outlet"
    assert model.excluded_ids() == {excluded_id}
    assert len(window.compare_view.analyses()) == 4
    assert [d.name for d in window.project.dictionaries] == ["risk"]
    labels = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    assert labels[-2:] == ["risk: risk\nper 100 words", "risk: calm\nper 100 words"]
    assert window.compare_view.current_measure() == "dict_risk_risk_per_100w"
    assert window.project.path == saved and not window.isWindowModified()
    assert window.project.recent_projects()[0] == str(saved.resolve())


def test_recent_projects_menu_opens_a_project(
    qtbot: Any, window: Any, seeds_copy: list[Path], tmp_path: Path
) -> None:
    load(qtbot, window, seeds_copy[:2])
    first, second = tmp_path / "one.framescope", tmp_path / "two.framescope"
    assert window.project.save_to(first)
    assert window.project.save_to(second)
    window.project.recent_menu.aboutToShow.emit()
    actions = [a for a in window.project.recent_menu.actions() if a.data()]
    assert [a.text() for a in actions] == ["&1 two", "&2 one"]
    window.project.new_project()
    with qtbot.waitSignal(window.project.project_opened, timeout=LOAD_TIMEOUT_MS):
        actions[1].trigger()
    assert window.project.path == first and window.table_model.rowCount() == 2
    stored = qt_settings.settings().value("projects/recent")
    assert list(stored)[:2] == [str(first.resolve()), str(second.resolve())]


def test_close_with_unsaved_changes_asks_and_cancel_keeps_the_window(
    qtbot: Any, window: Any, seeds_copy: list[Path], tmp_path: Path,
    unsaved_changes_answers: Any, monkeypatch: pytest.MonkeyPatch,
) -> None:
    load(qtbot, window, seeds_copy[:1])
    unsaved_changes_answers.queue[:] = ["cancel"]
    assert not window.close()
    assert window.isVisible() and unsaved_changes_answers.asked == [("Untitled",)]
    target = tmp_path / "closing.framescope"
    patch_save_dialog(monkeypatch, target)
    unsaved_changes_answers.queue[:] = ["save"]
    assert window.close()
    assert load_project(target).articles[0].text == window.analyses()[0].article.text


def test_discard_closes_without_saving(
    qtbot: Any, window: Any, seeds_copy: list[Path], tmp_path: Path,
    unsaved_changes_answers: Any,
) -> None:
    load(qtbot, window, seeds_copy[:1])
    unsaved_changes_answers.queue[:] = ["discard"]
    assert window.close()
    assert not list(tmp_path.rglob("*.framescope"))


@pytest.mark.parametrize(("button", "answer"), [
    (QMessageBox.StandardButton.Save, "save"),
    (QMessageBox.StandardButton.Discard, "discard"),
    (QMessageBox.StandardButton.Cancel, "cancel"),
])
def test_the_unsaved_changes_box_answers_by_its_buttons(
    qtbot: Any, window: Any, button: QMessageBox.StandardButton, answer: str
) -> None:
    seen: list[str] = []

    def click() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        box.button(button).click()

    QTimer.singleShot(0, click)
    assert ask_unsaved_changes(window, "study") == answer
    assert seen == ["Save the changes to “study”?"]


def test_autosave_then_restore_after_a_crash(
    qtbot: Any, window: Any, seeds_copy: list[Path], user_folders: dict[str, Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from desktop.qt_main_window import MainWindow

    assert not window.project.start_session()  # nothing to restore; session marked running
    load(qtbot, window, seeds_copy[:3])
    window.table_model.setData(window.table_model.index(0, 0), "Autosaved Outlet")
    window.project.autosave_timer.start(50)
    autosave = user_folders["data"] / "autosave.framescope"
    qtbot.waitUntil(autosave.exists, timeout=10_000)
    # The app "crashes": no clean exit, the autosave and the running marker stay.
    window.project.autosave_timer.stop()
    asked: list[tuple[str, str, str]] = []
    monkeypatch.setattr(qt_project, "ask_restore_session",
                        lambda parent, saved_at, name, ended_by:
                        asked.append((saved_at, name, ended_by)) or True)
    second = MainWindow()
    qtbot.addWidget(second)
    with qtbot.waitSignal(second.project.project_opened, timeout=LOAD_TIMEOUT_MS):
        assert second.project.start_session()
    assert asked and asked[0][1:] == ("Untitled", "")  # a crash: nothing ended it from outside
    assert second.table_model.rowCount() == 3
    assert second.table_model.analysis(0).outlet == "Autosaved Outlet"
    assert second.isWindowModified() and second.project.path is None
    # A clean exit removes the autosave and clears the marker.
    second.project.set_modified(False)
    second.close()
    assert not autosave.exists()
    assert qt_settings.settings().value("session/running") in (False, "false")


def test_an_autosave_that_cannot_be_opened_is_kept_aside_and_said(
    qtbot: Any, window: Any, seeds_copy: list[Path], user_folders: dict[str, Path],
    monkeypatch: pytest.MonkeyPatch, shown_errors: list[tuple[str, str, str]],
) -> None:
    # The crashed session's autosave was written by a newer Framescope (she tried an older
    # one after the crash): it was offered, failed to open, and was deleted with her work.
    from desktop.qt_main_window import MainWindow

    load(qtbot, window, seeds_copy[:2])
    autosave = user_folders["data"] / "autosave.framescope"
    save_project(autosave, window.project.snapshot())
    mark_newer(autosave)
    mine = autosave.read_bytes()
    settings = qt_settings.settings()
    settings.setValue("session/running", True)
    settings.sync()
    asked: list[Any] = []
    monkeypatch.setattr(qt_project, "ask_restore_session",
                        lambda *a, **k: asked.append(a) or True)
    second = MainWindow()
    qtbot.addWidget(second)
    assert not second.project.start_session()
    assert asked == []  # a restore that cannot work is not offered
    kept = [p for p in user_folders["data"].glob("*.framescope") if p != autosave]
    assert len(kept) == 1 and kept[0].read_bytes() == mine
    assert kept[0].name.startswith("autosave not restored ")
    title, text, _detail = shown_errors[-1]
    assert title == "Could not restore the last session"
    assert "newer version of Framescope" in text and str(kept[0]) in text


def test_no_restore_offered_after_a_clean_exit(
    qtbot: Any, window: Any, seeds_copy: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.qt_main_window import MainWindow

    window.project.start_session()
    load(qtbot, window, seeds_copy[:1])
    assert window.project.autosave()
    window.close()  # discards (the autouse answer) and exits cleanly
    asked: list[Any] = []
    monkeypatch.setattr(qt_project, "ask_restore_session", lambda *a: asked.append(a) or True)
    second = MainWindow()
    qtbot.addWidget(second)
    assert not second.project.start_session()
    assert asked == []


def test_a_newer_project_is_refused_and_the_study_kept(
    qtbot: Any, window: Any, seeds_copy: list[Path], tmp_path: Path,
    shown_errors: list[tuple[str, str, str]],
) -> None:
    load(qtbot, window, seeds_copy[:2])
    future = tmp_path / "future.framescope"
    save_project(future, window.project.snapshot())
    mark_newer(future, 5)
    window.project.set_modified(False)
    assert not window.project.open_project(future)
    assert window.table_model.rowCount() == 2
    assert shown_errors and "newer version of Framescope" in shown_errors[-1][1]


def test_a_project_that_cannot_be_read_is_said_and_the_study_kept(
    qtbot: Any, window: Any, seeds_copy: list[Path], tmp_path: Path,
    shown_errors: list[tuple[str, str, str]], monkeypatch: pytest.MonkeyPatch,
) -> None:
    import builtins

    from models import project as project_module

    load(qtbot, window, seeds_copy[:2])
    locked = tmp_path / "locked.framescope"
    save_project(locked, window.project.snapshot())
    window.project.set_modified(False)

    def refused(file: Any, *args: Any, **kwargs: Any) -> Any:  # root ignores chmod 000
        if Path(file) == locked:
            raise PermissionError(13, "Permission denied", str(file))
        return builtins.open(file, *args, **kwargs)

    monkeypatch.setattr(project_module, "open", refused, raising=False)
    assert not window.project.open_project(locked)
    assert window.table_model.rowCount() == 2
    assert shown_errors[-1][1] == (
        "locked.framescope could not be opened: could not be read: Permission denied")


def test_a_project_that_fails_to_open_leaves_recent_only_when_it_is_gone(
    qtbot: Any, window: Any, seeds_copy: list[Path], tmp_path: Path,
    shown_errors: list[tuple[str, str, str]],
) -> None:
    # A project saved by a newer Framescope (or unreadable for now) was dropped from
    # File > Open Recent at the first try: after updating she could not find it there.
    load(qtbot, window, seeds_copy[:1])
    future = tmp_path / "future.framescope"
    gone = tmp_path / "gone.framescope"
    for path in (gone, future):
        assert window.project.save_to(path)
    mark_newer(future)
    gone.unlink()
    window.project.set_modified(False)
    assert not window.project.open_project(future)
    assert not window.project.open_project(gone)
    assert window.project.recent_projects() == [str(future.resolve())]


def test_dropped_dictionary_adds_columns_measures_and_read_view_chips(
    qtbot: Any, window: Any, seeds_copy: list[Path], risk_dic: Path
) -> None:
    load(qtbot, window, seeds_copy)
    drop_files(window, risk_dic)
    model = window.table_model
    keys = [c.key for c in model.shown_columns()]
    assert keys[-2:] == ["dict_risk_risk_per_100w", "dict_risk_calm_per_100w"]
    war_row = next(i for i in range(model.rowCount())
                   if model.analysis(i).article.source.endswith("004_3fc53e922aa18798.txt"))
    value = model.index(war_row, len(keys) - 2).data(Qt.ItemDataRole.UserRole + 1)
    assert value > 0
    combo = window.compare_view.measure_combo
    assert combo.findData("dict_risk_risk_per_100w") >= 0
    window.compare_view.select_measure("dict_risk_risk_per_100w")
    assert wait_for_chart(qtbot, window.compare_view).title == "risk: risk by outlet"

    window.table.selectRow(window.proxy.mapFromSource(model.index(war_row, 0)).row())
    read = window.read_view
    chip = read.dictionary_chip("risk")
    matches = read.dictionary_matches()["risk"]
    assert chip.text() == f"risk  {len(matches)}" and matches
    first = matches[0]
    fmt = read.char_format_at(first.start)
    assert fmt.underlineStyle() == QTextCharFormat.UnderlineStyle.DashUnderline
    chip.click()  # hide the dictionary's highlights
    assert read.char_format_at(first.start).underlineStyle() != (
        QTextCharFormat.UnderlineStyle.DashUnderline
    )
    assert window.isWindowModified()


def test_the_status_bar_keeps_the_count_as_a_dictionary_comes_and_goes(
    qtbot: Any, window: Any, seeds_copy: list[Path], risk_dic: Path
) -> None:
    """A dictionary dropped left the status bar saying "Dictionary loaded: risk" alone, the
    article count gone, and still so after Remove Dictionaries (the random walk, seeds 5,
    7-10)."""
    load(qtbot, window, seeds_copy)
    summary = window.loaded_summary()
    assert summary == "5 articles from 5 outlets"
    drop_files(window, risk_dic)
    assert window.status_text() == f"Dictionary loaded: risk · {summary}"
    window.project.action_remove_dictionaries.trigger()
    assert window.status_text() == f"Custom dictionaries removed · {summary}"


def test_bad_dictionary_is_reported_and_the_others_load(
    qtbot: Any, window: Any, risk_dic: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.dic"
    bad.write_text("%\n1\tx\n%\nword\t4\n", encoding="utf-8")
    loaded = window.project.load_dictionaries([bad, risk_dic])
    assert [d.name for d in loaded] == ["risk"]
    problems = window.load_problems()
    assert problems[0].file == str(bad) and "line 4" in problems[0].reason
    assert window.problems_dock.isVisible()


def test_lexicon_edit_rescores_the_table_at_once(
    qtbot: Any, window: Any, seeds_copy: list[Path], user_folders: dict[str, Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from desktop.qt_lexicon_editor import LexiconEditor
    from models.resources import lexicons_dir

    shipped = (lexicons_dir() / "loaded.csv").read_bytes()
    load(qtbot, window, seeds_copy)
    model = window.table_model
    row = next(i for i in range(model.rowCount())
               if model.analysis(i).article.source.endswith("004_3fc53e922aa18798.txt"))
    before = model.analysis(row).scores.loaded_per_100w
    window.project.edit_lexicons()
    editor = window.findChild(LexiconEditor)
    assert editor is not None and editor.isVisible()
    editor.select_lexicon("loaded.csv")
    editor.term_edit.setText("war")
    editor.subcategory_combo.setCurrentText("war_framing")
    with qtbot.waitSignal(window.project.rescore_runner.finished, timeout=LOAD_TIMEOUT_MS):
        qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    after = model.analysis(row).scores.loaded_per_100w
    assert after > before
    assert any(s.text == "war" for s in model.analysis(row).spans if s.category == "loaded")
    assert (user_folders["config"] / "lexicons" / "loaded.csv").is_file()
    assert (lexicons_dir() / "loaded.csv").read_bytes() == shipped
    version, edited = window.project.lexicon_version()
    assert edited
    assert editor.reset_button.isEnabled()
    from desktop import qt_lexicon_editor

    monkeypatch.setattr(qt_lexicon_editor, "ask_reset", lambda *args: True)  # "Reset"
    with qtbot.waitSignal(window.project.rescore_runner.finished, timeout=LOAD_TIMEOUT_MS):
        qtbot.mouseClick(editor.reset_button, Qt.MouseButton.LeftButton)
    assert model.analysis(row).scores.loaded_per_100w == pytest.approx(before)
    assert window.project.lexicon_version()[0] != version


def test_exports_chart_with_csv_beside_clipboard_xlsx_and_report(
    qtbot: Any, window: Any, seeds_copy: list[Path], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from openpyxl import load_workbook

    load(qtbot, window, seeds_copy)
    window.table.selectRow(0)
    window.action_exclude.trigger()  # excluded from the tables, still listed as an input
    chart = tmp_path / "out" / "boosters.png"
    assert window.export_chart(chart)
    with chart.with_suffix(".csv").open(encoding="utf-8") as handle:
        assert len(list(csv.DictReader(handle))) == 4  # one row per included article

    QGuiApplication.clipboard().clear()
    with qtbot.waitSignal(window.chart_copied, timeout=LOAD_TIMEOUT_MS) as copied:
        window.action_copy_chart.trigger()  # drawn on a thread
    assert copied.args == [""]
    image = QGuiApplication.clipboard().image()
    assert not image.isNull() and image.width() > 1000

    patch_save_dialog(monkeypatch, tmp_path / "out" / "table", "Excel workbook (*.xlsx)")
    window.action_export_table.trigger()
    book = load_workbook(tmp_path / "out" / "table.xlsx")
    assert book["scores"].max_row == 5 and book["scores"].freeze_panes == "A2"

    patch_save_dialog(monkeypatch, tmp_path / "out" / "study-report.pdf",
                      "Both HTML and PDF (*.pdf *.html)")
    with qtbot.waitSignal(window.project.report_finished, timeout=LOAD_TIMEOUT_MS * 3) as done:
        window.project.action_export_report.trigger()
        # Written on a worker: the window stays responsive, the action waits its turn.
        assert not window.project.action_export_report.isEnabled()
    assert window.project.action_export_report.isEnabled()
    assert sorted(p.name for p in done.args[0]) == ["study-report.html", "study-report.pdf"]
    html = (tmp_path / "out" / "study-report.html").read_text(encoding="utf-8")
    from models.project import file_sha256

    assert "Lexicon version" in html and "Excluded by the user" in html
    for path in seeds_copy:
        assert file_sha256(path) in html
    assert (tmp_path / "out" / "study-report.pdf").read_bytes().startswith(b"%PDF")


def test_drop_of_a_project_file_opens_it(
    qtbot: Any, window: Any, seeds_copy: list[Path], tmp_path: Path
) -> None:
    load(qtbot, window, seeds_copy[:2])
    path = tmp_path / "dropped.framescope"
    assert window.project.save_to(path)
    window.project.new_project()
    with qtbot.waitSignal(window.project.project_opened, timeout=LOAD_TIMEOUT_MS):
        drop_files(window, path)
    assert window.table_model.rowCount() == 2 and window.project.path == path


def test_files_dropped_with_a_project_are_named_not_dropped_in_silence(
    qtbot: Any, window: Any, seeds_copy: list[Path], tmp_path: Path
) -> None:
    load(qtbot, window, seeds_copy[:2])
    path = tmp_path / "dropped.framescope"
    assert window.project.save_to(path)
    other = tmp_path / "other.framescope"
    assert window.project.save_to(other)
    window.project.new_project()
    with qtbot.waitSignal(window.project.project_opened, timeout=LOAD_TIMEOUT_MS):
        drop_files(window, path, seeds_copy[2], other)
    assert window.table_model.rowCount() == 2 and window.project.path == path
    reason = ("not added: dropped with the project dropped.framescope, which was opened "
              "in place of the study; open or drop it again to add it")
    assert [(p.file, p.reason) for p in window.load_problems()] == [
        (str(seeds_copy[2]), reason), (str(other), reason)]
    assert window.problems_dock.isVisible()


def test_files_dropped_with_a_project_that_cannot_be_opened_are_loaded(
    qtbot: Any, window: Any, seeds_copy: list[Path], tmp_path: Path,
    shown_errors: list[tuple[str, str, str]],
) -> None:
    # The project failed, and the articles dropped with it were left out without a word.
    broken = tmp_path / "broken.framescope"
    broken.write_text("{not a project", encoding="utf-8")
    with qtbot.waitSignal(window.load_finished, timeout=LOAD_TIMEOUT_MS):
        drop_files(window, broken, seeds_copy[0], seeds_copy[1])
    assert window.table_model.rowCount() == 2 and window.project.path is None
    assert shown_errors[-1][0] == "Could not open the project"
    [problem] = [p for p in window.load_problems() if p.file == str(broken)]
    assert problem.reason.startswith("project not opened: ")
    assert window.problems_dock.isVisible()


def test_a_report_that_cannot_be_written_is_reported(
    qtbot: Any, window: Any, seeds_copy: list[Path], tmp_path: Path,
    shown_errors: list[tuple[str, str, str]],
) -> None:
    load(qtbot, window, seeds_copy[:2])
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be", encoding="utf-8")
    with qtbot.waitSignal(window.project.report_failed, timeout=LOAD_TIMEOUT_MS * 3):
        window.project.export_report(blocker / "report", ["html"])
    assert shown_errors[-1][0] == "Could not write the report"
    assert "report could not be written" in shown_errors[-1][1]
    assert window.project.action_export_report.isEnabled()
