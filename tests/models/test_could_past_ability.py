""""could" as the past of "can" in a time long past ("As a child he could swim for
miles", "Back then a family could live on one wage"): what someone was able to do, no
possibility weighed, so no hedge. Sentences written for these tests in the manner of news
reports."""

from __future__ import annotations

import pytest

from models.cues import default_finder


def hedges(sentence: str) -> list[str]:
    return [s.text for s in default_finder().find(sentence) if s.category == "hedge"]


@pytest.mark.parametrize("sentence", [
    "As a child he could swim for miles.",
    "As a child, he could swim for miles.",
    "As a young man the mayor could run a mile in five minutes.",
    "In his youth my grandfather could lift a sack of coal.",
    "In her twenties she could speak four languages.",
    "Back then a family of four could live on one wage.",
    "In those days the ferry crossing could take a whole day.",
    "In 1990 the mill could still employ most of the town.",
    "He could swim for miles as a child.",
])
def test_could_of_past_ability_is_no_hedge(sentence: str) -> None:
    assert "could" not in hedges(sentence)


@pytest.mark.parametrize("sentence", [
    "He could swim for miles.",
    # a perfect after a past frame: a possibility weighed ("could have drowned")
    "As a child he could have drowned in the river.",
    # a report between the frame and the modal: the speaker's estimate
    "In 1990 officials said the dam could fail.",
    "Back then engineers warned that the dam could fail.",
    # a time to come, or a year that may be: a forecast
    "Next year the mill could employ most of the town.",
    "In 2030 the mill could employ most of the town.",
    # a year after the modal dates the event weighed, not the ability
    "He said the dam could fail in 1990.",
])
def test_could_without_a_past_frame_of_its_own_clause_stays_a_hedge(sentence: str) -> None:
    assert "could" in hedges(sentence)
