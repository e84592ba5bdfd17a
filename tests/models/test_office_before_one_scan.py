"""models.sources._office_before reads an article once for all its surnames (it scanned the
whole text once per surname with str.find), and answers as before for every text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from models.sources import _OFFICES, _office_before


def office_before_as_it_was(surname: str, text: str) -> bool:
    """Session 31's _office_before, kept as the reference."""
    at = text.find(surname)
    while at >= 0:
        end = at
        while end > 0 and text[end - 1].isspace():
            end -= 1
        if end < at and text.endswith(_OFFICES, 0, end):
            return True
        at = text.find(surname, at + 1)
    return False


class CountingText(str):
    """An article's text that counts how often it is searched from end to end."""

    finds = 0

    def find(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        CountingText.finds += 1
        return super().find(*args, **kwargs)


SURNAMES = [f"Name{n:02d}" for n in range(40)]


def test_an_article_is_read_once_for_all_its_surnames() -> None:
    body = " ".join(f"{surname} said the plan may work." for surname in SURNAMES)
    text = CountingText("President Obama spoke. Sen. Name07 agreed. " + body * 20)
    CountingText.finds = 0
    answers = [_office_before(surname, text) for surname in SURNAMES]
    assert answers == [surname == "Name07" for surname in SURNAMES]
    # Before: at least one str.find over the text per surname (40, and one more per
    # occurrence: 820 here, measured on session 31's code).
    assert CountingText.finds <= 1


WORDS = st.sampled_from([*_OFFICES, "Obama", "Clinton", "Obamacare", "former", "Vice",
                         "said", ",", ".", "(", "Sen", "President's", "Attorney"])
SPACES = st.sampled_from([" ", "  ", "\n", "\t", "\u00a0", "", " \n "])


@settings(max_examples=300, deadline=None)
@given(parts=st.lists(st.tuples(WORDS, SPACES), max_size=14),
       surname=st.sampled_from(["Obama", "Clinton", "Sen.", "General", "Attorney"]))
def test_the_answer_is_the_same_as_before(parts: list[tuple[str, str]], surname: str) -> None:
    text = "".join(word + space for word, space in parts)
    assert _office_before(surname, text) == office_before_as_it_was(surname, text)


def test_the_answer_on_named_cases() -> None:
    cases = ["President Obama", "President  \n Obama", "Sen.Obama", "Attorney General Obama",
             "Attorney  General Obama", "Vice President Obama", "XPresident Obama",
             "President Obamacare", "President\u00a0Obama", "Mayor Mayor Obama", "Obama",
             "President ", "Senator Obama and President Clinton", "Gov.  Obama"]
    for text in cases:
        for surname in ("Obama", "Clinton", "Mayor"):
            assert _office_before(surname, text) == office_before_as_it_was(surname, text), (
                text, surname)
