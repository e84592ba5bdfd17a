"""A time phrase before a report verb's subject, or between the subject and the verb, is
no part of the source ("Last year the airline said", "He last week said"). Sentences
written for these tests in the manner of news reports."""

from __future__ import annotations

import pytest

from models.cues import default_finder


def sources(text: str) -> list[str]:
    return [s.text for s in default_finder().find(text) if s.category == "source"]


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("Last year the airline said it would cut 500 jobs.", "the airline"),
        ("On Monday the ministry said the border would stay closed.", "the ministry"),
        ("Last Tuesday the airline said it would cut 500 jobs.", "the airline"),
        ("Two weeks ago the airline said it would cut 500 jobs.", "the airline"),
        ("In March the airline said it would cut 500 jobs.", "the airline"),
        ("Earlier this month the regulator said it would act.", "the regulator"),
        # A second article inside the subject stays in it.
        ("Last year the board of the airline said it would cut 500 jobs.",
         "the board of the airline"),
    ],
)
def test_a_time_phrase_before_the_subject_is_not_the_source(
    sentence: str, source: str
) -> None:
    assert sources(sentence) == [source]


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("He last week said the plan was dead.", "He"),
        ("She on Tuesday said the talks had failed.", "She"),
        ("They earlier this month said the deal was off.", "They"),
    ],
)
def test_a_time_phrase_after_a_pronoun_subject_keeps_the_pronoun_the_source(
    sentence: str, source: str
) -> None:
    assert sources(sentence) == [source]


def test_the_subject_of_a_plain_report_is_unchanged() -> None:
    assert sources("The board of the airline said it would cut 500 jobs.") == [
        "The board of the airline"
    ]


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        # A counted time and "later", "earlier" or "ago" between the name and its verb.
        ("Fiorina a month later announced that she would run.", "Fiorina"),
        ("Smith two days later said the plant would close.", "Smith"),
        ("Smith months later said the plant would close.", "Smith"),
        ("Okafor a year earlier said the mine was safe.", "Okafor"),
        ("Smith a few weeks ago said the plant would close.", "Smith"),
        ("He a week later said the plan was dead.", "He"),
        # Those that already held.
        ("Smith last year said the plant would close.", "Smith"),
        ("The minister on Monday said the border would stay closed.", "The minister"),
    ],
)
def test_a_counted_time_before_the_verb_keeps_the_name_the_source(
    sentence: str, source: str
) -> None:
    assert sources(sentence) == [source]
