"""The column dialog for corpus files, driven with real mouse and key events."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from desktop.qt_column_dialog import ColumnDialog, sort_corpus_files
from models.readers.tables import ColumnMapping, guess_columns, preview_table
from tests.desktop.conftest import LOAD_TIMEOUT_MS
from tests.desktop.test_drop import drag_and_drop, mime_for

HEADER = ["id", "words", "org", "when"]
ROWS = [
    ["1", "Officials may not resign, four sources said on Thursday.", "Paper A", "2023-05-18"],
    ["2", "The Kremlin denied the report, calling it likely false.", "Paper B", "2023-05-19"],
]


def write_csv(path: Path, header: list[str] = HEADER, rows: list[list[str]] = ROWS) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def choose(qtbot: Any, dialog: ColumnDialog, role: str, name: str) -> None:
    """Pick ``name`` in a role's combo box with the keyboard, as a user would."""
    combo = dialog.combos[role]
    combo.setFocus()
    target = combo.findText(name)
    assert target >= 0, name
    key = Qt.Key.Key_Down if target > combo.currentIndex() else Qt.Key.Key_Up
    while combo.currentIndex() != target:
        qtbot.keyClick(combo, key)


def ok_button(dialog: ColumnDialog) -> Any:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_dialog_shows_the_guess_and_takes_the_users_choice(qtbot: Any, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "scraped.csv")
    table = preview_table(path)
    guess = guess_columns(table.header, table.rows)
    assert not guess.is_certain  # "words" is not a known name for the text
    dialog = ColumnDialog(path, table, guess.mapping, guess.doubts)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.combos["text"].currentText() == "words"
    assert dialog.combos["outlet"].currentText() == "(none)"
    assert "'words' has the longest values" in dialog.doubts.text()
    assert dialog.preview.rowCount() == 2 and dialog.preview.item(1, 2).text() == "Paper B"
    choose(qtbot, dialog, "outlet", "org")
    choose(qtbot, dialog, "date", "when")
    assert dialog.preview.horizontalHeaderItem(2).text() == "org\n[outlet]"
    choose(qtbot, dialog, "headline", "org")  # one column for two roles: said, not blocked
    assert "chosen for more than one role" in dialog.status.text()
    choose(qtbot, dialog, "headline", "(none)")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.mapping() == ColumnMapping(text="words", outlet="org", date="when")


def test_ok_needs_a_text_column(qtbot: Any, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "numbers.csv", ["a", "b"], [["1", "2"]])
    table = preview_table(path)
    guess = guess_columns(table.header, table.rows)
    assert guess.mapping.text == ""
    dialog = ColumnDialog(path, table, guess.mapping, guess.doubts)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not ok_button(dialog).isEnabled()
    assert dialog.status.text() == "Choose the column with the article text."
    choose(qtbot, dialog, "text", "b")
    assert ok_button(dialog).isEnabled()


def when_dialog_opens(qtbot: Any, act: Callable[[ColumnDialog], None]) -> list[str]:
    """Run ``act`` on the column dialog once it is open (it runs its own event loop);
    the titles of the dialogs seen."""
    seen: list[str] = []

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, ColumnDialog) and dialog.isVisible():
            seen.append(dialog.windowTitle())
            act(dialog)
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    return seen


def test_dropping_an_unclear_corpus_file_asks_and_then_loads(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "scraped.csv")

    def answer(dialog: ColumnDialog) -> None:
        choose(qtbot, dialog, "outlet", "org")
        qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)

    seen = when_dialog_opens(qtbot, answer)
    mime = mime_for(path)
    with qtbot.waitSignal(window.load_finished, timeout=LOAD_TIMEOUT_MS):
        drag_and_drop(window, mime)
    assert len(seen) == 1
    assert [a.article.outlet for a in window.analyses()] == ["Paper A", "Paper B"]
    assert [a.article.outlet_origin for a in window.analyses()] == ["table", "table"]

    # The same header again: remembered for the session, no second dialog.
    again = write_csv(tmp_path / "more.csv", HEADER, [["3", "A third article says little.", "Paper C", ""]])
    known, unclear = sort_corpus_files([again], window._column_choices)
    assert unclear == [] and known[again].outlet == "org"
    with qtbot.waitSignal(window.load_finished, timeout=LOAD_TIMEOUT_MS):
        drag_and_drop(window, mime_for(again))
    assert [a.article.outlet for a in window.analyses()][-1] == "Paper C"
    assert len(seen) == 1


def test_skipping_a_file_lists_it_and_reads_the_others(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    folder = tmp_path / "drop"
    folder.mkdir()
    write_csv(folder / "unclear.csv")
    (folder / "story.txt").write_text("A story\n\nOfficials said the ban exists.\n", encoding="utf-8")
    write_csv(folder / "clear.csv", ["title", "text"], [["T", "A clear file's article text."]])

    def skip(dialog: ColumnDialog) -> None:
        qtbot.mouseClick(dialog.skip_button, Qt.MouseButton.LeftButton)

    seen = when_dialog_opens(qtbot, skip)
    with qtbot.waitSignal(window.load_finished, timeout=LOAD_TIMEOUT_MS):
        drag_and_drop(window, mime_for(folder))
    assert seen == ["Columns of unclear.csv"]  # clear.csv is not asked
    assert sorted(a.article_id for a in window.analyses()) == ["clear-001", "story"]
    assert [(Path(p.file).name, p.reason) for p in window.load_problems()] == [
        ("unclear.csv", "not read: you chose no text column for it")
    ]


def test_a_file_and_column_named_like_markup_are_shown_as_written(
    qtbot: Any, tmp_path: Path
) -> None:
    # A name is hers, not markup: "<i>" in a file or column name was taken for italics
    # and vanished from the dialog (robust29's open finding).
    from PySide6.QtGui import QTextDocument

    path = write_csv(tmp_path / "poll <i>raw.csv", header=["id", "<i>words", "org", "when"])
    table = preview_table(path)
    guess = guess_columns(table.header, table.rows)
    assert guess.doubts and any("<i>words" in doubt for doubt in guess.doubts)
    dialog = ColumnDialog(path, table, guess.mapping, guess.doubts)
    qtbot.addWidget(dialog)
    intro = dialog.findChildren(type(dialog.doubts))[0]
    shown = QTextDocument()
    shown.setHtml(intro.text())
    assert shown.toPlainText().startswith("poll <i>raw.csv holds one article per row")
    assert dialog.doubts.textFormat() == Qt.TextFormat.PlainText
    assert "<i>words" in dialog.doubts.text()


def test_cancel_clicked_as_the_load_finds_a_table_to_ask_about_stops_the_load(
    qtbot: Any, window: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    """The load looks for tables on the worker first; Cancel clicked after it had found
    one to ask about, before the question reached the window, was ignored: the column
    dialog opened and the load ran (the random walk, seed 0: drop, then Cancel at once)."""
    from PySide6.QtWidgets import QDialog

    asked: list[str] = []
    monkeypatch.setattr(ColumnDialog, "exec", lambda dialog: asked.append(
        dialog.windowTitle()) or int(QDialog.DialogCode.Accepted))
    path = write_csv(tmp_path / "scraped.csv")
    drag_and_drop(window, mime_for(path))
    task = window.runner.current_task()
    # The worker has found the table and asked; the question waits in the event queue.
    assert task is not None and task.done.wait(LOAD_TIMEOUT_MS / 1000)
    assert window.cancel_button.isVisible()
    cancelled: list[bool] = []
    window.runner.cancelled.connect(lambda: cancelled.append(True))
    qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=LOAD_TIMEOUT_MS)
    assert asked == []
    assert cancelled == [True]
    assert window.analyses() == []
    assert "analysis cancelled" in window.status_text()
    assert not window.cancel_button.isVisible()
