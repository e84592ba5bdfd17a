"""bench/hedge_tuning.py on a synthetic CoNLL-style file: it scores the tuning rows only
and never lets a held-out row (index 7-9 modulo 10) reach the cue finder or the output."""

import csv
from pathlib import Path
from types import ModuleType

import pytest

from tests.bench.conftest import load_bench_script

# Sentences written for this test. Held-out rows say "HELDOUT" so that any leak shows.
TUNING = {
    0: ("The committee may reconsider the plan next year .", "1"),
    1: ("The bridge opened to traffic in 1932 .", "0"),
    2: ("Critics say the tower is ugly .", "1"),
    3: ("The mill probably closed in 1961 .", "0"),  # a false positive
    4: ("The river flows north into the lake .", "1"),  # a false negative
    5: ("He served two terms as mayor .", "0"),
    6: ("The ruins are perhaps the oldest in the valley .", "1"),
}


@pytest.fixture(scope="module")
def hedge_tuning() -> ModuleType:
    return load_bench_script("hedge_tuning")


def write_conll(folder: Path, rows: int = 20) -> Path:
    path = folder / "hedging" / "conll2010_wiki_train.csv"
    path.parent.mkdir(parents=True)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["text", "label"])
        for index in range(rows):
            if index % 10 >= 7:
                writer.writerow([f"HELDOUT row {index} may possibly be uncertain .", "1"])
            else:
                writer.writerow(TUNING[index % 10])
    return folder


def test_held_out_rows_never_reach_the_finder_or_the_output(
    hedge_tuning: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = write_conll(tmp_path)
    seen: list[str] = []
    scorer = hedge_tuning.uncertain_cues

    def recording(text: str) -> tuple[object, ...]:
        seen.append(text)
        return scorer(text)

    monkeypatch.setattr(hedge_tuning, "uncertain_cues", recording)
    assert hedge_tuning.main(["--data", str(data), "--errors", "5"]) == 0
    out = capsys.readouterr().out
    assert len(seen) == 14 and not any("HELDOUT" in text for text in seen)
    assert "HELDOUT" not in out
    # 2 x (3 true positives, 1 false positive, 1 false negative): P 0.75, R 0.75
    assert "tuning rows 0-6 (14): F1 0.7500 (P 0.7500 / R 0.7500)" in out
    assert "[3] The mill probably closed in 1961 .  <probably>" in out
    assert "[4] The river flows north into the lake ." in out


def test_its_sentence_test_is_validitys(hedge_tuning: ModuleType, validity: ModuleType) -> None:
    for text, _ in TUNING.values():
        assert bool(hedge_tuning.uncertain_cues(text)) == validity.sentence_uncertain(text)


def test_a_vague_quantity_alone_leaves_the_sentence_certain_in_both(
    hedge_tuning: ModuleType, validity: ModuleType, monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "Several council members voted against the budget ."
    assert not validity.sentence_uncertain(text) and not hedge_tuning.uncertain_cues(text)
    # CoNLL-2010 Wikipedia's notion, the "hedge or vague quantity" rows and --vague
    assert validity.sentence_uncertain(text, vague=True)
    monkeypatch.setattr(hedge_tuning, "VAGUE", True)
    assert [c.text for c in hedge_tuning.uncertain_cues(text)] == ["Several"]


def test_absent_data_is_named(
    hedge_tuning: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert hedge_tuning.main(["--data", str(tmp_path)]) == 2
    assert "conll2010_wiki_train.csv is absent" in capsys.readouterr().err
