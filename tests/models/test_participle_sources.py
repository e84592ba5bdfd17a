"""A participle cue right after a noun modifies that noun ("groups backing Senator Ted
Cruz": the groups back him), so its source is that noun, not the antecedent of a "who"
clause the noun ends (PolNeAR train: "Robert Arnott, a California-based investor who
has poured hundreds of thousands of dollars into groups backing Senator Ted Cruz", gold
Source "groups"; "Right to Rise's television campaign, which has included millions of
dollars in ads attacking candidates", gold Source "ads"). Sentences written for these
tests in the manner of news reports."""

from __future__ import annotations

from models.cues import default_finder


def sources(text: str) -> list[tuple[str, str]]:
    return [(s.text, s.subcategory) for s in default_finder().find(text) if s.category == "source"]


def test_a_participle_after_the_object_of_a_who_clause_has_that_object_as_source() -> None:
    assert sources(
        "The donors include an investor who has poured money into groups backing the senator."
    ) == [("groups", "group")]


def test_a_finite_verb_after_the_who_clause_keeps_the_clause_s_antecedent() -> None:
    assert sources("An investor who spoke with reporters said the fund was closed.") == [
        ("An investor", "described")
    ]
    assert sources("Sources who spoke with the paper said the fund was closed.") == [
        ("Sources", "anonymous")
    ]


def test_a_cue_after_an_initialism_and_a_hyphen_is_half_an_adjective() -> None:
    # "the C.I.A.-backed rebels" (PolNeAR train) is read as "Koch-backed" is: no report,
    # and the noun after it no source
    for sentence in (
        "The army claims more territory from the C.I.A.-backed rebels every week.",
        "The tanks rolled in to bring U.S.-backed South Vietnam under communist rule.",
    ):
        found = [s.category for s in default_finder().find(sentence)]
        assert "attribution" not in found and "source" not in found
    assert sources("The C.I.A. backed the rebels, officials said.") == [("officials", "anonymous")]
