"""A byline with its date on one line ("By Sam Okafor  November 24, 2026  5:00 AM ET", as a
browser prints a news site's) is a byline and gives the date (ux28: it was read as a
standfirst, "the summary under the headline", and the article had no date)."""

from __future__ import annotations

import pytest

from models.article import Role
from models.readers.layout import WHY_BYLINE, detect_layout

BODY = ("\n\nThe shorter school week appears to have kept more students in class, a state "
        "study suggests, but researchers say it is too early to know.\n\nAttendance rose "
        "by about two percentage points in the districts that switched, officials said.")


@pytest.mark.parametrize("line", [
    "By Sam Okafor  November 24, 2026  5:00 AM ET",
    "By Sam Okafor November 24, 2026",
    "By Jo Roe, November 24, 2026",
    "By Jo Roe | Nov. 24, 2026 at 2:05 p.m.",
    "By Jo Roe · 24 November 2026",
    # two writers, then the date (review29: the date stood only after the first name)
    "By Jo Roe and Ann Lee, November 24, 2026",
    "By Jo Roe and Ann Lee  November 24, 2026  5:00 AM ET",
    "By Jo Roe, Ann Lee & Sam Okafor · 24 November 2026",
])
def test_a_byline_with_its_date(line: str) -> None:
    layout = detect_layout("Study: four-day weeks lift attendance\n\n" + line + BODY)
    block = layout.blocks[1]
    assert (block.role, block.reason) == (Role.METADATA, WHY_BYLINE)
    assert layout.date == "2026-11-24"


def test_a_sentence_by_a_date_is_still_body() -> None:
    text = "Study: four-day weeks\n\nBy November 24, 2026, every district will decide." + BODY
    layout = detect_layout(text)
    assert layout.blocks[1].role is not Role.METADATA


HEADLINE = "Council approves budget\n\n"
LEDE = "The council voted on Tuesday to approve the budget, officials said.\n\n"
REST = ("The mayor praised the vote and said the town would hire more teachers.\n\n"
        "Residents said they were pleased with the decision on the budget.")


def body_sentences(text: str) -> list[str]:
    from models.readers.documents import build_article

    article = build_article(text, article_id="a", source="a.txt", given={}, origin="manifest",
                            content_hash="", notes=[])
    return [s.text for s in article.body_sentences]


@pytest.mark.parametrize("where", ["top", "middle"])
def test_a_byline_with_the_outlet_and_a_time_is_a_byline(where: str) -> None:
    # Its date and time ("10:15 a.m." has a colon) defeated the pattern: a standfirst at
    # the top, a caption lower down, and the article had no date.
    line = "By Jo Roe | The Ledger | Nov 3, 2023 10:15 a.m. ET\n\n"
    text = HEADLINE + line + LEDE + REST if where == "top" else HEADLINE + LEDE + line + REST
    layout = detect_layout(text)
    [block] = [b for b in layout.blocks if text[b.start:b.end].startswith("By Jo Roe")]
    assert (block.role, block.reason) == (Role.METADATA, WHY_BYLINE)
    assert (layout.date, layout.outlet) == ("2023-11-03", "The Ledger")


@pytest.mark.parametrize(("line", "date"), [
    ("Updated 4:05 PM EDT", ""),
    ("Published 9:12 a.m. ET", ""),
    ("Updated 4:05 PM EDT, Fri November 3, 2023", "2023-11-03"),  # was a body sentence
])
@pytest.mark.parametrize("where", ["top", "middle"])
def test_a_time_stamp_is_metadata_not_the_story(line: str, date: str, where: str) -> None:
    text = (HEADLINE + line + "\n\n" + LEDE + REST if where == "top"
            else HEADLINE + LEDE + line + "\n\n" + REST)
    layout = detect_layout(text)
    [block] = [b for b in layout.blocks if text[b.start:b.end] == line]
    assert block.role is Role.METADATA
    assert layout.date == date
    assert not any(line in s for s in body_sentences(text))


@pytest.mark.parametrize("credits", [
    "\n\nReporting by Jo Roe in London; Additional reporting by Ann Lee; "
    "Editing by Sam Poe and Tim Cole",
    "\n\nReporting by Jo Roe, editing by Sam Poe",
    "\n\nReporting by Jo Roe",
    " Reporting by Jo Roe; Editing by Sam Poe",  # the last paragraph's last sentence
])
def test_an_agencys_credits_are_not_body_sentences(credits: str) -> None:
    # As body sentences they counted as a named source and an attribution.
    sentences = body_sentences(HEADLINE + LEDE + REST + credits)
    assert sentences[-1] == "Residents said they were pleased with the decision on the budget."
    assert not any("Jo Roe" in s for s in sentences)


@pytest.mark.parametrize("sentence", [
    "By Friday, the council will vote on the budget, officials said.",
    "By Friday the council will have voted on the budget.",
    "Reporting by the council's auditors found that the budget was short.",
])
def test_sentences_that_open_like_a_byline_or_credits_are_body(sentence: str) -> None:
    assert sentence in body_sentences(HEADLINE + sentence + "\n\n" + LEDE + REST)
    assert sentence in body_sentences(HEADLINE + LEDE + REST + " " + sentence)
