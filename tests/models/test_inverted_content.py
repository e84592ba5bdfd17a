"""Content before an inverted "…, the ministry said" is what the ministry said (audit22):
a report verb inside it is the source's words, as after "X said that …", and takes no
source of its own (models.attribution.inverted_content_end)."""

from __future__ import annotations

import pytest

from models.cues import default_finder


def cues(text: str) -> list[str]:
    return [s.text for s in default_finder().find(text) if s.category == "attribution"]


def sources(text: str) -> list[str]:
    return [s.text for s in default_finder().find(text) if s.category == "source"]


@pytest.mark.parametrize(("text", "cue", "source"), [
    # seed 004 S3 and S9
    ("Indeed, top executives who want to resign are likely to face charges, the Defense "
     "Ministry said.", "said", "the Defense Ministry"),
    ("Officials said they wanted to resign after the war started, four sources – including "
     "a former FSB officer – told a independent Russian media.", "told", "four sources"),
    ("The governor announced his resignation, the ministry said today.", "said", "the ministry"),
    ("Trump attacked Cruz, said Peskov.", "said", "Peskov"),
    ("Voters want change, he said.", "said", "he"),
    ("The governor announced his resignation, officials said in a statement.",
     "said in a statement", "officials"),
])
def test_a_report_before_an_inverted_attribution_is_content(
    text: str, cue: str, source: str
) -> None:
    assert cues(text) == [cue]
    assert source in sources(text)
    assert len([s for s in sources(text) if s != "a former FSB officer"]) == 1


@pytest.mark.parametrize(("text", "expected"), [
    # the later verb has content of its own: two attributions
    ("The governor announced his resignation, officials said he was tired.",
     ["announced", "said"]),
    ("The governor announced his resignation, officials said that he was tired.",
     ["announced", "said"]),
    # a relative clause on the subject: "told" takes a recipient, no inversion
    ("Smith, who said he would resign, told reporters he was tired.",
     ["said", "told reporters"]),
    # a quotation after the later verb is its content
    ("Some booed, and when Rubio thanked Miami, a man yelled “Stay there!”",
     ["thanked", "yelled"]),
    # a quotation after a colon is the content: the verb before the colon stays
    ("In her speech, Rhimes declared the need for drive: “Change the world,” she said.",
     ["declared", "said"]),
    # "asked about …" after a comma is a participle clause, no inverted "asked"
    ("“It has been years,” McCain said, asked about the delay in an interview.",
     ["said", "asked about"]),
    # a participle after a comma gives the earlier verb's grounds, it nests nothing
    ("“It is anger,” McCain said, citing low growth.", ["said", "citing"]),
    # no subject between the comma and the verb: "but also hungry for what she calls"
    ("Clinton says Americans are angry, but also hungry for what she calls “solutions.”",
     ["says", "calls"]),
])
def test_no_inversion_keeps_both(text: str, expected: list[str]) -> None:
    assert cues(text) == expected


@pytest.mark.parametrize(("text", "cue", "source"), [
    # audit25: seed 003 S0. "according" ends in -ing but is no participle
    ("The Kremlin has told senior officials that they are prohibited from resigning lest "
     "they face criminal prosecution, according to Newsweek.", "according to", "Newsweek"),
    ("The mayor told staff that the bridge would close, according to two aides.",
     "according to", "two aides"),
])
def test_a_report_before_a_closing_according_to_is_its_content(
    text: str, cue: str, source: str
) -> None:
    assert cues(text) == [cue]
    assert sources(text) == [source]


@pytest.mark.parametrize(("text", "kept"), [
    # "according to" vouches for its own clause, not a report before a relative clause
    ("His campaign manager, Jeff Weaver, says it is proof the senator can close the gap, "
     "which stood at 263 delegates, according to the Associated Press.", "says"),
    ("Mrs. Hart has praised the plan, and won 77 percent of the vote, according to exit "
     "polls.", "praised"),
    # a quotation's own speaker stays a source: the article quotes him
    ("“We will not fold,” Sanders said, according to CNN.", "said"),
])
def test_a_closing_according_to_keeps_its_clause_and_quotations_their_speaker(
    text: str, kept: str
) -> None:
    assert kept in cues(text)
