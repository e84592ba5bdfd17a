"""scikit-learn's text vectorisers, with each distinct document analysed and counted once.

Wire copy repeats sentences across a corpus (59% of the bench corpus's sentences
are repeats), and scikit-learn's ``CountVectorizer`` walks every term of every
document in Python. :func:`tfidf` gives what ``TfidfVectorizer(...).fit_transform``
gives, bit for bit, while counting the terms of each distinct document once
(``tests/models/test_fast_stages.py`` runs it beside the vectoriser).

Why it is the same matrix: scikit-learn numbers the terms in order of first
appearance, keeps those in at least ``min_df`` documents, then renumbers them
alphabetically; a row depends only on its document and those numbers. The
distinct documents in order of first occurrence give every term the same first
appearance; the document frequencies are counted over every document (each
row of the distinct counts is copied once per occurrence); and the tf-idf
weights are fitted on, and applied to, every document's counts, exactly as the
vectoriser does (numpy's logarithm may round the last bit differently by an
element's position in its vector loop, so the weighting is never applied to the
distinct rows alone).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np


@dataclass(frozen=True, slots=True)
class Vectors:
    """A fitted vectoriser's output: every document's row, the vocabulary, and each
    document's distinct document (numbered in order of first occurrence)."""

    every: Any  # scipy.sparse.csr_matrix, one row per document
    names: np.ndarray
    slot: np.ndarray

    def first_rows(self) -> np.ndarray:
        """For each distinct document, the row of its first occurrence."""
        first = np.zeros(int(self.slot.max()) + 1 if len(self.slot) else 0, dtype=np.int64)
        first[self.slot[::-1]] = np.arange(len(self.slot) - 1, -1, -1)
        return first

    def distinct(self) -> Any:
        """The distinct documents' rows, in order of first occurrence."""
        return self.every[self.first_rows()]


def counts(
    documents: Sequence[Hashable], analyse: Callable[[Any], Sequence[str]], *,
    binary: bool = False, min_df: int = 1,
) -> Vectors:
    """``CountVectorizer(analyzer=analyse, binary=binary, min_df=min_df,
    dtype=float64).fit_transform(documents)``, each distinct document analysed once.

    The vectoriser's steps, with its loop over every term in numpy: the terms are
    numbered in order of first appearance; each row holds its terms' counts sorted by
    number (``sort_indices``; 1 for every term with ``binary``); then the terms are
    renumbered alphabetically, which leaves each row in that order (see
    :func:`_alphabetical`). Raises ValueError, as the vectoriser does, when no term
    remains. (Documents are texts or tuples of terms: the vectoriser's decoding of
    bytes is not done.)
    """
    first: dict[Hashable, int] = {}
    slot = np.fromiter((first.setdefault(d, len(first)) for d in documents),
                       dtype=np.int64, count=len(documents))
    vocabulary: dict[str, int] = {}
    pieces: list[np.ndarray] = []
    for document in first:
        found = analyse(document)
        pieces.append(np.fromiter((vocabulary.setdefault(t, len(vocabulary)) for t in found),
                                  dtype=np.int64, count=len(found)))
    if not vocabulary:
        raise ValueError("empty vocabulary; perhaps the documents only contain stop words")
    lengths = np.fromiter((len(p) for p in pieces), dtype=np.int64, count=len(pieces))
    per_row, columns, tally = _row_counts(pieces, np.arange(len(pieces) + 1), lengths,
                                          len(vocabulary))
    if binary:
        tally[:] = 1.0
    names, distinct = _alphabetical(vocabulary, per_row, columns, tally)
    return pruned(Vectors(distinct[slot], names, slot), min_df)


def pruned(found: Vectors, min_df: int) -> Vectors:
    """:func:`counts`' matrix without the terms of fewer than ``min_df`` documents,
    as the vectoriser prunes them. Raises ValueError when no term remains."""
    if min_df <= 1:
        return found
    every = found.every
    kept = np.flatnonzero(np.bincount(every.indices, minlength=every.shape[1]) >= min_df)
    if len(kept) == 0:
        raise ValueError("After pruning, no terms remain. Try a lower min_df.")
    return Vectors(every[:, kept], found.names[kept], found.slot)


def merged(found: Vectors, term_of: Callable[[str], str]) -> Vectors:
    """The counts of ``term_of`` each term, from :func:`counts`' ``found`` (with
    ``min_df=1``): ``counts(documents, lambda d: [term_of(t) for t in analyse(d)])``,
    bit for bit, without analysing a document again (a stemmer's terms from the words).

    The vectoriser numbers the terms in order of first appearance in the corpus,
    stores each row's terms in that order, then renumbers them alphabetically
    (leaving the order). ``found``'s entries, row after row, are so ordered: a
    term's first entry is where it first appears, and a merged term first appears
    with the first of its terms. A merged term's count in a row is the sum of its
    terms' (whole numbers, so exact).
    """
    from scipy.sparse import csr_matrix

    first = found.first_rows()
    distinct = found.every[first]
    merged_names = [term_of(str(t)) for t in found.names]
    names = sorted(set(merged_names))
    number = {t: i for i, t in enumerate(names)}
    column_of = np.fromiter((number[t] for t in merged_names), dtype=np.int64,
                            count=len(merged_names))
    size = max(len(names), 1)
    entries = len(distinct.indices)
    # Where each term, then each merged term, first appears (its first entry).
    first_entry = np.full(len(merged_names), entries, dtype=np.int64)
    np.minimum.at(first_entry, distinct.indices, np.arange(entries, dtype=np.int64))
    appears = np.full(size, entries, dtype=np.int64)
    np.minimum.at(appears, column_of, first_entry)
    rows = np.repeat(np.arange(distinct.shape[0], dtype=np.int64), np.diff(distinct.indptr))
    cells, inverse = np.unique(rows * size + column_of[distinct.indices], return_inverse=True)
    sums = np.bincount(inverse.reshape(-1), weights=distinct.data, minlength=len(cells))
    cell_rows, columns = np.divmod(cells, size)
    place = np.lexsort((appears[columns], cell_rows))
    indptr = np.zeros(distinct.shape[0] + 1, dtype=distinct.indptr.dtype)
    np.cumsum(np.bincount(cell_rows, minlength=distinct.shape[0]), out=indptr[1:])
    matrix = csr_matrix((sums[place], columns[place].astype(distinct.indices.dtype), indptr),
                        shape=(distinct.shape[0], len(names)))
    return Vectors(matrix[found.slot], np.asarray(names, dtype=object), found.slot)


_ROWS_PER_BLOCK = 2048


def char_wb_counts(documents: Sequence[str], ngram_range: tuple[int, int]) -> Vectors:
    """``CountVectorizer(analyzer="char_wb", ngram_range=ngram_range,
    dtype=float64).fit_transform(documents)``, each distinct word's n-grams built once.

    The "char_wb" analyser lower-cases a document, splits it at white space and
    takes each word's n-grams on its own, so a document's n-grams are its words'
    n-grams one after another: here each distinct word is analysed
    (:func:`char_wb_ngrams`) once, its n-grams numbered in order of first
    appearance (the vectoriser's numbering), and a document's counts are the
    product of its word counts and the words' n-gram counts (sums of whole
    numbers, exact), each row sorted by number and renumbered alphabetically as
    the vectoriser does (which leaves each row in the order of first appearance).
    Raises ValueError, as the vectoriser does, when there is no n-gram at all.
    """
    from scipy.sparse import csr_matrix

    def analyse(word: str) -> list[str]:
        return char_wb_ngrams(word, ngram_range)

    first: dict[str, int] = {}
    slot = np.fromiter((first.setdefault(d, len(first)) for d in documents),
                       dtype=np.int64, count=len(documents))
    vocabulary: dict[str, int] = {}
    word_ids: dict[str, int] = {}
    grams: list[np.ndarray] = []  # each distinct word's n-grams' numbers
    used: list[int] = []  # every document's words, one after another
    word_counts = np.zeros(len(first), dtype=np.int64)
    for row, document in enumerate(first):
        split = document.lower().split()
        word_counts[row] = len(split)
        for word in split:
            number = word_ids.get(word)
            if number is None:
                number = word_ids[word] = len(grams)
                grams.append(np.fromiter(
                    (vocabulary.setdefault(g, len(vocabulary)) for g in analyse(word)),
                    dtype=np.int64))
            used.append(number)
    if not vocabulary:
        raise ValueError("empty vocabulary; perhaps the documents only contain stop words")
    size = len(vocabulary)
    # Words x n-grams and documents x words counts (duplicates summed), then their product.
    gram_counts = np.fromiter((len(g) for g in grams), dtype=np.int64, count=len(grams))
    by_word = csr_matrix((np.ones(int(gram_counts.sum())), (
        np.repeat(np.arange(len(grams)), gram_counts), np.concatenate(grams))),
        shape=(len(grams), size))
    by_document = csr_matrix((np.ones(len(used)), (
        np.repeat(np.arange(len(first)), word_counts), np.asarray(used, dtype=np.int64))),
        shape=(len(first), len(grams)))
    product = by_document @ by_word
    product.sort_indices()
    names, distinct = _alphabetical(vocabulary, np.diff(product.indptr), product.indices,
                                    product.data)
    return Vectors(distinct[slot], names, slot)


def _row_counts(
    pieces: Sequence[np.ndarray], piece_bounds: np.ndarray, lengths: np.ndarray, size: int,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each row's distinct term numbers (ascending) and their counts: row ``r``'s terms
    are ``pieces[piece_bounds[r]:piece_bounds[r + 1]]``, ``lengths[r]`` of them, numbered
    below ``size``. Returns the terms per row, the numbers and the counts (float64)."""
    n_rows = len(lengths)
    # A block of rows at a time (all the rows' terms at once, as 64-bit keys, would
    # take a lot of memory on a large corpus).
    columns_of: list[np.ndarray] = []
    counts_of: list[np.ndarray] = []
    per_row = np.zeros(n_rows, dtype=np.int64)
    for lo in range(0, n_rows, _ROWS_PER_BLOCK):
        hi = min(lo + _ROWS_PER_BLOCK, n_rows)
        block = pieces[piece_bounds[lo]:piece_bounds[hi]]
        if not block:
            continue
        keys = np.repeat(np.arange(lo, hi, dtype=np.int64), lengths[lo:hi]) * size
        keys += np.concatenate(block)
        cells, occurrences = np.unique(keys, return_counts=True)
        rows, in_block = np.divmod(cells, size)
        per_row[lo:hi] = np.bincount(rows - lo, minlength=hi - lo)
        columns_of.append(in_block)
        counts_of.append(occurrences.astype(np.float64))
    columns = np.concatenate(columns_of) if columns_of else np.zeros(0, dtype=np.int64)
    tally = np.concatenate(counts_of) if counts_of else np.zeros(0)
    return per_row, columns, tally


def _alphabetical(vocabulary: dict[str, int], per_row: np.ndarray, columns: np.ndarray,
                  tally: np.ndarray) -> tuple[np.ndarray, Any]:
    """The vectoriser's names and matrix: rows of :func:`_row_counts`, the terms
    renumbered alphabetically (each row left in its order), int32 indices."""
    from scipy.sparse import csr_matrix

    size = len(vocabulary)
    indptr = np.zeros(len(per_row) + 1, dtype=np.int32)
    np.cumsum(per_row, out=indptr[1:])
    names = sorted(vocabulary)
    alphabetical = np.empty(size, dtype=np.int32)
    alphabetical[np.fromiter((vocabulary[t] for t in names), dtype=np.int64, count=size)] = \
        np.arange(size, dtype=np.int32)
    distinct = csr_matrix((tally, alphabetical[columns], indptr), shape=(len(per_row), size))
    return np.asarray(names, dtype=object), distinct


def char_wb_ngrams(word: str, ngram_range: tuple[int, int]) -> list[str]:
    """scikit-learn's "char_wb" analyser of one word (no white space in it):
    ``CountVectorizer(analyzer="char_wb", ngram_range=ngram_range).build_analyzer()(word)``.

    The word, lower-cased and padded with a space at each end, gives its n-grams of
    each length in turn, shortest first; a padded word shorter than a length gives
    itself once, and no longer n-grams.
    """
    padded = " " + word.lower() + " "
    size = len(padded)
    low, high = ngram_range
    grams: list[str] = []
    for n in range(low, high + 1):
        if size <= n:  # the vectoriser's loop takes the padded word once, then stops
            grams.append(padded)
            break
        grams += [padded[k:k + n] for k in range(size - n + 1)]
    return grams


def idf_weights(matrix: Any, copies: np.ndarray | None = None) -> np.ndarray:
    """``TfidfTransformer(use_idf=True, smooth_idf=True).fit(matrix).idf_`` for a CSR
    matrix of float64 counts, bit for bit: ln((1 + n) / (1 + df)) + 1 for each term
    in df of the n rows (the same numpy operations on the same values).

    ``copies``: how many times each row counts (the fit of ``matrix[rows]`` where row
    r occurs ``copies[r]`` times, without building it: the document frequencies are
    the same whole numbers).
    """
    df: np.ndarray
    if copies is None:
        df = np.bincount(matrix.indices, minlength=matrix.shape[1]).astype(np.float64)
        n = matrix.shape[0]
    else:
        df = np.bincount(matrix.indices, minlength=matrix.shape[1],
                         weights=np.repeat(copies, np.diff(matrix.indptr)).astype(np.float64))
        n = int(copies.sum())
    df += 1.0
    idf = np.full_like(df, fill_value=n + 1, dtype=np.float64)
    idf /= df
    np.log(idf, out=idf)
    idf += 1.0
    return idf


def tfidf_transform(matrix: Any, idf: np.ndarray | None, *, sublinear_tf: bool = False,
                    norm: Literal["l1", "l2"] | None = "l2") -> Any:
    """``TfidfTransformer.transform(matrix, copy=False)`` of a CSR matrix of float64
    counts, in place, bit for bit: 1 + ln(tf) with ``sublinear_tf``, times ``idf``
    (None: no IDF), then each row scaled to unit length (:func:`l2_normalise_rows`).
    Returns ``matrix``. Only the l2 norm (or none) is done here."""
    if norm not in ("l2", None):
        raise ValueError(f"norm {norm!r} is not supported here; use 'l2' or None")
    if sublinear_tf:
        np.log(matrix.data, matrix.data)
        matrix.data += 1.0
    if idf is not None:
        matrix.data *= idf[matrix.indices]
    if norm == "l2":
        l2_normalise_rows(matrix)
    return matrix


def l2_normalise_rows(matrix: Any) -> Any:
    """``sklearn.preprocessing.normalize(matrix, copy=False)`` of a CSR matrix of
    float64, in place, bit for bit; returns ``matrix``.

    scikit-learn sums each row's squares one after another from 0.0, in the row's
    stored order, leaves a row whose sum is 0 as it is, and divides the others by
    the sum's square root; ``np.bincount`` adds its weights one after another in
    the same order, and a row with nothing to scale is divided by 1.0 (unchanged).
    """
    data = matrix.data
    sizes = np.diff(matrix.indptr)
    rows = np.repeat(np.arange(len(sizes), dtype=np.intp), sizes)
    sums = np.bincount(rows, weights=data * data, minlength=len(sizes))
    norms = np.sqrt(sums)
    norms[sums == 0.0] = 1.0
    data /= np.repeat(norms, sizes)
    return matrix


def weighted(
    found: Vectors, *, use_idf: bool = True, sublinear_tf: bool = False,
    norm: Literal["l1", "l2"] | None = "l2",
) -> Vectors:
    """``TfidfTransformer(...)``'s fit and transform of :func:`counts`' matrix, as
    ``TfidfVectorizer.fit_transform`` applies them (:func:`idf_weights`,
    :func:`tfidf_transform`)."""
    every = found.every
    # As TfidfVectorizer.fit_transform: fit, then transform the counts in place.
    idf = idf_weights(every) if use_idf else None
    return Vectors(tfidf_transform(every, idf, sublinear_tf=sublinear_tf, norm=norm),
                   found.names, found.slot)


def tfidf(
    documents: Sequence[Hashable], analyse: Callable[[Any], Sequence[str]], *,
    binary: bool = False, min_df: int = 1, use_idf: bool = True, sublinear_tf: bool = False,
    norm: Literal["l1", "l2"] | None = "l2",
) -> Vectors:
    """``TfidfVectorizer(analyzer=analyse, ...).fit_transform(documents)`` with the same
    keyword arguments, each distinct document analysed and counted once."""
    return weighted(counts(documents, analyse, binary=binary, min_df=min_df),
                    use_idf=use_idf, sublinear_tf=sublinear_tf, norm=norm)
