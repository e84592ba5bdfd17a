"""A headline with one content word ("Brexit: what now?") is not restated by every body
sentence that names its topic: outside the lede a sentence must share at least
MIN_SHARED_WORDS_OUTSIDE_LEDE (2) content words, which one content word cannot give. The
lede, written to state the headline's news, still may with one."""

from __future__ import annotations

from models.article import Sentence
from models.headline import MIN_SHARED_WORDS_OUTSIDE_LEDE, restating_sentences


def _sentence(index: int, text: str) -> Sentence:
    return Sentence(index=index, start=0, end=len(text), text=text)


BODY = [
    _sentence(0, "Brexit has left the government with no plan for the border."),
    _sentence(1, "Brexit talks resume in Brussels on Monday."),
    _sentence(2, "Traders at Dover said queues had doubled since Brexit."),
]


def test_one_shared_word_outside_the_lede_does_not_restate_the_headline() -> None:
    assert MIN_SHARED_WORDS_OUTSIDE_LEDE == 2
    assert [s.index for s in restating_sentences("Brexit: what now?", BODY)] == [0]


def test_two_shared_words_outside_the_lede_still_restate_a_two_word_headline() -> None:
    body = [
        _sentence(0, "The vote was close."),
        _sentence(1, "Brexit talks resume in Brussels on Monday."),
    ]
    assert [s.index for s in restating_sentences("Brexit talks", body)] == [1]
