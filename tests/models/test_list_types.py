"""A list of sources is typed by all its items, not by its last one: "The family,
protesters and civic leaders said" was anonymous, as if "civic leaders" alone spoke, and
"Officials and Cruz said" a named person. Names only stay named, items of one kind keep
it, and any other mix is a group, neither named nor anonymous. Sentences written for
these tests in the manner of news reports."""

from __future__ import annotations

from models.cues import default_finder


def sources(text: str) -> list[tuple[str, str]]:
    return [(s.text, s.subcategory) for s in default_finder().find(text) if s.category == "source"]


def test_a_list_of_names_is_named() -> None:
    assert sources("Cruz and Rubio said the bill was a mistake.") == [("Cruz and Rubio", "person")]
    assert sources("Cruz, Rubio and Kasich said the bill was a mistake.") == [
        ("Cruz, Rubio and Kasich", "person")
    ]
    assert sources("The White House and the Pentagon said the report was wrong.") == [
        ("The White House and the Pentagon", "institution")
    ]


def test_a_list_of_one_unnamed_kind_keeps_it() -> None:
    assert sources("Aides and advisers said the plan was dead.") == [
        ("Aides and advisers", "anonymous")
    ]
    assert sources("Democrats and Republicans said the bill was a mistake.") == [
        ("Democrats and Republicans", "group")
    ]


def test_a_mixed_list_is_a_group_whatever_its_last_item() -> None:
    assert sources(
        "The family, protesters and civic leaders said the shooting must be investigated."
    ) == [("The family, protesters and civic leaders", "group")]
    assert sources("Voters and officials said the count was fair.") == [
        ("Voters and officials", "group")
    ]
    assert sources("Officials and Cruz said the count was fair.") == [
        ("Officials and Cruz", "group")
    ]
    assert sources("Sen. Ted Cruz and state officials said the count was fair.") == [
        ("Ted Cruz and state officials", "group")
    ]
    # two people described, not named: a pair, as "both men" is
    assert sources("His wife and his son said he was innocent.") == [
        ("His wife and his son", "group")
    ]


def test_an_and_between_modifiers_or_roles_of_one_person_makes_no_list() -> None:
    # PolNeAR: "Federal and state officials", "the businessman and reality star"
    assert sources("Federal and state officials said the program was sound.") == [
        ("Federal and state officials", "anonymous")
    ]
    assert sources("The businessman and reality star said the polls were rigged.") == [
        ("The businessman and reality star", "described")
    ]


def test_two_nationalities_of_one_head_make_no_list() -> None:
    # "Russian and Chinese officials" gave "Chinese officials": a nationality is no head
    # (_head_like), so the walk stopped at the "and" that "Federal" crossed
    for opening in ("Russian and Chinese", "The Russian and Chinese", "Chinese and Iranian"):
        assert sources(f"{opening} officials said the talks had failed.") == [
            (f"{opening} officials", "anonymous")
        ]
    assert sources("Officials said Russian and Chinese hackers broke in.") == [
        ("Officials", "anonymous")
    ]


def test_an_and_inside_a_name_or_after_the_head_makes_no_list() -> None:
    assert sources("The Department of Health and Human Services said the rule stands.") == [
        ("The Department of Health and Human Services", "institution")
    ]
    assert sources("Leaders of Britain and France said the talks had failed.") == [
        ("Leaders of Britain and France", "anonymous")
    ]


def test_a_name_opening_the_sentence_before_a_whole_item_is_a_name() -> None:
    # A capitalised first word may be an adjective ("Federal and state officials"), but
    # not before an item that can share no head with it: one word, or a phrase opening
    # with a determiner or possessive. Read alone, with no other mention of Cruz.
    assert sources("Cruz and officials said the plan failed.") == [
        ("Cruz and officials", "group")
    ]
    assert sources("Cruz and his aides said the plan failed.") == [
        ("Cruz and his aides", "group")
    ]
    assert sources("Smith and Jones said the plan failed.") == [("Smith and Jones", "person")]
    assert sources("Current and former officials said the plan failed.") == [
        ("Current and former officials", "anonymous")
    ]
