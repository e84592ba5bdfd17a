"""Text reuse: passages that two articles share verbatim or nearly so.

Method (after Broder 1997 and Schleimer, Wilkerson & Aiken 2003): each
article's body becomes a sequence of normalised word tokens (case folded,
curly quotes straightened, punctuation dropped); every run of
:data:`SHINGLE` tokens is a shingle. Shingles that two articles share are
chained along the same diagonal (the same offset between the two texts),
allowing gaps of up to :data:`MAX_GAP` tokens, so a passage with a changed
word or two ("find out" / "figure out") stays one passage. A passage is kept
when at least :data:`MIN_SHARED_WORDS` of its words are covered by shared
shingles.

Direction: when both articles have dates and they differ, the earlier one is
taken as the source (``a->b`` or ``b->a``); a passage that also appears in a
third article, that is a quotation in both, or whose sentences cite the same
named source in both articles ("told The Moscow Times") more likely comes
from a common source (``common``); otherwise it is left ``unknown``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from models.features import ArticleAnalysis
from models.progress import Cancelled, NullProgress, Progress

if TYPE_CHECKING:
    from models.sources import Source

SHINGLE = 5
MAX_GAP = 3
MIN_SHARED_WORDS = 6

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W_]+(?:['’][^\W_]+)*")
_QUOTES_OPEN = "“\"‘"
_QUOTES_CLOSE = "”\"’"


@dataclass(frozen=True, slots=True)
class Token:
    norm: str
    start: int
    end: int
    sentence_index: int


@dataclass(frozen=True, slots=True)
class ReusedPassage:
    """A passage of article a found again in article b (offsets index each article's text)."""

    article_a: str
    outlet_a: str
    start_a: int
    end_a: int
    sentence_a: int
    article_b: str
    outlet_b: str
    start_b: int
    end_b: int
    sentence_b: int
    shared_words: int
    words_a: int
    words_b: int
    text_a: str
    text_b: str
    verbatim: bool
    quotation: bool
    direction: str
    also_in: tuple[str, ...] = ()
    common_sources: tuple[str, ...] = ()  # named sources both passages' sentences cite

    @property
    def overlap(self) -> float:
        """Shared words over the longer of the two passages (1 = identical)."""
        return self.shared_words / max(self.words_a, self.words_b, 1)


def tokens(analysis: ArticleAnalysis) -> list[Token]:
    """The body's word tokens, normalised, with their offsets in the article's text."""
    found = _article_tokens(analysis, {})
    return [Token(*t) for t in zip(found.norms, found.starts, found.ends, found.sentences,
                                   strict=True)]


# A sentence's tokens: normalised forms, offsets in the sentence, and the shingles
# (position of the first token, the SHINGLE forms) that lie within it.
_SentenceTokens = tuple[list[str], list[int], list[int], list[tuple[int, tuple[str, ...]]]]


def _sentence_tokens(text: str) -> _SentenceTokens:
    norms: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for match in _TOKEN.finditer(text):
        norms.append(match.group(0).casefold().replace("’", "'"))
        starts.append(match.start())
        ends.append(match.end())
    shingles = [(i, tuple(norms[i:i + SHINGLE])) for i in range(len(norms) - SHINGLE + 1)]
    return norms, starts, ends, shingles


@dataclass(slots=True)
class _ArticleTokens:
    """An article's body tokens as parallel lists (what :func:`tokens` gives as objects)."""

    norms: list[str]
    starts: list[int]
    ends: list[int]
    sentences: list[int]
    shingles: list[tuple[int, tuple[str, ...]]]  # within one sentence, in order


def _article_tokens(
    analysis: ArticleAnalysis, known: dict[str, _SentenceTokens]
) -> _ArticleTokens:
    """The tokens of ``analysis``'s body; ``known`` caches sentences by text (wire copy)."""
    out = _ArticleTokens([], [], [], [], [])
    for sentence in analysis.article.body_sentences:
        found = known.get(sentence.text)
        if found is None:
            found = known[sentence.text] = _sentence_tokens(sentence.text)
        norms, starts, ends, shingles = found
        base, offset = len(out.norms), sentence.start
        out.norms.extend(norms)
        out.starts.extend(offset + s for s in starts)
        out.ends.extend(offset + e for e in ends)
        out.sentences.extend([sentence.index] * len(norms))
        out.shingles.extend((base + i, shingle) for i, shingle in shingles)
    return out


def _in_quotes(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` lies inside a quotation that opens before it."""
    before = text[:start]
    opened = max(before.rfind(q) for q in _QUOTES_OPEN)
    closed = max(before.rfind(q) for q in "”")
    if opened < 0 or opened < closed:
        return False
    # The quotation is still open at the passage's end (or closes right after it).
    return text.find("”", start) >= end - 1 or text[opened] == '"'


def _chains(pairs: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Shingle matches (i, j) chained along nearby diagonals with small gaps."""
    chains: list[list[tuple[int, int]]] = []
    open_chains: list[list[tuple[int, int]]] = []
    for i, j in sorted(pairs):
        placed = False
        for chain in open_chains:
            li, lj = chain[-1]
            # Up to MAX_GAP changed words break SHINGLE + MAX_GAP shingles in a row.
            if 0 < i - li <= SHINGLE + MAX_GAP and 0 < j - lj <= SHINGLE + MAX_GAP and \
                    abs((j - i) - (lj - li)) <= MAX_GAP:
                chain.append((i, j))
                placed = True
                break
        if not placed:
            chain = [(i, j)]
            chains.append(chain)
            open_chains.append(chain)
        open_chains = [c for c in open_chains if i - c[-1][0] <= SHINGLE + MAX_GAP]
    return chains


def _direction(a: ArticleAnalysis, b: ArticleAnalysis, common: bool) -> str:
    da, db = a.article.date[:10], b.article.date[:10]
    if da and db and da != db:
        return "a->b" if da < db else "b->a"
    if common:
        return "common"
    return "unknown"


def find_reuse(
    analyses: Sequence[ArticleAnalysis], progress: Progress | None = None,
    sources: Sequence[Source] | None = None,
) -> list[ReusedPassage]:
    """Every passage shared by two articles, longest first (each pair listed once, a < b).

    ``sources``: :func:`models.sources.find_sources` of ``analyses`` when the caller
    has it already (computed here otherwise).
    """
    progress = progress if progress is not None else NullProgress()
    known: dict[str, _SentenceTokens] = {}
    toks = [_article_tokens(a, known) for a in analyses]
    index: dict[tuple[str, ...], list[tuple[int, int]]] = defaultdict(list)
    for k, ts in enumerate(toks):
        # A shingle stays within a sentence; passages may still span several.
        for i, shingle in ts.shingles:
            index[shingle].append((k, i))
    by_pair: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
    for places in index.values():
        if len(places) < 2 or len(places) > 50:  # boilerplate repeated everywhere: skip
            continue
        for x in range(len(places)):
            for y in range(x + 1, len(places)):
                (ka, ia), (kb, ib) = places[x], places[y]
                if ka == kb:
                    continue
                if ka > kb:
                    (ka, ia), (kb, ib) = (kb, ib), (ka, ia)
                by_pair[(ka, kb)].append((ia, ib))
    raw: list[tuple[int, int, int, int, int, int, int]] = []
    for n, ((ka, kb), pairs) in enumerate(sorted(by_pair.items())):
        if progress.is_cancelled():
            raise Cancelled
        for chain in _chains(pairs):
            covered_a = {i + d for i, _ in chain for d in range(SHINGLE)}
            if len(covered_a) < MIN_SHARED_WORDS:
                continue
            a0, a1 = chain[0][0], chain[-1][0] + SHINGLE - 1
            b0, b1 = chain[0][1], chain[-1][1] + SHINGLE - 1
            raw.append((ka, kb, a0, a1, b0, b1, len(covered_a)))
        progress.set_progress((n + 1) / max(1, len(by_pair)))
    # Where else each passage of a appears (a third article suggests a common source).
    seen_in: dict[tuple[int, int, int], set[int]] = defaultdict(set)
    for ka, kb, a0, a1, b0, b1, _ in raw:
        seen_in[(ka, a0, a1)].add(kb)
        seen_in[(kb, b0, b1)].add(ka)
    by_article = _by_article(seen_in)
    cited = _cited_by_sentence(analyses, sources) if raw else {}
    passages: list[ReusedPassage] = []
    for ka, kb, a0, a1, b0, b1, shared in raw:
        a, b = analyses[ka], analyses[kb]
        ta, tb = toks[ka], toks[kb]
        start_a, end_a = ta.starts[a0], ta.ends[a1]
        start_b, end_b = tb.starts[b0], tb.ends[b1]
        others = (_overlapping(by_article, ka, a0, a1) | _overlapping(by_article, kb, b0, b1)) \
            - {ka, kb}
        quoted = _in_quotes(a.article.text, start_a, end_a) and \
            _in_quotes(b.article.text, start_b, end_b)
        verbatim = ta.norms[a0:a1 + 1] == tb.norms[b0:b1 + 1]
        sentences_a = set(ta.sentences[a0:a1 + 1])
        sentences_b = set(tb.sentences[b0:b1 + 1])
        common = sorted(
            set().union(*(cited.get((a.article_id, i), set()) for i in sentences_a))
            & set().union(*(cited.get((b.article_id, i), set()) for i in sentences_b))
        )
        passages.append(ReusedPassage(
            a.article_id, a.outlet, start_a, end_a, ta.sentences[a0],
            b.article_id, b.outlet, start_b, end_b, tb.sentences[b0],
            shared, a1 - a0 + 1, b1 - b0 + 1,
            a.article.text[start_a:end_a], b.article.text[start_b:end_b], verbatim, quoted,
            _direction(a, b, bool(others) or quoted or bool(common)),
            tuple(sorted(analyses[k].article_id for k in others)), tuple(common),
        ))
    passages.sort(key=lambda p: (-p.shared_words, p.article_a, p.start_a, p.article_b))
    return passages


def _cited_by_sentence(
    analyses: Sequence[ArticleAnalysis], sources: Sequence[Source] | None = None
) -> dict[tuple[str, int], set[str]]:
    """(article id, sentence index) -> names of the named sources cited in that sentence."""
    from models.sources import find_sources

    cited: dict[tuple[str, int], set[str]] = defaultdict(set)
    for source in sources if sources is not None else find_sources(analyses):
        if source.source_type == "anonymous" or source.source_id.startswith("unnamed:"):
            continue
        for m in source.mentions:
            cited[(m.article_id, m.sentence_index)].add(source.name)
    return cited


def _by_article(seen_in: dict[tuple[int, int, int], set[int]]
                ) -> dict[int, list[tuple[int, int, set[int]]]]:
    """The passages of ``seen_in`` by article: k -> [(a0, a1, articles it is seen in)]."""
    out: dict[int, list[tuple[int, int, set[int]]]] = defaultdict(list)
    for (k, a0, a1), where in seen_in.items():
        out[k].append((a0, a1, where))
    return out


def _overlapping(by_article: dict[int, list[tuple[int, int, set[int]]]], k: int, lo: int,
                 hi: int) -> set[int]:
    """The articles in which a passage of article ``k`` overlapping tokens lo..hi is seen."""
    found: set[int] = set()
    for a0, a1, where in by_article.get(k, ()):
        if a0 <= hi and lo <= a1:
            found |= where
    return found


def reuse_rows(passages: Sequence[ReusedPassage]) -> list[dict[str, object]]:
    """reuse.csv: one row per shared passage."""
    return [{
        "article_a": p.article_a, "outlet_a": p.outlet_a, "start_a": p.start_a,
        "end_a": p.end_a, "article_b": p.article_b, "outlet_b": p.outlet_b,
        "start_b": p.start_b, "end_b": p.end_b, "shared_words": p.shared_words,
        "text": p.text_a, "text_b": p.text_b, "sentence_a": p.sentence_a,
        "sentence_b": p.sentence_b, "words_a": p.words_a, "words_b": p.words_b,
        "verbatim": p.verbatim, "quotation": p.quotation, "direction": p.direction,
        "also_in": "|".join(p.also_in), "common_sources": "|".join(p.common_sources),
    } for p in passages]
