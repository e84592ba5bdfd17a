"""The Claims view says what its words and colours mean where they are shown (ux27: a
media-literacy teacher's first minutes on the seeds met "epistemic", "evidential",
"Claim (its most central sentence)" and "45 omissions" with no tooltip on any of them).
Real tooltip events on the legend, the claim column's header and the status line."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QLabel, QToolTip, QWidget

from desktop.charts.claims_matrix import CERTAINTY_COLOURS
from tests.desktop.test_claims_view import aligned_view, seeds  # noqa: F401 (fixture)


def hover(qtbot: Any, widget: QWidget, pos: QPoint) -> str:
    QToolTip.hideText()
    qtbot.waitUntil(lambda: not QToolTip.isVisible())
    event = QHelpEvent(QHelpEvent.Type.ToolTip, pos, widget.mapToGlobal(pos))
    QApplication.sendEvent(widget, event)
    qtbot.waitUntil(QToolTip.isVisible)
    return QToolTip.text()


def test_the_legend_the_claim_header_and_the_status_explain_themselves(
    qtbot: Any, seeds: list[Any]  # noqa: F811
) -> None:
    view = aligned_view(qtbot, seeds)
    legend = next(label for label in view.findChildren(QLabel) if "asserted" in label.text())
    tip = hover(qtbot, legend, legend.rect().center())
    for level in CERTAINTY_COLOURS:
        assert f"• {level}: " in tip
    assert "• epistemic: Hedged in the outlet's own words" in tip
    assert "• evidential: Hedged by pointing at evidence without naming it" in tip
    assert "not carried: none of the outlet's articles states the claim" in tip

    table = view.table
    header = table.horizontalHeader()
    pos = QPoint(header.sectionViewportPosition(0) + 20, header.height() // 2)
    tip = hover(qtbot, header.viewport(), pos)
    assert tip.startswith("Each row is one claim: sentences of two or more articles")

    status = view.status_label
    assert "omissions" in status.text()
    tip = hover(qtbot, status, status.rect().center())
    assert "Omissions: the empty cells" in tip
