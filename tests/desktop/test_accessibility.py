"""Keyboard and screen-reader use, and contrast (ux9's review, session 9): Tab leaves the
article table (it walked every cell), the main widgets have accessible names, and every
highlighted word in the Read view keeps 4.5:1 (WCAG 2.1 AA) against its fill, also under
a dark desktop theme (its light text on the pastel fills was 1.4:1 to 2.5:1)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QColor, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop.highlight import (
    CUE_STYLES,
    MIN_CONTRAST,
    NOT_SCORED_COLOUR,
    contrast_ratio,
    readable_on,
)
from desktop.qt_read_view import INK, PAPER, SENTENCE_HIGHLIGHT
from tests.desktop.conftest import copy_seeds, load

DARK = {
    QPalette.ColorRole.Window: "#2B2B2B", QPalette.ColorRole.WindowText: "#EEEEEE",
    QPalette.ColorRole.Base: "#1E1E1E", QPalette.ColorRole.Text: "#EEEEEE",
    QPalette.ColorRole.Button: "#353535", QPalette.ColorRole.ButtonText: "#EEEEEE",
}


def accessible_name(widget: Any) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None
    return str(interface.text(QAccessible.Text.Name))


@pytest.fixture
def dark_theme(qapp: Any) -> Iterator[None]:
    """The application palette a dark desktop theme gives Qt; the old one restored after."""
    before = QPalette(qapp.palette())
    dark = QPalette(before)
    for role, colour in DARK.items():
        dark.setColor(role, QColor(colour))
    qapp.setPalette(dark)
    qapp.processEvents()  # the change reaches the widgets already shown
    yield
    qapp.setPalette(before)


def test_tab_leaves_the_article_table_and_the_arrows_move_in_it(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    load(qtbot, window, copy_seeds(tmp_path / "corpus", 3))
    window.activateWindow()
    window.table.setFocus()
    window.table.setCurrentIndex(window.proxy.index(0, 0))
    QTest.keyClick(window.table, Qt.Key.Key_Down)
    assert window.table.currentIndex().row() == 1
    QTest.keyClick(window.table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.tabs.tabBar()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is window.table
    # The claims table too.
    window.tabs.setCurrentWidget(window.claims_view)
    table = window.claims_view.findChild(type(window.table), "claims_table")
    assert table is not None and not table.tabKeyNavigation()


def test_the_main_widgets_have_accessible_names(qtbot: Any, window: Any, tmp_path: Path) -> None:
    load(qtbot, window, copy_seeds(tmp_path / "corpus", 2))
    read = window.read_view
    claims_table = window.claims_view.findChild(type(window.table), "claims_table")
    assert accessible_name(window.filter_edit) == "Filter articles"
    assert accessible_name(window.table) == "Articles"
    assert accessible_name(read.text_edit()) == "Article text"
    assert accessible_name(claims_table) == "Claims"


def test_highlighted_words_keep_their_contrast_under_a_dark_theme(
    qtbot: Any, dark_theme: None, window: Any, tmp_path: Path
) -> None:
    load(qtbot, window, copy_seeds(tmp_path / "corpus"))
    view = window.read_view
    browser = view.text_edit()
    checked = 0
    for analysis in window.analyses():
        view.show_analysis(analysis)
        text = browser.palette().color(QPalette.ColorRole.Text).name()
        base = browser.palette().color(QPalette.ColorRole.Base).name()
        block = browser.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                fmt = fragment.charFormat()
                fg = fmt.foreground().color().name() \
                    if fmt.foreground().style() != Qt.BrushStyle.NoBrush else text
                bg = fmt.background().color().name() \
                    if fmt.background().style() != Qt.BrushStyle.NoBrush else base
                ratio = contrast_ratio(fg, bg)
                assert ratio >= MIN_CONTRAST, (fragment.text(), fg, bg, round(ratio, 2))
                checked += fmt.background().style() != Qt.BrushStyle.NoBrush
                it += 1
            block = block.next()
    assert checked > 20  # highlighted fragments were really checked


def test_every_cue_colour_keeps_4_5_to_1() -> None:
    fills = [s.colour for s in CUE_STYLES if s.mark == "background"]
    for fill in fills:
        assert contrast_ratio(INK, fill) >= MIN_CONTRAST, fill
    for style in CUE_STYLES:
        if style.mark == "text":
            assert contrast_ratio(style.colour, PAPER) >= MIN_CONTRAST
            for fill in fills:
                shade = readable_on(style.colour, fill)
                assert contrast_ratio(shade, fill) >= MIN_CONTRAST, (style.key, fill)
            assert readable_on(style.colour, PAPER) == style.colour  # unchanged where it passes
    for behind in (PAPER, SENTENCE_HIGHLIGHT):
        assert contrast_ratio(NOT_SCORED_COLOUR, behind) >= MIN_CONTRAST
    assert round(contrast_ratio("#000000", "#FFFFFF"), 1) == 21.0
