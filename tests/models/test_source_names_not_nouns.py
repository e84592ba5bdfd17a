"""Source names (sources_named) count names, not the lexicon's bare nouns.

audit22's hand check of the seeds (session 22): 'the ministry said', 'the authorities',
'The outlet also reported', 'the media adds' were each counted as a distinct source name
(seed 002: 7 names where a reader finds 5; 004: 10 for 6). They describe a source that
Named sources (sources_named_people) merges with its name or leaves unnamed.
"""

from __future__ import annotations

from models.features import analyze_article, article_from_text, named_sources
from models.sources import is_description


def _names(text: str) -> set[str]:
    analysis = analyze_article(article_from_text(text))
    body = [s for s in analysis.spans if not s.in_headline]
    assert analysis.scores.sources_named == len(named_sources(body))
    return named_sources(body)


def test_a_bare_noun_after_its_name_is_no_second_name() -> None:
    names = _names(
        "Ministry opens inquiry\n\n"
        "The UK Defence Ministry said on Friday that the plan had failed. "
        "The ministry said it would publish the figures next week. "
        "The independent outlet Meduza reported that officials were leaving. "
        "The outlet also reported that two had resigned. "
        "The media adds that the rule applies to every official."
    )
    assert names == {"uk defence ministry", "meduza"}, names


def test_the_authorities_alone_are_no_name_but_a_named_ministry_is() -> None:
    names = _names(
        "Officials barred\n\n"
        "The authorities said the ban would stay in place. "
        "Kremlin spokesman Dmitry Peskov said the decree was lawful."
    )
    assert names == {"dmitry peskov"}, names


def test_description_terms() -> None:
    for term in ("ministry", "the ministry", "authorities", "outlet", "media", "spokesman"):
        assert is_description(term), term
    for term in ("uk defence ministry", "meduza", "dmitry peskov", "kremlin", "kyiv"):
        assert not is_description(term), term


def test_a_nationality_before_a_generic_body_is_no_name() -> None:
    # HLN seed (audit22): "the Russian authorities want to prevent …" was a named source.
    names = _names(
        "Officials barred\n\n"
        "The Russian authorities said the ban would stay in place. "
        "German authorities said they were watching. "
        "US officials said the rule was new. "
        "Kremlin spokesman Dmitry Peskov said the decree was lawful."
    )
    assert names == {"dmitry peskov"}, names
    assert is_description("the Russian authorities") and is_description("U.S. officials")


def test_a_nationality_before_a_body_s_own_name_stays_a_name() -> None:
    assert not is_description("the British Army")
    assert not is_description("the US Department of State")
    assert not is_description("Russian Defence Ministry")


def test_a_nationality_and_lower_case_words_before_a_generic_body_are_no_name() -> None:
    # MoD seed 004 S25 (audit22, audit25): "Russian mercenary forces say …" was a name.
    names = _names(
        "Fighting goes on\n\n"
        "Russian mercenary forces say they have advanced inside the city. "
        "Russian Airborne Forces said the bridge was taken. "
        "Kremlin spokesman Dmitry Peskov said the decree was lawful."
    )
    assert names == {"russian airborne forces", "dmitry peskov"}, names
