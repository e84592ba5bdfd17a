"""tone_news's word-piece block: the tokenizer, the vectors file, the shipped model's values."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from models.linear_text import ModelFileError, load_model, shipped_dir
from models.tone_news import model, rating, tone_news
from models.wordpiece import UNKNOWN, pieces_of_word, word_pieces, words
from tests.fresh_python import assert_runs

REPO = Path(__file__).resolve().parents[2]
VECTORS = REPO / "models" / "training" / "vectors" / "minilm_pieces.npz"

# ------------------------------------------------------------------ the tokenizer

VOCABULARY = {"un", "##happy", "##hap", "##py", "happy", "rain", "##ing", "[UNK]", ",", "!",
              "cafe", "'", "s"}


def test_words_are_lower_cased_without_accents_and_punctuation_apart() -> None:
    assert words("Café's RAINING, un-happy!") == ["cafe", "'", "s", "raining", ",", "un", "-",
                                                  "happy", "!"]
    assert words("snake_case") == ["snake", "_", "case"]
    assert words("  ") == []


def test_ascii_text_is_cut_as_the_unicode_classes_cut_it() -> None:
    # words() cuts lower-case ASCII text with its own spelt-out pattern: each character
    # must fall in the same class (a run of letters and digits, a character alone, "_",
    # or space skipped) as the Unicode pattern puts it, alone and next to every other.
    import re

    unicode_word = re.compile(r"[^\W_]+|[^\w\s]|_")
    ascii_text = "".join(map(chr, range(128)))
    assert words(ascii_text) == unicode_word.findall(ascii_text.lower())
    for a in map(chr, range(128)):
        pair = (a + "x" + a + "1" + a + a + "_").lower()
        assert words(pair) == unicode_word.findall(pair), repr(pair)
    assert words("A\x1cB\x1fc\x0bd") == ["a", "b", "c", "d"]  # str.isspace() says space


def test_pieces_are_cut_longest_first() -> None:
    assert pieces_of_word("unhappy", VOCABULARY) == ["un", "##happy"]
    assert pieces_of_word("raining", VOCABULARY) == ["rain", "##ing"]
    assert pieces_of_word("happy", VOCABULARY) == ["happy"]
    # No piece fits at some point: the whole word is unknown, never half cut.
    assert pieces_of_word("rainx", VOCABULARY) == [UNKNOWN]
    assert pieces_of_word("a" * 101, VOCABULARY | {"a" * 101}) == ["a" * 101]
    assert pieces_of_word("b" * 101, VOCABULARY) == [UNKNOWN]
    assert word_pieces("Unhappy, raining!", VOCABULARY) == ["un", "##happy", ",", "rain",
                                                           "##ing", "!"]


# ------------------------------------------------------------------ the vectors file


def _vectors() -> tuple[list[str], np.ndarray, dict[str, object]]:
    with np.load(VECTORS, allow_pickle=False) as npz:
        return ([str(p) for p in npz["pieces"]], np.asarray(npz["vectors"]),
                json.loads(str(npz["meta"])))


def test_vectors_file_matches_its_recorded_hashes_and_the_shipped_model() -> None:
    from models.training.word_vectors import hashes

    pieces, vectors, meta = _vectors()
    assert vectors.dtype == np.float16 and vectors.shape == (len(pieces), 128)
    assert VECTORS.stat().st_size < 8_000_000
    recorded = hashes(pieces, vectors)
    assert recorded == {k: meta[k] for k in recorded}
    assert "Apache-2.0" in str(meta["model"])
    spec = json.loads((shipped_dir() / "tone_news.json").read_text(encoding="utf-8"))
    block = spec["pieces"][0]
    assert block["pieces"] == pieces
    assert {k: block["vectors"][k] for k in recorded} == recorded


def test_the_shipped_piece_weights_are_the_vectors_times_one_direction() -> None:
    """Folding is linear: the weights lie in the span of the vectors (least squares fits)."""
    _, vectors, _ = _vectors()
    weights = np.array(json.loads((shipped_dir() / "tone_news.json").read_text(
        encoding="utf-8"))["pieces"][0]["weights"])
    direction, *_ = np.linalg.lstsq(vectors.astype(np.float64), weights, rcond=None)
    np.testing.assert_allclose(vectors.astype(np.float64) @ direction, weights, atol=1e-6)
    assert np.ptp(weights) > 0.5


# ------------------------------------------------------------------ the shipped model

# Values computed from models/shipped/tone_news.json and tone_news_cnn.json when they
# were trained (rating scale; session 10).
RECORDED = [
    ("The bombing killed forty people and left hundreds wounded.", -1.3873005560638532),
    ("The committee meets on Tuesday.", 0.20357646116192324),
    ("The children laughed and cheered at the wonderful show.", 1.4442124411230843),
    ("He was not unhappy with the result, but he worried about the cost.", -0.9003296629298772),
]


@pytest.mark.parametrize(("text", "expected"), RECORDED)
def test_shipped_model_gives_the_recorded_ratings(text: str, expected: float) -> None:
    assert rating(text) == pytest.approx(expected, abs=1e-9)


NEWS_PAIRS = [
    ("Rescuers pulled a smiling toddler alive from the rubble, to cheers from the crowd.",
     "The earthquake killed hundreds and left thousands homeless."),
    ("The charity's volunteers delivered warm meals to grateful families.",
     "Prosecutors charged the mayor with fraud, bribery and abuse of office."),
    ("The town celebrated the reopening of its beloved library.",
     "The factory closed, and 900 workers lost their jobs."),
    ("The peace agreement was welcomed with relief and hope.",
     "The attack left the village in fear and grief."),
]


@pytest.mark.parametrize(("good", "bad"), NEWS_PAIRS)
def test_clearly_positive_news_scores_above_clearly_negative(good: str, bad: str) -> None:
    assert tone_news(good) > 0.0 > tone_news(bad)


def test_scoring_needs_neither_scikit_learn_nor_torch() -> None:
    code = (
        "import sys; from models.tone_news import tone_news; "
        "tone_news('The festival was a joyful celebration.'); "
        "bad = [m for m in ('sklearn', 'torch', 'transformers', 'scipy') if m in sys.modules]; "
        "assert not bad, bad"
    )
    assert_runs(code, timeout=120)


def _spec() -> dict[str, object]:
    spec: dict[str, object] = json.loads(
        (shipped_dir() / "tone_news.json").read_text(encoding="utf-8"))
    return spec


@pytest.mark.parametrize(("damage", "message"), [
    (lambda b: b.update(weights=b["weights"][:-1]), "weights of minilm should be"),
    (lambda b: b.update(weights=[float("nan")] * len(b["weights"])), "finite"),
    (lambda b: b.update(pieces=[*b["pieces"][:-1], b["pieces"][0]]), "distinct"),
    (lambda b: b.update(pieces=["x" if p == "[UNK]" else p for p in b["pieces"]]),
     r"include \[UNK\]"),
    (lambda b: b.pop("tokenizer"), "missing or malformed entry 'tokenizer'"),
])
def test_a_malformed_piece_block_is_refused_naming_the_file(
    tmp_path: Path, damage: object, message: str
) -> None:
    spec = _spec()
    block = spec["pieces"][0]  # type: ignore[index]
    damage(block)  # type: ignore[operator]
    path = tmp_path / "tone_news.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    with pytest.raises(ModelFileError, match=message) as caught:
        load_model(path)
    assert "tone_news.json" in str(caught.value)


def test_the_shipped_model_has_the_piece_block() -> None:
    shipped = model()
    assert [b.name for b in shipped.piece_blocks] == ["minilm"]
    assert "[UNK]" in shipped.piece_blocks[0].table
    assert len(shipped.piece_blocks[0].pieces) > 20_000
