"""Each number in the table says, where it is shown, what it counts and how to see it.

ux27 (a media-literacy teacher's first minutes on the seeds): hovering "Weasel words
0.27" or "Negative sentences 47%" repeated the column's name and nothing else, while the
certainty columns gave "3 in 373 words"; and nothing said that Enter or a double-click
on a number lists the sentences behind it. Real tooltip events on the table's cells.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from desktop.qt_table_model import ANALYSIS_ROLE
from desktop.table_columns import COLUMNS
from tests.desktop.conftest import SEEDS, load
from tests.desktop.test_table_voice_parts import _hover_cell

CELL_ENTER_HINT = "Enter or double-click: the sentences behind this number, in Read."


def column_of(key: str) -> int:
    return next(i for i, c in enumerate(COLUMNS) if c.key == key)


def test_a_rate_or_a_share_of_sentences_shows_its_count_and_the_way_to_its_sentences(
    qtbot: Any, window: Any
) -> None:
    load(qtbot, window, [SEEDS])
    table = window.table
    model = table.model()
    hln = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "HLN")
    scores = model.index(hln, 0).data(ANALYSIS_ROLE).scores
    weasels = round(scores.hedges_weasel_per_100w * scores.words / 100)
    assert weasels >= 1  # "many have wanted to leave"
    tip = _hover_cell(qtbot, table, hln, column_of("hedges_weasel_per_100w"))
    assert tip.splitlines() == ["Weasel words (per 100 words)",
                                f"{weasels} in {scores.words:,} words", CELL_ENTER_HINT]
    negative = round(scores.tone_negative_share * scores.sentences)
    assert negative / scores.sentences == pytest.approx(scores.tone_negative_share)
    tip = _hover_cell(qtbot, table, hln, column_of("tone_negative_share"))
    assert tip.splitlines() == ["Negative sentences (share 0–1)",
                                f"{negative} of {scores.sentences} body sentences",
                                CELL_ENTER_HINT]
    # A count, a tone: the name and the way to the sentences.
    tip = _hover_cell(qtbot, table, hln, column_of("sources_anonymous"))
    assert tip.splitlines() == ["Anonymous sources (mentions)", CELL_ENTER_HINT]
    # What the hint says is what Enter does.
    table.setFocus()
    table.setCurrentIndex(model.index(hln, column_of("hedges_weasel_per_100w")))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert window.tabs.currentWidget() is window.read_view
    assert window.read_view.measure_text().startswith("Weasel words")
