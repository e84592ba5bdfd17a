"""Under a dark desktop theme, secondary text stays readable (ux25, with a Fusion dark
palette under Xvfb): the sentences behind a chart had their place line in #555555 on a
near-black list (2.3:1) and their cue words in the palette's white on the yellow mark
(1.3:1); the Claims view's status line was #555555 on the dark window (1.9:1) and its
"— not carried" chip white on light grey."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionViewItem

from desktop.charts.style import MISSING_FILL
from desktop.contrast import MIN_CONTRAST, contrast_ratio, muted_on
from desktop.qt_claims_view import ClaimsView, legend_html
from desktop.qt_evidence_panel import CUE_MARK
from models.features import ArticleAnalysis
from models.pipeline import analyze_paths
from tests.desktop.conftest import SEEDS, shown_compare_view, wait_for_chart

DARK = {
    QPalette.ColorRole.Window: "#2b2b2b", QPalette.ColorRole.WindowText: "#e6e6e6",
    QPalette.ColorRole.Base: "#1e1e1e", QPalette.ColorRole.AlternateBase: "#2a2a2a",
    QPalette.ColorRole.Text: "#e6e6e6", QPalette.ColorRole.Button: "#353535",
    QPalette.ColorRole.ButtonText: "#e6e6e6", QPalette.ColorRole.Highlight: "#2a82da",
    QPalette.ColorRole.HighlightedText: "#ffffff",
}


def dark_palette() -> QPalette:
    palette = QPalette(QApplication.palette())
    for role, colour in DARK.items():
        palette.setColor(role, QColor(colour))
    return palette


@pytest.fixture
def dark(qapp: QApplication) -> Iterator[QPalette]:
    before = QPalette(qapp.palette())
    qapp.setPalette(dark_palette())
    yield qapp.palette()
    qapp.setPalette(before)


@pytest.fixture(scope="module")
def seeds() -> list[ArticleAnalysis]:
    return analyze_paths([SEEDS]).analyses


def test_muted_is_the_grey_on_light_and_readable_on_dark() -> None:
    assert muted_on("#ffffff", "#000000") == "#555555"  # the light look is unchanged
    for behind, text in (("#1e1e1e", "#e6e6e6"), ("#2b2b2b", "#e6e6e6")):
        colour = muted_on(behind, text)
        assert colour != text and contrast_ratio(colour, behind) >= MIN_CONTRAST
    # White on a mid blue selection is 3.9:1 already: nothing is muted further.
    assert muted_on("#2a82da", "#ffffff") == "#ffffff"


def fragments(document: Any) -> list[tuple[str, Any]]:
    """(text, char format) of each fragment of the document."""
    found = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            found.append((fragment.text(), fragment.charFormat()))
            it += 1
        block = block.next()
    return found


def test_the_sentences_behind_a_bar_are_readable_on_a_dark_list(
    qtbot: Any, dark: QPalette, seeds: list[ArticleAnalysis]
) -> None:
    view = shown_compare_view(qtbot, 1000, 700)
    view.set_analyses(seeds)
    wait_for_chart(qtbot, view)
    view.canvas.setFocus()
    qtbot.keyClick(view.canvas, Qt.Key.Key_Right)  # the first bar, marked
    qtbot.keyClick(view.canvas, Qt.Key.Key_Return)  # its sentences listed
    panel = view.evidence_panel
    qtbot.waitUntil(panel.is_listing)
    list_view = panel.list_view
    base = list_view.palette().color(QPalette.ColorRole.Base).name()
    text = list_view.palette().color(QPalette.ColorRole.Text).name()
    assert contrast_ratio(text, base) > 10  # the dark palette is the list's

    index = panel.model.index(0, 0)
    option = QStyleOptionViewItem()
    option.initFrom(list_view)
    option.rect = list_view.visualRect(index)
    option.state = QStyle.StateFlag.State_Enabled
    document = list_view.itemDelegate()._document(option, index)
    place, cues = None, []
    for fragment_text, char_format in fragments(document):
        colour = (char_format.foreground().color().name()
                  if char_format.foreground().style() != Qt.BrushStyle.NoBrush else text)
        if place is None:
            place = colour  # the first line: outlet, article, sentence
            assert fragment_text.startswith(panel.rows()[0].outlet)
        if char_format.background().style() != Qt.BrushStyle.NoBrush:
            assert char_format.background().color().name().upper() == CUE_MARK
            cues.append(colour)
    assert place is not None and contrast_ratio(place, base) >= MIN_CONTRAST
    assert place != text  # still muted
    assert cues and all(contrast_ratio(c, CUE_MARK) >= MIN_CONTRAST for c in cues)


def test_the_claims_status_line_and_legend_are_readable_when_the_theme_turns_dark(
    qtbot: Any, qapp: QApplication
) -> None:
    view = ClaimsView()
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    before = QPalette(qapp.palette())
    try:
        qapp.setPalette(dark_palette())  # the desktop's theme changes while it is open
        label = view.status_label
        qtbot.waitUntil(lambda: view.palette().color(QPalette.ColorRole.Window).name()
                        == DARK[QPalette.ColorRole.Window])
        label.ensurePolished()
        shown = label.palette().color(QPalette.ColorRole.WindowText).name()
        assert contrast_ratio(shown, DARK[QPalette.ColorRole.Window]) >= MIN_CONTRAST
    finally:
        qapp.setPalette(before)

    chip = re.search(r"<span style='([^']*)'>&nbsp;— not carried", legend_html())
    assert chip is not None
    colour = re.search(r"color:\s*([#\w]+)", chip.group(1))
    assert colour is not None
    assert contrast_ratio(QColor(colour.group(1)).name(), MISSING_FILL) >= MIN_CONTRAST
