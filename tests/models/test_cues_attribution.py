"""Attribution cues added for PolNeAR-style attribution: more report verbs, beliefs and
intentions, colons that hand the floor to a speaker, and pronoun sources. Sentences
written for these tests."""

from __future__ import annotations

import pytest

from models.cues import PRONOUN, default_finder
from models.features import NAMED_SOURCE_TYPES


def cues(text: str) -> list[str]:
    return [s.text for s in default_finder().find(text) if s.category == "attribution"]


def sources(text: str) -> list[tuple[str, str]]:
    return [(s.text, s.subcategory) for s in default_finder().find(text) if s.category == "source"]


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("The senator asked whether the vote would be delayed.", "asked"),
        ("The mayor called for a recount.", "called for"),
        ("Governor Smith called the plan reckless.", "called"),
        ("She urged voters to stay home.", "urged"),
        ("The union declined to comment on the strike.", "declined to comment"),
        ("The governor wants to raise the tax.", "wants"),
        ("Most economists believe the rate will fall.", "believe"),
        ("A new poll shows Jones ahead by four points.", "shows"),
        ("He criticized the ruling in a radio interview.", "criticized"),
        ("The minister stated that the border was open.", "stated"),
    ],
)
def test_report_verb_found(sentence: str, cue: str) -> None:
    assert cue in cues(sentence)


@pytest.mark.parametrize(
    ("sentence", "not_a_cue"),
    [
        ("A website called Plainview News ran the story.", "called"),  # naming
        ("The group pledged delegates to the senator.", "pledged"),  # adjective
        ("The Secretary of State arrived on Monday.", "State"),  # noun
        ("Three states voted on Tuesday.", "states"),  # noun
        ("The show ran for ten years.", "show"),  # noun
        ("They gave a strong showing in the north.", "showing"),  # noun
        ("'I really want to win,' the mayor said.", "want"),  # the speaker's own wish
        ("'We believe in this town,' she said.", "believe"),
        ("Shares declined on Monday.", "declined"),  # fell, not refused to speak
    ],
)
def test_false_friend_is_no_cue(sentence: str, not_a_cue: str) -> None:
    assert not_a_cue not in cues(sentence)


def test_colon_before_a_quote_is_a_cue_with_its_source() -> None:
    text = 'Mayor Jones: "We will rebuild the bridge."'
    spans = default_finder().find(text)
    colon = [s for s in spans if s.category == "attribution"]
    assert [(s.text, s.start, s.term) for s in colon] == [(":", 11, ":")]
    assert ("Mayor Jones", "person") in sources(text)


def test_colon_after_a_short_name_lead_is_a_cue() -> None:
    assert cues("Jones: Bridge Will Be Rebuilt by Spring") == [":"]


@pytest.mark.parametrize(
    "text",
    [
        "The Latest: Bridge Reopens After Storm",  # a label, not a speaker
        "The meeting starts at 10:30 in the hall.",  # a time
        'The mayor said: "We will rebuild."',  # the verb is the cue
        "There were three options: wait, rebuild or sell.",  # a list
    ],
)
def test_colon_that_hands_the_floor_to_no_one_is_no_cue(text: str) -> None:
    assert ":" not in cues(text)


@pytest.mark.parametrize(
    "text",
    [
        # A title's first half, opened by an article: no person's name takes one (PolNeAR
        # train, Breitbart: "The Ninth Circle: The Hellish View from Inside the Beltway").
        "The Ninth Circle: The Hellish View from Inside the Beltway, #2.",
        "A Look Back: Ten Years of the Bridge",
        # Labels of a question and its answer.
        "Question: What do you call a bridge without a river? Answer: A bridge.",
    ],
)
def test_a_title_or_label_before_a_colon_is_no_speaker_and_no_person(text: str) -> None:
    assert ":" not in cues(text)
    assert sources(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # A kicker in capitals over a headline (ux19's Sentinel), not a speaker or person.
        "POISONED: Castell plant clearly to blame for toxic Millbrook water",
        "FIX IS IN: Moderators Ignore the Bridge Scandal",
    ],
)
def test_a_kicker_in_capitals_before_a_colon_is_no_speaker_and_no_person(text: str) -> None:
    assert ":" not in cues(text)
    assert sources(text) == []


@pytest.mark.parametrize("text", ["CNN: Senate Will Vote on the Bridge Bill",
                                  "FBI: Bridge Fire Was Arson"])
def test_an_acronym_before_a_colon_still_hands_it_the_floor(text: str) -> None:
    assert cues(text) == [":"]


def test_a_lead_with_an_article_that_names_an_outlet_still_hands_it_the_floor() -> None:
    text = "The Hill: Senate Will Vote on the Bridge Bill"
    assert cues(text) == [":"]
    assert ("The Hill", "media") in sources(text)


@pytest.mark.parametrize(
    ("sentence", "pronoun"),
    [
        ("He said the bridge would reopen.", "He"),
        ("She has repeatedly argued that the tax is unfair.", "She"),
        ("They told reporters the vote was close.", "They"),
        ("Ms Lee left, after which they said nothing.", "they"),
    ],
)
def test_pronoun_subject_is_a_pronoun_source(sentence: str, pronoun: str) -> None:
    assert (pronoun, PRONOUN) in sources(sentence)


def test_relative_who_resolves_to_the_named_source_not_a_pronoun() -> None:
    # The span runs from the name to "who", the verb's grammatical subject (PolNeAR marks
    # "who"); the source is the named judge, not a pronoun.
    assert sources("The judge, who said the case was closed, left.") == [
        ("The judge, who", "person")
    ]
    (judge,) = [s for s in default_finder().find("The judge, who said the case was closed, left.")
                if s.category == "source"]
    assert judge.term == "judge"


def test_pronoun_sources_are_neither_named_nor_anonymous() -> None:
    assert PRONOUN not in NAMED_SOURCE_TYPES
    spans = default_finder().find("He said the bridge would reopen.")
    assert [s.subcategory for s in spans if s.category == "source"] == [PRONOUN]


def test_first_person_inside_a_quote_is_no_source() -> None:
    assert sources("'I said no,' the mayor recalled.") == [("the mayor", "person")]


def test_recipient_pronoun_is_no_source() -> None:
    # "told him": "him" is the addressee, and the subject is the named source.
    assert sources("The mayor told him the bridge was safe.") == [("The mayor", "person")]


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        # The NYT's house style puts a title before every name; after the verb the title's
        # period ended the phrase, and the source was the person "Mr".
        ("The plan is a misguided approach to taxes, said Mr. Burman, an economist.",
         "Burman"),
        ("The vote will be close, said Sen. Lindsey Graham on Sunday.", "Lindsey Graham"),
        ("The talks failed, said Dr. Jones.", "Jones"),
        # Before the verb the title was already left out of the name.
        ("Mr. Burman said the plan was a misguided approach to taxes.", "Burman"),
    ],
)
def test_a_title_before_a_name_is_not_the_source(sentence: str, source: str) -> None:
    found = sources(sentence)
    assert (source, "person") in found
    assert not any(text.rstrip(".") in ("Mr", "Sen", "Dr") for text, _ in found)


def terms(text: str) -> list[tuple[str, str]]:
    return [(s.term, s.subcategory) for s in default_finder().find(text) if s.category == "source"]


@pytest.mark.parametrize(
    ("sentence", "term"),
    [
        # NYT, PolNeAR: the title's period inside the phrase after "according to" cut it
        # to "a speech Mrs", a person named "Mrs" (found by ux11).
        ("It is meant to curb activist investors, according to a speech Mrs. Clinton "
         "delivered at New York University in July 2015.", "clinton"),
        ("The rule was dropped, according to a letter Sen. Lindsey Graham wrote to the "
         "agency.", "lindsey graham"),
        # A title opening the sentence or the clause was part of the term: "mr mckinley"
        # and "McKinley" were two sources.
        ("Mr. McKinley is bullish on savings plans and expects them to grow.", "mckinley"),
        ("Dr. Connie Mariano, who was a White House physician, maintains that the "
         "candidate is in good health.", "connie mariano"),
    ],
)
def test_a_title_inside_a_source_phrase_is_no_part_of_its_name(
    sentence: str, term: str
) -> None:
    found = terms(sentence)
    assert (term, "person") in found
    assert not any(t.split()[0] in ("mr", "mrs", "sen", "dr") for t, _ in found)


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        # A participle right after the head, then a preposition or a day, opens a reduced
        # relative clause that describes the head: the phrase ends at the head. Without
        # the rule the phrase was dropped and the clause's subject ("Turnout") taken.
        ("Turnout rose sharply, according to a survey conducted by the state university.",
         "a survey"),
        ("The bridge will close, said a memo circulating among city engineers.", "a memo"),
    ],
)
def test_a_reduced_relative_clause_ends_the_source_phrase(sentence: str, source: str) -> None:
    assert sources(sentence) == [(source, "document")]


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        # The object of "according to" is its source whatever its head: a text or count
        # the lexicon does not list is a document, an object pronoun a pronoun.
        ("Turnout fell in every county, according to early returns.",
         ("early returns", "document")),
        ("Half the town is registered, according to the county's voter rolls.",
         ("the county's voter rolls", "document")),
        ("The deal was signed in May, according to him.", ("him", PRONOUN)),
    ],
)
def test_the_object_of_according_to_is_its_source(
    sentence: str, source: tuple[str, str]
) -> None:
    assert sources(sentence) == [source]


def test_a_standard_after_according_to_is_no_source() -> None:
    # "in accordance with" a rule (models.hedging.is_according_to_a_standard): none cited
    assert sources("No one may campaign inside the polling station, according to state law.") == []


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        # The plural of a described person's noun is a group (models.attribution.
        # source_kind), and now also a head the noun-phrase reader takes as a subject.
        ("The nurses say the ward is full.", "The nurses"),
        ("His sons told the court he was innocent.", "His sons"),
    ],
)
def test_a_plural_of_a_described_person_is_a_group_source(sentence: str, source: str) -> None:
    assert sources(sentence) == [(source, "group")]


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        # A count or a share that opens its clause is the subject of the report verb, a
        # group (session 26b, rule A). The percent sign had ended the walk back from the
        # verb, and the noun phrase after it was taken ("the council").
        ("On the budget, 47% say the council should cut fares.", "47%"),
        ("Of the 60 members on the board, 43 said they would vote yes.", "43"),
        ("Since March, at least 12,000 said they would volunteer.", "12,000"),
        ("And three-fourths say the tram should run all night.", "three-fourths"),
        ("Three-fourths of members said the buses were late.", "Three-fourths of members"),
        ("About four out of 10 voters said the fares were too high.",
         "four out of 10 voters"),
        ("Nearly nine out of 10 say they ride every week.", "nine out of 10"),
        ("Those surveyed said the buses were late.", "Those surveyed"),
        ("Voters polled said the trains were crowded.", "Voters polled"),
        ("Thirty percent of those surveyed say the trains are clean.",
         "Thirty percent of those surveyed"),
    ],
)
def test_a_count_or_share_before_a_report_verb_is_a_group_source(
    sentence: str, source: str
) -> None:
    assert sources(sentence) == [(source, "group")]


@pytest.mark.parametrize(
    "sentence",
    [
        # a year after a preposition is no count; a sampling verb with a subject of its own
        # ("that the paper interviewed") is no participle of those asked
        "In 2016 said nothing new.",
        "Many of the chairs that the Herald interviewed predicted a win.",
    ],
)
def test_a_number_or_a_verb_inside_a_phrase_is_no_count_source(sentence: str) -> None:
    assert not any(kind == "group" and source[:1].isdigit() for source, kind in sources(sentence))
    assert not any(source.endswith("interviewed") for source, _ in sources(sentence))


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        # A speaker's head, then a prepositional phrase whose noun names no source, then
        # the verb: the whole phrase is the subject (session 26b, rule B). Without the
        # rule the reader stopped at "states", "district", "plan" and found nothing.
        ("Insiders in the next two states said the race was close.",
         ("Insiders in the next two states", "anonymous")),
        ("Teachers in the district say the timetable is flawed.",
         ("Teachers in the district", "group")),
        ("But critics of the plan say it costs too much.", ("critics of the plan", "anonymous")),
        ("The race is tight, strategists in both parties say.",
         ("strategists in both parties", "anonymous")),
    ],
)
def test_a_subject_before_a_prepositional_phrase_is_the_source(
    sentence: str, source: tuple[str, str]
) -> None:
    assert sources(sentence) == [source]


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        # "in YEAR" after the subject dates it, as "on Tuesday" does; it is no part of the
        # source's name (the lawsuit below, an object, stays no subject)
        ("Smith in 2019 said the plan would fail.", ("Smith", "person")),
        ("A report in 2019 found that the plan had failed.", ("A report", "document")),
        ("But the mayor in 1998 said the plan would fail.", ("the mayor", "person")),
    ],
)
def test_a_year_after_the_subject_is_no_part_of_the_source(
    sentence: str, source: tuple[str, str]
) -> None:
    assert sources(sentence) == [source]


@pytest.mark.parametrize(
    ("sentence", "wrong"),
    [
        # a phrase that does not open its clause is no subject: an object and its
        # infinitive, a phrase after a currency sign
        ("Smith thanked critics of the plan saying they worked hard.", "critics of the plan"),
        ("The city filed a $2 million lawsuit in 2019 alleging fraud.", "2 million lawsuit"),
    ],
)
def test_a_phrase_that_does_not_open_its_clause_is_no_subject(sentence: str, wrong: str) -> None:
    assert not any(wrong in source for source, _ in sources(sentence))


@pytest.mark.parametrize(
    ("sentence", "listed"),
    [
        # "including" after a source lists members who are sources too (session 26b, rule
        # C; audit25, seed 004 S9): each member's noun phrase, a participle after its head
        # left out
        ("The ban came after officials asked to resign, four sources – including a former "
         "FSB officer and a political strategist working with a governor – told a "
         "Russian outlet.",
         [("a political strategist", "anonymous")]),
        ("Several senators, including Jane Ortiz and two aides, said the bill would pass.",
         [("Jane Ortiz", "person"), ("two aides", "anonymous")]),
    ],
)
def test_sources_listed_after_including_are_sources(
    sentence: str, listed: list[tuple[str, str]]
) -> None:
    found = sources(sentence)
    for source in listed:
        assert source in found


def test_including_after_no_source_lists_none() -> None:
    # the list hangs on "the bill", which is no source
    found = sources("Senators said the bill, including the tax on fuel and the new levy, would pass.")
    assert not any("levy" in source or "tax" in source for source, _ in found)


def attributions(text: str) -> list[str]:
    return [s.text for s in default_finder().find(text) if s.category == "attribution"]


@pytest.mark.parametrize(
    ("sentence", "poll"),
    [
        # "In <a poll>," opening a clause attributes what follows to the poll: the cue is
        # "In", the source the poll (session 26b, rule D)
        ("In a new county poll, 52 percent of residents backed the tram.", "a new county poll"),
        ("In the latest Herald survey, conducted in May, the mayor led by ten points.",
         "the latest Herald survey"),
        ("In the polls, he leads by six.", "the polls"),
    ],
)
def test_in_a_poll_opening_a_clause_is_an_attribution(sentence: str, poll: str) -> None:
    assert "In" in attributions(sentence)
    assert (poll, "document") in sources(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # a standing in the polls, not a report of one
        "The mayor has slipped in the polls since May.",
        "She leads in national polls by a wide margin.",
        # no comma after the poll: no opening adverbial
        "In polls he trusts.",
    ],
)
def test_in_the_polls_inside_a_clause_is_no_attribution(sentence: str) -> None:
    assert not any(a.lower() == "in" for a in attributions(sentence))


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        # "more / less likely to say": the chain's subject is the source, not the group
        # word "more" (session 26b, rule E)
        ("Local voters are slightly more likely to say the fares are fair.", "Local voters"),
        ("Women are less likely to say they trust the council.", "Women"),
    ],
)
def test_more_likely_to_say_takes_the_chain_subject(sentence: str, source: str) -> None:
    found = sources(sentence)
    assert found and found[0][0] == source
    assert not any(text.lower() in ("more", "less") for text, _ in found)


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        # a quantifier, "of" and a pronoun is the subject, a group (session 26b, rule F);
        # before, "them" ended the reader and the cue had no source
        ("Until the depot closed, most of them said they liked the work.", "most of them"),
        ("Many of you have noted the change in the timetable.", "Many of you"),
        ("Two of them told the council the bridge was unsafe.", "Two of them"),
    ],
)
def test_a_quantifier_of_a_pronoun_is_a_group_source(sentence: str, source: str) -> None:
    assert sources(sentence)[0] == (source, "group")


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        # "one of" takes the kind of those it is one of (session 26b, rule G): before, the
        # head "One" typed as nothing and the cue had no source
        ("One of his aides said the mayor would run again.", ("One of his aides", "anonymous")),
        ("One of the companies said the strike would go on.",
         ("One of the companies", "institution")),
        ("One of the voters said the queue was too long.", ("One of the voters", "described")),
    ],
)
def test_one_of_a_kind_takes_that_kind(sentence: str, source: tuple[str, str]) -> None:
    assert sources(sentence)[0] == source
