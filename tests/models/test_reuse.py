"""Text reuse: passages copied verbatim or nearly so, found on written articles and the seeds."""

from __future__ import annotations

import csv
from dataclasses import replace
from pathlib import Path

from models.export import REUSE_COLUMNS, write_reuse_csv
from models.features import ArticleAnalysis, analyze_article, article_from_text
from models.pipeline import analyze_paths
from models.reuse import MIN_SHARED_WORDS, find_reuse

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

WIRE = ("The ministry said on Tuesday that the new rules would apply to every regional "
        "governor and to members of the presidential administration from next month. "
        "Farmers in the south reported a poor harvest after a dry summer.")
COPY = ("Officials were told to stay put. The ministry said on Tuesday that the new rules "
        "would apply to every regional governor and to members of the presidential "
        "administration from next month. Nothing else was announced.")
REWORDED = ("In other news, the ministry said on Tuesday that the new regulations would apply "
            "to every regional governor and to members of the presidential administration "
            "starting next month.")
UNRELATED = ("A storm closed the harbour for two days and fishing boats stayed in port while "
             "the coastguard warned of high waves along the northern coast.")


def analysed(article_id: str, outlet: str, text: str, date: str = "") -> ArticleAnalysis:
    article = replace(article_from_text(text, article_id), outlet=outlet, date=date)
    return analyze_article(article)


def test_a_copied_passage_is_found_with_both_offsets() -> None:
    wire = analysed("wire", "Wire", WIRE, "2023-05-01")
    copy = analysed("copy", "Daily", COPY, "2023-05-02")
    (passage,) = find_reuse([wire, copy, analysed("other", "Other", UNRELATED)])
    assert passage.verbatim
    assert passage.text_a.startswith("The ministry said on Tuesday")
    assert passage.text_a.endswith("from next month")
    assert wire.article.text[passage.start_a:passage.end_a] == passage.text_a
    assert copy.article.text[passage.start_b:passage.end_b] == passage.text_b
    assert passage.shared_words == passage.words_a == 25
    assert passage.direction == "a->b"  # the wire story is a day older
    assert passage.sentence_a == 0 and passage.sentence_b == 1


def test_a_reworded_passage_stays_one_near_verbatim_passage() -> None:
    wire = analysed("wire", "Wire", WIRE)
    reworded = analysed("re", "Weekly", REWORDED)
    (passage,) = find_reuse([wire, reworded])
    assert not passage.verbatim
    assert "rules" in passage.text_a and "regulations" in passage.text_b
    assert passage.text_b.endswith("presidential administration")
    assert passage.direction == "unknown"  # no dates
    assert 15 <= passage.shared_words < passage.words_a


def test_a_passage_in_three_articles_points_to_a_common_source() -> None:
    articles = [analysed("a", "A", WIRE), analysed("b", "B", COPY),
                analysed("c", "C", "Reports: " + WIRE)]
    passages = find_reuse(articles)
    assert len(passages) >= 3
    pair = next(p for p in passages if {p.article_a, p.article_b} == {"a", "b"})
    assert pair.direction == "common" and "c" in pair.also_in


def test_short_common_phrases_are_not_reuse() -> None:
    one = analysed("a", "A", "He said the war would end soon. Prices rose again.")
    two = analysed("b", "B", "She said the war would end in May. Rain fell again.")
    assert find_reuse([one, two]) == []
    assert MIN_SHARED_WORDS >= 6


def test_the_seeds_share_the_quotes_and_the_ministry_text(tmp_path: Path) -> None:
    seeds = analyze_paths([SEEDS]).analyses
    passages = find_reuse(seeds)
    pairs = {(p.article_a[:3], p.article_b[:3]) for p in passages}
    assert {("000", "004"), ("001", "004"), ("002", "004")} <= pairs
    # The Kremlin official's quote, with 'find out' changed to 'figure out'.
    quote = next(p for p in passages if "review all these lists" in p.text_a)
    assert "find out" in quote.text_a and "figure out" in quote.text_b
    assert not quote.verbatim and quote.shared_words >= 15
    # Both quote The Moscow Times: a common source.
    moscow = next(p for p in passages if "special permission" in p.text_a)
    assert moscow.direction == "common" and "The Moscow Times" in moscow.common_sources
    # The MoD update's words in the Spanish-language article and the MoD-based report.
    assert any("collective responsibility" in p.text_a and {p.article_a[:3], p.article_b[:3]}
               == {"002", "004"} for p in passages)
    path = tmp_path / "reuse.csv"
    write_reuse_csv(path, seeds)
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert tuple(rows[0]) == REUSE_COLUMNS and len(rows) == len(passages)
    assert rows[0]["shared_words"] == str(passages[0].shared_words)
