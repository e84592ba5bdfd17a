""""general" is the military title only when no noun it modifies follows it: "The general
assembly voted and said" has no general in it, and "the General Assembly" is a body that
meets (an institution), not a person; "the general counsel", "the general public" have no
general either. The title stays where "general" ends the phrase ("The general said",
"the attorney general", "the secretary general"). Sentences written for these tests in
the manner of news reports."""

from __future__ import annotations

import pytest

from models.cues import default_finder


def sources(text: str) -> list[tuple[str, str]]:
    return [
        (s.text, s.subcategory) for s in default_finder().find(text) if s.category == "source"
    ]


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("The general assembly voted and said it would act.",
         ("The general assembly", "institution")),
        ("The UN General Assembly said the vote was final.",
         ("The UN General Assembly", "institution")),
    ],
)
def test_the_general_assembly_is_an_institution(
    sentence: str, source: tuple[str, str]
) -> None:
    assert sources(sentence) == [source]


@pytest.mark.parametrize(
    "sentence",
    [
        "The general counsel resigned and said the firm erred.",
        "The general public voted and said it was tired.",
    ],
)
def test_general_before_a_noun_is_no_general(sentence: str) -> None:
    assert ("The general", "person") not in sources(sentence)


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("The general voted and said the troops would stay.", "The general"),
        ("The general said the troops would stay.", "The general"),
        ("The attorney general resigned and said she would appeal.", "The attorney general"),
        ("The secretary general resigned and said the talks failed.",
         "The secretary general"),
        ("The general manager resigned and said the team would rebuild.",
         "The general manager"),
    ],
)
def test_general_the_title_stays_a_person(sentence: str, source: str) -> None:
    assert sources(sentence) == [(source, "person")]
