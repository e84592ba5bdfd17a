"""A participle right after the verb of a reported clause is that clause's subject's:
in "The ministry said the officials resigned(,) citing security concerns" the officials
cite, not the ministry. After a longer reported clause the participle goes with the
report ("Foreign policy analysts said geopolitical factors have contributed to …,
citing": the analysts cite, as in every such PolNeAR sentence). A commaless "saying"
after a verb phrase is its clause's participle too, as a commaless "citing" is (PolNeAR
dev: "Trump unleashed a series of tweets early Friday saying that …", gold Source
"Trump"). Sentences written for these tests in the manner of news reports."""

from __future__ import annotations

import pytest

from models.cues import default_finder


def sources(text: str) -> list[str]:
    return [s.text for s in default_finder().find(text) if s.category == "source"]


@pytest.mark.parametrize(
    ("sentence", "citer"),
    [
        ("The ministry said the officials resigned citing security concerns.", "the officials"),
        ("The ministry said the officials resigned, citing security concerns.", "the officials"),
        ("The ministry said that Mr. Smith quit on Monday, citing health reasons.", "Mr. Smith"),
        ("The ministry said they had abruptly resigned, citing health reasons.", "they"),
        ("The ministry said the officials resigned saying they were tired.", "the officials"),
    ],
)
def test_the_participle_after_a_reported_verb_is_its_subject_s(sentence: str, citer: str) -> None:
    assert sources(sentence) == ["The ministry", citer]


def test_after_a_longer_reported_clause_the_participle_is_the_reporter_s() -> None:
    assert sources(
        "Analysts said economic factors have contributed to its appeal, citing the trade deal."
    ) == ["Analysts"]


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("He resigned saying he was tired.", ["He"]),
        ("The senator sent a series of tweets on Friday saying that the vote was rigged.",
         ["The senator"]),
    ],
)
def test_a_commaless_saying_after_a_verb_phrase_is_its_subject_s(
    sentence: str, found: list[str]
) -> None:
    assert sources(sentence) == found
