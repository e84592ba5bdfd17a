"""bench/news_hedges.py and validity.py's news-hedge row, on articles and labels written for
these tests (PolNeAR's text never enters the repository or CI)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import ModuleType

import pytest

from tests.bench.conftest import REPO, load_bench_script

ARTICLES = {
    "outlet_2016-09-01_vote": "Vote may slip to next week\n\n"
                              "The vote may be delayed until next week. "
                              "The senator said the bill would pass. "
                              "Some say the poll is wrong.\n",
    "outlet_2016-09-02_rally": "Rally in Ohio\n\n"
                               "The rally begins at noon. "
                               "Trump is likely to win Ohio. "
                               "Clinton spoke in Florida on Monday.\n",
}


@pytest.fixture(scope="module")
def news() -> ModuleType:
    return load_bench_script("news_hedges")


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A data folder shaped like ../shared/data with two short PolNeAR-style articles."""
    folder = tmp_path / "data"
    text = folder / "polnear" / "data" / "dev" / "text"
    text.mkdir(parents=True)
    for stem, body in ARTICLES.items():
        (text / f"{stem}.txt").write_text(body, encoding="utf-8")
    return folder


def test_labels_are_read_with_unsure_marks_and_a_bad_line_names_file_and_line(news, tmp_path):
    good = tmp_path / "hedge16.labels"
    good.write_text("# mine\n0 U\n1 c\n\n2 C ?\n3 U?  # a conditional\n", encoding="utf-8")
    assert news.read_labels(good) == {0: True, 1: False, 2: False, 3: True}
    bad = tmp_path / "lab16.labels"
    bad.write_text("0 U\n1 maybe\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"lab16\.labels, line 2: expected 'N U' or 'N C'"):
        news.read_labels(bad)
    twice = tmp_path / "twice.labels"
    twice.write_text("0 U\n0 C\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"twice\.labels, line 2: sentence 0 labelled twice"):
        news.read_labels(twice)


def test_the_draw_is_stratified_seeded_and_knows_each_stratum_size(news):
    sentences = [news.NewsSentence("a", k * 10, k * 10 + 5, f"sentence {k}") for k in range(30)]
    says = [k < 6 for k in range(30)]  # 6 hedged, 24 plain
    drawn = news.draw(sentences, says, size=10)
    assert drawn == news.draw(sentences, says, size=10)  # seeded
    hedged = [d for d in drawn if d["stratum"] == "detector_hedged"]
    plain = [d for d in drawn if d["stratum"] == "detector_plain"]
    assert (len(hedged), len(plain)) == (4, 6)  # 40% of the draw from the hedged
    assert all(d["detector"] for d in hedged) and not any(d["detector"] for d in plain)
    assert {(d["stratum_size"], d["stratum_drawn"]) for d in hedged} == {(6, 4)}
    assert {(d["stratum_size"], d["stratum_drawn"]) for d in plain} == {(24, 6)}
    assert [d["n"] for d in drawn] == list(range(10))
    assert all(d["hash"] == news.text_hash(sentences[d["start"] // 10].text) for d in drawn)
    small = news.draw(sentences, says, size=40)  # a stratum smaller than its share: all of it
    assert sum(d["stratum"] == "detector_hedged" for d in small) == 6


def test_figures_weigh_each_stratum_by_its_size(news):
    item = news.Item
    items = [
        item(True, True, "detector_hedged", 4),    # found
        item(True, False, "detector_hedged", 4),   # false alarm
        item(False, True, "detector_plain", 20),   # missed: counts for ten
        item(False, False, "detector_plain", 20),
    ]
    got = news.figures(items, repeats=200)
    assert got.precision == 0.5
    assert got.recall == pytest.approx(2 / 12)
    assert got.f1 == pytest.approx(2 * 0.5 * (2 / 12) / (0.5 + 2 / 12))
    assert got == news.figures(items, repeats=200)  # seeded


def _draw_folder(news, data: Path, out: Path) -> list[dict]:
    """sample's files for the test articles, as the command writes them."""
    out.mkdir()
    assert news.sample(data, out, size=4) == 0
    return json.loads((out / "draw.json").read_text(encoding="utf-8"))


def test_sample_writes_only_sentences_to_label_and_the_key_apart(news, data, tmp_path):
    drawn = _draw_folder(news, data, tmp_path / "draw")
    blocks = (tmp_path / "draw" / "draw.txt").read_text(encoding="utf-8").strip().split("\n\n")
    assert [b.splitlines()[0] for b in blocks] == ["#0", "#1", "#2", "#3"]
    body = {s for text in ARTICLES.values() for s in text.split("\n\n")[1].strip().split(". ")}
    for block in blocks:  # the sentence and nothing else: no stratum, no cue
        assert len(block.splitlines()) == 2
        assert block.splitlines()[1].rstrip(".") in {s.rstrip(".") for s in body}
    hedged = [d for d in drawn if d["detector"]]
    assert hedged and all(d["cues"] for d in hedged)
    assert {d["stratum_size"] for d in drawn if not d["detector"]} == {6 - len(
        [s for s in news.dev_sentences(data) if news.detector_says(s.text)])}


def test_sample_draws_from_the_train_split_with_its_own_seed(news, data, tmp_path):
    train = data / "polnear" / "data" / "train" / "text"
    train.mkdir(parents=True)
    (train / "outlet_2016-10-01_debate.txt").write_text(
        "Debate tonight\n\nThe debate starts at nine. Many believe it could decide the race. "
        "The hall holds 500 people. Clinton may attack early.\n", encoding="utf-8")
    out = tmp_path / "fresh"
    assert news.main(["sample", "--out", str(out), "--data", str(data), "--split", "train",
                      "--seed", "17", "--size", "3"]) == 0
    drawn = json.loads((out / "draw.json").read_text(encoding="utf-8"))
    assert {d["article"] for d in drawn} == {"outlet_2016-10-01_debate"}  # no dev article
    assert {d["split"] for d in drawn} == {"train"}
    first = (out / "draw.txt").read_text(encoding="utf-8")
    assert news.main(["sample", "--out", str(out), "--data", str(data), "--split", "train",
                      "--seed", "17", "--size", "3"]) == 0
    assert (out / "draw.txt").read_text(encoding="utf-8") == first  # seeded
    assert news.main(["sample", "--out", str(tmp_path / "none"), "--data", str(tmp_path),
                      "--split", "train"]) == 1  # no train text there: refused


def test_a_later_draw_leaves_out_the_sentences_an_earlier_draw_labelled(news, data, tmp_path,
                                                                      capsys):
    first = _draw_folder(news, data, tmp_path / "first")
    labels = tmp_path / "a.labels"
    labels.write_text("".join(f"{d['n']} C\n" for d in first), encoding="utf-8")
    earlier = tmp_path / "earlier.tsv"
    assert news.main(["export", "--out", str(tmp_path / "first"), "--labels", f"a={labels}",
                      f"b={labels}", "--to", str(earlier)]) == 0
    out = tmp_path / "later"
    assert news.main(["sample", "--out", str(out), "--data", str(data), "--size", "6",
                      "--seed", "18", "--exclude", str(earlier)]) == 0
    assert "left out 4 of the 4 sentences" in capsys.readouterr().out
    later = json.loads((out / "draw.json").read_text(encoding="utf-8"))
    seen = {(d["article"], d["start"]) for d in first}
    assert len(later) == 2 and not seen & {(d["article"], d["start"]) for d in later}
    assert sum({d["stratum"]: d["stratum_size"] for d in later}.values()) == 2  # 6 - 4 left

    broken = tmp_path / "broken.tsv"
    broken.write_text("article\tstart\n", encoding="utf-8")
    for bad, reason in ((broken, r"broken\.tsv, line 1: expected the header"),
                        (tmp_path / "absent.tsv", r"absent\.tsv: cannot read")):
        assert news.main(["sample", "--out", str(tmp_path / "refused"), "--data", str(data),
                          "--exclude", str(bad)]) == 1
        assert re.search(reason, capsys.readouterr().err)
        assert not (tmp_path / "refused" / "draw.txt").exists()
    other = tmp_path / "other_split.tsv"
    other.write_text(earlier.read_text(encoding="utf-8").replace("outlet_", "elsewhere_"),
                     encoding="utf-8")
    assert news.main(["sample", "--out", str(tmp_path / "refused"), "--data", str(data),
                      "--exclude", str(other)]) == 1
    assert "none of the 4 sentences" in capsys.readouterr().err


def test_sampling_refuses_to_write_text_into_the_repository(news, capsys):
    assert news.main(["sample", "--out", str(REPO / "bench" / "labels" / "draw")]) == 1
    assert "outside the repository" in capsys.readouterr().err
    assert not (REPO / "bench" / "labels" / "draw").exists()


def test_the_exported_labels_hold_no_text_and_find_it_again_in_the_data(news, data, tmp_path):
    drawn = _draw_folder(news, data, tmp_path / "draw")
    mine, theirs = tmp_path / "a.labels", tmp_path / "b.labels"
    mine.write_text("".join(f"{d['n']} {'U' if d['detector'] else 'C'}\n" for d in drawn),
                    encoding="utf-8")
    theirs.write_text("0 U\n1 U\n2 U\n", encoding="utf-8")  # one sentence not labelled
    to = tmp_path / "labels.tsv"
    assert news.main(["export", "--out", str(tmp_path / "draw"), "--labels", f"a={mine}",
                      f"b={theirs}", "--to", str(to)]) == 0
    written = to.read_text(encoding="utf-8")
    for text in ARTICLES.values():
        for sentence in text.split("\n\n")[1].strip().split(". "):
            assert sentence.rstrip(".") not in written
    rows = news.read_labels_file(to)
    assert len(rows) == 4 and news.labeller_names(rows) == ["a", "b"]
    assert sum(len(r.labels) for r in rows) == 7
    texts, problems = news.texts_from_data(rows, data)
    assert problems == [] and all(news.text_hash(t) == r.hash for t, r in zip(texts, rows, strict=True))

    changed = rows[0].article
    path = data / "polnear" / "data" / "dev" / "text" / f"{changed}.txt"
    path.write_text(path.read_text(encoding="utf-8").upper(), encoding="utf-8")
    texts, problems = news.texts_from_data(rows, data)
    moved = [r for r in rows if r.article == changed]
    assert sum(t is None for t in texts) == len(moved)
    assert len(problems) == len(moved) and "no longer matches its hash" in problems[0]
    path.unlink()
    texts, problems = news.texts_from_data(rows, data)
    assert sum(t is None for t in texts) == len(moved)
    assert str(path) in problems[0]


def test_a_bad_labels_file_names_its_line(news, tmp_path):
    path = tmp_path / "labels.tsv"
    header = "\t".join((*news.HEADER, "a"))
    path.write_text(f"# comment\n{header}\nx\t1\t5\tabc\tdetector_plain\t10\t2\tmaybe\n",
                    encoding="utf-8")
    with pytest.raises(ValueError, match=r"labels\.tsv, line 3: expected 8 tab-separated"):
        news.read_labels_file(path)
    path.write_text("article\tstart\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"labels\.tsv, line 1: expected the header"):
        news.read_labels_file(path)


def test_validity_scores_the_detector_as_shipped_on_the_labels(news, validity, data, tmp_path,
                                                              monkeypatch, capsys):
    drawn = _draw_folder(news, data, tmp_path / "draw")
    # Labeller a agrees with the detector everywhere; b calls every sentence uncertain.
    a, b = tmp_path / "a.labels", tmp_path / "b.labels"
    a.write_text("".join(f"{d['n']} {'U' if d['detector'] else 'C'}\n" for d in drawn),
                 encoding="utf-8")
    b.write_text("".join(f"{d['n']} U\n" for d in drawn), encoding="utf-8")
    labels = tmp_path / "labels.tsv"
    news.export(tmp_path / "draw", {"a": a, "b": b}, labels)
    monkeypatch.setattr(validity, "NEWS_LABELS", labels)

    rows = list(validity.hedging_news_labelled(data))
    assert [r.data.rsplit(";", 1)[-1].strip() for r in rows[:2]] == ["labels: a)", "labels: b)"]
    assert rows[0].ours.startswith("1.000 [95% 1.000–1.000] (P 1.000 / R 1.000)")
    # the dev labels chose session 17's rules: in-sample, in the table only
    assert "PolNeAR dev news sentences, in-sample (" in rows[2].data
    assert rows[0].keys == () and rows[2].keys == () and rows[2].value is None
    hedged = sum(d["detector"] for d in drawn)
    assert f"the {hedged} of 4 on which a and b agree" in rows[2].data
    assert "Cohen's kappa 0.00" in rows[2].data
    assert rows[2].ours.startswith("1.000") and rows[2].goal == "F1 ≥ 0.65"

    path = data / "polnear" / "data" / "dev" / "text" / f"{drawn[0]['article']}.txt"
    path.write_text("X" + path.read_text(encoding="utf-8"), encoding="utf-8")
    rows = list(validity.hedging_news_labelled(data))
    err = capsys.readouterr().err
    assert "no longer matches its hash" in err and "; left out" in err
    moved = sum(d["article"] == drawn[0]["article"] for d in drawn)
    assert f"({4 - moved} of 4 hand-labelled" in rows[0].data

    path.unlink()
    (path.parent / "other.txt").write_text("Nothing labelled here.\n", encoding="utf-8")
    for other in path.parent.glob("outlet_*.txt"):
        other.unlink()
    with pytest.raises(validity.SkipCheck, match=r"none of the 4 sentences of labels\.tsv is in"):
        list(validity.hedging_news_labelled(data))


def test_the_fresh_draws_pooled_are_the_figure_the_methods_page_shows(news, validity, data,
                                                                       tmp_path, monkeypatch):
    train = data / "polnear" / "data" / "train" / "text"
    train.mkdir(parents=True)
    for stem, body in ARTICLES.items():  # the same articles, now as train ones
        (train / f"{stem}.txt").write_text(body, encoding="utf-8")
    files, draws = [], []
    for seed, label_of in ((21, lambda d: "U" if d["detector"] else "C"),  # all right
                           (22, lambda d: "U")):  # everything uncertain: misses
        out = tmp_path / f"fresh{seed}"
        assert news.main(["sample", "--out", str(out), "--data", str(data), "--split",
                          "train", "--seed", str(seed), "--size", "4"]) == 0
        drawn = json.loads((out / "draw.json").read_text(encoding="utf-8"))
        a = tmp_path / f"a{seed}.labels"
        a.write_text("".join(f"{d['n']} {label_of(d)}\n" for d in drawn), encoding="utf-8")
        labels = tmp_path / f"train{seed}.tsv"
        news.export(out, {"a": a, "b": a}, labels)
        assert "polnear/data/train/text" in labels.read_text(encoding="utf-8")
        files.append(labels)
        draws.append([(d, label_of(d) == "U") for d in drawn])
    for name in ("NEWS_TRAIN_SEED20_LABELS", "NEWS_TRAIN_SEED19_LABELS",
                 "NEWS_TRAIN_SEED18_LABELS", "NEWS_TRAIN_LABELS", "NEWS_TRAIN_SEED21_LABELS"):
        monkeypatch.setattr(validity, name, files[0])
    monkeypatch.setattr(validity, "NEWS_TRAIN_SEED22_LABELS", files[1])
    monkeypatch.setattr(validity, "FRESH_NEWS_DRAWS", (("seed 21", files[0]),
                                                       ("seed 22", files[1])))
    # each fresh draw alone: in the table only (session 25 pools them)
    for check, seed in ((validity.hedging_news_labelled_train_seed21, 21),
                        (validity.hedging_news_labelled_train_seed22, 22)):
        rows = list(check(data))
        assert (f"PolNeAR train news sentences, seed {seed}, fresh draw (4 hand-labelled"
                in rows[2].data)
        assert all(r.keys == () and r.value is None for r in rows)
    (pooled,) = validity.hedging_news_fresh_pooled(data)
    assert pooled.keys == validity.HEDGE_KEYS and pooled.goal == validity.HEDGE_GOAL_NEWS
    assert "fresh draws seed 21 + seed 22 pooled (the 8 of 8 hand-labelled" in pooled.data
    # the pooled counts are the mean of each draw's counts weighted to the population
    tp = predicted = actual = 0.0
    for drawn in draws:
        per_stratum = {}
        for d, _ in drawn:
            per_stratum[d["stratum"]] = per_stratum.get(d["stratum"], 0) + 1
        for d, truth in drawn:
            weight = d["stratum_size"] / per_stratum[d["stratum"]] / len(draws)
            tp += weight * (d["detector"] and truth)
            predicted += weight * d["detector"]
            actual += weight * truth
    assert pooled.value == pytest.approx(2 * tp / (predicted + actual))
    assert pooled.value < 1.0 and pooled.interval[0] <= pooled.value <= pooled.interval[1]
    # session 17's draw chose session 18's rules, session 18's chose session 19's,
    # session 20's were chosen on all four earlier draws, and session 21's on all five:
    # in-sample, in the table only
    for check, seed in ((validity.hedging_news_labelled_train, 17),
                        (validity.hedging_news_labelled_train_seed18, 18),
                        (validity.hedging_news_labelled_train_seed19, 19),
                        (validity.hedging_news_labelled_train_seed20, 20)):
        rows = list(check(data))
        assert (f"PolNeAR train news sentences, seed {seed}, in-sample (4 hand-labelled"
                in rows[2].data)
        assert all(r.keys == () and r.value is None for r in rows)
    monkeypatch.setattr(validity, "FRESH_NEWS_DRAWS", (("seed 21", files[0]),))
    with pytest.raises(validity.SkipCheck, match="fewer than two fresh draws"):
        list(validity.hedging_news_fresh_pooled(data))
    for path in train.glob("*.txt"):  # the train text, not the dev one, is read
        path.unlink()
    with pytest.raises(validity.SkipCheck, match=r"none of the 4 sentences of train21\.tsv"):
        list(validity.hedging_news_labelled_train_seed21(data))


def test_a_draw_labelled_by_one_labeller_is_shown_from_that_labeller(news, validity, data,
                                                                    tmp_path, monkeypatch):
    """A draw may ship with one labeller (a second one's column is added when it arrives):
    when the draw is the one shown, its single row is the one the Methods page shows."""
    train = data / "polnear" / "data" / "train" / "text"
    train.mkdir(parents=True)
    for stem, body in ARTICLES.items():
        (train / f"{stem}.txt").write_text(body, encoding="utf-8")
    out = tmp_path / "fresh"
    assert news.main(["sample", "--out", str(out), "--data", str(data), "--split", "train",
                      "--seed", "21", "--size", "4"]) == 0
    drawn = json.loads((out / "draw.json").read_text(encoding="utf-8"))
    a = tmp_path / "a.labels"
    a.write_text("".join(f"{d['n']} {'U' if d['detector'] else 'C'}\n" for d in drawn),
                 encoding="utf-8")
    labels = tmp_path / "one.tsv"
    news.export(out, {"lab21": a}, labels)
    rows = list(validity._news_hedge_rows(data, labels, "train", "one", ", fresh draw",
                                          shown=True))
    assert len(rows) == 1 and "labels: lab21)" in rows[0].data
    assert rows[0].keys == validity.HEDGE_KEYS and rows[0].value == 1.0
    monkeypatch.setattr(validity, "NEWS_TRAIN_SEED20_LABELS", labels)
    rows = list(validity.hedging_news_labelled_train_seed20(data))
    assert len(rows) == 1 and rows[0].keys == () and rows[0].value is None


def test_validity_skips_the_news_check_with_a_message_when_its_articles_are_absent(
        validity, tmp_path):
    checks = validity.select_checks(validity.CHECKS, ["labelled"])
    assert [c.run.__name__ for c in checks] == ["hedging_news_labelled",
                                                "hedging_news_labelled_train",
                                                "hedging_news_labelled_train_seed18",
                                                "hedging_news_labelled_train_seed19",
                                                "hedging_news_labelled_train_seed20",
                                                "hedging_news_labelled_train_seed21",
                                                "hedging_news_labelled_train_seed22"]
    rows, skipped = validity.run_checks(tmp_path, checks)
    assert rows == [] and "polnear/data/dev/text is absent" in skipped[0]
    assert "polnear/data/train/text is absent" in skipped[1]
    assert "polnear/data/train/text is absent" in skipped[2]
    assert "polnear/data/train/text is absent" in skipped[3]
    assert "polnear/data/train/text is absent" in skipped[4]
    assert "polnear/data/train/text is absent" in skipped[5]
    assert "polnear/data/train/text is absent" in skipped[6]
    (tmp_path / "polnear" / "data" / "dev" / "text").mkdir(parents=True)
    (tmp_path / "polnear" / "data" / "train" / "text").mkdir(parents=True)
    rows, skipped = validity.run_checks(tmp_path, checks)
    assert rows == [] and skipped[0].startswith(
        "skipped hedging_news_labelled: none of the 400 sentences of "
        "news_hedges_polnear_dev.tsv is in")
    assert skipped[1].startswith(
        "skipped hedging_news_labelled_train: none of the 300 sentences of "
        "news_hedges_polnear_train.tsv is in")
    assert skipped[2].startswith(
        "skipped hedging_news_labelled_train_seed18: none of the 300 sentences of "
        "news_hedges_polnear_train_seed18.tsv is in")
    assert skipped[3].startswith(
        "skipped hedging_news_labelled_train_seed19: none of the 300 sentences of "
        "news_hedges_polnear_train_seed19.tsv is in")
    assert skipped[4].startswith(
        "skipped hedging_news_labelled_train_seed20: none of the 300 sentences of "
        "news_hedges_polnear_train_seed20.tsv is in")
    assert skipped[5].startswith(
        "skipped hedging_news_labelled_train_seed21: none of the 300 sentences of "
        "news_hedges_polnear_train_seed21.tsv is in")
    assert skipped[6].startswith(
        "skipped hedging_news_labelled_train_seed22: none of the 300 sentences of "
        "news_hedges_polnear_train_seed22.tsv is in")


def test_the_committed_labels_file_reads(news):
    rows = news.read_labels_file(news.DEFAULT_LABELS)
    assert len(rows) == 400 and news.population(rows) == 3243
    assert news.labeller_names(rows) == ["hedge16", "lab16"]
    fresh = news.read_labels_file(REPO / "bench" / "labels" / "news_hedges_polnear_train.tsv")
    assert len(fresh) == 300 and news.population(fresh) == 29632
    assert news.labeller_names(fresh) == ["hedge17", "lab17"]
    seed18 = news.read_labels_file(REPO / "bench" / "labels"
                                   / "news_hedges_polnear_train_seed18.tsv")
    assert len(seed18) == 300 and news.population(seed18) == 29632 - 300  # seed 17's left out
    assert news.labeller_names(seed18) == ["hedge18", "lab18"]
    assert not {(r.article, r.start) for r in fresh} & {(r.article, r.start) for r in seed18}
    seed19 = news.read_labels_file(REPO / "bench" / "labels"
                                   / "news_hedges_polnear_train_seed19.tsv")
    assert len(seed19) == 300 and news.population(seed19) == 29632 - 600  # 17's, 18's left out
    assert news.labeller_names(seed19) == ["hedge19", "lab19"]
    earlier = {(r.article, r.start) for r in fresh + seed18}
    assert not earlier & {(r.article, r.start) for r in seed19}
    # seed 20 (session 20): drawn from the 29,511 body sentences the reader now finds, with
    # the 898 of the earlier draws' 900 train sentences still found there left out
    seed20 = news.read_labels_file(REPO / "bench" / "labels"
                                   / "news_hedges_polnear_train_seed20.tsv")
    assert len(seed20) == 300 and news.population(seed20) == 29511 - 898
    assert news.labeller_names(seed20) == ["hedge20", "lab20"]
    earlier |= {(r.article, r.start) for r in seed19}
    assert not earlier & {(r.article, r.start) for r in seed20}


def test_an_export_of_reading_b_says_so_in_its_header_and_reads_the_same(news, data, tmp_path):
    drawn = _draw_folder(news, data, tmp_path / "draw")
    mine = tmp_path / "a.labels"
    mine.write_text("".join(f"{d['n']} {'U' if d['detector'] else 'C'}\n" for d in drawn),
                    encoding="utf-8")
    a, b = tmp_path / "a.tsv", tmp_path / "b.tsv"
    assert news.main(["export", "--out", str(tmp_path / "draw"), "--labels", f"x={mine}",
                      "--to", str(a)]) == 0
    assert news.main(["export", "--out", str(tmp_path / "draw"), "--labels", f"x={mine}",
                      "--to", str(b), "--reading", "B"]) == 0
    first_a, first_b = (p.read_text(encoding="utf-8").splitlines()[:2] for p in (a, b))
    assert "presents it as not certain" in first_a[0] and "U uncertain, C certain" in first_a[1]
    assert "reading B" in first_b[0] and "not certain" not in first_b[0]
    assert "U contains a hedge, C contains none" in first_b[1]
    assert a.read_text(encoding="utf-8").splitlines()[2:] == \
        b.read_text(encoding="utf-8").splitlines()[2:]
    assert news.read_labels_file(a) == news.read_labels_file(b)


def test_the_seed_20_labels_files_read_and_hold_no_earlier_sentence(news):
    """Session 20's draw (seed 20), labelled twice: reading A (uncertainty) and reading B
    (contains a hedge as Framescope defines one), the same sentences in the same order."""
    folder = REPO / "bench" / "labels"
    seed20 = news.read_labels_file(folder / "news_hedges_polnear_train_seed20.tsv")
    seed20_b = news.read_labels_file(folder / "news_hedges_polnear_train_seed20_B.tsv")
    # drawn from the 29,511 train body sentences the reader gave at ac7627a, less the 898
    # of seeds 17-19 still found among them
    assert len(seed20) == 300 and news.population(seed20) == 29511 - 898
    assert news.labeller_names(seed20) == news.labeller_names(seed20_b) == ["hedge20", "lab20"]
    assert [(r.article, r.start, r.end, r.hash) for r in seed20] == \
        [(r.article, r.start, r.end, r.hash) for r in seed20_b]
    assert "reading B" in (folder / "news_hedges_polnear_train_seed20_B.tsv").read_text(
        encoding="utf-8").splitlines()[0]
    earlier = set()
    for name in ("train", "train_seed18", "train_seed19"):
        earlier |= {(r.article, r.start)
                    for r in news.read_labels_file(folder / f"news_hedges_polnear_{name}.tsv")}
    assert not earlier & {(r.article, r.start) for r in seed20}


def test_the_seed_21_labels_files_read_and_hold_no_earlier_sentence(news):
    """Session 21's draw (seed 21), labelled blind under reading A and, in a second pass,
    reading B: the same sentences in the same order, none of an earlier draw's."""
    folder = REPO / "bench" / "labels"
    seed21 = news.read_labels_file(folder / "news_hedges_polnear_train_seed21.tsv")
    seed21_b = news.read_labels_file(folder / "news_hedges_polnear_train_seed21_B.tsv")
    # drawn from the 29,139 train body sentences the reader gave at 0d98303, less the
    # 1,181 of seeds 17-20 still found among them
    assert len(seed21) == 300 and news.population(seed21) == 29139 - 1181
    assert sorted({r.stratum_drawn for r in seed21}) == [120, 180]
    # reading A by two labellers (lab21b labelled the blind export second_A.txt), B by one
    assert news.labeller_names(seed21) == ["lab21", "lab21b"]
    assert news.labeller_names(seed21_b) == ["lab21"]
    assert all(len(r.labels) == 2 for r in seed21) and all(len(r.labels) == 1 for r in seed21_b)
    assert [(r.article, r.start, r.end, r.hash) for r in seed21] == \
        [(r.article, r.start, r.end, r.hash) for r in seed21_b]
    first_a, first_b = ((folder / name).read_text(encoding="utf-8").splitlines()[0]
                        for name in ("news_hedges_polnear_train_seed21.tsv",
                                     "news_hedges_polnear_train_seed21_B.tsv"))
    assert "presents it as not certain" in first_a and "reading B" in first_b
    earlier = [r for name in ("train", "train_seed18", "train_seed19", "train_seed20")
               for r in news.read_labels_file(folder / f"news_hedges_polnear_{name}.tsv")]
    # no sentence of seed 21 is, or overlaps, one labelled before
    for row in seed21:
        assert not any(e.article == row.article and e.start < row.end and row.start < e.end
                       for e in earlier)
