"""Session 8 hedging rules, second batch (models/cues.py):

* "considered" with no complement, before a full stop or a preposition of time, place or
  purpose, is weighing or taking into account ("the side effects were not considered in
  the trial", "three sites are being considered for the stadium"), not the raising passive
  of a view ("the bridge is considered unsafe", a weasel);
* the noun "claim(s)" after an attributive adjective or participle ("published claims",
  "the debunked claim that", "the Polish claims that") is the noun, never a hedge or a
  report verb; after a name or a noun ("Harding claims that", "the farmer claims") it is
  the verb, an evidential hedge.

Every sentence is written for these tests. One table, one test: the sentence with every
hedge span the finder must return, in order."""

from __future__ import annotations

from models.cues import default_finder

#: (sentence, [(span text, subcategory), ...]): every hedge span, in order.
CASES: list[tuple[str, list[tuple[str, str]]]] = [
    # weighing or taking into account: no view is credited to anyone
    ("The side effects were not considered in the first trial.", []),
    ("Three sites are being considered for the new stadium.", []),
    ("Late entries were not considered.", []),
    ("The appeal will be considered at the next meeting.", []),
    # the raising passive: a view held by no one named
    ("The bridge is considered unsafe.", [("considered", "weasel")]),
    ("The merger was considered “a major blow” to the town.", [("considered", "weasel")]),
    ("He is considered to be the finest potter of his generation.", [("considered", "weasel")]),
    ("The bridge was considered by the council.", []),
    # the noun "claim" after an adjective or participle
    ("Despite published claims to the contrary, the mill stayed open.", []),
    ("Her lawyer dismissed the debunked claim that she fled.", []),
    ("The ministry rejected the Polish claims that the border was closed.", []),
    ("The competing claims to the island have soured relations.", []),
    # the verb after a name or a noun
    ("Harding claims that the tower is haunted.", [("claims", "evidential")]),
    ("The farmer claims that the well was poisoned.", [("claims", "evidential")]),
]


def hedges(text: str) -> list[tuple[str, str]]:
    return [(s.text, s.subcategory) for s in default_finder().find(text) if s.category == "hedge"]


def test_deliberation_and_the_noun_claim() -> None:
    wrong = {sentence: found for sentence, expected in CASES if (found := hedges(sentence)) != expected}
    assert wrong == {}


def test_the_noun_claim_is_no_report_either() -> None:
    """The noun test is shared with the report verbs: "published claims" is no loaded
    attribution, "Harding claims" is one, with Harding as its person source."""
    finder = default_finder()
    published = finder.find("Despite published claims to the contrary, the mill stayed open.")
    assert "claims" not in [s.text for s in published if s.category == "attribution"]
    harding = finder.find("Harding claims that the tower is haunted.")
    assert [(s.text, s.subcategory) for s in harding if s.category == "attribution"] == [
        ("claims", "loaded")
    ]
    assert [(s.text, s.subcategory) for s in harding if s.category == "source"] == [
        ("Harding", "person")
    ]
