"""The Read text's keyboard caret and the cue at it (ux27, session 27).

The text had no caret (QTextBrowser: the arrow keys scrolled, the cursor stayed at 0), and
a cue's explanation was only in a hover tooltip: a keyboard or screen-reader user could
not learn what a highlighted word was. Real key events (QTest.keyClick) on the text.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QToolTip

from desktop.highlight import tooltip_plain
from desktop.qt_read_view import TEXT_DESCRIPTION, ReadView
from models.article import Span
from tests.desktop.conftest import SEEDS, load, shown_read_view
from tests.desktop.test_read_view import build_analysis

SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def focused_view(qtbot: Any) -> ReadView:
    view: ReadView = shown_read_view(qtbot)
    view.show_analysis(build_analysis())
    browser = view.text_edit()
    view.activateWindow()
    browser.setFocus()
    qtbot.waitUntil(browser.hasFocus)
    return view


def caret(view: ReadView) -> int:
    return view.text_edit().textCursor().position()


def hover_tip(view: ReadView, qtbot: Any, position: int) -> str:
    """The tooltip the mouse gets over the character after document ``position``."""
    browser = view.text_edit()
    cursor = QTextCursor(browser.document())
    cursor.setPosition(position + 1)
    point = browser.cursorRect(cursor).center()
    point.setX(point.x() - 2)  # inside the character, not on its right edge
    event = QHelpEvent(QEvent.Type.ToolTip, point, browser.viewport().mapToGlobal(point))
    QApplication.sendEvent(browser.viewport(), event)
    qtbot.waitUntil(QToolTip.isVisible)
    text = QToolTip.text()
    QToolTip.hideText()
    qtbot.waitUntil(lambda: not QToolTip.isVisible())
    return text


def stops(view: ReadView, spans: list[Span]) -> list[int]:
    """Where F8 should stop: each visible cue's start, overlapping cues once, in order."""
    starts: list[int] = []
    end = -1
    for span in sorted(spans, key=lambda s: s.start):
        if span.start > end:
            starts.append(view.document_position(span.start))
        end = max(end, span.end)
    return starts


def test_tooltip_plain_joins_lines_and_cues_and_unescapes() -> None:
    tip = ("<qt><i>Not scored: caption</i><hr><b>Epistemic hedge — “may”</b><br>"
           "Lexicon term: may<br>Note: A &amp; B</qt>")
    assert tooltip_plain(tip) == ("Not scored: caption | Epistemic hedge — “may”; "
                                  "Lexicon term: may; Note: A & B")
    assert tooltip_plain("") == ""


def test_the_arrow_keys_move_a_caret_and_the_page_keys_still_go_through(qtbot: Any) -> None:
    view = focused_view(qtbot)
    browser = view.text_edit()
    flags = browser.textInteractionFlags()
    assert flags & Qt.TextInteractionFlag.LinksAccessibleByMouse  # kept
    assert flags & Qt.TextInteractionFlag.TextSelectableByMouse  # kept
    assert caret(view) == 0
    for _ in range(3):
        QTest.keyClick(browser, Qt.Key.Key_Right)
    assert caret(view) == 3  # it stayed at 0 without a caret
    QTest.keyClick(browser, Qt.Key.Key_Down)
    below = caret(view)
    assert below > 3
    QTest.keyClick(browser, Qt.Key.Key_Left, SHIFT)  # the keyboard selects, too
    assert browser.textCursor().selectedText() and caret(view) == below - 1
    QTest.keyClick(browser, Qt.Key.Key_End, CTRL)
    assert caret(view) == browser.document().characterCount() - 1
    QTest.keyClick(browser, Qt.Key.Key_Home, CTRL)
    assert caret(view) == 0
    QTest.keyClick(browser, Qt.Key.Key_PageDown)
    assert caret(view) > below


def test_a_cue_at_the_caret_is_explained_in_the_hover_tooltips_words(qtbot: Any) -> None:
    view = focused_view(qtbot)
    browser = view.text_edit()
    analysis = view.analysis()
    assert analysis is not None
    probably = next(s for s in analysis.spans if s.term == "probably")
    start = view.document_position(probably.start)
    hovered = hover_tip(view, qtbot, start + 2)
    assert "Lexicon term: probably" in hovered

    cursor = browser.textCursor()
    cursor.setPosition(start - 1)  # "will| probably": off the cue
    browser.setTextCursor(cursor)
    assert view.caret_cue() == ""
    assert browser.accessibleDescription() == TEXT_DESCRIPTION
    said: list[str] = []
    view.caretCueChanged.connect(said.append)
    QTest.keyClick(browser, Qt.Key.Key_Right)  # "will |probably": on it
    assert caret(view) == start
    # Shown beside the caret, still after the key's release (QToolTip hides on one).
    assert QToolTip.isVisible() and QToolTip.text() == hovered
    plain = tooltip_plain(hovered)
    assert plain.startswith("Epistemic hedge — “probably”") and "55–75%" in plain
    assert view.caret_cue() == plain and said == [plain]  # the status bar's words
    assert browser.accessibleDescription() == f"{TEXT_DESCRIPTION}. At the caret: {plain}"

    for _ in range(len("probably")):  # along the word: said once, not per letter
        QTest.keyClick(browser, Qt.Key.Key_Right)
    assert said == [plain]
    QTest.keyClick(browser, Qt.Key.Key_Right)  # past "probably ", on "be"
    assert said == [plain, ""] and view.caret_cue() == ""
    assert browser.accessibleDescription() == TEXT_DESCRIPTION
    qtbot.waitUntil(lambda: not QToolTip.isVisible())  # its tip goes with it


def test_f8_goes_through_the_cues_in_order_and_stops_at_the_last(qtbot: Any) -> None:
    view = focused_view(qtbot)
    browser = view.text_edit()
    analysis = view.analysis()
    assert analysis is not None
    expected = stops(view, list(analysis.spans))
    assert len(expected) == 13
    visited = []
    for _ in expected:
        QTest.keyClick(browser, Qt.Key.Key_F8)
        visited.append(caret(view))
        assert view.caret_cue()  # each stop is explained
        assert QToolTip.isVisible() and tooltip_plain(QToolTip.text()) == view.caret_cue()
    assert visited == expected
    said: list[str] = []
    view.caretCueChanged.connect(said.append)
    QTest.keyClick(browser, Qt.Key.Key_F8)  # no wrapping: it stays on the last, and says so
    assert caret(view) == expected[-1]
    assert said == ["No highlighted cue after the caret"]
    back = []
    for _ in expected[:-1]:
        QTest.keyClick(browser, Qt.Key.Key_F8, SHIFT)
        back.append(caret(view))
    assert back == expected[-2::-1]
    QTest.keyClick(browser, Qt.Key.Key_F8, SHIFT)
    assert caret(view) == expected[0]
    assert said[-1] == "No highlighted cue before the caret"


def test_f8_from_a_legend_chip_skips_hidden_cues_and_takes_the_focus(qtbot: Any) -> None:
    view = focused_view(qtbot)
    analysis = view.analysis()
    assert analysis is not None
    chip = view.chip("hedge:epistemic")
    chip.setFocus()
    qtbot.waitUntil(chip.hasFocus)
    QTest.keyClick(chip, Qt.Key.Key_Space)  # hide the epistemic hedges
    assert not chip.isChecked()
    shown = [s for s in analysis.spans
             if not (s.category == "hedge" and s.subcategory == "epistemic")]
    expected = stops(view, shown)
    QTest.keyClick(chip, Qt.Key.Key_F8)
    assert view.text_edit().hasFocus()
    visited = [caret(view)]
    for _ in expected[1:]:
        QTest.keyClick(view.text_edit(), Qt.Key.Key_F8)
        visited.append(caret(view))
    assert visited == expected
    probably = next(s for s in analysis.spans if s.term == "probably")
    assert view.document_position(probably.start) not in visited


def test_the_window_shows_the_cue_at_the_caret_in_its_status_bar(
    qtbot: Any, window: Any
) -> None:
    load(qtbot, window, [SEEDS])
    window.tabs.setCurrentWidget(window.read_view)
    read = window.read_view
    qtbot.waitUntil(lambda: not read.is_empty())
    browser = read.text_edit()
    window.activateWindow()
    browser.setFocus()
    qtbot.waitUntil(browser.hasFocus)
    QTest.keyClick(browser, Qt.Key.Key_Home, CTRL)
    QTest.keyClick(browser, Qt.Key.Key_F8)
    assert read.caret_cue()
    assert window.statusBar().currentMessage() == read.caret_cue()
    cue = read.caret_cue()
    for _ in range(500):  # on along the text until the caret leaves the highlights
        QTest.keyClick(browser, Qt.Key.Key_Right)
        if not read.caret_cue():
            break
    assert read.caret_cue() == "" and window.statusBar().currentMessage() == ""
    # Another message shown since is left alone when the caret leaves a cue.
    QTest.keyClick(browser, Qt.Key.Key_F8, SHIFT)
    assert read.caret_cue() == cue == window.statusBar().currentMessage()
    window.statusBar().showMessage("Saved")
    for _ in range(500):
        QTest.keyClick(browser, Qt.Key.Key_Right)
        if not read.caret_cue():
            break
    assert read.caret_cue() == "" and window.statusBar().currentMessage() == "Saved"


def test_methods_and_the_text_name_the_keys_that_reach_the_cues() -> None:
    from desktop.methods_text import methods_html
    from desktop.qt_read_view import NEXT_CUE_KEY, PREVIOUS_CUE_KEY

    methods = methods_html()
    assert f"{NEXT_CUE_KEY} and {PREVIOUS_CUE_KEY} go to the next" in methods
    assert "arrow keys, Page Up/Down and Ctrl+Home/End move a caret" in methods
    assert f"{NEXT_CUE_KEY} and {PREVIOUS_CUE_KEY} go to the next" in TEXT_DESCRIPTION


def test_a_screen_reader_reads_the_cue_at_the_caret_in_the_texts_description(
    qtbot: Any,
) -> None:
    from PySide6.QtGui import QAccessible

    view = focused_view(qtbot)
    browser = view.text_edit()
    was_active = QAccessible.isActive()
    QAccessible.setActive(True)  # as with a screen reader: the announcement is posted too
    try:
        QTest.keyClick(browser, Qt.Key.Key_F8)
        QTest.keyClick(browser, Qt.Key.Key_F8)
        text = QAccessible.queryAccessibleInterface(browser).text(QAccessible.Text.Description)
    finally:
        QAccessible.setActive(was_active)
    assert view.caret_cue().startswith("Epistemic hedge — “probably”")
    assert text == f"{TEXT_DESCRIPTION}. At the caret: {view.caret_cue()}"


def test_the_status_bar_words_come_and_go_with_the_texts_focus(qtbot: Any) -> None:
    view = focused_view(qtbot)
    browser = view.text_edit()
    QTest.keyClick(browser, Qt.Key.Key_F8)
    cue = view.caret_cue()
    assert cue and QToolTip.isVisible()
    said: list[str] = []
    view.caretCueChanged.connect(said.append)
    chip = view.chip("booster")
    chip.setFocus()  # e.g. Shift+Tab to the legend, or Ctrl+1 to the chart
    qtbot.waitUntil(chip.hasFocus)
    assert said == [""]
    qtbot.waitUntil(lambda: not QToolTip.isVisible())
    # A jump placed by another view (the focus elsewhere) moves the caret, says nothing.
    assert view.scroll_to_sentence(-1)  # the headline, grey: its tip says why
    assert view.caret_cue().startswith("Not scored: headline") and said == [""]
    browser.setFocus()
    qtbot.waitUntil(browser.hasFocus)
    assert said == ["", view.caret_cue()]
