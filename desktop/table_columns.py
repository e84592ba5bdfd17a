"""The article table's columns, without Qt: what each shows, its label and its kind.

:mod:`desktop.qt_table_model` shows them; the window reads their labels and kinds to
lay out the table's header before its first paint, before the item model (and the
Qt enums it needs: ~20 ms of PySide6 start-up) is built.
"""

from __future__ import annotations

from dataclasses import dataclass

from models.measures import measure


@dataclass(frozen=True, slots=True)
class Column:
    """One table column: a measure key (or article field), its label and how to show it.

    ``kind`` is ``text``, ``count`` (an integer), ``rate`` (per 100 words,
    2 decimals), ``share`` (0–1 shown as a percentage), ``tone`` (−1 to 1,
    signed, 2 decimals) or ``flag`` (yes/no).
    """

    key: str
    label: str
    kind: str
    tooltip: str

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


def _measure_column(key: str, kind: str) -> Column:
    m = measure(key)
    return Column(key, m.label, kind, f"{m.label} ({m.unit}): {m.definition}")


COLUMNS: tuple[Column, ...] = (
    Column(
        "outlet", "Outlet", "text",
        "The outlet that published the article. Double-click or press F2 to correct it.",
    ),
    Column("headline", "Headline", "text", "The article's headline, as detected in the file."),
    Column("date", "Date", "text", "Publication date, when the file gives one."),
    _measure_column("words", "count"),
    _measure_column("hedges_epistemic_per_100w", "rate"),
    _measure_column("hedges_evidential_per_100w", "rate"),
    _measure_column("hedges_weasel_per_100w", "rate"),
    _measure_column("hedges_vague_per_100w", "rate"),
    _measure_column("boosters_per_100w", "rate"),
    _measure_column("attributions_per_100w", "rate"),
    _measure_column("sources_named", "count"),
    _measure_column("sources_anonymous", "count"),
    _measure_column("loaded_per_100w", "rate"),
    _measure_column("tone_news_mean", "tone"),
    _measure_column("tone_mean", "tone"),
    _measure_column("tone_negative_share", "share"),
    _measure_column("headline_tone", "tone"),
    _measure_column("headline_hedged", "flag"),
    _measure_column("headline_body_gap", "share"),
    _measure_column("headline_sensational", "share"),
    _measure_column("sources_described", "count"),
)

OUTLET_COLUMN = 0
HEADLINE_COLUMN = 1
DATE_COLUMN = 2
