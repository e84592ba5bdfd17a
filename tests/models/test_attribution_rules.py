"""Attribution rules of models/attribution.py, through the shipped cue finder (what the app,
`framescope sentences` and `analyze` use). Sentences written for these tests."""

from __future__ import annotations

import pytest

from models.attribution import is_quoted, quoted_intervals, sentence_quote_states
from models.cues import default_finder
from models.engines import CachingCueFinder
from models.features import analyze_article, article_from_text


def cues(text: str, *, quoted: bool = False) -> list[str]:
    return [
        s.text for s in default_finder().find(text, quoted=quoted) if s.category == "attribution"
    ]


def sources(text: str, *, quoted: bool = False) -> list[tuple[str, str]]:
    return [
        (s.text, s.subcategory)
        for s in default_finder().find(text, quoted=quoted)
        if s.category == "source"
    ]


# ---------------------------------------------------------------- quotations


def test_quoted_intervals_curly_straight_and_double_apostrophe() -> None:
    text = "“I said no,” she said. \"We want it,\" he said. ''They told me,'' Lee said."
    intervals, still_open = quoted_intervals(text)
    assert [text[a:b] for a, b in intervals] == ["I said no,", "We want it,", "They told me,"]
    assert not still_open
    assert is_quoted(text.index("I said"), intervals)
    assert not is_quoted(text.index("she said"), intervals)


def test_a_quotation_left_open_runs_to_the_end_and_is_reported_open() -> None:
    intervals, still_open = quoted_intervals("He added: “We will win.")
    assert still_open and len(intervals) == 1
    intervals, still_open = quoted_intervals("And we said so.”", inside=True)
    assert intervals == ((0, len("And we said so.")),) and not still_open


@pytest.mark.parametrize(
    ("sentence", "kept", "dropped"),
    [
        ("“I’ve always said I would back the nominee,” Trump told reporters.",
         ["told reporters"], ["said"]),
        ('"People want safe streets," the mayor said.', ["said"], ["want"]),
        ("''I tell other banks the truth,'' said Mr. Meyer.", ["said"], ["tell"]),
        ("The senator said the bill would pass.", ["said"], []),
    ],
)
def test_report_verbs_inside_a_quotation_are_the_speakers_not_the_articles(
    sentence: str, kept: list[str], dropped: list[str]
) -> None:
    found = cues(sentence)
    for cue in kept:
        assert cue in found
    for cue in dropped:
        assert cue not in found


def test_a_pronoun_inside_a_quotation_is_no_source() -> None:
    # "he said" inside the quotation: neither the cue nor its pronoun source is counted.
    quoted = sources("“And then he said no,” the aide recalled.")
    assert ("he", "pronoun") not in quoted
    assert ("the aide", "anonymous") in quoted
    assert ("he", "pronoun") in sources("And then he said no.")


def test_a_sentence_opening_inside_a_quotation_drops_its_verbs_until_the_quote_closes() -> None:
    text = "They want a wall. I told them no,” Jones said."
    assert cues(text, quoted=True) == ["said"]
    assert cues(text) == ["want", "told", "said"]


def test_quote_state_is_carried_across_sentences_and_reset_at_a_paragraph() -> None:
    text = (
        "“We will win. Voters want change,” Smith said. Voters want lower taxes.\n\n"
        "“We will win. Voters want change.\n\n"
        "Voters want lower taxes, polls show."
    )
    article = article_from_text(text, "q")
    states = sentence_quote_states(text, [(s.start, s.end) for s in article.sentences])
    texts = [s.text for s in article.sentences]
    assert dict(zip(texts, states, strict=True))["Voters want change,” Smith said."] is True
    spans = analyze_article(article).spans
    wants = [s for s in spans if s.category == "attribution" and s.text == "want"]
    # Only the two unquoted "Voters want lower taxes" count, not "Voters want change".
    assert len(wants) == 2
    assert {text[s.start : s.end + 12] for s in wants} == {"want lower taxes"}


def test_caching_finder_keeps_the_quoted_and_unquoted_readings_apart() -> None:
    finder = CachingCueFinder()
    text = "Voters want change, he said."
    assert [s.text for s in finder.find(text) if s.category == "attribution"] == ["want", "said"]
    assert [s.text for s in finder.find(text, quoted=True) if s.category == "attribution"] == []
    assert [s.text for s in finder.find(text) if s.category == "attribution"] == ["want", "said"]
