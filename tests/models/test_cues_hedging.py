"""The hedge rules of models/hedging.py, through the shipped cue finder: each rule with
sentences written for these tests, where it fires and where it must not."""

from __future__ import annotations

import pytest

from models.article import Span
from models.cues import VAGUE, WEASEL, default_finder


def hedge_spans(text: str) -> list[Span]:
    return [s for s in default_finder().find(text) if s.category == "hedge"]


def found(text: str) -> list[tuple[str, str | None, str]]:
    """(text, subcategory, term) of every hedge span in the sentence."""
    return [(s.text, s.subcategory, s.term) for s in hedge_spans(text)]


def check_offsets(text: str) -> None:
    for span in hedge_spans(text):
        assert text[span.start:span.end] == span.text


# ---------------------------------------------------------------------- "may" that estimates nothing


@pytest.mark.parametrize(
    "sentence",
    [
        # concession over every case
        "However hard it may seem, the council must cut the budget.",
        "As popular as the plan may be, it has no money behind it.",
        "Whatever the court may decide, the strike goes on.",
        "The party will back the winner, whoever that may be.",
        "Be that as it may, the minister kept her job.",
        "The team will play on Sunday, come what may.",
        # purpose
        "The road was closed so that the crews may clear the debris.",
        "Ballots were printed in six languages in order that everyone may vote.",
        # a wish
        "May he rest in peace.",
        "May God bless the victims and their families.",
    ],
)
def test_may_that_estimates_nothing_is_no_hedge(sentence: str) -> None:
    assert [t for t in found(sentence) if t[2] == "may"] == []


@pytest.mark.parametrize(
    "sentence",
    [
        "However hard it may seem, the council must cut the budget.",
        "As odd as it may seem, the bridge is safer now.",
    ],
)
def test_seem_in_a_concession_is_no_hedge(sentence: str) -> None:
    assert found(sentence) == []


def test_seem_after_epistemic_may_stays_a_hedge() -> None:
    assert [t[2] for t in found("The plan may seem odd to voters.")] == ["may", "seem"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The vote may be delayed until spring.",
        "As many as 40 people may have died in the fire.",  # "as many as" is a number
        "However the vote may still be delayed, officials said.",  # a sentence adverb
        "However, the vote may be delayed.",
        "Officials warned that the bridge may collapse.",  # "that" is no purpose clause
        "May be the best chance yet, the mayor said.",  # no subject after "May"
        "So that may be why the mill closed.",  # "that" is the subject, no purpose clause
        "The court upheld the order that may force the sale.",  # an order, no purpose
    ],
)
def test_epistemic_may_stays_a_hedge(sentence: str) -> None:
    spans = [s for s in hedge_spans(sentence) if s.term == "may"]
    assert len(spans) == 1
    assert spans[0].subcategory == "epistemic" and spans[0].text.lower() == "may"
    assert (spans[0].probability_low, spans[0].probability_high) == (0.40, 0.50)


# ---------------------------------------------------------------------- vague time


@pytest.mark.parametrize(
    "sentence",
    [
        "The plant has been closed for several years.",
        "He has visited the region many times.",
        "The talks lasted several hours.",
        "Repairs could take some weeks.",
    ],
)
def test_a_vague_amount_of_time_is_no_vague_quantity(sentence: str) -> None:
    assert [t for t in found(sentence) if t[1] == VAGUE] == []


def test_a_vague_amount_of_people_stays_a_vague_quantity() -> None:
    sentence = "Several nurses were hired after many complaints."
    assert [(t, sub) for t, sub, _ in found(sentence)] == [
        ("Several", VAGUE), ("many", VAGUE),
    ]


# ---------------------------------------------------------------------- hedged superlatives


@pytest.mark.parametrize(
    ("sentence", "span"),
    [
        ("It was one of the deadliest attacks in a decade.", "one of the deadliest"),
        ("The port is one of the busiest in Europe.", "one of the busiest"),
        ("She is one of the most senior women in the party.", "one of the most"),
        ("The bank is among the largest lenders in the state.", "among the largest"),
        ("It is one of the world's biggest oil fields.", "one of the world's biggest"),
        ("He was one of the best players of his generation.", "one of the best"),
        ("The album became one of his most popular records.", "one of his most"),
        ("Japan is one of our closest allies.", "one of our closest"),
        ("Venice was amongst the richest cities of its day.", "amongst the richest"),
    ],
)
def test_hedged_superlative_is_a_vague_hedge(sentence: str, span: str) -> None:
    assert (span, VAGUE) in [(t, sub) for t, sub, _ in found(sentence)]
    check_offsets(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "It was the deadliest attack in a decade.",  # a plain superlative: no hedge
        "It is one of the three largest banks in the state.",  # a ranking by count
        "One of the guests left early.",  # "guests" ends in -est but is a noun
        "The bill is one of the interest groups' priorities.",
        "Among the protesters were several nurses.",  # "protesters": no superlative
        "It is one of the Midwest states that voted twice.",  # a region, no superlative
        "It was one of his three biggest wins.",  # a ranking by count
        "Amongst the guests was the mayor.",
    ],
)
def test_no_hedged_superlative(sentence: str) -> None:
    assert not [t for t in found(sentence) if t[0].lower().startswith(("one of", "among"))]


# ---------------------------------------------------------------------- "certain" as a determiner


@pytest.mark.parametrize(
    ("sentence", "term"),
    [
        ("Certain officials were told to stay home.", "certain"),
        ("In certain cases the fine is doubled.", "certain"),
        ("The claim is true to a certain extent.", "certain"),
    ],
)
def test_certain_as_a_determiner_is_vague(sentence: str, term: str) -> None:
    assert [(t.lower(), sub) for t, sub, _ in found(sentence)] == [(term, VAGUE)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The minister is certain that the deal will pass.",
        "She was certain of victory.",
        "Nobody knows for certain who fired first.",
        "The company made certain the files were deleted.",
        "He felt certain the jury would acquit him.",
        "I'm certain he lied to the committee.",
        "The soldiers faced certain death in the pass.",
    ],
)
def test_certain_as_an_adjective_is_no_hedge(sentence: str) -> None:
    assert [t for t in found(sentence) if t[2] == "certain"] == []


def test_almost_certain_stays_one_epistemic_hedge() -> None:
    assert found("Rain is almost certain by noon.") == [
        ("almost certain", "epistemic", "almost certain")
    ]


# ---------------------------------------------------------------------- reputation without a holder


@pytest.mark.parametrize(
    ("sentence", "span"),
    [
        ("The well-known author spoke at the rally.", "well-known"),
        ("It is well known that the river floods in spring.", "well known"),
        ("The town is best known for its cheese.", "best known"),
        ("A renowned surgeon led the team.", "renowned"),
        ("The bridge is famous for its views.", "famous"),
        ("The critically acclaimed film opens on Friday.", "acclaimed"),
    ],
)
def test_a_reputation_without_a_holder_is_a_weasel(sentence: str, span: str) -> None:
    assert (span, WEASEL) in [(t, sub) for t, sub, _ in found(sentence)]
    check_offsets(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The film was acclaimed by the festival jury.",  # the holder is named
        "He is not as well known as his brother.",  # a comparison of two reputations
        "She plays well and knows the rules.",
    ],
)
def test_no_reputation_weasel(sentence: str) -> None:
    assert [t for t in found(sentence) if t[1] == WEASEL] == []


def test_well_known_stays_a_booster_too() -> None:
    spans = default_finder().find("It is well known that the river floods in spring.")
    assert [(s.text, s.category) for s in spans if s.category == "booster"] == [
        ("well known", "booster")
    ]


# ---------------------------------------------------------------------- vague subjects


@pytest.mark.parametrize(
    ("sentence", "span"),
    [
        ("Legal experts say the ruling is narrow.", "experts say"),
        ("Polish legal experts maintained that the law was broken.", "experts maintained"),
        ("Others, however, contend that the war was lost.", "Others, however, contend"),
    ],
)
def test_premodified_group_and_parenthetical_adverb(sentence: str, span: str) -> None:
    assert (span, WEASEL) in [(t, sub) for t, sub, _ in found(sentence)]
    check_offsets(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The experts said the bridge was safe.",  # definite: the article names them
        "Smith's critics argue that he lied.",  # named by the possessive
        "His critics say the plan is late.",
        "Others left, and the hall emptied.",  # no verb of saying or opinion
        "The museum opened, allowing people to see the archive.",  # a verb, no premodifier
    ],
)
def test_definite_or_named_groups_are_no_weasel(sentence: str) -> None:
    assert [t for t in found(sentence) if t[1] == WEASEL] == []


# ---------------------------------------------------------------------- unowned opinions


@pytest.mark.parametrize(
    ("sentence", "span"),
    [
        ("Conventional wisdom holds that turnout will fall.", "Conventional wisdom"),
        ("Contrary to popular belief, the tax is small.", "popular belief"),
        ("The common perception is that crime is rising.", "common perception"),
        ("Sources said the deal was close.", "Sources said"),
    ],
)
def test_unowned_opinions_and_bare_sources_are_weasels(sentence: str, span: str) -> None:
    assert (span, WEASEL) in [(t, sub) for t, sub, _ in found(sentence)]
    check_offsets(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Public opinion has shifted since the spring.",  # measured by polls, not presumed
        "The conventional forces crossed the border.",
        "A common market was agreed.",
        "Officials said the road was closed.",  # officials: a role the article can name
    ],
)
def test_no_unowned_opinion(sentence: str) -> None:
    assert [t for t in found(sentence) if t[1] == WEASEL] == []


# ---------------------------------------------------------------------- lexicon additions


@pytest.mark.parametrize(
    ("sentence", "span", "subcategory", "term"),
    [
        ("The early results indicate that turnout was low.", "indicate", "epistemic", "indicate"),
        ("The figures imply a sharp fall in sales.", "imply", "epistemic", "imply"),
        ("Police did not rule out the possibility of arson.", "possibility", "epistemic",
         "possibility"),
        ("It is unknown whether the ship was insured.", "It is unknown", "epistemic",
         "unknown"),
        ("Whether the ship was insured remains unknown.", "remains unknown", "epistemic",
         "unknown"),
        ("Little is known about the new commander.", "Little is known", "epistemic", "unknown"),
        ("Analysts speculate that the bank will merge.", "speculate", "evidential", "speculated"),
    ],
)
def test_new_lexicon_hedges(sentence: str, span: str, subcategory: str, term: str) -> None:
    assert (span, subcategory, term) in found(sentence)
    check_offsets(sentence)


def test_indicate_is_a_hedge_and_stays_an_attribution() -> None:
    # Evidence that indicates is the writer's inference; a person who indicates ("the
    # governor indicated he would sign") only reports, see test_cues_hedging_root.py.
    spans = default_finder().find("The early returns indicated he would win the seat.")
    assert [(s.text, s.category) for s in spans if s.category in ("hedge", "attribution")] == [
        ("indicated", "attribution"), ("indicated", "hedge"),
    ]


def test_indicate_with_a_clause_and_no_that_is_a_hedge() -> None:
    sentence = "Records indicate he has been a registered voter since 2003."
    assert ("indicate", "epistemic", "indicate") in found(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Values are indicated in the table below.",  # marking a place
        "Take two tablets, as indicated on the label.",
        "Unless otherwise indicated, all prices include tax.",
        "Red arrows indicate the route of the march.",  # pointing, with a noun phrase
        "Unknown gunmen attacked the convoy.",  # hides an identity, leaves no claim open
    ],
)
def test_literal_indicate_and_bare_unknown_are_no_hedge(sentence: str) -> None:
    assert found(sentence) == []


def test_no_possibility_is_a_negated_hedge() -> None:
    (span,) = hedge_spans("There is no possibility of a recount.")
    assert span.term == "possibility" and span.negated


# ---------------------------------------------------------------------- "likely voters": a poll's sample


@pytest.mark.parametrize(
    "sentence",
    [
        "Among likely voters in a four-way race, 46 percent would choose the governor.",
        "A poll of 800 likely Democratic caucusgoers put the senator ahead.",
        "Likely voters split evenly on the measure.",
        "The survey of likely general election voters has a margin of error of 3 points.",
    ],
)
def test_likely_voters_is_a_polls_sample_not_a_hedge(sentence: str) -> None:
    assert [t for t in found(sentence) if t[2] == "likely"] == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The plan is likely to anger voters.",  # "likely to": an estimate
        "It is likely voters will turn out in record numbers.",  # predicative
        "It's likely voters will stay home.",
        "The mayor, the likely nominee, spoke to voters.",  # no poll's sample follows
        "Most likely voters will never hear of it.",  # graded: an estimate
    ],
)
def test_likely_that_estimates_stays_a_hedge_near_voters(sentence: str) -> None:
    assert any(t[1] == "epistemic" and "likely" in t[0].lower() for t in found(sentence))
    check_offsets(sentence)


def _epistemic(text: str) -> list[str]:
    return [s.text for s in default_finder().find(text)
            if s.category == "hedge" and s.subcategory == "epistemic"]


@pytest.mark.parametrize(
    "sentence",
    [
        # audit22, audit25 (seed 004 S2): the modal holds what the idea holds possible
        "But any idea that the officials might resign is being countered by the Kremlin.",
        "The council rejected the notion that the bridge could be saved.",
        "Voters never bought the idea that the tax may pay for itself.",
    ],
)
def test_a_modal_in_an_entertained_idea_is_no_estimate(sentence: str) -> None:
    assert _epistemic(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "hedge"),
    [
        # an idea the writer endorses is the writer's hypothesis
        ("Our findings support the notion that the protein may bind DNA.", "may"),
        # "thought" the verb: no idea's noun phrase
        ("She thought that the bridge might close.", "might"),
        ("The bridge might close, the engineers fear.", "might"),
    ],
)
def test_an_endorsed_idea_or_a_belief_keeps_its_hedge(sentence: str, hedge: str) -> None:
    assert hedge in _epistemic(sentence)
