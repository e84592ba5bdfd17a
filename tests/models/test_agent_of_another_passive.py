"""The agent after "by" is a participle cue's source ("The memo, written by the
ministry, was short") only when no form of "be" stands between: in "several women who said they were sexually harassed by Mr. Clinton"
(PolNeAR train) Mr. Clinton is the agent of "harassed", not the source of "said"; the
women are. Sentences written for these tests in the manner of the PolNeAR one."""

from __future__ import annotations

from models.cues import default_finder


def sources(text: str) -> list[str]:
    return [s.text for s in default_finder().find(text) if s.category == "source"]


def test_the_agent_of_a_passive_in_what_was_said_is_no_source() -> None:
    found = sources("She met several workers who said they were mistreated by Mr. Lowe.")
    assert "Lowe" not in found and "Mr. Lowe" not in found
    assert found == ["several workers who"]


def test_the_agent_of_the_cue_itself_is_still_its_source() -> None:
    assert sources("The memo, written by the ministry, was short.") == ["the ministry"]
