"""The sentences behind a number: which sentences of an article carry a measure's cues.

A chart's bar, cell or point summarises sentences; :class:`SentenceRef` names
one of them (article id and sentence index, ``-1`` for the headline) with the
cue spans to highlight in it. :func:`measure_sentences` says, for each measure
of :mod:`models.measures`, which sentences of an article it counted.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from models.article import HEADLINE_INDEX, Span
from models.features import NAMED_SOURCE_TYPES, ArticleAnalysis
from models.headline import claim_hedges

# VADER's authors' threshold for a negative sentence (as in models.tone).
NEGATIVE_TONE = -0.05


@dataclass(frozen=True, slots=True)
class SentenceRef:
    """One sentence of one article, and the cues in it to highlight.

    ``highlights`` are ``(start, end)`` offsets into the article's text (the
    same offsets as :class:`models.article.Span`), in order.
    """

    article_id: str
    sentence_index: int
    highlights: tuple[tuple[int, int], ...] = ()


_SpanTest = Callable[[Span], bool]


def _cue(category: str, subcategory: str | None = None, *, counted: bool = True) -> _SpanTest:
    def test(span: Span) -> bool:
        if span.category != category:
            return False
        if subcategory is not None and span.subcategory != subcategory:
            return False
        return not (counted and span.negated)

    return test


def _named_source(span: Span) -> bool:
    return span.category == "source" and span.subcategory in NAMED_SOURCE_TYPES


def _hedge_with_range(span: Span) -> bool:
    return (
        span.category == "hedge" and span.subcategory == "epistemic" and not span.negated
        and span.probability_low is not None
    )


# Measures counted from cue spans in the body: the spans each one counts.
_SPAN_MEASURES: dict[str, _SpanTest] = {
    "hedges_epistemic_per_100w": _cue("hedge", "epistemic"),
    "hedges_evidential_per_100w": _cue("hedge", "evidential"),
    "boosters_per_100w": _cue("booster"),
    "estimative_probability_mean": _hedge_with_range,
    "attributions_per_100w": _cue("attribution", counted=False),
    "attributions_factive_share": _cue("attribution", "factive", counted=False),
    "attributions_loaded_share": _cue("attribution", "loaded", counted=False),
    "sources_named": _named_source,
    "sources_anonymous": _cue("source", "anonymous", counted=False),
    "sources_described": _cue("source", "described", counted=False),
    "loaded_per_100w": _cue("loaded", counted=False),
    "hedges_weasel_per_100w": _cue("hedge", "weasel"),
    "hedges_vague_per_100w": _cue("hedge", "vague"),
}


# The certainty measures split by voice (models.voice): the total's spans, and whether
# the measure counts those inside a direct quotation (True) or outside (False).
_VOICE_MEASURES: dict[str, tuple[str, bool]] = {
    f"{stem}_{voice}_per_100w": (f"{stem}_per_100w", voice == "quoted")
    for stem in ("hedges_epistemic", "hedges_evidential", "boosters")
    for voice in ("own", "quoted")
}


def refs_for_spans(
    analysis: ArticleAnalysis, test: _SpanTest, *, body_only: bool = True,
    quoted: bool | None = None,
) -> list[SentenceRef]:
    """The sentences of ``analysis`` holding a span that passes ``test``, cues highlighted;
    only those inside (``quoted`` True) or outside (False) a direct quotation when given."""
    by_sentence: dict[int, list[tuple[int, int]]] = {}
    inside: tuple[bool, ...] | None = None
    if quoted is not None:
        from models.voice import attributed_flags

        inside = attributed_flags(analysis.article, analysis.spans, analysis.spans)
    for k, span in enumerate(analysis.spans):
        if body_only and span.in_headline:
            continue
        if inside is not None and inside[k] != quoted:
            continue
        if test(span):
            by_sentence.setdefault(span.sentence_index, []).append((span.start, span.end))
    return [
        SentenceRef(analysis.article_id, index, tuple(sorted(by_sentence[index])))
        for index in sorted(by_sentence)
    ]


def all_sentences(analysis: ArticleAnalysis) -> list[SentenceRef]:
    """Every body sentence of the article, nothing highlighted."""
    return [SentenceRef(analysis.article_id, s.index) for s in analysis.article.body_sentences]


def measure_sentences(analysis: ArticleAnalysis, key: str) -> list[SentenceRef]:
    """The sentences of ``analysis`` that the measure ``key`` counted or scored.

    Cue measures: the body sentences holding the cues the measure counts
    (shares list the cues of their numerator). ``tone_mean``, ``words`` and
    ``sentences``: every body sentence. ``tone_negative_share``: the sentences
    scored −0.05 or below. Headline measures: the headline, and for the
    headline–body gap the body sentences restating it. Raises KeyError for a
    key that is not a measure.
    """
    from models.measures import measure

    measure(key)  # KeyError for an unknown key
    if key in _SPAN_MEASURES:
        return refs_for_spans(analysis, _SPAN_MEASURES[key])
    if key == "sources_named_people":
        from models.sources import named_mentions

        by_sentence: dict[int, set[tuple[int, int]]] = {}
        for _, m in named_mentions(analysis):
            by_sentence.setdefault(m.sentence_index, set()).add((m.start, m.end))
        return [SentenceRef(analysis.article_id, index, tuple(sorted(by_sentence[index])))
                for index in sorted(by_sentence)]
    if key in _VOICE_MEASURES:
        total, quoted = _VOICE_MEASURES[key]
        return refs_for_spans(analysis, _SPAN_MEASURES[total], quoted=quoted)
    if key == "tone_negative_share":
        body = analysis.article.body_sentences
        return [
            SentenceRef(analysis.article_id, s.index)
            for s, tone in zip(body, analysis.sentence_tones, strict=False)
            if tone <= NEGATIVE_TONE
        ]
    if key in ("headline_tone", "headline_tone_news", "headline_hedged", "headline_body_gap"):
        head = analysis.article.headline_sentence
        refs = []
        if head is not None:
            head_spans = [s for s in analysis.spans if s.in_headline]
            marks = tuple((s.start, s.end)
                          for s in claim_hedges(analysis.article.headline, head_spans))
            refs.append(SentenceRef(analysis.article_id, HEADLINE_INDEX, marks))
        if key == "headline_body_gap":
            refs += [SentenceRef(analysis.article_id, i) for i in analysis.headline_restating]
        return refs
    return all_sentences(analysis)


def outlet_measure_sentences(
    analyses: Iterable[ArticleAnalysis], outlet: str, key: str
) -> list[SentenceRef]:
    """:func:`measure_sentences` over every article of ``outlet``, by article id."""
    members = sorted((a for a in analyses if a.outlet == outlet), key=lambda a: a.article_id)
    return [ref for a in members for ref in measure_sentences(a, key)]


def most_similar_sentences(
    first: ArticleAnalysis, second: ArticleAnalysis, top: int = 3, minimum: float = 0.2
) -> list[SentenceRef]:
    """The ``top`` most alike body-sentence pairs of two articles (TF-IDF cosine ≥ ``minimum``).

    Returned pair by pair, most alike first: the sentence of ``first``, then
    its match in ``second``. Each sentence is listed once.
    """
    import numpy as np

    a_sents = first.article.body_sentences
    b_sents = second.article.body_sentences
    if not a_sents or not b_sents:
        return []
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    texts = [s.text for s in a_sents] + [s.text for s in b_sents]
    try:
        matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts)
    except ValueError:  # nothing but stop words
        return []
    sim = np.asarray(cosine_similarity(matrix[: len(a_sents)], matrix[len(a_sents):]))
    order = np.argsort(-sim, axis=None, kind="stable")
    refs: list[SentenceRef] = []
    seen: set[tuple[str, int]] = set()
    pairs = 0
    for flat in order:
        i, j = divmod(int(flat), len(b_sents))
        if sim[i, j] < minimum or pairs >= top:
            break
        pair = [SentenceRef(first.article_id, a_sents[i].index),
                SentenceRef(second.article_id, b_sents[j].index)]
        new = [r for r in pair if (r.article_id, r.sentence_index) not in seen]
        if not new:
            continue
        pairs += 1
        for ref in new:
            seen.add((ref.article_id, ref.sentence_index))
            refs.append(ref)
    return refs


def sentence_text(analysis: ArticleAnalysis, index: int) -> str:
    """The text of sentence ``index`` of ``analysis`` (the headline for -1; '' if none)."""
    for sentence in analysis.article.sentences:
        if sentence.index == index:
            return sentence.text
    if index == HEADLINE_INDEX:
        return analysis.article.headline
    return ""


def unique_refs(refs: Sequence[SentenceRef]) -> list[SentenceRef]:
    """``refs`` without repeats of a sentence (the first keeps its highlights), in order."""
    seen: dict[tuple[str, int], int] = {}
    out: list[SentenceRef] = []
    for ref in refs:
        key = (ref.article_id, ref.sentence_index)
        if key in seen:
            old = out[seen[key]]
            marks = tuple(sorted(set(old.highlights) | set(ref.highlights)))
            out[seen[key]] = SentenceRef(ref.article_id, ref.sentence_index, marks)
            continue
        seen[key] = len(out)
        out.append(ref)
    return out
