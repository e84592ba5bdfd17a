"""Hedge misreadings found in the session 27 hand audit of hedge and booster spans, each
in a sentence written for the test: "such expected allies as ..." is an adjective, no
one's expectation; claiming a tax loss, deduction or break is filing for it, no claim
that something is true; a passive "was claimed by" hands over a prize or a deed ("the
attack was claimed by the group"), no statement; "so she could" of purpose estimates
nothing; "almost surely" is the yardstick's "almost certain", no booster."""

from __future__ import annotations

import pytest

from models.cues import default_finder


def spans(sentence: str) -> list[tuple[str, str | None, str]]:
    return [(s.category, s.subcategory, s.text) for s in default_finder().find(sentence)]


def hedges(sentence: str) -> list[str]:
    return [text for cat, _, text in spans(sentence) if cat == "hedge"]


def test_expected_as_an_adjective_after_such_is_no_hedge() -> None:
    sentence = ("The mayor has been backed by unions ranging from such expected allies as the "
                "Teamsters to such old rivals as the builders.")
    assert not [h for h in hedges(sentence) if h.lower().startswith("expect")]


def test_an_active_expectation_with_an_object_stays_a_hedge() -> None:
    sentence = "The council expects the mayor to sign the budget on Friday."
    assert any(h.lower().startswith("expect") for h in hedges(sentence))


@pytest.mark.parametrize("sentence", [
    "The paper found that the developer had claimed a loss of $40 million in 2009.",
    "The firm kept claiming tax breaks while it moved jobs abroad.",
    "She claimed deductions for a home office she never used.",
])
def test_claiming_a_tax_loss_or_break_is_no_hedge(sentence: str) -> None:
    assert not [h for h in hedges(sentence) if h.lower().startswith("claim")]


@pytest.mark.parametrize("sentence", [
    "The bombings in the capital were claimed by a separatist group.",
    "Two of the seats could be claimed by the mayor's rivals.",
])
def test_a_passive_claimed_by_is_no_hedge(sentence: str) -> None:
    assert not [h for h in hedges(sentence) if h.lower().startswith("claim")]


@pytest.mark.parametrize("sentence", [
    "The developer claimed the loss was caused by the flood.",
    "The developer claimed that the council had lied.",
    "It was claimed by the developer that the council had lied.",
])
def test_a_claim_that_something_is_so_stays_evidential(sentence: str) -> None:
    assert [h for h in hedges(sentence) if h.lower().startswith("claim")]


@pytest.mark.parametrize("sentence", [
    "Did the mayor rush the permit through so she could use it in the debate?",
    "They moved the vote to Friday so we could all attend.",
])
def test_could_in_a_purpose_clause_with_bare_so_is_no_hedge(sentence: str) -> None:
    assert "could" not in hedges(sentence)


@pytest.mark.parametrize("sentence", [
    "The bill passed the House, so it could reach the governor by Friday.",
    "The bill passed the House and so it could reach the governor by Friday.",
])
def test_could_after_a_so_of_result_stays_a_hedge(sentence: str) -> None:
    assert "could" in hedges(sentence)


def test_almost_surely_is_the_almost_certain_hedge_not_a_booster() -> None:
    found = [s for s in default_finder().find("The mayor almost surely knew about the deal.")
             if s.category in ("hedge", "booster")]
    assert [(s.category, s.term, s.probability_low, s.probability_high) for s in found] == [
        ("hedge", "almost certain", 0.95, 1.0)
    ]
