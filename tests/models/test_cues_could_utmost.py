""""could" that estimates nothing (models/hedging.py ``is_non_epistemic_could``, through the
shipped cue finder): a purpose clause, a comparison with the utmost someone could do, a
free relative over that utmost, and a wish. The possibility "could" around them stays a
hedge. Every sentence is written for these tests."""

from __future__ import annotations

from models.cues import default_finder

#: (sentence, [(span text, subcategory), ...]): every hedge span, in order.
CASES: list[tuple[str, list[tuple[str, str]]]] = [
    # purpose: the clause states an aim
    ("The council widened the bridge so that two buses could pass.", []),
    ("Ferries ran all night in order that the fans could get home.", []),
    # the utmost, compared
    ("The crew pumped water out of the hold as fast as they could.", []),
    ("Residents left the valley as soon as they could.", []),
    ("The mayor said the talks went as well as she could have hoped.", []),
    ("The coal was piled about as high as it could go.", []),
    # the utmost, as a free relative
    ("Volunteers did everything they could to save the mill.", []),
    ("All he could do was wait for the rain to stop.", []),
    ("The best that the lawyers could offer was a delay.", []),
    ("The union did all it could, and the plant still closed.", []),
    # a wish
    ("The farmer wishes he could sell the land to the town.", []),
    # (its hypothetical "would" is a hedge of its own: models/hedging.py, session 17)
    ("If only the ferry could run in winter, the island would thrive.", [("would", "epistemic")]),
    # possibility: stays a hedge
    ("The strike could spread to other ports next week.", [("could", "epistemic")]),
    ("As many as 40 jobs could go when the plant closes.", [("could", "epistemic")]),
    ("As far as we could tell, nobody was hurt.", [("could", "epistemic")]),
    ("Anything that could go wrong with the launch did.", [("could", "epistemic")]),
    ("There was a standing order that could have saved the ship.", [("could", "epistemic")]),
    ("All the workers could lose their pensions.", [("could", "epistemic")]),
    ("So that could mean higher fares.", [("could", "epistemic")]),
]


def test_could_of_purpose_utmost_or_wish_is_no_hedge() -> None:
    finder = default_finder()
    for sentence, expected in CASES:
        got = [(s.text, s.subcategory) for s in finder.find(sentence) if s.category == "hedge"]
        assert got == expected, sentence
