"""A hedge before a trailing frame whose source carries a relative clause is the
source's, as it is without the clause (ux22, session 22: "…could close next month,
according to two people familiar with the plans who asked not to be named." counted
'could' as the outlet's own words)."""

from __future__ import annotations

import pytest

from models.features import analyze_article, article_from_text
from models.voice import attributed_flags

ENDINGS = [
    "according to two people familiar with the plans.",
    "according to two people familiar with the plans who asked not to be named.",
    "according to officials who spoke on condition of anonymity.",
    "according to a source who declined to be identified.",
    "said a council official who was not authorized to speak publicly.",
]
# Left: "said a council official whose name was withheld." finds no source span at all
# (the source finder's miss, not the voice rule's), so no frame is seen.


@pytest.mark.parametrize("ending", ENDINGS)
def test_the_hedge_is_the_sources(ending: str) -> None:
    analysis = analyze_article(article_from_text(
        "Library may close\n\nThe Riverside branch library could close as soon as next "
        f"month, {ending} The council meets on Monday."))
    article = analysis.article
    hedges = [s for s in analysis.spans if s.category == "hedge" and s.term == "could"
              and not s.in_headline]
    assert len(hedges) == 1
    assert attributed_flags(article, hedges, analysis.spans) == (True,)
    assert analysis.scores.hedges_epistemic_own_per_100w == 0.0
    assert (analysis.scores.hedges_epistemic_quoted_per_100w or 0) > 0


def test_a_relative_clause_on_something_else_is_not_taken_for_one_on_the_source() -> None:
    """'which' is no relative clause on a person: the frame is not trailing there."""
    analysis = analyze_article(article_from_text(
        "Library may close\n\nThe library could close next month, officials said which "
        "surprised nobody at the meeting on Monday."))
    hedges = [s for s in analysis.spans if s.category == "hedge" and s.term == "could"
              and not s.in_headline]
    assert attributed_flags(analysis.article, hedges, analysis.spans) == (False,)
