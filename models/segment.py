"""Split a run of an article's text into sentences, as offsets into that text.

Call :func:`split_sentences` once per body block, so that a sentence never
crosses a block boundary (a caption or a crosshead is never glued to a body
sentence). Offsets are character offsets into the whole text, trimmed of
surrounding whitespace, so ``text[start:end]`` is the sentence.

The rules are the usual ones for edited English news text: a sentence ends at
``.``, ``!``, ``?`` or an ellipsis, optionally followed by closing quotes or
brackets, then whitespace, then something that can start a sentence (a
capital, a digit or an opening quote). Titles and other abbreviations
("Mr.", "Gen.", "St.", "Jan.", the "v." of "Roe v. Wade"), single initials
("George W. Bush") and dotted initialisms ("U.S.") do not end a sentence unless
an initialism is followed by a word that typically starts one ("in the U.S. The ...").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache

from models.article import HEADLINE_INDEX, Article, Block, Role, Sentence, make_sentence

# Abbreviations that are followed by a full stop but (almost) never end a sentence.
ABBREVIATIONS: frozenset[str] = frozenset(
    {
        # titles and ranks
        "mr",
        "mrs",
        "ms",
        "mx",
        "dr",
        "prof",
        "sr",
        "jr",
        "st",
        "mt",
        "ft",
        "rev",
        "hon",
        "gen",
        "col",
        "lt",
        "maj",
        "capt",
        "cpt",
        "sgt",
        "cpl",
        "pvt",
        "adm",
        "cmdr",
        "cdr",
        "brig",
        "gov",
        "sen",
        "rep",
        "pres",
        "supt",
        "insp",
        "det",
        "amb",
        "atty",
        "messrs",
        # months (May, June and July are rarely abbreviated)
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        # weekdays
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thurs",
        "fri",
        "sat",
        "sun",
        # other frequent ones in news text ("v." is a case's versus: "Roe v. Wade")
        "v",
        "vs",
        "approx",
        "est",
        "dept",
        "univ",
        "assn",
        "bros",
        "fig",
        "vol",
        "cf",
        "al",
    }
)

# Words that start a sentence; after an initialism ("U.S.") they signal a boundary.
SENTENCE_STARTERS: frozenset[str] = frozenset(
    {
        "The",
        "A",
        "An",
        "He",
        "She",
        "It",
        "They",
        "We",
        "I",
        "You",
        "But",
        "And",
        "Or",
        "In",
        "On",
        "At",
        "This",
        "That",
        "These",
        "Those",
        "His",
        "Her",
        "Its",
        "Their",
        "There",
        "However",
        "Meanwhile",
        "Yet",
        "So",
        "If",
        "When",
        "While",
        "After",
        "Before",
        "As",
        "Some",
        "Many",
        "Most",
        "According",
        "Officials",
        "Now",
        "Still",
    }
)

_OPENERS = "“‘\"'([«„"
_TERMINATOR = re.compile(r"(?:\.\.\.|[.!?…])+[\"'”’»)\]]*(?=\s)")
_LAST_WORD = re.compile(r"(\S+)$")
_INITIALISM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_CAMEL_START = re.compile(r"[a-z]{1,3}[A-Z]")  # "iStories", "eBay" can start a sentence
_NEXT_WORD = re.compile(r"[^\s.,;:!?]+")


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Return ``(start, end)`` character offsets of the sentences in ``text[start:end]``.

    Offsets index ``text`` itself (not the slice); each sentence is trimmed of
    surrounding whitespace; an empty or blank range gives ``[]``.
    """
    stop = len(text) if end is None else min(end, len(text))
    sentences: list[tuple[int, int]] = []
    sentence_start = start
    for match in _TERMINATOR.finditer(text, start, stop):
        next_index = _skip_space(text, match.end(), stop)
        if next_index >= stop:
            break
        if _ends_sentence(text, sentence_start, match, next_index, stop):
            _append_trimmed(text, sentence_start, match.end(), sentences)
            sentence_start = next_index
    _append_trimmed(text, sentence_start, stop, sentences)
    return sentences


def sentences_for_blocks(
    text: str, blocks: Iterable[Block], *, with_headline: bool = True
) -> tuple[Sentence, ...]:
    """The headline sentence (index -1), then body sentences numbered 0.. over BODY blocks.

    Only the first HEADLINE block gives a sentence, and only if ``with_headline``.
    """
    headline: list[Sentence] = []
    body: list[Sentence] = []
    for block in blocks:
        if block.role is Role.HEADLINE and with_headline and not headline:
            bounds = _trim(text, block.start, block.end)
            if bounds is not None:
                s, e = bounds
                headline.append(Sentence(HEADLINE_INDEX, s, e, text[s:e]))
        elif block.role is Role.BODY:
            start = block.start
            for s, e in _block_sentences(text[start : block.end]):
                body.append(
                    make_sentence(len(body), start + s, start + e, text[start + s : start + e])
                )
    return (*headline, *body)


@lru_cache(maxsize=1 << 15)
def _block_sentences(block: str) -> tuple[tuple[int, int], ...]:
    """:func:`split_sentences` of one block's text, remembered by the text: wire copy
    repeats whole paragraphs, and the split depends on the block's text alone."""
    return tuple(split_sentences(block))


def _ends_sentence(
    text: str, sentence_start: int, match: re.Match[str], next_index: int, stop: int
) -> bool:
    """Whether the terminator in ``match`` ends a sentence, given what follows it."""
    following = text[next_index]
    starts_sentence = (
        following.isupper()
        or following.isdigit()
        or following in _OPENERS
        or _CAMEL_START.match(text, next_index, stop) is not None
    )
    if not starts_sentence:
        return False
    terminator = match.group()
    if terminator != ".":
        return True  # "?", "!", an ellipsis, or a full stop inside closing quotes
    last = _last_word(text, sentence_start, match.start())
    if last is None:
        return True
    word = last.lstrip(_OPENERS)
    if word.lower() in ABBREVIATIONS:
        return False
    if len(word) == 1 and word.isupper():
        return False  # an initial: "George W. Bush"
    if word.lower() == "no" and following.isdigit():
        return False  # "No. 10"
    if _INITIALISM.fullmatch(word):
        next_word = _NEXT_WORD.match(text, next_index, stop)
        return next_word is not None and next_word.group().lstrip(_OPENERS) in SENTENCE_STARTERS
    return True


def _last_word(text: str, start: int, end: int) -> str | None:
    """``_LAST_WORD.search(text, start, end).group(1)``, or None where it finds nothing,
    without trying every position from ``start``: the run of non-space characters that
    ends at ``end`` (or just before a newline at ``end``, where ``$`` also matches)."""
    end = min(end, len(text))
    if end > start and text[end - 1] == "\n":
        end -= 1
    if end <= start or text[end - 1].isspace():
        return None
    first = end - 1
    while first > start and not text[first - 1].isspace():
        first -= 1
    return text[first:end]


def _skip_space(text: str, index: int, stop: int) -> int:
    while index < stop and text[index].isspace():
        index += 1
    return index


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def _append_trimmed(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    bounds = _trim(text, start, end)
    if bounds is not None:
        out.append(bounds)


#: Why a block the reader set aside is body: the user said so (Read view, right-click).
WHY_USER_BODY = "body: marked as body text by you"


def scorable_blocks(article: Article) -> list[int]:
    """Indices of the blocks of ``article`` that the reader set aside and that the user
    may mark as body text: every block that holds text and is neither body nor the
    headline (whose sentence is the headline's, scored apart)."""
    return [i for i, block in enumerate(article.blocks)
            if block.role not in (Role.BODY, Role.HEADLINE)
            and article.text[block.start:block.end].strip()]


def with_block_as_body(article: Article, index: int) -> Article:
    """``article`` with its block ``index`` scored as body text, as the user asked (a
    lede the reader took for a standfirst, a paragraph it took for a caption). The
    sentences are numbered again over the body blocks; the block keeps its bounds and
    says why it is body, and what the reader had taken it for. Its notes, metadata and
    other blocks are unchanged. Raises ValueError for a block that is not set aside."""
    if index not in scorable_blocks(article):
        raise ValueError(f"block {index} of {article.article_id} is not set aside")
    old = article.blocks[index]
    label = role_label(old.role)
    taken_for = f"{'an' if label[0] in 'aeiou' else 'a'} {label}"
    block = Block(old.start, old.end, Role.BODY, f"{WHY_USER_BODY} (the reader took it for "
                                                 f"{taken_for})")
    blocks = (*article.blocks[:index], block, *article.blocks[index + 1:])
    with_headline = article.headline_sentence is not None
    return replace(article, blocks=blocks,
                   sentences=sentences_for_blocks(article.text, blocks,
                                                  with_headline=with_headline))


def role_label(role: Role) -> str:
    """A role in words: 'standfirst', 'image file'."""
    return role.value.replace("_", " ")
