"""A block the reader set aside can be scored as body text from the Read view's context
menu, and Edit > Undo takes it back (ux22, session 22: a lede greyed out as a standfirst
had no way back into the body; its words, source and tone were left out).

Driven by real context-menu events (the mouse's and the Menu key's) on the Read view's
text, the menu's own keys, and Ctrl+Z / Ctrl+Shift+Z."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu

from desktop.highlight import NOT_SCORED_COLOUR
from models.article import Role
from models.project import load_project
from models.segment import WHY_USER_BODY
from tests.desktop.conftest import load, seed_dir  # noqa: F401  (seed_dir: a fixture)

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
STANDFIRST = "Two governors were even threatened with talk of criminal cases."


def _open_seed_001(qtbot: Any, window: Any, seed_dir: Path) -> Any:  # noqa: F811
    (path,) = seed_dir.glob("001_*.txt")
    load(qtbot, window, [path])
    window.table.setCurrentIndex(window.proxy.index(0, 0))
    QTest.keyClick(window, Qt.Key.Key_2, CTRL)  # the Read tab
    view = window.read_view
    qtbot.waitUntil(lambda: view.analysis() is not None)
    return view


def _position_of(view: Any, needle: str) -> int:
    article = view.analysis().article
    return view.document_position(article.text.index(needle) + 3)


def _menu_entries(qtbot: Any, browser: Any, event: QContextMenuEvent,
                  choose: str | None) -> list[str]:
    """Send ``event`` to the text; read the menu it opens, and choose the entry named
    ``choose`` with the menu's keys (Down until it is active, then Return), or close it
    (Escape). The entries' names."""
    seen: list[str] = []

    def answer() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(20, answer)
            return
        actions = [a for a in menu.actions() if not a.isSeparator()]
        seen.extend(a.objectName() or a.text() for a in actions)
        wanted = next((a for a in actions if a.objectName() == choose), None)
        if wanted is None:
            QTest.keyClick(menu, Qt.Key.Key_Escape)
            return
        for _ in range(len(menu.actions()) + 1):
            if menu.activeAction() is wanted:
                break
            QTest.keyClick(menu, Qt.Key.Key_Down)
        assert menu.activeAction() is wanted
        QTest.keyClick(menu, Qt.Key.Key_Return)

    QTimer.singleShot(0, answer)
    target = browser.viewport() if event.reason() == QContextMenuEvent.Reason.Mouse else browser
    QApplication.sendEvent(target, event)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
    # The offscreen platform leaves the closed menu the active window; a window manager
    # gives the activation back to the window the menu was opened on.
    window = browser.window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return seen


def _right_click(qtbot: Any, view: Any, position: int, choose: str | None) -> list[str]:
    browser = view.text_edit()
    cursor = QTextCursor(browser.document())
    cursor.setPosition(position)
    point = browser.cursorRect(cursor).center() + QPoint(2, 0)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point,
                              browser.viewport().mapToGlobal(point))
    return _menu_entries(qtbot, browser, event, choose)


def test_a_standfirst_scored_as_body_from_the_context_menu_and_undone(
    qtbot: Any, window: Any, seed_dir: Path, tmp_path: Path  # noqa: F811
) -> None:
    view = _open_seed_001(qtbot, window, seed_dir)
    before = window.analyses()[0]
    position = _position_of(view, STANDFIRST)
    browser = view.text_edit()
    assert browser.document().characterAt(position) == STANDFIRST[3]
    assert view.char_format_at(before.article.text.index(STANDFIRST)).foreground().color().name(
    ).upper() == NOT_SCORED_COLOUR.upper()
    window.project.set_modified(False)

    # Body text has no such entry; the standfirst does.
    body = before.article.body_sentences[0].text
    assert "scoreAsBody" not in _right_click(qtbot, view, _position_of(view, body), None)
    seen = _right_click(qtbot, view, position, "scoreAsBody")
    assert "scoreAsBody" in seen

    after = window.analyses()[0]
    assert after is not before and after.article_id == before.article_id
    assert after.scores.sentences == before.scores.sentences + 1
    assert after.scores.words == before.scores.words + len(STANDFIRST.split())
    assert STANDFIRST in [s.text for s in after.article.body_sentences]
    block = next(b for b in after.article.blocks if STANDFIRST in after.article.text[b.start:b.end])
    assert block.role is Role.BODY and block.reason.startswith(WHY_USER_BODY)
    assert view.analysis() is after  # the Read view shows it now: no longer grey
    assert view.char_format_at(after.article.text.index(STANDFIRST)).foreground().style() \
        == Qt.BrushStyle.NoBrush
    assert window.project.is_modified()
    assert window.status_text().startswith("Scored the standfirst as body text (Edit ▸ Undo")
    undo = window.removals.action_undo
    assert undo.isEnabled() and undo.text() == "&Undo Score Standfirst as Body Text"
    # The same block has no entry now: it is body.
    assert "scoreAsBody" not in _right_click(qtbot, view, position, None)

    # Saved, the study keeps it.
    path = tmp_path / "study.framescope"
    assert window.project.save_to(path)
    (article,) = load_project(path).articles
    assert article.blocks == after.article.blocks
    assert article.sentences == after.article.sentences

    assert undo.isEnabled(), "saving keeps Undo"
    # Ctrl+Z sets it aside again; Ctrl+Shift+Z scores it again.
    # (the focus is still on the text, where she opened the menu)
    browser.setFocus()
    QTest.keyClick(browser, Qt.Key.Key_Z, CTRL)
    assert window.analyses()[0] is before, window.status_text()
    assert view.analysis() is before
    assert window.status_text().startswith("Set the standfirst aside again")
    QTest.keyClick(browser, Qt.Key.Key_Z, CTRL | SHIFT)
    assert window.analyses()[0] is after


def test_the_menu_key_offers_it_at_the_caret(
    qtbot: Any, window: Any, seed_dir: Path  # noqa: F811
) -> None:
    view = _open_seed_001(qtbot, window, seed_dir)
    browser = view.text_edit()
    cursor = browser.textCursor()
    cursor.setPosition(_position_of(view, STANDFIRST))
    browser.setTextCursor(cursor)
    browser.setFocus()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, QPoint(5, 5),
                              browser.mapToGlobal(QPoint(5, 5)))
    assert "scoreAsBody" in _menu_entries(qtbot, browser, event, "scoreAsBody")
    assert window.analyses()[0].scores.sentences == \
        window.removals.stack.command(0)._old.scores.sentences + 1


def test_an_outlet_typed_after_it_is_a_step_of_its_own(
    qtbot: Any, window: Any, seed_dir: Path  # noqa: F811
) -> None:
    view = _open_seed_001(qtbot, window, seed_dir)
    (index,) = [i for i, b in enumerate(view.analysis().article.blocks)
                if b.role is Role.STANDFIRST]
    assert window.score_block_as_body(view.analysis().article_id, index)
    scored = window.analyses()[0].scores.sentences
    model = window.table_model
    from desktop.table_columns import OUTLET_COLUMN

    before = window.analyses()[0].article.outlet
    assert model.setData(model.index(0, OUTLET_COLUMN), "Her Outlet", Qt.ItemDataRole.EditRole)
    window.table.setFocus()
    QTest.keyClick(window.table, Qt.Key.Key_Z, CTRL)  # the outlet first
    assert window.analyses()[0].article.outlet == before
    assert window.analyses()[0].scores.sentences == scored
    QTest.keyClick(window.table, Qt.Key.Key_Z, CTRL)  # then the block
    assert window.analyses()[0].scores.sentences == scored - 1
    QTest.keyClick(window.table, Qt.Key.Key_Z, CTRL | SHIFT)
    QTest.keyClick(window.table, Qt.Key.Key_Z, CTRL | SHIFT)
    back = window.analyses()[0]
    assert back.scores.sentences == scored
    assert (back.article.outlet, back.article.outlet_origin) == ("Her Outlet", "user")
