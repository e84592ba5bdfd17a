"""The headline–body certainty gap, on hand-built spans (no lexicon involved)."""

from models.article import Sentence, Span
from models.headline import content_stems, headline_measures, restating_sentences


def _sentence(index: int, text: str) -> Sentence:
    return Sentence(index=index, start=0, end=len(text), text=text)


def _span(index: int, category: str, sub: str, negated: bool = False) -> Span:
    return Span(0, 1, "x", category, sub, "x", index, negated=negated)


BODY = [
    _sentence(0, "The Kremlin has told senior officials they are prohibited from resigning."),
    _sentence(1, "A missile attack hit Kyiv overnight."),
    _sentence(2, "Officials who resign face prosecution, the Kremlin warned."),
]
HEADLINE = "Kremlin Tells Top Officials They Cannot Resign"


def test_content_stems_drop_function_words_and_inflection() -> None:
    assert content_stems("The officials are resigning") == {"official", "resign"}
    assert "they" not in content_stems(HEADLINE)


def test_restating_sentences_share_content_words() -> None:
    restating = restating_sentences(HEADLINE, BODY)
    assert [s.index for s in restating] == [0, 2]


def test_unhedged_headline_over_hedged_body_is_a_gap() -> None:
    body_spans = [_span(0, "hedge", "evidential"), _span(2, "attribution", "neutral")]
    m = headline_measures(HEADLINE, -0.2, [], BODY, body_spans)
    assert m.hedged is False
    assert m.body_gap == 1.0
    assert m.restating == (0, 2)


def test_gap_counts_only_distanced_restatements() -> None:
    m = headline_measures(HEADLINE, 0.0, [], BODY, [_span(0, "hedge", "epistemic")])
    assert m.body_gap == 0.5


def test_hedged_headline_has_no_gap() -> None:
    m = headline_measures(HEADLINE, 0.0, [_span(-1, "hedge", "evidential")], BODY, [])
    assert m.hedged is True
    assert m.body_gap == 0.0


def test_negated_hedge_does_not_hedge_the_headline() -> None:
    m = headline_measures(HEADLINE, 0.0, [_span(-1, "hedge", "epistemic", negated=True)],
                          BODY, [])
    assert m.hedged is False
    assert m.body_gap == 0.0  # restated twice, never distanced


def test_no_headline_means_undefined() -> None:
    m = headline_measures("", None, [], BODY, [])
    assert (m.tone, m.hedged, m.body_gap) == (None, None, None)


def test_no_restatement_means_undefined_gap() -> None:
    m = headline_measures("Weather turns cold in Lisbon", 0.0, [], BODY, [])
    assert m.hedged is False
    assert m.body_gap is None
