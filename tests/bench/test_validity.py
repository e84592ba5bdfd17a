"""bench/validity.py on a tiny synthetic data folder (the real sets never enter CI)."""

import json
from pathlib import Path

import pytest

from models.validation import registry_keys

REPO = Path(__file__).resolve().parents[2]


# Sentences written for this test (none come from any data set). In every set, the
# uncertain sentences carry an unmistakable hedge and the certain ones carry none.
CONLL = [
    ("The bridge opened to traffic in 1932 .", "0"),
    ("The committee may reconsider the plan next year .", "1"),
    ("Its population was 4,210 at the last census .", "0"),
    ("The painting is probably a later copy .", "1"),
    ("The river flows north into the lake .", "0"),
    ("The tower was rebuilt after the fire .", "0"),
    ("The ruins are perhaps the oldest in the valley .", "1"),
    ("He served two terms as mayor .", "0"),
    ("The mill closed in 1961 .", "0"),
    ("The name possibly comes from an old word for ford .", "1"),
]

SZEGED = """<?xml version="1.0" encoding="UTF-8"?>
<Annotation><DocumentSet><Document><DocumentPart type="Text">
<Sentence id="S1">The protein <ccue type="speculation_modal_probable_">may</ccue> bind the receptor.</Sentence>
<Sentence id="S2">The cells were grown at 37 degrees.</Sentence>
<Sentence id="S3">We <ccue type="speculation_hypo_investigation _">examined</ccue> the samples.</Sentence>
</DocumentPart></Document></DocumentSet></Annotation>
"""

NYT = "1\t2.5\tA wonderful, generous and brilliant success.\n2\t-2.8\tA horrible, cruel disaster.\n3\t0.1\tThe meeting is on Tuesday.\n"

POLNEAR_TEXT = "Taxes will rise, the governor said on Monday. The vote is next week.\n"
POLNEAR_ANN = "T1\tSource 16 28\tthe governor\nT2\tCue 29 33\tsaid\nT3\tContent 0 15\tTaxes will rise\n"


def write_data(root: Path, *, polnear: bool = True) -> Path:
    hedging = root / "hedging"
    hedging.mkdir(parents=True)
    lines = ["text,label"] + [f'"{t}",{label}' for t, label in CONLL]
    (hedging / "conll2010_wiki_train.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (hedging / "szeged_bio_bmc.xml").write_text(SZEGED, encoding="utf-8")
    (root / "vader-nyt").mkdir()
    (root / "vader-nyt" / "nyt_train.tsv").write_text(NYT, encoding="utf-8")
    if polnear:
        dev = root / "polnear" / "data" / "dev"
        (dev / "text").mkdir(parents=True)
        (dev / "attributions").mkdir()
        (dev / "text" / "paper_2016-01-01_taxes.txt").write_text(POLNEAR_TEXT, encoding="utf-8")
        (dev / "attributions" / "paper_2016-01-01_taxes_ab12.ann").write_text(POLNEAR_ANN, encoding="utf-8")
    return root


def table_rows(output: str) -> list[str]:
    return [line for line in output.splitlines() if not line.startswith(("skipped", "wrote"))]


def test_table_has_one_header_and_the_figures_of_every_check(validity, tmp_path, capsys):
    data = write_data(tmp_path / "data")
    assert validity.main(["--data", str(data)]) == 0
    out = capsys.readouterr().out
    # Every set written above is scored; the trained models' sets (clickbait, PolNeAR
    # titles, GVFC) are not written here: tests/bench/test_validity_models.py has them,
    # nor the hand-labelled PolNeAR dev articles: tests/bench/test_news_hedges.py has those,
    # nor PolNeAR's claim pairs: tests/bench/test_claims_pairs.py has those, nor the
    # own-voice labels' articles: tests/bench/test_validity_voice.py has those.
    assert [line for line in out.splitlines() if line.startswith("skipped")
            and not line.startswith(("skipped sensational_",
                                     "skipped hedging_news_labelled: none of the",
                                     "skipped hedging_news_labelled_train: ",
                                     "skipped hedging_news_labelled_train_seed18: ",
                                     "skipped hedging_news_labelled_train_seed19: ",
                                     "skipped hedging_news_labelled_train_seed20: ",
                                     "skipped hedging_news_labelled_train_seed21: ",
                                     "skipped hedging_news_labelled_train_seed22: ",
                                     "skipped hedging_news_fresh_pooled: ",
                                     "skipped claims_pairs_polnear: ",
                                     "skipped voice_polnear: none of the",
                                     "skipped voice_polnear_content: no hedge"))] == []
    header, *rows = table_rows(out)
    for title in ("measure", "data set", "metric", "ours", "published reference", "goal"):
        assert title in header
    text = "\n".join(rows)
    # Every hedge in the synthetic sets is found and nothing else: F1 1.000.
    assert "CoNLL-2010 Wikipedia train, all 10" in text
    conll = [r for r in rows if r.startswith("hedge (any, sentence)") and "all 10" in r]
    assert conll and "1.000 (P 1.000 / R 1.000)" in conll[0] and "F1 ≥ 0.62" in conll[0]
    assert any("held out (3: rows 7-9 mod 10)" in r for r in rows)
    szeged = [r for r in rows if r.startswith("hedge (any, sentence)") and "Szeged" in r]
    # "examined" (an investigation cue) is no hedge in news: one of two uncertain sentences.
    assert szeged and "0.667 (P 1.000 / R 0.500)" in szeged[0]
    assert any(r.startswith("hedge baseline: 40-word regex") for r in rows)
    assert any(r.startswith("tone_vader") and "Pearson r" in r for r in rows)
    cue = [r for r in rows if r.startswith("attribution spans")]
    assert cue and "1.000 (P 1.000 / R 1.000)" in cue[0]
    source = [r for r in rows if r.startswith("source spans")]
    assert source and "1.000 (P 1.000 / R 1.000)" in source[0]
    assert any(r.startswith("attribution baseline: verb regex") for r in rows)


def test_absent_set_is_skipped_with_a_message_naming_it(validity, tmp_path, capsys):
    data = write_data(tmp_path / "data", polnear=False)
    assert validity.main(["--data", str(data)]) == 0
    out = capsys.readouterr().out
    missing = data / "polnear" / "data" / "dev"
    assert f"skipped attribution_polnear: {missing} is absent" in out
    assert "attribution spans" not in out and "hedge (any, sentence)" in out


def test_no_data_at_all_prints_skips_and_only_the_rows_that_need_no_data(
        validity, tmp_path, capsys):
    assert validity.main(["--data", str(tmp_path / "nowhere")]) == 0
    lines = capsys.readouterr().out.splitlines()
    needing = [c for c in validity.CHECKS if c.needs is not None]
    assert sum(line.startswith("skipped") for line in lines) == len(needing)
    # Only the seeds' claim pairs (shipped articles, committed labels) need no data folder.
    assert [c.run.__name__ for c in validity.CHECKS if c.needs is None] == ["claims_pairs_seeds"]
    header, *rows = table_rows("\n".join(lines))
    assert header.startswith("measure")
    assert [r.split("  ")[0] for r in rows] == ["claim link at the default threshold (0.35)"]


def test_same_figures_on_every_run_and_json_covers_the_registry(validity, tmp_path, capsys):
    data = write_data(tmp_path / "data")
    out_json = tmp_path / "validation.json"
    validity.main(["--data", str(data), "--json", str(out_json), "--partial"])
    first = capsys.readouterr().out
    validity.main(["--data", str(data)])
    second = capsys.readouterr().out
    assert table_rows(first) == table_rows(second)
    document = json.loads(out_json.read_text(encoding="utf-8"))
    assert set(document["measures"]) == set(registry_keys())
    attribution = document["measures"]["attributions_per_100w"]
    assert attribution[0]["value"] == 1.0 and "PolNeAR dev" in attribution[0]["data"]
    # The goal the Methods page compares the value with: a level of this very figure ...
    assert (attribution[0]["goal"], attribution[0]["goal_kind"],
            attribution[0]["goal_level"]) == ("F1 ≥ 0.75", "at_least", 0.75)
    # ... or none when the goal is not a level ("raise recall").
    sources = document["measures"]["sources_named"][0]
    assert (sources["goal"], sources["goal_kind"], sources["goal_level"]) == (
        "raise recall", "", None)
    assert document["measures"]["words"] == []
    # Figures only: no sentence of the data set is written.
    assert "governor" not in out_json.read_text(encoding="utf-8")


def test_rerun_keeps_the_file_byte_for_byte_and_new_figures_get_todays_date(
    validity, tmp_path, capsys
):
    data = write_data(tmp_path / "data")
    out_json = tmp_path / "validation.json"
    validity.main(["--data", str(data), "--json", str(out_json), "--partial"])
    document = json.loads(out_json.read_text(encoding="utf-8"))
    today = document["date"]
    # Written on an earlier day with the same figures: a rerun keeps that date and every byte.
    document["date"] = "2020-01-01"
    earlier = json.dumps(document, indent=1, ensure_ascii=False) + "\n"
    out_json.write_text(earlier, encoding="utf-8")
    validity.main(["--data", str(data), "--json", str(out_json), "--partial"])
    assert out_json.read_text(encoding="utf-8") == earlier
    # Different figures in the old file: the new ones are dated today.
    document["measures"]["attributions_per_100w"][0]["value"] = 0.5
    out_json.write_text(json.dumps(document), encoding="utf-8")
    validity.main(["--data", str(data), "--json", str(out_json), "--partial"])
    assert json.loads(out_json.read_text(encoding="utf-8"))["date"] == today
    # An unreadable old file is replaced, dated today.
    out_json.write_text("{not json", encoding="utf-8")
    validity.main(["--data", str(data), "--json", str(out_json), "--partial"])
    assert json.loads(out_json.read_text(encoding="utf-8"))["date"] == today
    capsys.readouterr()


def test_json_is_not_written_when_a_set_is_missing(validity, tmp_path, capsys):
    out_json = tmp_path / "validation.json"
    out_json.write_text("shipped figures", encoding="utf-8")
    assert validity.main(["--data", str(tmp_path / "nowhere"), "--json", str(out_json)]) == 2
    assert out_json.read_text(encoding="utf-8") == "shipped figures"
    assert "not writing" in capsys.readouterr().err


def test_a_check_naming_an_unknown_measure_key_is_refused(validity):
    row = validity.Row("x", "d", "m", "1", "r", keys=("no_such_measure",), value=1.0)
    with pytest.raises(KeyError, match="no_such_measure"):
        validity.validation_document([row], "2026-01-01")


def test_only_runs_the_named_checks_and_refuses_a_word_that_matches_none(
    validity, tmp_path, capsys
):
    data = write_data(tmp_path / "data")
    assert validity.main(["--data", str(data), "--only", "attribution"]) == 0
    header, *rows = table_rows(capsys.readouterr().out)
    assert rows and all(
        r.startswith(("attribution spans", "source spans", "attribution baseline")) for r in rows
    )
    assert validity.main(["--data", str(data), "--only", "conll", "tone_nyt"]) == 0
    header, *rows = table_rows(capsys.readouterr().out)
    assert header.startswith("measure")
    assert any(r.startswith("hedge (any, sentence)") for r in rows)
    assert any(r.startswith("tone_vader") for r in rows)
    assert not any(r.startswith(("attribution", "source spans", "hedge cues")) for r in rows)
    with pytest.raises(SystemExit):
        validity.main(["--data", str(data), "--only", "nosuchcheck"])
    assert "matches no check" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        validity.main(["--data", str(data), "--only", "attribution", "--json", str(tmp_path / "v.json")])
    assert "--json needs every check" in capsys.readouterr().err


def test_the_json_interval_shows_as_the_figure_does(validity):
    """The interval's ends are kept to six digits, so that the Methods page, which formats
    them to three, shows the figure's own interval (0.36454 was kept as 0.3645 and shown
    as 0.364 beside a figure that says 0.365)."""
    row = validity.Row("sensational", "some headlines", "Spearman vs mean grade [95% CI]",
                       "0.466 [95% 0.365–0.557]", "", validity.SENSATIONAL_GOAL,
                       keys=("headline_sensational",), value=0.46561, interval=(0.36454, 0.55702))
    record = validity.validation_document([row], "2026-11-24")["measures"][
        "headline_sensational"][0]
    assert f"{record['value_low']:.3f}–{record['value_high']:.3f}" == "0.365–0.557"
