"""A name in apposition to a description is the source: "Trump's wife, Melania, said",
"said the company's chief executive, John J. Ferriola." One named source, one span, not a
described person and a name; and phrases that describe no one person ("neither man", "a
boy who" in a question) are not `described`. Sentences written for these tests."""

from __future__ import annotations

from dataclasses import replace

import pytest

from models.cues import default_finder
from models.features import analyze_article, article_from_text


def sources(text: str) -> list[tuple[str, str, str]]:
    return [
        (s.text, s.subcategory, s.term)
        for s in default_finder().find(text)
        if s.category == "source"
    ]


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("Trump's wife, Melania, said she would campaign in Ohio.",
         ("Trump's wife, Melania", "person", "melania")),
        ("His spokesman, Dmitry Peskov, said the Kremlin had no comment.",
         ("His spokesman, Dmitry Peskov", "person", "dmitry peskov")),
        ("The company's chief executive, John J. Ferriola, said the plant would stay open.",
         ("The company's chief executive, John J. Ferriola", "person", "john ferriola")),
        # After the verb, as an inverted quote closes: "…, said X, Name."
        ("The plant will stay open, said the company's chief executive, John J. Ferriola.",
         ("the company's chief executive, John J. Ferriola", "person", "john ferriola")),
        ("His wife, Mrs. Smith, told reporters he was tired.",
         ("His wife, Mrs. Smith", "person", "smith")),
        # The term is the name's, whatever the description's head ("chief of staff").
        ("Rep. Duncan Hunter's chief of staff, Joe Kasper, told reporters it was over.",
         ("Duncan Hunter's chief of staff, Joe Kasper", "person", "joe kasper")),
        # "One of …" picks one person out, even where the phrase alone is an anonymous
        # one ("one of the sources"): the name that follows says who.
        ("One of her campaign aides, Lena Ortiz, told reporters the tour was off.",
         ("One of her campaign aides, Lena Ortiz", "person", "lena ortiz")),
        ("One of the sources, Arkady Belov, said the order came from the top.",
         ("One of the sources, Arkady Belov", "person", "arkady belov")),
    ],
)
def test_the_name_in_apposition_is_the_source(
    sentence: str, source: tuple[str, str, str]
) -> None:
    assert sources(sentence) == [source]


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        # The name first, its description after: unchanged, the name.
        ("Peskov, the Kremlin spokesman, said the Kremlin had no comment.",
         ("Peskov", "person", "peskov")),
        ("Dmitry Peskov, the Kremlin spokesman, said the Kremlin had no comment.",
         ("Dmitry Peskov", "person", "dmitry peskov")),
        # A day or a clause between commas is no name.
        ("The spokesman, Monday, said there was no comment.",
         ("The spokesman", "person", "spokesman")),
        ("His wife, who was there, said he was tired.", ("His wife", "described", "wife")),
        # "One of …" with no name after it stays anonymous.
        ("One of her campaign aides told reporters the tour was off.",
         ("One of her campaign aides", "anonymous", "one of her campaign aides")),
    ],
)
def test_no_name_in_apposition_keeps_the_source(
    sentence: str, source: tuple[str, str, str]
) -> None:
    assert sources(sentence) == [source]


def test_the_named_wife_counts_as_one_named_source() -> None:
    article = replace(
        article_from_text(
            "Ohio is close.\n\nTrump's wife, Melania, said she would campaign in Ohio.", "a1"
        ),
        outlet="Outlet",
    )
    scores = analyze_article(article).scores
    assert (scores.sources_named, scores.sources_described) == (1, 0)


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("Neither man said whether he would vote.", ("Neither man", "group")),
        ("Either woman would say so.", ("Either woman", "group")),
    ],
)
def test_neither_man_is_two_people_a_group(sentence: str, source: tuple[str, str]) -> None:
    assert [(text, kind) for text, kind, _ in sources(sentence)] == [source]


def test_a_boy_who_in_a_question_is_no_one() -> None:
    # "What do you call a boy who …?": a kind of person, not one who says anything.
    assert sources("What do you call a boy who calls himself a girl?") == []


def test_a_woman_who_in_a_statement_is_still_described() -> None:
    assert [(t, k) for t, k, _ in sources("He met a woman who says she was there.")] == [
        ("a woman who", "described")
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        # The Daily Beast seed (ux22): he was killed; the verb is passive, he cited no one.
        "Colonel Vyacheslav Makarov and Colonel Yevgeny Brovko, the deputy commander of the "
        "army corps, were confirmed dead on Sunday.",
        "Jane Ortiz, a nurse at the clinic, was reported missing on Monday.",
        "The mayor, Denise Hart, has been described as a reformer.",
    ],
)
def test_the_subject_of_a_passive_report_verb_before_an_apposition_is_no_source(
        sentence: str) -> None:
    assert sources(sentence) == []


def test_the_active_verb_after_the_same_apposition_keeps_its_source() -> None:
    found = sources("Colonel Yevgeny Brovko, the deputy commander of the army corps, "
                    "confirmed the attack on Sunday.")
    assert [(term, kind) for _, kind, term in found] == [("yevgeny brovko", "person")]


def test_the_agent_of_such_a_passive_is_the_source() -> None:
    found = sources("Jane Ortiz, a nurse at the clinic, was reported missing by the Ministry "
                    "of Health on Monday.")
    assert [kind for _, kind, _ in found] == ["institution"]


@pytest.mark.parametrize(
    "sentence",
    [
        # ux22: no source span at all, so the sentence's hedge was the outlet's own.
        "The branch will close next month, said a council official whose name was withheld.",
        "A council official whose name was withheld said the branch would close.",
        "The branch will close, said an official whose identity was not disclosed.",
    ],
)
def test_a_source_whose_name_is_withheld_is_anonymous(sentence: str) -> None:
    found = sources(sentence)
    assert [kind for _, kind, _ in found] == ["anonymous"], found


def test_a_whose_clause_that_withholds_nothing_keeps_the_source_as_it_is() -> None:
    assert [kind for _, kind, _ in sources(
        "The branch will close, said a nurse whose shift had ended.")] == ["described"]
    assert [term for _, _, term in sources(
        "Smith, whose company makes the parts, said the plant would stay.")] == ["smith"]
