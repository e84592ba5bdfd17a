"""Modals and possibility words that estimate nothing (models/hedging.py), through the
shipped cue finder: root "may" (what can be done with a kind, and permission: "guests may
bring a friend", "no one may enter"), "possibility" as an option,
evident "apparent", "indicate" said by a person, "possible" negated or of an extent; and the lexicon's "not clear" and
"cannot be ruled out". Every sentence is written for these tests."""

from __future__ import annotations

import pytest

from models.article import Span
from models.cues import count_by, default_finder
from models.features import estimative_probability_mean


def hedge_spans(text: str) -> list[Span]:
    return [s for s in default_finder().find(text) if s.category == "hedge"]


def terms(text: str) -> list[str]:
    return [s.term for s in hedge_spans(text)]


# ---------------------------------------------------------------------- root "may"


@pytest.mark.parametrize(
    "sentence",
    [
        # what can be done with a kind: procedure and use
        "A pinch of salt may be added to the dough before it rests.",
        "Brass fittings may also be used where the pipes carry hot water.",
        "Tickets may be purchased at the door or online.",
        "The filter may easily be removed and replaced without tools.",
        # naming and classing
        "In the north these pastries may be called crullers.",
        "Such vessels may be classified as frigates or corvettes.",
        # what a word or a kind can denote or contain
        "The word may refer to a boat or to its crew.",
        "A first-aid kit may include bandages, scissors and a whistle.",
        "Chocolate bars may contain traces of nuts.",
        "In Britain, a Sunday roast may include Yorkshire puddings.",
        "Symptoms may often include fever and a dry cough.",
        # permission: a person the rule addresses, an agentive verb
        "Under the club's rules, guests may bring one friend each.",
        "A player may pass the ball back to the goalkeeper only once.",
        "Any resident may speak at the council meeting.",
        "Each team may name three substitutes.",
        "No one may enter the quarry after dark.",
        "No vehicle may park on the bridge.",
        "Members may not bring dogs into the reading room.",
        "One may borrow up to six books at a time.",
    ],
)
def test_root_may_is_no_hedge(sentence: str) -> None:
    assert "may" not in terms(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # one-off events: an estimate of what will happen
        "Elections may be held in June.",
        "A decision may be made next week.",
        "A successor may be chosen before the summer.",
        # a named agent: an event, estimated
        "The funds may be used by the militia to buy weapons.",
        # a hypothesis under an inference verb
        "The data suggest that the compound may be used to block the enzyme.",
        # a situation as the subject of "include": what it will involve
        "This may include sanctions on the central bank.",
        # what a particular thing contains (a proper name in its subject), or what a
        # report or a finding says it contains: an estimate
        "State regulators say drinking water in Millbrook may contain an industrial chemical.",
        "The water in the Pine River may contain traces of the solvent.",
        "The Clinton Foundation's donor list may include foreign governments.",
        "Tests found the wells may contain lead.",
        # other verbs stay hedges
        "The toll may rise as rescuers reach the valley.",
        "The vote may be delayed until spring.",
        "The strike may have cost the airline millions.",
        "This may mean the end of the ceasefire.",
        # people, but no permission: a particular group, a state or feeling, an inference
        "Voters may punish the party in the spring election.",
        "The players may strike if the talks fail.",
        "A judge may reject the appeal next week.",
        "A voter may feel misled by the leaflet.",
        "Nobody may remember the old name by then.",
        "Players may be tired after the long flight.",
        "One may argue that the mill saved the town.",
        "The survey suggests that users may switch to rival apps.",
    ],
)
def test_epistemic_may_stays_a_hedge(sentence: str) -> None:
    (span,) = [s for s in hedge_spans(sentence) if s.term == "may"]
    assert span.subcategory == "epistemic" and span.text == "may"
    assert (span.probability_low, span.probability_high) == (0.40, 0.50)
    assert sentence[span.start:span.end] == "may"


def test_root_may_leaves_other_hedges_alone() -> None:
    sentence = "Critics say the term may refer to almost anything."
    assert terms(sentence) == ["critics say"]


# ---------------------------------------------------------------------- possibility as an option


@pytest.mark.parametrize(
    "sentence",
    [
        "The possibility of resigning, the one the president fears, worries the ministry.",
        "Officers were denied the possibility to leave the service.",
        "Many renters have no possibility of buying a home.",
    ],
)
def test_possibility_as_an_option_is_no_hedge(sentence: str) -> None:
    assert "possibility" not in terms(sentence)


@pytest.mark.parametrize(
    ("sentence", "negated"),
    [
        ("Police did not rule out the possibility of arson.", False),
        ("Investigators raised the possibility that the pilot was ill.", False),
        ("The panel examined the possibility of reopening the mine.", False),  # weighed
        ("The possibility of a bombing was never considered.", False),  # an event
        ("There is no possibility of a recount.", True),
    ],
)
def test_possibility_as_an_estimate_stays_a_hedge(sentence: str, negated: bool) -> None:
    (span,) = [s for s in hedge_spans(sentence) if s.term == "possibility"]
    assert span.text == "possibility" and span.subcategory == "epistemic"
    assert span.negated is negated


# ---------------------------------------------------------------------- evident "apparent"


@pytest.mark.parametrize(
    "sentence",
    [
        "It soon became apparent that the dam would not hold.",
        "The damage was apparent from the air.",
        "It is apparent that the count was wrong.",
        "Her son, the heir apparent, runs the company.",
        "The flaws were all too apparent.",
    ],
)
def test_evident_apparent_is_no_hedge(sentence: str) -> None:
    assert "apparently" not in terms(sentence)


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("Police are treating his apparent suicide as suspicious.", "apparent"),
        ("The apparent winner declined to comment.", "apparent"),
        ("The minister apparently knew of the plan.", "apparently"),
    ],
)
def test_seeming_apparent_stays_a_hedge(sentence: str, text: str) -> None:
    (span,) = [s for s in hedge_spans(sentence) if s.term == "apparently"]
    assert span.text == text and span.subcategory == "epistemic"


# ---------------------------------------------------------------------- "indicate" said by a person


@pytest.mark.parametrize(
    "sentence",
    [
        "The governor indicated he would sign the bill.",
        "She has indicated that she will run again.",
        "Earlier, Trump indicated that a major speech was coming.",
        "Senator Maria Lopez indicated she would vote no.",
    ],
)
def test_a_person_indicating_is_a_report_not_a_hedge(sentence: str) -> None:
    spans = default_finder().find(sentence)
    assert [s.term for s in spans if s.category == "hedge"] == []
    assert [s.term for s in spans if s.category == "attribution"] == ["indicate"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Exit polls in Ohio and Iowa indicated that turnout was high.",  # not "Iowa indicated"
        "The attack on Smith indicates that the party is nervous.",  # "Smith" is an object
        "Polls indicate that the race is tied.",
        "Records indicate he was registered in 2003.",
        "Evidence indicates that the fire was set.",  # a capital at the start is no name
        "Data indicate that turnout fell.",
    ],
)
def test_evidence_indicating_stays_a_hedge(sentence: str) -> None:
    (span,) = [s for s in hedge_spans(sentence) if s.term == "indicate"]
    assert span.subcategory == "epistemic" and span.text.startswith("indicat")


# ---------------------------------------------------------------------- "not clear", "cannot be ruled out"


@pytest.mark.parametrize(
    ("sentence", "text", "term"),
    [
        ("It is not clear whether the ship was insured.", "not clear", "unclear"),
        ("The cause of the fire is not yet clear.", "not yet clear", "unclear"),
        ("A second attacker cannot be ruled out.", "cannot be ruled out", "cannot rule out"),
        ("We cannot exclude a leak in the cooling system.", "cannot exclude", "cannot rule out"),
        ("Police could not rule out foul play.", "could not rule out", "cannot rule out"),
    ],
)
def test_open_questions_are_epistemic_hedges(sentence: str, text: str, term: str) -> None:
    (span,) = hedge_spans(sentence)
    assert (span.text, span.term, span.subcategory) == (text, term, "epistemic")
    assert not span.negated
    assert (span.probability_low, span.probability_high) in ((0.45, 0.55), (0.40, 0.50))
    assert sentence[span.start:span.end] == text


@pytest.mark.parametrize(
    "sentence",
    [
        "Clinton says she won't rule out a female running mate.",  # an option kept open
        "The senator did not rule out a run for governor.",
        "It is clear that the ship was insured.",
    ],
)
def test_options_kept_open_and_plain_clear_are_no_hedge(sentence: str) -> None:
    assert hedge_spans(sentence) == []


# ---------------------------------------------------------------------- approximators


@pytest.mark.parametrize(
    ("sentence", "text", "term"),
    [
        ("Russia has lost an estimated 197,000 troops.", "an estimated", "estimated"),
        ("The bridge is approximately 300 metres long.", "approximately", "approximately"),
        ("Roughly half of the voters stayed home.", "Roughly", "approximately"),
    ],
)
def test_approximators_are_spans_of_their_own_and_no_epistemic_hedge(
    sentence: str, text: str, term: str
) -> None:
    (span,) = hedge_spans(sentence)
    assert (span.text, span.term, span.subcategory) == (text, term, "approximator")
    assert (span.probability_low, span.probability_high) == (None, None)
    assert sentence[span.start:span.end] == text
    spans = default_finder().find(sentence)
    assert count_by(spans, "hedge", "epistemic") == 0
    assert estimative_probability_mean(spans) is None


# ---------------------------------------------------------------------- existential "may"


@pytest.mark.parametrize(
    "sentence",
    [
        "Patients with the disease may often show no symptoms.",
        "Typically the pipes may be lined with copper.",
        "Prices at the market may sometimes double in winter.",
    ],
)
def test_may_quantified_by_a_frequency_adverb_is_no_hedge(sentence: str) -> None:
    assert "may" not in terms(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "He often says things that may offend voters.",  # the adverb is in another clause
        "Studies suggest that the drug may often be misused.",  # a hypothesis
        "The talks may collapse, officials often warn.",
    ],
)
def test_may_with_a_frequency_adverb_elsewhere_stays_a_hedge(sentence: str) -> None:
    assert "may" in terms(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # a case adverbial that opens the sentence quantifies over cases: "sometimes"
        "In severe cases, the stems and the leaves may rot.",
        "But in rare instances, the valve may stick open.",
        "At times, patients may be unaware of the fit.",
        "On occasion, the ferry may leave without its mail.",
        # next to the modal, in its own clause
        "Left untreated, the rash may in some cases spread to the hands.",
        "The glaze may, in a few cases, crack in frost.",
        "From time to time the pumps may fail in the heat.",
    ],
)
def test_may_quantified_by_a_case_adverbial_is_no_hedge(sentence: str) -> None:
    assert "may" not in terms(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "In this case, the jury may acquit him.",  # one case: an estimate
        "In some cases, the virus may have spread before the tests.",  # the perfect looks back
        "Studies suggest that in some cases the drug may be misused.",  # a hypothesis
        "In some cases the fee was waived, and the council may now drop it.",  # too far off
    ],
)
def test_may_with_a_single_case_a_perfect_or_a_far_adverbial_stays_a_hedge(
    sentence: str,
) -> None:
    assert "may" in terms(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The engine reached its maximum possible speed.",
        "Keep the minimum possible distance between the posts.",
        "The crew will repair the pier to the extent possible.",
        # free choice over what can be
        "The council will consider any possible route for the bypass.",
        # impossibility is certain, as "could not" is
        "The festival would not be possible without its volunteers.",
        "A recount is no longer possible.",
        "No fair comparison between the two mills is possible.",
    ],
)
def test_possible_of_an_extent_a_free_choice_or_negated_is_no_hedge(sentence: str) -> None:
    assert "possible" not in terms(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Is it not possible that the fire was set?",  # a question: the doubt is raised
        "Nobody denied that a recount is possible.",  # "no" opens another clause
        "Showers are possible after midnight.",
    ],
)
def test_possible_that_is_not_negated_stays_a_hedge(sentence: str) -> None:
    assert "possible" in terms(sentence)
