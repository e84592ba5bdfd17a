"""A speaker before a colon and a quotation in single quotes that ends the sentence, as
headlines write it ("A lesson from Loretta Lynch: 'Be the voice that people hear.'": seen
by src19 on PolNeAR dev; the texts here are made up)."""

from models.features import analyze_article, article_from_text


def _cues(text: str) -> list[tuple[str, str]]:
    spans = analyze_article(article_from_text(text, "t")).spans
    return [(s.text, s.category) for s in spans if s.category in ("source", "attribution")]


def test_a_speaker_before_a_colon_and_a_single_quoted_quotation() -> None:
    for quoted in ("'Be the voice that people hear.'", "‘Be the voice that people hear.’"):
        cues = _cues(f"A lesson from Loretta Lynch: {quoted}")
        assert ("Loretta Lynch", "source") in cues and (":", "attribution") in cues


def test_single_quotes_that_do_not_end_the_sentence_hand_no_floor() -> None:
    # A word or two in single quotes, or an apostrophe, is no quotation after a colon.
    assert (":", "attribution") not in _cues(
        "It was the rule: 'Trump's wall' was a slogan, he said.")
    assert _cues("The best of the '90s: songs we loved and lost.") == []
    assert _cues("A word from the '90s: 'grunge' was everywhere.") == []
