"""Per-article scores: the numbers in ``scores.csv`` and the app's table.

Every rate is per 100 body words; every share runs from 0 to 1. Definitions
and citations live in :mod:`models.measures`; this module computes them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

# The cue finder's module (lexicons, expressions) loads with this one: the window's
# import thread loads both before the first results arrive (test_startup_lazy).
import models.cues  # noqa: F401
from models import hedging
from models.article import Article, Block, Role, Sentence, Span
from models.headline import headline_measures
from models.progress import Cancelled, NullProgress, Progress
from models.tone import mean_tone, negative_share, sentence_tone, sentence_tones
from models.voice import VOICE_CATEGORIES, attributed_flags

if TYPE_CHECKING:
    from models.cues import CueFinder

# A word: letters or digits with inner apostrophes or hyphens; "200,000" and "3.5" are one.
_WORD = re.compile(r"(?:\d+(?:[.,]\d+)+|[^\W_]+)(?:['’\-][^\W_]+)*")


def count_words(text: str) -> int:
    """Number of word tokens in ``text``."""
    return len(_WORD.findall(text))


@lru_cache(maxsize=65536)
def sentence_words(text: str) -> int:
    """:func:`count_words` of a sentence, remembered: wire copy repeats sentences."""
    return len(_WORD.findall(text))


@dataclass(frozen=True, slots=True)
class ArticleScores:
    """One article's measures; keys match :data:`models.measures.MEASURES`."""

    words: int
    sentences: int
    hedges_epistemic_per_100w: float | None
    hedges_evidential_per_100w: float | None
    boosters_per_100w: float | None
    estimative_probability_mean: float | None
    attributions_per_100w: float | None
    attributions_factive_share: float | None
    attributions_loaded_share: float | None
    # The source counts are None (undefined) without body words: no one can be cited in a
    # headline alone, so 0 would be a finding where there is none.
    sources_named: int | None
    sources_anonymous: int | None
    loaded_per_100w: float | None
    tone_mean: float | None
    tone_negative_share: float | None
    headline_tone: float | None
    headline_hedged: bool | None
    headline_body_gap: float | None
    # additions
    hedges_weasel_per_100w: float | None = 0.0
    hedges_vague_per_100w: float | None = 0.0
    # Defaults so that scores built by hand need not name them; score_spans computes them.
    tone_news_mean: float | None = None
    headline_sensational: float | None = None
    sources_described: int | None = 0
    # The certainty measures split by voice (models.voice): own + quoted = the total.
    hedges_epistemic_own_per_100w: float | None = 0.0
    hedges_epistemic_quoted_per_100w: float | None = 0.0
    hedges_evidential_own_per_100w: float | None = 0.0
    hedges_evidential_quoted_per_100w: float | None = 0.0
    boosters_own_per_100w: float | None = 0.0
    boosters_quoted_per_100w: float | None = 0.0
    # Named sources after merging the ways of writing one name (models.sources): set by
    # analyze_article, which has the article's analysis that the merge reads.
    sources_named_people: int | None = 0
    # tone_news of the headline (VADER's is headline_tone): set by score_spans.
    headline_tone_news: float | None = None
    # additions: custom dictionaries' rates, keyed by column (models.dictionaries)
    extra: dict[str, float | None] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """The measures by key; dictionary columns follow the fixed ones."""
        values = asdict(self)
        values.update(values.pop("extra"))
        return values

    def value(self, key: str) -> float | None:
        """The measure ``key`` as a float (flags as 0/1), or None when undefined."""
        if key in self.extra:
            return self.extra[key]
        raw = getattr(self, key)
        if raw is None:
            return None
        return float(raw)


@dataclass(frozen=True, slots=True)
class ArticleAnalysis:
    """An article with its cues, sentence tones and scores."""

    article: Article
    spans: tuple[Span, ...]
    sentence_tones: tuple[float, ...]  # VADER compound per body sentence, in order
    headline_restating: tuple[int, ...]  # body sentence indices that restate the headline
    scores: ArticleScores
    # tone_news per body sentence, in order; computed from the sentences when not given.
    sentence_tones_news: tuple[float, ...] = ()

    def __post_init__(self) -> None:
        body = self.article.body_sentences
        if len(self.sentence_tones_news) != len(body):
            object.__setattr__(self, "sentence_tones_news", news_tones(body))

    @property
    def article_id(self) -> str:
        return self.article.article_id

    @property
    def outlet(self) -> str:
        return self.article.outlet


def news_tones(sentences: Sequence[Sentence]) -> tuple[float, ...]:
    """tone_news (-1 to 1) of each sentence, in order."""
    from models.tone_news import tone_news_many

    return tuple(tone_news_many([s.text for s in sentences]))


#: Most distinct sentences whose tones score_tones_ahead scores at once (VADER's pass
#: of each is kept for tone_news in a cache of 8,192 sentences: models.tone).
AHEAD_SENTENCES = 2048


def score_tones_ahead(articles: Sequence[Article]) -> None:
    """Score the VADER and tone_news tones of these articles' body sentences (and
    tone_news of their headlines) now, all together, into the caches that
    :func:`analyze_article` then reads them from.

    tone_news scores many sentences at once with numpy arrays over their words
    (:func:`models.tone_news.ratings`), which costs less than one article's few new
    sentences at a time; each sentence's number is the same either way, bit for bit.
    """
    from models.tone_news import tone_news_many

    heads = [text for a in articles if (text := headline_text(a))]
    distinct = list({s.text: s for a in articles for s in a.body_sentences}.values())
    for start in range(0, max(len(distinct), 1), AHEAD_SENTENCES):
        part = [s.text for s in distinct[start:start + AHEAD_SENTENCES]]
        sentence_tones(part)
        tone_news_many(part + heads if start == 0 else part)  # the headlines: one batch


def headline_text(article: Article) -> str:
    """The headline as found in the text, else as given (e.g. by a manifest); '' for none."""
    head = article.headline_sentence
    return head.text if head is not None else article.headline


def _per_100(count: int, words: int) -> float | None:
    """``count`` per 100 body words; None (undefined, an empty cell in scores.csv, left
    out of outlet means) for an article with no body words: a file that holds only a
    headline has no rate, not a rate of 0, which would pull its outlet's mean down."""
    return 100.0 * count / words if words else None


def estimative_probability_mean(spans: Iterable[Span]) -> float | None:
    """Mean midpoint (0–1) of the ranges of the epistemic hedges that are not negated."""
    midpoints = [
        (s.probability_low + s.probability_high) / 2
        for s in spans
        if s.category == "hedge" and s.subcategory == "epistemic" and not s.negated
        and s.probability_low is not None and s.probability_high is not None
    ]
    return sum(midpoints) / len(midpoints) if midpoints else None


NAMED_SOURCE_TYPES = ("person", "institution", "media")


def named_sources(spans: Iterable[Span]) -> set[str]:
    """Distinct named sources (people, institutions, media), told apart by their term; a
    bare noun of the lexicon ('the ministry', 'the authorities', 'The outlet', 'the
    media') is a description, no name (audit22, session 22: they made 004's count 10)."""
    from models.sources import is_described_national_body, is_description

    return {
        s.term.casefold()
        for s in spans
        if s.category == "source" and s.subcategory in NAMED_SOURCE_TYPES
        and not is_description(s.term) and not is_described_national_body(s.text)
    }


def headline_news_tone(text: str | None) -> float | None:
    """tone_news of the headline, as of a body sentence; None without a headline."""
    if text is None:
        return None
    from models.tone_news import tone_news_many

    return tone_news_many([text])[0]


def _default_finder() -> CueFinder:
    from models.cues import default_finder

    return default_finder()


def score_spans(
    article: Article,
    spans: Sequence[Span],
    tones: Sequence[float],
    news: Sequence[float] | None = None,
) -> tuple[ArticleScores, tuple[int, ...]]:
    """Compute an article's scores from its cues and body-sentence tones.

    ``tones`` are VADER's, ``news`` tone_news's (computed here when not given).
    """
    from models.sensational import sensational

    body = article.body_sentences
    words = sum(sentence_words(s.text) for s in body)
    body_spans = [s for s in spans if not s.in_headline]
    head_spans = [s for s in spans if s.in_headline]
    # count_by(body_spans, ...) for each measure, from one pass over the spans.
    tally = Counter((s.category, s.subcategory) for s in body_spans if not s.negated)
    by_category = Counter[str]()
    for (category, _subcategory), n in tally.items():
        by_category[category] += n

    def count(category: str, subcategory: str | None = None) -> int:
        return by_category[category] if subcategory is None else tally[category, subcategory]

    # The certainty cues in a quotation or reported speech (models.voice): the speaker's.
    quoted = Counter[str]()
    certainty = [s for s in body_spans if s.category in VOICE_CATEGORIES and not s.negated]
    if certainty:
        for span, inside in zip(certainty, attributed_flags(article, certainty, spans), strict=True):
            if inside:
                quoted["booster" if span.category == "booster" else span.subcategory] += 1
    epistemic, evidential, boosters = (
        count("hedge", "epistemic"), count("hedge", "evidential"), count("booster")
    )

    attributions = count("attribution")
    head_text = headline_text(article) if (
        article.headline_sentence is not None or article.headline) else None
    head_tone = sentence_tone(head_text) if head_text is not None else None
    headline = headline_measures(article.headline, head_tone, head_spans, body, body_spans)
    scores = ArticleScores(
        words=words,
        sentences=len(body),
        hedges_epistemic_per_100w=_per_100(epistemic, words),
        hedges_evidential_per_100w=_per_100(evidential, words),
        boosters_per_100w=_per_100(boosters, words),
        estimative_probability_mean=estimative_probability_mean(body_spans),
        attributions_per_100w=_per_100(attributions, words),
        attributions_factive_share=(
            count("attribution", "factive") / attributions if attributions else None
        ),
        attributions_loaded_share=(
            count("attribution", "loaded") / attributions if attributions else None
        ),
        sources_named=len(named_sources(body_spans)) if words else None,
        sources_anonymous=count("source", "anonymous") if words else None,
        loaded_per_100w=_per_100(count("loaded"), words),
        tone_mean=mean_tone(tones) if tones else None,
        tone_negative_share=negative_share(tones) if tones else None,
        headline_tone=headline.tone,
        headline_hedged=headline.hedged,
        headline_body_gap=headline.body_gap,
        hedges_weasel_per_100w=_per_100(count("hedge", "weasel"), words),
        hedges_vague_per_100w=_per_100(count("hedge", "vague"), words),
        tone_news_mean=mean_tone(news if news is not None else news_tones(body)) if body else None,
        sources_described=count("source", "described") if words else None,
        headline_sensational=sensational(headline_text(article)),
        hedges_epistemic_own_per_100w=_per_100(epistemic - quoted["epistemic"], words),
        hedges_epistemic_quoted_per_100w=_per_100(quoted["epistemic"], words),
        hedges_evidential_own_per_100w=_per_100(evidential - quoted["evidential"], words),
        hedges_evidential_quoted_per_100w=_per_100(quoted["evidential"], words),
        boosters_own_per_100w=_per_100(boosters - quoted["booster"], words),
        boosters_quoted_per_100w=_per_100(quoted["booster"], words),
        headline_tone_news=headline_news_tone(head_text),
    )
    return scores, headline.restating


def analyze_article(article: Article, finder: CueFinder | None = None) -> ArticleAnalysis:
    """Find the cues of one article, score its sentences' tone, and compute its scores."""
    finder = finder if finder is not None else _default_finder()
    spans = tuple(finder.find_in_article(article))
    if article.headline and article.headline_sentence is None:
        # A headline given by a manifest that is not in the file: its cues are
        # found on the headline string, with offsets into that string.
        spans = tuple(finder.find(article.headline, offset=0, sentence_index=-1,
                                  names=hedging.mid_sentence_names(article),
                                  published_year=hedging.published_year(article))) + spans
    body = article.body_sentences
    tones = tuple(sentence_tones(s.text for s in body))
    news = news_tones(body)
    scores, restating = score_spans(article, spans, tones, news)
    analysis = ArticleAnalysis(article, spans, tones, restating, scores, news)
    return with_named_people(analysis)


def with_named_people(analysis: ArticleAnalysis) -> ArticleAnalysis:
    """``analysis`` with its ``sources_named_people``: the merge of its sources
    (:func:`models.sources.named_people`) reads the whole analysis, so it comes last."""
    from models.sources import named_people

    # None without body words, as the other source counts (score_spans).
    people = named_people(analysis) if analysis.scores.words else None
    if people == analysis.scores.sources_named_people:
        return analysis
    return replace(analysis, scores=replace(analysis.scores, sources_named_people=people))


def analyze_articles(
    articles: Sequence[Article],
    progress: Progress | None = None,
    finder: CueFinder | None = None,
) -> list[ArticleAnalysis]:
    """Analyse articles in order; checks for cancellation between articles."""
    progress = progress if progress is not None else NullProgress()
    finder = finder if finder is not None else _default_finder()
    results: list[ArticleAnalysis] = []
    for i, article in enumerate(articles):
        if progress.is_cancelled():
            raise Cancelled
        progress.set_status(f"Analysing {i + 1} of {len(articles)}: {article.article_id}")
        results.append(analyze_article(article, finder))
        progress.set_progress((i + 1) / len(articles))
    return results


def article_from_text(text: str, article_id: str = "text") -> Article:
    """An article whose whole text is body (no layout detection): for scripts and models."""
    from models.segment import split_sentences

    spans = split_sentences(text)
    sentences = tuple(
        Sentence(index=i, start=a, end=b, text=text[a:b]) for i, (a, b) in enumerate(spans)
    )
    blocks = (Block(0, len(text), Role.BODY, "raw text"),) if text else ()
    return Article(article_id=article_id, text=text, blocks=blocks, sentences=sentences)


def __getattr__(name: str) -> Any:
    # scikit-learn costs ~0.7 s to import: the transformer loads it on first use.
    if name == "FramingFeatures":
        from models.transformer import FramingFeatures

        return FramingFeatures
    raise AttributeError(name)


def texts_to_articles(texts: Iterable[str]) -> list[Article]:
    """Wrap raw strings as all-body articles, ids ``text-0``, ``text-1``…"""
    return [article_from_text(t, f"text-{i}") for i, t in enumerate(texts)]
