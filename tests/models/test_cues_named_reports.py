"""Session 8 hedging rules (models/hedging.py ``named_report``, models/cues.py):

* "according to" is an evidential hedge whoever its source ("according to Mayor Jane
  Ortiz", "according to legend"), and an attribution cue with its source;
* "suggested" / "indicated" after a determined noun phrase typed as a person or an
  institution ("the head of the team suggested", "the ministry indicated") is a report,
  as "the governor suggested" already was; evidence ("the survey suggests", "…, suggesting
  that") and a thing a speaker reports ("the mayor said the data suggest") stay hedges;
* "according to" a standard or a rule, wherever it stands ("According to state law, …",
  "(…) according to the supplier's instructions"), means "in accordance with", and a
  doctrine ("according to pacifism") states a tenet: no hedge;
* "could be seen by" an audience ("could be seen by millions of viewers") is a possibility,
  not the ability of "could be seen for miles";
* "considered" with no complement, before a full stop or a preposition ("the side effects
  were not considered in the first trial", "three sites are being considered for the
  stadium") is weighing, not the raising passive of a view ("the bridge is considered
  unsafe", a weasel);
* a noun form after an attributive adjective or participle ("published claims", "the
  debunked claim that", "the Polish claims that") is the noun, neither hedge nor report
  verb; after a name or a noun ("Harding claims that", "the farmer claims") the verb.

Every sentence is written for these tests. One table, one test: the sentence with every
hedge span the finder must return, in order; a second table checks that the attribution
and its source stay when the hedge goes."""

from __future__ import annotations

from models.cues import default_finder

#: (sentence, [(span text, subcategory), ...]): every hedge span, in order.
CASES: list[tuple[str, list[tuple[str, str]]]] = [
    # named sources: distance through a source all the same, an evidential hedge
    ("The blaze started in the kitchen, according to Mayor Jane Ortiz.",
     [("according to", "evidential")]),
    ("According to the 2019 census, the village had 412 residents.",
     [("According to", "evidential")]),
    ("According to her lawyer, she was abroad at the time.", [("According to", "evidential")]),
    ("The ferry was late, according to a harbour report.", [("according to", "evidential")]),
    # a standard or a doctrine: "in accordance with", a tenet; no source, no hedge
    ("According to state law, polling places close at eight.", []),
    ("The samples were stored (at -80 C) according to the supplier's instructions.", []),
    ("According to pacifism, no war is just.", []),
    ("According to The Daily Courier, the mill will close.", [("According to", "evidential")]),
    # unnamed or vague sources: hearsay and weasels
    ("According to legend, the well never runs dry.", [("According to", "evidential")]),
    ("According to experts, the dam will hold.", [("According to", "evidential")]),
    ("According to one source, the minister will resign.", [("According to", "evidential")]),
    ("According to reports, the talks collapsed.", [("According to", "evidential")]),
    ("According to some historians, the castle was never finished.",
     [("According to", "evidential"), ("some historians", "weasel")]),
    ("According to unconfirmed reports, the talks collapsed.",
     [("According to", "evidential"), ("unconfirmed", "evidential")]),
    # a person or an institution that suggests or indicates: a report
    ("The head of the team suggested that the plan was flawed.", []),
    ("The chair of the committee indicated that the vote would be delayed.", []),
    # evidence that suggests: the writer's inference
    ("The survey suggests that most riders are happy.", [("suggests", "epistemic")]),
    ("The company website suggests that the firm makes paper.", [("suggests", "epistemic")]),
    ("Tests on the hull suggested that the crack was old.", [("suggested", "epistemic")]),
    ("The readings rose sharply, suggesting that the valve had failed.",
     [("suggesting", "epistemic")]),
    ("Evidence suggests that the crack was old.", [("suggests", "epistemic")]),
    ("The mayor said the data suggest a rise.", [("suggest", "epistemic")]),
    # "could be seen by" an audience is a possibility; "for miles" is ability
    ("The advert could be seen by millions of viewers.", [("could", "epistemic")]),
    ("It could be seen by many voters as a betrayal.",
     [("could", "epistemic"), ("by many", "weasel")]),
    ("The smoke could be seen for miles.", []),
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

#: (sentence, the attribution cue, its source span, the source's subcategory)
ATTRIBUTIONS: list[tuple[str, str, str, str]] = [
    ("The blaze started in the kitchen, according to Mayor Jane Ortiz.",
     "according to", "Mayor Jane Ortiz", "person"),
    ("According to the 2019 census, the village had 412 residents.",
     "According to", "the 2019 census", "document"),
    ("The head of the team suggested that the plan was flawed.",
     "suggested", "The head of the team", "person"),
]


def hedges(text: str) -> list[tuple[str, str]]:
    return [(s.text, s.subcategory) for s in default_finder().find(text) if s.category == "hedge"]


def test_named_reports_deliberation_and_nouns() -> None:
    wrong = {sentence: found for sentence, expected in CASES if (found := hedges(sentence)) != expected}
    assert wrong == {}


def test_the_report_keeps_its_attribution_and_source() -> None:
    wrong = {}
    for sentence, cue, source, kind in ATTRIBUTIONS:
        spans = default_finder().find(sentence)
        found = (
            [s.text for s in spans if s.category == "attribution"],
            [(s.text, s.subcategory) for s in spans if s.category == "source"],
        )
        if found != ([cue], [(source, kind)]):
            wrong[sentence] = found
    assert wrong == {}


def test_a_named_report_drops_only_its_own_hedge() -> None:
    """The hedge that goes is the report's; the sentence's other hedges stay, with their
    offsets."""
    sentence = (
        "The head of the team suggested the bridge may reopen in May, "
        "but according to rumours it will stay shut."
    )
    spans = [s for s in default_finder().find(sentence) if s.category == "hedge"]
    assert [(s.text, s.term) for s in spans] == [("may", "may"), ("according to", "according to")]
    assert [sentence[s.start : s.end] for s in spans] == [s.text for s in spans]
    assert spans[1].start == sentence.index("according to rumours")


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
