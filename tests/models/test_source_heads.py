"""Common nouns that name speakers and that the finder read as no source at all: "The
family said it was shocked." had no source, because "family" ends as adverbs do and was
passed over like "reportedly". Sentences written for these tests in the manner of news
reports."""

from __future__ import annotations

from models.cues import default_finder


def sources(text: str) -> list[tuple[str, str]]:
    return [(s.text, s.subcategory) for s in default_finder().find(text) if s.category == "source"]


def test_the_family_is_a_group_source() -> None:
    assert sources("The family said it was shocked.") == [("The family", "group")]
    assert sources("His family told reporters the verdict was unjust.") == [
        ("His family", "group")
    ]


def test_a_named_family_is_the_whole_phrase() -> None:
    assert sources("The Smith family said it would appeal.") == [("The Smith family", "group")]


def test_a_list_that_opens_with_the_family_is_the_whole_list() -> None:
    # PolNeAR dev marks this list whole as the Source; before, only its last two items
    # were kept. The list's type is its last item's, as for every list.
    assert sources(
        "The family, protesters and civic leaders said the shooting must be investigated."
    ) == [("The family, protesters and civic leaders", "anonymous")]


def test_adverbs_ending_in_ly_still_open_no_source() -> None:
    assert sources("Separately, officials said the road was closed.") == [
        ("officials", "anonymous")
    ]
    assert sources("Officials reportedly said the road was closed.") == [
        ("Officials", "anonymous")
    ]
