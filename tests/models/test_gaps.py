"""The phrases that say why a headline, a date or a measure is missing (models.gaps)."""

from __future__ import annotations

from pathlib import Path

from models import gaps
from models.pipeline import analyze_paths

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_one_article_of_a_corpus_file_is_named_by_its_line(tmp_path: Path) -> None:
    corpus = tmp_path / "stories.csv"
    corpus.write_text("text\nThe ministry said on Monday that the bridge would reopen.\n"
                      "The council said the road would close for a week in May.\n",
                      encoding="utf-8")
    analyses = analyze_paths([corpus]).analyses
    assert [gaps.no_date(a.article) for a in analyses] == [
        "No date found in stories.csv, line 2.", "No date found in stories.csv, line 3."]
    assert gaps.no_headline(analyses[0].article) == (
        "No headline found in stories.csv, line 2.")


def test_the_seeds_lack_two_headlines_and_four_dates_and_say_so() -> None:
    analyses = {a.article.outlet: a for a in analyze_paths([SEEDS]).analyses}
    missing_headline = sorted(o for o, a in analyses.items() if not a.article.headline)
    missing_date = sorted(o for o, a in analyses.items() if not a.article.date)
    assert missing_headline == ["HLN", "MoD-based report"]
    assert missing_date == ["HLN", "PatriotWise", "Spanish-language outlet", "The Daily Beast"]
    hln = analyses["HLN"]
    assert gaps.why_undefined(hln, "headline_tone") == (
        "No headline found in 000_95fc75c790c18aeb.txt.")
    assert gaps.why_undefined(hln, "hedges_epistemic_per_100w") == ""
    assert gaps.why_undefined(analyses["PatriotWise"], "headline_tone") == ""
    both = [analyses["HLN"], analyses["MoD-based report"]]
    assert gaps.outlet_reason(both, "headline_sensational", shown=1) == (
        "No headline found in 000_95fc75c790c18aeb.txt and 1 more.")
    assert gaps.outlet_reason([analyses["HLN"], analyses["PatriotWise"]], "headline_tone") == ""


def test_a_tooltip_reason_is_wrapped() -> None:
    text = gaps.explained("No date found in a.txt.", gaps.HOW_TO_GIVE_DATE)
    first, *rest = text.split("\n")
    assert first == "No date found in a.txt." and len(rest) >= 3
    assert all(len(line) <= 72 for line in rest)
