"""The name that opens a sentence says the verb coordinated with its own after "and" or
"but" also when an apposition set off by commas follows it: "Gary Emineth, a former
state party chairman, became a delegate and said he is leaning toward supporting Trump"
(PolNeAR train, gold Source "Gary Emineth, a former state party chairman,"). The
apposition opens with an article or a possessive, and a verb follows its closing comma.
Sentences written for these tests in the manner of the PolNeAR one."""

from __future__ import annotations

import pytest

from models.cues import default_finder


def sources(text: str) -> list[str]:
    return [s.text for s in default_finder().find(text) if s.category == "source"]


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("Ann Lowe, a retired county clerk, became a delegate and said she backs Cruz.",
         "Ann Lowe"),
        ("Ann Lowe, the party's treasurer, resigned in March but said she backs Cruz.",
         "Ann Lowe"),
        ("Ann Lowe, his longtime friend, stood at the rally and said she backs Cruz.",
         "Ann Lowe"),
    ],
)
def test_the_name_before_an_apposition_says_the_coordinated_verb(
    sentence: str, source: str
) -> None:
    assert sources(sentence) == [source]


def test_a_list_is_no_apposition() -> None:
    # "Ann Lowe, the clerk, and her husband": three items or two, but no verb after
    # the second comma, so the name alone is not taken
    found = sources("Ann Lowe, the clerk, and her husband went home and said nothing.")
    assert "Ann Lowe" not in found
