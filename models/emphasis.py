"""What each outlet stresses: topics over sentences, off-story material, distinctive words.

Three views of selection, all over body sentences:

* **Topics**: non-negative matrix factorisation (NMF) of the sentences' TF-IDF
  vectors; each sentence belongs to its strongest topic, and each outlet gets
  its share of sentences per topic.
* **Off-story material**: how much of what a sentence says the *other*
  articles also say. A sentence's cross-article support is the mean, over the
  other articles, of its best cosine similarity with one of their sentences;
  it is smoothed along the article (weights 1-2-1 with its neighbours, since
  asides come in runs), and a sentence whose smoothed support is below
  :data:`OFF_STORY_FRACTION` of the corpus median is off-story: material that
  no other article carries, like a battle report appended to a story about a
  resignation ban. An outlet's off-story share is its share of such sentences.
* **Distinctive words**: each outlet's words against all other outlets' by the
  weighted log-odds ratio with an informative Dirichlet prior (Monroe,
  Colaresi & Quinn 2008), reported as z-scores; the prior is the whole
  corpus's word shares, weighing as much as one average outlet's words.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from models.compare import outlet_names
from models.features import ArticleAnalysis
from models.progress import Cancelled, NullProgress, Progress

RANDOM_STATE = 0
MAX_TOPICS = 12
TOP_WORDS = 8
# Off-story: smoothed cross-article support below this fraction of the corpus median.
OFF_STORY_FRACTION = 0.75
DISTINCTIVE_Z = 1.96  # |z| above this is distinctive at the 5% level (two-sided)

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_SUFFIXES = ("ations", "ation", "ings", "ing", "ed", "es", "s")


def topic_count(n_sentences: int) -> int:
    """Topics for a corpus of ``n_sentences``: √(n/3), at least 2, at most 12."""
    return max(2, min(MAX_TOPICS, round(math.sqrt(n_sentences / 3))))


def _stop_words() -> frozenset[str]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS)


def words(text: str, stop: frozenset[str]) -> list[str]:
    """Lower-case words of three letters or more, stop words out (numbers are not words)."""
    out = []
    for match in _WORD.finditer(text):
        word = match.group(0).casefold().replace("’", "'")
        if len(word) >= 3 and word not in stop:
            out.append(word)
    return out


def stem(word: str) -> str:
    """A light suffix strip, so 'resigning', 'resigned' and 'resigns' compare as one."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


@dataclass(frozen=True, slots=True)
class Topic:
    """One NMF topic: its id (0-based), top words (strongest first) and their weights."""

    topic_id: int
    top_words: tuple[str, ...]
    weights: tuple[float, ...]

    @property
    def label(self) -> str:
        return " · ".join(self.top_words[:4])


@dataclass(frozen=True, slots=True)
class SentenceEmphasis:
    """A body sentence's topic (-1: none), cross-article support and off-story flag."""

    article_id: str
    outlet: str
    sentence_index: int
    text: str
    topic_id: int
    topic_weight: float
    support: float
    support_smoothed: float
    off_story: bool


@dataclass(frozen=True, slots=True)
class DistinctiveWord:
    """A word of ``outlet`` against the other outlets: log-odds z-score and counts."""

    outlet: str
    word: str
    z_score: float
    delta: float
    count: int
    count_others: int


@dataclass(slots=True)
class Emphasis:
    """Topics, sentences, per-outlet shares and distinctive words for one corpus."""

    outlets: list[str]
    topics: list[Topic]
    sentences: list[SentenceEmphasis]
    distinctive: list[DistinctiveWord]
    off_story_threshold: float

    def outlet_sentences(self, outlet: str) -> list[SentenceEmphasis]:
        return [s for s in self.sentences if s.outlet == outlet]

    def topic_share(self, outlet: str, topic_id: int) -> float:
        """Share (0–1) of the outlet's body sentences whose strongest topic is ``topic_id``."""
        mine = self.outlet_sentences(outlet)
        return sum(1 for s in mine if s.topic_id == topic_id) / len(mine) if mine else math.nan

    def off_story_share(self, outlet: str) -> float:
        """Share (0–1) of the outlet's body sentences that are off-story."""
        mine = self.outlet_sentences(outlet)
        return sum(1 for s in mine if s.off_story) / len(mine) if mine else math.nan

    def distinctive_for(self, outlet: str, top: int = 10) -> list[DistinctiveWord]:
        """The outlet's ``top`` most over-used words (highest z first)."""
        mine = [d for d in self.distinctive if d.outlet == outlet and d.z_score > 0]
        return sorted(mine, key=lambda d: -d.z_score)[:top]


def _sentence_table(
    analyses: Sequence[ArticleAnalysis],
) -> list[tuple[ArticleAnalysis, int, str]]:
    return [(a, s.index, s.text) for a in analyses for s in a.article.body_sentences]


def _topics(
    texts: Sequence[str], stop: frozenset[str]
) -> tuple[list[Topic], np.ndarray]:
    """NMF topics and the sentences × topics weights (zeros where a sentence has no words)."""
    from sklearn.decomposition import NMF
    from sklearn.feature_extraction.text import TfidfVectorizer

    n = len(texts)
    if n < 2:
        return [], np.zeros((n, 0))
    vectoriser = TfidfVectorizer(
        analyzer=lambda t: words(t, stop), sublinear_tf=True, min_df=2 if n >= 20 else 1
    )
    try:
        matrix = vectoriser.fit_transform(texts)
    except ValueError:  # no word at all
        return [], np.zeros((n, 0))
    k = min(topic_count(n), matrix.shape[1], n)
    if k < 1:
        return [], np.zeros((n, 0))
    model = NMF(n_components=k, random_state=RANDOM_STATE, init="nndsvda", max_iter=1000)
    weights = np.asarray(model.fit_transform(matrix))
    vocabulary = np.asarray(vectoriser.get_feature_names_out())
    topics = []
    for t, row in enumerate(model.components_):
        order = np.argsort(-row, kind="stable")[:TOP_WORDS]
        topics.append(Topic(t, tuple(str(w) for w in vocabulary[order]),
                            tuple(float(row[i]) for i in order)))
    return topics, weights


def _support(
    texts: Sequence[str], article_of: Sequence[int], stop: frozenset[str]
) -> np.ndarray:
    """Each sentence's mean, over the other articles, of its best cosine with their sentences."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    n = len(texts)
    articles = sorted(set(article_of))
    if n == 0 or len(articles) < 2:
        return np.zeros(n)
    vectoriser = TfidfVectorizer(analyzer=lambda t: [stem(w) for w in words(t, stop)],
                                 sublinear_tf=True)
    try:
        matrix = vectoriser.fit_transform(texts)
    except ValueError:
        return np.zeros(n)
    owner = np.asarray(article_of)
    # Columns grouped by article, so each article's best match is one reduceat.
    order = np.argsort(owner, kind="stable")
    grouped = matrix[order]
    starts = np.searchsorted(owner[order], articles)
    support = np.zeros(n)
    for a_pos, a in enumerate(articles):
        rows = np.where(owner == a)[0]
        sim = np.asarray((matrix[rows] @ grouped.T).todense())
        best = np.maximum.reduceat(sim, starts, axis=1)  # rows × articles
        others = np.delete(best, a_pos, axis=1)
        support[rows] = others.mean(axis=1)
    return support


def _smoothed(values: np.ndarray, article_of: Sequence[int]) -> np.ndarray:
    """1-2-1 weighted mean of each sentence with its neighbours in the same article."""
    out = values.copy()
    for i in range(len(values)):
        neighbours = [j for j in (i - 1, i + 1)
                      if 0 <= j < len(values) and article_of[j] == article_of[i]]
        out[i] = (2 * values[i] + sum(values[j] for j in neighbours)) / (2 + len(neighbours))
    return out


def log_odds_z(
    counts: Mapping[str, int], others: Mapping[str, int], prior: Mapping[str, float]
) -> dict[str, tuple[float, float]]:
    """Weighted log-odds ratio with an informative Dirichlet prior: word -> (δ, z).

    Monroe, Colaresi & Quinn (2008), eq. 16–22: with prior counts α_w (here the
    corpus's word shares, weighing as much as one average outlet) summing to α₀, ``δ = log((y_i+α)/(n_i+α₀−y_i−α)) −
    log((y_j+α)/(n_j+α₀−y_j−α))`` and ``σ² ≈ 1/(y_i+α) + 1/(y_j+α)``.
    """
    n_i, n_j = sum(counts.values()), sum(others.values())
    a0 = sum(prior.values())
    result: dict[str, tuple[float, float]] = {}
    for word, alpha in prior.items():
        if alpha <= 0:
            continue
        y_i, y_j = counts.get(word, 0), others.get(word, 0)
        delta = (math.log((y_i + alpha) / (n_i + a0 - y_i - alpha))
                 - math.log((y_j + alpha) / (n_j + a0 - y_j - alpha)))
        variance = 1.0 / (y_i + alpha) + 1.0 / (y_j + alpha)
        result[word] = (delta, delta / math.sqrt(variance))
    return result


def _distinctive(
    analyses: Sequence[ArticleAnalysis], outlets: Sequence[str], stop: frozenset[str]
) -> list[DistinctiveWord]:
    by_outlet: dict[str, Counter[str]] = {o: Counter() for o in outlets}
    for a in analyses:
        for s in a.article.body_sentences:
            by_outlet[a.outlet].update(words(s.text, stop))
    corpus: Counter[str] = Counter()
    for c in by_outlet.values():
        corpus.update(c)
    out: list[DistinctiveWord] = []
    if len(outlets) < 2:
        return out
    # The prior: the corpus's word shares, weighing as much as one average outlet's words.
    prior = {w: c / len(outlets) for w, c in corpus.items()}
    for outlet in outlets:
        others = corpus - by_outlet[outlet]
        for word, (delta, z) in log_odds_z(by_outlet[outlet], others, prior).items():
            if by_outlet[outlet].get(word, 0) == 0 and z > 0:
                continue
            out.append(DistinctiveWord(outlet, word, z, delta, by_outlet[outlet].get(word, 0),
                                       others.get(word, 0)))
    out.sort(key=lambda d: (d.outlet.casefold(), -d.z_score, d.word))
    return out


def analyze_emphasis(
    analyses: Sequence[ArticleAnalysis], progress: Progress | None = None
) -> Emphasis:
    """Topics, off-story sentences and distinctive words of ``analyses``.

    Deterministic (NMF with a fixed random state). Raises
    :class:`models.progress.Cancelled` when ``progress`` is cancelled.
    """
    progress = progress if progress is not None else NullProgress()
    stop = _stop_words()
    outlets = outlet_names(analyses)
    table = _sentence_table(analyses)
    texts = [t for _, _, t in table]
    ids = {a.article_id: i for i, a in enumerate(analyses)}
    article_of = [ids[a.article_id] for a, _, _ in table]
    progress.set_status("Emphasis: topics")
    topics, weights = _topics(texts, stop)
    if progress.is_cancelled():
        raise Cancelled
    progress.set_progress(0.4)
    progress.set_status("Emphasis: off-story material")
    support = _support(texts, article_of, stop)
    smoothed = _smoothed(support, article_of)
    threshold = OFF_STORY_FRACTION * float(np.median(support)) if len(support) else 0.0
    multi = len(set(article_of)) >= 2
    if progress.is_cancelled():
        raise Cancelled
    progress.set_progress(0.7)
    sentences = []
    for i, (analysis, index, text) in enumerate(table):
        row = weights[i] if weights.size else np.zeros(0)
        strongest = int(row.argmax()) if row.size and row.max() > 0 else -1
        sentences.append(SentenceEmphasis(
            analysis.article_id, analysis.outlet, index, text, strongest,
            float(row[strongest]) if strongest >= 0 else 0.0,
            float(support[i]), float(smoothed[i]),
            bool(multi and smoothed[i] < threshold),
        ))
    progress.set_status("Emphasis: distinctive words")
    distinctive = _distinctive(analyses, outlets, stop)
    progress.set_progress(1.0)
    return Emphasis(outlets, topics, sentences, distinctive, threshold)


def topic_rows(emphasis: Emphasis) -> list[dict[str, object]]:
    """topics.csv: one row per topic and outlet, plus each outlet's off-story row (id -1)."""
    rows: list[dict[str, object]] = []
    for outlet in emphasis.outlets:
        mine = emphasis.outlet_sentences(outlet)
        for topic in emphasis.topics:
            count = sum(1 for s in mine if s.topic_id == topic.topic_id)
            rows.append({
                "topic_id": topic.topic_id, "topic_label": topic.label,
                "top_words": " ".join(topic.top_words), "outlet": outlet, "sentences": count,
                "outlet_sentences": len(mine), "share": count / len(mine) if mine else None,
            })
        off = sum(1 for s in mine if s.off_story)
        rows.append({
            "topic_id": "off_story", "topic_label": "Off-story material",
            "top_words": "", "outlet": outlet, "sentences": off,
            "outlet_sentences": len(mine), "share": off / len(mine) if mine else None,
        })
    return rows


def distinctive_rows(emphasis: Emphasis, top: int = 25) -> list[dict[str, object]]:
    """distinctive_words.csv: each outlet's ``top`` most over-used words, ranked."""
    rows: list[dict[str, object]] = []
    for outlet in emphasis.outlets:
        for rank, d in enumerate(emphasis.distinctive_for(outlet, top), start=1):
            rows.append({
                "outlet": outlet, "word": d.word, "z_score": d.z_score, "log_odds": d.delta,
                "count": d.count, "count_other_outlets": d.count_others, "rank": rank,
            })
    return rows


def off_story_rows(emphasis: Emphasis) -> list[dict[str, object]]:
    return [{
        "article_id": s.article_id, "outlet": s.outlet, "sentence_index": s.sentence_index,
        "topic_id": s.topic_id, "support": s.support, "support_smoothed": s.support_smoothed,
        "off_story": s.off_story, "sentence": s.text,
    } for s in emphasis.sentences]
