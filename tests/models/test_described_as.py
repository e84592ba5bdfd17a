"""A noun phrase before "described as" (a reduced relative clause) is who was described,
not who described: "The outlet also spoke with another source described as an
acquaintance of an official" (seed 001) made "another source" the source of "described",
so sources.csv listed a describe report for it. The describer is unsaid, or the agent
after "by". An object moved before an active verb ("what analysts described as") keeps
its subject. Sentences written for these tests in the manner of news reports, the first
and the last two after seed 001 and PolNeAR."""

from __future__ import annotations

from models.cues import default_finder


def sources(text: str) -> list[str]:
    return [s.text for s in default_finder().find(text) if s.category == "source"]


def test_the_phrase_described_is_no_source() -> None:
    assert sources(
        "The outlet also spoke with another source described as an acquaintance of an "
        "official within the Kremlin's Presidential Administration."
    ) == []
    assert sources("A man described as a loner was arrested on Tuesday.") == []
    assert sources("The candidates most often described as moderates lost.") == []


def test_the_agent_of_the_participle_is_the_source() -> None:
    assert sources("Police arrested a man described by neighbours as a loner.") == [
        "neighbours"
    ]


def test_an_active_describer_stays_the_source() -> None:
    assert sources("Neighbours described him as a loner.") == ["Neighbours"]
    assert sources("He engaged in what analysts described as age-old tactics.") == [
        "analysts"
    ]
    assert sources(
        "It was an explosion that Mayor Bill de Blasio described as an intentional act."
    ) == ["Mayor Bill de Blasio"]
