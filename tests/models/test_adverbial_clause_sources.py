""""The audience applauded when the senator said it." once gave no source for "said": the
verb was read as part of what "applauded" reported, as in "Trump said Cruz attacked
him". "applauded" with no object is no report now (tests/models/test_applause.py), but a
report verb with an object still swallowed the next clause of time or reason: "The mayor
praised the plan when the senator said it" gave "praised" only. Sentences written for
these tests in the manner of news reports."""

from __future__ import annotations

from models.cues import default_finder


def cues(text: str) -> list[tuple[str, str]]:
    return [(s.category, s.text) for s in default_finder().find(text)
            if s.category in ("attribution", "source")]


def test_the_brief_sentence_gives_the_senator() -> None:
    assert cues("The audience applauded when the senator said it.") == [
        ("source", "the senator"), ("attribution", "said")
    ]


def test_a_clause_of_time_after_an_object_has_its_own_speaker() -> None:
    assert cues("The mayor praised the plan when the senator said it was good.") == [
        ("source", "The mayor"), ("attribution", "praised"),
        ("source", "the senator"), ("attribution", "said"),
    ]
    # "after" is also a preposition: "Cruz after the senator" is no phrase
    assert cues("Trump attacked Cruz after the senator said he was unfit.") == [
        ("source", "Trump"), ("attribution", "attacked"),
        ("source", "the senator"), ("attribution", "said"),
    ]


def test_what_was_said_stays_one_attribution() -> None:
    # a verb of saying: its clause, "because …" too, is what was said
    assert cues("He said the plan failed because the senator said it would.") == [
        ("source", "He"), ("attribution", "said")
    ]
