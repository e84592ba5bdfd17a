"""Own voice vs quoted: which hedges and boosters are inside a direct quotation
(models.voice), the measures that split them, and their columns in the CSV files."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from models.evidence import measure_sentences
from models.export import (
    SCORES_COLUMNS,
    SPANS_COLUMNS,
    outlets_columns,
    write_outlets_csv,
    write_scores_csv,
    write_spans_csv,
)
from models.features import analyze_article, article_from_text
from models.measures import measure
from models.pipeline import analyze_paths
from models.voice import quoted_flags
from tests.models.conftest import SEEDS


def voices(text: str) -> list[tuple[str, bool]]:
    """(hedge or booster text, inside a quotation) for every certainty cue of ``text``."""
    article = article_from_text(text)
    spans = [s for s in analyze_article(article).spans if s.category in ("hedge", "booster")]
    return list(zip((s.text for s in spans), quoted_flags(article, spans), strict=True))


@pytest.mark.parametrize(
    "text, expected",
    [
        # curly quotes, the speaker after
        ("“Russia will probably fail,” the ministry said. The war is likely to go on.",
         [("probably", True), ("likely", False)]),
        # straight quotes
        ('"Russia will probably fail," the ministry said. The war is likely to go on.',
         [("probably", True), ("likely", False)]),
        # two apostrophes (the NYT's house style) open and close a quotation
        ("''Russia will probably fail,'' the ministry said. The war is likely to go on.",
         [("probably", True), ("likely", False)]),
        # a quotation opened in one sentence and closed two sentences later covers all three
        ("“The state is probably banning them. It may also jail them. Officials might "
         "resign anyway,” the ministry said. The war may last years.",
         [("probably", True), ("may", True), ("might", True), ("may", False)]),
        # a paragraph break ends a quotation left open
        ("“The talks may fail, he said.\n\nThe war may last years.",
         [("may", True), ("may", False)]),
        # single quotes inside a double-quoted passage are inside it anyway
        ("“The so-called ‘peace plan’ will probably fail,” he said.",
         [("probably", True)]),
        # apostrophes are no quotation marks
        ("Putin’s aides probably know it; the ministry’s view may differ.",
         [("probably", False), ("may", False)]),
        # a passage in single quotes alone (British style) is a quotation too; the
        # apostrophe (above) does not close one
        ("The ministry called it ‘probably the worst deal’. Putin’s aides may disagree.",
         [("probably", True), ("may", False)]),
        # scare quotes or a partial quotation of one or two words: quoted
        ("The ministry called the strike “likely” on Monday. It was clearly planned.",
         [("likely", True), ("clearly", False)]),
        ("Officials described a “possible link” to the blast, which clearly shocked them.",
         [("possible", True), ("clearly", False)]),
    ],
)
def test_certainty_cues_inside_quotation_marks_are_quoted(
    text: str, expected: list[tuple[str, bool]]
) -> None:
    assert [(t.casefold(), q) for t, q in voices(text)] == expected


def test_own_and_quoted_rates_split_the_total() -> None:
    text = ("“The state is probably banning them. It may also jail them,” the ministry said. "
            "The war may last years. It clearly will.")
    scores = analyze_article(article_from_text(text)).scores
    words = scores.words
    assert scores.hedges_epistemic_per_100w == pytest.approx(300 / words)
    assert scores.hedges_epistemic_quoted_per_100w == pytest.approx(200 / words)
    assert scores.hedges_epistemic_own_per_100w == pytest.approx(100 / words)
    assert scores.boosters_own_per_100w == pytest.approx(100 / words)
    assert scores.boosters_quoted_per_100w == 0


def test_negated_hedges_are_in_neither_split() -> None:
    scores = analyze_article(article_from_text("“It may not rain,” he said. It may snow.")).scores
    assert scores.hedges_epistemic_quoted_per_100w == 0
    assert scores.hedges_epistemic_own_per_100w == scores.hedges_epistemic_per_100w > 0


def test_on_the_seeds_own_plus_quoted_is_the_total_and_the_mod_report_mostly_quotes() -> None:
    analyses = analyze_paths([SEEDS]).analyses
    for a in analyses:
        s = a.scores
        for stem in ("hedges_epistemic", "hedges_evidential", "boosters"):
            total = getattr(s, f"{stem}_per_100w")
            own = getattr(s, f"{stem}_own_per_100w")
            quoted = getattr(s, f"{stem}_quoted_per_100w")
            assert own + quoted == pytest.approx(total), (a.outlet, stem)
    mod = next(a.scores for a in analyses if a.outlet == "MoD-based report")
    # ux18's finding: most of its epistemic hedges are the Ministry of Defence's own words;
    # since audit25 all are (its one own 'might' was an idea entertained, no estimate)
    assert mod.hedges_epistemic_quoted_per_100w > mod.hedges_epistemic_own_per_100w >= 0


def test_the_new_measures_are_defined_and_only_own_voice_is_compared() -> None:
    for stem in ("hedges_epistemic", "hedges_evidential", "boosters"):
        own, quoted = measure(f"{stem}_own_per_100w"), measure(f"{stem}_quoted_per_100w")
        assert own.comparable and not quoted.comparable
        for m in (own, quoted):
            assert "quotation" in m.definition and m.citation and m.unit == "per 100 words"


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_scores_and_spans_csv_gain_the_columns_at_the_end(tmp_path: Path) -> None:
    text = "“Russia will probably fail,” the ministry said. The war is likely to go on."
    analyses = [analyze_article(article_from_text(text, "a"))]
    write_scores_csv(tmp_path / "scores.csv", analyses)
    write_spans_csv(tmp_path / "spans.csv", analyses)
    at = SCORES_COLUMNS.index("sources_named_people")  # added after them
    assert SCORES_COLUMNS[at - 6:at] == (
        "hedges_epistemic_own_per_100w", "hedges_epistemic_quoted_per_100w",
        "hedges_evidential_own_per_100w", "hedges_evidential_quoted_per_100w",
        "boosters_own_per_100w", "boosters_quoted_per_100w",
    )
    assert SPANS_COLUMNS[-2:] == ("quoted", "reported")
    (row,) = _rows(tmp_path / "scores.csv")
    assert float(row["hedges_epistemic_own_per_100w"]) > 0
    assert float(row["hedges_epistemic_quoted_per_100w"]) > 0
    hedges = {r["text"]: (r["quoted"], r["reported"]) for r in _rows(tmp_path / "spans.csv")
              if r["category"] == "hedge"}
    assert hedges == {"probably": ("1", "0"), "likely": ("0", "0")}


def test_the_sentences_behind_own_and_quoted_rates() -> None:
    text = "“Russia will probably fail,” the ministry said. The war is likely to go on."
    analysis = analyze_article(article_from_text(text))
    quoted = measure_sentences(analysis, "hedges_epistemic_quoted_per_100w")
    own = measure_sentences(analysis, "hedges_epistemic_own_per_100w")
    assert [r.sentence_index for r in quoted] == [0]
    assert [r.sentence_index for r in own] == [1]
    assert [text[a:b] for r in own for a, b in r.highlights] == ["likely"]


def test_outlets_csv_gains_own_and_quoted_rates_after_every_older_column(tmp_path: Path) -> None:
    columns = outlets_columns()
    new = [c for c in columns if "_own_per_100w" in c or "_quoted_per_100w" in c]
    assert len(new) == 6 * 4  # mean, interval ends and count of each of the six
    # after every older column; only later additions (sources_named_people, …) follow
    at = columns.index("sources_named_people")
    assert list(columns[at - len(new):at]) == new
    text = "“Russia will probably fail,” the ministry said. The war is likely to go on."
    write_outlets_csv(tmp_path / "outlets.csv", [analyze_article(article_from_text(text))])
    (row,) = _rows(tmp_path / "outlets.csv")
    assert float(row["hedges_epistemic_quoted_per_100w"]) == pytest.approx(
        float(row["hedges_epistemic_own_per_100w"]))


def test_the_seeds_quotations_include_single_quoted_ones() -> None:
    # The quoted stretches, in double and (since session 21) single quotes; the cue
    # finder reads the same ones (tests/models/test_quotation_agreement.py).
    from models.quotations import quotation_intervals

    singles: list[str] = []
    for a in analyze_paths([SEEDS]).analyses:
        article = a.article
        found = quotation_intervals(article)
        singles += [article.text[x:y] for v in found.values() for x, y in v
                    if article.text[x - 1] == "‘"]
        assert any(found.values())  # every seed quotes someone
    # seed 004's lede: threatening them with ‘false criminal charges’
    assert "false criminal charges" in singles
