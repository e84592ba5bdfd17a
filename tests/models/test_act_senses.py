"""Report verbs with an act sense (audit22, models.attribution.is_act_sense): a threat
made, a plan blocked, a job offered, a response in deeds is no attribution, and its
actor no source. The speech sense of each verb stays a report."""

from __future__ import annotations

import pytest

from models.cues import default_finder


def cues(text: str) -> list[str]:
    return [s.text for s in default_finder().find(text) if s.category == "attribution"]


def sources(text: str) -> list[str]:
    return [s.text for s in default_finder().find(text) if s.category == "source"]


@pytest.mark.parametrize("text", [
    # seed 000 S4 and 004 S0 (audit22)
    "Employees who consider resigning are threatened with prosecution by the authorities.",
    "Russia is banning officials from stepping down by threatening them with false charges.",
    "Natives threatened by ethnic diversity voted for him.",
    "The deal threatens national security.",
    # seed 004 S2: "countered" = blocked
    "But any idea that the officials might resign is being countered by the Kremlin.",
    "He was offered the job of communications director.",
    "Delegates offered by the contest went to Cruz.",
    "The senator responded by blocking the bill.",
    "Germany has responded by helping to build a rapid response force.",
    "The mayor countered Sunday by closing the bridge.",
])
def test_act_senses_are_no_attributions(text: str) -> None:
    assert cues(text) == []
    assert sources(text) == []


@pytest.mark.parametrize(("text", "cue", "source"), [
    ("Officials threatened that they would quit.", "threatened", "Officials"),
    ("Trump threatened to impose a 35 percent tax.", "threatened", "Trump"),
    ("Trump has threatened not to show up.", "threatened", "Trump"),
    ("He countered that the plan was legal.", "countered", "He"),
    # an offer is a commissive speech act, as PolNeAR annotates it ("offered to debate")
    ("Clinton offered to debate in Brooklyn.", "offered", "Clinton"),
    ("She offered no comment.", "offered", "She"),
    ("The senator responded by saying the bill was dead.", "responded", "The senator"),
    ("The senator responded to questions on Tuesday.", "responded", "The senator"),
])
def test_speech_senses_stay_reports(text: str, cue: str, source: str) -> None:
    assert cue in cues(text)
    assert sources(text) == [source]


@pytest.mark.parametrize("text", [
    # seed 002 S14 (audit22, audit25): a reaction of things, with no speaker to be found
    "The possibility of resigning, the one that Putin is so afraid of, responds to the poor "
    "Russian performance in Ukraine.",
    "How markets respond when wages rise is an open question.",
])
def test_a_response_with_no_speaker_is_no_attribution(text: str) -> None:
    assert cues(text) == []


@pytest.mark.parametrize("text", [
    # PolNeAR train (wash-post 2015-11-17): refugees let in, no one owning up
    "A plurality of refugees admitted to the United States from all destinations are Christian.",
    "Here, they aren't admitted until they are vetted for at least 18 months.",
    "No incident has been traced to somebody admitted through the resettlement program.",
    "Only 2,200 Syrians have been admitted in the past four years.",
    "He was admitted to the hospital on Monday.",
])
def test_admitted_that_lets_someone_in_is_no_report(text: str) -> None:
    assert cues(text) == []
    assert sources(text) == []


@pytest.mark.parametrize(("text", "source"), [
    ("Weiner admitted to the newspaper that he had sent the photos.", "Weiner"),
    ("The hacker had admitted to a federal judge that he broke in.", "The hacker"),
    ("Carson admitted that the story was wrong.", "Carson"),
    ("The state admitted it made mistakes.", "The state"),
])
def test_admitted_that_owns_up_stays_a_report(text: str, source: str) -> None:
    assert cues(text) == ["admitted"]
    assert sources(text) == [source]
