"""bench/clickbait_grades.py: the blind draw of headlines, the grades, the exported file
without text, and the statistics, on headlines written for these tests (no data set's
text enters the repository or CI)."""

from __future__ import annotations

import json
from types import ModuleType

import pytest

from tests.bench.conftest import load_bench_script
from tests.bench.test_validity_models import write_data


@pytest.fixture(scope="module")
def cb() -> ModuleType:
    return load_bench_script("clickbait_grades")


def test_grades_are_read_with_unsure_marks_and_a_bad_line_names_file_and_line(cb, tmp_path):
    good = tmp_path / "grader1.txt"
    good.write_text("# mine\n0 0\n1 3 # a curiosity gap\n\n2 2 ?\n3 1?\n", encoding="utf-8")
    assert cb.read_grades(good) == {0: 0, 1: 3, 2: 2, 3: 1}
    for text, message in (("0 4\n", r"line 1: expected 'N G' with G from 0 to 3"),
                          ("0 1\n1 U\n", r"line 2: expected 'N G'"),
                          ("0 1\n0 2\n", r"line 2: headline 0 graded twice")):
        bad = tmp_path / "grader2.txt"
        bad.write_text(text, encoding="utf-8")
        with pytest.raises(ValueError, match=r"grader2\.txt, " + message):
            cb.read_grades(bad)


def test_the_population_leaves_out_parc_duplicates_and_gvfc_copies_of_titles(cb, tmp_path):
    data = write_data(tmp_path / "data")
    sets = cb.population(data)
    assert [h.key for h in sets["polnear"]] == ["a", "b", "c", "d"]  # PARC's 'e' left out
    assert [h.key for h in sets["gvfc"]] == ["0", "1"]
    # a GVFC headline that is also a PolNeAR title is left out; so is a repeated one
    from tests.bench.test_validity_models import write_xlsx

    write_xlsx(data / "gvfc" / "GVFC_headlines_and_annotations.xlsx",
               ["Gunman kills two in Dayton", "Governor signs budget into law",
                "Gunman kills two in Dayton", "Storm hits Perth"])
    assert [(h.key, h.text) for h in cb.population(data)["gvfc"]] == [
        ("0", "Gunman kills two in Dayton"), ("3", "Storm hits Perth")]


def test_the_draw_is_uniform_per_set_seeded_and_shuffled(cb):
    sets = {name: [cb.Headline(name, str(k), f"{name} headline {k}") for k in range(50)]
            for name in cb.SETS}
    drawn = cb.draw(sets, size=10, seed=25)
    assert drawn == cb.draw(sets, size=10, seed=25)
    assert drawn != cb.draw(sets, size=10, seed=26)
    assert [d["n"] for d in drawn] == list(range(20))
    assert sorted(sum(d["set"] == s for d in drawn) for s in cb.SETS) == [10, 10]
    assert {d["set_size"] for d in drawn} == {50}
    assert len({(d["set"], d["key"]) for d in drawn}) == 20
    assert [d["set"] for d in drawn] != sorted(d["set"] for d in drawn)  # mixed, not blocks
    # no text in the draw's record, only a hash that checks it
    assert all(set(d) == {"n", "set", "key", "hash", "set_size"} for d in drawn)


def test_sample_writes_the_headlines_blind_and_export_writes_no_text(cb, tmp_path):
    data = write_data(tmp_path / "data")
    out = tmp_path / "draw"
    assert cb.sample(data, out, size=3, seed=25) == 0
    shown = (out / "draw.txt").read_text(encoding="utf-8")
    drawn = json.loads((out / "draw.json").read_text(encoding="utf-8"))
    assert len(drawn) == 5  # three of PolNeAR's four, both of GVFC's two
    assert shown.count("#") == 5 and "polnear" not in shown and "gvfc" not in shown
    first = tmp_path / "g1.txt"
    second = tmp_path / "g2.txt"
    first.write_text("".join(f"{d['n']} {d['n'] % 4}\n" for d in drawn), encoding="utf-8")
    second.write_text("".join(f"{d['n']} {3 - d['n'] % 4}\n" for d in drawn[:-1]),
                      encoding="utf-8")
    to = tmp_path / "grades.tsv"
    assert cb.export(out, {"g1": first, "g2": second}, to) == 0
    written = to.read_text(encoding="utf-8")
    texts = {h.text for hs in cb.population(data).values() for h in hs}
    assert not any(text in written for text in texts)
    rows = cb.read_grades_file(to)
    assert len(rows) == 5 and sum("g2" not in r.grades for r in rows) == 1
    items, problems = cb.items_from_data(rows, data)
    assert problems == [] and len(items) == 4  # the headline g2 did not grade is left out
    by_text = {i.text: i for i in items}
    for d in drawn[:-1]:
        text = next(h.text for hs in cb.population(data).values() for h in hs
                    if (h.set, h.key) == (d["set"], d["key"]))
        assert by_text[text].grades == (d["n"] % 4, 3 - d["n"] % 4)


def test_a_headline_whose_text_changed_is_left_out_and_named(cb, tmp_path):
    data = write_data(tmp_path / "data")
    to = tmp_path / "grades.tsv"
    to.write_text("set\tkey\thash\tg1\tg2\npolnear\ta\t0000000000\t3\t3\n"
                  "gvfc\t9\t0000000000\t0\t0\n", encoding="utf-8")
    items, problems = cb.items_from_data(cb.read_grades_file(to), data)
    assert items == [] and len(problems) == 2
    assert problems[0].startswith("polnear a: headline missing or not matching its hash")


def test_a_bad_grades_file_names_file_and_line(cb, tmp_path):
    bad = tmp_path / "grades.tsv"
    bad.write_text("set\tkey\thash\tg1\npolnear\ta\tabc\t5\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"grades\.tsv, line 2: expected 4 tab-separated"):
        cb.read_grades_file(bad)
    bad.write_text("article\tstart\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"grades\.tsv, line 1: expected the header"):
        cb.read_grades_file(bad)


def test_spearman_uses_average_ranks_as_scipy_does(cb):
    from scipy.stats import spearmanr

    x = [0.9, 0.1, 0.5, 0.5, 0.3, 0.8]
    y = [3, 0, 1, 2, 0, 3]
    assert cb.spearman(x, y) == pytest.approx(spearmanr(x, y).statistic)
    assert cb.spearman([1, 2, 3], [3, 2, 1]) == pytest.approx(-1.0)
    assert cb.spearman([1, 1, 1], [0, 1, 2]) != cb.spearman([1, 1, 1], [0, 1, 2])  # NaN


def test_weighted_kappa_is_cohens_with_quadratic_weights(cb):
    from sklearn.metrics import cohen_kappa_score

    first = [0, 0, 1, 2, 3, 3, 1, 0, 2, 0]
    second = [0, 1, 1, 2, 2, 3, 0, 0, 3, 0]
    assert cb.weighted_kappa(first, second) == pytest.approx(
        cohen_kappa_score(first, second, weights="quadratic"))
    assert cb.weighted_kappa(first, first) == pytest.approx(1.0)


def test_the_bootstrap_interval_is_seeded_and_holds_the_figure(cb):
    score = [0.1, 0.2, 0.35, 0.4, 0.6, 0.7, 0.8, 0.95, 0.3, 0.5]
    grade = [0, 0, 1, 0, 1, 2, 2, 3, 0, 1.5]
    strata = ["polnear"] * 5 + ["gvfc"] * 5
    low, high = cb.bootstrap_spearman(score, grade, strata)
    assert (low, high) == cb.bootstrap_spearman(score, grade, strata)
    assert low <= cb.spearman(score, grade) <= high <= 1.0
    assert (low, high) != cb.bootstrap_spearman(score, grade, strata, seed=1)


def test_evaluate_prints_agreement_and_both_models(cb, tmp_path, capsys):
    data = write_data(tmp_path / "data")
    out = tmp_path / "draw"
    cb.sample(data, out, size=4, seed=25)
    drawn = json.loads((out / "draw.json").read_text(encoding="utf-8"))
    bait = {("polnear", "a"), ("polnear", "b"), ("gvfc", "1")}
    files = {}
    for name, shift in (("g1", 0), ("g2", 1)):
        files[name] = tmp_path / f"{name}.txt"
        files[name].write_text("".join(
            f"{d['n']} {min(3, 2 + shift) if (d['set'], d['key']) in bait else shift}\n"
            for d in drawn), encoding="utf-8")
    assert cb.evaluate(out, files, data) == 0
    printed = capsys.readouterr().out
    assert "graders' agreement on 6 headlines: Spearman 1.000" in printed
    assert "sensational" in printed and "plain TF-IDF LR (baseline)" in printed
    # the synthetic bait is made of clickbait constructions: both models rank it first
    line = next(x for x in printed.splitlines() if x.startswith("sensational ")
                and " both " in x)
    assert float(line.split("Spearman ")[1].split()[0]) > 0.5


def test_a_later_draw_leaves_out_the_headlines_already_graded(cb, tmp_path, capsys):
    data = write_data(tmp_path / "data")
    first = tmp_path / "first"
    cb.sample(data, first, size=2, seed=25)
    drawn = json.loads((first / "draw.json").read_text(encoding="utf-8"))
    grades = tmp_path / "g.txt"
    grades.write_text("".join(f"{d['n']} 0\n" for d in drawn), encoding="utf-8")
    cb.export(first, {"g1": grades}, tmp_path / "graded.tsv")
    second = tmp_path / "second"
    cb.sample(data, second, size=2, seed=26, exclude=[tmp_path / "graded.tsv"])
    assert "left out 4 headlines already graded" in capsys.readouterr().out
    again = json.loads((second / "draw.json").read_text(encoding="utf-8"))
    assert {(d["set"], d["key"]) for d in again}.isdisjoint({(d["set"], d["key"]) for d in drawn})
    assert len(again) == 2  # all that is left: PolNeAR's two others, none of GVFC's
