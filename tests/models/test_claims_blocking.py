"""Candidate pairs (the blocking before the similarity threshold): what they may not miss."""

from __future__ import annotations

from models.claims import BLOCK_MAX_DF, align_claims
from models.features import analyze_article, article_from_text

WIRE = "It takes 1,237 delegates to win the Republican nomination for president."


def test_a_sentence_every_outlet_copies_is_one_claim() -> None:
    """A wire sentence run by more articles than BLOCK_MAX_DF: every one of its stems is then
    among the corpus's most common, so no stem made its copies candidates and the most widely
    carried sentence was no claim at all (PolNeAR: "It takes 1,237 delegates …", eight copies,
    missed at 240 articles). Copies are always compared now."""
    n = BLOCK_MAX_DF + 5
    analyses = []
    for i in range(n):
        own = (f"Reporter number {i} filed this story from county seat {i} on deadline day {i}.")
        article = article_from_text(f"{own} {WIRE}", f"a{i}")
        article.outlet = f"Outlet {i % 7}"
        analyses.append(analyze_article(article))
    claims = align_claims(analyses).claims
    carried = [c for c in claims if c.label == WIRE]
    assert len(carried) == 1
    assert len(carried[0].article_ids) == n
