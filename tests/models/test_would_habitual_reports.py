"""Habitual "would" with a person as subject and a verb of saying whose content is
told in the past ("She would tell reporters that the plan was working"): a report of
what the person used to say, not the writer's estimate. "would" stays a hedge where it
is conditional or estimates ("If asked, he would say …", "Critics would say the plan
is flawed"). Sentences written for these tests in the manner of news reports."""

from __future__ import annotations

import pytest

from models.cues import default_finder


def spans(text: str) -> list[tuple[str, str, str]]:
    return [(s.category, s.subcategory, s.text) for s in default_finder().find(text)]


def hedged_would(text: str) -> bool:
    return any(c == "hedge" and t.lower() == "would" for c, _, t in spans(text))


@pytest.mark.parametrize(
    "sentence",
    [
        "She would tell reporters that the plan was working.",
        "He would say that the war was unwinnable.",
        "Smith would tell anyone who listened that the mine was safe.",
        "In those years he would insist the deal had been fair.",
        "He would often say that the war was unwinnable.",
    ],
)
def test_a_persons_habitual_report_is_no_hedge(sentence: str) -> None:
    assert not hedged_would(sentence)
    assert any(c == "attribution" for c, _, _ in spans(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "If asked, he would say the plan was working.",
        "Critics would say the plan is flawed.",
        "He would say the plan is working, an aide suggested.",
        "The deal would cost taxpayers billions.",
    ],
)
def test_a_conditional_or_estimating_would_stays_a_hedge(sentence: str) -> None:
    assert hedged_would(sentence)
