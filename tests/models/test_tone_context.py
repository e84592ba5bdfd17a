"""tone_news's context features and word-piece network (models/tone_context.py,
models/training/piece_cnn.py), on sentences written for these tests."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest

from models import tone_news, vader_fast
from models.linear_text import ModelFileError, dump_model, shipped_dir
from models.tone import polarity_scores, vader_lexicon, vader_valences
from models.tone_context import (
    CONTEXT_FEATURES,
    WIDTH,
    PieceCnn,
    context_features,
    load_cnn,
    parse_cnn,
    squashed,
    window_parts,
)
from models.training import piece_cnn
from models.wordpiece import words


def features(text: str) -> dict[str, float]:
    return dict(zip(CONTEXT_FEATURES, context_features(
        *vader_valences(text), polarity_scores(text)[3], text, vader_lexicon()), strict=True))


# ------------------------------------------------------------------ VADER's valences


@pytest.mark.parametrize("text", [
    "The attack was horrible, but the dinner was wonderful.",
    "It isn't a horrible book, and it was never so bad; without doubt the least bad.",
    "VADER is VERY SMART, handsome, and FUNNY",
    "The book was kind of good, but the ending was not great at all.",
])
def test_valences_are_what_vader_sums(text: str) -> None:
    tokens, valences = vader_valences(text)
    assert tokens == text.split() and len(valences) == len(tokens)
    # No "!" or "?": the compound is the squashed sum of the valences.
    assert round(squashed(sum(valences)), 4) == polarity_scores(text)[3]
    assert any(valences)


def test_valences_of_text_left_to_vadersentiment_follow_its_own_loop() -> None:
    # The fallback (emoji, another vaderSentiment) repeats vaderSentiment's loop: on the
    # probes it gives what the fast path gives.
    for text in vader_fast.PROBES:
        _, scored, fast = vader_fast.scores_and_valences(text)
        assert vader_fast._analyzer_valences(text) == (scored, fast) or np.allclose(
            vader_fast._analyzer_valences(text)[1], fast)
    scored, valences = vader_fast._analyzer_valences("Great day \U0001F600 for all")
    assert "grinning" in scored and len(valences) == len(scored.split())
    assert vader_fast.polarity_scores("Great day \U0001F600 for all")["compound"] > 0.5


# ------------------------------------------------------------------ context features


def test_contrast_cuts_the_sentence_and_scores_the_part_after_it() -> None:
    f = features("The attack was horrible, but the dinner was wonderful.")
    assert f["contrast"] == 1.0 and f["clauses"] == 2.0
    assert f["clause_first"] < 0 < f["clause_last"] == f["after_contrast"]
    assert f["before_contrast"] == f["clause_first"]
    assert f["clause_min"] == f["clause_first"] and f["clause_max"] == f["clause_last"]
    assert f["clause_last_minus_first"] == pytest.approx(f["clause_last"] - f["clause_first"])
    assert f["clause_spread"] == pytest.approx((f["clause_last"] - f["clause_first"]) / 2)
    plain = features("The attack was horrible and the dinner was wonderful.")
    assert plain["contrast"] == 0.0 and plain["clauses"] == 1.0
    assert plain["after_contrast"] == plain["before_contrast"] == 0.0


def test_negation_flips_the_words_in_its_scope_up_to_the_punctuation() -> None:
    lexicon = vader_lexicon()
    f = features("The plan is not good, and the result is good.")
    assert f["negated_words"] == 1.0
    assert f["scoped_lexicon_sum"] == pytest.approx(lexicon["good"] * (1 - 0.74))
    assert f["negation_change"] == pytest.approx(-1.74 * lexicon["good"])
    # "n't" opens a scope too; a clause without negation has none.
    assert features("It wasn't good at all.")["negated_words"] == 1.0
    assert features("It was good at all.")["negated_words"] == 0.0


def test_quotes_questions_and_later_words() -> None:
    f = features('The mayor said "this is a wonderful day" to the angry crowd.')
    assert f["quoted"] == 1.0
    assert f["quoted_compound"] > 0 > f["unquoted_compound"]
    q = features("Is this the worst plan ever?")
    assert q["question"] == 1.0 and q["question_compound"] == polarity_scores(
        "Is this the worst plan ever?")[3] < 0
    early, late = features("Wonderful news came today."), features("Today came wonderful news.")
    assert early["late_weighted_sum"] < late["late_weighted_sum"]
    assert features("") == dict.fromkeys(CONTEXT_FEATURES, 0.0)


def test_dense_features_end_with_the_context_features() -> None:
    text = "The attack was horrible, but the dinner was wonderful."
    dense = tone_news.dense_features(text)
    assert len(dense) == len(tone_news.DENSE_FEATURES)
    assert dense[-len(CONTEXT_FEATURES):] == list(features(text).values())


# ------------------------------------------------------------------ the network

RATED = [
    ("The children laughed and cheered at the wonderful show.", 2.5),
    ("The bombing killed forty people and left hundreds wounded.", -3.2),
    ("The committee meets on Tuesday.", 0.0),
    ("The plan is not good at all.", -1.5),
    ("The plan is good, but the cost is terrible.", -0.8),
    ("Volunteers rebuilt the school and the town celebrated.", 2.0),
    ("Prices rose again in March.", -0.3),
    ("A peaceful agreement ended the long and bitter strike.", 1.4),
    ("Thousands fled the flooded valley as the storm hit.", -2.4),
    ("She won the prize for her brilliant novel.", 2.7),
]


def _vectors(pieces: int = 300, dim: int = 12) -> tuple[np.ndarray, dict[str, int], list[str]]:
    """A small piece table over the test sentences' pieces (random static vectors)."""
    found = sorted({w for text, _ in RATED for w in words(text)} | {"[UNK]"})
    names = found + [f"extra{i}" for i in range(pieces - len(found))]
    rng = np.random.default_rng(3)
    return rng.normal(size=(len(names), dim)).astype(np.float16), {
        p: i for i, p in enumerate(names)}, names


def test_network_gradients_match_finite_differences() -> None:
    vectors, index, _ = _vectors()
    table = np.vstack([piece_cnn.standardised(vectors), np.zeros((1, vectors.shape[1]))])
    data = piece_cnn.encode([t for t, _ in RATED], index)
    rng = np.random.default_rng(1)
    d, f = 4, 5
    p = {"P": rng.normal(0, 0.3, (vectors.shape[1], d)), "W": rng.normal(0, 0.3, (3 * d, f)),
         "c": rng.normal(0, 0.1, f), "o": rng.normal(0, 0.3, 2 * f), "b": np.array(0.1)}
    idx = np.arange(len(RATED))
    target = np.array([r for _, r in RATED])

    def loss() -> float:
        out, _ = piece_cnn._forward(p, table, data, idx)
        penalty = sum(float((p[k] ** 2).sum()) for k in ("P", "W", "o"))
        return float(((out - target) ** 2).mean()) + piece_cnn.PENALTY * penalty

    g = piece_cnn._gradients(p, table, data, idx, target)
    for name in ("P", "W", "c", "o", "b"):
        flat = p[name].reshape(-1)
        for j in range(0, flat.size, max(1, flat.size // 4)):
            old = flat[j]
            flat[j] = old + 1e-6
            up = loss()
            flat[j] = old - 1e-6
            down = loss()
            flat[j] = old
            assert g[name].reshape(-1)[j] == pytest.approx((up - down) / 2e-6, rel=1e-4,
                                                          abs=1e-6), (name, j)


def _trained() -> tuple[dict[str, np.ndarray], np.ndarray, dict[str, int], list[str]]:
    # Ten sentences make one mini-batch: more passes than the shipped 8 to fit them.
    vectors, index, names = _vectors()
    epochs = piece_cnn.EPOCHS
    piece_cnn.EPOCHS = 300
    try:
        params = piece_cnn.train([t for t, _ in RATED], np.array([r for _, r in RATED]),
                                 vectors, index)
    finally:
        piece_cnn.EPOCHS = epochs
    return params, vectors, index, names


def test_training_is_deterministic_and_fits_the_ratings() -> None:
    a, vectors, index, _ = _trained()
    b, *_ = _trained()
    assert all(np.array_equal(a[k], b[k]) for k in a)  # the same bits
    table = np.vstack([piece_cnn.standardised(vectors), np.zeros((1, vectors.shape[1]))])
    data = piece_cnn.encode([t for t, _ in RATED], index)
    out, _ = piece_cnn._forward(a, table, data, np.arange(len(RATED)))
    target = np.array([r for _, r in RATED])
    # better than the mean rating on the sentences it was trained on
    assert float(((out - target) ** 2).mean()) < 0.5 * float(target.var())


def test_loaded_network_equals_the_trained_one_and_a_plain_loop(tmp_path: Path) -> None:
    params, vectors, index, names = _trained()
    spec = piece_cnn.export(params, vectors, names, 0.3, {})
    path = tmp_path / "net.json"
    path.write_text(dump_model(spec), encoding="utf-8")
    net = load_cnn(path)
    texts = [t for t, _ in RATED] + ["Completely unseen words here!", "?"]
    # the training graph, over the stored (float16) table
    table = np.vstack([net.table[:-1], np.zeros((1, net.table.shape[1]))])
    ident = {**params, "P": np.eye(net.table.shape[1])}
    data = piece_cnn.encode(texts, index)
    expected, _ = piece_cnn._forward(
        {**ident, "W": net.filters, "c": net.bias, "o": net.output,
         "b": np.array(net.intercept)}, table, data, np.arange(len(texts)))
    ours = [net.predict(words(t)) for t in texts]
    np.testing.assert_allclose(ours, expected, rtol=1e-9, atol=1e-9)
    # and before float16 and rounding, the trained parameters give nearly the same
    trained, _ = piece_cnn._forward(
        params, np.vstack([piece_cnn.standardised(vectors), np.zeros((1, vectors.shape[1]))]),
        data, np.arange(len(texts)))
    np.testing.assert_allclose(ours, trained, atol=2e-2)
    assert np.ptp(ours) > 0.5  # not a constant
    # a plain loop over positions
    rows = net.rows(words(texts[3]))
    padded = [net.table[-1], *(net.table[r] for r in rows), net.table[-1]]
    hidden = [np.tanh(np.concatenate(padded[i:i + 3]) @ net.filters + net.bias)
              for i in range(len(rows))]
    plain = float(np.concatenate([np.mean(hidden, axis=0), np.max(hidden, axis=0)])
                  @ net.output) + net.intercept
    assert math.isclose(ours[3], plain, rel_tol=1e-12, abs_tol=1e-12)


def test_the_window_table_is_built_in_one_piece_with_each_places_own_products() -> None:
    import tracemalloc

    net = tone_news.network()
    table, filters, bias = net.table, net.filters, net.bias
    d = table.shape[1]
    # place by place: the same numbers, bit for bit (each a dot product of d terms)
    places = [table @ filters[k * d:(k + 1) * d] for k in range(WIDTH)]
    expected = np.hstack([places[0], places[1] + bias, places[2]])
    tracemalloc.start()
    try:
        parts = window_parts(table, filters, bias)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert np.array_equal(parts, expected)
    assert np.array_equal(parts, net.parts)
    # every worker builds it (21 MB for the shipped network): no three products, copy
    # with the bias and concatenation beside it (about twice its size at the peak)
    assert parts.nbytes > 10_000_000
    assert peak < 1.1 * parts.nbytes


def test_a_broken_network_file_is_named_with_the_reason(tmp_path: Path) -> None:
    params, vectors, _, names = _trained()
    spec = json.loads(dump_model(piece_cnn.export(params, vectors, names, 0.3, {})))
    cases = {
        "format": {**spec, "format": "other"},
        "shapes": {**spec, "filters": spec["filters"][:-1]},
        "table": {**spec, "table": {**spec["table"], "base64": spec["table"]["base64"][:-8]}},
        "missing": {k: v for k, v in spec.items() if k != "bias"},
        "not finite": {**spec, "bias": [math.inf, *spec["bias"][1:]]},
    }
    for name, broken in cases.items():
        path = tmp_path / f"{name}.json"
        path.write_text(json.dumps(broken), encoding="utf-8")
        with pytest.raises(ModelFileError, match=str(path).replace("\\", "\\\\")):
            load_cnn(path)
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    with pytest.raises(ModelFileError, match="cannot read"):
        load_cnn(tmp_path / "bad.json")
    assert isinstance(parse_cnn(spec), PieceCnn)


def test_shipped_network_is_small_canonical_and_blended_into_tone_news() -> None:
    path = shipped_dir() / tone_news.CNN_FILE
    assert path.stat().st_size < 2_000_000
    spec = json.loads(path.read_text(encoding="utf-8"))
    assert path.read_text(encoding="utf-8") == dump_model(spec)
    assert "sha256" in json.dumps(spec["training_data"])
    net, linear = tone_news.network(), tone_news.model()
    assert net.pieces == linear.piece_blocks[0].pieces
    text = "The plan is good, but the cost is terrible."
    pieces = words(text)
    blend = float(net.meta["blend"])
    assert 0.0 < blend < 1.0
    terms = [tone_news.word_terms_from_words(text, pieces)]
    alone = linear.decision(tone_news.dense_features(text), terms, [pieces])
    assert tone_news.rating(text) == pytest.approx(
        (1 - blend) * alone + blend * net.predict(pieces), abs=1e-12)
    assert tone_news.rating(text, linear) == alone


def test_an_article_scored_together_gets_each_sentences_own_tone() -> None:
    texts = [t for t, _ in RATED] + ["", "   ", "?", "The plan is good, but the cost is terrible."]
    together = tone_news.ratings(texts)
    alone = [tone_news.rating(t) for t in texts]
    np.testing.assert_allclose(together, alone, rtol=0, atol=1e-12)
    tones = tone_news.tone_news_many(texts)
    assert tones[len(RATED)] == tones[len(RATED) + 1] == 0.0  # blank text
    assert tones == [tone_news.tone_news(t) for t in texts]
    assert tones[-1] == tone_news.tone_from_rating(together[-1])
    rows = [tone_news.network().rows(words(t)) for t in texts]
    assert tone_news.network().predict_many(rows) == pytest.approx(
        [tone_news.network().predict_rows(r) for r in rows], abs=1e-12)


def test_a_sentences_tone_does_not_depend_on_the_sentences_scored_with_it() -> None:
    # A pool of workers batches other sentences than one process does: the same bits.
    net = tone_news.network()
    texts = [t for t, _ in RATED]
    rows = [net.rows(words(t)) for t in texts]
    together = net.predict_many(rows)
    for k in range(len(rows)):
        assert net.predict_many([rows[k]]) == [together[k]]
        assert net.predict_many(rows[k:] + rows[:k])[0] == together[k]
