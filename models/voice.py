"""Whose words a cue is in: the outlet's own voice, or a direct quotation.

A hedge inside quotation marks is the quoted speaker's ('“The Russian state is
probably banning senior officials …,” the ministry said'), not the outlet's: a
report that quotes a cautious source at length is not itself cautious. The
certainty measures (epistemic and evidential hedges, boosters) are therefore also
counted apart for the outlet's own voice and for its quotations
(:mod:`models.features`, ``…_own_per_100w`` and ``…_quoted_per_100w``).

What counts as inside a quotation is what :mod:`models.attribution` decides for
report verbs, so that one sentence is never quoted for one measure and not for
another:

* **Marks.** “ ” (curly, directional) and " or '' (straight, toggling). Single
  quotes ‘ ’ are not quotation marks: ’ is also the apostrophe ('Putin’s'), and a
  single-quoted passage inside a double-quoted one is inside it anyway. A passage in
  single quotes alone (British house style, ‘special military operation’) is
  therefore own voice.
* **Over several sentences.** A quotation opened in one sentence and closed two
  sentences later covers all three; a paragraph break ends an unclosed one (news
  style reopens a quotation that runs on with a new “ in the next paragraph).
* **Scare quotes and partial quotations.** A quoted word or two ('it called the
  strike “likely”', 'a “possible” link') is a quotation: the marks say the words are
  someone else's, whether a source's (a partial quotation) or words the writer
  distances itself from. Either way they are not the outlet's own hedge.
* **The span's first character decides**: a cue that begins inside the marks is
  quoted.
"""

from __future__ import annotations

from collections.abc import Sequence

from models.article import HEADLINE_INDEX, Article, Span
from models.attribution import Intervals, is_quoted, quoted_intervals

#: The categories whose spans the own-voice and quoted measures split.
VOICE_CATEGORIES: tuple[str, ...] = ("hedge", "booster")


def _has_quote_mark(text: str) -> bool:
    return '"' in text or "“" in text or "''" in text


def quotation_intervals(article: Article) -> dict[int, Intervals]:
    """The quoted stretches of each sentence that has one, by sentence index, as offsets
    into ``article.text``. A headline given apart from the text (a manifest's, whose
    spans index the headline string) has its intervals under -1 as offsets into
    ``article.headline``."""
    found: dict[int, Intervals] = {}
    text = article.text
    if _has_quote_mark(text):
        # sentence_quote_states and the intervals in one pass: the state a sentence
        # opens in is the one the sentence before it left open, unless a paragraph
        # break lies between them (as the cue finder reads them, models.cues).
        inside = False
        previous_end = 0
        for sentence in article.sentences:
            start, end = sentence.start, sentence.end
            if inside and "\n" in text[previous_end:start]:
                inside = False
            previous_end = end
            stretches, inside = quoted_intervals(text[start:end], inside)
            if stretches:
                found[sentence.index] = tuple((start + a, start + b) for a, b in stretches)
    if article.headline and article.headline_sentence is None and _has_quote_mark(
        article.headline
    ):
        stretches, _ = quoted_intervals(article.headline)
        if stretches:
            found[HEADLINE_INDEX] = stretches
    return found


def quoted_flags(article: Article, spans: Sequence[Span]) -> tuple[bool, ...]:
    """For each span of ``article`` (any category), in order: does it begin inside a
    direct quotation? See the module's docstring for what counts as one."""
    intervals = quotation_intervals(article)
    if not intervals:
        return (False,) * len(spans)
    return tuple(
        span.sentence_index in intervals and is_quoted(span.start, intervals[span.sentence_index])
        for span in spans
    )
