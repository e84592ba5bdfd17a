"""The shipped validation figures (resources/validation.json) and their loader."""

import json

from models.validation import (
    load_validation,
    parse_validation,
    registry_keys,
    validation_path,
)


def test_shipped_figures_cover_exactly_the_measure_registry():
    document = json.loads(validation_path().read_text(encoding="utf-8"))
    assert set(document["measures"]) == set(registry_keys()), (
        "resources/validation.json is out of date: run "
        "bench/validity.py --json resources/validation.json with ../shared/data present"
    )


def test_shipped_figures_load_and_name_data_metric_and_value():
    report = load_validation()
    assert report.error == ""
    assert report.date and report.framescope and report.lexicon
    validated = [key for key, figures in report.measures.items() if figures]
    assert "hedges_epistemic_per_100w" in validated and "attributions_per_100w" in validated
    for key in validated:
        for figure in report.for_measure(key):
            assert figure.data and figure.metric and figure.figure and figure.measure
            assert figure.value is not None and 0.0 <= abs(figure.value) <= 1.0
    # A count has no human judgement to agree with: it stays unvalidated, not invented.
    assert report.for_measure("words") == ()


def test_shipped_file_holds_figures_only():
    text = validation_path().read_text(encoding="utf-8")
    assert len(text) < 20_000  # a summary, never a copy of any data set


def test_missing_file_gives_an_error_naming_it(tmp_path):
    missing = tmp_path / "validation.json"
    report = load_validation(missing)
    assert str(missing) in report.error and report.measures == {}


def test_malformed_file_gives_an_error_naming_the_file_and_reason(tmp_path):
    bad = tmp_path / "validation.json"
    bad.write_text("{not json", encoding="utf-8")
    report = load_validation(bad)
    assert str(bad) in report.error and report.for_measure("words") == ()
    bad.write_text(json.dumps({"measures": {"words": [{"value": "high"}]}}), encoding="utf-8")
    report = load_validation(bad)
    assert "words" in report.error and "value" in report.error


def test_parse_keeps_figures_in_order():
    document = {
        "date": "2026-01-01", "framescope": "9", "lexicon": "abc",
        "measures": {
            "tone_mean": [
                {"measure": "m", "data": "d1", "metric": "r", "figure": "0.5", "value": 0.5,
                 "reference": "", "goal": ""},
                {"measure": "m", "data": "d2", "metric": "r", "figure": "0.4", "value": None,
                 "reference": "ref", "goal": "g"},
            ],
            "words": [],
        },
    }
    report = parse_validation(document)
    assert [v.data for v in report.for_measure("tone_mean")] == ["d1", "d2"]
    assert report.for_measure("tone_mean")[1].value is None
    assert report.for_measure("unknown") == ()
