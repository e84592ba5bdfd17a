"""Where a given name may stand before a surname: models.sources._surname_places finds
every occurrence of the surname after white space, in order, whether the surname opens
with a capital A-Z (looked up among the capitalised words) or not (among every word)."""

from __future__ import annotations

import re

import models.sources as sources

TEXT = (
    "Donald Trump met Trumpism's critics.\tTrump said\nTrump's aide, Trump-like, "
    "and\u00a0Trump again; (Trump) Tr Tru Trumps x Trump\u2028Trump.\n"
    "The van der Berg family and van Berg; \u0141ukasz \u0141uk and \u0141ukasz ok; "
    "\u00c9mile \u00c9mi; obrien O'Brien O'Brien's 'Obr Ob"
)
SURNAMES = ["Trump", "Tru", "Trumps", "van", "Berg", "\u0141ukasz", "\u00c9mile",
            "O'Brien", "obrien", "Obr", "Ob", "Lala", "Trump's"]


def _after_white_space(surname: str, text: str) -> list[int]:
    return [m.start() for m in re.finditer(r"(?<=\s)" + re.escape(surname), text)]


def test_places_are_every_occurrence_after_white_space() -> None:
    for surname in SURNAMES:
        if len(surname) < 3 or any(
                surname.endswith(surname[:k]) for k in range(1, len(surname))):
            continue  # the other branch: every occurrence, by str.find
        assert list(sources._surname_places(surname, TEXT)) == \
            _after_white_space(surname, TEXT), surname


def test_capitalised_surnames_skip_the_index_of_every_word() -> None:
    # A surname opening with A-Z needs only the capitalised words' places: the index of
    # every word of the text (a step of Python per word) is not built for it.
    text = TEXT + " and one more sentence for a text not indexed before."
    sources._word_starts.cache_clear()
    assert list(sources._surname_places("Trump", text)) == _after_white_space("Trump", text)
    assert sources._word_starts.cache_info().misses == 0
    assert list(sources._surname_places("\u0141ukasz", text)) == \
        _after_white_space("\u0141ukasz", text)
    assert sources._word_starts.cache_info().misses == 1
