"""Ranks and legal offices are titles, as the sources lexicon has "general", "colonel",
"lawyer" and "attorney": "the admiral said" is a person, as "the general said" is, and "an
admiral" anonymous, as "a general" is; "The general counsel resigned and said" finds its
source (no noun knew "counsel", so the coordinated verb had none). Plurals of ranks are
groups ("Generals said", "Admirals said"), not surnames. Session 34 decision: the
admiral was a described person (one person of a kind) while the general was a titled
person; a rank is a title. Sentences written for these tests in the manner of news
reports."""

from __future__ import annotations

import pytest

from models.cues import default_finder


def sources(text: str) -> list[tuple[str, str]]:
    return [(s.text, s.subcategory) for s in default_finder().find(text) if s.category == "source"]


@pytest.mark.parametrize(
    ("subject", "kind"),
    [
        ("The admiral", "person"),
        ("The general", "person"),
        ("An admiral", "anonymous"),
        ("A general", "anonymous"),
        ("Rear Admiral Jane Lowe", "person"),
        ("The general counsel", "person"),
        ("His counsel", "person"),
        ("Generals", "group"),
        ("Admirals", "group"),
    ],
)
def test_ranks_and_counsel_are_titles(subject: str, kind: str) -> None:
    assert sources(f"{subject} said the fleet would sail on Monday.") == [(subject, kind)]


def test_the_general_counsel_says_the_coordinated_verb() -> None:
    assert sources("The general counsel resigned and said he was tired.") == [
        ("The general counsel", "person")
    ]
