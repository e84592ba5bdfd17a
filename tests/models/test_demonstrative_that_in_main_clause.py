""""that" before a particle is a demonstrative, the object of the main clause's verb,
not a clause of its own: in "She brought that down to $42,000 in five years, but said
she couldn't …" (PolNeAR train, gold Source "She") the subject says the coordinated
verb. Sentences written for these tests in the manner of the PolNeAR one."""

from __future__ import annotations

from models.cues import default_finder


def sources(text: str) -> list[str]:
    return [s.text for s in default_finder().find(text) if s.category == "source"]


def test_that_before_a_particle_is_an_object() -> None:
    sentence = "She paid that down to $12,000 in three years, but said she could not buy a house."
    assert sources(sentence) == ["She"]

