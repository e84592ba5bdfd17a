"""The cue finder's tokens and form scan give exactly what the plain loops gave.

:class:`models.cues._Tokens` splits a sentence in one C-level pass and
:meth:`models.cues.CueFinder._scan` looks only at the forms a token's next
word allows (grouped by their second word). Each test runs the plain
computation, as the code was written before (kept here as the reference),
beside the fast one on news sentences (the wire corpus and the seeds) and on
generated sentences full of what the rules compare (possessives, curly and
straight apostrophes, hyphens, numbers, the lexicon's own words), and
compares the results exactly.
"""

from __future__ import annotations

import dataclasses
import random
from pathlib import Path

import pytest

from models import cues, hedging, tone_news
from models.article import Span
from models.cues import _NUMBER_WORDS, _TOKEN_NORMALISE, _TOKEN_RE, CueFinder, _Match, _Tokens
from models.lexicons import NUMBER_PLACEHOLDER
from models.readers import read_paths
from models.wordpiece import words
from tests.models.test_fast_stages import write_wire_corpus

REPO = Path(__file__).resolve().parents[2]
SLOTS = ("text", "starts", "ends", "raw", "low", "base", "n", "gaps", "lead")


def plain_tokens(text: str) -> dict[str, object]:
    """_Tokens' fields as its first version computed them (finditer, then a list each)."""
    spans = [match.span() for match in _TOKEN_RE.finditer(text)]
    starts = [start for start, _ in spans]
    ends = [end for _, end in spans]
    normal = text.translate(_TOKEN_NORMALISE)
    raw = [normal[start:end] for start, end in spans]
    low = [token.lower() for token in raw]
    n = len(raw)
    gaps = [text[ends[i] : starts[i + 1]].strip() for i in range(n - 1)]
    if n:
        gaps.append(text[ends[-1] :].strip())
    return {
        "text": text, "starts": starts, "ends": ends, "raw": raw, "low": low,
        "base": [token[:-2] if token.endswith("'s") else token for token in low],
        "n": n, "gaps": gaps, "lead": text[: starts[0]].strip() if n else text.strip(),
    }


def plain_scan(
    finder: CueFinder, tokens: _Tokens, index: dict[str, tuple[cues._Pattern, ...]]
) -> list[_Match]:
    """CueFinder._scan as first written: every form a token opens, tested in turn."""
    number_patterns = index.get(NUMBER_PLACEHOLDER, ())
    next_free: dict[str, int] = {}
    found: list[_Match] = []
    low, base, n = tokens.low, tokens.base, tokens.n
    starts = [
        i for i, word in enumerate(low)
        if word in index or base[i] in index
        or (number_patterns and (word.isdigit() or word in _NUMBER_WORDS))
    ]
    for i in starts:
        word = low[i]
        candidates = index.get(word, ())
        extra: tuple[cues._Pattern, ...] = ()
        if base[i] != word:
            extra = index.get(base[i], ())
        if number_patterns and (word.isdigit() or word in _NUMBER_WORDS):
            extra += number_patterns
        if extra:
            candidates = tuple(sorted(candidates + extra, key=lambda p: -len(p.keys)))
        following = (low[i + 1], base[i + 1]) if i + 1 < n else ()
        done: set[str] = set()
        for pattern in candidates:
            category = pattern.entry.category
            if category in done or next_free.get(category, 0) > i:
                continue
            keys = pattern.keys
            end = i + len(keys)
            if end > n:
                continue
            if len(keys) > 1 and keys[1] not in following and keys[1] != NUMBER_PLACEHOLDER:
                continue
            if not finder._matches_at(pattern, tokens, i):
                continue
            if not finder._accept(pattern, tokens, i, end):
                continue
            found.append(_Match(i, end, pattern))
            next_free[category] = end
            done.add(category)
    return found


@pytest.fixture(scope="module")
def news_sentences(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    folder = write_wire_corpus(tmp_path_factory.mktemp("wire"), originals=30, copies=60)
    articles = read_paths([folder, REPO / "seeds"]).articles
    return list(dict.fromkeys(s.text for a in articles for s in a.sentences))


def generated_sentences(finder: CueFinder, count: int, seed: int) -> list[str]:
    """Sentences of the lexicon's own words (first and second words of its forms), numbers,
    possessives, apostrophes and hyphens of every kind, punctuation and odd spaces."""
    rng = random.Random(seed)
    words = sorted(
        {p.keys[0] for group in finder._scan_index.values() for p in group}
        | {p.keys[1] for group in finder._scan_index.values() for p in group if len(p.keys) > 1}
    )
    words = [w for w in words if w != NUMBER_PLACEHOLDER]
    extras = [
        "20", "3.5", "dozens", "two", "Regime's", "regime’s", "officials'", "rock‘n’roll",
        "Kremlin‑backed", "well‐known", "x_y", "__", "ʼtis", "İstanbul", "straße", "Ωmega",
        "said", "May", "MAY", "might", "claims", "according", "to", "sources", "’s", "'S",
    ]
    joins = [" ", " ", " ", ", ", "; ", " (", ") ", " “", "” ", " - ", "\u00a0", "\n", "'", "’", ""]
    sentences = []
    for _ in range(count):
        pieces = []
        for _ in range(rng.randint(0, 14)):
            word = rng.choice(words) if rng.random() < 0.7 else rng.choice(extras)
            if rng.random() < 0.15:
                word = word.capitalize() if rng.random() < 0.5 else word.upper()
            if rng.random() < 0.08:
                word += rng.choice(["'s", "’s", "ʼs", "'S"])
            pieces.append(word)
            pieces.append(rng.choice(joins))
        sentences.append(rng.choice(["", " ", "“", "- "]) + "".join(pieces)
                         + rng.choice([".", "?", "", "!”", " "]))
    return sentences


def test_tokens_are_the_plain_tokens(news_sentences: list[str]) -> None:
    finder = CueFinder()
    texts = news_sentences + generated_sentences(finder, 6000, seed=11) + [
        "", "   ", "‘quoted’", "it’s the regime’s", "ʼs", "'s", "a-b‐c‑d", "_", "x_y_z", "20,000",
    ]
    for text in texts:
        fast = _Tokens(text)
        plain = plain_tokens(text)
        for name in SLOTS:
            value = getattr(fast, name)
            assert value == plain[name], (text, name)
            assert type(value) is type(plain[name]), (text, name)


def test_scan_is_the_plain_scan(news_sentences: list[str]) -> None:
    finder = CueFinder()
    texts = news_sentences + generated_sentences(finder, 8000, seed=12)
    matched = 0
    for text in texts:
        tokens = _Tokens(text)
        fast = finder._scan(tokens, finder._scan_index)
        assert fast == plain_scan(finder, tokens, finder._scan_index), text
        matched += len(fast)
    assert matched > 5000  # the sentences do exercise the lexicon


def test_cues_with_the_plain_scan_are_the_same(
    news_sentences: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    finder = CueFinder()
    texts = news_sentences + generated_sentences(finder, 3000, seed=13)
    readings: tuple[tuple[tuple[int, int], ...] | None, ...] = (None, ((0, 1 << 20),))
    fast = [finder.find(t, offset=5, sentence_index=2, quotes=q) for t in texts for q in readings]
    monkeypatch.setattr(CueFinder, "_scan", plain_scan)
    plain = [finder.find(t, offset=5, sentence_index=2, quotes=q) for t in texts for q in readings]
    assert fast == plain
    assert sum(map(len, fast)) > 5000


def test_tone_news_terms_from_word_pieces_are_word_terms(news_sentences: list[str]) -> None:
    rng = random.Random(14)
    alphabet = [
        *"abcXYZ019 _'-.,!?\"()\t\n", "\x1c", "\x85", "\u3000", "\u2009", *"’‘“”—–―…\xa0",
        "é", "e\u0301", "İ", "ß", "ǅ", "１", "²", "Ω", "€", "©", "\u0342",
    ]
    generated = [
        "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(20000)
    ]
    shortcut = 0
    for text in news_sentences + generated:
        assert tone_news.word_terms_from_words(text, words(text)) == tone_news.word_terms(text)
        shortcut += "_" not in text and text.translate(tone_news._NEWS_PUNCTUATION).isascii()
    assert shortcut > len(news_sentences)  # the shortcut was taken, not only the fallback


def plain_weasel_spans(
    tokens: _Tokens, hedged: list[tuple[int, int]], offset: int, sentence_index: int
) -> list[Span]:
    """cues._weasel_spans as first written: a step to every token, a jump past each span."""
    spans: list[Span] = []
    taken = list(hedged)
    i = 0
    low = tokens.low
    while i < tokens.n:
        if low[i] not in cues._WEASEL_TRIGGERS:
            i += 1
            continue
        subcategory = cues.WEASEL
        end = cues._weasel_at(tokens, i)
        if end > 0 and cues._vague_group(tokens, i, end):
            subcategory = cues.VAGUE  # session 21: a vague group credited with no claim
        if end < 0:
            subcategory = cues.VAGUE
            end = cues._vague_at(tokens, i)
        if end < 0 and low[i] in hedging.TRIGGERS:
            end, subcategory = hedging.construction_at(tokens, i)
        if end < 0 or any(i < b and a < end for a, b in taken):
            i += 1
            continue
        taken.append((i, end))
        start, stop = tokens.starts[i], tokens.ends[end - 1]
        spans.append(
            Span(
                start=offset + start, end=offset + stop, text=tokens.text[start:stop],
                category="hedge", subcategory=subcategory, term=" ".join(tokens.low[i:end]),
                sentence_index=sentence_index,
            )
        )
        i = end
    return spans


def weasel_sentences(count: int, seed: int) -> list[str]:
    """Sentences thick with the words weasel and vague-quantity rules start at, so that
    spans follow each other and overlap lexicon hedges."""
    rng = random.Random(seed)
    words = [
        *sorted(cues._WEASEL_TRIGGERS), "critics", "experts", "say", "said", "believe", "it", "is", "widely", "thought", "that",
        "may", "might", "be", "the", "of", "people", "there", "are", "reports", "by", "many",
        "known", "as", "a", "number", "some", "observers", ",", "likely", "perhaps", "seen",
    ]
    return [
        " ".join(rng.choice(words) for _ in range(rng.randint(1, 30))).replace(" ,", ",") + "."
        for _ in range(count)
    ]


def test_weasels_over_trigger_tokens_are_the_plain_loop(
    news_sentences: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    finder = CueFinder()
    texts = news_sentences + weasel_sentences(6000, seed=15)
    fast = [finder.find(t, offset=5, sentence_index=2) for t in texts]
    monkeypatch.setattr(cues, "_weasel_spans", plain_weasel_spans)
    plain = [finder.find(t, offset=5, sentence_index=2) for t in texts]
    assert fast == plain
    weasels = [s for spans in fast for s in spans if s.subcategory in (cues.WEASEL, cues.VAGUE)]
    assert len(weasels) > 3000
    # Spans that follow each other in one sentence: the jump past a span is exercised.
    assert sum(
        1 for spans in fast
        if len([s for s in spans if s.subcategory in (cues.WEASEL, cues.VAGUE)]) > 1
    ) > 500


def test_made_matches_and_spans_are_the_constructed_ones(news_sentences: list[str]) -> None:
    finder = CueFinder()
    made = cues._make_match(2, 4, next(iter(finder._scan_index.values()))[0])
    assert cues._make_match is not _Match and type(made) is _Match
    assert made == _Match(made.start, made.end, made.pattern)
    assert hash(made) == hash(_Match(made.start, made.end, made.pattern))
    spans = [s for t in news_sentences for s in finder.find(t, offset=3, sentence_index=1)]
    assert len(spans) > 500
    for span in spans:
        plain = Span(*dataclasses.astuple(span))
        assert type(span) is Span and span == plain and repr(span) == repr(plain)
