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


# ux29: the rest of the definitions whose first words the measure line or a column's
# header tooltip shows, and which opened with the method: "a logistic regression",
# "For an unhedged headline: the share of body sentences restating", "1 when the
# headline carries an epistemic or evidential hedge", "Report verbs and attribution
# phrases", "Share of attributions", "Distinct named sources … after merging", "by a
# person noun outside the lists", "Vague attribution:", "The epistemic hedges counted
# in". Each now opens with what it counts and how to read it; its method follows. The
# words a researcher cites, which the codebook (its first sentence) gave on the parent,
# are each measure's method words here, still in the codebook.
LEAD_JARGON = re.compile(
    r"logistic|regression|probability that|unhedged|restat|epistemic|evidential|"
    r"attribution|factive|person noun|merging|compound|tone_news|share of", re.IGNORECASE)
PLAIN_OPENINGS = ("How ", "Whether ", "Claims and judgements credited to no one",
                  "Mentions of one specific person")
REWRITTEN_METHOD_WORDS = {
    "headline_sensational": ("logistic regression trained on 32,000 headlines",
                             "word pairs with case and numbers ignored"),
    "headline_body_gap": ("For an unhedged headline", "share of body sentences restating",
                          "at least three of the headline's content words",
                          "epistemic or evidential hedge, not negated"),
    "headline_hedged": ("epistemic or evidential hedge that is not negated",),
    "attributions_per_100w": ("report verbs and attribution phrases",
                              "a colon that hands the floor to a speaker"),
    "attributions_factive_share": ("share of attributions whose verb presents the "
                                   "reported claim as true",),
    "attributions_loaded_share": ("share of attributions whose verb carries the writer's "
                                  "judgement of the speaker",),
    "sources_named_people": ("distinct named sources cited in the body after merging",),
    "sources_described": ("person noun outside the lists of titles and unnamed roles",),
    "hedges_weasel_per_100w": ("vague attribution", "unnamed, unspecified people"),
    "hedges_epistemic_own_per_100w": ("epistemic hedges counted in 'Epistemic hedges'",
                                      "outside every quotation and reported speech"),
    "hedges_evidential_own_per_100w": ("evidential hedges counted in 'Evidential hedges'",),
    "boosters_own_per_100w": ("boosters counted in 'Boosters'",),
    "hedges_epistemic_quoted_per_100w": ("inside direct quotations or reported speech",),
    "hedges_evidential_quoted_per_100w": ("inside direct quotations or reported speech",),
    "boosters_quoted_per_100w": ("inside direct quotations or reported speech",),
    "tone_mean": ("mean VADER compound score",),
    "tone_news_mean": ("mean tone_news",),
}


def _first_clause(lead: str) -> str:
    """Up to the first colon or stop, without what brackets name (a term of art given
    after the plain words, as 'credited to no one (vague attribution)')."""
    return re.sub(r"\([^)]*\)", "", re.split(r"[:.;]", lead)[0])


@pytest.mark.parametrize("key", [
    "headline_sensational", "headline_body_gap", "headline_hedged", "attributions_per_100w",
    "attributions_factive_share", "attributions_loaded_share", "sources_named_people",
    "sources_described", "hedges_weasel_per_100w", "hedges_epistemic_own_per_100w",
    "hedges_evidential_own_per_100w", "boosters_own_per_100w",
])
def test_the_other_measures_lines_read_plainly_first(qtbot: Any, key: str) -> None:
    view = shown_compare_view(qtbot, 1000, 700)
    view.set_analyses(make_corpus(["A", "B", "C"], 6))
    choose_chart_with_keys(qtbot, view, "measure_by_outlet")
    choose_with_keys(qtbot, view, view.measure_combo, key)
    lead = view.description.text().split("\n")[1].split(": ", 1)[1]
    first = _first_clause(lead)
    assert not LEAD_JARGON.search(first), (key, lead)
    assert first.startswith(PLAIN_OPENINGS), (key, lead)
    assert len(first) > 40, (key, first)  # it says something before the method


@pytest.mark.parametrize("key", [
    "hedges_epistemic_quoted_per_100w", "hedges_evidential_quoted_per_100w",
    "boosters_quoted_per_100w",
])
def test_the_quoted_parts_read_plainly_first(key: str) -> None:
    """Not in the Measure box (their totals' bars show them, hatched): their first
    sentence is what the codebook of outlets.csv and Help ▸ Methods open with."""
    from models.measures import definition_lead, measure

    first = _first_clause(definition_lead(measure(key).definition))
    assert not LEAD_JARGON.search(first), (key, first)
    assert first.startswith("How often the people the outlet quotes or reports"), first


@pytest.mark.parametrize("key", list(REWRITTEN_METHOD_WORDS))
def test_the_codebook_keeps_the_method_words(key: str) -> None:
    """The codebook gives each definition's first sentence: with the plain words in front,
    the method it gave on the parent is still there (its limit is twice a tooltip's)."""
    from models.measures import codebook_rows, measure, outlet_codebook_rows

    definition = codebook_rows([key])[0]["definition"].lower()
    for words in REWRITTEN_METHOD_WORDS[key]:
        assert words.lower() in definition, (key, words, definition)
        assert words.lower() in measure(key).definition.lower()  # so Methods has them
    outlet_row = next(r for r in outlet_codebook_rows([key]) if r["column"] == key)
    assert REWRITTEN_METHOD_WORDS[key][0].lower() in outlet_row["definition"].lower()


def test_a_lead_is_not_cut_inside_a_number() -> None:
    """Cut at its last comma before the limit, Clickbait style's lead ended "trained on
    32 …": the comma of "32,000"."""
    from models.measures import definition_lead

    lead = definition_lead("Trained on " + "x" * 150 + ", on 32,000 headlines " + "y" * 200
                           + ".", limit=200)
    assert lead == "Trained on " + "x" * 150 + " …", lead
