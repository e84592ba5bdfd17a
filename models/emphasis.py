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

import dataclasses
import math
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import chain, count
from typing import TYPE_CHECKING

import numpy as np

from models.compare import outlet_names
from models.features import ArticleAnalysis
from models.progress import Cancelled, NullProgress, Progress

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

    from models.vectorise import Vectors

RANDOM_STATE = 0
MAX_TOPICS = 12
TOP_WORDS = 8
# Off-story: smoothed cross-article support below this fraction of the corpus median.
OFF_STORY_FRACTION = 0.75
DISTINCTIVE_Z = 1.96  # |z| above this is distinctive at the 5% level (two-sided)
#: distinctive_words.csv: each outlet's this many most over-used words.
DISTINCTIVE_ROWS = 25

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_SUFFIXES = ("ations", "ation", "ings", "ing", "ed", "es", "s")


def topic_count(n_sentences: int) -> int:
    """Topics for a corpus of ``n_sentences``: √(n/3), at least 2, at most 12."""
    return max(2, min(MAX_TOPICS, round(math.sqrt(n_sentences / 3))))


@contextmanager
def single_blas_thread() -> Iterator[None]:
    """Dense linear algebra (BLAS) on this thread alone, meanwhile.

    NMF's products are small: a second BLAS thread mostly waits for work, spinning,
    which cost the topics about 1.5 of their 3.5 CPU seconds at 2,400 articles
    while other processes of the analysis used the cores. It also makes the topic
    weights the same on every machine: with several threads, BLAS splits sums by
    thread, so their last bits depended on the number of cores.
    """
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1, user_api="blas"):
        yield


def _stop_words() -> frozenset[str]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS)


#: The curly apostrophe as the straight one, and the punctuation news text uses
#: beside ASCII (quotes, dashes, ellipsis, no-break space) as spaces: for the word
#: pattern both are the same (an apostrophe inside a word; not a word character).
_PLAIN = str.maketrans({"’": "'", **dict.fromkeys("“”‘—–―…\xa0", " ")})


def words(text: str, stop: frozenset[str]) -> list[str]:
    """Lower-case words of three letters or more, stop words out (numbers are not words)."""
    # (_PLAIN maps no ASCII character: an ASCII text is its own translation.)
    plain = text if text.isascii() else text.translate(_PLAIN)
    if plain.isascii():
        # The same words, found in the lower-cased text at once: lower-casing ASCII
        # changes no letter into a non-letter (as case-folding may elsewhere: 'İ'
        # folds to 'i' and a combining dot), and the words hold none of the
        # characters _PLAIN replaced but the apostrophe.
        found: Iterable[str] = _WORD.findall(plain.lower())
    else:
        found = (w.casefold().replace("’", "'") for w in _WORD.findall(text))
    return [w for w in found if len(w) >= 3 and w not in stop]


def stem(word: str) -> str:
    """A light suffix strip, so 'resigning', 'resigned' and 'resigns' compare as one."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


class _Words:
    """:func:`words` and their stems, computed once per distinct text (wire copy
    repeats sentences, and topics, support and distinctive words read each one).
    The lists are shared: callers must not change them."""

    def __init__(self, stop: frozenset[str]) -> None:
        self._stop = stop
        self._words: dict[str, list[str]] = {}
        self._stems: dict[str, list[str]] = {}
        self._stem: dict[str, str] = {}

    def words(self, text: str) -> list[str]:
        found = self._words.get(text)
        if found is None:
            found = self._words[text] = words(text, self._stop)
        return found

    def stems(self, text: str) -> list[str]:
        found = self._stems.get(text)
        if found is None:
            memo = self._stem
            found = []
            for word in self.words(text):
                stemmed = memo.get(word)
                if stemmed is None:
                    stemmed = memo[word] = stem(word)
                found.append(stemmed)
            self._stems[text] = found
        return found


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
        return _over_used(self.distinctive, outlet, top)


def _over_used(distinctive: Sequence[DistinctiveWord], outlet: str,
               top: int) -> list[DistinctiveWord]:
    mine = [d for d in distinctive if d.outlet == outlet and d.z_score > 0]
    return sorted(mine, key=lambda d: -d.z_score)[:top]


def _sentence_table(
    analyses: Sequence[ArticleAnalysis],
) -> list[tuple[ArticleAnalysis, int, str]]:
    return [(a, s.index, s.text) for a in analyses for s in a.article.body_sentences]


def _topics(
    texts: Sequence[str], stop: frozenset[str],
    analyse: Callable[[str], list[str]] | None = None, *, counted: Vectors | None = None,
) -> tuple[list[Topic], np.ndarray]:
    """NMF topics and the sentences × topics weights (zeros where a sentence has no words).

    ``counted``: the texts' words counted (:func:`_counted_words`), if already done.
    """
    n = len(texts)
    if n < 2:
        return [], np.zeros((n, 0))
    from models.vectorise import pruned, tfidf, weighted

    min_df = 2 if n >= 20 else 1
    try:  # TfidfVectorizer's matrix, each distinct sentence analysed once
        if counted is not None:  # weighted in place: a copy of the counts, or a pruned one
            vectors = weighted(pruned(counted, min_df) if min_df > 1 else
                               dataclasses.replace(counted, every=counted.every.copy()),
                               sublinear_tf=True)
        else:
            vectors = tfidf(texts, analyse if analyse is not None else (lambda t: words(t, stop)),
                            min_df=min_df, sublinear_tf=True)
    except ValueError:  # no word at all
        return [], np.zeros((n, 0))
    matrix = vectors.every
    k = min(topic_count(n), matrix.shape[1], n)
    if k < 1:
        return [], np.zeros((n, 0))
    with single_blas_thread():
        weights, components, _ = _nmf(vectors, k)
    vocabulary = np.asarray(vectors.names)
    topics = []
    for t, row in enumerate(components):
        order = np.argsort(-row, kind="stable")[:TOP_WORDS]
        topics.append(Topic(t, tuple(str(w) for w in vocabulary[order]),
                            tuple(float(row[i]) for i in order)))
    return topics, weights


#: NMF's iterations at most, and its stopping tolerance (scikit-learn's default).
NMF_MAX_ITER = 1000
NMF_TOL = 1e-4


def _nmf(vectors: Vectors, k: int) -> tuple[np.ndarray, np.ndarray, int]:
    """``NMF(n_components=k, random_state=RANDOM_STATE, init="nndsvda",
    max_iter=NMF_MAX_ITER, tol=NMF_TOL)``: the weights (``fit_transform`` of
    ``vectors.every``), the components and the number of steps, the iterations done
    once per distinct sentence.

    scikit-learn's coordinate descent (Cichocki & Phan 2009) alternates between
    W and H. A row of W is updated from its own row of X and from H alone, so the
    copies of a sentence keep equal rows of W at every step: one row stands for
    them all, updated exactly as each of them would be. H is updated from WᵀW and
    XᵀW, sums over the sentences: here each distinct row's term counts as many
    times as the sentence occurs. The stopping test sums each row's change, the
    same way. So the steps are the plain fit's, and so the topics; only the
    rounding of the sums over sentences differs (as it did before between machines
    with different numbers of cores), never the words or a sentence's topic on the
    bench corpus or the seeds. The start is scikit-learn's NNDSVDa, computed once per
    distinct sentence too (:func:`_nndsvda_start`). Without scikit-learn's solver step
    (a private function), the plain fit runs.
    """
    try:
        from sklearn.decomposition._cdnmf_fast import _update_cdnmf_fast
    except ImportError:  # another scikit-learn: its own NMF, on every sentence
        from sklearn.decomposition import NMF

        model = NMF(n_components=k, random_state=RANDOM_STATE, init="nndsvda",
                    max_iter=NMF_MAX_ITER, tol=NMF_TOL)
        return np.asarray(model.fit_transform(vectors.every)), model.components_, model.n_iter_
    matrix = vectors.every
    first = vectors.first_rows()
    copies = np.bincount(vectors.slot, minlength=len(first))
    start_w, start_h = _nndsvda_start(matrix, first, copies, k)
    # Distinct rows, ordered by their number of copies, so that the rows with as many
    # copies are one block of W (its change in the stopping test counts that often).
    order = np.argsort(copies, kind="stable")
    copies = copies[order]
    rows = matrix[first[order]]
    columns = rows.T.tocsr()
    w = np.ascontiguousarray(start_w[order])
    ht = np.ascontiguousarray(start_h.T)
    times = copies.astype(np.float64)[:, None]
    cuts = np.flatnonzero(np.diff(copies)) + 1
    blocks = list(zip(np.r_[0, cuts].tolist(), np.r_[cuts, len(copies)].tolist(),
                      copies[np.r_[0, cuts]].tolist(), strict=True))
    permutation = np.arange(k, dtype=np.intp)
    first_change = 0.0
    for step in range(1, NMF_MAX_ITER + 1):
        hh = np.dot(ht.T, ht)
        xh = rows @ ht
        change = 0.0
        for lo, hi, times_seen in blocks:
            change += times_seen * _update_cdnmf_fast(w[lo:hi], hh, xh[lo:hi], permutation)
        counted = w * times
        change += _update_cdnmf_fast(ht, np.dot(counted.T, w), columns @ counted, permutation)
        if step == 1:
            first_change = change
        if first_change == 0 or change / first_change <= NMF_TOL:
            break
    else:
        import warnings

        from sklearn.exceptions import ConvergenceWarning

        warnings.warn(f"Maximum number of iterations {NMF_MAX_ITER} reached. Increase it to "
                      "improve convergence.", ConvergenceWarning, stacklevel=2)
    place = np.empty(len(order), dtype=np.int64)
    place[order] = np.arange(len(order))
    return w[place[vectors.slot]], np.ascontiguousarray(ht.T), step


#: randomized_svd's default oversampling (scikit-learn): its range finder draws ``k + 10``.
SVD_OVERSAMPLES = 10


def _nndsvda_start(matrix: csr_matrix, first: np.ndarray, copies: np.ndarray,
                   k: int, eps: float = 1e-6) -> tuple[np.ndarray, np.ndarray]:
    """scikit-learn's NNDSVDa start (``_initialize_nmf(matrix, k, init="nndsvda",
    random_state=RANDOM_STATE)``, Boutsidis & Gallopoulos 2008) for the distinct rows
    ``matrix[first]`` (``copies``: how often each occurs): W's rows for them, and H.

    The start is a randomized SVD of every sentence (Halko et al. 2011), and a
    sentence's copies are equal rows. With X the sentences and D the copies, X's Gram
    matrix XᵀX is that of the distinct rows scaled by √D, so the two have the same
    singular values and right vectors, and a copy's left vector is its distinct
    row's divided by √(copies); scikit-learn's range finder reads the rows only
    through products and normalisations that keep this (the same Gaussian draw,
    whose size depends on the columns alone, the same number of power iterations,
    set from X's shape). So the SVD runs on the distinct rows scaled by √D (on the
    bench corpus, 32k rows instead of 82k), the left vectors are divided by √D, and
    NNDSVD's norms over sentences count each row as often as it occurs. The values
    equal the plain start's up to rounding (and a sign shared by a left and a right
    vector, which NNDSVD does not see). Where scikit-learn would transpose X (fewer
    sentences than words: its Gaussian draw would then depend on the number of
    sentences), where no sentence repeats, or where there are fewer distinct sentences
    than the range finder's sample (``k`` plus its 10 oversamples: the distinct rows'
    SVD would have fewer vectors than the start reads, where scikit-learn's SVD of
    every sentence pads X's rank with vectors of singular value ~0), its own start on
    every sentence.
    """
    from scipy.sparse import diags
    from sklearn.utils.extmath import randomized_svd

    n_samples, n_features = matrix.shape
    if n_samples < n_features or len(first) == n_samples or len(first) < k + SVD_OVERSAMPLES:
        from sklearn.decomposition._nmf import _initialize_nmf

        w, h = _initialize_nmf(matrix, k, init="nndsvda", random_state=RANDOM_STATE)
        return w[first], h
    times = copies.astype(np.float64)
    root = np.sqrt(times)
    scaled = (diags(root) @ matrix[first]).tocsr()
    # randomized_svd's defaults, but "auto"'s choices read from X's shape.
    n_iter = 7 if k < 0.1 * min(n_samples, n_features) else 4
    u, s, v = randomized_svd(scaled, k, n_oversamples=SVD_OVERSAMPLES, n_iter=n_iter,
                             transpose=False, random_state=RANDOM_STATE)
    u = u / root[:, None]  # each copy's own left vector

    def norm(values: np.ndarray) -> float:  # over every sentence
        return float(np.sqrt(times @ (values * values)))

    w = np.zeros_like(u)
    h = np.zeros_like(v)
    w[:, 0] = np.sqrt(s[0]) * np.abs(u[:, 0])
    h[0, :] = np.sqrt(s[0]) * np.abs(v[0, :])
    for j in range(1, k):
        x, y = u[:, j], v[j, :]
        x_p, y_p = np.maximum(x, 0), np.maximum(y, 0)
        x_n, y_n = np.abs(np.minimum(x, 0)), np.abs(np.minimum(y, 0))
        x_p_nrm, y_p_nrm = norm(x_p), float(np.linalg.norm(y_p))
        x_n_nrm, y_n_nrm = norm(x_n), float(np.linalg.norm(y_n))
        m_p, m_n = x_p_nrm * y_p_nrm, x_n_nrm * y_n_nrm
        if m_p > m_n:
            part, other, sigma = x_p / x_p_nrm, y_p / y_p_nrm, m_p
        else:
            part, other, sigma = x_n / x_n_nrm, y_n / y_n_nrm, m_n
        lbd = np.sqrt(s[j] * sigma)
        w[:, j] = lbd * part
        h[j, :] = lbd * other
    w[w < eps] = 0
    h[h < eps] = 0
    average = matrix.mean()  # every sentence's, as scikit-learn's
    w[w == 0] = average
    h[h == 0] = average
    return w, h


#: Distinct sentences whose similarities to every distinct sentence are computed at once.
SUPPORT_BATCH = 96


def _support(
    texts: Sequence[str], article_of: Sequence[int], stop: frozenset[str],
    analyse: Callable[[str], list[str]] | None = None, *, counted: Vectors | None = None,
) -> np.ndarray:
    """Each sentence's mean, over the other articles, of its best cosine with their sentences.

    ``analyse`` gives a text's terms (default: the stems of :func:`words`); or
    ``counted``, the texts' words counted (:func:`_counted_words`), gives their
    stems' counts without reading the texts again. Wire
    copy repeats sentences, so the work is done per distinct text, on both sides:

    * a sentence's best cosine with each article depends on its text alone, so it
      is computed once per distinct text (a *row*);
    * the texts are grouped by the set of articles carrying them (the sentences a
      story's copies share have one such set), and an article's best cosine is the
      maximum over its groups of the best cosine with each group's texts: the
      products are with the distinct texts only (no dense sentences × sentences
      matrix), reduced to groups in one scatter-maximum, then to articles through
      the few groups each article holds. The maximum of maxima over a partition of
      an article's texts is their maximum, so every value is the plain one.
    """
    n = len(texts)
    articles = sorted(set(article_of))
    if n == 0 or len(articles) < 2:
        return np.zeros(n)
    if analyse is None:
        def analyse(t: str) -> list[str]:
            return [stem(w) for w in words(t, stop)]
    from models.vectorise import merged, tfidf, weighted

    try:
        if counted is not None:
            vectors = weighted(merged(counted, stem), sublinear_tf=True)
        else:
            vectors = tfidf(texts, analyse, sublinear_tf=True)
    except ValueError:
        return np.zeros(n)
    n_articles = len(articles)
    own = np.searchsorted(articles, np.asarray(article_of))
    # The distinct texts (in order of first occurrence) and where each occurs.
    text_slot = vectors.slot
    distinct = vectors.distinct()
    n_distinct = distinct.shape[0]
    # Groups: the distinct texts carried by the same set of articles.
    carriers: list[set[int]] = [set() for _ in range(n_distinct)]
    for slot, article in zip(text_slot.tolist(), own.tolist(), strict=True):
        carriers[slot].add(article)
    group_ids: dict[frozenset[int], int] = {}
    group_of = np.fromiter((group_ids.setdefault(frozenset(c), len(group_ids)) for c in carriers),
                           dtype=np.int64, count=len(carriers))
    n_groups = len(group_ids)
    # Each article's groups in layers: layer k holds the k-th group of every article
    # that has more than k of them (a handful of layers: a story's copies differ
    # only in how much of it they carry). The articles with the most groups come
    # first, so that layer k is the first `size` of them: a slice, not an index.
    held: list[list[int]] = [[] for _ in range(n_articles)]
    for carried_by, g in group_ids.items():
        for a in carried_by:
            held[a].append(g)
    by_count = sorted(range(n_articles), key=lambda a: -len(held[a]))  # stable
    restore = np.empty(n_articles, dtype=np.int64)  # each article's place in that order
    restore[by_count] = np.arange(n_articles)
    layers: list[tuple[int, np.ndarray]] = []
    for k in range(len(held[by_count[0]])):
        size = sum(1 for h in held if len(h) > k)
        layers.append((size, np.fromiter((held[a][k] for a in by_count[:size]),
                                         dtype=np.int64, count=size)))
    columns = distinct.T.tocsr()
    occurrences = np.argsort(text_slot, kind="stable")
    bounds = np.searchsorted(text_slot[occurrences], np.arange(n_distinct + 1))
    support = np.zeros(n)
    # Keys of (row, group) cells, 32-bit where they fit (half the memory to go through).
    key_type = np.int32 if SUPPORT_BATCH * n_groups < 2**31 else np.int64
    group_keys = group_of.astype(key_type)
    row_keys = (np.arange(SUPPORT_BATCH) * n_groups).astype(key_type)
    products = _RowProducts(distinct, columns, SUPPORT_BATCH)
    for lo in range(0, n_distinct, SUPPORT_BATCH):
        hi = min(lo + SUPPORT_BATCH, n_distinct)
        indptr, indices, data = products.rows(lo, hi)
        # Best cosine per (row, group): a scatter-maximum of the products; 0 where a
        # group shares no term (every cosine is >= 0). Row by row, so that a row's
        # products land in one small stretch of memory (a maximum is exact: any order
        # of the products gives the same value).
        width = hi - lo
        by_row = np.zeros((width, n_groups))
        keys = group_keys[indices]
        keys += np.repeat(row_keys[:width], np.diff(indptr))
        np.maximum.at(by_row.reshape(-1), keys, data)
        # Best cosine per (row, article): the maximum over the article's groups, layer
        # by layer (articles in the layers' order, then back in theirs).
        best = np.take(by_row, layers[0][1], axis=1)  # every article holds a group
        for size, groups in layers[1:]:
            part = best[:, :size]
            np.maximum(part, np.take(by_row, groups, axis=1), out=part)
        best = np.take(best, restore, axis=1)
        # Every sentence with one of these texts: the mean over the other articles.
        members = occurrences[bounds[lo]:bounds[hi]]
        # Each sentence's row without its own article, copied in two slices (a
        # mask over every (sentence, article) took six times as long).
        others = np.empty((len(members), n_articles - 1))
        for k, (row, article) in enumerate(zip((text_slot[members] - lo).tolist(),
                                               own[members].tolist(), strict=True)):
            values = best[row]
            others[k, :article] = values[:article]
            others[k, article:] = values[article + 1:]
        support[members] = others.mean(axis=1)
    return support


class _RowProducts:
    """Products of blocks of rows of ``a`` (CSR) with ``b`` (CSR): ``a[lo:hi] @ b``'s
    index pointers, column indices and values, by the same routine (scipy's
    ``csr_matmat``) with the same arguments, so the same values in the same order.

    scipy's ``@`` first counts the product's entries (``csr_matmat_maxnnz``: a
    quarter of its time here), then computes them; here the output is sized by an
    upper bound instead, the number of multiplications (each row entry of ``a`` in
    column k meets the entries of row k of ``b``). Without scipy's routine (a
    private module), ``@`` itself.
    """

    def __init__(self, a: csr_matrix, b: csr_matrix, rows_at_most: int) -> None:
        self._a, self._b = a, b
        try:
            from scipy.sparse._sparsetools import csr_matmat
        except ImportError:
            self._matmat = None
            return
        self._matmat = csr_matmat
        # Multiplications up to each entry of a; 64-bit indices if anything needs them.
        meets = np.diff(b.indptr).astype(np.int64)[a.indices]
        self._up_to = np.r_[np.int64(0), np.cumsum(meets)]
        # A block's product has at most rows × b's columns entries.
        large = max(a.shape[1], b.shape[0], a.nnz, b.nnz,
                    rows_at_most * b.shape[1]) >= 2**31 - 1
        index = np.int64 if large else np.int32
        self._index = index
        self._a_arrays = (np.asarray(a.indptr, dtype=index), np.asarray(a.indices, dtype=index),
                          a.data)
        self._b_arrays = (np.asarray(b.indptr, dtype=index), np.asarray(b.indices, dtype=index),
                          b.data)

    def rows(self, lo: int, hi: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        if self._matmat is None:
            product = self._a[lo:hi] @ self._b
            return product.indptr, product.indices, product.data
        indptr, indices, data = self._a_arrays
        first, last = int(indptr[lo]), int(indptr[hi])
        bound = min(int(self._up_to[last] - self._up_to[first]), (hi - lo) * self._b.shape[1])
        out_indptr = np.empty(hi - lo + 1, dtype=self._index)
        out_indices = np.empty(bound, dtype=self._index)
        out_data = np.empty(bound, dtype=np.result_type(data, self._b_arrays[2]))
        self._matmat(hi - lo, self._b.shape[1], indptr[lo:hi + 1] - indptr[lo],
                     indices[first:last], data[first:last], *self._b_arrays,
                     out_indptr, out_indices, out_data)
        used = int(out_indptr[-1])
        return out_indptr, out_indices[:used], out_data[:used]


def _counted_words(texts: Sequence[str], analyse: Callable[[str], list[str]]) -> Vectors | None:
    """The texts' words (``analyse``: :func:`words`) counted, each distinct text once
    (``CountVectorizer``'s matrix); None if there is no word at all. Topics and
    support (which counts the words' stems) both start from it."""
    from models.vectorise import counts

    try:
        return counts(texts, analyse)
    except ValueError:
        return None


def _smoothed(values: np.ndarray, article_of: Sequence[int]) -> np.ndarray:
    """1-2-1 weighted mean of each sentence with its neighbours in the same article:
    ``(2·v[i] + (v[i-1] + v[i+1])) / (2 + neighbours)``, the neighbours' sum taken
    first (and 0 without neighbours)."""
    n = len(values)
    owner = np.asarray(article_of)
    before = np.zeros(n, dtype=bool)
    before[1:] = owner[1:] == owner[:-1]
    after = np.zeros(n, dtype=bool)
    after[:-1] = before[1:]
    left = np.zeros(n)
    left[1:] = values[:-1]
    right = np.zeros(n)
    right[:-1] = values[1:]
    # 0.0 for a missing neighbour: the sum is the other one's value, as the loop's sum.
    neighbours = np.where(before, left, 0.0) + np.where(after, right, 0.0)
    smoothed: np.ndarray = (2 * values + neighbours) / (2 + before.astype(np.int64) + after)
    return smoothed


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
    analyses: Sequence[ArticleAnalysis], outlets: Sequence[str], stop: frozenset[str],
    analyse: Callable[[str], list[str]] | None = None, top: int | None = None,
) -> list[DistinctiveWord]:
    """:func:`log_odds_z` of every outlet's words against the other outlets'.

    ``top``: only each outlet's ``top`` most over-used words (z > 0), the first
    ``top`` of the outlet's over-used words in the whole list, in its order: all
    that distinctive_words.csv and the charts show (:meth:`Emphasis.distinctive_for`
    gives the same words from either list for up to ``top``); None: every word.

    The same arithmetic as :func:`log_odds_z` over Counters of every sentence's words,
    on arrays: each distinct text's words are numbered once; the counts are
    integers; the prior's total α₀ is summed in the Counters' order (the corpus's
    words as each outlet, in turn, first uses them); the logarithms are
    ``math.log`` of the same values (numpy's may round the last bit otherwise),
    and the other operations are IEEE's, as in Python; the words are sorted with
    the same keys by a stable sort of the same order. So every value and the order
    of the list are those of the plain computation.
    """
    terms = analyse if analyse is not None else _lexemes(lambda t: words(t, stop), stop)
    if len(outlets) < 2:
        return []
    # Each outlet's sentences as numbers of distinct texts, each distinct text's words
    # found once and numbered (in order of first appearance; the numbers only name
    # the words), then each outlet's stream of words gathered from the texts' runs
    # of word numbers at once.
    text_number: dict[str, int] = {}
    by_outlet: dict[str, list[int]] = {o: [] for o in outlets}
    for a in analyses:
        by_outlet[a.outlet].extend(
            [text_number.setdefault(s.text, len(text_number)) for s in a.article.body_sentences])
    found = list(map(terms, text_number))
    every_word = list(chain.from_iterable(found))
    numbering = dict(zip(dict.fromkeys(every_word), count()))
    size = len(numbering)
    word_ids = np.fromiter(map(numbering.__getitem__, every_word), dtype=np.int64,
                           count=len(every_word))
    lengths = np.fromiter(map(len, found), dtype=np.int64, count=len(found))
    starts = np.zeros(len(found) + 1, dtype=np.int64)
    np.cumsum(lengths, out=starts[1:])
    counts = np.zeros((len(outlets), size), dtype=np.int64)
    order_parts: list[np.ndarray] = []
    seen = np.zeros(size, dtype=bool)
    for k, outlet in enumerate(outlets):
        sentences = np.asarray(by_outlet[outlet], dtype=np.int64)
        runs = lengths[sentences]
        total = int(runs.sum())
        # the words of the outlet's sentences in order: each run's start, then onwards
        at = np.repeat(starts[sentences] - (np.cumsum(runs) - runs), runs)
        at += np.arange(total, dtype=np.int64)
        stream = word_ids[at]
        counts[k] = np.bincount(stream, minlength=size)
        # This outlet's words in order of first use, those no earlier outlet used.
        first = np.full(size, total, dtype=np.int64)
        first[stream[::-1]] = np.arange(total - 1, -1, -1, dtype=np.int64)
        used = np.flatnonzero(first < total)
        new = used[np.argsort(first[used], kind="stable")]
        new = new[~seen[new]]
        seen[new] = True
        order_parts.append(new)
    order = np.concatenate(order_parts)  # the corpus Counter's order of words
    corpus = counts.sum(axis=0)[order]
    prior = corpus / len(outlets)
    a0 = sum(prior.tolist())
    names = np.empty(size, dtype=object)
    names[list(numbering.values())] = list(numbering)
    ordered_names = names[order]
    rank = np.empty(len(order), dtype=np.int64)  # each word's place in sorted order
    rank[np.argsort(ordered_names.astype(str), kind="stable")] = np.arange(len(order))
    folded: dict[str, int] = {}
    for outlet in sorted({o.casefold() for o in outlets}):
        folded[outlet] = len(folded)
    log = math.log
    parts: list[tuple[str, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]] = []
    for k, outlet in enumerate(outlets):
        mine = counts[k][order]
        others = corpus - mine
        n_i, n_j = int(mine.sum()), int(others.sum())
        top_i = mine + prior
        top_j = others + prior
        delta = (np.array([log(x) for x in (top_i / (n_i + a0 - mine - prior)).tolist()])
                 - np.array([log(x) for x in (top_j / (n_j + a0 - others - prior)).tolist()]))
        z = delta / np.sqrt(1.0 / top_i + 1.0 / top_j)
        kept = np.flatnonzero(~((mine == 0) & (z > 0)))
        parts.append((outlet, kept, z[kept], delta[kept], mine[kept], others[kept]))
    # out.sort(key=(outlet.casefold(), -z, word)), stable, over the plain order.
    outlet_key = np.concatenate([np.full(len(p[1]), folded[p[0].casefold()]) for p in parts])
    z_key = np.concatenate([-p[2] for p in parts])
    word_key = np.concatenate([rank[p[1]] for p in parts])
    place = np.lexsort((word_key, z_key, outlet_key))
    # Each column of the list in its final order; the words made once, in that order.
    outlet_column = np.concatenate([np.full(len(p[1]), k) for k, p in enumerate(parts)])
    if top is not None:  # the list's first `top` over-used words of each outlet
        over = place[z_key[place] < 0]  # z > 0
        first = np.concatenate([np.flatnonzero(outlet_column[over] == k)[:top]
                                for k in range(len(parts))])
        place = over[np.sort(first)]
    columns = [
        [parts[k][0] for k in outlet_column[place].tolist()],
        np.concatenate([ordered_names[p[1]] for p in parts])[place].tolist(),
        *(np.concatenate([p[i] for p in parts])[place].tolist() for i in (2, 3, 4, 5)),
    ]
    return [DistinctiveWord(*fields) for fields in zip(*columns, strict=True)]


def _lexemes(
    words_of: Callable[[str], list[str]], stop: frozenset[str]
) -> Callable[[str], list[str]]:
    """``words_of`` with each possessive as its noun's word, for the distinctive words: an
    outlet that writes "Moscow's Defense Ministry" where others write "Moscow" does not
    get "moscow's" as a word of its own (seed 001's third distinctive word was
    "moscow's"; "putin's", "kremlin's" and "boss's" were listed too). "It's" and
    "that's" become stop words. Topics and off-story support keep :func:`words` as
    they are (there the change moved the seeds' off-story threshold past a sentence)."""
    def lexemes(text: str) -> list[str]:
        found = words_of(text)
        if not any(w.endswith("'s") for w in found):
            return found
        bases = (w[:-2] if w.endswith("'s") else w for w in found)
        return [w for w in bases if len(w) >= 3 and w not in stop]
    return lexemes


def distinctive_terms(text: str, stop: frozenset[str]) -> list[str]:
    """The words the distinctive words count in ``text``: :func:`words`, a possessive as
    its noun's word (:func:`_lexemes`)."""
    return _lexemes(lambda t: words(t, stop), stop)(text)


def distinctive_words(analyses: Sequence[ArticleAnalysis],
                      top: int | None = None) -> list[DistinctiveWord]:
    """The distinctive words of ``analyses``: :attr:`Emphasis.distinctive`, alone
    (``top``: each outlet's ``top`` most over-used words only, as :func:`_distinctive`)."""
    stop = _stop_words()
    return _distinctive(analyses, outlet_names(analyses), stop,
                        _lexemes(_Words(stop).words, stop), top)


def analyze_emphasis(
    analyses: Sequence[ArticleAnalysis], progress: Progress | None = None, *,
    with_distinctive: bool = True, distinctive_top: int | None = None,
) -> Emphasis:
    """Topics, off-story sentences and distinctive words of ``analyses``.

    Deterministic (NMF with a fixed random state). Raises
    :class:`models.progress.Cancelled` when ``progress`` is cancelled.
    ``with_distinctive=False`` leaves :attr:`Emphasis.distinctive` empty, for a
    caller that computes them elsewhere (:func:`distinctive_words`);
    ``distinctive_top`` keeps only each outlet's most over-used words (:func:`_distinctive`).
    """
    progress = progress if progress is not None else NullProgress()
    stop = _stop_words()
    outlets = outlet_names(analyses)
    table = _sentence_table(analyses)
    texts = [t for _, _, t in table]
    ids = {a.article_id: i for i, a in enumerate(analyses)}
    article_of = [ids[a.article_id] for a, _, _ in table]
    cache = _Words(stop)
    progress.set_status("Emphasis: topics")
    counted = _counted_words(texts, cache.words)
    topics, weights = _topics(texts, stop, cache.words, counted=counted)
    if progress.is_cancelled():
        raise Cancelled
    progress.set_progress(0.4)
    progress.set_status("Emphasis: off-story material")
    support = _support(texts, article_of, stop, cache.stems, counted=counted)
    smoothed = _smoothed(support, article_of)
    threshold = OFF_STORY_FRACTION * float(np.median(support)) if len(support) else 0.0
    multi = len(set(article_of)) >= 2
    if progress.is_cancelled():
        raise Cancelled
    progress.set_progress(0.7)
    # Each sentence's strongest topic (the first of equal weights; -1 without any weight).
    if weights.size:
        strongest = weights.argmax(axis=1)
        weight = weights[np.arange(len(table)), strongest]
        strongest[~(weight > 0)] = -1
        weight[~(weight > 0)] = 0.0
    else:
        strongest = np.full(len(table), -1)
        weight = np.zeros(len(table))
    off = (smoothed < threshold) if multi else np.zeros(len(table), dtype=bool)
    sentences = [
        SentenceEmphasis(analysis.article_id, analysis.outlet, index, text, topic, w, s, sm, o)
        for (analysis, index, text), topic, w, s, sm, o in zip(
            table, strongest.tolist(), weight.tolist(), support.tolist(), smoothed.tolist(),
            off.tolist(), strict=True)
    ]
    progress.set_status("Emphasis: distinctive words")
    distinctive = (_distinctive(analyses, outlets, stop, _lexemes(cache.words, stop),
                                distinctive_top)
                   if with_distinctive else [])
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


def distinctive_rows(emphasis: Emphasis, top: int = DISTINCTIVE_ROWS) -> list[dict[str, object]]:
    """distinctive_words.csv: each outlet's ``top`` most over-used words, ranked."""
    return distinctive_word_rows(emphasis.outlets, emphasis.distinctive, top)


def distinctive_word_rows(outlets: Sequence[str], distinctive: Sequence[DistinctiveWord],
                          top: int = DISTINCTIVE_ROWS) -> list[dict[str, object]]:
    """distinctive_words.csv from :func:`distinctive_words` (``outlets``: outlet_names)."""
    over_used: dict[str, list[DistinctiveWord]] = {outlet: [] for outlet in outlets}
    for d in distinctive:  # one pass, not one per outlet (the list holds every word's z)
        if d.z_score > 0 and d.outlet in over_used:
            over_used[d.outlet].append(d)
    rows: list[dict[str, object]] = []
    for outlet in outlets:
        for rank, d in enumerate(_over_used(over_used[outlet], outlet, top), start=1):
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


def off_story_cells(emphasis: Emphasis) -> list[list[object]]:
    """:func:`off_story_rows` as ``models.export.write_csv`` writes them (its
    ``format_value``), one list of cells per sentence in the order of
    ``OFF_STORY_COLUMNS``, without a dictionary per sentence (one row per body
    sentence: 84,590 on the bench corpus). Texts and whole numbers go to the csv
    writer as they are (a str as it is, an int as ``str()``); the supports get six
    significant digits ('' for NaN) and the flag 1/0, as ``format_value`` gives."""
    return [
        [s.article_id, s.outlet, s.sentence_index, s.topic_id,
         "" if s.support != s.support else f"{s.support:.6g}",
         "" if s.support_smoothed != s.support_smoothed else f"{s.support_smoothed:.6g}",
         "1" if s.off_story else "0", s.text]
        for s in emphasis.sentences
    ]
