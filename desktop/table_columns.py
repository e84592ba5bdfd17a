"""The article table's columns, without Qt: what each shows, its label and its kind.

:mod:`desktop.qt_table_model` shows them; the window reads their labels and kinds to
lay out the table's header before its first paint, before the item model (and the
Qt enums it needs: ~20 ms of PySide6 start-up) is built.
"""

from __future__ import annotations

from typing import NamedTuple

# The definition's lead lives beside the definitions (the codebook writes it too); the
# views import it from here as before.
from models.measures import LEAD_LIMIT as LEAD_LIMIT
from models.measures import definition_lead as definition_lead
from models.measures import display_kind, measure
from models.measures import lead_sentence as lead_sentence


class Column(NamedTuple):
    """One table column: a measure key (or article field), its label and how to show it.

    ``kind`` is ``text``, ``count`` (an integer), ``rate`` (per 100 words,
    2 decimals), ``share`` (0–1 shown as a percentage), ``tone`` (−1 to 1,
    signed, 2 decimals) or ``flag`` (yes/no). A named tuple, as models.measures.Measure
    (no ``dataclasses`` before the window's first paint).
    """

    key: str
    label: str
    kind: str
    #: The header's tooltip as given; "" for a built-in measure's column, whose tooltip
    #: (:func:`measure_tooltip`) is made when first asked for: the header is laid out
    #: before the window's first paint, its tooltips read later (~0.5 ms, session 27).
    given_tooltip: str = ""

    @property
    def tooltip(self) -> str:
        """The header's tooltip."""
        return self.given_tooltip or _built_in_measure_tooltip(self.key)

    @property
    def header(self) -> str:
        """The header's text: the label, over its unit where the numbers do not say it."""
        unit = HEADER_UNITS.get(self.kind)
        return self.label if unit is None else f"{self.label}\n{unit}"


#: The unit written under a column's label in the table's header, by kind. A rate of
#: 0.54 read as "Epistemic hedges 0.54", beside "Named sources 5", read as a count (ux19's
#: walkthrough, session 19): rates and tones say their unit; a share shows "47%", a flag
#: "yes" and a count is one.
HEADER_UNITS = {"rate": "per 100 words", "tone": "−1 to 1"}


#: What a shortened header tooltip ends with: where the whole definition is.
MORE_IN_METHODS = " (more: Help ▸ Methods)"


def measure_tooltip(label: str, unit: str, definition: str) -> str:
    """A measure column's header tooltip: its label, unit and the definition's lead
    (:func:`definition_lead`), pointing to Help ▸ Methods when the definition goes on. The whole
    definition ran to 3,200 characters (Epistemic hedges), a tooltip that covered the
    table (ux19's walkthrough, session 19)."""
    lead = definition_lead(definition)
    more = MORE_IN_METHODS if lead != definition.strip() else ""
    return f"{label} ({unit}): {lead}{more}"


_MEASURE_TOOLTIPS: dict[str, str] = {}


def _built_in_measure_tooltip(key: str) -> str:
    """:func:`measure_tooltip` of the measure ``key`` (models.measures), made once."""
    tooltip = _MEASURE_TOOLTIPS.get(key)
    if tooltip is None:
        m = measure(key)
        tooltip = _MEASURE_TOOLTIPS[key] = measure_tooltip(m.label, m.unit, m.definition)
    return tooltip


def _measure_column(key: str) -> Column:
    """A measure's column, shown as the app shows that measure everywhere
    (:func:`models.measures.display_kind`); its tooltip made when first asked for."""
    m = measure(key)
    return Column(key, m.label, display_kind(m))


COLUMNS: tuple[Column, ...] = (
    Column(
        "outlet", "Outlet", "text",
        "The outlet that published the article. Double-click or press F2 to correct it.",
    ),
    Column("headline", "Headline", "text", "The article's headline, as detected in the file."),
    Column("date", "Date", "text",
           "Publication date, when the file gives one: YYYY-MM-DD where it can be read (a "
           "named month, ISO, or figures whose order of day and month the date or its "
           "column shows: 13/09/2016), else as the file writes it."),
    _measure_column("words"),
    _measure_column("hedges_epistemic_per_100w"),
    _measure_column("hedges_evidential_per_100w"),
    _measure_column("hedges_weasel_per_100w"),
    _measure_column("hedges_vague_per_100w"),
    _measure_column("boosters_per_100w"),
    _measure_column("attributions_per_100w"),
    _measure_column("sources_named_people"),
    _measure_column("sources_anonymous"),
    _measure_column("loaded_per_100w"),
    _measure_column("tone_news_mean"),
    _measure_column("tone_mean"),
    _measure_column("tone_negative_share"),
    _measure_column("headline_tone_news"),
    _measure_column("headline_tone"),
    _measure_column("headline_hedged"),
    _measure_column("headline_body_gap"),
    _measure_column("headline_sensational"),
    _measure_column("sources_described"),
)

#: The certainty measures that split into the outlet's own words and its quotations
#: (models.voice): a cell's tooltip gives both parts, which the table's totals hide (the
#: bar chart shows them, hatched; ux19's walkthrough).
VOICE_PARTS: dict[str, tuple[str, str]] = {
    f"{stem}_per_100w": (f"{stem}_own_per_100w", f"{stem}_quoted_per_100w")
    for stem in ("hedges_epistemic", "hedges_evidential", "boosters")
}

OUTLET_COLUMN = 0
HEADLINE_COLUMN = 1
DATE_COLUMN = 2
