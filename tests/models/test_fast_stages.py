"""The faster corpus stages give exactly what the plain computations give.

``framescope analyze`` spends most of its time after scoring: claims, sources,
emphasis and reuse. Those stages now cache what wire copy repeats and avoid
dense or quadratic steps; each test here runs the plain computation (as the
stage was written before, kept here as the reference) beside the fast one on a
corpus with wire copies, and compares the results exactly (floats bit for bit).
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from models import claims, emphasis, reuse, sources, vectorise
from models.features import ArticleAnalysis
from models.pipeline import analyze_paths
from tests.bench.conftest import load_bench_script

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"


def write_wire_corpus(folder: Path, originals: int = 40, copies: int = 160) -> Path:
    """Synthetic news and the seeds, then wire copies of them (bench/news_corpus.py's
    way: another headline line, a dateline, trimmed, a closing line), with a manifest."""
    news = load_bench_script("news_corpus")
    rng = random.Random(11)
    texts = [news.synthetic_article(rng) for _ in range(originals)]
    texts += [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    folder.mkdir(parents=True, exist_ok=True)
    rows = ["file,outlet,date"]
    outlets = news.OUTLET_NAMES[:9]
    for i in range(len(texts) + copies):
        outlet = outlets[i % len(outlets)]
        if i < len(texts):
            text = texts[i]
        else:
            text = news.wire_copy(texts[i % len(texts)], outlet, i // len(texts), rng)
        (folder / f"{i:04d}.txt").write_text(text, encoding="utf-8")
        rows.append(f"{i:04d}.txt,{outlet},2016-{1 + i % 12:02d}-{1 + i % 28:02d}")
    (folder / "manifest.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def wire(tmp_path_factory: pytest.TempPathFactory) -> list[ArticleAnalysis]:
    folder = write_wire_corpus(tmp_path_factory.mktemp("wire"))
    analyses = analyze_paths([folder]).analyses
    assert len(analyses) > 150
    return analyses


def _body_table(analyses: Sequence[ArticleAnalysis]) -> tuple[list[str], list[int]]:
    texts, owner = [], []
    for i, analysis in enumerate(analyses):
        for sentence in analysis.article.body_sentences:
            texts.append(sentence.text)
            owner.append(i)
    return texts, owner


# ---- emphasis: cross-article support ----------------------------------------------


def dense_support(texts: Sequence[str], article_of: Sequence[int],
                  stop: frozenset[str]) -> np.ndarray:
    """The reference: one dense sentences × sentences block per article."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    n = len(texts)
    articles = sorted(set(article_of))
    vectoriser = TfidfVectorizer(
        analyzer=lambda t: [emphasis.stem(w) for w in emphasis.words(t, stop)],
        sublinear_tf=True)
    matrix = vectoriser.fit_transform(texts)
    owner = np.asarray(article_of)
    order = np.argsort(owner, kind="stable")
    grouped = matrix[order]
    starts = np.searchsorted(owner[order], articles)
    support = np.zeros(n)
    for a_pos, a in enumerate(articles):
        rows = np.where(owner == a)[0]
        sim = np.asarray((matrix[rows] @ grouped.T).todense())
        best = np.maximum.reduceat(sim, starts, axis=1)
        others = np.delete(best, a_pos, axis=1)
        support[rows] = others.mean(axis=1)
    return support


def test_support_equals_the_dense_computation_bit_for_bit(wire: list[ArticleAnalysis]) -> None:
    texts, owner = _body_table(wire)
    assert len(set(texts)) < 0.8 * len(texts)  # wire copy: many sentences repeat
    stop = emphasis._stop_words()
    fast = emphasis._support(texts, owner, stop)
    assert fast.tobytes() == dense_support(texts, owner, stop).tobytes()
    assert 0 < fast.mean() < 1


def test_support_with_articles_out_of_order_and_small_batches(
    wire: list[ArticleAnalysis], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Sentences whose articles are interleaved, and batches smaller than the texts."""
    texts, owner = _body_table(wire[:60])
    order = list(range(len(texts)))
    random.Random(2).shuffle(order)
    texts = [texts[i] for i in order]
    owner = [owner[i] * 3 + 1 for i in order]
    monkeypatch.setattr(emphasis, "SUPPORT_BATCH", 7)
    stop = emphasis._stop_words()
    assert emphasis._support(texts, owner, stop).tobytes() == \
        dense_support(texts, owner, stop).tobytes()


def test_row_products_are_scipys_products_bit_for_bit(wire: list[ArticleAnalysis]) -> None:
    """Blocks of rows multiplied by scipy's routine without its counting pass: the same
    index pointers, indices and values as ``a[lo:hi] @ b``, in the same order, with
    blocks of every size, the last one short, and empty rows; and through ``@`` itself
    where the routine is missing."""
    texts = _body_table(wire)[0]
    stop = emphasis._stop_words()
    matrix = vectorise.tfidf(texts, lambda t: [emphasis.stem(w) for w in emphasis.words(t, stop)],
                             sublinear_tf=True).distinct()
    columns = matrix.T.tocsr()
    assert (np.diff(matrix.indptr) == 0).any()  # rows without a term
    for block in (1, 7, 96):
        products = emphasis._RowProducts(matrix, columns, block)
        plain = emphasis._RowProducts(matrix, columns, block)
        plain._matmat = None
        for lo in range(0, matrix.shape[0], block):
            hi = min(lo + block, matrix.shape[0])
            expected = matrix[lo:hi] @ columns
            for got in (products.rows(lo, hi), plain.rows(lo, hi)):
                assert got[0].tolist() == expected.indptr.tolist()
                assert got[1].tolist() == expected.indices.tolist()
                assert got[2].tobytes() == expected.data.tobytes()


def test_support_without_scipys_routine_is_the_same(
    wire: list[ArticleAnalysis], monkeypatch: pytest.MonkeyPatch
) -> None:
    texts, owner = _body_table(wire[:80])
    stop = emphasis._stop_words()
    expected = emphasis._support(texts, owner, stop)
    original = emphasis._RowProducts.__init__

    def without(self: Any, *args: Any) -> None:
        original(self, *args)
        self._matmat = None

    monkeypatch.setattr(emphasis._RowProducts, "__init__", without)
    assert emphasis._support(texts, owner, stop).tobytes() == expected.tobytes()
    assert expected.tobytes() == dense_support(texts, owner, stop).tobytes()


@pytest.mark.parametrize("min_df", [1, 2, 5])
def test_distinct_tfidf_is_the_vectoriser_bit_for_bit(
    wire: list[ArticleAnalysis], min_df: int
) -> None:
    """Terms counted once per distinct text: the same vocabulary and matrix as
    TfidfVectorizer over every text (as the topics and the support use it)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = _body_table(wire)[0]
    stop = emphasis._stop_words()
    for analyse in (lambda t: emphasis.words(t, stop),
                    lambda t: [emphasis.stem(w) for w in emphasis.words(t, stop)]):
        vectoriser = TfidfVectorizer(analyzer=analyse, sublinear_tf=True, min_df=min_df)
        plain = vectoriser.fit_transform(texts)
        fast = vectorise.tfidf(texts, analyse, min_df=min_df, sublinear_tf=True)
        assert list(fast.names) == list(vectoriser.get_feature_names_out())
        for name in ("data", "indices", "indptr"):
            assert getattr(fast.every, name).tobytes() == getattr(plain, name).tobytes()
        first = [texts.index(t) for t in dict.fromkeys(texts)]
        assert (fast.distinct() != plain[first]).nnz == 0
        assert fast.every.shape == plain.shape
    with pytest.raises(ValueError, match="no terms remain"):
        vectorise.tfidf(["one two", "three four"], str.split, min_df=2)


@pytest.mark.parametrize("binary", [False, True])
@pytest.mark.parametrize("min_df", [1, 3])
def test_counts_are_the_count_vectoriser_bit_for_bit(
    wire: list[ArticleAnalysis], binary: bool, min_df: int, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """counts(): CountVectorizer's vocabulary and matrix (data, indices in their order in
    each row, indptr and their types), of texts and of tuples of terms, with empty
    documents, repeated terms and documents, counted in blocks of a few rows too."""
    from sklearn.feature_extraction.text import CountVectorizer

    stop = emphasis._stop_words()
    texts = ["", "walk walk talk", "b a b a c", "", "c c c"] + _body_table(wire)[0] + \
        ["walk walk talk", ""]
    tuples = [tuple(t.split()) for t in texts]
    for rows in (2048, 3):
        monkeypatch.setattr(vectorise, "_ROWS_PER_BLOCK", rows)
        for documents, analyse in ((texts, lambda t: emphasis.words(t, stop)),
                                   (texts, str.split), (tuples, list)):
            fast = vectorise.counts(documents, analyse, binary=binary, min_df=min_df)
            plain = CountVectorizer(analyzer=analyse, binary=binary, min_df=min_df,
                                    dtype=np.float64)
            _same_matrix(fast.every, plain.fit_transform(documents))
            assert list(fast.names) == list(plain.get_feature_names_out())
    with pytest.raises(ValueError, match="empty vocabulary"):
        vectorise.counts(["", ""], str.split)


def _same_matrix(fast: Any, plain: Any) -> None:
    assert fast.shape == plain.shape
    for name in ("data", "indices", "indptr"):
        assert getattr(fast, name).dtype == getattr(plain, name).dtype
        assert getattr(fast, name).tobytes() == getattr(plain, name).tobytes()


def test_merged_counts_are_the_vectorisers_counts_of_the_merged_terms(
    wire: list[ArticleAnalysis],
) -> None:
    """Stems counted from the words' counts: the vectoriser's matrix of the stems,
    bit for bit (terms of a row in the order they first appear in the corpus), on
    the wire corpus and on documents where several words share a stem, the later
    word of a stem comes first, a document has no word, and a stem's words first
    appear in different documents."""
    from sklearn.feature_extraction.text import CountVectorizer

    stop = emphasis._stop_words()
    texts = _body_table(wire)[0]
    awkward = ["", "walks walking walked walk", "walk talking", "zebra talked walks apple",
               "", "apples apple zebras talks", "walked", "apple apple apple zebra walking"]
    for documents in (texts, awkward, awkward[::-1] + texts[:50]):
        def analyse(t: str) -> list[str]:
            return emphasis.words(t, stop)

        def stems(t: str) -> list[str]:
            return [emphasis.stem(w) for w in analyse(t)]

        found = vectorise.counts(documents, analyse)
        fast = vectorise.merged(found, emphasis.stem)
        plain = CountVectorizer(analyzer=stems, dtype=np.float64)
        _same_matrix(fast.every, plain.fit_transform(documents))
        assert list(fast.names) == list(plain.get_feature_names_out())
        assert fast.slot.tobytes() == found.slot.tobytes()
        _same_matrix(fast.every, vectorise.counts(documents, stems).every)
    assert len(vectorise.merged(vectorise.counts(awkward, str.split), emphasis.stem).names) < \
        len(vectorise.counts(awkward, str.split).names)


def test_topics_and_support_from_the_counted_words_are_the_same(
    wire: list[ArticleAnalysis],
) -> None:
    """analyze_emphasis counts the words once for both: the same topics, weights and
    support as each counting its own terms (fewer than 20 sentences too, where the
    topics keep words of one sentence and must not weight the shared counts)."""
    stop = emphasis._stop_words()
    texts, owner = _body_table(wire)
    for n in (len(texts), 15):
        counted = emphasis._counted_words(texts[:n], lambda t: emphasis.words(t, stop))
        assert counted is not None
        before = counted.every.copy()
        topics, weights = emphasis._topics(texts[:n], stop, counted=counted)
        support = emphasis._support(texts[:n], owner[:n], stop, counted=counted)
        plain_topics, plain_weights = emphasis._topics(texts[:n], stop)
        assert topics == plain_topics
        assert weights.tobytes() == plain_weights.tobytes()
        assert support.tobytes() == emphasis._support(texts[:n], owner[:n], stop).tobytes()
        assert (counted.every != before).nnz == 0  # the counts are left as they were
    assert emphasis._counted_words(["", "1 2 3"], lambda t: emphasis.words(t, stop)) is None


@pytest.mark.parametrize("ngram_range", [(4, 5), (2, 3), (1, 1)])
def test_char_wb_counts_are_the_vectoriser_bit_for_bit(
    wire: list[ArticleAnalysis], ngram_range: tuple[int, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Character n-grams built once per distinct word: the same vocabulary and matrix
    (data, indices and their order in each row, indptr) as the "char_wb" vectoriser,
    on real sentences and on awkward ones: words shorter than an n-gram, capitals,
    runs of white space, tabs and line breaks, accents, empty documents, repeats;
    counted in blocks of a few rows (blocks of empty rows included)."""
    from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

    monkeypatch.setattr(vectorise, "_ROWS_PER_BLOCK", 3 if ngram_range == (4, 5) else 997)

    awkward = ["", "", " ", "", "a", "Ab  CD\tef\n\ngh ", "  ", "Éclair éCLAIR straße STRASSE",
               "x y z",
               "repeat repeat repeat", "Ab  CD\tef\n\ngh ", "İstanbul ǅemal", "a", ""]
    texts = awkward + _body_table(wire)[0] + awkward
    plain = CountVectorizer(analyzer="char_wb", ngram_range=ngram_range, dtype=np.float64)
    expected = plain.fit_transform(texts)
    fast = vectorise.char_wb_counts(texts, ngram_range)
    assert list(fast.names) == list(plain.get_feature_names_out())
    for name in ("data", "indices", "indptr"):
        assert getattr(fast.every, name).tobytes() == getattr(expected, name).tobytes()
    expected = TfidfVectorizer(analyzer="char_wb", ngram_range=ngram_range,
                               sublinear_tf=True).fit_transform(texts)
    fast = vectorise.weighted(fast, sublinear_tf=True)
    for name in ("data", "indices", "indptr"):
        assert getattr(fast.every, name).tobytes() == getattr(expected, name).tobytes()
    with pytest.raises(ValueError, match="empty vocabulary"):
        vectorise.char_wb_counts(["", " \t "], (4, 5))


def _plain_nmf(texts: Sequence[str], k: int, tol: float = emphasis.NMF_TOL) -> tuple[Any, Any]:
    from sklearn.decomposition import NMF
    from sklearn.feature_extraction.text import TfidfVectorizer

    stop = emphasis._stop_words()
    vectoriser = TfidfVectorizer(analyzer=lambda t: emphasis.words(t, stop),
                                 sublinear_tf=True, min_df=2)
    matrix = vectoriser.fit_transform(texts)
    model = NMF(n_components=k, random_state=emphasis.RANDOM_STATE,
                init="nndsvda", max_iter=emphasis.NMF_MAX_ITER, tol=tol)
    with emphasis.single_blas_thread():  # as the topics are fitted
        weights = np.asarray(model.fit_transform(matrix))
    return model, (weights, vectoriser.get_feature_names_out())


def test_topics_equal_nmf_on_the_vectoriser(wire: list[ArticleAnalysis]) -> None:
    """NMF iterated once per distinct sentence (each counted as often as it occurs)
    takes the plain fit's steps: the same number of them, the same words in the same
    order, the same topic for every sentence, the weights equal up to rounding (the
    sums over sentences are added in another order; weighting the sums or the
    stopping test wrongly moves them by far more)."""
    texts = _body_table(wire)[0]
    assert len(set(texts)) < 0.7 * len(texts)  # wire copy: many sentences repeat
    stop = emphasis._stop_words()
    topics, weights = emphasis._topics(texts, stop)
    model, (plain, vocabulary) = _plain_nmf(texts, len(topics))
    assert model.n_iter_ > 5
    scale = float(plain.max())
    np.testing.assert_allclose(weights, plain, rtol=0, atol=1e-12 * scale)
    assert (weights.argmax(axis=1) == plain.argmax(axis=1)).all()
    assert ((weights > 0) == (plain > 0)).all()
    for topic, row in zip(topics, model.components_, strict=True):
        order = np.argsort(-row, kind="stable")[:emphasis.TOP_WORDS]
        assert topic.top_words == tuple(str(w) for w in vocabulary[order])
        np.testing.assert_allclose(topic.weights, row[order], rtol=1e-10)


def test_nmf_stops_after_as_many_steps_as_the_plain_fit(
    wire: list[ArticleAnalysis], monkeypatch: pytest.MonkeyPatch,
) -> None:
    from models.vectorise import tfidf

    texts = _body_table(wire)[0]
    stop = emphasis._stop_words()
    vectors = tfidf(texts, lambda t: emphasis.words(t, stop), min_df=2, sublinear_tf=True)
    steps = set()
    for tol in (3e-2, 1e-2, 3e-3, 1e-3, 3e-4, 1e-4, 3e-5, 1e-5):
        monkeypatch.setattr(emphasis, "NMF_TOL", tol)
        with emphasis.single_blas_thread():
            weights, _, step = emphasis._nmf(vectors, 6)
        model, (plain, _) = _plain_nmf(texts, 6, tol)
        assert step == model.n_iter_, tol
        np.testing.assert_allclose(weights, plain, rtol=0, atol=1e-12 * float(plain.max()))
        steps.add(step)
    assert len(steps) >= 6


def test_nndsvda_start_on_distinct_rows_is_scikit_learns_start(
    wire: list[ArticleAnalysis], monkeypatch: pytest.MonkeyPatch,
) -> None:
    """NMF's start computed once per distinct sentence (the SVD of the distinct rows,
    each scaled by the square root of its copies) is scikit-learn's NNDSVDa start on
    every sentence up to rounding, with the same zeros (set to the mean); the SVD
    reads the distinct rows only. With fewer sentences than words (scikit-learn
    would transpose) or no repeats, it is scikit-learn's own start, bit for bit."""
    import sklearn.utils.extmath
    from sklearn.decomposition._nmf import _initialize_nmf

    from models.vectorise import tfidf

    texts = _body_table(wire)[0]
    stop = emphasis._stop_words()
    vectors = tfidf(texts, lambda t: emphasis.words(t, stop), min_df=2, sublinear_tf=True)
    matrix = vectors.every
    first = vectors.first_rows()
    copies = np.bincount(vectors.slot, minlength=len(first))
    assert matrix.shape[0] > matrix.shape[1] and len(first) < 0.7 * matrix.shape[0]
    shapes = []
    plain_svd = sklearn.utils.extmath.randomized_svd

    def recording(m: Any, *args: Any, **kwargs: Any) -> Any:
        shapes.append(m.shape)
        return plain_svd(m, *args, **kwargs)

    monkeypatch.setattr(sklearn.utils.extmath, "randomized_svd", recording)
    for k in (2, 6, 12):
        with emphasis.single_blas_thread():
            w, h = emphasis._nndsvda_start(matrix, first, copies, k)
            plain_w, plain_h = _initialize_nmf(matrix, k, init="nndsvda",
                                               random_state=emphasis.RANDOM_STATE)
        assert shapes[-1] == (len(first), matrix.shape[1])
        np.testing.assert_allclose(w, plain_w[first], rtol=0, atol=1e-12 * float(plain_w.max()))
        np.testing.assert_allclose(h, plain_h, rtol=0, atol=1e-12 * float(plain_h.max()))
        mean = matrix.mean()
        assert ((w == mean) == (plain_w[first] == mean)).all()
        assert ((h == mean) == (plain_h == mean)).all()
    # Fewer sentences than words, and no repeats: scikit-learn's start itself.
    for few in (matrix[first[:40]], matrix[first]):
        rows = np.arange(few.shape[0])
        w, h = emphasis._nndsvda_start(few, rows, np.ones(len(rows), dtype=np.int64), 4)
        plain_w, plain_h = _initialize_nmf(few, 4, init="nndsvda",
                                           random_state=emphasis.RANDOM_STATE)
        assert w.tobytes() == plain_w.tobytes() and h.tobytes() == plain_h.tobytes()


def test_topics_without_the_private_solver_are_the_plain_fit(
    wire: list[ArticleAnalysis], monkeypatch: pytest.MonkeyPatch,
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "sklearn.decomposition._cdnmf_fast", None)
    texts = _body_table(wire)[0][:600]
    topics, weights = emphasis._topics(texts, emphasis._stop_words())
    model, (plain, _) = _plain_nmf(texts, len(topics))
    assert weights.tobytes() == plain.tobytes()
    assert [t.weights for t in topics] == [
        tuple(float(row[i]) for i in np.argsort(-row, kind="stable")[:emphasis.TOP_WORDS])
        for row in model.components_]


def test_emphasis_words_cache_gives_the_plain_words(wire: list[ArticleAnalysis]) -> None:
    stop = emphasis._stop_words()
    cache = emphasis._Words(stop)
    for text in _body_table(wire)[0][:400]:
        assert cache.words(text) == emphasis.words(text, stop)
        assert cache.stems(text) == [emphasis.stem(w) for w in emphasis.words(text, stop)]


def plain_words(text: str, stop: frozenset[str]) -> list[str]:
    """The reference: each word found in the text as written, then case-folded."""
    found = (w.casefold().replace("’", "'") for w in emphasis._WORD.findall(text))
    return [w for w in found if len(w) >= 3 and w not in stop]


def test_words_of_ascii_and_other_texts_are_the_plain_words(
    wire: list[ArticleAnalysis],
) -> None:
    """ASCII texts (lower-cased at once) and the others (each word case-folded) give
    the plain words: curly and straight apostrophes, capitals, digits, underscores,
    and letters that case-fold into two characters or a letter and a mark."""
    stop = emphasis._stop_words()
    texts = _body_table(wire)[0]
    awkward = [
        "Don’t STOP: it's O'Neill’s 3rd_try, isn't it? ABC123def __init__ x_y",
        "İstanbul’s STRASSE and Straße; ǅemal’s ﬁnal ΣΟΦΙΑ, naïve café",
        "rock’n’roll ’tis the ‘quote’ and 'quote' --- ok? Résumé's RESUME",
        "", "   ", "a an the of", "MIXED case WORDS with the Stop Words THEM",
        "“Quoted”—dashed–words―and…more\xa0SPACED ‘single’ O’Brien’s", "Ünïcode “and” ASCII—",
    ]
    assert any(t.isascii() for t in texts) and any(not t.isascii() for t in awkward)
    for text in texts + awkward:
        assert emphasis.words(text, stop) == plain_words(text, stop), text
    assert emphasis.words(awkward[0], stop) == [
        "don't", "stop", "it's", "o'neill's", "try", "isn't", "abc", "def", "init"]
    assert emphasis.words(awkward[7], stop) == [
        "quoted", "dashed", "words", "spaced", "single", "o'brien's"]


def plain_smoothed(values: np.ndarray, article_of: Sequence[int]) -> np.ndarray:
    """The reference: the 1-2-1 mean written as a loop."""
    out = values.copy()
    for i in range(len(values)):
        neighbours = [j for j in (i - 1, i + 1)
                      if 0 <= j < len(values) and article_of[j] == article_of[i]]
        out[i] = (2 * values[i] + sum(values[j] for j in neighbours)) / (2 + len(neighbours))
    return out


def test_smoothing_equals_the_loop_bit_for_bit() -> None:
    rng = np.random.default_rng(3)
    cases: list[tuple[np.ndarray, list[int]]] = [
        (np.zeros(0), []), (np.array([0.3]), [0]), (np.array([0.1, 0.7]), [0, 1]),
        (np.array([0.1, 0.7, 0.2]), [4, 4, 4]),
        (np.array([0.0, 0.0, 1e-300, 0.5, 0.0]), [0, 0, 1, 1, 2]),
    ]
    owners = np.sort(rng.integers(0, 300, 5000)).tolist()
    cases.append((rng.random(5000) ** 3, owners))
    cases.append((rng.random(5000), [o % 2 for o in owners]))  # neighbours of other articles
    for values, owner in cases:
        assert emphasis._smoothed(values, owner).tobytes() == \
            plain_smoothed(values, owner).tobytes()


def test_sentences_get_their_strongest_topic_as_the_row_loop_gives_it(
    wire: list[ArticleAnalysis],
) -> None:
    """Each sentence's topic and weight and off-story flag, as a loop over the rows of
    the topic weights gives them (the first of equal weights; -1 for a sentence
    without words)."""
    result = emphasis.analyze_emphasis(wire)
    texts, owner = _body_table(wire)
    stop = emphasis._stop_words()
    _, weights = emphasis._topics(texts, stop)
    support = emphasis._support(texts, owner, stop)
    smoothed = plain_smoothed(support, owner)
    assert (weights.sum(axis=1) == 0).any()  # sentences without words
    for i, sentence in enumerate(result.sentences):
        row = weights[i]
        strongest = int(row.argmax()) if row.size and row.max() > 0 else -1
        assert sentence.topic_id == strongest
        assert sentence.topic_weight == (float(row[strongest]) if strongest >= 0 else 0.0)
        assert type(sentence.topic_weight) is float and type(sentence.support) is float
        assert sentence.support == float(support[i])
        assert sentence.support_smoothed == float(smoothed[i])
        assert sentence.off_story == bool(smoothed[i] < result.off_story_threshold)
    assert any(s.off_story for s in result.sentences)
    assert not any(s.off_story for s in emphasis.analyze_emphasis(wire[:1]).sentences)


def test_topics_are_fitted_on_one_blas_thread() -> None:
    from threadpoolctl import threadpool_info

    with emphasis.single_blas_thread():
        inside = [i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"]
    assert inside and set(inside) == {1}


# ---- emphasis: distinctive words ---------------------------------------------------


def plain_distinctive(analyses: Sequence[ArticleAnalysis], outlets: Sequence[str],
                      stop: frozenset[str]) -> list[emphasis.DistinctiveWord]:
    """The reference: Counters of every sentence's words and :func:`log_odds_z`."""
    from collections import Counter

    by_outlet: dict[str, Counter[str]] = {o: Counter() for o in outlets}
    for a in analyses:
        for s in a.article.body_sentences:
            by_outlet[a.outlet].update(emphasis.distinctive_terms(s.text, stop))
    corpus: Counter[str] = Counter()
    for c in by_outlet.values():
        corpus.update(c)
    out: list[emphasis.DistinctiveWord] = []
    if len(outlets) < 2:
        return out
    prior = {w: c / len(outlets) for w, c in corpus.items()}
    for outlet in outlets:
        others = corpus - by_outlet[outlet]
        for word, (delta, z) in emphasis.log_odds_z(by_outlet[outlet], others, prior).items():
            if by_outlet[outlet].get(word, 0) == 0 and z > 0:
                continue
            out.append(emphasis.DistinctiveWord(outlet, word, z, delta,
                                                by_outlet[outlet].get(word, 0),
                                                others.get(word, 0)))
    out.sort(key=lambda d: (d.outlet.casefold(), -d.z_score, d.word))
    return out


def _renamed(analyses: Sequence[ArticleAnalysis], names: dict[str, str]) -> list[ArticleAnalysis]:
    import dataclasses

    return [dataclasses.replace(a, article=dataclasses.replace(
        a.article, outlet=names.get(a.outlet, a.outlet))) for a in analyses]


def test_distinctive_rows_are_each_outlets_over_used_words(wire: list[ArticleAnalysis]) -> None:
    """distinctive_words.csv's rows from one pass over the list: each outlet's words
    as filtering the whole list per outlet gives them (outlets differing only in case
    too, whose words the list mixes)."""
    outlets = sorted({a.outlet for a in wire})
    for analyses in (wire, _renamed(wire, {outlets[1]: outlets[0].upper()})):
        names = emphasis.outlet_names(analyses)
        found = emphasis.distinctive_words(analyses)
        plain = [{"outlet": o, "word": d.word, "z_score": d.z_score, "log_odds": d.delta,
                  "count": d.count, "count_other_outlets": d.count_others, "rank": rank}
                 for o in names for rank, d in enumerate(sorted(
                     [d for d in found if d.outlet == o and d.z_score > 0],
                     key=lambda d: -d.z_score)[:7], start=1)]
        assert emphasis.distinctive_word_rows(names, found, 7) == plain
        assert len({r["outlet"] for r in plain}) == len(names)


def test_distinctive_words_capped_are_the_lists_first_over_used(
        wire: list[ArticleAnalysis]) -> None:
    """With ``top``, each outlet's first ``top`` over-used words of the whole list, in
    its order: the same rows of distinctive_words.csv and the same words for the charts
    (outlets differing only in case too, whose words the list mixes)."""
    stop = emphasis._stop_words()
    outlets = sorted({a.outlet for a in wire})
    for analyses in (wire, _renamed(wire, {outlets[1]: outlets[0].upper()})):
        names = emphasis.outlet_names(analyses)
        whole = emphasis._distinctive(analyses, names, stop)
        for top in (1, 7, 25, 10**6):
            capped = emphasis._distinctive(analyses, names, stop, None, top)
            seen: dict[str, int] = {}
            plain = []
            for d in whole:
                if d.z_score > 0 and seen.get(d.outlet, 0) < top:
                    seen[d.outlet] = seen.get(d.outlet, 0) + 1
                    plain.append(d)
            assert [repr(d) for d in capped] == [repr(d) for d in plain]
            assert emphasis.distinctive_word_rows(names, capped, min(top, 25)) == \
                emphasis.distinctive_word_rows(names, whole, min(top, 25))
            assert all(emphasis.Emphasis(names, [], [], capped, 0.0).distinctive_for(o, top)
                       == emphasis.Emphasis(names, [], [], whole, 0.0).distinctive_for(o, top)
                       for o in names)
        assert len(capped) < len(whole)
        assert len({d.outlet for d in emphasis._distinctive(analyses, names, stop, None, 1)}) \
            == len(names)


def test_distinctive_words_are_the_counters_bit_for_bit(wire: list[ArticleAnalysis]) -> None:
    """Every word, z-score, log-odds and count, and the list's order, as the plain
    Counters give them: on the wire corpus; with outlets whose names differ only in
    case (the sort mixes their words); with an outlet that has no body sentence; with
    one outlet; and with no word at all."""
    stop = emphasis._stop_words()
    outlets = sorted({a.outlet for a in wire})
    folded = _renamed(wire, {outlets[1]: outlets[0].upper(), outlets[2]: outlets[0].lower()})
    empty = _renamed(wire[:3], {a.outlet: "Empty" for a in wire[:3]})
    empty = [dataclasses_replace_body(a) for a in empty]
    cases = [wire, folded, wire[:40] + empty, [a for a in wire if a.outlet == outlets[0]]]
    for analyses in cases:
        names = emphasis.outlet_names(analyses)
        fast = emphasis._distinctive(analyses, names, stop)
        plain = plain_distinctive(analyses, names, stop)
        assert [repr(d) for d in fast] == [repr(d) for d in plain]
        assert all(type(d.count) is int and type(d.z_score) is float for d in fast)
    assert len(emphasis._distinctive(wire, outlets, stop)) > 1000
    assert emphasis._distinctive(wire, outlets, frozenset(), lambda t: []) == []


def dataclasses_replace_body(analysis: ArticleAnalysis) -> ArticleAnalysis:
    """The article with its headline only (no body sentence)."""
    import dataclasses

    article = analysis.article
    return dataclasses.replace(analysis, article=dataclasses.replace(
        article, sentences=tuple(s for s in article.sentences if s.in_headline)))


# ---- sources: media names ---------------------------------------------------------


def test_media_matcher_finds_what_the_pattern_loop_finds(wire: list[ArticleAnalysis]) -> None:
    patterns = sources._media_names(sources.load_aliases())
    matcher = sources._MediaMatcher(patterns)
    texts = _body_table(wire)[0] + [
        "He told the new york times and THE WASHINGTON POST, then Reuters.",
        "according to Reuters-style wording, not a name", "Reuters said. Reuters said.",
        "The Moscow Times reported, Moscow Times said", "ſtrange ıdentity Kelvin K",
    ]
    hits = 0
    for text in texts:
        loop = tuple((m.start(), m.end(), m.group(0), key)
                     for pattern, key in patterns for m in pattern.finditer(text))
        assert matcher.matches(text) == loop
        assert matcher.matches(text) == loop  # from the cache
        hits += bool(loop)
    assert hits >= 4


def test_media_matches_are_kept_across_runs_up_to_a_bound(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """find_sources runs once per article (named_people): the matcher of an alias list is
    built once, and a sentence met again (wire copy) is matched from the cache, in this
    run or a later one, until the cache holds CACHED_SENTENCES sentences."""
    aliases = sources.load_aliases()
    first = sources._media_matcher(aliases).fresh()
    text = "The plant will close, the spokesman told The Moscow Times on Friday."
    found = first.matches(text)
    assert found[0][2:] == ("The Moscow Times", "moscow times")
    second = sources._media_matcher(aliases).fresh()
    assert second is first and text in second._cache
    assert second.matches(text) is found
    monkeypatch.setattr(sources, "CACHED_SENTENCES", 0)
    third = sources._media_matcher(aliases).fresh()
    assert text not in third._cache  # bounded: started again
    assert third.matches(text) == found


def test_joined_media_search_rules_out_exactly_the_sentences_no_pattern_matches() -> None:
    """The names' shared boundaries checked once around an alternation: a match where
    one name's boundary fails and a later name's holds, case-sensitive and -insensitive
    names side by side, and a pattern of another shape kept whole."""
    def name(form: str, flags: int = re.IGNORECASE) -> tuple[re.Pattern[str], str]:
        return re.compile(rf"(?<![\w-]){re.escape(form)}(?![\w-])", flags), form

    patterns = [name("Times"), name("Times-Picayune"), name("AP", 0), name("N.Y. Post"),
                (re.compile(r"\bfoo\d+", re.IGNORECASE), "foo")]
    matcher = sources._MediaMatcher(patterns)
    assert matcher._any is not None and matcher._any.pattern.count("(?<![\\w-])") == 1
    texts = ["the times-picayune said", "Times-Picayunes", "x-Times", "timesx", "AP said",
             "ap said", "AP-style", "APx AP", "n.y. post.", "N.Y. Posted", "FOO12", "foo",
             "Times", "", "nothing here", "said the Times-", "(AP)", "_Times", "ñTimes"]
    for text in texts:
        expected = any(pattern.search(text) for pattern, _ in patterns)
        assert (matcher._any.search(text) is not None) == expected, text
        assert bool(matcher.matches(text)) == expected, text
    assert sources._MediaMatcher([])._any is None


class _CountedPattern:
    """A compiled pattern that counts its searches (re.Pattern takes no attributes)."""

    def __init__(self, pattern: re.Pattern[str], runs: list[str]) -> None:
        self._pattern, self._runs = pattern, runs
        self.pattern, self.flags = pattern.pattern, pattern.flags

    def finditer(self, text: str) -> Any:
        self._runs.append(self.pattern)
        return self._pattern.finditer(text)


def test_ascii_sentences_are_searched_only_by_the_names_they_hold() -> None:
    """On a text of plain ASCII only the patterns whose name it holds run (none on a
    sentence naming no medium), and they find what every pattern finds; a name with
    a letter that matches no ASCII one (Cyrillic) never runs there, one with a letter
    that may ("ſ" matches "s" under re.I) always does; other texts search as before."""
    def name(form: str, flags: int = re.IGNORECASE) -> tuple[re.Pattern[str], str]:
        return re.compile(rf"(?<![\w-]){re.escape(form)}(?![\w-])", flags), form

    plain = [name("The Moscow Times"), name("Moscow Times"), name("Важные истории"),
             name("AP", 0), name("N.Y. Post"), name("Reuters"), name("Meduſa"),
             (re.compile(r"\bfoo\d+", re.IGNORECASE), "foo")]
    texts = ["He told the moscow times, then THE MOSCOW TIMES.", "AP said; ap said; (AP)",
             "n.y. post, N.Y. Posted", "reuters-style Reuters", "MEDUSA reported", "foo12",
             "Важные истории (iStories) said", "nothing here at all", "",
             "ſtrange Meduſa, Reuters and the Moscow Times"]
    for text in texts:
        runs: list[str] = []
        counted = [(_CountedPattern(pattern, runs), key) for pattern, key in plain]
        matcher = sources._MediaMatcher(counted)  # type: ignore[arg-type]
        loop = tuple((m.start(), m.end(), m.group(0), key)
                     for pattern, key in plain for m in pattern.finditer(text))
        assert matcher.matches(text) == loop, text
        if text.isascii():
            assert "(?<![\\w-])Важные\\ истории(?![\\w-])" not in runs
            assert len(runs) < len(plain)
    runs = []
    matcher = sources._MediaMatcher(
        [(_CountedPattern(pattern, runs), key) for pattern, key in plain[:-2]])  # type: ignore[arg-type]
    assert matcher.matches("The minister said nothing of the kind.") == ()
    assert runs == []


def test_a_letter_matches_ascii_as_the_pattern_does() -> None:
    for character, flags, expected in [("ſ", re.IGNORECASE, True), ("\u212a", re.IGNORECASE, True),
                                       ("ſ", 0, False), ("В", re.IGNORECASE, False),
                                       ("é", re.IGNORECASE, False)]:
        assert sources._matches_ascii(character, flags) is expected, character


def test_described_outlets_only_searched_in_sentences_that_may_hold_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    texts = ["the independent Russian news outlet. Important Stories.", "THE MEDIA said",
             "a medium-sized report", "the mediaeval outlets", "The minister said so.",
             "the ſtate medium", "an independent outlet’s view", "the Outlet"]
    expected = {t: tuple((m.start(), m.end(), m.group(0))
                         for m in sources._DESCRIBED_OUTLET.finditer(t)) for t in texts}
    runs: list[str] = []
    monkeypatch.setattr(sources, "_DESCRIBED_OUTLET",
                        _CountedPattern(sources._DESCRIBED_OUTLET, runs))
    matcher = sources._MediaMatcher([])
    for text in texts:
        assert matcher.described_outlets(text) == expected[text], text
    assert len(runs) == len(texts) - 1  # not "The minister said so."
    assert sum(1 for found in expected.values() if found) >= 5


def test_bracketed_apposition_compares_no_mentions_until_one_is_removed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each mention of an article is looked for in the list only after a removal (the
    list's `in` compares mentions field by field)."""
    text = "Reuters said. TASS said. Interfax said. RIA Novosti (RIA) said."
    raws = []
    for found in re.finditer(r"RIA Novosti|RIA|Reuters|TASS|Interfax", text):
        mention = sources.SourceMention("a", "X", 0, found.start(), found.end(),
                                        found.group(0), "media", found.group(0).casefold(),
                                        "speaker")
        raws.append(sources._Raw(mention, mention.term, mention.text))
    compared: list[int] = []
    equal = sources._Raw.__eq__

    def counted(self: Any, other: Any) -> Any:
        compared.append(1)
        return equal(self, other)

    monkeypatch.setattr(sources._Raw, "__eq__", counted)
    unions = sources._Union()
    sources._resolve_in_article(raws, unions, text)
    assert [r.mention.text for r in raws] == ["Reuters", "TASS", "Interfax", "RIA Novosti"]
    assert unions.find("ria") == unions.find("ria novosti")
    compared.clear()
    sources._resolve_in_article(raws[:3], sources._Union(), text)  # no brackets
    assert compared == []


def test_term_and_literal_searches_without_a_pattern_find_what_the_patterns_find() -> None:
    """The ASCII paths of _find_term and _find_ignoring_case against the regexes they
    replace, on generated names and mentions (word characters, digits, underscores,
    punctuation, spaces in runs and at the ends, capitals) and non-ASCII ones (which
    take the regex path: 'ſ', the Kelvin sign and dotted capitals fold differently)."""
    rng = random.Random(5)
    alphabet = ["a", "B", "c", "s", "K", "k", "1", "_", "-", ".", "'", " ", " ", "  ", "\t",
                "ſ", "K", "İ", "é"]
    checked = 0
    for _ in range(4000):
        term = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 4)))
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        if rng.random() < 0.5:  # make the term occur, in another case
            cut = rng.randint(0, len(text))
            text = text[:cut] + term.swapcase() + text[cut:]
        if term:
            plain = sources._term_pattern(term).search(text)
            assert sources._find_term(term, text) == (plain and plain.span()), (term, text)
        literal = re.search(re.escape(term), text, re.IGNORECASE)
        assert sources._find_ignoring_case(term, text) == (literal and literal.group(0))
        checked += plain is not None if term else 0
    assert checked > 300
    assert sources._find_term("dmitry peskov", "kremlin's Dmitry Peskov said") == (10, 23)
    assert sources._find_term("ap", "snap AP") == (5, 7)


def test_term_pattern_matches_as_the_plain_search() -> None:
    for term, text in [("dmitry peskov", "Kremlin spokesman Dmitry  Peskov"),
                       ("iStories", "outlet istories said"), ("a.b", "axb a.b")]:
        plain = re.search(r"(?<!\w)" + re.escape(term).replace("\\ ", r"\s+") + r"(?!\w)",
                          text, re.IGNORECASE)
        fast = sources._term_pattern(term).search(text)
        assert (plain and plain.span()) == (fast and fast.span())


def _written_out(surname: str) -> re.Pattern[str]:
    """A given name (and middle name) and the surname: the pattern, one per surname, that
    models.sources compiled before session 23."""
    return re.compile(sources._GIVEN_NAME + re.escape(surname) + r"(?![\w-])")


def _plain_given_names_before(surname: str, text: str) -> list[re.Match[str]]:
    """The reference: the surname's pattern tried near every occurrence of the surname."""
    found: dict[int, re.Match[str]] = {}
    pattern = _written_out(surname)
    end = text.find(surname)
    while end >= 0:
        end += len(surname)
        lo = max(0, end - len(surname) - sources._GIVEN_NAME_REACH)
        for match in pattern.finditer(text, lo, min(len(text), end + 1)):
            if match.end() == end:
                found.setdefault(match.start(), match)
        end = text.find(surname, end)
    return [found[start] for start in sorted(found)]


def _surname_texts(wire: list[ArticleAnalysis]) -> list[tuple[str, str]]:
    """Surnames with texts: each wire article with the last word of each of its sources,
    and generated ones (given names, initials, offices, white space of every kind,
    hyphens, dots, a surname written twice, a surname inside a word or a name)."""
    cases = []
    for analysis in wire[::3]:
        text = analysis.article.text
        for span in analysis.spans:
            if span.category == "source" and span.text.split():
                cases.append((span.text.split()[-1], text))
    rng = random.Random(7)
    pieces = ["Donald", "J.", "Trump", "trump", "Trumps", "Hillary", "Rodham", "Clinton",
              "President", "Sen.", "Senator", "Attorney General", "ex-", "Mr.", "Mrs",
              " ", " ", "  ", "\n", "\t", "\u00a0", ", ", ". ", "-", "’", "'s", "said",
              "O'Trump", "A", "Z.", "\u2003"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        cases.append((rng.choice(["Trump", "Clinton", "Rodham", "General", "J."]), text))
    for _ in range(1000):  # an office (or a near miss) right before the surname
        before = rng.choice(["", "ex-", "Vice ", "the ", "x", "(", "former\n"])
        office = rng.choice([*sources._OFFICES, "Sen", "president", "Presidents"])
        gap = rng.choice(["", " ", "  ", "\n", "\u00a0", " .", ". "])
        after = rng.choice(["", " said", "s", "-led", "’s", ".", " Trump"])
        cases.append(("Trump", f"{before}{office}{gap}Trump{after}"))
    return cases


def test_surname_patterns_are_compiled_only_where_they_can_match(
    wire: list[ArticleAnalysis],
) -> None:
    """The given names before a surname, found with one pattern for every surname, and
    whether an office comes before it, with the surname's pattern compiled only where a
    generic search allows a match: the same matches (spans and groups) as trying the
    surname's own pattern everywhere, and no pattern compiled for a surname never
    written after an office."""
    found = offices = 0
    for surname, text in _surname_texts(wire):
        fast = sources._given_names_before(surname, text)
        plain = _plain_given_names_before(surname, text)
        # The same starts and groups; each match ends where the surname begins.
        assert [(m.start(), m.groups()) for m in fast] == \
            [(m.start(), m.groups()) for m in plain], (surname, text)
        assert all(text.startswith(surname, m.end()) for m in fast)
        found += bool(plain)
        if any(sources._with_office(surname).finditer(text)):
            assert sources._office_before(surname, text), (surname, text)
            offices += 1
    assert found > 300 and offices > 50
    sources._with_office.cache_clear()
    text = "Trump said on Monday. Later, trump-style rallies: Trump, Trump."
    assert sources._given_names_before("Trump", text) == []
    assert not sources._office_before("Trump", text)
    spans = [m.span() for m in sources._given_names_before("Trump", "Donald J. Trump said")]
    assert spans == [(0, 10)]  # "Donald J. ", before the surname
    assert sources._with_office.cache_info().currsize == 0
    assert sources._office_before("Trump", "as President\n Trump said")


def test_aliases_differing_in_case_sort_the_same_on_every_run() -> None:
    assert sorted({"Important stories", "Important Stories", "iStories"},
                  key=sources._casefold_then_case) == \
        ["Important Stories", "Important stories", "iStories"]


# ---- claims ----------------------------------------------------------------------


def test_quote_checks_read_the_text_as_straightened(wire: list[ArticleAnalysis]) -> None:
    """A sentence opening with a quotation mark, and its denial cue, found without
    straightening its quotation marks first (denial_cue: not for an ASCII text, which
    has none): the same as on the straightened text, on the wire corpus's sentences and
    on generated ones (every mark _QUOTES maps, white space of every kind before it)."""
    rng = random.Random(3)
    marks = ["\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb", '"', "'", "`",
             "\u201e", " ", "\u00a0", "\n", "\t", "\u2003", "x", "It was false. ", "denied ",
             "not true", "\u201cfalse\u201d reports", "did not deny "]
    texts = [s.text for a in wire for s in a.article.sentences]
    texts += ["".join(rng.choice(marks) for _ in range(rng.randint(0, 6))) for _ in range(3000)]
    opening = re.compile(r'^\s*["\']')
    opened = 0
    for text in texts:
        straight = text.translate(claims._QUOTES)
        expected = opening.match(straight)
        assert bool(claims._OPENING_QUOTE.match(text)) == bool(expected), text
        opened += expected is not None
        assert claims.denial_cue.__wrapped__(text) == claims.denial_cue.__wrapped__(
            straight), text
    assert opened > 300


def _plain_claim_content(sentence: Any, spans: Sequence[Any]) -> str:
    """The reference: every character of a cut span blanked one at a time, then the
    text straightened."""
    reporting = [s for s in spans if s.category == "attribution" and claims._reports(s, sentence)]
    cut = [s for s in spans if claims._certainty_cue(s)]
    if reporting:
        cut += reporting + [s for s in spans if s.category == "source"]
    chars = list(sentence.text)
    for span in cut:
        for k in range(max(0, span.start - sentence.start),
                       min(len(chars), span.end - sentence.start)):
            chars[k] = " "
    return "".join(chars).translate(claims._QUOTES)


def test_claim_content_blanks_the_cut_spans_as_the_character_loop(
    wire: list[ArticleAnalysis],
) -> None:
    """claim_content blanks the merged ranges of the cut spans at once: the same text as
    blanking each span's characters, on the wire corpus's sentences and on generated
    spans (overlapping, nested, touching, empty, reaching outside the sentence, in any
    order) over texts with and without curly quotation marks."""
    from models.article import Sentence, Span

    checked = 0
    for analysis in wire:
        spans = claims._spans_by_sentence(analysis)
        for sentence in claims.claim_sentences(analysis):
            own = spans.get(sentence.index, ())
            assert claims.claim_content(sentence, own) == _plain_claim_content(sentence, own)
            checked += bool(own)
    assert checked > 200
    rng = random.Random(9)
    kinds = [("hedge", "epistemic"), ("booster", ""), ("attribution", "report"),
             ("source", "person"), ("loaded", "")]
    for _ in range(3000):
        text = "".join(rng.choice(["ab", " ", "\u201cq\u201d", "\u2019", "said", "é", "."])
                       for _ in range(rng.randint(0, 12)))
        start = rng.randint(0, 50)
        sentence = Sentence(3, start, start + len(text), text)
        own = []
        for _ in range(rng.randint(0, 5)):
            lo = start + rng.randint(-3, len(text) + 2)
            hi = lo + rng.randint(-1, 8)
            category, subcategory = rng.choice(kinds)
            own.append(Span(lo, hi, text[max(0, lo - start):max(0, hi - start)], category,
                            subcategory, "according to" if rng.random() < 0.3 else "said", 3))
        assert claims.claim_content(sentence, own) == _plain_claim_content(sentence, own), \
            (text, own)


def test_synonyms_apply_as_the_plain_substitution(wire: list[ArticleAnalysis]) -> None:
    """Tokens replaced through a memo of each token's replacement: what re.sub with
    the lookup per token gives."""
    synonyms = claims.default_synonyms()

    def plain(text: str) -> str:
        if synonyms.phrases is not None:
            text = synonyms.phrases.sub(
                lambda m: synonyms.canonical[claims._plain(m.group(0))], text)
        return claims._TOKEN.sub(
            lambda m: synonyms.canonical.get(claims._plain(m.group(0)), m.group(0)), text)

    texts = _body_table(wire)[0] + [
        "", "  ", "---", "Kyiv's well-known O’Neill said ‘no’", "ſtrange İstanbul ǅ",
        "U.S.-backed forces", "x" * 3, "Tokens_with_underscores and 3-point-5 numbers",
    ]
    changed = 0
    for text in texts:
        fast = synonyms.apply(text)
        assert fast == plain(text)
        assert synonyms.apply(text) == fast  # from the memo
        changed += fast != text
    assert changed > 20


def plain_vectors(items: Sequence[Any]) -> Any:
    """The reference: scikit-learn's vectorisers without the memo."""
    from scipy.sparse import hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.preprocessing import normalize

    words = TfidfVectorizer(
        analyzer=claims._unique, use_idf=False, binary=True, norm="l2",
    ).fit_transform([item.stems for item in items])
    chars = TfidfVectorizer(
        analyzer="char_wb", ngram_range=(4, 5), sublinear_tf=True,
    ).fit_transform([" ".join(item.stems) for item in items])
    w = claims.WORD_WEIGHT
    joined = hstack([words * w ** 0.5, normalize(chars) * (1 - w) ** 0.5])
    return normalize(joined.tocsr()).tocsr()


def plain_groups(x: Any, items: Sequence[Any], pairs: tuple[np.ndarray, np.ndarray],
                 similarities: np.ndarray, threshold: float) -> list[list[int]]:
    """The reference: average-linkage clustering of every linked component of 3 or more."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components
    from sklearn.cluster import AgglomerativeClustering

    n = len(items)
    a, b = pairs
    linked = similarities >= threshold
    graph = coo_matrix((np.ones(int(linked.sum())), (a[linked], b[linked])), shape=(n, n))
    _, labels = connected_components(graph, directed=False)
    members: dict[int, list[int]] = {}
    for i, label in enumerate(labels):
        members.setdefault(int(label), []).append(i)
    groups: list[list[int]] = []
    for component in (m for m in members.values() if len(m) > 1):
        if len({items[i].analysis for i in component}) < claims.MIN_ARTICLES:
            continue
        if len(component) == 2:
            groups.append(component)
            continue
        block = x[component]
        distance = 1.0 - (block @ block.T).toarray()
        np.clip(distance, 0.0, 2.0, out=distance)
        np.fill_diagonal(distance, 0.0)
        clustering = AgglomerativeClustering(
            n_clusters=None, metric="precomputed", linkage="average",
            distance_threshold=1.0 - threshold + 1e-9,
        ).fit(distance)
        split: dict[int, list[int]] = {}
        for i, label in zip(component, clustering.labels_, strict=True):
            split.setdefault(int(label), []).append(i)
        groups.extend(split.values())
    return [g for g in groups if len({items[i].analysis for i in g}) >= claims.MIN_ARTICLES]


def plain_items(analyses: Sequence[ArticleAnalysis]) -> list[tuple[int, int, tuple[str, ...]]]:
    stop, synonyms = claims._stop_words(), claims.default_synonyms()
    out = []
    for i, analysis in enumerate(analyses):
        spans = claims._spans_by_sentence(analysis)
        for sentence in claims.claim_sentences(analysis):
            content = synonyms.apply(claims.claim_content(sentence, spans.get(sentence.index, ())))
            stems = tuple(claims.content_stems(content, stop))
            if len(stems) >= claims.MIN_CONTENT_WORDS:
                out.append((i, sentence.index, stems))
    return out


@pytest.fixture(scope="module")
def prepared(wire: list[ArticleAnalysis]) -> claims.PreparedClaims:
    return claims.prepare_claims(wire)


def item_vectors(prepared: claims.PreparedClaims) -> Any:
    """One vector per item (prepared.x holds one per distinct content)."""
    assert prepared.x is not None
    return prepared.x[prepared.rows]


def test_claim_items_and_vectors_equal_the_plain_ones(
    wire: list[ArticleAnalysis], prepared: claims.PreparedClaims
) -> None:
    assert [(it.analysis, it.sentence.index, it.stems) for it in prepared.items] == \
        plain_items(wire)
    assert prepared.x is not None
    # One row per distinct content: the wire copies' sentences share theirs.
    assert prepared.x.shape[0] == len({it.stems for it in prepared.items}) < len(prepared.items)
    reference = plain_vectors(prepared.items)
    for x in (item_vectors(prepared), claims._vectors(prepared.items)):
        for name in ("data", "indices", "indptr"):
            assert getattr(x, name).tobytes() == getattr(reference, name).tobytes()


def plain_candidate_pairs(items: Sequence[Any]) -> tuple[np.ndarray, np.ndarray]:
    """The reference: shared rare stems counted for every pair of items; copies of one
    content (the same stems) are always a pair."""
    from scipy.sparse import csr_matrix

    vocabulary: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    for i, item in enumerate(items):
        for s in set(item.stems):
            rows.append(i)
            cols.append(vocabulary.setdefault(s, len(vocabulary)))
    incidence = csr_matrix((np.ones(len(rows)), (rows, cols)),
                           shape=(len(items), len(vocabulary)))
    df = np.asarray(incidence.sum(axis=0)).ravel()
    blocked = incidence[:, np.flatnonzero(df <= claims.BLOCK_MAX_DF)]
    shared = (blocked @ blocked.T).toarray()
    article = np.array([item.analysis for item in items])
    content = {stems: k for k, stems in enumerate(dict.fromkeys(item.stems for item in items))}
    same = np.array([content[item.stems] for item in items])
    a, b = np.nonzero(np.triu((shared >= claims.BLOCK_MIN_SHARED)
                              | (same[:, None] == same[None, :]), k=1)
                      & (article[:, None] != article[None, :]))
    return a, b


def test_claim_pairs_and_similarities_equal_the_plain_ones(
    prepared: claims.PreparedClaims, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Candidate pairs counted per pair of distinct contents: the pairs of counting every
    pair of sentences, in order; their cosines those of the sentences' own vectors."""
    a, b = prepared.pairs
    expected = plain_candidate_pairs(prepared.items)
    assert a.tolist() == expected[0].tolist() and b.tolist() == expected[1].tolist()
    x = item_vectors(prepared)
    assert prepared.similarities.tobytes() == claims._pair_similarities(x, a, b).tobytes()
    # Copies of one content among the pairs (the pairs of a content with itself).
    assert any(prepared.rows[i] == prepared.rows[j] for i, j in zip(a, b, strict=True))
    # Another cut of the common stems, where copies count toward a stem's frequency.
    for max_df in (2, 5):
        monkeypatch.setattr(claims, "BLOCK_MAX_DF", max_df)
        a, b = claims._candidate_pairs(prepared.items)
        expected = plain_candidate_pairs(prepared.items)
        assert a.tolist() == expected[0].tolist() and b.tolist() == expected[1].tolist()


@pytest.mark.parametrize("threshold", [0.2, claims.DEFAULT_THRESHOLD, 0.6, 0.9])
def test_claim_groups_equal_clustering_every_component(
    prepared: claims.PreparedClaims, threshold: float
) -> None:
    products: dict[tuple[int, ...], np.ndarray] = {}
    fast = claims._groups(prepared.x, prepared.items, prepared.pairs, prepared.similarities,
                          threshold, claims.NullProgress(), products, prepared.rows)
    x = item_vectors(prepared)
    assert fast == plain_groups(x, prepared.items, prepared.pairs,
                                prepared.similarities, threshold)
    assert len(fast) > 20
    assert products  # whole components whose clustering was not needed
    for group, product in products.items():
        block = x[list(group)]
        assert product.tobytes() == (block @ block.T).toarray().tobytes()
    # The same with one vector per item.
    assert claims._groups(x, prepared.items, prepared.pairs, prepared.similarities,
                          threshold, claims.NullProgress()) == fast


def test_claim_groups_in_small_batches_are_the_same(
    prepared: claims.PreparedClaims, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Groups' products in batches of a few rows (blocks larger than a batch alone):
    the same groups and the same products, bit for bit."""
    args = (prepared.x, prepared.items, prepared.pairs, prepared.similarities,
            claims.DEFAULT_THRESHOLD, claims.NullProgress())
    whole: dict[tuple[int, ...], np.ndarray] = {}
    monkeypatch.setattr(claims, "GRAM_BATCH_ROWS", 10**9)
    expected = claims._groups(*args, whole, prepared.rows)
    monkeypatch.setattr(claims, "GRAM_BATCH_ROWS", 5)
    batched: dict[tuple[int, ...], np.ndarray] = {}
    assert claims._groups(*args, batched, prepared.rows) == expected
    assert batched.keys() == whole.keys()
    assert all(batched[k].tobytes() == whole[k].tobytes() for k in whole)
    assert max(len(k) for k in whole) > 5  # a block larger than a batch
    blocks = [[0, 1], [2, 3, 4, 5, 6, 7], [8], [9, 10, 11]]
    assert [g.tobytes() for g in claims._gram_batches(prepared.x, blocks)] == \
        [g.tobytes() for g in claims._gram_blocks(prepared.x, blocks)]


def test_gram_blocks_are_each_blocks_own_product(prepared: claims.PreparedClaims) -> None:
    """All blocks' products from one product: each the block's own, bit for bit (blocks
    overlapping, repeating a row, of one row, or sharing no term)."""
    from scipy.sparse import csr_matrix

    assert prepared.x is not None
    rng = random.Random(3)
    n = prepared.x.shape[0]
    blocks = [rng.sample(range(n), rng.randint(1, 12)) for _ in range(300)]
    blocks += [[0, 0, 1], [5], list(range(40))]
    grams = claims._gram_blocks(prepared.x, blocks)
    assert len(grams) == len(blocks)
    for block, gram in zip(blocks, grams, strict=True):
        sub = prepared.x[block]
        assert gram.tobytes() == (sub @ sub.T).toarray().tobytes()
    disjoint = csr_matrix(np.array([[1.0, 0.0], [0.0, 2.0], [0.5, 0.5]]))
    assert claims._gram_blocks(disjoint, [[0, 1], [2]])[0].tolist() == [[1.0, 0.0], [0.0, 4.0]]
    assert claims._gram_blocks(disjoint, []) == []


# ---- reuse -------------------------------------------------------------------------


def plain_tokens(analysis: ArticleAnalysis) -> list[reuse.Token]:
    out = []
    for sentence in analysis.article.body_sentences:
        for match in reuse._TOKEN.finditer(sentence.text):
            norm = match.group(0).casefold().replace("’", "'")
            out.append(reuse.Token(norm, sentence.start + match.start(),
                                   sentence.start + match.end(), sentence.index))
    return out


def test_reuse_tokens_are_the_plain_tokens(wire: list[ArticleAnalysis]) -> None:
    for analysis in wire[:80]:
        assert reuse.tokens(analysis) == plain_tokens(analysis)


def test_reuse_equals_the_scan_over_every_passage(
    wire: list[ArticleAnalysis], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Passages found again in third articles: indexed by article, as the full scan finds
    (on part of the corpus: the scan grows with the square of the passages)."""
    part = wire[:90]
    fast = reuse.find_reuse(part)
    given = reuse.find_reuse(part, sources=sources.find_sources(part))

    def scan(seen_in: dict[tuple[int, int, int], set[int]], k: int, lo: int, hi: int
             ) -> set[int]:
        found: set[int] = set()
        for (kk, a0, a1), where in seen_in.items():
            if kk == k and a0 <= hi and lo <= a1:
                found |= where
        return found

    monkeypatch.setattr(reuse, "_by_article", lambda seen_in: seen_in)
    monkeypatch.setattr(reuse, "_overlapping", scan)
    assert fast == reuse.find_reuse(part) == given
    assert sum(1 for p in fast if p.also_in) > 10


def plain_raw(analyses: Sequence[ArticleAnalysis]) -> list[tuple[int, ...]]:
    """The reference: every shingle's places paired in Python, each article pair's
    matches chained by reuse._chains (find_reuse as it was written before)."""
    from collections import defaultdict

    index: dict[tuple[str, ...], list[tuple[int, int]]] = defaultdict(list)
    for k, analysis in enumerate(analyses):
        norms = [t.norm for t in reuse.tokens(analysis)]
        sentence = [t.sentence_index for t in reuse.tokens(analysis)]
        for i in range(len(norms) - reuse.SHINGLE + 1):
            if sentence[i] == sentence[i + reuse.SHINGLE - 1]:  # within a sentence
                index[tuple(norms[i:i + reuse.SHINGLE])].append((k, i))
    by_pair: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
    for places in index.values():
        if len(places) < 2 or len(places) > 50:
            continue
        for x in range(len(places)):
            for y in range(x + 1, len(places)):
                (ka, ia), (kb, ib) = places[x], places[y]
                if ka != kb:
                    by_pair[(ka, kb)].append((ia, ib))
    return chain_plainly(by_pair)


def chain_plainly(by_pair: dict[tuple[int, int], list[tuple[int, int]]]
                  ) -> list[tuple[int, ...]]:
    raw: list[tuple[int, ...]] = []
    for (ka, kb), pairs in sorted(by_pair.items()):
        for chain in reuse._chains(pairs):
            covered = {i + d for i, _ in chain for d in range(reuse.SHINGLE)}
            if len(covered) >= reuse.MIN_SHARED_WORDS:
                raw.append((ka, kb, chain[0][0], chain[-1][0] + reuse.SHINGLE - 1,
                            chain[0][1], chain[-1][1] + reuse.SHINGLE - 1, len(covered)))
    return raw


def test_reuse_matches_and_chains_equal_the_python_loops(wire: list[ArticleAnalysis]) -> None:
    known = reuse._Shingles()
    toks = [reuse._article_tokens(a, known) for a in wire]
    fast = reuse._raw_passages(toks, reuse.NullProgress())
    assert fast == plain_raw(wire)
    assert len(fast) > 100


def test_chaining_equals_the_plain_chains_on_tangled_matches() -> None:
    """Matches on several diagonals, repeated positions, gaps just under and over the
    reach: the parts chained at once and those left to _chains give what _chains gives."""
    rng = random.Random(8)
    by_pair: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for ka in range(12):
        for kb in range(ka + 1, 12):
            pairs: set[tuple[int, int]] = set()
            i, offset = rng.randint(0, 5), rng.randint(-20, 20)
            for _ in range(rng.randint(1, 60)):
                i += rng.choice([0, 1, 1, 1, 2, 4, 7, 8, 9, 12])
                offset += rng.choice([0, 0, 0, 0, 1, -1, 3, 4, -4, 25])
                pairs.add((i, max(0, i + offset)))
                if rng.random() < 0.1:
                    pairs.add((i, rng.randint(0, 200)))
            by_pair[(ka, kb)] = sorted(pairs)
    rows = np.array([(ka, kb, i, j) for (ka, kb), ps in sorted(by_pair.items())
                     for i, j in ps], dtype=np.int64)
    fast = reuse._chained(rows, reuse.NullProgress())
    assert fast == chain_plainly(by_pair)
    assert len(fast) > 50
    assert reuse._chained(np.zeros((0, 4), dtype=np.int64), reuse.NullProgress()) == []


@pytest.mark.parametrize("vocabulary", [7, 300, 9000])
def test_shingle_numbers_are_equal_exactly_for_equal_runs_in_order_of_first_occurrence(
    vocabulary: int,
) -> None:
    """The numbers _matches sorts the places by: what numbering each run's tuple of
    forms in a dictionary gives, with few forms and with so many that five numbers
    no longer fit one 64-bit key (the keys are then ranked between forms)."""
    rng = random.Random(vocabulary)
    words = [f"w{k}" for k in range(vocabulary)]
    forms: list[str] = []
    starts: list[int] = []
    runs: list[int] = []
    sentences: list[list[str]] = []
    for _ in range(400):
        if sentences and rng.random() < 0.3:  # a sentence again, or its end in another
            sentence = rng.choice(sentences)
            sentence = sentence[rng.randint(0, len(sentence) - reuse.SHINGLE):]
            sentence = [rng.choice(words) for _ in range(rng.randint(0, 3))] + sentence
        else:
            sentence = [rng.choice(words) for _ in range(rng.randint(reuse.SHINGLE, 40))]
        sentences.append(sentence)
        starts.append(len(forms))
        runs.append(len(sentence) - reuse.SHINGLE + 1)
        forms += sentence
    known: dict[tuple[str, ...], int] = {}
    plain = [known.setdefault(tuple(forms[start + k:start + k + reuse.SHINGLE]), len(known))
             for start, count in zip(starts, runs, strict=True) for k in range(count)]
    assert reuse._shingle_numbers(forms, starts, runs).tolist() == plain
    assert len(known) < len(plain)  # some runs repeat


def test_covered_counts_the_words_of_a_chains_shingles() -> None:
    rng = random.Random(3)
    for _ in range(500):
        i, chain = rng.randint(0, 9), []
        for _ in range(rng.randint(1, 12)):
            chain.append((i, rng.randint(0, 99)))
            i += rng.randint(1, 9)
        assert reuse._covered(chain) == len({i + d for i, _ in chain
                                             for d in range(reuse.SHINGLE)})


def test_parts_moved_along_both_texts_are_chained_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Wire copy: the same tangled matches between other pairs of articles, at other
    places in them, give those chains moved as much, from one call of _chains."""
    rng = random.Random(11)
    tangled = sorted({(i, i + rng.choice([0, 0, 1, 3, 4, -4]) + 30)
                      for i in sorted(rng.sample(range(60), 30))} | {(5, 90), (6, 2)})
    by_pair: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for ka in range(6):
        for kb in range(ka + 1, 6):
            da, db = rng.randint(0, 50), rng.randint(0, 50)
            by_pair[(ka, kb)] = [(i + da, j + db) for i, j in tangled]
    rows = np.array([(ka, kb, i, j) for (ka, kb), ps in sorted(by_pair.items())
                     for i, j in ps], dtype=np.int64)
    calls: list[int] = []
    chains = reuse._chains

    def counted(pairs: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
        calls.append(len(pairs))
        return chains(pairs)

    monkeypatch.setattr(reuse, "_chains", counted)
    fast = reuse._chained(rows, reuse.NullProgress())
    assert len(calls) == 1  # 15 pairs of articles, one shape of tangle
    monkeypatch.setattr(reuse, "_chains", chains)
    assert fast == chain_plainly(by_pair)
    assert len({(ka, kb) for ka, kb, *_ in fast}) == 15


# ---- CSV files ---------------------------------------------------------------------


def test_write_csv_writes_what_dictwriter_wrote(tmp_path: Path) -> None:
    import csv

    from models.export import format_value, write_csv

    rng = random.Random(5)
    columns = ("id", "text", "number", "flag", "count", "missing")
    values: list[Any] = [None, True, False, 0, -3, 2**70, 0.0, -0.0, 1e-300, 1 / 3, float("nan"),
                         float("inf"), "plain", "", 'a,b "quoted"\nnext line', np.float64(0.125),
                         np.int64(7), np.bool_(False), (1, 2)]
    rows = [{"id": i, "text": rng.choice(values), "number": rng.uniform(-1e6, 1e6),
             "flag": rng.choice(values), "count": rng.choice(values), "extra": "ignored"}
            for i in range(3000)]
    write_csv(tmp_path / "fast.csv", columns, rows)
    with (tmp_path / "plain.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(columns), extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: format_value(row.get(k)) for k in columns})
    assert (tmp_path / "fast.csv").read_bytes() == (tmp_path / "plain.csv").read_bytes()


@pytest.mark.parametrize("highs", [(5, 7, 3000, 3000), (2**20, 2**20, 2**20, 2**20),
                                   (2**40, 2**30, 4, 4), (1, 1, 1, 1)])
def test_reuse_row_order_is_the_lexsort(highs: tuple[int, ...]) -> None:
    """One 63-bit key when the columns fit (the first two cases), lexsort otherwise."""
    rng = np.random.default_rng(len(highs) + highs[0])
    rows = np.unique(np.stack([rng.integers(0, h, 4000) for h in highs], axis=1), axis=0)
    rows = rows[rng.permutation(len(rows))]
    expected = rows[np.lexsort((rows[:, 3], rows[:, 2], rows[:, 1], rows[:, 0]))]
    assert np.array_equal(rows[reuse._row_order(rows)], expected)
    assert len(reuse._row_order(rows[:0])) == 0


def test_spans_csv_is_written_without_a_dictionary_per_span_and_the_same(
    wire: list[ArticleAnalysis], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """spans.csv holds what write_csv makes of span_rows, byte for byte (flags, None
    probabilities and negated spans included), but is not made from those rows."""
    from dataclasses import replace

    from models import export

    last = wire[-1]
    odd = [replace(last.spans[0], negated=True, probability_low=0.25, probability_high=None),
           replace(last.spans[0], sentence_index=-1, text='a "quoted", text\n')]
    analyses = [*wire[:-1], replace(last, spans=(*last.spans, *odd))]
    export.write_csv(tmp_path / "plain.csv", export.SPANS_COLUMNS, export.span_rows(analyses))
    monkeypatch.setattr(export, "span_rows", lambda *_: pytest.fail("a dictionary per span"))
    export.write_spans_csv(tmp_path / "spans.csv", analyses)
    written = (tmp_path / "spans.csv").read_bytes()
    assert written == (tmp_path / "plain.csv").read_bytes()
    assert written.count(b"\n") > 100 and b",0.25,," in written


def test_off_story_csv_is_written_without_a_dictionary_per_sentence_and_the_same(
    wire: list[ArticleAnalysis], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """off_story.csv holds what write_csv makes of off_story_rows, byte for byte (NaN
    support, flags, quotes and newlines included), but is not made from those rows,
    by either writer of it."""
    from dataclasses import replace

    from models import corpus_tables, export

    found = emphasis.analyze_emphasis(wire)
    last = found.sentences[-1]
    odd = [replace(last, support=float("nan"), support_smoothed=0.125, off_story=True),
           replace(last, text='a "quoted", text\n', topic_id=-1, support=1e-7)]
    found = replace(found, sentences=[*found.sentences, *odd])
    export.write_csv(tmp_path / "plain.csv", export.OFF_STORY_COLUMNS,
                     emphasis.off_story_rows(found))
    monkeypatch.setattr(emphasis, "off_story_rows",
                        lambda *_: pytest.fail("a dictionary per sentence"))
    monkeypatch.setattr(emphasis, "analyze_emphasis", lambda *_, **__: found)
    export.write_emphasis_csvs(tmp_path / "topics.csv", tmp_path / "distinctive.csv",
                               tmp_path / "off_story.csv", wire)
    (tmp_path / "tables").mkdir()
    corpus_tables.write_topics_and_off_story(tmp_path / "tables", wire)
    plain = (tmp_path / "plain.csv").read_bytes()
    for written in (tmp_path / "off_story.csv", tmp_path / "tables" / "off_story.csv"):
        assert written.read_bytes() == plain
    assert plain.count(b"\n") > 100 and b",,0.125,1," in plain and b',"a ""quoted""' in plain


def test_reuse_csv_is_written_without_a_dictionary_per_passage_and_the_same(
    wire: list[ArticleAnalysis], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """reuse.csv holds what write_csv makes of reuse_rows, byte for byte (flags both
    ways, several or no articles and sources, quotes and newlines included), but is
    not made from those rows."""
    from dataclasses import replace

    from models import export

    found = reuse.find_reuse(wire)
    last = found[-1]
    odd = [replace(last, verbatim=not last.verbatim, quotation=True, also_in=("x", "y"),
                   common_sources=("Reuters", "Jane Doe")),
           replace(last, text_a='a "quoted", text\n', text_b="", verbatim=False,
                   quotation=False, also_in=(), common_sources=(), direction="common")]
    found = [*found, *odd]
    export.write_csv(tmp_path / "plain.csv", export.REUSE_COLUMNS, reuse.reuse_rows(found))
    monkeypatch.setattr(reuse, "reuse_rows", lambda *_: pytest.fail("a dictionary per passage"))
    monkeypatch.setattr(reuse, "find_reuse", lambda *_, **__: found)
    export.write_reuse_csv(tmp_path / "reuse.csv", wire)
    plain = (tmp_path / "plain.csv").read_bytes()
    assert (tmp_path / "reuse.csv").read_bytes() == plain
    assert plain.count(b"\n") > 100 and b",x|y,Reuters|Jane Doe" in plain
    assert b',"a ""quoted"", text\n",,' in plain and b",0,0,common,," in plain


def test_nndsvda_start_with_fewer_distinct_sentences_than_the_svd_samples() -> None:
    """A corpus of a few sentences, each copied hundreds of times (one wire story that
    every outlet ran): fewer distinct rows than topics plus the SVD's oversamples. The
    distinct rows' SVD would give fewer vectors than the start reads (an IndexError on
    12 topics from 10 distinct sentences, seen by CI in test_charts); the start is
    scikit-learn's own on every sentence, bit for bit, and the fit is the plain fit's."""
    from sklearn.decomposition._nmf import _initialize_nmf

    from models.vectorise import tfidf

    base = [
        "Kremlin officials barred from quitting their posts until the war ends",
        "Ministry officials say resignations are frozen for the duration",
        "Analysts believe the ban aims to stop an exodus of officials",
        "Officials who quit could face charges of treason, lawyers warn",
        "The decree covers regional governors and ministry staff alike",
        "Staff at the ministry report pressure to stay in their posts",
        "Governors were told the ban applies until further notice",
        "Lawyers warn the decree has no basis in the labour code",
        "The exodus of staff began after the mobilisation last autumn",
        "Regional staff say the pressure has grown since the decree",
    ]
    texts = [t for i in range(200) for t in base[i % 7:] + base[: i % 7]]
    stop = emphasis._stop_words()
    vectors = tfidf(texts, lambda t: emphasis.words(t, stop), min_df=2, sublinear_tf=True)
    matrix = vectors.every
    first = vectors.first_rows()
    copies = np.bincount(vectors.slot, minlength=len(first))
    assert len(first) == 10 and matrix.shape[0] > matrix.shape[1]
    for k in (2, 6, 12):  # 10 + 2 oversamples, 10 + 6, and more topics than rows
        with emphasis.single_blas_thread():
            w, h = emphasis._nndsvda_start(matrix, first, copies, k)
            plain_w, plain_h = _initialize_nmf(matrix, k, init="nndsvda",
                                               random_state=emphasis.RANDOM_STATE)
        assert w.shape == (10, k) and h.shape == (k, matrix.shape[1])
        assert w.tobytes() == plain_w[first].tobytes() and h.tobytes() == plain_h.tobytes()
    with emphasis.single_blas_thread():
        weights, _, _ = emphasis._nmf(vectors, 12)
    _, (plain, _) = _plain_nmf(texts, 12)
    np.testing.assert_allclose(weights, plain, rtol=0, atol=1e-12 * float(plain.max()))
