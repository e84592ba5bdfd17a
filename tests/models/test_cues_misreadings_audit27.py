"""Cue misreadings found by hand in the session 27 audit, each in a sentence written for
the test: "talk shows to" is no report verb; a belief asked about ("whether she thought")
is no evidential hedge; "News Guide:" is a label, no speaker; "A CNN producer said" has a
source; a "got" passive ("Just Got Asked") has no subject source, in title case too."""

from __future__ import annotations

import pytest

from models.cues import default_finder


def spans(sentence: str) -> list[tuple[str, str | None, str]]:
    return [(s.category, s.subcategory, s.text) for s in default_finder().find(sentence)]


def categories(sentence: str, category: str) -> list[str]:
    return [text for cat, _, text in spans(sentence) if cat == category]


@pytest.mark.parametrize("sentence", [
    "The mayor went on the Sunday talk shows to defend the budget.",
    "The usher showed them to their seats before the speech began.",
])
def test_show_followed_by_to_is_no_report_verb(sentence: str) -> None:
    assert not any(text.lower().startswith("show") for text in categories(sentence, "attribution"))


def test_a_poll_that_shows_a_lead_is_still_a_report() -> None:
    assert "shows" in categories("The new poll shows the mayor ahead by six points.", "attribution")


@pytest.mark.parametrize("sentence", [
    "The mayor would not say whether she thought the budget would pass.",
    "Reporters asked if he believed the budget figures.",
    "A reporter asked whether Mr. Lee thought the vote was fair.",
])
def test_a_belief_asked_about_is_no_evidential_hedge(sentence: str) -> None:
    assert not [s for s in spans(sentence) if s[0] == "hedge" and s[1] == "evidential"]


def test_a_belief_held_after_an_unrelated_whether_clause_stays_evidential() -> None:
    sentence = "The mayor does not know whether it will pass but thinks it will."
    assert ("hedge", "evidential", "thinks") in spans(sentence)


@pytest.mark.parametrize("label", ["News Guide", "Fact Check"])
def test_a_label_before_a_colon_is_no_speaker(label: str) -> None:
    sentence = f"{label}: Donors poured money into the mayor's fund in March."
    assert categories(sentence, "source") == []
    assert categories(sentence, "attribution") == []


def test_a_producer_of_a_network_is_a_media_source() -> None:
    sources = [
        (sub, text) for cat, sub, text in spans("A CNN producer said the interview would air.")
        if cat == "source"
    ]
    assert sources == [("media", "A CNN producer")]


@pytest.mark.parametrize("sentence", [
    "Tim Lee Just Got Asked About The Budget And His Answer Is Short",
    "The mayor just got asked about the budget on the radio.",
])
def test_the_subject_of_a_get_passive_is_no_source(sentence: str) -> None:
    found = spans(sentence)
    assert any(cat == "attribution" for cat, _, _ in found)
    assert not any(cat == "source" and "Got" in text for cat, _, text in found)
    assert not any(cat == "source" and text.lower().startswith(("tim", "the mayor"))
                   for cat, _, text in found)
