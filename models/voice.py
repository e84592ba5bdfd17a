"""Whose words a cue is in: the outlet's own voice, or a speaker's (quoted or reported).

A hedge inside quotation marks is the quoted speaker's ('“The Russian state is
probably banning senior officials …,” the ministry said'), not the outlet's: a
report that quotes a cautious source at length is not itself cautious. The same
holds for reported speech without marks ('the ministry said the state is probably
banning…', 'This measure, he adds, probably applies'): the hedge is the speaker's
(Semino & Short's indirect speech; PolNeAR's and PARC's attribution content). The
certainty measures (epistemic and evidential hedges, boosters) are therefore also
counted apart for the outlet's own voice and for what it quotes or reports
(:mod:`models.features`, ``…_own_per_100w`` and ``…_quoted_per_100w``: "quoted"
there means either; spans.csv's ``reported`` tells reported speech apart).

**Direct quotations** (:func:`quoted_flags`): a span is quoted when its first
character lies inside a quotation as :mod:`models.quotations` reads the marks, the
reading the cue finder uses too (curly, straight and single marks, quotations over
several sentences, a lost opening mark, scare quotes and partial quotations).

**Reported speech** (:func:`reported_flags`): see its docstring.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from models.article import HEADLINE_INDEX, Article, Span
from models.quotations import Intervals, is_quoted, quotation_intervals

#: The categories whose spans the own-voice and quoted measures split.
VOICE_CATEGORIES: tuple[str, ...] = ("hedge", "booster")


def quoted_flags(article: Article, spans: Sequence[Span],
                 intervals: Mapping[int, Intervals] | None = None) -> tuple[bool, ...]:
    """For each span of ``article`` (any category), in order: does it begin inside a
    direct quotation? See the module's docstring for what counts as one.
    ``intervals``: ``quotation_intervals(article)``, when the caller has it."""
    if intervals is None:
        intervals = quotation_intervals(article)
    if not intervals:
        return (False,) * len(spans)
    return tuple(
        span.sentence_index in intervals and is_quoted(span.start, intervals[span.sentence_index])
        for span in spans
    )


# ---------------------------------------------------------------------- reported speech
#
# A report frame is an attribution cue (a report verb, "according to") with a source
# span next to it: before it ("officials said", "Smith, a spokesman, said", "he adds") or
# right after it ("said Smith", "according to Smith"). The frame's content is the
# speaker's, quotation marks or not.

#: Most characters between a source and the report verb after it ("Smith, a spokesman
#: for the campaign, said"), or after a report verb and its source ("said Smith").
_SOURCE_BEFORE_GAP = 60
_SOURCE_AFTER_GAP = 3
#: What ends a report's content before a later cue: a new clause that is not the
#: speaker's ("Trump said he would win; polls disagree", "…, but the polls …").
_CONTENT_BREAK = re.compile(
    r";|(?:,|\s[-—–])\s+(?:and|but|while|whereas|although|though|yet|even as)\b(?!\s+that\b)",
    re.IGNORECASE,
)
#: The rest of a sentence after a trailing frame ("…, officials said on Tuesday."):
#: nothing, a comma (a parenthetical frame: "The plan, he said, may"), or a short
#: adverbial opening with one of these words, not a new clause ("…, Smith said it was").
_TRAILING_WORDS = 8
# Relative pronouns of a person: a clause on the source after a trailing frame.
_RELATIVE_ON_THE_SOURCE = frozenset("who whom whose".split())
_ADVERBIAL = frozenset(
    "on in at during to after before when while last this earlier later recently "
    "yesterday today tonight monday tuesday wednesday thursday friday saturday sunday "
    "according adding noting citing via through from with".split()
)
_WRITER = frozenset(("i", "we", "me", "us", "you"))
# Report verbs whose noun phrase after them is the addressee ("told a Russian outlet"),
# and words that show a clause of its own after it rather than an addressee.
_TAKES_RECIPIENT = frozenset(("tell",))
_NOT_A_RECIPIENT = frozenset(
    "that is are was were has have had will would could can said says who which".split()
)
#: "by" after a report verb: a passive participle and its agent ("reported by").
_AGENT = re.compile(r"\s+by\b", re.IGNORECASE)


#: A report frame of one sentence: (frame start, cue end, frame end) as offsets into the
#: sentence, its cue and its source.
_Frame = tuple[int, int, int, Span, Span]


#: An aside between dashes or in brackets ("four sources – including a former FSB officer
#: and a political strategist – told"): what it names is no subject of the verb after it.
_ASIDE = re.compile(r"\s[–—]\s[^–—;]*?\s[–—]\s|\([^()]*\)")


def _frames(sentence_start: int, text: str, cues: Sequence[Span], sources: Sequence[Span]
            ) -> list[_Frame]:
    """Each report frame of one sentence (``text``, starting at ``sentence_start``)."""
    frames: list[_Frame] = []
    asides = [m.span() for m in _ASIDE.finditer(text)] if ("–" in text or "—" in text
                                                         or "(" in text) else []
    for cue in cues:
        c_start, c_end = cue.start - sentence_start, cue.end - sentence_start
        # a passive participle with its agent ("records reported by a newspaper
        # suggest", "figures cited by the ministry"): what stands before it is what was
        # reported, not who reports it
        passive = _AGENT.match(text, c_end) is not None
        before = [s for s in sources if not passive and s.end - sentence_start <= c_start
                  and _gap_without_asides(s.end - sentence_start, c_start, asides)
                  <= _SOURCE_BEFORE_GAP
                  and not _in_aside(s.start - sentence_start, s.end - sentence_start,
                                    c_start, asides)
                  and ";" not in text[s.end - sentence_start:c_start]]
        after = [s for s in sources if s.start - sentence_start >= c_end
                 and s.start - sentence_start - c_end <= _SOURCE_AFTER_GAP]
        if before:
            source = before[-1]
            frames.append((source.start - sentence_start, c_end, c_end, cue, source))
        elif after:
            source = after[0]
            frames.append((c_start, c_end, source.end - sentence_start, cue, source))
    return frames


def _gap_without_asides(start: int, end: int, asides: Sequence[tuple[int, int]]) -> int:
    """Characters from ``start`` to ``end`` less the asides wholly between them: "four
    sources – including … – told" is as near as "four sources told" (audit25)."""
    return end - start - sum(b - a for a, b in asides if start <= a and b <= end)


def _in_aside(start: int, end: int, cue: int, asides: Sequence[tuple[int, int]]) -> bool:
    """Is a source at [start, end) inside an aside that closes before the cue at ``cue``
    ("including a former FSB officer – told": one of the sources listed, not the
    subject)?"""
    return any(a <= start and end <= b <= cue for a, b in asides)


def _trailing(text: str, frame_start: int, frame_end: int, term: str = "") -> bool:
    """Is the frame at the end of its clause (", officials said." or ", he said, …"; ",
    four sources told a Russian outlet." when the verb, ``term``, takes a recipient)?"""
    opened = text[:frame_start].rstrip()
    if not opened.endswith((",", "—", "–")):
        return False
    words = text[frame_end:].strip().rstrip(".!?\"”'").split()
    if not words or words[0].startswith(","):
        return True
    if term in _TAKES_RECIPIENT and len(words) <= _TRAILING_WORDS and not any(
            w.lower().strip(",") in _NOT_A_RECIPIENT for w in words):
        return True  # "…, four sources told a independent Russian media." (audit25)
    if words[0].lower() in _RELATIVE_ON_THE_SOURCE:
        # "…, according to two people familiar with the plans who asked not to be
        # named.", "…, said an official who was not authorized to speak": a relative
        # clause on the source ends the sentence (ux22, session 22: the hedge before it
        # counted as the outlet's own words; with commas around the clause it did not)
        return True
    return len(words) <= _TRAILING_WORDS and words[0].lower().strip(",") in _ADVERBIAL


def reported_flags(article: Article, spans: Sequence[Span], cues: Sequence[Span]
                   ) -> tuple[bool, ...]:
    """For each span of ``spans``, in order: does it lie in the content of a report
    frame of its sentence (reported speech or thought: 'X said the plan would probably
    fail', 'This measure, he adds, probably applies', 'The plan will probably fail,
    officials said')? ``cues`` are the article's spans (its attribution cues and
    sources are read from them). A span that is the report verb itself, or lies
    between the source and its verb ('He probably said'), is the writer's framing, not
    the content."""
    return tuple(frame is not None for frame in reported_frames(article, spans, cues))


def reported_frames(article: Article, spans: Sequence[Span], cues: Sequence[Span]
                    ) -> tuple[tuple[Span, Span] | None, ...]:
    """For each span of ``spans``, in order: the (report cue, source) whose content it
    lies in (see :func:`reported_flags`), or None. Where frames nest, the outermost is
    given: a trailing frame ('…, the ministry said') before one the span follows ('Russia
    is threatening … would', the ministry said), then the first one of the sentence."""
    by_sentence: dict[int, tuple[list[Span], list[Span]]] = {}
    for cue in cues:
        if cue.category == "attribution":
            by_sentence.setdefault(cue.sentence_index, ([], []))[0].append(cue)
        elif cue.category == "source" and cue.text.lower() not in _WRITER:
            by_sentence.setdefault(cue.sentence_index, ([], []))[1].append(cue)
    if not any(found[0] and found[1] for found in by_sentence.values()):
        return (None,) * len(spans)
    texts = {s.index: s for s in article.sentences if s.index in by_sentence}
    flags: list[tuple[Span, Span] | None] = []
    frames_of: dict[int, list[_Frame]] = {}
    for span in spans:
        found = by_sentence.get(span.sentence_index)
        sentence = texts.get(span.sentence_index)
        if (not found or not found[0] or not found[1] or sentence is None
                or any(c.start < span.end and span.start < c.end for c in found[0])):
            # no frame in its sentence, or the span is a report verb itself ("according
            # to", "believes"): the writer's framing
            flags.append(None)
            continue
        frames = frames_of.get(span.sentence_index)
        if frames is None:
            frames = frames_of[span.sentence_index] = _frames(
                sentence.start, sentence.text, *found)
        text = sentence.text
        start, end = span.start - sentence.start, span.end - sentence.start
        # before a trailing or parenthetical frame (the outermost)
        found_frame = next(
            ((cue, source) for frame_start, _, frame_end, cue, source in frames
             if end <= frame_start and _trailing(text, frame_start, frame_end, cue.term)
             and not _CONTENT_BREAK.search(text, start, frame_start)), None)
        if found_frame is None:
            # after the verb: its content, up to a clause that is not the speaker's; not
            # the frame's own source ("said one of the sources", "according to
            # Newsweek": who speaks, the writer's framing, audit25)
            found_frame = next(
                ((cue, source) for _, cue_end, frame_end, cue, source in frames
                 if start >= cue_end and source is not span
                 and not _CONTENT_BREAK.search(text, frame_end, start)),
                None)
        flags.append(found_frame)
    return tuple(flags)


#: Most words in quotation marks that are scare quotes rather than a quotation
#: ('the army's “probable” target').
SCARE_QUOTE_WORDS = 2


def speakerless_scare_quotes(article: Article, spans: Sequence[Span], cues: Sequence[Span],
                             intervals: Mapping[int, Intervals] | None = None
                             ) -> tuple[bool, ...]:
    """For each span of ``spans``, in order: is it inside scare quotes that nobody is
    given as saying: a stretch of at most :data:`SCARE_QUOTE_WORDS` words in quotation
    marks, in a sentence with neither a source nor an attribution cue ('the army’s
    “probable” target')? The marks keep the word at a distance, but attribute it to no
    one. ``cues`` are the article's spans; ``intervals``: ``quotation_intervals(article)``,
    when the caller has it."""
    if intervals is None:
        intervals = quotation_intervals(article)
    framed = {c.sentence_index for c in cues if c.category in ("source", "attribution")}
    text = article.text
    flags: list[bool] = []
    for span in spans:
        index = span.sentence_index
        inside = [(a, b) for a, b in intervals.get(index, ()) if a <= span.start < b]
        if not inside or index in framed:
            flags.append(False)
            continue
        a, b = inside[0]
        source = article.headline if index == HEADLINE_INDEX and article.headline_sentence is None else text
        # a short stretch marked at both ends (not a quotation running on from or into
        # another sentence)
        marked = a > 0 and source[a - 1] in "“\"'‘" and b < len(source) and source[b] in "”\"'’"
        flags.append(marked and len(source[a:b].split()) <= SCARE_QUOTE_WORDS)
    return tuple(flags)


def attributed_flags(article: Article, spans: Sequence[Span], cues: Sequence[Span]
                     ) -> tuple[bool, ...]:
    """For each span of ``spans``, in order: is it a speaker's rather than the outlet's,
    inside a direct quotation (:func:`quoted_flags`) or reported speech
    (:func:`reported_flags`)? This is what the ``…_quoted`` measures count."""
    quoted = quoted_flags(article, spans)
    reported = reported_flags(article, spans, cues)
    return tuple(q or r for q, r in zip(quoted, reported, strict=True))
