"""Certainty drift after the own-voice split (drift19, session 19).

1. A claim whose only hedge is quoted sits at "attributed" (models.claims): its dot carries
   the quoted speaker's range in quotation marks and its tooltip names the quoted hedge.
2. ux19's finding (chat 07:56, 03-certainty-drift.png): the labels under the columns, cut
   to four short lines, opened with 'Besides,', 'However,', 'In fact,', so the claim could
   not be read without clicking. The label drops a leading connective (the data keeps the
   sentence), and hovering the label gives the whole sentence.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QToolTip

from desktop.charts import build_chart
from desktop.charts.claims_matrix import without_connective
from desktop.charts.style import render
from models import __version__
from models.pipeline import analyze_paths
from tests.desktop.conftest import SEEDS, load, wait_for_chart

CONNECTIVES = ("Besides,", "However,", "In fact,", "Moreover,", "But ", "And ")


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Besides, the Kremlin imposed strict rules.", "The Kremlin imposed strict rules."),
        ("However, they were not only banned.", "They were not only banned."),
        ("In fact, since the decree, no one left.", "Since the decree, no one left."),
        ("But any idea that they might resign…", "Any idea that they might resign…"),
        ("Meanwhile, however, the ministry said…", "The ministry said…"),
        # Not connectives: a word that begins like one, or one without its comma.
        ("Butter prices rose.", "Butter prices rose."),
        ("Still waters run deep.", "Still waters run deep."),
        ("Now that the decree is out, few leave.", "Now that the decree is out, few leave."),
    ],
)
def test_a_label_drops_the_connective_it_opens_with(text: str, label: str) -> None:
    assert without_connective(text) == label


@pytest.fixture(scope="module")
def seeds() -> list[Any]:
    return analyze_paths([SEEDS]).analyses


def test_seed_labels_open_with_the_claim_and_the_data_keeps_the_sentence(seeds: Any) -> None:
    chart: Any = build_chart("certainty_drift", seeds)
    figure = render(chart, __version__)
    labels = [t.get_text() for t in figure.axes[0].get_xticklabels() if t.get_text()]
    opening = [c for c in chart.claims if c.label.startswith(CONNECTIVES)]
    assert opening, "the seeds' drawn claims have labels opening with a connective"
    assert len(labels) == len(chart.claims)
    for label in labels:
        words = " ".join(label.split()).split(" · ", 1)[1]
        assert not words.startswith(CONNECTIVES), label
    # The data and the tooltip keep the whole sentence, connective included.
    _, rows = chart.rows()
    for claim in opening:
        assert {r["claim_label"] for r in rows if r["claim_id"] == claim.claim_id} == {
            claim.label}
        index = chart.claims.index(claim)
        assert " ".join(chart.claim_text(index).split()) == (
            f"C{claim.claim_id} · {' '.join(claim.label.split())}")


def test_a_quoted_hedge_s_dot_is_attributed_with_the_speakers_range(seeds: Any) -> None:
    chart: Any = build_chart("certainty_drift", seeds)
    figure = render(chart, __version__)
    ax = figure.axes[0]
    quoted = [(x, y, m) for x, y, m in chart.points if m.quoted_hedge]
    assert quoted and all(m.certainty == "attributed" for _, _, m in quoted)
    mod = next(p for p in quoted if "probably banning" in p[2].sentence)
    tip = chart.hover_text(ax, mod[0], mod[1]) or ""
    assert "attributed (the ministry) · quoted hedge “probably” 55–75%" in tip
    # Drawn over the dot, in quotation marks: the speaker's range, not the outlet's.
    shown = {t.get_text() for t in ax.texts}
    assert "“55–75%”" in shown
    _, rows = chart.rows()
    assert any(r["quoted_hedge"] == "probably" and r["certainty"] == "attributed"
               and r["probability_low"] == 0.55 for r in rows)


def _hover(qtbot: Any, view: Any, x: float, y: float) -> str:
    """The tooltip with the pointer moved to display point (x, y) of the figure."""
    ratio = view.canvas.device_pixel_ratio
    QToolTip.hideText()
    qtbot.mouseMove(view.canvas, QPoint(
        round(x / ratio), round((view.current_figure().bbox.height - y) / ratio)))
    qtbot.waitUntil(lambda: bool(QToolTip.text()))
    text = QToolTip.text()
    QToolTip.hideText()
    return " ".join(text.split())


def test_hovering_a_claims_label_shows_its_whole_sentence(qtbot: Any, window: Any) -> None:
    load(qtbot, window, [SEEDS])
    window.tabs.setCurrentWidget(window.compare_view)
    view = window.compare_view
    view.select_chart("certainty_drift")
    chart: Any = wait_for_chart(qtbot, view)
    ax = view.current_figure().axes[0]
    labels = [t for t in ax.get_xticklabels() if t.get_text()]
    index = next(i for i, c in enumerate(chart.claims) if c.label.startswith(CONNECTIVES))
    claim = chart.claims[index]
    assert not labels[index].get_text().split(" · ", 1)[1].startswith(CONNECTIVES)
    box = labels[index].get_window_extent()
    assert box.y1 < ax.get_window_extent().y0  # under the axes, where no data point is
    tip = _hover(qtbot, view, (box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2)
    assert tip == f"C{claim.claim_id} · {' '.join(claim.label.split())}"
