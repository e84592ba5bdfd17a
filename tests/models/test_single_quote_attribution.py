"""Single curly quotes ‘…’ are quotations for the cue finder as for models.voice (session
21's walkthrough: a report verb inside ‘…’ was counted as the outlet's, and '‘…,’ barked
Hart' found no source). Texts made up for these tests."""

import pytest

from models.cues import default_finder
from models.features import analyze_article, article_from_text
from models.quotations import quotation_intervals, quoted_intervals

# Each text in double quotes; the test writes it again in single ones.
TEXTS = (
    "“I always said we would rebuild the pier,” Mayor Denise Hart told reporters.",
    "“The money is there,” barked Hart.",
    "Hart continued, “you and I know the pier is safe.”",
    "“The council claims the pier is safe. It argues that repairs are done,” Hart said.",
    "“Marsh Lake’s ferry is safe,” the harbour master said on Monday.",
)


def _cues(text: str) -> list[tuple[str, str, str]]:
    spans = analyze_article(article_from_text(text, "story")).spans
    return [(s.category, s.subcategory, s.text) for s in spans
            if s.category in ("attribution", "source")]


@pytest.mark.parametrize("double", TEXTS)
def test_single_quotes_give_the_cues_double_quotes_give(double: str) -> None:
    single = double.replace("“", "‘").replace("”", "’")
    assert _cues(single) == _cues(double)


def test_an_apostrophe_closes_no_single_quotation() -> None:
    text = "‘Putin’s aides don’t decide,’ she said."
    intervals = quoted_intervals(text)
    assert [text[a:b] for a, b in intervals] == ["Putin’s aides don’t decide,"]


def test_a_single_quotation_over_two_sentences_closes_in_the_second() -> None:
    text = "‘The ferry is sound. It argues that repairs are done,’ Hart said."
    article = article_from_text(text, "q")
    second = article.sentences[1]
    assert quotation_intervals(article)[second.index] == ((second.start, text.index("’ Hart")),)
    spans = default_finder().find_in_article(article)
    assert [s.text for s in spans if s.category == "attribution"] == ["said"]


# "add" adds a thing as often as words (ux21's walkthrough: "the ferry, which may add
# extra sailings" counted as an attribution).
@pytest.mark.parametrize("text", [
    "The ferry, which may add extra sailings, was late.",
    "The storm added another $2 million to the repair bill.",
    "The council added to the list of closed piers.",
])
def test_adding_a_thing_is_no_attribution(text: str) -> None:
    assert "attribution" not in [c for c, _, _ in _cues(text)]


@pytest.mark.parametrize("text", [
    "He added that the ferry was late.",
    "He added the ferry was late.",
    "“The ferry is late,” added another harbour official.",
    "She added a note of caution about the crossing.",
    "He added: “The ferry is late.”",
    "The ferry is late, she added.",
])
def test_adding_words_is_an_attribution(text: str) -> None:
    assert "attribution" in [c for c, _, _ in _cues(text)]
