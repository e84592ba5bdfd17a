"""Attribution rules that need more than a word list: direct quotations.

The cue finder (:mod:`models.cues`) calls these. What they decide:

* **Inside a direct quotation, a report verb is the quoted speaker's, not the
  article's.** In '“I’ve always said I would support the nominee,” Trump told
  reporters' the outlet attributes the quote to Trump with *told*; *said* belongs to
  Trump's own words. Counting it would count the speaker's talk as the outlet's
  sourcing (PolNeAR annotates one attribution per token for the same reason: the
  quotation is the content of the outer attribution, Newell et al. 2018).
  A quotation may run over several sentences of one paragraph (news style closes an
  unfinished quotation at the paragraph's end and reopens it in the next), so the
  state is carried from sentence to sentence within a paragraph and reset at a
  paragraph break.

Quotation marks: “ ” (curly, directional), " and '' (straight, toggling; two
apostrophes are the NYT's house style). Single quotes ‘ ’ are left alone: ’ is
also the apostrophe, and a single-quoted passage inside a double-quoted one is
inside it anyway.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_QUOTE_MARK_RE = re.compile(r"“|”|\"|''")

#: (start, end) character offsets of quoted text within one sentence.
Intervals = tuple[tuple[int, int], ...]


def quoted_intervals(text: str, inside: bool = False) -> tuple[Intervals, bool]:
    """The quoted stretches of ``text`` and whether a quotation is still open at its end.

    ``inside`` says a quotation opened before ``text`` starts (in an earlier sentence of
    the same paragraph). The marks themselves are not part of an interval.
    """
    if not inside and '"' not in text and "“" not in text and "''" not in text:
        return (), False
    found: list[tuple[int, int]] = []
    opened = 0 if inside else -1
    for mark in _QUOTE_MARK_RE.finditer(text):
        symbol = mark.group()
        if symbol == "“":
            if opened < 0:
                opened = mark.end()
        elif symbol == "”":
            if opened >= 0:
                found.append((opened, mark.start()))
                opened = -1
        elif opened < 0:
            opened = mark.end()
        else:
            found.append((opened, mark.start()))
            opened = -1
    if opened >= 0:
        found.append((opened, len(text)))
    return tuple(found), opened >= 0


def is_quoted(position: int, intervals: Intervals) -> bool:
    """Does the character at ``position`` lie inside one of the quoted intervals?"""
    return any(start <= position < end for start, end in intervals)


def sentence_quote_states(text: str, bounds: Sequence[tuple[int, int]]) -> list[bool]:
    """For each sentence (start, end) of ``text``, in order: does it open inside a
    quotation begun in an earlier sentence of the same paragraph?"""
    states: list[bool] = []
    inside = False
    previous_end = 0
    for start, end in bounds:
        if inside and "\n" in text[previous_end:start]:
            inside = False  # a paragraph break closes an unfinished quotation
        states.append(inside)
        _, inside = quoted_intervals(text[start:end], inside)
        previous_end = end
    return states
