"""The table's header tooltips give a measure's lead sentence and point to Methods.

ux19's walkthrough (session 19): hovering "Epistemic hedges" showed the whole
definition, every rule, 3,200 characters that covered the table. The tooltip now gives
the label, the unit and the definition's first sentence, then "(more: Help ▸ Methods)",
as the Chart box's description does; the whole definition stays on the Methods page.
"""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from desktop.table_columns import COLUMNS, LEAD_LIMIT, definition_lead, lead_sentence
from models.measures import measure
from tests.desktop.conftest import copy_seeds, load, wait_for_chart


def _hover_header(qtbot: Any, window: Any, section: int) -> str:
    """Hover ``section`` of the table's header (a real tooltip event); the tooltip shown."""
    header = window.table.horizontalHeader()
    window.table.horizontalScrollBar().setValue(header.sectionPosition(section))
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    pos = QPoint(x, header.height() // 2)
    QToolTip.hideText()
    event = QHelpEvent(QHelpEvent.Type.ToolTip, pos, header.viewport().mapToGlobal(pos))
    QApplication.sendEvent(header.viewport(), event)
    qtbot.waitUntil(QToolTip.isVisible)
    return QToolTip.text()


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_a_long_definition_shows_its_lead_sentence_and_where_the_rest_is(
    qtbot: Any, window: Any
) -> None:
    key = "hedges_epistemic_per_100w"
    section = next(i for i, c in enumerate(COLUMNS) if c.key == key)
    m = measure(key)
    shown = _hover_header(qtbot, window, section)
    lead = definition_lead(m.definition)
    assert lead == lead_sentence(m.definition) != m.definition  # it goes on after it
    assert shown == f"{m.label} ({m.unit}): {lead} (more: Help ▸ Methods)"
    assert m.definition not in shown
    # The whole definition is where the tooltip says: Help ▸ Methods.
    action = next(a for a in window.help_menu.actions()
                  if a.text().replace("&", "") == "Methods")
    action.trigger()
    dialog = window._methods_dialog
    qtbot.waitUntil(dialog.isVisible)
    # (Methods shows the lead sentence, then the rest under "In detail:", ux4 s33.)
    page = _plain(dialog.browser().toPlainText())
    rest = m.definition.strip()[len(lead):]
    assert f"{_plain(lead)} In detail: {_plain(rest)}" in page


def test_every_header_tooltip_is_short(qtbot: Any, window: Any) -> None:
    """No header tooltip gives more than a first sentence, and no more of that than
    LEAD_LIMIT characters (Evidential hedges' first sentence lists its examples: 1,100
    characters; Epistemic hedges' whole definition was 3,236)."""
    for i, column in enumerate(COLUMNS):
        tip = window.table.model().headerData(
            i, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
        assert len(tip) <= LEAD_LIMIT + 100, (column.key, len(tip))


def test_a_long_first_sentence_is_cut_at_a_comma_and_says_so() -> None:
    words = ", ".join(f"'word{i}'" for i in range(80))
    definition = f"Words of a kind: {words}. The rest of the rules."
    lead = definition_lead(definition)
    assert len(lead) <= LEAD_LIMIT + 2 and lead.endswith("' …")
    assert definition.startswith(lead[:-2])
    # Cut inside brackets when outside leaves less than half: the bracket is closed.
    bracketed = f"Vague words, ones ({words}). More."
    lead = definition_lead(bracketed)
    assert lead.endswith("' …)") and len(lead) > LEAD_LIMIT // 2
    assert definition_lead("Short. More.") == "Short."


def test_a_dictionary_column_tooltip_is_shortened_too(qtbot: Any, window: Any) -> None:
    custom = SimpleNamespace(key="dict_farming", label="Farming", unit="per 100 words",
                             definition="Words from the dictionary 'farming'. Each rule…")
    window.table_dictionary_columns([custom])
    section = len(COLUMNS)
    shown = _hover_header(qtbot, window, section)
    assert shown == ("Farming (per 100 words): Words from the dictionary 'farming'."
                     " (more: Help ▸ Methods)")


def test_the_chart_description_gives_a_long_first_sentence_cut_too(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    """The Compare view's description under the Chart box: Evidential hedges' first
    sentence (1,100 characters) took five lines from the chart."""
    load(qtbot, window, copy_seeds(tmp_path / "corpus", 2))
    view = window.compare_view
    wait_for_chart(qtbot, view)
    view.select_chart("measure_by_outlet")
    with qtbot.waitSignal(view.measure_changed, timeout=5000):
        view.measure_combo.setCurrentIndex(
            view.measure_combo.findData("hedges_evidential_per_100w"))
    wait_for_chart(qtbot, view)
    m = measure("hedges_evidential_per_100w")
    shown = view.description.text()
    assert f"{m.label} ({m.unit}): {definition_lead(m.definition)}" in shown
    assert len(shown.split("\n")[-1]) <= LEAD_LIMIT + 100
    assert m.definition in view.description.toolTip()
