"""Help ▸ Methods at a measure shows what the measure means apart from its rules: F1 on the
Epistemic hedges column opened a forty-line block of rules in one paragraph, the meaning
lost at its head (ux4's walkthrough, session 33, as a journalist new to the app). The first
sentence of the definition is now a paragraph of its own, on screen where Methods opens,
and the rules follow under "In detail:"; the whole definition is still there."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from desktop.table_columns import COLUMNS
from models.measures import lead_sentence, measure
from tests.desktop.conftest import copy_seeds, load
from tests.desktop.test_methods_at_measure import _press_f1_on

KEY = "hedges_epistemic_per_100w"


def test_methods_shows_a_measures_meaning_apart_from_its_rules(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    load(qtbot, window, copy_seeds(tmp_path / "corpus", 2))
    table = window.table
    column = next(i for i, c in enumerate(COLUMNS) if c.key == KEY)
    index = table.model().index(0, column)
    table.scrollTo(index)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(index).center())
    dialog = _press_f1_on(qtbot, window, table)
    browser = dialog.browser()
    definition = measure(KEY).definition
    lead = lead_sentence(definition)
    cursor = browser.document().find(lead[:80])
    assert not cursor.isNull()
    block = cursor.block()
    assert block.text().strip() == lead  # a paragraph of its own
    detail = block.next().text()
    assert detail.startswith("In detail:")
    assert " ".join(detail.removeprefix("In detail:").split()) == " ".join(
        definition.strip()[len(lead):].split())
    # Where Methods opens, the meaning is on screen.
    qtbot.waitUntil(lambda: 0 <= browser.cursorRect(cursor).top()
                    and browser.cursorRect(cursor).bottom() <= browser.viewport().height())
