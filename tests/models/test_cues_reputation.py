"""Session 6 hedging rules (models/hedging.py, models/cues.py): a superlative of other
people's judgement with no one named ("the most popular", "his most notable work") is a
weasel; a round figure given as approximate ("several hundred", "many thousands") is
no vague amount; "no apparent effect" (nothing to be seen) is no hedge; "points" the noun
is no verb of saying; "condemn, denounce, dismiss, interpret" are verbs of opinion; "hard to
say", "open to debate" leave a question open; "this possibility" points back to a
hypothesis and makes no new estimate. Every sentence is written for these tests.

One table, one test: each sentence with every weasel and vague span the finder must
return, in order, so a span gained or lost anywhere in the sentence fails the test."""

from __future__ import annotations

from models.article import Span
from models.cues import VAGUE, WEASEL, default_finder

#: (sentence, [(span text, subcategory), ...]): the weasel and vague hedges, in order.
CASES: list[tuple[str, list[tuple[str, str]]]] = [
    # a ranking by popularity, note, influence or esteem that names no one who ranks
    ("The most popular dish on the island is grilled squid.", [("most popular", WEASEL)]),
    ("Her most notable work is a mural in the old station.", [("most notable", WEASEL)]),
    ("He was the most influential critic of his day.", [("most influential", WEASEL)]),
    ("The country's most respected judge retired in May.", [("most respected", WEASEL)]),
    ("It became the town's most celebrated festival.", [("most celebrated", WEASEL)]),
    # a hedged superlative stays one vague span: "one of the most" covers "most"
    ("It is one of the most popular beaches in Wales.", [("one of the most", VAGUE)]),
    # the holders are named, or the ranking is somebody's count
    ("She was the officer most admired by her crew.", []),
    ("A magazine put him on its list of the 50 most influential chefs.", []),
    # a comparative, "most notably" (an adverb: "especially"), a measurable or the
    # writer's own superlative: no reputation claimed
    ("The plan became more popular after the flood.", []),
    ("Several rivers flooded, most notably the Severn.", [("Several", VAGUE)]),
    ("It is the most important bridge and the largest dam in the region.", []),
    # a round figure given as approximate is no vague amount ...
    ("The walls are several hundred years old.", []),
    ("Many thousands of people lined the route.", []),
    ("Some dozen boats were lost in the storm.", []),
    ("The cable runs for several million metres.", []),
    # ... but the vague amount of countable things stays
    ("Several villages were cut off and many roads closed.", [("Several", VAGUE), ("many", VAGUE)]),
    # a vague group credited with no claim is a vague quantity (session 21)
    ("Several hundred fans and many critics attended.", [("many critics", VAGUE)]),
    ("Several thousand residents said they would leave; some said they would stay.",
     [("some said", WEASEL)]),
    # "point" is a verb of saying or blaming only with "out", "to", "the finger"
    ("Teams try to score as many points as they can.", []),
    ("Several polls show the mayor within two points.", [("Several polls", WEASEL)]),
    ("Critics point the finger at the banks.", [("Critics point", WEASEL)]),
    ("As some analysts pointed out, the levy failed.", [("some analysts pointed", WEASEL)]),
    # verbs of judging or reading a view into something, after an unnamed group
    ("Some conservatives denounced the ruling.", [("Some conservatives denounced", WEASEL)]),
    ("Critics dismissed the report as spin.", [("Critics dismissed", WEASEL)]),
    ("Some interpret the vote as a protest.", [("Some interpret", WEASEL)]),
    ("Many condemned the strike.", [("Many condemned", WEASEL)]),
]


#: (sentence, the epistemic hedge terms, negated or not): "apparent" after "no" / "without"
#: reports that nothing was seen; attributive "apparent" elsewhere stays an inference.
#: Open questions and pointers to a stated possibility.
APPARENT_CASES: list[tuple[str, list[tuple[str, bool]]]] = [
    ("The drug had no apparent effect on the tumours.", []),
    ("The wall fell without apparent warning.", []),
    ("She left for no apparent reason.", []),
    ("The bridge failed without any apparent cause.", []),
    ("The apparent cause was a cracked weld.", [("apparently", False)]),
    ("It was not an apparent suicide.", [("apparently", True)]),
    ("No one knows why, but the effect may be apparent soon.",
     [("don't know", False), ("may", False)]),  # "no one knows why": an open question
    # the answer or the claim left open
    ("It is hard to say whether the truce will hold.", [("unclear", False)]),
    ("Voters have no way of knowing what he earns.", [("unclear", False)]),
    ("The effects are difficult to predict.", [("unclear", False)]),
    ("Whether it worked is open to debate.", [("unclear", False)]),
    ("The date of the map is a matter of dispute.", [("unclear", False)]),
    ("The claim is debatable.", [("unclear", False)]),
    ("It is not hard to say why it failed.", [("unclear", True)]),
    # a possibility named afresh is a hedge; "this possibility" points back to one
    ("One possibility is that the pump failed.", [("possibility", False)]),
    ("There is a possibility that the pump failed.", [("possibility", False)]),
    ("To test this possibility, the pump was replaced.", []),
    ("The data cannot tell these two possibilities apart.", []),
    ("We return to that latter possibility below.", []),
]


def reported(text: str) -> list[Span]:
    return [
        s for s in default_finder().find(text)
        if s.category == "hedge" and s.subcategory in (WEASEL, VAGUE)
    ]


def reported_at(text: str, offset: int) -> list[Span]:
    return [
        s for s in default_finder().find(text, offset=offset)
        if s.category == "hedge" and s.subcategory == WEASEL
    ]


def test_reputation_superlatives_and_round_figures() -> None:
    wrong = {
        sentence: found
        for sentence, expected in CASES
        if (found := [(s.text, s.subcategory) for s in reported(sentence)]) != expected
    }
    assert wrong == {}


def test_reputation_superlative_span_offsets_term_and_no_negation() -> None:
    text = "Critics aside, it was his most beloved song."
    (span,) = reported(text)
    assert text[span.start:span.end] == "most beloved"
    assert (span.term, span.subcategory, span.negated) == ("most beloved", WEASEL, False)
    assert span.probability_low is None and span.probability_high is None


def test_reputation_superlative_with_offset_keeps_absolute_positions() -> None:
    text = "Intro. The most revered poet of the valley died."
    start = text.index("The")
    (span,) = reported_at(text[start:], start)
    assert text[span.start:span.end] == "most revered"


def test_epistemic_apparent_open_questions_and_pointed_possibilities() -> None:
    wrong = {}
    for sentence, expected in APPARENT_CASES:
        found = [
            (s.term, s.negated) for s in default_finder().find(sentence)
            if s.category == "hedge" and s.subcategory == "epistemic"
        ]
        if found != expected:
            wrong[sentence] = found
    assert wrong == {}
