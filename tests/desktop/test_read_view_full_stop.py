"""The Read view on a plain-text file whose headline ends in a full stop: the headline in
the header, and the line greyed with the reason it was taken, in a real tooltip."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtGui import QHelpEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QToolTip

from desktop.qt_read_view import NO_HEADLINE_TEXT
from models.features import analyze_article
from models.readers import read_file
from models.readers.layout import WHY_HEADLINE_TITLE_CASE
from tests.desktop.conftest import shown_read_view

HEADLINE = "Senate Blocks Gun Bill After Day of Debate."
BODY = (
    "The Senate voted 52 to 48 on Thursday to block the bill, which would have expanded "
    "background checks for gun sales at shows and online, after a day of debate.\n\n"
    "Supporters of the bill said they would bring it back after the recess, while opponents "
    "argued that the checks would do little to stop crimes committed with guns.\n"
)


@pytest.fixture
def view(qtbot):
    return shown_read_view(qtbot)


def test_a_headline_with_a_full_stop_is_shown_with_its_reason(view, qtbot, tmp_path: Path):
    path = tmp_path / "senate.txt"
    path.write_text(f"{HEADLINE}\n\n{BODY}", encoding="utf-8")
    view.show_analysis(analyze_article(read_file(path)))

    header = view.header_text()
    assert HEADLINE in header and NO_HEADLINE_TEXT not in header

    browser = view.text_edit()
    cursor = QTextCursor(browser.document())
    cursor.setPosition(view.document_position(3))
    point = browser.cursorRect(cursor).center()
    event = QHelpEvent(QEvent.Type.ToolTip, point, browser.viewport().mapToGlobal(point))
    QApplication.sendEvent(browser.viewport(), event)
    # The reason, without the role it opens with (said once: "Not scored: headline — …")
    reason = WHY_HEADLINE_TITLE_CASE.removeprefix("headline: ")
    qtbot.waitUntil(lambda: QToolTip.isVisible() and reason in QToolTip.text())
    assert "Not scored: headline" in QToolTip.text()
    QToolTip.hideText()
