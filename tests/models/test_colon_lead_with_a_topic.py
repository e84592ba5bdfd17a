"""A colon's lead of the form "X <preposition> Y:" in a headline or a subhead: Y is the
topic or the audience, never the speaker; the speaker, if any, is X, which opens the
lead ("Obama on Climate Change:"), and a lead that opens with no source ("Stealth Over
Health:", "Big Win For Bernie:") hands the floor to no one. Seen by sources10 on
PolNeAR; the texts here are made up."""

from models.features import analyze_article, article_from_text


def _cues(text: str) -> list[tuple[str, str]]:
    spans = analyze_article(article_from_text(text, "t")).spans
    return [(s.text, s.category) for s in spans
            if s.category in ("source", "attribution") and s.sentence_index == 0]


def test_the_name_after_the_preposition_is_no_speaker() -> None:
    cues = _cues("Mayor Quinlan on Harbour Dredging: The Costs Are 'Alarming.'\n\n"
                 "Mayor Quinlan spoke to the council on Tuesday.")
    assert ("Harbour Dredging", "source") not in cues
    assert ("Mayor Quinlan", "source") in cues and (":", "attribution") in cues
    cues = _cues("BBC Director On Quinlan: ‘We Do Not Pay Guests To Appear.’\n\n"
                 "The broadcaster's director spoke.")
    assert ("Quinlan", "source") not in cues
    assert ("BBC Director", "source") in cues


def test_a_lead_that_opens_with_no_source_hands_the_floor_to_no_one() -> None:
    for lead in ("Stealth Over Harbour", "Big Win For Quinlan", "Little Relief for Ferries",
                 "Frustration with police"):
        assert _cues(f"{lead}: The council voted to close the harbour on Monday.") == []


def test_a_lead_that_names_whom_the_words_come_from_keeps_its_speaker() -> None:
    cues = _cues("More from the report: “Ferries will run twice a day.”")
    assert ("the report", "source") in cues and (":", "attribution") in cues
    cues = _cues("Quinlan: Ferries will run twice a day.\n\nMayor Quinlan spoke on Tuesday.")
    assert ("Quinlan", "source") in cues
