"""The article table's header says the unit of the numbers that do not say it themselves.

ux19's walkthrough (session 19): a fact-checker and a teacher read "Epistemic hedges
0.54" beside "Named sources 5" as half a hedge; the unit ("per 100 words") was only in
the column's tooltip and the chart's axis. Rates and tones now carry their unit under
the label, in the header the window paints; shares ("47%"), flags ("yes") and counts
need none.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from desktop.table_columns import COLUMNS
from tests.desktop.conftest import copy_seeds, load


def _painted_header_texts(table: Any) -> dict[str, str]:
    """Each column's header text as the view paints it (through its filter proxy), by key."""
    model = table.model()
    return {column.key: str(model.headerData(i, Qt.Orientation.Horizontal))
            for i, column in enumerate(COLUMNS)}


def test_rates_and_tones_say_their_unit_in_the_header(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    load(qtbot, window, copy_seeds(tmp_path / "corpus", 2))
    texts = _painted_header_texts(window.table)
    assert texts["hedges_epistemic_per_100w"] == "Epistemic hedges\nper 100 words"
    assert texts["boosters_per_100w"] == "Boosters\nper 100 words"
    assert texts["tone_news_mean"] == "Tone (news model)\n−1 to 1"
    assert texts["headline_tone_news"] == "Headline tone (news)\n−1 to 1"
    assert texts["headline_tone"] == "Headline tone (VADER)\n−1 to 1"
    # The others say it in their cells, or are counts.
    assert texts["sources_named_people"] == "Named sources"
    assert texts["tone_negative_share"] == "Negative sentences"
    assert texts["headline_hedged"] == "Headline hedged"
    assert texts["outlet"] == "Outlet"
    header = window.table.horizontalHeader()
    # Both lines are shown: the header is two lines high, and a rate column is as wide as
    # its unit.
    assert header.height() >= 2 * header.fontMetrics().height()
    epistemic = [c.key for c in COLUMNS].index("hedges_epistemic_per_100w")
    assert header.sectionSize(epistemic) >= header.fontMetrics().horizontalAdvance("per 100 words")
    # No header's line is cut once the articles are in (the number columns were held to
    # 130 px, which cut "Headline tone (VADER)" to "eadline tone (VADER)").
    for i, text in enumerate(texts.values()):
        widest = max(map(header.fontMetrics().horizontalAdvance, text.splitlines()))
        assert header.sectionSize(i) >= widest + 16, text  # and the sort arrow's room


def test_the_header_painted_before_the_articles_says_the_units_too(qtbot: Any) -> None:
    """The placeholder header of the first paint, before the article model is attached."""
    from desktop.qt_main_window import MainWindow

    window = MainWindow(build_later=True)
    qtbot.addWidget(window)
    texts = _painted_header_texts(window.table)
    assert texts["attributions_per_100w"] == "Attributions\nper 100 words"
    assert texts["tone_mean"] == "Tone (VADER)\n−1 to 1"
