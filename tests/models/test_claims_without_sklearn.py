"""Finding claims without importing scikit-learn (a second of CPU in the Claims tab's
first run): the pieces that replace its stop words, TF-IDF weighting, L2 norm,
"char_wb" analyser and average-linkage clustering give exactly what scikit-learn
gives (floats bit for bit, the same clusters), on matrices made to be awkward."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest

from models import claims, vectorise
from tests.fresh_python import assert_runs

REPO = Path(__file__).resolve().parents[2]


def test_aligning_claims_imports_no_scikit_learn_nor_scipys_clustering() -> None:
    code = (
        "import sys; from models.pipeline import analyze_paths; "
        "from models.claims import align_claims; "
        "alignment = align_claims(analyze_paths(['seeds']).analyses); "
        "assert len(alignment.claims) > 3, alignment; "
        "bad = sorted(m for m in sys.modules if m.split('.')[0] == 'sklearn' "
        "or m.startswith(('scipy.cluster', 'scipy.spatial', 'scipy.sparse.csgraph'))); "
        "assert not bad, bad[:5]"
    )
    assert_runs(code)


def test_a_pickled_preparation_is_read_without_scipy_and_aligns_the_same(
    tmp_path: Path,
) -> None:
    """The window unpickles a forked child's preparation and alignment on its own thread:
    that imports no scipy (its first import held the window); the preparation, read
    back, has the same vectors and aligns the same claims."""
    import pickle

    from models.pipeline import analyze_paths

    analyses = analyze_paths([REPO / "seeds"]).analyses
    prepared = claims.prepare_claims(analyses)
    assert prepared.x is not None
    alignment = prepared.align(0.5)
    path = tmp_path / "prepared.pickle"
    path.write_bytes(pickle.dumps((prepared, alignment), protocol=pickle.HIGHEST_PROTOCOL))
    code = (
        "import pickle, sys; "
        f"prepared, alignment = pickle.loads(open({str(path)!r}, 'rb').read()); "
        "assert alignment.claims; "
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('scipy', 'sklearn')); "
        "assert not bad, bad[:5]"
    )
    assert_runs(code)
    again, read_alignment = pickle.loads(path.read_bytes())
    assert read_alignment.claims == alignment.claims
    assert again._x is None  # built on first use
    for name in ("data", "indices", "indptr"):
        mine, theirs = getattr(again.x, name), getattr(prepared.x, name)
        assert mine.dtype == theirs.dtype and mine.tobytes() == theirs.tobytes()
    assert again.x.shape == prepared.x.shape
    for threshold in (0.2, claims.DEFAULT_THRESHOLD, 0.5):
        assert again.align(threshold).claims == prepared.align(threshold).claims
    # Pickled again before its vectors were used: the arrays travel on.
    twice = pickle.loads(pickle.dumps(pickle.loads(path.read_bytes())[0]))
    assert twice.align(0.5).claims == alignment.claims


def test_stop_words_are_scikit_learns() -> None:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    assert claims._stop_words() == frozenset(ENGLISH_STOP_WORDS)


WORDS = ["", "a", "ab", "abc", "abcd", "abcde", "ABCDEF", "İstanbul", "straße", "Kyiv’s",
         "co-operation", "x1", "ﬁnal", "ΣΑΣ", "résumé"]


@pytest.mark.parametrize("ngram_range", [(4, 5), (1, 3), (3, 3), (2, 6)])
def test_char_wb_ngrams_are_the_vectorisers(ngram_range: tuple[int, int]) -> None:
    from sklearn.feature_extraction.text import CountVectorizer

    analyse = CountVectorizer(analyzer="char_wb", ngram_range=ngram_range).build_analyzer()
    for word in WORDS[1:]:
        assert vectorise.char_wb_ngrams(word, ngram_range) == analyse(word), word


def _random_counts(rng: random.Random, rows: int, columns: int) -> object:
    """A CSR matrix of whole-number counts, rows in no sorted order, some rows empty."""
    from scipy.sparse import csr_matrix

    data: list[float] = []
    indices: list[int] = []
    indptr = [0]
    for _ in range(rows):
        if rng.random() > 0.15:
            chosen = rng.sample(range(columns), rng.randint(1, min(columns, 30)))
            indices += chosen
            data += [float(rng.randint(1, 7)) for _ in chosen]
        indptr.append(len(indices))
    return csr_matrix((np.array(data), np.array(indices, dtype=np.int32),
                       np.array(indptr, dtype=np.int32)), shape=(rows, columns))


@pytest.mark.parametrize("sublinear_tf", [False, True])
@pytest.mark.parametrize("use_idf", [False, True])
def test_tfidf_weights_and_norm_are_scikit_learns_bit_for_bit(
    sublinear_tf: bool, use_idf: bool
) -> None:
    from sklearn.feature_extraction.text import TfidfTransformer
    from sklearn.preprocessing import normalize

    rng = random.Random(7)
    for _ in range(20):
        counts = _random_counts(rng, rng.randint(1, 60), rng.randint(1, 90))
        fitted = TfidfTransformer(use_idf=use_idf, sublinear_tf=sublinear_tf).fit(counts)
        expected = fitted.transform(counts.copy(), copy=False)
        mine = counts.copy()
        idf = vectorise.idf_weights(mine) if use_idf else None
        if use_idf:
            assert idf is not None and idf.tobytes() == fitted.idf_.tobytes()
            # Rows counted several times (as copies of a sentence are): the fit of the
            # matrix with each row repeated.
            copies = np.array([rng.randint(1, 4) for _ in range(counts.shape[0])])
            repeated = counts[np.repeat(np.arange(counts.shape[0]), copies)]
            assert vectorise.idf_weights(counts, copies).tobytes() == \
                TfidfTransformer().fit(repeated).idf_.tobytes()
        got = vectorise.tfidf_transform(mine, idf, sublinear_tf=sublinear_tf)
        assert got is mine and type(got) is type(expected)
        for name in ("data", "indices", "indptr"):
            assert getattr(got, name).tobytes() == getattr(expected, name).tobytes()
        # Normalising again (as the claim vectors do) changes the same last bits.
        again = normalize(expected.copy(), copy=False)
        assert vectorise.l2_normalise_rows(got).data.tobytes() == again.data.tobytes()
    with pytest.raises(ValueError, match="l1"):
        vectorise.tfidf_transform(counts, None, norm="l1")


def _sklearn_parts(distance: np.ndarray, cut: float) -> list[list[int]]:
    from sklearn.cluster import AgglomerativeClustering

    labels = AgglomerativeClustering(n_clusters=None, metric="precomputed", linkage="average",
                                     distance_threshold=cut).fit(distance).labels_
    parts: dict[int, list[int]] = {}
    for k, label in enumerate(labels):
        parts.setdefault(int(label), []).append(k)
    return list(parts.values())


def _random_distances(rng: random.Random, n: int, levels: int) -> np.ndarray:
    """Symmetric distances in [0, 1] with a zero diagonal; few ``levels``: many ties."""
    values = np.array([[rng.randint(0, levels) / levels for _ in range(n)] for _ in range(n)])
    upper = np.triu(values, k=1)
    return upper + upper.T


@pytest.mark.parametrize("levels", [3, 10, 1000])
def test_average_linkage_clusters_are_scikit_learns(levels: int) -> None:
    rng = random.Random(levels)
    compared = 0
    for _ in range(60):
        n = rng.randint(3, 40)
        distance = _random_distances(rng, n, levels)
        for cut in (0.2, 0.5, 0.65 + 1e-9, 0.8, 1 / 3):
            expected = _sklearn_parts(distance, cut)
            assert claims._average_linkage(distance, cut) == expected
            compared += len(expected) > 1
    assert compared > 100  # most cuts split the sentences


@pytest.mark.parametrize("levels", [2, 5, 1000])
def test_average_linkage_tree_is_scipys_bit_for_bit(levels: int) -> None:
    """Merges, their distances and sizes, and the clusters' numbering, as scipy's
    linkage gives them (ties everywhere with few ``levels``)."""
    from scipy.cluster.hierarchy import linkage

    rng = random.Random(100 + levels)
    for _ in range(80):
        n = rng.randint(2, 45)
        distance = _random_distances(rng, n, levels)
        upper_rows, upper_cols = np.triu_indices(n, k=1)
        expected = linkage(distance[upper_rows, upper_cols], method="average")
        assert claims._average_linkage_tree(distance).tobytes() == expected.tobytes()


def test_large_groups_get_the_same_tree_from_scipy(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(5)
    distance = _random_distances(rng, 30, 7)
    here = claims._average_linkage_tree(distance)
    monkeypatch.setattr(claims, "LINKAGE_IN_NUMPY_MAX", 10)
    assert claims._average_linkage_tree(distance).tobytes() == here.tobytes()
    assert claims._average_linkage(distance, 0.5) == _sklearn_parts(distance, 0.5)


def test_components_are_scipys() -> None:
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    rng = random.Random(9)
    for _ in range(50):
        n = rng.randint(1, 200)
        edges = rng.randint(0, 2 * n)
        a = np.array([rng.randrange(n) for _ in range(edges)], dtype=np.int64)
        b = np.array([rng.randrange(n) for _ in range(edges)], dtype=np.int64)
        _, expected = connected_components(
            coo_matrix((np.ones(edges), (a, b)), shape=(n, n)), directed=False)
        labels = claims._components(n, a, b)
        # The same partition; each labelled by its smallest node.
        pairs = set(zip(labels.tolist(), expected.tolist(), strict=True))
        assert len(pairs) == len(set(expected.tolist())) == len(set(labels.tolist()))
        assert all(labels[i] <= i and labels[labels[i]] == labels[i] for i in range(n))
    assert claims._components(3, np.zeros(0, dtype=np.int64),
                              np.zeros(0, dtype=np.int64)).tolist() == [0, 1, 2]


def test_average_linkage_of_claim_components_is_scikit_learns(
    wire_prepared: claims.PreparedClaims,
) -> None:
    """Every linked component of the wire corpus at several thresholds."""
    from scipy.sparse.csgraph import connected_components

    prepared = wire_prepared
    assert prepared.x is not None
    x = prepared.x[prepared.rows]
    a, b = prepared.pairs
    split = 0
    for threshold in (0.2, claims.DEFAULT_THRESHOLD, 0.6):
        linked = prepared.similarities >= threshold
        from scipy.sparse import coo_matrix

        n = len(prepared.items)
        graph = coo_matrix((np.ones(int(linked.sum())), (a[linked], b[linked])), shape=(n, n))
        _, labels = connected_components(graph, directed=False)
        for label in np.unique(labels):
            component = np.flatnonzero(labels == label)
            if len(component) < 3:
                continue
            block = x[component]
            distance = 1.0 - (block @ block.T).toarray()
            np.clip(distance, 0.0, 2.0, out=distance)
            np.fill_diagonal(distance, 0.0)
            cut = 1.0 - threshold + 1e-9
            expected = _sklearn_parts(distance, cut)
            assert claims._average_linkage(distance, cut) == expected
            split += len(expected) > 1
    assert split > 5


@pytest.fixture(scope="module")
def wire_prepared(tmp_path_factory: pytest.TempPathFactory) -> claims.PreparedClaims:
    from models.pipeline import analyze_paths
    from tests.models.test_fast_stages import write_wire_corpus

    folder = write_wire_corpus(tmp_path_factory.mktemp("wire"))
    return claims.prepare_claims(analyze_paths([folder]).analyses)
