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
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

import numpy as np

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
    known = _Shingles()
    found = _article_tokens(analysis, known)
    out: list[Token] = []
    for offset, index, (norms, _), text in found.sentences:
        starts, ends = known.offsets(text)
        out += [Token(norm, offset + start, offset + end, index)
                for norm, start, end in zip(norms, starts, ends, strict=True)]
    return out


# A sentence's tokens: their normalised forms, and how many shingles (runs of SHINGLE
# forms within it) they hold.
_SentenceTokens = tuple[list[str], int]


class _Shingles:
    """Sentences' tokens by text (wire copy repeats sentences), and the tokens' offsets
    of the sentences that need them. The shingles are numbered in :func:`_matches`,
    all at once."""

    def __init__(self) -> None:
        self.sentences: dict[str, _SentenceTokens] = {}
        self._offsets: dict[str, tuple[list[int], list[int]]] = {}

    def sentence(self, text: str) -> _SentenceTokens:
        found = self.sentences.get(text)
        if found is None:
            # The tokens' texts (_TOKEN has no capturing group); their offsets are
            # found only for the sentences where a passage starts or ends (offsets).
            forms = _TOKEN.findall(text)
            # Case folding maps each character on its own, so folding the tokens
            # joined by a character no token holds folds each token.
            norms = "\0".join(forms).casefold().replace("’", "'").split("\0") \
                if forms else []
            found = self.sentences[text] = (norms, max(0, len(norms) - SHINGLE + 1))
        return found

    def offsets(self, text: str) -> tuple[list[int], list[int]]:
        """Where each token of ``text`` starts and ends in it (those of :meth:`sentence`)."""
        found = self._offsets.get(text)
        if found is None:
            matches = list(_TOKEN.finditer(text))
            found = self._offsets[text] = ([m.start() for m in matches],
                                           [m.end() for m in matches])
        return found


@dataclass(slots=True)
class _ArticleTokens:
    """An article's body tokens: their normalised forms, and each sentence's first
    token's position, its offset in the article, its index, its tokens and its text
    (the offsets and sentence of a token are looked up when a passage needs them)."""

    known: _Shingles
    norms: list[str]
    bases: list[int]
    sentences: list[tuple[int, int, _SentenceTokens, str]]  # (offset, index, tokens, text)
    shingled: list[tuple[int, _SentenceTokens]]  # (first token's position, tokens)

    def _sentence_of(self, position: int) -> int:
        return bisect_right(self.bases, position) - 1

    def start(self, position: int) -> int:
        k = self._sentence_of(position)
        offset, _, _, text = self.sentences[k]
        return offset + self.known.offsets(text)[0][position - self.bases[k]]

    def end(self, position: int) -> int:
        k = self._sentence_of(position)
        offset, _, _, text = self.sentences[k]
        return offset + self.known.offsets(text)[1][position - self.bases[k]]

    def sentence_index(self, position: int) -> int:
        return self.sentences[self._sentence_of(position)][1]

    def sentence_indices(self, first: int, last: int) -> set[int]:
        """The indices of the sentences holding tokens ``first``..``last``."""
        return {self.sentences[k][1]
                for k in range(self._sentence_of(first), self._sentence_of(last) + 1)
                if self.sentences[k][2][0]}


def _article_tokens(analysis: ArticleAnalysis, known: _Shingles) -> _ArticleTokens:
    """The tokens of ``analysis``'s body; ``known`` caches sentences by text."""
    out = _ArticleTokens(known, [], [], [], [])
    for sentence in analysis.article.body_sentences:
        found = known.sentence(sentence.text)
        base = len(out.norms)
        out.norms += found[0]
        out.bases.append(base)
        out.sentences.append((sentence.start, sentence.index, found, sentence.text))
        if found[1]:
            out.shingled.append((base, found))
    return out


def _in_quotes(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` lies inside a quotation that opens before it."""
    opened = max(text.rfind(q, 0, start) for q in _QUOTES_OPEN)
    closed = text.rfind("”", 0, start)
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


def _matches(toks: Sequence[_ArticleTokens]) -> np.ndarray:
    """Every pair of places (article ka < kb, token positions ia, ib: the rows) starting
    the same shingle, skipping shingles found in more than 50 places (boilerplate),
    sorted by (ka, kb, ia, ib).

    The same pairs as looping over each shingle's places (in article order) and
    pairing them, computed with numpy from each distinct sentence's shingles.
    """
    # Each sentence occurrence with shingles: its article, its first token's position,
    # and where its distinct sentence's shingles start among every distinct sentence's.
    forms: list[str] = []  # the distinct sentences' tokens, one sentence after another
    distinct_start: list[int] = []  # each distinct sentence's first token in forms
    distinct_runs: list[int] = []  # and its number of shingles
    where: dict[int, int] = {}
    occurrence_article: list[int] = []
    occurrence_base: list[int] = []
    occurrence_start: list[int] = []
    occurrence_count: list[int] = []
    runs_so_far = 0
    for k, ts in enumerate(toks):
        for base, (norms, runs) in ts.shingled:
            start = where.get(id(norms))
            if start is None:
                start = where[id(norms)] = runs_so_far
                runs_so_far += runs
                distinct_start.append(len(forms))
                distinct_runs.append(runs)
                forms += norms
            occurrence_article.append(k)
            occurrence_base.append(base)
            occurrence_start.append(start)
            occurrence_count.append(runs)
    count = np.asarray(occurrence_count, dtype=np.int64)
    total = int(count.sum())
    none = np.zeros((0, 4), dtype=np.int64)
    if total == 0:
        return none
    owner = np.repeat(np.arange(len(count)), count)
    within = np.arange(total) - np.repeat(np.cumsum(count) - count, count)
    numbers = _shingle_numbers(forms, distinct_start, distinct_runs)
    shingle = numbers[np.asarray(occurrence_start)[owner] + within]
    article = np.asarray(occurrence_article, dtype=np.int64)[owner]
    position = np.asarray(occurrence_base, dtype=np.int64)[owner] + within
    # The places of each shingle, in article then position order (as they were found).
    order = np.argsort(shingle, kind="stable")
    shingle, article, position = shingle[order], article[order], position[order]
    starts = np.flatnonzero(np.r_[True, shingle[1:] != shingle[:-1]])
    sizes = np.diff(np.r_[starts, total])
    found_a: list[np.ndarray] = []
    found_b: list[np.ndarray] = []
    for size in np.unique(sizes[(sizes >= 2) & (sizes <= 50)]).tolist():
        x, y = np.triu_indices(size, 1)
        first = starts[sizes == size][:, None]
        found_a.append((first + x).ravel())
        found_b.append((first + y).ravel())
    if not found_a:
        return none
    pa, pb = np.concatenate(found_a), np.concatenate(found_b)
    keep = article[pa] != article[pb]  # article[pa] <= article[pb]: places are in order
    pa, pb = pa[keep], pb[keep]
    pairs = np.stack([article[pa], article[pb], position[pa], position[pb]], axis=1)
    ordered: np.ndarray = pairs[_row_order(pairs)]
    return ordered


def _shingle_numbers(forms: list[str], starts: list[int], runs: list[int]) -> np.ndarray:
    """One number for each shingle (each run of SHINGLE tokens from ``forms[starts[k]]``
    on, ``runs[k]`` of them for sentence k, in order), the same number for the same
    tokens and different ones for different tokens: 0, 1, 2… in order of first
    occurrence.

    Each token's form is numbered, and a shingle's numbers are packed into one 64-bit
    key, a few at a time: when the next one would not fit, the keys so far are
    replaced by their rank among the distinct keys (np.unique), which keeps them
    apart. (A dictionary of the shingles' tuples of forms did the same at two to four
    times the CPU: 548,000 distinct shingles on the 2,399-article benchmark corpus.)
    """
    vocabulary = {form: k for k, form in enumerate(dict.fromkeys(forms))}
    tokens = np.fromiter(map(vocabulary.__getitem__, forms), dtype=np.int64, count=len(forms))
    counts = np.asarray(runs, dtype=np.int64)
    total = int(counts.sum())
    first = np.repeat(np.asarray(starts, dtype=np.int64), counts) + (
        np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts))
    bits = max(1, (len(vocabulary) - 1).bit_length())  # of a token's number
    key = tokens[first]
    width = bits  # of the keys so far
    for k in range(1, SHINGLE):
        if width + bits > 63:
            distinct, rank = np.unique(key, return_inverse=True)
            key = rank.reshape(-1).astype(np.int64)
            width = max(1, (len(distinct) - 1).bit_length())
        key = (key << bits) | tokens[first + k]
        width += bits
    # Numbered in order of first occurrence, as a dictionary numbers them: most of a
    # story's shingles first occur together, so the places sorted by shingle
    # (:func:`_matches`) are nearly in order already, which the stable sort is quick at.
    _, first_seen, rank = np.unique(key, return_index=True, return_inverse=True)
    renumber = np.empty(len(first_seen), dtype=np.int64)
    renumber[np.argsort(first_seen)] = np.arange(len(first_seen))
    numbers: np.ndarray = renumber[rank.reshape(-1)]
    return numbers


def _row_order(rows: np.ndarray) -> np.ndarray:
    """The order of ``rows`` (distinct rows of non-negative integers) sorted by their
    columns, first to last: ``np.lexsort`` on the reversed columns, or, when the columns'
    bits fit in one 63-bit key, an argsort of that key (a tenth of the time; distinct
    rows have distinct keys, so any sort gives the one order)."""
    widths = [int(column.max()).bit_length() if len(column) else 0 for column in rows.T]
    if sum(widths) > 63:
        order: np.ndarray = np.lexsort(rows.T[::-1])
        return order
    key = np.zeros(len(rows), dtype=np.int64)
    for column, width in zip(rows.T, widths, strict=True):
        key <<= width
        key |= column
    return np.argsort(key, kind="stable")


#: A chain may continue this far along a text (a gap of MAX_GAP changed words breaks
#: SHINGLE + MAX_GAP shingles in a row).
_REACH = SHINGLE + MAX_GAP

_Raw = tuple[int, int, int, int, int, int, int]
# A passage's side in one article: its start and end offsets, first sentence's index,
# text, whether it is quoted, the articles overlapping passages are seen in, and the
# named sources its sentences cite.
_Side = tuple[int, int, int, str, bool, set[int], set[str]]


def _raw_passages(toks: Sequence[_ArticleTokens], progress: Progress) -> list[_Raw]:
    """The passages (ka, kb, a0, a1, b0, b1, words of a covered) of every article pair."""
    return _chained(_matches(toks), progress)


def _chained(pairs: np.ndarray, progress: Progress) -> list[_Raw]:
    """The passages (ka, kb, a0, a1, b0, b1, words of a covered) of the matches ``pairs``
    (rows ka, kb, ia, ib sorted, as :func:`_matches` gives them), article pairs in
    order, each pair's passages in the order :func:`_chains` makes them.

    Within an article pair, where consecutive matches (sorted by position in a, then
    in b) are more than :data:`_REACH` apart in a, no chain can span the gap, so the
    parts between such gaps are chained on their own. A part in which each match
    follows the one before as a chain continues (both positions further on, by at
    most _REACH, along nearly the same diagonal) is one chain, as :func:`_chains`
    finds it (it only ever has that chain open): most parts, found at once with
    numpy. The other parts go through :func:`_chains`.
    """
    n = len(pairs)
    if n == 0:
        return []
    ka, kb, ia, ib = pairs[:, 0], pairs[:, 1], pairs[:, 2], pairs[:, 3]
    di, dj = np.diff(ia), np.diff(ib)
    same_pair = (ka[1:] == ka[:-1]) & (kb[1:] == kb[:-1])
    # Part boundaries: a new article pair, or a gap no chain spans.
    new_part = np.r_[True, ~same_pair | (di > _REACH)]
    part = np.cumsum(new_part) - 1
    firsts = np.flatnonzero(new_part)
    lasts = np.r_[firsts[1:] - 1, n - 1]
    continues = (di > 0) & (di <= _REACH) & (dj > 0) & (dj <= _REACH) & \
        (np.abs(dj - di) <= MAX_GAP)
    inner = ~new_part[1:]  # links within a part
    broken = np.bincount(part[1:][inner & ~continues], minlength=len(firsts)) > 0
    steps = np.bincount(part[1:][inner], weights=np.minimum(di, SHINGLE)[inner],
                        minlength=len(firsts)).astype(np.int64)
    covered = SHINGLE + steps
    simple = np.flatnonzero(~broken & (covered >= MIN_SHARED_WORDS))
    first, last = firsts[simple], lasts[simple]
    found: list[tuple[int, _Raw]] = list(zip(simple.tolist(), zip(
        ka[first].tolist(), kb[first].tolist(), ia[first].tolist(),
        (ia[last] + SHINGLE - 1).tolist(), ib[first].tolist(),
        (ib[last] + SHINGLE - 1).tolist(), covered[simple].tolist(), strict=True),
        strict=True))
    complex_parts = np.flatnonzero(broken).tolist()
    # The chains of a part, as offsets from its first match: _chains reads only the
    # differences between positions, so a part whose matches are another's moved along
    # both texts (wire copy: a story's passages between its copies, in each pair of
    # them) has that part's chains, moved as much. 1,536 distinct of 5,328 on the
    # 2,399-article benchmark corpus.
    known: dict[tuple[bytes, bytes], list[tuple[int, int, int, int, int]]] = {}
    for done, p in enumerate(complex_parts):
        if done % 256 == 0:
            if progress.is_cancelled():
                raise Cancelled
            progress.set_progress(done / len(complex_parts))
        lo, hi = int(firsts[p]), int(lasts[p]) + 1
        a, b = int(ka[lo]), int(kb[lo])
        i0, j0 = int(ia[lo]), int(ib[lo])
        along_a, along_b = ia[lo:hi] - i0, ib[lo:hi] - j0
        key = (along_a.tobytes(), along_b.tobytes())
        chains = known.get(key)
        if chains is None:
            chains = known[key] = [
                (chain[0][0], chain[-1][0], chain[0][1], chain[-1][1], words)
                for chain in _chains(list(zip(along_a.tolist(), along_b.tolist(), strict=True)))
                if (words := _covered(chain)) >= MIN_SHARED_WORDS]
        for first_a, last_a, first_b, last_b, words in chains:
            found.append((p, (a, b, i0 + first_a, i0 + last_a + SHINGLE - 1,
                              j0 + first_b, j0 + last_b + SHINGLE - 1, words)))
    found.sort(key=lambda f: f[0])  # stable: a part's chains stay in their order
    progress.set_progress(1.0)
    return [r for _, r in found]


def _covered(chain: Sequence[tuple[int, int]]) -> int:
    """Tokens of a covered by the shingles of ``chain`` (matches in increasing order
    along a, as :func:`_chains` makes them): ``len({i + d for i, _ in chain for d in
    range(SHINGLE)})``, each shingle adding the tokens past the one before it."""
    covered = SHINGLE
    for (before, _), (i, _) in pairwise(chain):
        covered += min(i - before, SHINGLE)
    return covered


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
    known = _Shingles()
    toks = [_article_tokens(a, known) for a in analyses]
    raw = _raw_passages(toks, progress)
    # Where else each passage of a appears (a third article suggests a common source).
    seen_in: dict[tuple[int, int, int], set[int]] = defaultdict(set)
    for ka, kb, a0, a1, b0, b1, _ in raw:
        seen_in[(ka, a0, a1)].add(kb)
        seen_in[(kb, b0, b1)].add(ka)
    by_article = _by_article(seen_in)
    cited = _cited_by_sentence(analyses, sources) if raw else {}
    ids = [a.article_id for a in analyses]
    passages: list[ReusedPassage] = []
    # Each side of a passage, once per (article, first token, last token): wire copy
    # repeats a passage of one article in many others (17,480 distinct sides of the
    # 67,894 of the 2,399-article benchmark corpus).
    sides: dict[tuple[int, int, int], _Side] = {}

    def side(k: int, first: int, last: int) -> _Side:
        found = sides.get((k, first, last))
        if found is None:
            t, text = toks[k], analyses[k].article.text
            start, end = t.start(first), t.end(last)
            found = sides[(k, first, last)] = (
                start, end, t.sentence_index(first), text[start:end],
                _in_quotes(text, start, end), _overlapping(by_article, k, first, last),
                set().union(*(cited.get((ids[k], i), ()) for i in t.sentence_indices(first, last))))
        return found

    for ka, kb, a0, a1, b0, b1, shared in raw:
        a, b = analyses[ka], analyses[kb]
        start_a, end_a, sentence_a, text_a, quoted_a, near_a, cited_a = side(ka, a0, a1)
        start_b, end_b, sentence_b, text_b, quoted_b, near_b, cited_b = side(kb, b0, b1)
        others = (near_a | near_b) - {ka, kb}
        quoted = quoted_a and quoted_b
        verbatim = toks[ka].norms[a0:a1 + 1] == toks[kb].norms[b0:b1 + 1]
        common = sorted(cited_a & cited_b)
        passages.append(ReusedPassage(
            ids[ka], a.outlet, start_a, end_a, sentence_a,
            ids[kb], b.outlet, start_b, end_b, sentence_b,
            shared, a1 - a0 + 1, b1 - b0 + 1, text_a, text_b, verbatim, quoted,
            _direction(a, b, bool(others) or quoted or bool(common)),
            tuple(sorted([ids[k] for k in others])), tuple(common),
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


def reuse_cells(passages: Sequence[ReusedPassage]) -> list[list[object]]:
    """:func:`reuse_rows` as ``models.export.write_csv`` writes them (its
    ``format_value``), one list of cells per passage in the order of
    ``REUSE_COLUMNS``, without a dictionary per passage (33,826 passages on the
    bench corpus). Texts and whole numbers go to the csv writer as they are (a str
    as it is, an int as ``str()``); the flags get 1/0, as ``format_value`` gives."""
    return [
        [p.article_a, p.outlet_a, p.start_a, p.end_a, p.article_b, p.outlet_b, p.start_b,
         p.end_b, p.shared_words, p.text_a, p.text_b, p.sentence_a, p.sentence_b,
         p.words_a, p.words_b, "1" if p.verbatim else "0", "1" if p.quotation else "0",
         p.direction, "|".join(p.also_in), "|".join(p.common_sources)]
        for p in passages
    ]
