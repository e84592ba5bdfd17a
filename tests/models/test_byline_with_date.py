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
