"""bench/claims_pairs.py on sentences and labels written for these tests (PolNeAR's text
never enters CI)."""

from __future__ import annotations

import json
import math
import sys
from types import ModuleType

import pytest

from models.features import analyze_article, article_from_text
from tests.bench.conftest import REPO, load_bench_script


@pytest.fixture(scope="module")
def pairs_script() -> ModuleType:
    return load_bench_script("claims_pairs")


def _pair(n: int, current: float, idf: float, blocked: bool, weight: float = 1.0) -> dict:
    return {"n": n, "current": current, "idf": idf, "blocked": blocked, "weight": weight}


def test_labels_are_read_and_a_bad_line_names_the_file_and_line(pairs_script, tmp_path) -> None:
    good = tmp_path / "stratified.labels"
    good.write_text("# my labels\n0 Y\n1 n\n\n2 N  # unsure\n", encoding="utf-8")
    assert pairs_script.read_labels(good) == {0: True, 1: False, 2: False}
    bad = tmp_path / "disagree.labels"
    bad.write_text("0 Y\n1 maybe\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"disagree\.labels, line 2: expected"):
        pairs_script.read_labels(bad)


def test_precision_and_recall_of_each_similarity(pairs_script) -> None:
    pairs = [
        _pair(0, 0.60, 0.50, True),    # same: both link
        _pair(1, 0.40, 0.20, False),   # same: current_all links, blocking never compared it
        _pair(2, 0.40, 0.45, True, weight=3.0),   # different: both link
        _pair(3, 0.10, 0.36, False),   # different: only idf links
        _pair(4, 0.70, 0.70, True),    # not labelled: left out
    ]
    labels = {0: True, 1: True, 2: False, 3: False}
    current = pairs_script.precision_recall(pairs, labels, "current", 0.35)
    assert (current["linked"], current["true"], current["same"]) == (2, 1, 2)
    assert current["precision"] == 0.5 and current["recall"] == 0.5
    assert current["weighted_precision"] == 0.25  # pair 2 counts three times
    every = pairs_script.precision_recall(pairs, labels, "current_all", 0.35)
    assert every["recall"] == 1.0 and every["precision"] == pytest.approx(2 / 3)
    idf = pairs_script.precision_recall(pairs, labels, "idf", 0.35)
    assert (idf["linked"], idf["true"]) == (3, 1)
    assert math.isnan(pairs_script.precision_recall(pairs, labels, "idf", 0.9)["precision"])


def test_evaluate_prints_each_kind_found(pairs_script, tmp_path, capsys) -> None:
    assert pairs_script.evaluate(tmp_path) == 1
    assert "no KIND.json" in capsys.readouterr().err
    drawn = [{"n": 0, "set": "idf_only", "set_size": 40},
             {"n": 1, "set": "idf_only", "set_size": 40},
             {"n": 2, "set": "current_only", "set_size": 10}]
    (tmp_path / "disagree.json").write_text(json.dumps(drawn), encoding="utf-8")
    (tmp_path / "disagree.labels").write_text("0 N\n1 Y\n", encoding="utf-8")
    assert pairs_script.evaluate(tmp_path) == 0
    out = capsys.readouterr().out
    assert "2 of 3 pairs labelled (not labelled: [2])" in out
    assert "1 of 2 the same statement (50%); of its 40 pairs, about 20" in out
    assert "current_only" not in out


def test_sampling_refuses_to_write_text_into_the_repository(pairs_script, monkeypatch,
                                                            capsys) -> None:
    monkeypatch.setattr(sys, "argv", ["claims_pairs.py", "sample", "--out",
                                      str(REPO / "bench" / "labels" / "claims_pairs")])
    assert pairs_script.main() == 1
    assert "outside the repository" in capsys.readouterr().err
    assert not (REPO / "bench" / "labels" / "claims_pairs").exists()


def test_idf_similarity_weighs_a_word_every_sentence_has_less(pairs_script) -> None:
    """Two sentences sharing only the story's common words ('senator', 'budget') are
    less alike under IDF weights than under the shipped binary stems; a copy stays 1."""
    from models.claims import prepare_claims

    texts = [
        "The senator defended the budget cuts in Ohio on Tuesday.",
        "The senator praised the budget talks with farmers in Iowa.",
        "The senator and the budget office disagree about pensions.",
        "The senator left the budget hearing before the vote on taxes.",
        "The senator defended the budget cuts in Ohio on Tuesday.",
    ]
    analyses = []
    for i, text in enumerate(texts):
        article = article_from_text(text, f"a{i}")
        article.outlet = f"Outlet {i}"
        analyses.append(analyze_article(article))
    prepared = prepare_claims(analyses)
    x, rows = pairs_script.idf_vectors(prepared.items)
    scored = pairs_script.Scored.__new__(pairs_script.Scored)
    scored.prepared, scored.x_idf, scored.rows_idf = prepared, x, rows
    assert scored.idf([(0, 1)])[0] < scored.current([(0, 1)])[0]
    assert scored.idf([(0, 4)])[0] == pytest.approx(1.0)
    found_a, found_b = pairs_script.pairs_at_least(x, rows, prepared.items, 0.99)
    assert list(zip(found_a.tolist(), found_b.tolist(), strict=True)) == [(0, 4)]



def test_a_trailing_question_mark_marks_a_label_unsure(pairs_script, tmp_path) -> None:
    path = tmp_path / "seeds.labels"
    path.write_text("0 Y ?\n1 N?\n2 N  # unsure\n3 Y\n", encoding="utf-8")
    assert pairs_script.read_labels(path) == {0: True, 1: False, 2: False, 3: True}
    assert pairs_script.unsure_labels(path) == {0, 1, 2}
    path.write_text("0 Y ??\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"seeds\.labels, line 1: expected"):
        pairs_script.read_labels(path)


def _banded_pair(n: int, current: float, band: str, weight: float,
                 blocked: bool = True) -> dict:
    return {"n": n, "current": current, "idf": 0.0, "blocked": blocked,
            "band": ["current", band], "weight": weight}


def test_threshold_table_weighs_each_band_by_its_size(pairs_script) -> None:
    """Band 'low' (0.3) holds 100 pairs, 2 drawn; band 'high' (0.6) holds 4, 2 drawn."""
    pairs = [_banded_pair(0, 0.30, "low", 50.0), _banded_pair(1, 0.32, "low", 50.0),
             _banded_pair(2, 0.60, "high", 2.0), _banded_pair(3, 0.70, "high", 2.0),
             _banded_pair(4, 0.65, "high", 2.0, blocked=False)]
    labels = {0: True, 1: False, 2: True, 3: False, 4: True}
    weights = pairs_script.band_weights(pairs, labels)
    assert weights == {0: 50.0, 1: 50.0, 2: 2.0, 3: 2.0, 4: 2.0}
    rows = {r["threshold"]: r for r in pairs_script.threshold_table(
        pairs, labels, thresholds=(0.25, 0.5), repeats=200)}
    low, high = rows[0.25], rows[0.5]
    # 0.25: links 0, 1, 2, 3 (4 is never compared); the same statement: 0, 2, 4.
    assert (low["true"], low["linked"], low["same"]) == (2, 4, 3)
    assert low["precision"] == 0.5 and low["recall"] == pytest.approx(2 / 3)
    assert low["f1"] == pytest.approx(2 * 2 / (4 + 3))
    assert low["weighted_precision"] == pytest.approx(52 / 104)
    assert low["weighted_recall"] == pytest.approx(52 / 54)
    # 0.5: links 2 and 3; one is the same, of 54 weighted same-statement pairs.
    assert high["weighted_precision"] == pytest.approx(0.5)
    assert high["weighted_recall"] == pytest.approx(2 / 54)
    for row in (low, high):
        for name in ("weighted_precision", "weighted_recall", "weighted_f1"):
            a, b = row[f"{name}_ci"]
            assert a <= row[name] <= b
    assert "f1_gain" not in low  # 0.35, the reference, is not among the thresholds
    paired = pairs_script.threshold_table(pairs, labels, thresholds=(0.25, 0.5),
                                          repeats=200, reference=0.25)
    assert paired[0]["f1_gain"] == 0.0 and paired[0]["f1_gain_ci"] == (0.0, 0.0)
    assert paired[1]["f1_gain"] == pytest.approx(high["weighted_f1"] - low["weighted_f1"])
    a, b = paired[1]["f1_gain_ci"]
    assert a <= paired[1]["f1_gain"] <= b
    # Leaving out a labelled pair keeps its band's size: the other one carries it.
    fewer = {k: v for k, v in labels.items() if k != 1}
    assert pairs_script.band_weights(pairs, fewer)[0] == 100.0


def test_agreement_is_cohens_kappa(pairs_script) -> None:
    first = {0: True, 1: True, 2: False, 3: False, 9: True}
    second = {0: True, 1: False, 2: False, 3: False}
    a = pairs_script.agreement(first, second)
    assert a["n"] == 4 and a["agreement"] == 0.75
    assert a["kappa"] == pytest.approx(0.5)  # chance agreement 0.5*0.25 + 0.5*0.75
    assert pairs_script.agreement(first, first)["kappa"] == 1.0


def test_evaluate_compares_a_second_labeller(pairs_script, tmp_path, capsys) -> None:
    pairs = [_banded_pair(n, 0.3 + 0.1 * n, "b", 1.0) for n in range(4)]
    (tmp_path / "seeds.json").write_text(json.dumps(pairs), encoding="utf-8")
    (tmp_path / "seeds.labels").write_text("0 N\n1 Y ?\n2 Y\n3 Y\n", encoding="utf-8")
    other = tmp_path / "other"
    other.mkdir()
    (other / "s-seeds.labels").write_text("0 N\n1 N\n2 Y\n3 Y\n", encoding="utf-8")
    assert pairs_script.evaluate(tmp_path, other, "s-") == 0
    out = capsys.readouterr().out
    assert "seeds: 4 of 4 pairs labelled; 3 the same statement, 1 marked unsure" in out
    assert "agreement 75.0%, Cohen's kappa 0.50" in out
    assert "on the 3 pairs both label alike:" in out
    assert "best weighted F1 1.00 at 0.45" in out  # on the agreed pairs: 0.5 and 0.6 link


def test_story_groups_link_outlets_on_one_story_within_a_day(pairs_script,
                                                             tmp_path) -> None:
    root = tmp_path / "polnear" / "data"
    (root / "train" / "text").mkdir(parents=True)
    story = "volcano erupted island villagers evacuated ferry harbour ash"
    articles = [  # name, outlet, date, body
        ("a", "nyt", "2016-03-01", f"The {story} on Monday."),
        ("b", "breitbart", "2016-03-02", f"Officials said the {story} overnight."),
        ("c", "nyt", "2016-03-01", f"Again the {story} today."),  # same outlet as a
        ("d", "wash-post", "2016-03-09", f"Last week the {story}."),  # a week later
    ] + [(f"f{k}", "politico", "2016-03-01", f"Filler {w} {w}x {w}y text.")
         for k, w in enumerate(("apple", "berry", "cherry", "damson", "elder", "fig",
                                "grape", "hazel", "iris", "juniper"))]
    lines = ["compartment\tfilename\tpublisher\tpublication_date\ttitle"]
    for name, outlet, date, body in articles:
        lines.append(f"train\t{name}\t{outlet}\t{date}\tTitle {name}")
        (root / "train" / "text" / f"{name}.txt").write_text(body, encoding="utf-8")
    (root / "metadata.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    groups = pairs_script.story_groups(tmp_path)
    assert [sorted(r["filename"] for r in g) for g in groups] == [["a", "b", "c"]]


def test_cross_pairs_leave_out_one_outlets_own_pairs_and_copies(pairs_script) -> None:
    from models.claims import prepare_claims

    texts = [("The minister resigned after the bridge collapsed in Genoa on Tuesday.", "A"),
             ("The minister resigned after the bridge in Genoa collapsed on Tuesday.", "B"),
             ("The minister resigned after the bridge collapsed in Genoa on Tuesday.", "C"),
             ("Minister resigned after the Genoa bridge collapsed on Tuesday night.", "A")]
    analyses = []
    for i, (text, outlet) in enumerate(texts):
        article = article_from_text(text, f"a{i}")
        article.outlet = outlet
        analyses.append(analyze_article(article))
    scored = pairs_script.Scored.__new__(pairs_script.Scored)
    scored.analyses = analyses
    scored.prepared = prepare_claims(analyses)
    scored.items = scored.prepared.items
    found = {(i, j) for _, i, j in pairs_script._cross_pairs(scored, 0.2)}
    # (0, 2) are copies and (0, 3) one outlet's: left out; the rest are across outlets.
    assert found == {(0, 1), (1, 2), (1, 3), (2, 3)}


# ---- the committed labels file and validity.py's claim rows -----------------------------

HEADER = ("draw\tn\tband\tband_size\tband_drawn\tarticle_a\tstart_a\tend_a\thash_a\t"
          "article_b\tstart_b\tend_b\thash_b\tfirst\tsecond\n")


def test_labels_file_rows_are_read_with_bands_weights_and_unsure_marks(pairs_script,
                                                                       tmp_path) -> None:
    path = tmp_path / "pairs.tsv"
    path.write_text("# about\n" + HEADER
                    + "seeds\t3\t0.20-0.25\t98\t25\tx_1\t0\t40\tabcdef0123\ty_2\t5\t60\t"
                      "0123456789\tY\tN?\n"
                    + "banded\t7\t0.60-1.00\t20\t20\tx_1\t41\t90\tffffffffff\ty_2\t61\t99\t"
                      "eeeeeeeeee\t-\tY\n", encoding="utf-8")
    first, second = pairs_script.read_labels_file(path)
    assert (first.line, first.draw, first.n, first.band) == (3, "seeds", 3, "0.20-0.25")
    assert first.weight == 98 / 25 and second.weight == 1.0
    assert first.a == pairs_script.SentenceKey("x_1", 0, 40, "abcdef0123")
    assert first.b == pairs_script.SentenceKey("y_2", 5, 60, "0123456789")
    assert first.labels == {"first": True, "second": False}
    assert first.unsure == {"second"}
    assert second.labels == {"second": True} and second.unsure == frozenset()
    assert pairs_script.labeller_names([first, second]) == ["first", "second"]

    for bad in ("seeds\t3\t0.20-0.25\t98\t25\tx_1\t0\t40\tabcdef0123\ty_2\t5\t60\t0123\tmaybe\tN\n",
                "story\t3\t0.20-0.25\t98\t25\tx_1\t0\t40\tabcdef0123\ty_2\t5\t60\t0123\tY\tN\n",
                "seeds\t3\t0.20-0.25\t9\t25\tx_1\t0\t40\tabcdef0123\ty_2\t5\t60\t0123\tY\tN\n",
                "seeds\t3\t0.20-0.25\t98\t25\tx_1\t0\t40\tabcdef0123\tY\tN\n"):
        path.write_text(HEADER + bad, encoding="utf-8")
        with pytest.raises(ValueError, match=r"pairs\.tsv, line 2: expected 15 tab-separated"):
            pairs_script.read_labels_file(path)
    path.write_text("draw\tn\tband\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"pairs\.tsv, line 1: expected the header"):
        pairs_script.read_labels_file(path)


def test_the_committed_labels_file_holds_ids_and_hashes_of_three_draws(pairs_script) -> None:
    rows = pairs_script.read_labels_file(pairs_script.DEFAULT_LABELS)
    assert pairs_script.labeller_names(rows) == ["claims16", "lab16"]
    count = {draw: sum(r.draw == draw for r in rows) for draw in pairs_script.LABELLED_DRAWS}
    assert count == {"seeds": 140, "same_story": 120, "banded": 145}
    # No text: every cell past the header is an id, a number, a band, a hash or a label.
    for row in rows:
        for key in (row.a, row.b):
            assert len(key.hash) == 10 and int(key.hash, 16) >= 0 and key.start < key.end


def _seed_rows(validity, pairs_script, tmp_path, monkeypatch, edit=None):
    """validity's seeds check on the committed seeds labels, optionally edited."""
    lines = pairs_script.DEFAULT_LABELS.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if not line.startswith(("same_story\t", "banded\t"))]
    if edit is not None:
        kept = edit(kept)
    path = tmp_path / "claims_pairs.tsv"
    path.write_text("".join(kept), encoding="utf-8")
    monkeypatch.setattr(validity, "CLAIM_LABELS", path)
    return list(validity.claims_pairs_seeds(tmp_path / "no-data"))


def test_validity_rebuilds_the_seeds_pairs_and_reports_the_link_at_the_default(
        validity, pairs_script, tmp_path, monkeypatch) -> None:
    """No shared data needed: the seeds ship. claims16's evaluate gave F1 0.64, P 0.83,
    R 0.52 and kappa 0.96 on the 137 of 140 seeds pairs both label alike (session 16)."""
    (row,) = _seed_rows(validity, pairs_script, tmp_path, monkeypatch)
    assert row.keys == ("claim_threshold",) and row.measure.endswith("(0.35)")
    assert ("the 137 of 140 hand-labelled sentence pairs on which claims16 and lab16 agree, "
            "Cohen's kappa 0.96; weighted to all 277 cross-outlet pairs") in row.data
    assert row.value is not None and abs(row.value - 0.64) < 0.05
    assert row.ours.startswith(f"{row.value:.3f} [95% ")


def test_a_pair_whose_sentence_no_longer_matches_its_hash_is_left_out_with_a_message(
        validity, pairs_script, tmp_path, monkeypatch, capsys) -> None:
    def break_first_hash(lines):
        k = next(n for n, line in enumerate(lines) if line.startswith("seeds\t"))
        cells = lines[k].split("\t")
        cells[8] = "0000000000"
        lines[k] = "\t".join(cells)
        return lines

    (row,) = _seed_rows(validity, pairs_script, tmp_path, monkeypatch, break_first_hash)
    err = capsys.readouterr().err
    assert ("claims_pairs_seeds: claims_pairs.tsv, line 4 (seeds #0): sentence A "
            "(000_95fc75c790c18aeb 248-351) no longer matches its hash 0000000000 (now "
            "dab840e5e5); left out") in err
    assert "139 of 140 hand-labelled" in row.data


def test_the_polnear_pairs_are_skipped_with_a_message_when_the_data_is_absent(
        validity, tmp_path) -> None:
    checks = validity.select_checks(validity.CHECKS, ["claims_pairs"])
    assert [c.run.__name__ for c in checks] == ["claims_pairs_seeds", "claims_pairs_polnear"]
    rows, skipped = validity.run_checks(tmp_path / "nowhere", checks)
    assert skipped == ["skipped claims_pairs_polnear: "
                       f"{tmp_path / 'nowhere' / 'polnear' / 'data' / 'metadata.tsv'} is absent"]
    assert [r.keys for r in rows] == [("claim_threshold",)]
    assert rows[0].data.startswith("the seed articles (5 outlets, one story)")


def test_the_threshold_definition_quotes_the_seeds_figures_as_the_labels_give_them(
        pairs_script) -> None:
    """The claim_threshold definition said the seeds' own best was 0.30 at F1 0.72 and
    0.35 gave F1 0.64 (session 16's figures); by session 28 the rules had moved them to
    0.67 and 0.62 with no one updating the text. The definition now leaves the default's
    own figures to Validation (resources/validation.json) and the figures it still
    quotes for the seeds, which need no data folder, are checked here."""
    from models.claims import DEFAULT_THRESHOLD
    from models.measures import CLAIM_MEASURES

    rows = [row for row in pairs_script.read_labels_file(pairs_script.DEFAULT_LABELS)
            if row.draw == "seeds"]
    names = pairs_script.labeller_names(rows)
    rescored, problems = pairs_script.rescore(
        rows, pairs_script.draw_corpora("seeds", REPO / "no-data"), "claims_pairs.tsv")
    assert not problems

    def f1(threshold: float) -> str:
        return f"{pairs_script.draw_figures(rescored, names, threshold)['weighted_f1']:.2f}"

    (definition,) = [m.definition for m in CLAIM_MEASURES if m.key == "claim_threshold"]
    assert f"the seeds 0.30, F1 {f1(0.30)};" in definition
    assert f"0.40 on the seeds ({f1(0.40)})" in definition
    assert f"0.50 on both one-story sets (F1 {f1(0.50)} and " in definition
    # The default's own figures are Validation's, never written into the definition.
    assert f"{DEFAULT_THRESHOLD} links pairs" not in definition
    assert f"F1 {f1(DEFAULT_THRESHOLD)}" not in definition
