"""sources_named_people: named sources counted as people and bodies, not as ways of
writing a name (ux19's walkthrough: The Ledger showed 8 "Named sources" in the table and
5 in the Sources chart)."""

import csv
from pathlib import Path

from models.evidence import measure_sentences
from models.export import (
    SCORES_COLUMNS,
    outlets_columns,
    write_outlets_csv,
    write_scores_csv,
)
from models.features import analyze_article, article_from_text
from models.measures import measure, profile_measures
from models.sources import find_sources, is_named

# Made up for this test (no data text): one mayor written two ways, a department named
# once and then referred to, a spokesman, and an unnamed "the company".
STORY = (
    "Mayor Denise Hart said the town would test every well by Friday. "
    "The State Department of Environmental Quality said it had found the chemical in "
    "three wells. The department said more tests were due. "
    "Hart said residents should drink bottled water. "
    "The company said it had followed every rule, its spokesman, Robert Lyle, said."
)


def _analysis():
    return analyze_article(article_from_text(STORY, "story"))


def test_a_person_written_two_ways_counts_once() -> None:
    scores = _analysis().scores
    # As written: "Denise Hart", "Hart", the department's two names and "company".
    assert scores.sources_named > scores.sources_named_people
    # Merged: Denise Hart, the department, Robert Lyle.
    assert scores.sources_named_people == 3


def test_the_count_is_the_sources_charts_merge_of_the_article() -> None:
    analysis = _analysis()
    named = [s for s in find_sources([analysis]) if is_named(s)]
    assert analysis.scores.sources_named_people == len(named)
    assert any({"Denise Hart", "Hart"} <= set(s.aliases) for s in named)


def test_an_article_with_no_source_counts_none() -> None:
    scores = analyze_article(article_from_text("Rain fell on Tuesday. It stopped.")).scores
    assert scores.sources_named_people == 0


def test_the_sentences_behind_the_count_are_the_named_mentions() -> None:
    analysis = _analysis()
    refs = measure_sentences(analysis, "sources_named_people")
    text = analysis.article.text
    marked = {text[a:b] for ref in refs for a, b in ref.highlights}
    assert "Hart" in marked and any("Denise Hart" in m for m in marked)
    assert "The company" not in marked  # no named source: it counts nowhere


def test_the_column_is_added_at_the_end_of_scores_and_outlets_csv(tmp_path: Path) -> None:
    # after every column before it (later additions may follow it)
    at = SCORES_COLUMNS.index("sources_named_people")
    assert SCORES_COLUMNS[at - 1] == "boosters_quoted_per_100w"
    assert SCORES_COLUMNS.index("sources_named") == 11  # the contract's place, unchanged
    columns = outlets_columns()
    at = columns.index("sources_named_people")
    assert columns[at - 1] == "boosters_quoted_per_100w_n"
    assert columns[at:at + 4] == ("sources_named_people", "sources_named_people_ci_low",
                                  "sources_named_people_ci_high", "sources_named_people_n")
    assert columns.index("sources_named") < columns.index("sources_anonymous")
    analysis = _analysis()
    write_scores_csv(tmp_path / "scores.csv", [analysis])
    write_outlets_csv(tmp_path / "outlets.csv", [analysis])
    with (tmp_path / "scores.csv").open(encoding="utf-8") as f:
        row = next(csv.DictReader(f))
    assert row["sources_named_people"] == "3"
    assert int(row["sources_named"]) > 3
    with (tmp_path / "outlets.csv").open(encoding="utf-8") as f:
        assert float(next(csv.DictReader(f))["sources_named_people"]) == 3.0


def test_the_measure_is_named_sources_and_the_heatmap_shows_it_once() -> None:
    assert measure("sources_named_people").label == "Named sources"
    assert measure("sources_named").label == "Source names"
    keys = [m.key for m in profile_measures()]
    assert "sources_named_people" in keys and "sources_named" not in keys


def test_the_count_is_the_named_sources_of_find_sources_on_every_seed_article() -> None:
    # named_people counts the merge's groups without building the Source objects; on
    # every seed article (anonymous sources, unresolved descriptions, pronouns, aliases)
    # it must be the number of named sources find_sources gives the article alone.
    from models.pipeline import analyze_paths
    from models.sources import named_people
    from tests.models.conftest import SEEDS

    analyses = analyze_paths([SEEDS]).analyses
    assert len(analyses) == 5
    counts = [named_people(a) for a in analyses]
    assert counts == [len({s.source_id for s in find_sources([a]) if is_named(s)})
                      for a in analyses]
    assert counts == [a.scores.sources_named_people for a in analyses]
    assert any(s.source_type == "anonymous" or not is_named(s)
               for a in analyses for s in find_sources([a]))
