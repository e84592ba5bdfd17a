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

