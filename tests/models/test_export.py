import csv

from models.article import ReadError
from models.export import (
    SCORES_COLUMNS,
    SPANS_COLUMNS,
    format_value,
    write_errors_csv,
    write_outlets_csv,
    write_scores_csv,
    write_spans_csv,
)
from models.measures import MEASURES
from tests.models.conftest import make_analysis

CONTRACT_SCORES = (
    "article_id, file, outlet, headline, date, words, sentences, hedges_epistemic_per_100w, "
    "hedges_evidential_per_100w, boosters_per_100w, attributions_per_100w, sources_named, "
    "sources_anonymous, loaded_per_100w, tone_mean, tone_negative_share, headline_tone, "
    "headline_hedged, headline_body_gap"
).split(", ")
CONTRACT_SPANS = (
    "article_id, start, end, text, category, subcategory, sentence_index, in_headline"
).split(", ")


def _read(path):
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_contract_columns_come_first_and_every_measure_has_one() -> None:
    assert list(SCORES_COLUMNS[: len(CONTRACT_SCORES)]) == CONTRACT_SCORES
    assert list(SPANS_COLUMNS[: len(CONTRACT_SPANS)]) == CONTRACT_SPANS
    assert {"probability_low", "probability_high"} <= set(SPANS_COLUMNS)
    assert {m.key for m in MEASURES} <= set(SCORES_COLUMNS)


def test_format_value() -> None:
    assert format_value(None) == ""
    assert format_value(float("nan")) == ""
    assert format_value(True) == "1"
    assert format_value(False) == "0"
    assert format_value(1 / 3) == "0.333333"
    assert format_value(12) == "12"


def test_scores_and_outlets_csv(tmp_path) -> None:
    corpus = [
        make_analysis("a1", "Beta", ["one two three four five."], [(0, "booster", "booster")]),
        make_analysis("a2", "Alpha", ["six seven eight nine ten."]),
    ]
    write_scores_csv(tmp_path / "scores.csv", corpus)
    rows = _read(tmp_path / "scores.csv")
    assert [r["article_id"] for r in rows] == ["a1", "a2"]
    assert rows[0]["boosters_per_100w"] == "20"
    assert rows[0]["headline_hedged"] == ""  # no headline: undefined, not 0
    assert rows[0]["words"] == "5"
    write_outlets_csv(tmp_path / "outlets.csv", corpus)
    outlets = _read(tmp_path / "outlets.csv")
    assert [r["outlet"] for r in outlets] == ["Alpha", "Beta"]
    assert outlets[1]["boosters_per_100w"] == "20"
    assert outlets[1]["articles"] == "1"
    assert not list(tmp_path.glob("*.part"))


def test_spans_csv_round_trips_offsets(tmp_path) -> None:
    corpus = [make_analysis("a1", "X", ["Alpha beta.", "Gamma delta."], [(1, "hedge", "epistemic")])]
    write_spans_csv(tmp_path / "spans.csv", corpus)
    (row,) = _read(tmp_path / "spans.csv")
    text = corpus[0].article.text
    assert text[int(row["start"]) : int(row["end"])] == row["text"] == "G"
    assert row["in_headline"] == "0"
    assert row["sentence_index"] == "1"


def test_errors_csv(tmp_path) -> None:
    write_errors_csv(tmp_path / "errors.csv", [ReadError("bad.txt", "empty file")])
    assert _read(tmp_path / "errors.csv") == [{"file": "bad.txt", "reason": "empty file"}]
