"""Each chart's description opens in plain words (ux28: a media-literacy teacher read "95%
Student-t intervals", "standard deviations across outlets", "cosine similarity of TF-IDF
vectors", "NMF" and "weighted log-odds with an informative Dirichlet prior" before anything
said what the chart shows or how to read it). The method stays, after "Method:", for the
researcher who cites it. Read through the Compare view's description and the Chart box's
tooltip, the words a user meets."""

from __future__ import annotations

import re
from typing import Any

import pytest
from PySide6.QtCore import Qt

from desktop.charts import CHART_KINDS
from tests.desktop.conftest import choose_chart_with_keys, choose_with_keys, shown_compare_view
from tests.desktop.test_charts import make_corpus

# Words a reader without statistics or text-mining training cannot read the chart by.
JARGON = re.compile(
    r"Student-t|TF-IDF|NMF|log-odds|Dirichlet|z-score|cosine|standard deviation|"
    r"\bmean\b|\binterval|whisker|compound|VADER", re.IGNORECASE)
# The method a researcher cites, still there: each kind's technical words.
METHOD_WORDS = {
    "measure_by_outlet": "95% Student-t intervals of the mean",
    "outlet_heatmap": "standard deviations across outlets",
    "tone_strips": "VADER corrected by people's ratings of NYT sentences",
    "similarity": "cosine similarity of TF-IDF vectors",
    "emphasis_topics": "NMF (non-negative matrix factorisation)",
    "distinctive_words": "weighted log-odds with an informative Dirichlet prior",
}


def plain_part(description: str) -> str:
    return description.split("Method:")[0]


def test_every_description_reads_plainly_before_its_method() -> None:
    for kind in CHART_KINDS:
        for text in filter(None, (kind.description, kind.scale_description)):
            plain = plain_part(text)
            assert not JARGON.search(plain), (kind.key, JARGON.search(plain), plain)
            assert len(plain) > 60, kind.key  # it says something before the method
        if kind.key in METHOD_WORDS:
            assert METHOD_WORDS[kind.key] in kind.description.split("Method:")[1], kind.key


@pytest.mark.parametrize("key", list(METHOD_WORDS))
def test_the_view_shows_the_plain_words_first(qtbot: Any, key: str) -> None:
    view = shown_compare_view(qtbot, 1000, 700)
    view.set_analyses(make_corpus(["A", "B", "C"], 6))
    choose_chart_with_keys(qtbot, view, key)
    shown = view.description.text()
    first_line = shown.split("\n")[0]
    assert not JARGON.search(plain_part(first_line)), (key, first_line)
    assert METHOD_WORDS[key] in first_line
    combo = view.chart_combo
    tip = combo.itemData(combo.currentIndex(), Qt.ItemDataRole.ToolTipRole)
    assert not JARGON.search(plain_part(tip)), (key, tip)


def test_methods_says_how_to_read_each_chart_before_the_measures(qtbot: Any, window: Any) -> None:
    """A teacher opening Help ▸ Methods met "Measures" and its definitions first; how to
    read a chart was only under the chart. Now a section of its own, from the same words."""
    window.show_methods()
    dialog = window._methods_dialog
    qtbot.waitUntil(dialog.isVisible)
    text = dialog.browser().document().toPlainText()
    assert text.index("How to read the charts") < text.index("Measures\n")
    for kind in CHART_KINDS:
        at = text.index(kind.title, text.index("How to read the charts"))
        assert text.index(kind.description[:60], at) > at, kind.key
    # The technical words a researcher cites are all still there.
    for words in METHOD_WORDS.values():
        assert words in text


# The measures whose definition, as shown under "One measure by outlet", opened with
# "Mean VADER compound score", "Mean tone_news", "tone_news of the headline", "Mean
# midpoint of the probability ranges", "the quoted assessor" or "Share of body sentences
# with a VADER compound score".
MEASURE_JARGON = re.compile(r"compound|tone_news|ridge|midpoint|assessor|\bMean\b")


@pytest.mark.parametrize("key", [
    "tone_mean", "tone_news_mean", "headline_tone", "headline_tone_news",
    "estimative_probability_mean", "hedges_epistemic_per_100w", "tone_negative_share",
])
def test_the_measures_line_reads_plainly_before_its_method(qtbot: Any, key: str) -> None:
    view = shown_compare_view(qtbot, 1000, 700)
    view.set_analyses(make_corpus(["A", "B", "C"], 6))
    choose_chart_with_keys(qtbot, view, "measure_by_outlet")
    choose_with_keys(qtbot, view, view.measure_combo, key)
    measure_line = view.description.text().split("\n")[1]
    lead = measure_line.split(": ", 1)[1]  # after "Tone (VADER) (−1 to 1): "
    first_clause = re.split(r"[:.]", lead)[0]
    assert not MEASURE_JARGON.search(first_clause), (key, lead)
    assert first_clause.startswith(("How ", "Words that", "Share of the body's sentences that")), (
        key, lead)
