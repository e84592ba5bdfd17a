"""A claim's label is its most central sentence; with two sentences both are equally
central, and the label is the earlier one (load order), not whichever sentence's vector
length happens to round above 1 (s33: a change elsewhere flipped a seed claim's label)."""

from __future__ import annotations

import dataclasses

import pytest

from models.claims import align_claims
from models.features import ArticleAnalysis, analyze_article, article_from_text

# Pairs in which floating-point round-off made the later sentence the label before.
PAIRS = [
    ("The ministry front war putin decree treason were seen on Monday.",
     "The treason decree putin war ministry front surfaced on Monday."),
    ("The treason governors decree ministry kremlin order were seen on Monday.",
     "The ministry treason order decree governors kremlin surfaced on Monday."),
    ("The jobs army putin governors order mobilization were seen on Monday.",
     "The army mobilization jobs order governors putin surfaced on Monday."),
]


def _analysis(text: str, article_id: str, outlet: str) -> ArticleAnalysis:
    return analyze_article(dataclasses.replace(article_from_text(text, article_id),
                                               outlet=outlet))


@pytest.mark.parametrize(("first", "second"), PAIRS)
def test_a_claim_of_two_sentences_is_labelled_by_the_earlier(first: str, second: str) -> None:
    for earlier, later in ((first, second), (second, first)):
        alignment = align_claims([_analysis(earlier, "a1", "One"),
                                  _analysis(later, "b2", "Two")])
        assert len(alignment.claims) == 1
        claim = alignment.claims[0]
        assert len(claim.mentions) == 2
        assert claim.label == earlier
