"""What a correct analysis of the five seed articles finds: facts of the texts.

These run the whole pipeline (readers, layout, cues, tone, scores) on seeds/.
"""

from __future__ import annotations

import pytest

from models.article import Role
from models.features import ArticleAnalysis
from models.pipeline import analyze_paths
from tests.models.conftest import SEEDS


@pytest.fixture(scope="module")
def seeds() -> dict[str, ArticleAnalysis]:
    corpus = analyze_paths([SEEDS])
    assert corpus.errors == []
    return {a.article_id[:3]: a for a in corpus.analyses}


def _head_spans(analysis: ArticleAnalysis, category: str) -> list[str]:
    return [s.subcategory for s in analysis.spans if s.in_headline and s.category == category]


def _body_text(analysis: ArticleAnalysis) -> str:
    return "\n".join(s.text for s in analysis.article.body_sentences)


def test_five_articles_with_manifest_outlets(seeds) -> None:
    assert {k: a.outlet for k, a in seeds.items()} == {
        "000": "HLN",
        "001": "The Daily Beast",
        "002": "Spanish-language outlet",
        "003": "PatriotWise",
        "004": "MoD-based report",
    }
    assert seeds["004"].article.date == "2023-05-18"


def test_001_headline_is_hedged_evidentially(seeds) -> None:
    a = seeds["001"]
    assert a.article.headline == (
        "Putin’s Reportedly Had to Ban His Top Officials from Quitting as Ukraine War Falters"
    )
    assert "evidential" in _head_spans(a, "hedge")
    assert a.scores.headline_hedged is True
    assert a.scores.headline_body_gap == 0.0


def test_003_headline_asserts_what_the_body_attributes(seeds) -> None:
    a = seeds["003"]
    assert a.article.headline == "Kremlin Tells Top Officials They Cannot Resign"
    assert _head_spans(a, "hedge") == []
    assert a.scores.headline_hedged is False
    assert a.scores.headline_body_gap is not None and a.scores.headline_body_gap > 0
    first = a.article.body_sentences[a.headline_restating[0]]
    assert "according to Newsweek" in first.text


def test_004_has_most_epistemic_hedges_with_ranges(seeds) -> None:
    rates = {k: a.scores.hedges_epistemic_per_100w for k, a in seeds.items()}
    assert max(rates, key=rates.__getitem__) == "004"
    epistemic = [
        s for s in seeds["004"].spans if s.category == "hedge" and s.subcategory == "epistemic"
    ]
    terms = {s.text.lower() for s in epistemic}
    assert {"probably", "likely"} <= terms
    probably = next(s for s in epistemic if s.text.lower() == "probably")
    assert (probably.probability_low, probably.probability_high) == (0.55, 0.75)


def test_002_presents_an_assessment_as_revealed_fact(seeds) -> None:
    a = seeds["002"]
    revealed = [
        s for s in a.spans
        if s.category == "attribution" and s.text.lower() == "revealed"
        and "Ministry of Defense" in a.article.text[s.start - 40 : s.start]
    ]
    assert revealed and revealed[0].subcategory == "factive"
    assert a.scores.attributions_factive_share and a.scores.attributions_factive_share > 0


NOT_BODY = {
    "000": ["Free unlimited access to Showbytes? Which can!",
            "Log in or create an account",
            "Three rocket scientists specializing in hypersonic technology",
            "How Putin started to hate Ukraine"],
    "001": ["ADVERTISEMENT", "RC2VU0AH0G3B", "Gavriil Grigorov/Sputnik via Reuters", "NO ESCAPE"],
    "002": ["FILE – Russian President Vladimir Putin gestures", "Keep reading:",
            "Why the Russian military has been so ineffective in Ukraine",
            "Zelensky compared the devastation of Bakhmut to Hiroshima"],
    "003": ["Copyright 2023, PatriotWise.com"],
    "004": ["A Ukrainian multiple rocket launcher fires at Russian positions",
            "Ukrainian soldiers fire a cannon near Bakhmut on Monday"],
}


@pytest.mark.parametrize("seed", sorted(NOT_BODY))
def test_boilerplate_is_not_scored_but_kept(seeds, seed: str) -> None:
    a = seeds[seed]
    body = _body_text(a)
    for fragment in NOT_BODY[seed]:
        assert fragment in a.article.text, fragment  # still visible in the reader
        assert fragment not in body, fragment
        start = a.article.text.index(fragment)
        roles = {b.role for b in a.article.blocks if b.start <= start < b.end}
        assert roles and Role.BODY not in roles, (fragment, roles)


def test_every_span_indexes_the_file_text(seeds) -> None:
    for a in seeds.values():
        raw = (SEEDS / f"{a.article_id}.txt").read_text(encoding="utf-8")
        assert a.article.text == raw
        for s in a.spans:
            assert raw[s.start : s.end] == s.text


def test_tone_is_per_sentence_and_not_saturated(seeds) -> None:
    for a in seeds.values():
        assert len(a.sentence_tones) == a.scores.sentences > 5
        assert -0.9 < a.scores.tone_mean < 0.5
        assert 0.0 <= a.scores.tone_negative_share <= 1.0


def test_anonymous_sources_are_found(seeds) -> None:
    assert seeds["000"].scores.sources_anonymous >= 3
    assert seeds["004"].scores.sources_anonymous >= 3
    assert seeds["004"].scores.sources_named >= 2
