"""Session 21's hedges (models/hedging.py): a bare 'appear(s/ed)' before an adjective or a
participle, 'potential' before a noun, 'accuse(s) someone of' and 'everyone knows', and the
uses that stay no hedge. Every sentence is written for these tests."""

from __future__ import annotations

import pytest

from models.cues import default_finder


def hedges(text: str) -> list[tuple[str, str]]:
    return [(s.text, s.subcategory) for s in default_finder().find(text) if s.category == "hedge"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The political fallout appears significant.", [("appears", "epistemic")]),
        ("The mayor's team appeared paralyzed by the news.", [("appeared", "epistemic")]),
        ("The damage appears very serious.", [("appears", "epistemic")]),
        ("Investigators are looking into potential fraud.", [("potential", "epistemic")]),
        ("The return is a step towards their potential repatriation.",
         [("potential", "epistemic")]),
        ("A new ad accuses the mayor of hiding the report.",
         [("accuses the mayor of", "evidential")]),
        ("The union hit back by accusing him of lying.", [("accusing him of", "evidential")]),
        ("Everyone in Port Ellis knows the mill is closing.",
         [("Everyone in Port Ellis knows", "weasel")]),
    ],
)
def test_new_hedges(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert hedges(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "He appeared in court on Monday.",
        "She appeared Tuesday before the panel.",
        "The singer appeared briefly at the gala.",
        "When the mayor appeared, the crowd cheered.",
        "She never reached her full potential.",
        "The potential for violence worried the police.",
        "The site has potential.",
        "The accused left the court with his lawyer.",
        "Everyone left the hall early.",
    ],
)
def test_what_stays_no_hedge(sentence: str) -> None:
    assert hedges(sentence) == []


# ---------------------------------------------------------------------- conditionals


@pytest.mark.parametrize(
    "sentence",
    [
        "If the council wins the appeal, the mill will reopen in May.",
        "“If the polls are right, the mayor is in trouble,” she said.",
        "Even if the venture fails, the firm has already repaid the grant.",
        "But unless the state steps in, the plant will close.",
    ],
)
def test_a_conditional_clause_that_opens_the_sentence_is_a_hedge(sentence: str) -> None:
    (hedge,) = [s for s in default_finder().find(sentence) if s.category == "hedge"]
    assert hedge.text.lower() in ("if", "unless") and hedge.subcategory == "epistemic"
    assert hedge.probability_low is None  # it conditions the claim, it estimates nothing


@pytest.mark.parametrize(
    "sentence",
    [
        "He asked if the plan would work.",  # an embedded question
        "Voters will decide if the levy passes.",
        "If anything, the bill is too weak.",  # a set phrase
        "The plan, if approved, will cost more.",  # not the sentence's first clause
        "If only they had listened.",  # no main clause after a comma
    ],
)
def test_other_ifs_are_no_hedge(sentence: str) -> None:
    assert hedges(sentence) == []


# ---------------------------------------------------------------------- progressive reports


@pytest.mark.parametrize(
    "sentence",
    ["But Hart is suggesting the audit was rushed.", "He's suggesting that the vote be delayed."],
)
def test_a_person_who_is_suggesting_reports_no_hedge(sentence: str) -> None:
    assert hedges(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    ["We are suggesting that the effect is real.", "Data suggesting a rise were published."],
)
def test_an_authors_or_a_documents_suggesting_stays_a_hedge(sentence: str) -> None:
    assert [h[1] for h in hedges(sentence)] == ["epistemic"]


@pytest.mark.parametrize(
    ("sentence", "weasel"),
    [
        ("There are fears the flood will reach the town.", "There are fears"),
        ("There are many questions about the deal.", "There are many questions"),
        ("There were serious doubts about the count.", "There were serious doubts"),
    ],
)
def test_an_unowned_fear_or_question_is_a_weasel(sentence: str, weasel: str) -> None:
    assert hedges(sentence) == [(weasel, "weasel")]


def test_many_people_there_stay_a_vague_quantity() -> None:
    assert hedges("There were many people at the rally.") == [("many people", "vague")]
