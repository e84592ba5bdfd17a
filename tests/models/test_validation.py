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


def test_every_measure_without_a_figure_says_why_and_none_with_one_does():
    """Issue 3 item 8: a measure is validated or says plainly why not. The Methods page
    said only 'no human-annotated data set checks this measure yet' under seventeen
    measures, a count of words as much as the estimated probability."""
    from models.measures import ARTICLE_SIMILARITY, NOT_VALIDATED_WHY

    report = load_validation()
    unvalidated = {key for key in registry_keys() if not report.for_measure(key)}
    unvalidated.add(ARTICLE_SIMILARITY.key)  # the similarity chart, outside the registries
    assert set(NOT_VALIDATED_WHY) == unvalidated, (
        "models.measures.NOT_VALIDATED_WHY must name exactly the measures that "
        "resources/validation.json leaves without a figure"
    )
    assert all(why.endswith(".") and len(why) > 40 for why in NOT_VALIDATED_WHY.values())


def test_why_the_estimated_probability_is_not_validated_names_framescope_s_own_ranges() -> None:
    """Its reason said the ranges 'are those of the published scales (UK Probability
    Yardstick, ICD-203)', while most ranged hedge words ('may', 'might', 'could') carry
    Framescope's own reading (scale 'authors' in hedges.csv), as the Methods page's
    Estimative probability section and the measure's definition say (7fe8811; review29)."""
    from collections import Counter

    from models.lexicons import load_lexicon
    from models.measures import NOT_VALIDATED_WHY, measure

    scales = Counter(e.scale for e in load_lexicon().by_category("hedge")
                     if e.probability_low is not None)
    why = NOT_VALIDATED_WHY["estimative_probability_mean"]
    assert scales["authors"] > 0
    assert "are those of the published scales" not in why
    assert "Framescope's own reading" in why
    assert "Framescope's own reading" in measure("hedges_epistemic_per_100w").definition


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


def _figure(value, goal="", kind="", level=None):
    return {"measure": "m", "data": "d", "metric": "F1", "figure": f"{value}",
            "value": value, "reference": "", "goal": goal, "goal_kind": kind,
            "goal_level": level}


def _verdicts(*figures):
    report = parse_validation({"measures": {"tone_mean": list(figures)}})
    return [v.verdict() for v in report.for_measure("tone_mean")]


def test_each_figure_stands_against_its_goal():
    from models.validation import MET, NO_GOAL, NOT_MEASURABLE, NOT_MET

    assert _verdicts(
        _figure(0.613, "F1 ≥ 0.62", "at_least", 0.62),  # just below
        _figure(0.62, "F1 ≥ 0.62", "at_least", 0.62),  # on it: met
        _figure(0.76, "F1 ≥ 0.75", "at_least", 0.75),
        _figure(0.5001, "keep ≈ 0.50", "about", 0.5),  # 0.50 at two decimals
        _figure(0.492, "keep ≈ 0.50", "about", 0.5),
        _figure(0.64, ""),  # no goal set
        _figure(0.74, "raise recall"),  # a goal, but no level of this figure
        _figure(0.99, "Spearman ≥ 0.55 vs graded ratings: no graded set"),
        _figure(None, "F1 ≥ 0.62", "at_least", 0.62),  # no value to compare
    ) == [NOT_MET, MET, MET, MET, NOT_MET, NO_GOAL, NOT_MEASURABLE, NOT_MEASURABLE,
          NOT_MEASURABLE]


def test_a_goal_kind_without_a_level_or_unknown_is_malformed(tmp_path):
    bad = tmp_path / "validation.json"
    for figure, field in ((_figure(0.6, "F1 ≥ 0.62", "at_least", None), "goal_kind"),
                          (_figure(0.6, "F1 ≥ 0.62", "at_most", 0.62), "goal_kind"),
                          (_figure(0.6, "F1 ≥ 0.62", "at_least", "0.62"), "goal_level")):
        bad.write_text(json.dumps({"measures": {"tone_mean": [figure]}}), encoding="utf-8")
        report = load_validation(bad)
        assert str(bad) in report.error and "tone_mean" in report.error
        assert field in report.error


def test_a_figure_s_interval_is_read_and_must_be_whole(tmp_path):
    figure = {**_figure(0.657, "F1 ≥ 0.65", "at_least", 0.65),
              "value_low": 0.564, "value_high": 0.738}
    report = parse_validation({"measures": {"tone_mean": [figure]}})
    (v,) = report.for_measure("tone_mean")
    assert (v.value_low, v.value_high) == (0.564, 0.738) and v.interval_crosses_goal()
    inside = parse_validation({"measures": {"tone_mean": [
        {**figure, "value_low": 0.66}]}}).for_measure("tone_mean")[0]
    assert not inside.interval_crosses_goal()  # wholly above the goal
    bad = tmp_path / "validation.json"
    for broken, field in (({**figure, "value_low": "0.564"}, "value_low"),
                          ({k: x for k, x in figure.items() if k != "value_high"},
                           "value_high")):
        bad.write_text(json.dumps({"measures": {"tone_mean": [broken]}}), encoding="utf-8")
        report = load_validation(bad)
        assert str(bad) in report.error and field in report.error


def test_shipped_figures_with_a_level_goal_carry_it():
    from models.validation import MET, NO_GOAL, NOT_MEASURABLE, NOT_MET

    report = load_validation()
    by_goal = {v.goal: v for figures in report.measures.values() for v in figures}
    assert by_goal["F1 ≥ 0.65"].goal_kind == "at_least"
    assert by_goal["F1 ≥ 0.65"].goal_level == 0.65
    assert by_goal["F1 ≥ 0.75"].goal_level == 0.75 and by_goal["r ≥ 0.62"].goal_level == 0.62
    assert by_goal["keep ≈ 0.50"].goal_kind == "about"
    assert by_goal["raise recall"].verdict() == NOT_MEASURABLE
    for figures in report.measures.values():
        for v in figures:
            assert v.verdict() in (MET, NOT_MET, NO_GOAL, NOT_MEASURABLE)
            if v.goal.startswith(("F1 ≥", "r ≥")):
                assert v.verdict() in (MET, NOT_MET), v
