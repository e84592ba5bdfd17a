"""Direct quotations: which stretches of an article are in quotation marks.

One reading of the marks, used by the cue finder (:mod:`models.cues`: a report verb
inside a quotation is the quoted speaker's, not the article's) and by the own-voice
measures (:mod:`models.voice`: a hedge inside one is the speaker's, not the outlet's).

* **Marks.** “ ” (curly, directional), " or '' (straight, toggling; two apostrophes are
  the NYT's house style), and ‘ ’ (British style): ‘ opens after a space, bracket or
  dash and before a letter (‘90s is an elision), and ’ closes only where it is no
  apostrophe: after a non-space and before neither a letter nor a digit ('Putin’s',
  'don’t' do not close). Marks of the other kind inside a quotation are the speaker's
  own quoting.
* **A typist's slip.** A quotation a double mark opened may close with ’ before a comma
  where no double mark closes it later in the sentence and no ‘ opened a quotation
  inside it ('“… yards]’, military spokesman Serhiy Cherevatyi said').
* **Over several sentences.** A quotation opened in one sentence and closed two
  sentences later covers all three. One never closed in its paragraph runs to the
  paragraph's end when the next paragraph opens with a quotation mark (news style
  reopens a quotation that runs on); otherwise its closing mark was lost or the mark
  is stray, and it ends with the sentence it opened in.
* **A mistyped closing mark.** “ placed as a closing mark, after a word or punctuation
  and before no letter ('an “expedited review“ of', '"… in the future.“'), closes the
  double quotation open there.
* **A lost opening mark.** A closing ” that nothing opened quotes its sentence up to
  the mark ('The war is probably lost,” Warren said'), or, where a quotation closed
  earlier in the sentence, what follows that one (the close of a quotation nested in
  double marks, '“… wearing “Settle For Hillary” shirts …”', was read as the outer's).
* **Scare quotes and partial quotations.** A quoted word or two ('it called the
  strike “likely”') is a quotation: the marks say the words are someone else's.

A paragraph is read from its start (:func:`quotation_intervals`), so the kind of mark
that opened a quotation is known in every later sentence, and whether a quotation left
open is reopened by the next paragraph. The cue finder takes each sentence's stretches
from that reading; a sentence given without its article (:func:`quoted_intervals`) is
read as a paragraph of its own.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Mapping, Sequence

from models.article import HEADLINE_INDEX, Article, Sentence

#: (start, end) character offsets of quoted text; the marks are not part of it.
Intervals = tuple[tuple[int, int], ...]

_QUOTE_MARKS = re.compile(r"“|”|\"|''|‘|’")
_OPENING_MARKS = re.compile(r"“|”|\"|''|‘")
_DOUBLE_CLOSES = ("”", '"', "''")
_LETTER_OR_DIGIT = re.compile(r"\w")


def opens_single_quote(text: str, at: int) -> bool:
    """Is the ‘ at ``at`` an opening single quotation mark: after a space, a bracket, a
    dash or the start, and before a letter (‘90s and ‘em are elisions)?"""
    before = text[at - 1] if at > 0 else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    return (before.isspace() or before in "([—–-") and after.isalpha() and text[
        at + 1:at + 3].lower() not in ("em", "n’", "n ")


def closes_single_quote(text: str, at: int) -> bool:
    """Is the ’ at ``at`` a closing single quotation mark rather than an apostrophe
    ('Putin’s', 'don’t'): after a non-space, before neither a letter nor a digit?"""
    before = text[at - 1] if at > 0 else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    return not before.isspace() and not _LETTER_OR_DIGIT.match(after)


def mismatched_close(text: str, opened: int, at: int, end: int | None = None) -> bool:
    """May the ’ at ``at`` close a quotation a double mark opened at ``opened``? Only as a
    typist's slip before a comma ('“Despite … [165 to 1,850 yards]’, military spokesman
    Serhiy Cherevatyi said': audit22, a translated seed): no ‘ between them (then it
    closes a quotation inside the quotation) and no double closing mark after it, up to
    ``end`` (the end of the sentence; of the text by default)."""
    if text[at + 1:at + 2] != "," or "‘" in text[opened:at]:
        return False
    rest = text[at:end]
    return not any(mark in rest for mark in _DOUBLE_CLOSES)


def mistyped_double_close(text: str, at: int) -> bool:
    """Does the “ at ``at``, inside a quotation a double mark opened, close it: placed as
    a closing mark, after a non-space that is no bracket or dash and before neither a
    letter nor a digit ('an “expedited review“ of', '… in the future.“')? A typist's
    (or a converter's) slip; a nested opening mark follows a space."""
    return at > 0 and text[at - 1] not in "([{—–-/" and closes_single_quote(text, at)


def scan_paragraph(text: str, start: int, end: int, sentence_ends: Sequence[int], *,
                   following: str = "") -> list[tuple[int, int]]:
    """The quoted stretches of the paragraph ``text[start:end]`` (offsets into ``text``).
    ``sentence_ends`` are the ends of its sentences; ``following`` is the next
    paragraph's first sentence ('' if none): when it opens with a quotation mark, an
    unclosed quotation runs on. See the module's docstring for the rule."""
    found: list[tuple[int, int]] = []
    opened = -1
    single = False  # the open quotation is in single quotes
    sentence_start = start
    closed = start  # where the last quotation closed (after its mark)
    ends = iter(sentence_ends)
    sentence_end = next(ends, end)
    for mark in _QUOTE_MARKS.finditer(text, start, end):
        at, symbol = mark.start(), mark.group()
        while at >= sentence_end:
            sentence_start, sentence_end = sentence_end, next(ends, end)
        if symbol == "‘":
            if opened < 0 and opens_single_quote(text, at):
                opened, single = mark.end(), True
        elif symbol == "’":
            if opened >= 0 and closes_single_quote(text, at) and (
                    single or mismatched_close(text, opened, at, sentence_end)):
                found.append((opened, at))
                opened, single, closed = -1, False, mark.end()
        elif single:
            continue  # double marks inside single quotes: the quoted speaker's quoting
        elif symbol == "“":
            if opened < 0:
                opened = mark.end()
            elif mistyped_double_close(text, at):
                found.append((opened, at))
                opened, closed = -1, mark.end()
        elif symbol == "”":
            if opened >= 0:
                found.append((opened, at))
                opened, closed = -1, mark.end()
            elif not any(a <= at <= b for a, b in found):
                # a closing mark that nothing opened: the opening one was lost, and the
                # quotation began at its sentence's start at the latest, or after the
                # quotation closed before it in the sentence ('“… “Settle For Hillary”
                # shirts … ouch.”': the inner quotation's close was read as the outer's)
                found.append((_after_space(text, max(sentence_start, closed), at), at))
                closed = mark.end()
        elif opened < 0:
            opened = mark.end()
        else:
            found.append((opened, at))
            opened, closed = -1, mark.end()
    if opened >= 0:
        if _opens_with_a_mark(following):
            found.append((opened, end))
        else:
            # never closed, and the next paragraph does not reopen it: the closing mark
            # was lost (or the mark is stray), so it is read to its sentence's end only
            stop = next((e for e in sentence_ends if e > opened), end)
            found.append((opened, stop))
    return found


def _opens_with_a_mark(text: str) -> bool:
    return text.lstrip().startswith(("“", '"', "''", "‘"))


def _after_space(text: str, at: int, end: int) -> int:
    while at < end and text[at].isspace():
        at += 1
    return at


def quoted_intervals(text: str) -> Intervals:
    """The quoted stretches of one sentence ``text`` read alone, as a paragraph of its
    own (a quotation it leaves open runs to its end), as offsets into it. A sentence of
    an article has those :func:`quotation_intervals` gives."""
    if not _OPENING_MARKS.search(text):
        return ()
    return tuple(scan_paragraph(text, 0, len(text), [len(text)]))


#: The last articles read and their quotations: the cue finder, the own-voice flags
#: (twice) and the claims read one article's in turn, and scanning it again cost about
#: 3% of a corpus run's CPU (1.2 of 37 profiled seconds, 9,259 readings of 2,399
#: articles). Keyed by identity, each entry keeping its article alive.
_RECENT: list[tuple[Article, Mapping[int, Intervals]]] = []
_RECENT_SIZE = 2


def quotation_intervals(article: Article) -> Mapping[int, Intervals]:
    """The quoted stretches of each sentence that has one, by sentence index, as offsets
    into ``article.text``. A headline given apart from the text (a manifest's, whose
    spans index the headline string) has its intervals under -1 as offsets into
    ``article.headline``. The mapping is shared by the callers that read the same
    article (the last few are kept): read it, never change it."""
    for seen, intervals in reversed(_RECENT):
        if seen is article:
            return intervals
    found = _read_quotations(article)
    _RECENT.append((article, found))
    del _RECENT[:-_RECENT_SIZE]
    return found


def _read_quotations(article: Article) -> dict[int, Intervals]:
    found: dict[int, Intervals] = {}
    text = article.text
    if _OPENING_MARKS.search(text):
        # the sentences in paragraphs: a paragraph break lies between two sentences
        paragraphs: list[list[Sentence]] = []
        previous_end = -1
        for sentence in article.sentences:
            if previous_end < 0 or text.find("\n", previous_end, sentence.start) >= 0:
                paragraphs.append([])
            paragraphs[-1].append(sentence)
            previous_end = sentence.end
        for k, paragraph in enumerate(paragraphs):
            first, last = paragraph[0].start, paragraph[-1].end
            if not _OPENING_MARKS.search(text, first, last):
                continue
            following = paragraphs[k + 1][0].text if k + 1 < len(paragraphs) else ""
            stretches = scan_paragraph(
                text, first, last, [s.end for s in paragraph], following=following)
            for sentence in paragraph:
                inside = tuple(
                    (max(a, sentence.start), min(b, sentence.end)) for a, b in stretches
                    if a < sentence.end and b > sentence.start and min(b, sentence.end)
                    > max(a, sentence.start))
                if inside:
                    found[sentence.index] = inside
    headline = article.headline
    if headline and article.headline_sentence is None and _OPENING_MARKS.search(headline):
        stretches = scan_paragraph(headline, 0, len(headline), [len(headline)])
        if stretches:
            found[HEADLINE_INDEX] = tuple(stretches)
    return found


def is_quoted(position: int, intervals: Intervals) -> bool:
    """Does the character at ``position`` lie inside one of the quoted intervals?"""
    return any(start <= position < end for start, end in intervals)


def quoted_tokens(starts: Sequence[int], intervals: Intervals) -> list[bool]:
    """For tokens starting at ``starts`` (ascending): is each inside a quoted interval?"""
    mask = [False] * len(starts)
    for start, end in intervals:
        for k in range(bisect_left(starts, start), bisect_left(starts, end)):
            mask[k] = True
    return mask
