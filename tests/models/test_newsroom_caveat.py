"""A newsroom's own caveat ("CNN has not independently confirmed …", "Reuters could not
confirm …") attributes nothing to that outlet: no attribution and no source, as the
media-channel path already read "Reuters was unable to verify" (audit22;
models.attribution.own_caveat_end, one definition for both)."""

from __future__ import annotations

import pytest

from models.cues import default_finder
from models.features import analyze_article, article_from_text
from models.sources import named_mentions


def cues(text: str) -> list[str]:
    return [s.text for s in default_finder().find(text) if s.category == "attribution"]


def sources(text: str) -> list[str]:
    return [s.text for s in default_finder().find(text) if s.category == "source"]


@pytest.mark.parametrize("text", [
    "CNN has not confirmed the report.",
    "CNN has not independently confirmed the claims.",
    "Reuters could not confirm the figures.",
    "Reuters was unable to confirm the account.",
    "The Associated Press could not independently confirm the video's authenticity.",
])
def test_a_newsrooms_caveat_is_no_attribution(text: str) -> None:
    assert cues(text) == []
    assert sources(text) == []


@pytest.mark.parametrize(("text", "cue", "source"), [
    ("CNN confirmed the report.", "confirmed", "CNN"),  # a medium's finding, a source
    ("The Pentagon has not confirmed the report.", "confirmed", "The Pentagon"),
])
def test_other_confirmations_stay(text: str, cue: str, source: str) -> None:
    assert cues(text) == [cue]
    assert sources(text) == [source]


def test_the_caveat_names_no_source_in_the_article() -> None:
    text = ("Dmitry Peskov said the strike hit a depot. CNN has not independently confirmed "
            "the account.\n\nPeskov said more strikes would follow.")
    analysis = analyze_article(article_from_text(text, "caveat"))
    named = {source_id for source_id, _ in named_mentions(analysis)}
    assert any("peskov" in source_id for source_id in named)
    assert not any("cnn" in source_id for source_id in named)
