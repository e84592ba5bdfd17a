"""models.vader_fast gives vaderSentiment's own scores, float for float.

Compared with ``SentimentIntensityAnalyzer().polarity_scores`` on news
sentences (the seeds and a wire-copy corpus) and on generated sentences built
from the words VADER's rules turn on: boosters and dampeners (in capitals
too), negations with and without "n't", "no", "never so", "without doubt",
"least", "kind of", "but", its special idioms, question and exclamation marks,
emoticons and emoji. ``repr`` is compared too, so 0.0 and -0.0 differ.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from vaderSentiment.vaderSentiment import (
    BOOSTER_DICT,
    NEGATE,
    SPECIAL_CASES,
    SentimentIntensityAnalyzer,
)

from models import tone, vader_fast
from models.readers import read_paths
from tests.fresh_python import assert_runs
from tests.models.test_fast_stages import write_wire_corpus

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def vader() -> SentimentIntensityAnalyzer:
    return SentimentIntensityAnalyzer()


def _same(fast: dict[str, float], plain: dict[str, float]) -> bool:
    return fast == plain and [repr(v) for v in fast.values()] == [repr(v) for v in plain.values()]


def test_the_rules_are_vaders_own() -> None:
    assert vader_fast._same_rules()  # else every score would come from vaderSentiment itself


def test_a_worker_scores_its_first_sentence_without_importing_package_metadata() -> None:
    # importlib.metadata (and email, socket, zipfile) cost each worker process about
    # 35 ms of CPU: the version is read from the .dist-info folder's name
    code = ("import sys\n"
            "from models import tone, vader_fast\n"
            "tone.polarity_scores('The plan is good, officials said.')\n"
            "print(vader_fast._same_rules(), 'importlib.metadata' in sys.modules)\n")
    assert assert_runs(code, timeout=120).split() == ["True", "False"]
    assert vader_fast._installed_version() == vader_fast.VADER_VERSION


def test_another_vadersentiment_version_is_left_to_vadersentiment(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from types import SimpleNamespace

    site = tmp_path / "site-packages"
    (site / "vaderSentiment").mkdir(parents=True)
    (site / "vaderSentiment-9.1.dist-info").mkdir()
    fake = SimpleNamespace(__file__=str(site / "vaderSentiment" / "vaderSentiment.py"))
    monkeypatch.setattr(vader_fast, "_vader", lambda: fake)
    assert vader_fast._installed_version() == "9.1"
    assert vader_fast._same_rules.__wrapped__() is False
    # no .dist-info folder there: importlib.metadata gives the installed one's version
    (site / "vaderSentiment-9.1.dist-info").rmdir()
    assert vader_fast._installed_version() == vader_fast.VADER_VERSION


def test_news_sentences(tmp_path: Path, vader: SentimentIntensityAnalyzer) -> None:
    folder = write_wire_corpus(tmp_path / "wire", originals=30, copies=60)
    articles = read_paths([folder, REPO / "seeds"]).articles
    sentences = {s.text for a in articles for s in a.sentences}
    sentences |= {line for a in articles for line in a.text.splitlines()}
    assert len(sentences) > 600
    for text in sorted(sentences):
        assert _same(vader_fast.polarity_scores(text), vader.polarity_scores(text)), text


def _vocabulary(vader: SentimentIntensityAnalyzer, rng: random.Random) -> list[str]:
    special = [w for phrase in (*SPECIAL_CASES, *BOOSTER_DICT) for w in phrase.split()]
    rules = ["no", "or", "nor", "never", "so", "this", "without", "doubt", "least", "at",
             "very", "kind", "of", "but", "BUT", "not", "isn't", "don't", "aint", "n't",
             "uh-uh", "the", "a", "said", "he", "NO", "Least", "KIND", "Of"]
    lexicon = rng.sample(sorted(vader.lexicon), 400)
    marks = ["!", "!!", "!!!!!", "?", "??", "???", "????", ".", ",", ":)", ":-(", "<3", "(",
             "'quoted'", '"x"', "--", "...", "a.", "ok!", "😀", "😡", "💔"]
    words = [*special, *rules, *NEGATE, *lexicon]
    return words + [w.upper() for w in rng.sample(words, 200)] + [w.title() for w in words[:80]] \
        + marks


def test_generated_sentences(vader: SentimentIntensityAnalyzer) -> None:
    rng = random.Random(20260521)
    vocabulary = _vocabulary(vader, rng)
    for _ in range(12_000):
        words = rng.choices(vocabulary, k=rng.randint(0, 14))
        glue = rng.choice([" ", " ", "  ", "\t", " \n"])
        text = glue.join(words)
        if rng.random() < 0.3:
            text = rng.choice(["", " ", "ALL CAPS ", "all lower "]) + text + rng.choice(
                ["", "!", "?", "??", " :)", "😀"])
        assert _same(vader_fast.polarity_scores(text), vader.polarity_scores(text)), repr(text)


def test_probes_and_edge_cases(vader: SentimentIntensityAnalyzer) -> None:
    odd = ["", " ", "!!!", "kind", "kind of", "KIND OF GREAT", "no", "not", "least good",
           "at least good", "very least good", "but", "good but", "but good", "😀", "I 💔 it",
           "GOOD", "GOOD good", "the shit", "bus stop bad", "never so good", "sort of bad"]
    for text in (*vader_fast.PROBES, *odd):
        assert _same(vader_fast.polarity_scores(text), vader.polarity_scores(text)), text


def test_tone_uses_it_and_gives_vaders_numbers(vader: SentimentIntensityAnalyzer) -> None:
    text = "The ceasefire is a welcome, if fragile, relief, but the shelling has not stopped!"
    expected = vader.polarity_scores(text)
    tone.polarity_scores.cache_clear()
    assert tone.polarity_scores(text) == (
        expected["neg"], expected["neu"], expected["pos"], expected["compound"]
    )


def test_another_vader_is_used_as_it_is(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []

    class Counting:
        def polarity_scores(self, text: str) -> dict[str, float]:
            calls.append(text)
            return {"neg": 0.0, "neu": 1.0, "pos": 0.0, "compound": 0.0}

    monkeypatch.setattr(vader_fast, "_same_rules", lambda: False)
    monkeypatch.setattr(vader_fast, "_analyzer", Counting)
    assert vader_fast.polarity_scores("It was great.")["neu"] == 1.0
    assert calls == ["It was great."]
    # tone_news's valences: that VADER's scores, and no valence its internals cannot give
    scores, scored, valences = vader_fast.scores_and_valences(" It was great. ")
    assert scores["neu"] == 1.0 and (scored, valences) == ("It was great.", [0, 0, 0])
