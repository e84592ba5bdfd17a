"""The sentence-level uncertainty decision (models.hedging.sentence_uncertain: a hedge,
not a vague quantity alone) and a first word that the article writes as a name elsewhere
(models.hedging.mid_sentence_names), through the shipped cue finder and the app's
analysis. Every sentence and article is written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.cues import default_finder
from models.features import analyze_article
from models.hedging import mid_sentence_names, sentence_uncertain
from models.readers import read_file

# ---------------------------------------------------------------------- vague quantities


@pytest.mark.parametrize(
    "sentence",
    [
        "Some residents of the valley joined the march on Sunday.",
        "Several council members voted against the budget.",
        "Many of the shops on the high street closed early.",
    ],
)
def test_a_vague_quantity_alone_is_counted_but_leaves_the_sentence_certain(
    sentence: str,
) -> None:
    spans = default_finder().find(sentence)
    assert [s.subcategory for s in spans if s.category == "hedge"] == ["vague"]
    assert not sentence_uncertain(spans)
    assert sentence_uncertain(spans, vague=True)  # CoNLL-2010 Wikipedia's weasel notion


@pytest.mark.parametrize(
    "sentence",
    [
        "Some residents may join the march on Sunday.",  # epistemic
        "Some critics say the budget is too small.",  # weasel
        "The mayor reportedly left the meeting early.",  # evidential
        "The council is not likely to meet before March.",  # negated
    ],
)
def test_a_hedge_makes_the_sentence_uncertain(sentence: str) -> None:
    assert sentence_uncertain(default_finder().find(sentence))


# ---------------------------------------------------------------------- a name as first word

HEADLINE = "Millbrook water may contain chemical"
BODY = (
    "State regulators said on Tuesday that they had tested tap water in Millbrook and "
    "three other towns.\n\n"
    "The results will be published next month, the department said.\n"
)


def test_a_first_word_the_article_writes_as_a_name_is_a_name() -> None:
    finder = default_finder()
    # Alone, its capital says nothing: what "water" may contain could be a kind's contents.
    assert not sentence_uncertain(finder.find(HEADLINE))
    spans = finder.find(HEADLINE, names=frozenset({"millbrook"}))
    assert [(s.text, s.subcategory) for s in spans if s.category == "hedge"] == [
        ("may", "epistemic")
    ]
    # A kind stays a kind whatever the article names.
    assert not sentence_uncertain(
        finder.find("Tap water may contain traces of chlorine", names=frozenset({"millbrook"}))
    )


def test_the_headline_of_an_article_that_names_the_town_is_hedged(tmp_path: Path) -> None:
    path = tmp_path / "courier.txt"
    path.write_text(f"{HEADLINE}\n\n{BODY}", encoding="utf-8")
    article = read_file(path)
    assert article.headline == HEADLINE
    assert "millbrook" in mid_sentence_names(article)
    analysis = analyze_article(article)
    assert analysis.scores.headline_hedged
    # The same headline over a body that never names the town: no name, no hedge.
    path.write_text(f"{HEADLINE}\n\n{BODY.replace('in Millbrook and three', 'in four')}",
                    encoding="utf-8")
    assert not analyze_article(read_file(path)).scores.headline_hedged


def test_only_capitals_inside_a_sentence_name() -> None:
    class Sentence:
        def __init__(self, start: int, end: int) -> None:
            self.start, self.end = start, end

    class Article:
        text = "Water rose in Millbrook on Monday. Residents left.\nThey met at\nCastell Hall."
        body_sentences = (Sentence(0, 34), Sentence(35, 50), Sentence(51, 76))

    assert mid_sentence_names(Article()) == {"millbrook", "monday", "castell", "hall"}


# ---------------------------------------------------------------------- negation after an estimate


@pytest.mark.parametrize(
    ("sentence", "term"),
    [
        ("A source said the bridge might never reopen to heavy traffic.", "might"),
        ("The bridge may never reopen.", "may"),
        ("It is probably not going to pass.", "probably"),
        ("It mightn’t matter.", "might"),
        ("The council might not vote before March.", "might"),
    ],
)
def test_a_negation_after_an_estimate_negates_the_claim_not_the_estimate(
    sentence: str, term: str
) -> None:
    (span,) = [s for s in default_finder().find(sentence) if s.term == term]
    assert not span.negated
    # the range is that of the claim without the negation
    plain = [s for s in default_finder().find(sentence.replace(" not", "").replace(
        " never", "").replace("n’t", "")) if s.term == term]
    assert plain and (span.probability_low, span.probability_high) == (
        round(1 - plain[0].probability_high, 4), round(1 - plain[0].probability_low, 4))


def test_may_not_stays_negated_and_the_headline_may_never_is_hedged(tmp_path: Path) -> None:
    (span,) = [s for s in default_finder().find("Officials may not resign.") if s.term == "may"]
    assert span.negated  # the form of a prohibition
    path = tmp_path / "post.txt"
    path.write_text("Insiders: bridge may never reopen\n\nThe Kestrel Bridge closed in "
                    "March after engineers found cracks.\n", encoding="utf-8")
    assert analyze_article(read_file(path)).scores.headline_hedged


def test_the_apps_pipeline_and_its_cue_cache_read_the_names(tmp_path: Path) -> None:
    from models.engines import CachingCueFinder
    from models.pipeline import analyze_paths

    (tmp_path / "courier.txt").write_text(f"{HEADLINE}\n\n{BODY}", encoding="utf-8")
    result = analyze_paths([tmp_path])
    assert not result.errors
    (analysis,) = result.analyses
    assert analysis.scores.headline_hedged
    finder = CachingCueFinder()
    named = finder.find(HEADLINE, names=frozenset({"millbrook", "tuesday"}))
    assert sentence_uncertain(named)
    assert not sentence_uncertain(finder.find(HEADLINE))  # the same text, other key
    assert not sentence_uncertain(finder.find(HEADLINE, names=frozenset({"tuesday"})))
    # a possessive first word is the name without its 's, through the cache too
    possessive = "Millbrook's water may contain a chemical"
    assert not sentence_uncertain(finder.find(possessive))
    assert sentence_uncertain(finder.find(possessive, names=frozenset({"millbrook"})))


# ---------------------------------------------------------------------- someone else's estimate


@pytest.mark.parametrize(
    ("sentence", "term"),
    [
        ("Experts estimate that the repairs will cost eight million dollars.", "estimate"),
        ("Officials anticipate that turnout will fall in the east.", "anticipate"),
        ("The auditors anticipated that the fund was running dry.", "anticipated"),
    ],
)
def test_someone_elses_estimate_of_a_clause_is_an_evidential_hedge(
    sentence: str, term: str
) -> None:
    hedges = [(s.text, s.subcategory) for s in default_finder().find(sentence)
              if s.category == "hedge"]
    assert hedges == [(term, "evidential")]


@pytest.mark.parametrize(
    "sentence",
    [
        "The estimate that 300 died was revised on Monday.",
        "They had to estimate that figure quickly.",
        "The anticipated rise in prices did not come.",
    ],
)
def test_an_estimate_as_a_noun_or_of_an_object_is_no_hedge(sentence: str) -> None:
    assert not [s for s in default_finder().find(sentence) if s.category == "hedge"]


# ---------------------------------------------------------------------- vague groups


@pytest.mark.parametrize(
    ("sentence", "subcategory"),
    [
        ("Some opponents are using a louder voice than his.", "vague"),
        ("Many observers were surprised by the plan.", "vague"),
        ("Most people are very upset with the council.", "vague"),
        ("Some critics say the plan is too timid.", "weasel"),
        ("Other studies have shown the same effect.", "weasel"),  # a finding credited
        ("According to some historians, the castle was never finished.", "weasel"),
    ],
)
def test_a_vague_group_is_a_weasel_only_when_a_claim_is_credited_to_it(
    sentence: str, subcategory: str
) -> None:
    groups = [s for s in default_finder().find(sentence)
              if s.category == "hedge" and s.subcategory in ("vague", "weasel")]
    assert [s.subcategory for s in groups] == [subcategory]
    assert sentence_uncertain(groups) == (subcategory == "weasel")
