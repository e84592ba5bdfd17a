"""Emphasis: topics, off-story material and distinctive words, on the seeds and on written text."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

from models.emphasis import (
    Emphasis,
    analyze_emphasis,
    log_odds_z,
    topic_count,
    topic_rows,
)
from models.features import ArticleAnalysis, analyze_article, article_from_text
from models.pipeline import analyze_paths
from models.progress import Cancelled, NullProgress

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="module")
def seeds() -> list[ArticleAnalysis]:
    return analyze_paths([SEEDS]).analyses


@pytest.fixture(scope="module")
def emphasis(seeds: list[ArticleAnalysis]) -> Emphasis:
    return analyze_emphasis(seeds)


def off_texts(emphasis: Emphasis, prefix: str) -> list[str]:
    return [s.text for s in emphasis.sentences if s.article_id.startswith(prefix) and s.off_story]


def on_texts(emphasis: Emphasis, prefix: str) -> list[str]:
    return [s.text for s in emphasis.sentences
            if s.article_id.startswith(prefix) and not s.off_story]


def has(texts: list[str], fragment: str) -> bool:
    return any(fragment in t for t in texts)


def test_each_seed_adds_the_off_story_material_the_issue_names(emphasis: Emphasis) -> None:
    # 001: the commanders killed at Bakhmut and Prigozhin's offer.
    assert has(off_texts(emphasis, "001"), "Colonel Vyacheslav Makarov")
    assert has(off_texts(emphasis, "001"), "Prigozhin had offered")
    # 002 and 004: Ukrainian casualty figures and the Bakhmut fighting.
    assert has(off_texts(emphasis, "002"), "200,590 people have been killed")
    assert has(off_texts(emphasis, "002"), "3,771 battle tanks")
    assert has(off_texts(emphasis, "004"), "197,000 troops")
    assert has(off_texts(emphasis, "004"), "territorial gains amid heavy fighting around")
    # 003: the Lapin and Teplinsky resignations and a missile attack.
    assert has(off_texts(emphasis, "003"), "Alexander Lapin")
    assert has(off_texts(emphasis, "003"), "fired 18 missiles")


def test_the_central_story_is_on_story_in_every_seed(emphasis: Emphasis) -> None:
    assert has(on_texts(emphasis, "000"), "The Kremlin now prohibits high-ranking officials")
    assert has(on_texts(emphasis, "001"), "banned from resigning")
    assert has(on_texts(emphasis, "002"), "blocking any resignation attempts")
    assert has(on_texts(emphasis, "003"), "prohibited from resigning")
    assert has(on_texts(emphasis, "004"), "probably banning senior officials")
    # The travel restrictions (carried by 000, 002 and 004) are part of the story.
    assert has(on_texts(emphasis, "000"), "strict travel restrictions")
    assert has(on_texts(emphasis, "002"), "strict restrictions on foreign travel")
    assert has(on_texts(emphasis, "004"), "strict restrictions on senior officials traveling")
    # So is the Kremlin's denial.
    assert has(on_texts(emphasis, "004"), "Peskov insisted the report was false")


def test_off_story_shares_rank_the_outlets(emphasis: Emphasis) -> None:
    share = {o: emphasis.off_story_share(o) for o in emphasis.outlets}
    assert share["HLN"] == 0.0  # the HLN piece stays on the story
    assert max(share, key=share.__getitem__) == "PatriotWise"
    assert all(share[o] > 0.1 for o in share if o != "HLN")
    rows = topic_rows(emphasis)
    off = {r["outlet"]: r["share"] for r in rows if r["topic_id"] == "off_story"}
    assert off == pytest.approx(share)


def test_topics_and_shares(emphasis: Emphasis, seeds: list[ArticleAnalysis]) -> None:
    n = sum(len(a.article.body_sentences) for a in seeds)
    assert len(emphasis.topics) == topic_count(n) == 6
    assert len(emphasis.sentences) == n
    # A battle topic exists, and the outlet without battle news has none of it.
    battle = next(t for t in emphasis.topics if "bakhmut" in t.top_words[:3])
    assert emphasis.topic_share("HLN", battle.topic_id) == 0.0
    assert emphasis.topic_share("MoD-based report", battle.topic_id) > 0.1
    for outlet in emphasis.outlets:  # every sentence has a topic, so shares sum to 1
        total = sum(emphasis.topic_share(outlet, t.topic_id) for t in emphasis.topics)
        assert total == pytest.approx(1.0)
    # Deterministic.
    again = analyze_emphasis(seeds)
    assert [t.top_words for t in again.topics] == [t.top_words for t in emphasis.topics]


def test_distinctive_words_of_the_seeds(emphasis: Emphasis) -> None:
    patriot = [d.word for d in emphasis.distinctive_for("PatriotWise", 6)]
    assert {"reportedly", "newsweek", "lapin"} <= set(patriot)
    assert "prigozhin" in [d.word for d in emphasis.distinctive_for("The Daily Beast", 10)]


def test_a_possessive_is_its_nouns_word(emphasis: Emphasis) -> None:
    # The Daily Beast writes "Moscow's Defense Ministry", "the Kremlin's Presidential
    # Administration", "The mercenary boss's offer": its distinctive words were
    # "moscow's" (third), "kremlin's" and "boss's", and HLN's "putin's".
    words = [d.word for d in emphasis.distinctive]
    assert not [w for w in words if w.endswith("'s")]
    assert "boss" in [d.word for d in emphasis.distinctive_for("The Daily Beast", 25)]
    from models.emphasis import distinctive_words

    def article(i: str, outlet: str, text: str) -> ArticleAnalysis:
        return analyze_article(replace(article_from_text(text, i), outlet=outlet))

    pair = [article("a", "A", "Moscow's ministry denied the report. Moscow's envoy left."),
            article("b", "B", "Moscow denied the report. Moscow recalled its envoy.")]
    counted = {(d.outlet, d.word): d.count for d in distinctive_words(pair)}
    assert counted[("A", "moscow")] == counted[("B", "moscow")] == 2
    assert ("A", "moscow's") not in counted


def test_log_odds_matches_monroe_et_al_by_hand() -> None:
    mine, others = Counter({"ban": 8, "war": 2}), Counter({"ban": 2, "war": 8})
    prior = {"ban": 5.0, "war": 5.0}
    result = log_odds_z(mine, others, prior)
    # δ = log((8+5)/(10+10-8-5)) - log((2+5)/(10+10-2-5)); σ² = 1/13 + 1/7
    delta = math.log(13 / 7) - math.log(7 / 13)
    assert result["ban"][0] == pytest.approx(delta)
    assert result["ban"][1] == pytest.approx(delta / math.sqrt(1 / 13 + 1 / 7))
    assert result["war"][1] == pytest.approx(-result["ban"][1])


def test_one_article_or_none_and_cancellation() -> None:
    assert analyze_emphasis([]).topics == []
    single = analyze_article(replace(article_from_text(
        "The ban was imposed. Officials cannot resign. The Kremlin denied it."), outlet="A"))
    result = analyze_emphasis([single])
    assert not any(s.off_story for s in result.sentences)  # nothing to compare with
    assert result.distinctive == []

    class Stop(NullProgress):
        def is_cancelled(self) -> bool:
            return True

    with pytest.raises(Cancelled):
        analyze_emphasis([single, single], Stop())
