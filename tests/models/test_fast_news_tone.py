"""The faster tone_news arithmetic, word cutting and score counts give exactly what the
plain code gave (kept here as the reference): the same floats, bit for bit, and the same
counts, on wire copy plus the seeds and on generated text full of the special cases."""

from __future__ import annotations

import math
import random
import struct
import unicodedata
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import pytest

from models import tone_news, wordpiece
from models.article import HEADLINE_INDEX, Article
from models.cues import count_by
from models.engines import CachingCueFinder
from models.features import analyze_article, article_from_text, headline_text, named_sources
from models.linear_text import PieceBlock, TfidfBlock, pieces_of_word
from models.readers import read_paths
from models.tone import polarity_scores, vader_lexicon, vader_valences
from models.tone_context import context_features
from models.wordpiece import words
from tests.models.test_fast_stages import write_wire_corpus

REPO = Path(__file__).resolve().parents[2]

# Characters that take every path of the cutting: news punctuation (left alone), accents
# (stripped), İ (lower-cases to two characters), ß, Ω, combining marks, odd spaces.
ALPHABET = [
    *"abcXYZ019 _'-.,!?\"()\t\n", "\x1c", "\x85", "\u3000", "\u2009", *"’‘“”—–―…\xa0",
    "é", "e\u0301", "İ", "ß", "ǅ", "１", "²", "Ω", "€", "©", "\u0342", "n't", " not ",
    " good", " bad", " Great", " terrible", " war", " peace",
]


@pytest.fixture(scope="module")
def wire_articles(tmp_path_factory: pytest.TempPathFactory) -> list[Article]:
    folder = write_wire_corpus(tmp_path_factory.mktemp("wire"), originals=30, copies=60)
    return read_paths([folder, REPO / "seeds"]).articles


@pytest.fixture(scope="module")
def texts(wire_articles: list[Article]) -> list[str]:
    rng = random.Random(8)
    generated = [
        "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 40))) for _ in range(6000)
    ]
    news = list(dict.fromkeys(s.text for a in wire_articles for s in a.sentences))
    return news + generated


def bits(values: Sequence[float]) -> bytes:
    return b"".join(struct.pack("<d", v) for v in values)


def plain_words(text: str) -> list[str]:
    """wordpiece.words before the shortcut: every non-ASCII text through NFD."""
    text = text.lower()
    if not text.isascii():
        text = unicodedata.normalize("NFD", text)
        if not text.isascii():
            text = "".join(c for c in text if unicodedata.category(c) != "Mn")
    return wordpiece._WORD.findall(text)


def plain_dense(text: str) -> list[float]:
    """tone_news.dense_features with Python loops, as it was."""
    neg, neu, pos, compound = polarity_scores(text)
    c = max(min(compound, 0.9999), -0.9999)
    raw_sum = c * math.sqrt(15.0) / math.sqrt(1.0 - c * c)
    lexicon = vader_lexicon()
    low = text.lower()
    tokens = tone_news._LEXICON_TOKEN.findall(low)
    valences = [v for v in map(lexicon.get, tokens) if v is not None]
    positive = [v for v in valences if v > 0]
    negative = [v for v in valences if v < 0]
    spaced = text.split()
    count = max(len(spaced), 1)
    return [
        neg, neu, pos, compound, raw_sum, c * c, c * c * c,
        sum(positive), sum(negative), float(len(positive)), float(len(negative)),
        max(valences, default=0.0), min(valences, default=0.0),
        math.log1p(len(tokens)),
        float(text.count("!")), float(text.count("?")),
        float(text.count('"') + text.count("\u201c")),
        len(tone_news._DIGIT.findall(text)) / max(len(text), 1),
        sum(1 for w in spaced if w[:1].isupper()) / count,
        float(sum(1 for t in tokens if t in tone_news._negations())
              + len(tone_news._NT_END.findall(low))),
        # the context features have one implementation (tests/models/test_tone_context.py)
        *context_features(*vader_valences(text), compound, text, lexicon),
    ]


def plain_tfidf(block: TfidfBlock, terms: Sequence[str]) -> float:
    dot = squares = 0.0
    for term, count in Counter(terms).items():
        entry = block.table.get(term)
        if entry is None:
            continue
        if count == 1:
            value = entry[0]
        else:
            tf = math.log(count) + 1.0 if block.sublinear_tf else float(count)
            value = tf * entry[0]
        dot += value * entry[1]
        squares += value * value
    return dot / math.sqrt(squares) if squares else 0.0


def plain_pieces(block: PieceBlock, cut: Sequence[str]) -> float:
    total, count = 0.0, 0
    for word in cut:
        pieces = pieces_of_word(word, block.table)
        total += sum(block.table[p] for p in pieces)
        count += len(pieces)
    return total / count if count else 0.0


def test_words_skip_nfd_only_where_it_changes_nothing(texts: list[str]) -> None:
    shortcut = 0
    for text in texts:
        assert words(text) == plain_words(text), text
        low = text.lower()
        shortcut += not low.isascii() and wordpiece.NOT_ASCII_OR_NEWS.search(low) is None
    assert shortcut > 100  # news punctuation without accents: the shortcut was taken


def test_the_news_punctuation_is_left_alone_by_every_step() -> None:
    for char in wordpiece.NEWS_PUNCTUATION:
        assert char.lower() == char
        assert unicodedata.normalize("NFD", char) == char
        assert unicodedata.category(char) != "Mn"
        assert not char.isalnum() and char != "_"


def test_dense_features_are_the_same_floats(texts: list[str]) -> None:
    for text in texts:
        assert bits(tone_news.dense_features(text)) == bits(plain_dense(text)), text


def test_block_scores_are_the_same_floats(texts: list[str]) -> None:
    model = tone_news.model()
    (block,), (piece_block,) = model.blocks, model.piece_blocks
    assert block.once  # the stored products are in use
    repeated = 0
    for text in texts:
        cut = words(text)
        terms = tone_news.word_terms_from_words(text, cut)
        repeated += len(set(terms)) < len(terms)
        assert bits([block.score(terms)]) == bits([plain_tfidf(block, terms)]), text
        assert bits([piece_block.score(cut)]) == bits([plain_pieces(piece_block, cut)]), text
    assert repeated > 100  # the path for terms met more than once was taken too


def test_a_block_without_stored_products_scores_the_same(texts: list[str]) -> None:
    block = tone_news.model().blocks[0]
    bare = TfidfBlock(block.name, block.terms, block.idf, block.weights, block.sublinear_tf,
                      block.table)
    for text in texts[:3000]:
        terms = tone_news.word_terms(text)
        assert bits([bare.score(terms)]) == bits([block.score(terms)])


def test_tone_news_is_the_plain_models_prediction(texts: list[str]) -> None:
    model, network = tone_news.model(), tone_news.network()
    for text in texts[:4000]:
        if not text.strip():
            continue
        cut = plain_words(text)
        terms = tone_news.word_terms(text)
        expected = model.intercept
        for value, (mean, scale, weight) in zip(plain_dense(text), model.dense_terms,
                                                strict=True):
            expected += (value - mean) / scale * weight
        expected += plain_tfidf(model.blocks[0], terms)
        expected += plain_pieces(model.piece_blocks[0], cut)
        blend = float(network.meta["blend"])
        expected = (1.0 - blend) * expected + blend * network.predict(cut)
        assert bits([tone_news.rating(text)]) == bits([expected]), text


def plain_rating_parts(text: str) -> tuple[float, list[int]]:
    """The shipped linear model's plain prediction and the network's rows for one text."""
    model, network = tone_news.model(), tone_news.network()
    cut = plain_words(text)
    expected = model.intercept
    for value, (mean, scale, weight) in zip(plain_dense(text), model.dense_terms, strict=True):
        expected += (value - mean) / scale * weight
    expected += plain_tfidf(model.blocks[0], tone_news.word_terms(text))
    expected += plain_pieces(model.piece_blocks[0], cut)
    rows = [network.index[p] for w in cut for p in pieces_of_word(w, network.index)]
    return expected, rows[: network.max_pieces]


def test_sentences_scored_together_are_the_plain_models_prediction(texts: list[str]) -> None:
    # an article's sentences together (framescope analyze): the plain linear model, and the
    # network over the plain rows of the batch; words met twice or more in a sentence too
    network = tone_news.network()
    blend = float(network.meta["blend"])
    chosen = [t for t in texts[:4000] if t.strip()]
    repeated = 0
    for start in range(0, len(chosen), 9):
        batch = chosen[start:start + 9]
        linear, rows = zip(*map(plain_rating_parts, batch), strict=True)
        expected = [(1.0 - blend) * a + blend * b
                    for a, b in zip(linear, network.predict_many(list(rows)), strict=True)]
        for text in batch:
            terms = tone_news.word_terms(text)
            repeated += len(set(terms)) < len(terms)
        assert bits(tone_news.ratings(batch)) == bits(expected), batch
    assert repeated > 100  # the counted TF-IDF path was taken


def test_a_new_word_is_cut_into_pieces_once_for_every_part_it_feeds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the piece block and the network read the same pieces of a word: one cut, one lookup
    import models.linear_text
    import models.tone_context

    cut: list[str] = []

    def counted(word: str, vocabulary: object) -> list[str]:
        cut.append(word)
        return pieces_of_word(word, vocabulary)  # type: ignore[arg-type]

    for module in (models.linear_text, models.tone_context, tone_news):
        monkeypatch.setattr(module, "pieces_of_word", counted)
    linear = models.linear_text.load_model(models.linear_text.shipped_dir() / tone_news.MODEL_FILE)
    network = models.tone_context.load_cnn(models.linear_text.shipped_dir() / tone_news.CNN_FILE)
    text = "Zorblaxian envoys praised the quixotic truce, but the skeptics scoffed."
    value = tone_news.rating(text, linear, network)
    assert sorted(cut) == sorted(set(words(text)))
    assert value == tone_news.rating(text)  # the shipped pair: the same number
    cut.clear()
    tone_news.rating(text, linear, network)
    assert cut == []  # known words are not cut again


def test_scores_count_the_spans_as_count_by(wire_articles: list[Article]) -> None:
    finder = CachingCueFinder()
    checked = 0
    negated = article_from_text(
        "The plan will not possibly work, officials said. He never suggested it would fail. "
        "It is not certain that it may fail, and they did not claim that it probably would."
    )
    for article in [*wire_articles, negated]:
        analysis = analyze_article(article, finder)
        body = [s for s in analysis.spans if s.sentence_index != HEADLINE_INDEX]
        scores = analysis.scores
        for measure, category, subcategory in (
            ("hedges_epistemic_per_100w", "hedge", "epistemic"),
            ("hedges_evidential_per_100w", "hedge", "evidential"),
            ("hedges_weasel_per_100w", "hedge", "weasel"),
            ("hedges_vague_per_100w", "hedge", "vague"),
            ("boosters_per_100w", "booster", None),
            ("attributions_per_100w", "attribution", None),
            ("loaded_per_100w", "loaded", None),
        ):
            count = count_by(body, category, subcategory)
            expected = 100.0 * count / scores.words if scores.words else 0.0
            assert getattr(scores, measure) == expected, (article.article_id, measure)
        assert scores.sources_anonymous == count_by(body, "source", "anonymous")
        assert scores.sources_named == len(named_sources(body))
        attributions = count_by(body, "attribution")
        assert scores.attributions_factive_share == (
            count_by(body, "attribution", "factive") / attributions if attributions else None
        )
        checked += any(s.negated for s in body)
    assert checked >= 1  # negated spans (left out of every count) were met


def test_body_sentences_leave_out_the_headline_wherever_it_is(
    wire_articles: list[Article],
) -> None:
    import dataclasses

    with_headline = 0
    for article in wire_articles:
        assert article.body_sentences == tuple(
            s for s in article.sentences if not s.in_headline
        )
        with_headline += article.headline_sentence is not None
        moved = dataclasses.replace(article, sentences=article.sentences[::-1])
        assert moved.body_sentences == tuple(s for s in moved.sentences if not s.in_headline)
    assert with_headline > 10


def test_many_sentences_at_once_are_the_plain_models_prediction(
    texts: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # a chunk's sentences together (tone_news._Scorer._decisions: numpy arrays over all
    # their words): still the plain model, bit for bit, with words met twice or more,
    # words cut into several pieces, text cut otherwise ("_", accents), blank text, text
    # longer than the arrays take, and the word table outgrowing its arrays and its cap
    monkeypatch.setattr(tone_news, "_WORD_CACHE", 500)
    network = tone_news.network()
    blend = float(network.meta["blend"])
    longest = " ".join(f"word{k} the , good" for k in range(tone_news._LONGEST))
    chosen = [t for t in texts if t.strip()] + [longest, "x_y is not _good_, but fine."]
    scorer = tone_news._Scorer(tone_news.model(), network)
    one_by_one: list[str] = []
    monkeypatch.setattr(scorer, "decision",
                        lambda text, cut: (one_by_one.append(text),
                                           tone_news._Scorer.decision(scorer, text, cut))[1])
    tables: list[object] = []
    small: set[str] = set()
    for start in range(0, len(chosen), 400):
        batch = chosen[start:start + 400]
        if len(batch) < tone_news._BATCH:
            small.update(batch)  # too few for the arrays to pay
        linear, rows = zip(*map(plain_rating_parts, batch), strict=True)
        expected = [(1.0 - blend) * a + blend * b
                    for a, b in zip(linear, network.predict_many(list(rows)), strict=True)]
        assert bits(scorer.ratings(batch)) == bits(expected), batch
        if scorer._table not in tables:
            tables.append(scorer._table)
    assert len(tables) > 1  # the capped word table was started again
    plain = [t for t in chosen if "_" not in t and len(words(t)) <= tone_news._LONGEST
             and (t.isascii() or wordpiece.NOT_ASCII_OR_NEWS.search(t) is None)]
    assert len(plain) > 900  # the news sentences and some generated ones
    # only the texts the arrays do not take were scored one by one
    assert set(one_by_one) == (set(chosen) - set(plain)) | small
    assert longest in one_by_one


def test_a_chunk_scores_its_tones_together_with_the_same_results(
    wire_articles: list[Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    from models import engines, tone
    from models.engines import analyze_chunk, compact

    def forget() -> None:
        tone.clear_caches()
        tone_news._KNOWN.clear()

    items = list(enumerate(wire_articles[:24]))
    finder = CachingCueFinder()
    forget()
    alone = [compact(analyze_article(article, finder)) for _, article in items]
    batches: list[int] = []
    scorer = tone_news._shipped_scorer()
    ratings = scorer.ratings
    monkeypatch.setattr(scorer, "ratings", lambda batch: (batches.append(len(batch)),
                                                         ratings(batch))[1])
    forget()
    monkeypatch.setattr(engines, "process_finder", lambda: finder)
    together = analyze_chunk(items)
    assert [repr(packed) for _, packed, _ in together] == [repr(packed) for packed in alone]
    distinct = {s.text for _, a in items for s in a.body_sentences if s.text.strip()}
    distinct |= {headline_text(a) for _, a in items if headline_text(a).strip()}
    # one call for the whole chunk, headlines too, before its articles; none after
    assert batches == [len(distinct)]
    assert len(distinct) >= tone_news._BATCH


def test_one_process_scores_each_chunk_of_articles_tones_together(
    wire_articles: list[Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    # --jobs 1 (SerialEngine) scores the tones of each MAX_CHUNK articles together, as a
    # pool worker does with its chunk: the same results as article by article
    from models import engines, tone
    from models.engines import MAX_CHUNK, SerialEngine, compact
    from models.progress import NullProgress

    def forget() -> None:
        tone.clear_caches()
        tone_news._KNOWN.clear()

    articles = wire_articles[:2 * MAX_CHUNK + 5]
    finder = CachingCueFinder()
    forget()
    alone = [compact(analyze_article(article, finder)) for article in articles]
    batches: list[int] = []
    scorer = tone_news._shipped_scorer()
    ratings = scorer.ratings
    monkeypatch.setattr(scorer, "ratings", lambda batch: (batches.append(len(batch)),
                                                         ratings(batch))[1])
    forget()
    monkeypatch.setattr(engines, "process_finder", lambda: finder)
    result = SerialEngine().analyze(articles, NullProgress())
    assert [repr(compact(a)) for a in result.analyses] == [repr(packed) for packed in alone]
    # one call per chunk of articles, before them: each call scores that chunk's
    # sentences and headlines not scored before
    seen: set[str] = set()
    expected = []
    for start in range(0, len(articles), MAX_CHUNK):
        part = articles[start:start + MAX_CHUNK]
        chunk = {s.text for a in part for s in a.body_sentences if s.text.strip()}
        chunk |= {headline_text(a) for a in part if headline_text(a).strip()}
        chunk -= seen
        seen |= chunk
        expected.append(len(chunk))
    assert batches == [n for n in expected if n]
    assert max(batches) >= tone_news._BATCH  # the chunks take the arrays' path


def test_the_network_scores_many_sentences_in_blocks_with_the_same_floats(
    texts: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # PieceCnn.predict_many cuts a chunk's sentences into blocks of about BLOCK_PIECES
    # pieces (cache-sized arrays): each sentence's number is the one it gets alone
    from models import tone_context

    network = tone_news.network()
    rows = [network.rows(words(t)) for t in texts[:1500]] + [[], []]
    blocks: list[int] = []
    block = tone_context.PieceCnn._predict_block
    monkeypatch.setattr(tone_context.PieceCnn, "_predict_block",
                        lambda self, part: (blocks.append(len(part)), block(self, part))[1])
    together = network.predict_many(rows)
    assert len(blocks) > 1 and sum(blocks) == len(rows)
    assert sum(map(len, rows)) + len(rows) > len(blocks) * tone_context.BLOCK_PIECES // 2
    assert bits(together) == bits([network.predict_many([r])[0] for r in rows])
