"""Cue finding on hand-written sentences and on sentences of the seed articles."""

from __future__ import annotations

import itertools
import re
import shutil
from pathlib import Path

import pytest

from models.article import HEADLINE_INDEX, Article, Sentence, Span
from models.cues import CueFinder, count_by, default_finder
from models.lexicons import load_lexicon
from models.resources import lexicons_dir, seeds_dir

SEEDS = seeds_dir()
# Naive sentence splitting, good enough for the seeds until the readers land.
_SENTENCE_END = re.compile(r"(?<=[.!?])[”\"’]?\s+(?=[“\"‘A-Z])")


@pytest.fixture(scope="module")
def finder() -> CueFinder:
    return default_finder()


def seed_text(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def seed_sentence(prefix: str, start: str) -> str:
    """The seed sentence that begins with ``start`` (checked to be in the file)."""
    text = seed_text(prefix)
    for line in text.splitlines():
        for sentence in _SENTENCE_END.split(line.strip()):
            if sentence.startswith(start):
                return sentence
    raise AssertionError(f"no sentence starting {start!r} in seed {prefix}")


def naive_sentences(text: str) -> list[str]:
    return [s for line in text.splitlines() for s in _SENTENCE_END.split(line.strip()) if s]


def of(spans: list[Span], category: str, subcategory: str | None = None) -> list[Span]:
    return [
        s
        for s in spans
        if s.category == category and (subcategory is None or s.subcategory == subcategory)
    ]


def texts(spans: list[Span]) -> list[str]:
    return [s.text for s in spans]


# ---------------------------------------------------------------- negation and false friends


def test_not_likely_is_a_negated_hedge_with_the_complementary_range(finder: CueFinder) -> None:
    (hedge,) = of(finder.find("It is not likely to pass."), "hedge")
    assert hedge.text == "likely" and hedge.negated
    # "likely" is the yardstick's 0.55-0.75, so "not likely" is 0.25-0.45.
    assert (hedge.probability_low, hedge.probability_high) == (0.25, 0.45)


@pytest.mark.parametrize(
    "sentence",
    [
        "In May, officials met.",
        "May 9 parades were cancelled.",
        "The parade on May Day was cancelled.",
        "Officials met in early May and again on May 12.",
        "Russia's military might is waning.",
        "He pushed with all his might.",
        "The might of the army was on show.",
        "Insurance claims rose.",
        "These claims were denied by the ministry.",
        "His claim was rejected.",
        "The Kremlin Tells Top Officials They Cannot Resign",
    ],
)
def test_false_friends_are_not_hedges(finder: CueFinder, sentence: str) -> None:
    assert of(finder.find(sentence), "hedge") == []


@pytest.mark.parametrize(
    ("sentence", "hedge_text", "subcategory"),
    [
        ("Officials may resign.", "may", "epistemic"),
        ("May officials resign before the vote?", "May", "epistemic"),
        ("Officials May Resign Over the War", "May", "epistemic"),
        ("Officials might resign.", "might", "epistemic"),
        ("He claims the ban is false.", "claims", "evidential"),
        ("Ukraine claims that more than 200,000 soldiers died.", "claims", "evidential"),
        ("The Kremlin, meanwhile, claims that no such ban exists.", "claims", "evidential"),
        ("The ban is said to be unpopular.", "is said to", "evidential"),
    ],
)
def test_true_hedges_are_found(
    finder: CueFinder, sentence: str, hedge_text: str, subcategory: str
) -> None:
    hedges = of(finder.find(sentence), "hedge")
    assert texts(hedges) == [hedge_text]
    assert hedges[0].subcategory == subcategory
    assert not hedges[0].negated


def test_a_booster_and_a_negated_booster(finder: CueFinder) -> None:
    plain = finder.find("It is clearly false.")
    assert texts(of(plain, "booster")) == ["clearly"]
    assert count_by(plain, "booster") == 1
    negated = finder.find("It is not clearly false.")
    assert texts(of(negated, "booster")) == ["clearly"]
    assert of(negated, "booster")[0].negated
    assert count_by(negated, "booster") == 0
    assert count_by(negated, "booster", include_negated=True) == 1


@pytest.mark.parametrize(
    ("sentence", "term"),
    [
        ("Officials may not resign.", "may"),  # a prohibition's form: negated
        ("No one could leave.", "could"),  # negated before it ("could not" is no hedge)
        ("It doesn’t seem to matter.", "seem"),
        ("It doesn't seem to matter.", "seem"),
        ("It is no longer likely.", "likely"),
        ("Nobody said it is not necessarily true.", "necessarily"),
    ],
)
def test_negation_before_and_after(finder: CueFinder, sentence: str, term: str) -> None:
    (span,) = [s for s in finder.find(sentence) if s.term == term]
    assert span.negated


def test_not_only_does_not_negate(finder: CueFinder) -> None:
    (hedge,) = of(finder.find("Not only likely, it is certain."), "hedge")
    assert not hedge.negated


def test_negation_stops_at_a_comma(finder: CueFinder) -> None:
    (hedge,) = of(finder.find("It is not so, probably."), "hedge")
    assert not hedge.negated


def test_longest_match_wins(finder: CueFinder) -> None:
    (highly,) = of(finder.find("An attack is highly likely."), "hedge")
    assert highly.text == "highly likely"
    assert (highly.probability_low, highly.probability_high) == (0.80, 0.90)
    (most,) = of(finder.find("It is most likely a bluff."), "hedge")
    assert most.text == "most likely"
    assert (most.probability_low, most.probability_high) == (0.80, 0.90)
    (verified,) = of(finder.find("The claim could not be independently verified."), "hedge")
    assert verified.subcategory == "evidential" and verified.term == "unable to verify"


def test_a_booster_inside_a_hedge_is_the_hedge(finder: CueFinder) -> None:
    spans = finder.find("The economy is almost certainly in recession.")
    assert of(spans, "booster") == []
    (hedge,) = of(spans, "hedge")
    assert (hedge.text, hedge.probability_low, hedge.probability_high) == (
        "almost certainly",
        0.95,
        1.0,
    )


def test_said_to_is_a_hedge_and_an_unsourced_attribution(finder: CueFinder) -> None:
    # An impersonal report: the hedge "is said to" and the attribution "said", no source.
    spans = finder.find("The ban is said to be unpopular.")
    assert texts(of(spans, "hedge")) == ["is said to"]
    assert texts(of(spans, "attribution")) == ["said"]
    assert of(spans, "source") == []
    spans = finder.find("He said to reporters that the ban is unpopular.")
    assert of(spans, "hedge") == []
    assert texts(of(spans, "attribution")) == ["said"]


def test_nouns_are_not_report_verbs(finder: CueFinder) -> None:
    spans = finder.find("The report described the reported deaths, in which they had no say.")
    assert texts(of(spans, "attribution")) == ["described"]


def test_curly_and_straight_apostrophes_match_alike(finder: CueFinder) -> None:
    for sentence in ("They mightn’t verify it.", "They mightn't verify it."):
        (hedge,) = of(finder.find(sentence), "hedge")
        assert hedge.term == "might" and not hedge.negated  # "possibly not": counted


def test_loaded_words_inflections_and_multiword(finder: CueFinder) -> None:
    spans = finder.find("The regime's war machine falters amid a mass exodus, critics slammed.")
    assert texts(of(spans, "loaded")) == [
        "regime",
        "war machine",
        "falters",
        "mass exodus",
        "slammed",
    ]
    assert of(spans, "loaded")[2].subcategory == "war_framing"


# ---------------------------------------------------------------- offsets and ordering


def test_offsets_shift_and_text_matches(finder: CueFinder) -> None:
    sentence = "Officials may resign, Peskov said."
    spans = finder.find(sentence, offset=100, sentence_index=7)
    assert spans
    for span in spans:
        assert sentence[span.start - 100 : span.end - 100] == span.text
        assert span.sentence_index == 7


def test_spans_are_sorted_and_never_overlap_within_a_category(finder: CueFinder) -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        for sentence in naive_sentences(path.read_text(encoding="utf-8")):
            spans = finder.find(sentence)
            assert spans == sorted(spans, key=lambda s: (s.start, s.category, s.end))
            for span in spans:
                assert sentence[span.start : span.end] == span.text
            for category in {s.category for s in spans}:
                same = of(spans, category)
                for left, right in itertools.pairwise(same):
                    assert left.end <= right.start, (sentence, left, right)


def test_find_in_article_uses_headline_and_body_offsets(finder: CueFinder) -> None:
    headline = (
        "Putin’s Reportedly Had to Ban His Top Officials from Quitting as Ukraine War Falters"
    )
    body_1 = "Officials may resign, according to Newsweek."
    body_2 = "It is not clearly false."
    text = f"{headline}\n\n{body_1} {body_2}"
    b1 = text.index(body_1)
    b2 = text.index(body_2)
    article = Article(
        article_id="t",
        text=text,
        sentences=(
            Sentence(HEADLINE_INDEX, 0, len(headline), headline),
            Sentence(0, b1, b1 + len(body_1), body_1),
            Sentence(1, b2, b2 + len(body_2), body_2),
        ),
    )
    spans = finder.find_in_article(article)
    for span in spans:
        assert text[span.start : span.end] == span.text
    assert spans == sorted(spans, key=lambda s: (s.start, s.category, s.end))
    headline_spans = [s for s in spans if s.in_headline]
    assert texts(headline_spans) == ["Reportedly", "Falters"]
    assert {s.sentence_index for s in spans} == {HEADLINE_INDEX, 0, 1}
    (newsweek,) = of(spans, "source")
    assert newsweek.start == text.index("Newsweek") and newsweek.sentence_index == 0
    assert count_by(spans, "booster") == 0 and count_by(spans, "booster", include_negated=True) == 1


def test_count_by_subcategory(finder: CueFinder) -> None:
    spans = finder.find("Officials may resign, reportedly, and probably will, said the source.")
    assert count_by(spans, "hedge") == 3
    assert count_by(spans, "hedge", "epistemic") == 2
    assert count_by(spans, "hedge", "evidential") == 1
    assert count_by(spans, "source", "anonymous") == 1
    assert count_by(spans, "loaded") == 0


def test_default_finder_is_built_once() -> None:
    assert default_finder() is default_finder()


def test_a_finder_uses_the_lexicon_it_is_given(tmp_path: Path) -> None:
    folder = tmp_path / "lexicons"
    shutil.copytree(lexicons_dir(), folder)
    with (folder / "loaded.csv").open("a", encoding="utf-8") as handle:
        handle.write("kerfuffle,kerfuffle|kerfuffles,emotive,test entry\n")
    sentence = "The kerfuffles continued."
    assert of(default_finder().find(sentence), "loaded") == []
    custom = CueFinder(load_lexicon(folder))
    (span,) = of(custom.find(sentence), "loaded")
    assert (span.text, span.term, span.subcategory) == ("kerfuffles", "kerfuffle", "emotive")


# ---------------------------------------------------------------- sources


@pytest.mark.parametrize(
    ("sentence", "source_text", "subcategory", "term"),
    [
        ("Peskov said the report was false.", "Peskov", "person", "peskov"),
        (
            "Putin’s spokesman Dmitry Peskov has told the agency that it is false.",
            "Putin’s spokesman Dmitry Peskov",
            "person",
            "dmitry peskov",
        ),
        ("“It is false,” said the officer.", "the officer", "anonymous", "officer"),
        ("Officials said the ban was lifted.", "Officials", "anonymous", "officials"),
        ("A military spokesman said it was false.", "A military spokesman", "anonymous", "military spokesman"),
        ("The president said it was false.", "The president", "person", "president"),
        ("Kyiv said it had advanced.", "Kyiv", "institution", "kyiv"),
        ("The State Department said talks may resume.", "The State Department", "institution", "state department"),
        ("The claim was reported by Reuters on Monday.", "Reuters", "media", "reuters"),
        ("Sources who spoke with iStories said it was true.", "Sources", "anonymous", "sources"),
        ("Officials in Moscow said the ban was lifted.", "Officials in Moscow", "anonymous", "officials in moscow"),
        (
            "It was false, according to people familiar with the matter.",
            "people familiar with the matter",
            "anonymous",
            "people familiar with the matter",
        ),
        # a conjunction opening the sentence is no part of the name after it
        ("Until Reuters reported the leak, the plan was secret.", "Reuters", "media", "reuters"),
    ],
)  # fmt: skip
def test_source_typing(
    finder: CueFinder, sentence: str, source_text: str, subcategory: str, term: str
) -> None:
    sources = of(finder.find(sentence), "source")
    assert [(s.text, s.subcategory, s.term) for s in sources] == [(source_text, subcategory, term)]


def test_a_capitalised_preposition_opening_the_sentence_is_no_source(finder: CueFinder) -> None:
    """"Despite", "Regarding", "Beyond" before a participle read as a report verb were
    typed as a person's name, as "Sanders" in "Sanders said" is."""
    sentences = (
        "Despite published warnings, the ferry sailed.",
        "Regarding reported delays, nothing changed at the port.",
        "Beyond stated aims, the treaty covers fishing rights.",
        "Whereas earlier reports claimed ten dead, the toll was two.",
    )
    found = {s: [(c.text, c.subcategory) for c in of(finder.find(s), "source")] for s in sentences}
    assert found == {s: [] for s in sentences}


@pytest.mark.parametrize(
    "sentence",
    [
        "He added that the report was false.",
        "The report said the ban was false.",
        "A senior government official told The Moscow Times nothing.",
    ],
)
def test_pronouns_documents_and_recipients_are_not_named_or_anonymous_sources(
    finder: CueFinder, sentence: str
) -> None:
    sources = of(finder.find(sentence), "source")
    assert all(s.text != "The Moscow Times" for s in sources)
    # A pronoun is marked as a source of its own kind, named elsewhere in the article, and
    # a document ("the report said") as one of its kind, as PolNeAR marks both: neither is
    # a named nor an anonymous source.
    assert all(s.subcategory == "pronoun" for s in sources if s.text == "He")
    assert all(s.subcategory == "document" for s in sources if s.text == "The report")
    if sentence.startswith("The report"):
        assert [(s.text, s.term) for s in sources] == [("The report", "report")]
    sources = [s for s in sources if s.subcategory not in ("pronoun", "document")]
    if sentence.startswith("A senior"):
        assert texts(sources) == ["A senior government official"]
    else:
        assert sources == []


# ---------------------------------------------------------------- facts of the seed articles


def test_seed_001_headline(finder: CueFinder) -> None:
    headline = (
        "Putin’s Reportedly Had to Ban His Top Officials from Quitting as Ukraine War Falters"
    )
    assert headline in seed_text("001")
    spans = finder.find(headline, sentence_index=HEADLINE_INDEX)
    hedges = of(spans, "hedge")
    assert [(h.text, h.subcategory) for h in hedges] == [("Reportedly", "evidential")]
    assert texts(of(spans, "loaded")) == ["Falters"]
    assert all(s.in_headline for s in spans)


def test_seed_003_headline_has_no_hedge(finder: CueFinder) -> None:
    headline = "Kremlin Tells Top Officials They Cannot Resign"
    assert seed_text("003").startswith(headline)
    spans = finder.find(headline, sentence_index=HEADLINE_INDEX)
    assert of(spans, "hedge") == []
    assert texts(of(spans, "attribution")) == ["Tells"]


def test_seed_003_according_to_newsweek(finder: CueFinder) -> None:
    sentence = (
        "The Kremlin has told senior officials that they are prohibited from resigning "
        "lest they face criminal prosecution, according to Newsweek."
    )
    assert sentence in seed_text("003")
    spans = finder.find(sentence)
    # Distance through a named outlet: an evidential hedge and an attribution.
    assert [(h.text, h.subcategory) for h in of(spans, "hedge")] == [("according to", "evidential")]
    assert ("according to", "neutral") in [
        (a.text, a.subcategory) for a in of(spans, "attribution")
    ]
    media = of(spans, "source", "media")
    assert [(s.text, s.term) for s in media] == [("Newsweek", "newsweek")]
    # The Kremlin's telling is what Newsweek reports (audit25): no cue, no source of its own
    assert [a.text for a in of(spans, "attribution")] == ["according to"]
    assert of(spans, "source", "institution") == []
    reportedly = seed_sentence("003", "The Kremlin reportedly sees")
    assert [(h.text, h.subcategory) for h in of(finder.find(reportedly), "hedge")] == [
        ("reportedly", "evidential")
    ]


def test_seed_004_epistemic_hedges(finder: CueFinder) -> None:
    probably = of(finder.find(seed_sentence("004", "“The Russian state is probably")), "hedge")
    assert [(h.text, h.probability_low, h.probability_high) for h in probably] == [
        ("probably", 0.55, 0.75)
    ]
    likely = of(finder.find(seed_sentence("004", "“The measures likely extend")), "hedge")
    assert [(h.text, h.subcategory) for h in likely] == [("likely", "epistemic")]
    # an idea entertained, not the writer's estimate (audit22, audit25)
    might = of(finder.find(seed_sentence("004", "But any idea that the officials might")), "hedge")
    assert might == []


def test_seed_004_peskov_insisted(finder: CueFinder) -> None:
    spans = finder.find(seed_sentence("004", "Kremlin spokesman Dmitry Peskov insisted"))
    assert ("insisted", "loaded") in [(a.text, a.subcategory) for a in of(spans, "attribution")]
    (person,) = of(spans, "source", "person")
    assert person.text == "Kremlin spokesman Dmitry Peskov"
    assert person.term == "dmitry peskov"


def test_seed_004_former_fsb_and_the_officer(finder: CueFinder) -> None:
    spans = finder.find(seed_sentence("004", "“I am aware of at least two cases"))
    sources = [(s.text, s.subcategory) for s in of(spans, "source")]
    # a former member with the noun dropped (machine translation), not the FSB (audit27)
    assert ("the former FSB", "anonymous") in sources
    assert ("the officer", "anonymous") in sources
    assert texts(of(spans, "attribution")).count("said") == 2


def test_seed_004_defense_ministry_briefing(finder: CueFinder) -> None:
    spans = finder.find(seed_sentence("004", "Senior officials have become"))
    (said,) = [a for a in of(spans, "attribution") if a.text == "said"]
    assert said.subcategory == "neutral"
    (ministry,) = of(spans, "source")
    assert (ministry.text, ministry.subcategory) == ("the Defense Ministry", "institution")


def test_seed_004_has_more_epistemic_hedges_than_every_other_seed(finder: CueFinder) -> None:
    counts: dict[str, int] = {}
    for path in sorted(SEEDS.glob("*.txt")):
        spans = [
            span
            for sentence in naive_sentences(path.read_text(encoding="utf-8"))
            for span in finder.find(sentence)
        ]
        counts[path.name[:3]] = count_by(spans, "hedge", "epistemic")
    assert set(counts) == {"000", "001", "002", "003", "004"}
    others = [n for prefix, n in counts.items() if prefix != "004"]
    assert counts["004"] > max(others), counts


def test_seed_002_british_ministry_revealed(finder: CueFinder) -> None:
    spans = finder.find(seed_sentence("002", "The British Ministry of Defense revealed"))
    revealed = [a for a in of(spans, "attribution") if a.text == "revealed"]
    assert [a.subcategory for a in revealed] == ["factive"]
    first_source = of(spans, "source")[0]
    assert (first_source.text, first_source.subcategory) == (
        "The British Ministry of Defense",
        "institution",
    )


def test_seed_000_kremlin_claims(finder: CueFinder) -> None:
    sentence = "The Kremlin, meanwhile, claims that no such ban exists."
    assert sentence in seed_text("000")
    spans = finder.find(sentence)
    assert [(h.text, h.subcategory) for h in of(spans, "hedge")] == [("claims", "evidential")]
    assert [(a.text, a.subcategory) for a in of(spans, "attribution")] == [("claims", "loaded")]
    assert [(s.text, s.subcategory) for s in of(spans, "source")] == [
        ("The Kremlin", "institution")
    ]


def test_seed_000_istories_citing_sources(finder: CueFinder) -> None:
    spans = finder.find(seed_sentence("000", "Employees who consider resigning"))
    assert ("according to", "evidential") in [(h.text, h.subcategory) for h in of(spans, "hedge")]
    attributions = texts(of(spans, "attribution"))
    assert "according to" in attributions and "citing" in attributions
    media = of(spans, "source", "media")
    assert [s.term for s in media] == ["istories"]
    assert media[0].text.endswith("iStories")
    anonymous = of(spans, "source", "anonymous")
    assert texts(anonymous) == ["sources close to the presidential administration"]


def test_seed_000_said_one_of_the_sources(finder: CueFinder) -> None:
    spans = finder.find(seed_sentence("000", "“Many are willing to pay"))
    assert [(s.text, s.subcategory) for s in of(spans, "source")] == [
        ("one of the sources", "anonymous")
    ]
