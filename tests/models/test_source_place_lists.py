"""A place written after a comma ("in Hull, Yorkshire") and joined by "and" to a common
noun ("Yorkshire and officials said") is the end of a place's name, not part of the
source: the source is "officials". Sentences written for these tests in the manner of
news reports."""

from __future__ import annotations

from models.cues import default_finder


def sources(text: str) -> list[tuple[str, str]]:
    return [(s.text, s.subcategory) for s in default_finder().find(text) if s.category == "source"]


def test_a_place_after_a_comma_is_not_joined_to_the_source() -> None:
    assert sources("Police in Hull, Yorkshire and officials said the road was closed.") == [
        ("officials", "anonymous")
    ]


def test_a_name_and_a_group_with_no_comma_stay_one_phrase() -> None:
    # a name and unnamed officials: a group (tests/models/test_list_types.py); a single
    # capitalised word opening the sentence may be an adjective ("Federal and state
    # officials"), but not before a bare "officials", so it is a name even read alone
    assert sources("Smith and officials said the road was closed.") == [
        ("Smith and officials", "group")
    ]
    assert [(s.text, s.subcategory) for s in default_finder().find(
        "Smith and officials said the road was closed.", names=frozenset({"smith"})
    ) if s.category == "source"] == [("Smith and officials", "group")]


def test_a_name_after_a_clauses_comma_stays_in_the_source() -> None:
    # PolNeAR dev (wash-post, 2016-09-26): both are the source
    assert sources(
        "Over the past few days, Cruz and his aides signaled that they were coming around."
    ) == [("Cruz and his aides", "group")]  # a name and his aides, as "Sanders and his supporters"


def test_a_list_of_places_after_a_group_stays_in_the_group() -> None:
    # The places are where the residents live; the last two are no person. The typing is
    # the lexicon's for "residents", as with two places ("Residents of Leeds and Bradford").
    assert sources("Residents of Leeds, Bradford and Halifax said the water was brown.") == [
        ("Residents of Leeds, Bradford and Halifax", "anonymous")
    ]
    assert sources("Farmers in Kent, Sussex and Surrey said the harvest had failed.") == [
        ("Farmers in Kent, Sussex and Surrey", "group")  # as "Farmers in Kent"
    ]


def test_a_list_of_names_after_an_opening_place_is_not_joined_to_it() -> None:
    # "In Iowa," opens the clause: no group before the preposition, the list stays as it was
    assert sources("In Iowa, Cruz and Rubio said the race was close.") == [
        ("Cruz and Rubio", "person")
    ]


def test_one_place_a_comma_and_a_name_is_no_list() -> None:
    # PolNeAR train (breitbart, 2016-06-05): the clause ends at "Louisville,"
    assert sources(
        "He met Ali for the first time in 1996 at the PGA Championship in Louisville, and "
        "Nicklaus said it is one of his favorite pictures."
    ) == [("Nicklaus", "person")]


def test_a_list_of_names_that_opens_the_clause_is_the_whole_source() -> None:
    # The list is a group of named people, typed as "Cruz and Rubio" is; not its last two
    assert sources("Smith, Jones and Brown said the road was closed.") == [
        ("Smith, Jones and Brown", "person")
    ]
    assert sources("Mary Smith, Tom Jones, and Ann Brown have said the road was closed.") == [
        ("Mary Smith, Tom Jones, and Ann Brown", "person")
    ]
    assert sources("But Smith, Jones and Brown said the road was closed.") == [
        ("Smith, Jones and Brown", "person")
    ]


def test_an_opening_place_or_adverb_is_no_name_of_the_list() -> None:
    assert sources("In London, Jones and Brown said the road was closed.") == [
        ("Jones and Brown", "person")
    ]
    assert sources("Earlier, Jones and Brown said the road was closed.") == [
        ("Jones and Brown", "person")
    ]
    assert sources("Separately, Jones and Brown said the road was closed.") == [
        ("Jones and Brown", "person")
    ]


def test_a_list_of_names_and_a_group_that_opens_its_clause_is_the_whole_source() -> None:
    # s33: a place and its region need a preposition before them to be no source
    # ("Police in Hull, Yorkshire and officials"); opening the clause, "X, Y and officials"
    # is a list of speakers, and the finder cannot tell a place's name from a person's
    # without a gazetteer. s32 read "Hull, Yorkshire and officials said" as "officials",
    # which made "Smith, Jones and officials said" give "officials" too.
    assert sources("Smith, Jones and officials said the plan failed.") == [
        ("Smith, Jones and officials", "group")
    ]
    assert sources("But Smith, Jones and officials said the plan failed.") == [
        ("Smith, Jones and officials", "group")
    ]
    assert sources("Hull, Yorkshire and officials said the road was closed.") == [
        ("Hull, Yorkshire and officials", "group")
    ]
    assert sources("Police in Hull, Yorkshire and officials said the road was closed.") == [
        ("officials", "anonymous")
    ]


def test_groups_the_lexicon_knows_are_no_place_before_and() -> None:
    # "Democrats, Republicans": two groups, not a place and its region; the source keeps
    # at least the groups before "and" that the walk reaches
    spans = sources("Democrats, Republicans and independents said the plan failed.")
    assert len(spans) == 1 and spans[0][0].endswith("Republicans and independents")


def test_a_list_of_groups_that_opens_the_clause_is_the_whole_source() -> None:
    # PolNeAR marks such lists whole ("The family, protesters and civic leaders", "his
    # family, friends and employees"); before, only the last two items were the source
    assert sources("Democrats, Republicans and independents said the plan failed.") == [
        ("Democrats, Republicans and independents", "group")
    ]
    assert sources("Doctors, nurses and patients said the ward was cold.") == [
        ("Doctors, nurses and patients", "group")
    ]
    assert sources("Democrats, Republicans, and independents said the plan failed.") == [
        ("Democrats, Republicans, and independents", "group")
    ]
    assert sources("But doctors, nurses and patients said the ward was cold.") == [
        ("doctors, nurses and patients", "group")
    ]


def test_an_opening_phrase_is_no_group_of_the_list() -> None:
    for opening in ("In a statement", "Earlier", "At the hospital", "After the storm"):
        assert sources(f"{opening}, doctors and nurses said the ward was cold.") == [
            ("doctors and nurses", "group")
        ]


def test_a_list_of_countries_or_capitals_that_opens_the_clause_is_the_whole_source() -> None:
    # Governments by metonymy. PolNeAR dev (nyt, 2016-09-20) marks such a list whole: "as
    # the United States, Britain and France support some opposition groups". Before, a
    # capital the lexicon knows (London, Britain) kept the list to its last two items, while
    # "Paris, London and Berlin" was whole. The type is the last item's, as for two places.
    for text, source in (
        ("London, Paris and Berlin said the deal was off.", "London, Paris and Berlin"),
        ("The United States, Britain and France said the deal was off.",
         "The United States, Britain and France"),
        ("But Washington, Moscow and Beijing have all warned against it.",
         "Washington, Moscow and Beijing"),
    ):
        assert [t for t, _ in sources(text)] == [source]
    # An opening place after a preposition is still no item of the list
    assert sources("In London, Paris and Berlin said the deal was off.") == [
        ("Paris and Berlin", "person")
    ]


def test_an_opening_word_before_a_list_of_names_leaves_the_rest_of_the_list() -> None:
    # PolNeAR train (huff-post, 2016-02-21): the Source is "Matthews, MSNBC's Alex
    # Seitz-Wald and Reuters' Luciana Lopez"; "Instead," made the list no list at all
    assert sources(
        "Instead, Matthews, MSNBC’s Alex Seitz-Wald and Reuters’ Luciana Lopez talked about it."
    ) == [("Matthews, MSNBC’s Alex Seitz-Wald and Reuters’ Luciana Lopez", "person")]
    assert sources("In London, Smith, Jones and Brown said the road was closed.") == [
        ("Smith, Jones and Brown", "person")
    ]
    # With nothing but the last two names after it, those stay the source
    assert sources("Separately, Jones and Brown said the road was closed.") == [
        ("Jones and Brown", "person")
    ]


def test_names_before_and_other_are_a_list_not_a_place() -> None:
    # PolNeAR train (wash-post, 2016-08-28) marks "Crane, Kibbe and other libertarians";
    # "other" says the names are libertarians too, so they are no place and its region
    assert sources("Crane, Kibbe and other libertarians knew some of this was coming.") == [
        ("Crane, Kibbe and other libertarians", "group")
    ]
    assert sources("Crane, Kibbe and others said it was coming.") == [
        ("Crane, Kibbe and others", "group")
    ]
    # A place and its region after a preposition, before a group with no "other", are
    # still no part of it
    assert sources("Police in Hull, Yorkshire and officials said the road was closed.") == [
        ("officials", "anonymous")
    ]


def test_an_opening_phrase_before_a_list_of_groups_leaves_the_rest_of_the_list() -> None:
    # As with names ("Instead, Matthews, …"): the opening phrase is no item, the groups
    # after it are still the whole list
    assert sources("At the hospital, doctors, nurses and patients said the ward was cold.") == [
        ("doctors, nurses and patients", "group")
    ]
    assert sources("In a statement, doctors, nurses and patients said the ward was cold.") == [
        ("doctors, nurses and patients", "group")
    ]
    assert sources("In Iowa, Cruz, Rubio and others said the race was close.") == [
        ("Cruz, Rubio and others", "group")
    ]
    # A group after a preposition opens no list: its clause began before it
    assert sources("Unlike Democrats, Republicans and independents said the plan failed.") == [
        ("Republicans and independents", "group")
    ]


def test_a_named_item_of_a_list_takes_no_noun_before_its_name() -> None:
    # PolNeAR train (breitbart, 2015-11-18): "the Syrian refugees President Obama, Hillary
    # Clinton, and other Democrats want to bring": the refugees are no item of the list
    text = (
        "If the Syrian refugees President Obama, Hillary Clinton, and other Democrats want to "
        "bring here pose such a risk, then so be it."
    )
    assert all("refugees" not in t for t, _ in sources(text))
    assert sources("President Obama, Hillary Clinton, and other Democrats said it.") == [
        ("President Obama, Hillary Clinton, and other Democrats", "group")
    ]


def test_a_list_after_that_or_what_opens_its_clause() -> None:
    # s32 rules2 (PolNeAR train): "that Tapper, Bash and Blitzer had mentioned" kept only
    # its last two names. "that" and "what" open a clause whose subject is the list.
    assert sources("He repeated the point that Tapper, Bash and Blitzer had mentioned.")[1:] == [
        ("Tapper, Bash and Blitzer", "person")
    ]
    assert sources("Look at what Smith, Jones and Brown said about the plan.") == [
        ("Smith, Jones and Brown", "person")
    ]
    assert sources("He said that doctors, nurses and patients told him the plan failed.")[1:] == [
        ("doctors, nurses and patients", "group")
    ]
    # after a preposition the list is no subject: "For Smith, Jones and Brown, …"
    assert sources("For Smith, Jones and Brown, the plan was a mistake, they said.") == [
        ("they", "pronoun")
    ]


def test_names_before_and_many_more_are_a_list_of_a_kind() -> None:
    # PolNeAR train (huff-post, 2015-12-22): "what John Leguizamo, Zoe Saldana, America
    # Ferrera, Gina Rodriguez and many more Latinos said" gave "Gina Rodriguez and many
    # more Latinos": "more" makes the names of the group's kind, as "other" does
    assert sources(
        "Take a look at what John Leguizamo, Zoe Saldana, Gina Rodriguez and many more Latinos "
        "said this year."
    ) == [("John Leguizamo, Zoe Saldana, Gina Rodriguez and many more Latinos", "group")]
    assert sources("Smith, Jones and more officials said the plan would fail.") == [
        ("Smith, Jones and more officials", "group")
    ]
