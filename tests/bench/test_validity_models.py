"""The harness's rows for the trained models, on small synthetic sets written here."""

import gzip
import itertools
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

# Everything below is made up for this test; no line comes from any data set.
GOOD = ["a wonderful success", "a generous gift", "a joyful celebration", "a brilliant win",
        "a warm welcome", "a happy reunion"]
BAD = ["a horrible disaster", "a cruel attack", "a deadly crash", "a bitter defeat",
       "a painful loss", "a violent riot"]
PLAIN = ["a meeting on Tuesday", "a report on budgets", "a vote next week",
         "a hearing in March", "a survey of farms", "a list of roads"]
PLACES = ["the town", "the city", "the valley", "the port", "the county", "the island"]

BAIT = ["{n} Things You Will Love About {p}", "You Won't Believe What Happened In {p}",
        "This Is Why {p} Is The Best Place Ever", "Here's What Nobody Tells You About {p}",
        "Can You Guess Which {p} This Is?"]
NEWS = ["Council approves budget for {p}", "Flooding closes roads in {p}",
        "Police investigate robbery in {p}", "Minister visits {p} after storm",
        "Court rules on land dispute in {p}"]
TOWNS = ["Leeds", "Dayton", "Perth", "Tulsa", "Graz", "Lyon"]


def nyt_lines() -> list[str]:
    lines = []
    for article in range(1, 13):
        place = PLACES[article % len(PLACES)]
        for j, (phrases, rating) in enumerate(((GOOD, 2.4), (BAD, -2.6), (PLAIN, 0.1))):
            phrase = phrases[(article + j) % len(phrases)]
            value = rating + 0.1 * ((article * 7 + j) % 5 - 2)
            lines.append(f"{article}_{j + 1}\t{value:.2f}\tIt was {phrase} for {place}.")
    return lines


def headlines(templates: list[str]) -> list[str]:
    return [t.format(n=n, p=p) for (t, p), n in
            zip(itertools.product(templates, TOWNS), itertools.cycle((7, 11, 17)), strict=False)]


def write_xlsx(path: Path, titles: list[str]) -> None:
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    strings = ["news_title", *titles]
    shared = "".join(f"<si><t>{escape(s)}</t></si>" for s in strings)
    rows = "".join(f'<row r="{i + 1}"><c r="A{i + 1}" t="s"><v>{i}</v></c></row>'
                   for i in range(len(strings)))
    with zipfile.ZipFile(path, "w") as book:
        book.writestr("xl/sharedStrings.xml", f'<sst xmlns="{ns}">{shared}</sst>')
        book.writestr("xl/worksheets/sheet1.xml",
                      f'<worksheet xmlns="{ns}"><sheetData>{rows}</sheetData></worksheet>')


def write_data(root: Path) -> Path:
    (root / "vader-nyt").mkdir(parents=True)
    (root / "vader-nyt" / "nyt_train.tsv").write_text("\n".join(nyt_lines()) + "\n",
                                                      encoding="utf-8")
    clickbait = root / "clickbait-chakraborty2016"
    clickbait.mkdir()
    for name, lines in (("clickbait_data.gz", headlines(BAIT)),
                        ("non_clickbait_data.gz", headlines(NEWS))):
        with gzip.open(clickbait / name, "wt", encoding="utf-8") as handle:
            handle.write("\n\n".join(lines) + "\n")  # blank lines, as in the real files
    meta = root / "polnear" / "data"
    meta.mkdir(parents=True)
    rows = ["compartment\tfilename\tpublisher\ttitle",
            "train\ta\tviral-daily\tYou Won't Believe What This Senator Said",
            "train\tb\tviral-daily\t9 Things You Need To Know About The Debate",
            "train\tc\tsober-times\tSenate passes farm bill after long debate",
            "train\td\tsober-times\tGovernor signs budget into law",
            "train\te\tparc\tNot a PolNeAR publisher"]
    (meta / "metadata.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (root / "gvfc").mkdir()
    write_xlsx(root / "gvfc" / "GVFC_headlines_and_annotations.xlsx",
               ["Gunman kills two in Dayton", "This Is Why Everyone Is Talking About Guns"])
    return root


#: Two graders' grades (0-3) of the synthetic headlines above: (set, key) -> grades.
GRADES = {("polnear", "a"): (3, 3), ("polnear", "b"): (2, 3), ("polnear", "c"): (0, 0),
          ("polnear", "d"): (0, 1), ("gvfc", "0"): (0, 0), ("gvfc", "1"): (3, 2)}


#: A second draw's grades: other graders, the same made-up headlines graded a little apart.
SECOND = {key: (min(3, a + 1), b) for key, (a, b) in GRADES.items()}


def write_grades(path: Path, data: Path, grades=GRADES) -> Path:
    """A grades file as bench/clickbait_grades.py exports it, for the headlines of data."""
    from tests.bench.conftest import load_bench_script

    cb = load_bench_script("clickbait_grades")
    texts = {(h.set, h.key): h.text for hs in cb.population(data).values() for h in hs}
    lines = ["# made up for the test", "set\tkey\thash\tgrader1\tgrader2"]
    lines += [f"{s}\t{k}\t{cb.text_hash(texts[s, k])}\t{a}\t{b}"
              for (s, k), (a, b) in grades.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def table(validity, tmp_path_factory):
    data = write_data(tmp_path_factory.mktemp("data"))
    folder = tmp_path_factory.mktemp("labels")
    graded = (("seed 1", write_grades(folder / "grades1.tsv", data)),
              ("seed 2", write_grades(folder / "grades2.tsv", data, SECOND)),
              ("seed 3", folder / "not_graded_yet.tsv"))
    kept, validity.CLICKBAIT_GRADES = validity.CLICKBAIT_GRADES, graded
    try:
        checks = [c for c in validity.CHECKS
                  if c.run.__name__.startswith(("tone_news", "sensational"))]
        assert len(checks) == 5
        rows, skipped = validity.run_checks(data, checks)
        assert skipped == []
        yield rows, validity.run_checks(data, checks)[0], data
    finally:
        validity.CLICKBAIT_GRADES = kept


def test_tone_news_rows_beside_vader_on_the_same_sentences(table):
    rows, _, _ = table
    tone = [r for r in rows if r.measure == "tone_news"]
    vader = [r for r in rows if r.measure == "tone_vader (baseline)"]
    assert [r.data for r in tone] == [r.data for r in vader]
    assert "held-out 20% of articles" in tone[0].data and "nested 5-fold CV" in tone[1].data
    assert all(r.metric == "Pearson r" and r.goal == "r ≥ 0.62" for r in tone)
    # the headline's tone is tone_news too (session 24), validated by the same rows
    assert all(r.keys == ("tone_news_mean", "headline_tone_news") and -1 <= r.value <= 1
               for r in tone)
    assert vader[0].keys == ()
    # The synthetic ratings follow the words closely: both do well, the figure is real.
    assert all(r.value > 0.8 for r in tone)


def test_sensational_rows_give_cv_baseline_and_behaviour(table):
    rows, _, _ = table
    by = {(r.measure, r.data.split(" (")[0]): r for r in rows}
    cv = by[("sensational", "Chakraborty 2016 headlines")]
    assert cv.metric == "accuracy / ROC AUC" and cv.keys == ("headline_sensational",)
    assert cv.goal == ""  # the goal sits on the graded row, which there is
    assert ("sensational baseline: plain TF-IDF LR", "Chakraborty 2016 headlines") in by
    polnear = by[("sensational", "PolNeAR titles")]
    assert polnear.data == "PolNeAR titles (4, 2 outlets)"  # PARC's extra left out
    assert polnear.ours.startswith("viral-daily") and "… sober-times" in polnear.ours
    gvfc = by[("sensational", "GVFC headlines")]
    assert gvfc.data == "GVFC headlines (2)" and gvfc.ours.startswith("mean ")
    assert ("sensational baseline: plain TF-IDF LR", "GVFC headlines") in by


def test_rows_are_the_same_on_every_run(table):
    first, second, _ = table
    assert first == second


def test_graded_headlines_give_spearman_against_the_mean_grade(table, validity):
    from scipy.stats import spearmanr

    from models.sensational import sensational
    from tests.bench.conftest import load_bench_script

    rows, _, data = table
    graded = [r for r in rows if r.metric == "Spearman vs mean grade [95% CI]"]
    ours = [r for r in graded if r.measure == "sensational"]
    plain = [r for r in graded if r.measure.startswith("sensational baseline")]
    # each draw over both sets, then the draws together over both sets and each set alone
    # where it has more than two headlines (GVFC's two have no rank); a draw not graded yet
    # is left out
    assert [r.data.split(", graded")[0] for r in ours] == [
        "4 PolNeAR titles and 2 GVFC headlines (seed 1)",
        "4 PolNeAR titles and 2 GVFC headlines (seed 2)",
        "8 PolNeAR titles and 4 GVFC headlines (seed 1 + seed 2)",
        "8 PolNeAR titles (seed 1 + seed 2)", "4 GVFC headlines (seed 1 + seed 2)"]
    assert "who agree at Spearman" in ours[0].data and "weighted kappa" in ours[1].data
    assert ours[2].data.endswith("graded 0–3 blind by two of our team in each draw")
    assert [r.data for r in plain] == [r.data for r in ours]
    pooled = ours[2]
    # only the row over every draw and both sets validates the measure, with the goal's level
    assert pooled.keys == ("headline_sensational",) and pooled.goal == validity.SENSATIONAL_GOAL
    assert validity.GOAL_LEVELS[pooled.goal] == ("at_least", 0.55)
    # The goal was set for human grades; beside grades made by the team (AI language
    # models) its words said "vs graded human ratings" (session 28's audit).
    assert "human ratings" not in pooled.goal and "the team's" in pooled.goal
    assert all(r.keys == () and r.value is None for r in graded if r is not pooled)
    # the figure is Spearman's rho of the app's score against the mean of the two grades
    texts = {(h.set, h.key): h.text
             for hs in load_bench_script("clickbait_grades").population(data).values()
             for h in hs}
    keys = sorted(GRADES)
    scores = [sensational(texts[k]) for k in keys]
    expected = spearmanr(scores + scores, [sum(GRADES[k]) / 2 for k in keys]
                         + [sum(SECOND[k]) / 2 for k in keys]).statistic
    assert pooled.value == pytest.approx(expected)
    assert pooled.interval is not None and pooled.interval[0] <= pooled.interval[1]
    first = spearmanr(scores, [sum(GRADES[k]) / 2 for k in keys]).statistic
    assert ours[0].ours.startswith(f"{first:.3f} [95% ")


def test_the_draw_graded_after_the_model_was_frozen_carries_the_goal(
        validity, tmp_path, monkeypatch):
    data = write_data(tmp_path / "data")
    monkeypatch.setattr(validity, "CLICKBAIT_GRADES", (
        ("seed 1", write_grades(tmp_path / "grades1.tsv", data)),
        ("seed 2", write_grades(tmp_path / "grades2.tsv", data, SECOND))))
    monkeypatch.setattr(validity, "CLICKBAIT_TEST_DRAW", "seed 2")
    rows = [r for r in validity.sensational_graded(data) if r.measure == "sensational"]
    goal = [r for r in rows if r.keys]
    assert len(goal) == 1 and goal[0].goal == validity.SENSATIONAL_GOAL
    assert goal[0].data.startswith("4 PolNeAR titles and 2 GVFC headlines (seed 2), graded "
                                   "0–3 blind by two of our team after the model was "
                                   "frozen, who agree at Spearman")
    assert goal[0].value is not None and goal[0].interval is not None
    # the pooled rows are still there, without the goal's keys
    assert any("(seed 1 + seed 2)" in r.data and not r.keys for r in rows)


def test_without_graded_headlines_the_check_is_skipped_and_the_goal_not_measurable(
        validity, tmp_path, monkeypatch):
    data = write_data(tmp_path / "data")
    monkeypatch.setattr(validity, "CLICKBAIT_GRADES", (("seed 1", tmp_path / "absent.tsv"),))
    with pytest.raises(validity.SkipCheck, match=r"no graded headlines \(absent\.tsv absent\)"):
        list(validity.sensational_graded(data))
    cv = next(r for r in validity.sensational_chakraborty(data) if r.measure == "sensational")
    assert cv.goal == validity.NO_GRADED


def test_too_small_a_tone_set_says_so(validity, tmp_path):
    (tmp_path / "vader-nyt").mkdir()
    (tmp_path / "vader-nyt" / "nyt_train.tsv").write_text("\n".join(nyt_lines()[:6]) + "\n",
                                                          encoding="utf-8")
    rows = list(validity.tone_news_nyt(tmp_path))
    assert len(rows) == 1 and rows[0].ours == "not run" and "at least 10" in rows[0].reference
