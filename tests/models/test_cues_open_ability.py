"""Session 7 hedging rules (models/hedging.py, models/cues.py, resources/lexicons):

* a predicative "unknown" ("the cause is unknown", "are still unknown") leaves a question
  open, as "remains unknown" did; not about an obscure person ("he was largely unknown")
  or with a knower or a place after it ("unknown to the police", "unknown outside Japan");
* "could" with a verb of perceiving or detecting ("could be seen for miles", "no binding
  could be detected") is ability, no hedge; "could be seen as" (a reading) and "could
  see" ("prices could see a rise") stay hedges;
* "reputedly" is hearsay, as "reportedly";
* "suggested" / "indicated" after a person's title from the source lexicon ("the harbour
  master suggested") is a report: attribution with a person source, no hedge.

Every sentence is written for these tests. One table per rule group, one test each: the
sentence with every hedge span the finder must return, in order."""

from __future__ import annotations

from models.cues import default_finder

#: (sentence, [(span text, subcategory, negated), ...]): every hedge span, in order.
CASES: list[tuple[str, list[tuple[str, str, bool]]]] = [
    # a question left open: "unknown" after a form of "be" or "remain"
    ("The cause of the fire is unknown.", [("is unknown", "epistemic", False)]),
    ("The reasons for the delay are still unknown.", [("are still unknown", "epistemic", False)]),
    ("The date of the first bridge was unknown until 1990.", [("was unknown", "epistemic", False)]),
    ("How the toxin enters the cell is currently unknown.", [("is currently unknown", "epistemic", False)]),
    ("The purpose of the tunnels remained unknown.", [("remained unknown", "epistemic", False)]),
    ("Its origins are largely unknown, but it seems old.",
     [("are largely unknown", "epistemic", False), ("seems", "epistemic", False)]),
    # obscurity, a knower, or bare "unknown" hiding an identity: no open question
    ("He was largely unknown outside Japan.", []),
    ("She was unknown before the election.", []),
    ("The painter is unknown to the critics.", []),
    ("Unknown gunmen fired on the convoy.", []),
    ("Little is known to date about the mill.", [("Little is known", "epistemic", False)]),
    # ability with verbs of perceiving or detecting
    ("The smoke could be seen from the coast.", []),
    ("No trace of the dye could be detected in the river.", []),
    ("Inside, we could hardly hear the band.", []),
    ("The bacteria could only be observed under a microscope.", []),
    ("The two calls could easily be distinguished.", []),
    # estimates stay hedges
    ("The deal could be seen as a betrayal.", [("could", "epistemic", False), ("seen as", "weasel", False)]),
    ("Farmers could see lower prices next year.", [("could", "epistemic", False)]),
    ("The leak could be the cause.", [("could", "epistemic", False)]),
    ("The signal could be a sign of damage, detected late.", [("could", "epistemic", False)]),
    # hearsay
    ("The ship reputedly carried gold.", [("reputedly", "evidential", False)]),
]

#: (sentence, the source span, whether "suggested" / "indicated" is also a hedge)
REPORTS: list[tuple[str, str, bool]] = [
    ("The harbour master suggested that the ferry leave early.", "The harbour master", False),
    ("The harbormaster indicated that the port would close.", "The harbormaster", False),
    ("The spokesman suggested a delay.", "The spokesman", False),
    ("The governor suggested that the bill was dead.", "The governor", False),
    ("The data suggest that the ferry left early.", "The data", True),
]


def hedges(text: str) -> list[tuple[str, str, bool]]:
    return [
        (s.text, s.subcategory, s.negated)
        for s in default_finder().find(text) if s.category == "hedge"
    ]


def test_open_questions_ability_and_hearsay() -> None:
    wrong = {sentence: found for sentence, expected in CASES if (found := hedges(sentence)) != expected}
    assert wrong == {}


def test_a_titled_person_suggesting_is_reported_not_hedged() -> None:
    wrong = {}
    for sentence, source, hedged in REPORTS:
        spans = default_finder().find(sentence)
        found = (
            [s.text for s in spans if s.category == "source"],
            [s.subcategory for s in spans if s.category == "attribution"],
            any(s.category == "hedge" for s in spans),
        )
        if found != ([source], ["neutral"], hedged):
            wrong[sentence] = found
    assert wrong == {}


def test_predicative_unknown_range_offsets_and_term() -> None:
    text = "Intro. The cause is still unknown."
    start = text.index("The")
    (span,) = [s for s in default_finder().find(text[start:], offset=start) if s.category == "hedge"]
    assert text[span.start:span.end] == "is still unknown"
    assert (span.term, span.subcategory, span.negated) == ("unknown", "epistemic", False)
    assert (span.probability_low, span.probability_high) == (0.45, 0.55)


def test_negated_predicative_unknown_is_not_a_second_phrase() -> None:
    # "is not known" is its own form; "not unknown" is litotes and is left alone
    assert hedges("The cause is not known.") == [("is not known", "epistemic", False)]
    assert hedges("Such storms are not unknown here.") == []
