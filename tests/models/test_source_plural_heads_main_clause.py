"""A lexicon source's plural ("officials", "experts") that heads the main clause's subject
is no verb in -s: "The officials reversed themselves, rushed … and said" is the
officials' saying (seen by sources10; PolNeAR train: "Nuclear proliferation experts have
similarly discounted …, but have speculated"). The texts here are made up."""

from models.cues import default_finder


def _sources(text: str) -> list[str]:
    return [s.text for s in default_finder().find(text) if s.category == "source"]


def test_a_source_plural_heads_the_subject_of_a_coordinated_cue() -> None:
    assert _sources("The officials reversed themselves, rushed everyone out of the building "
                    "and said it was unsafe.") == ["The officials"]
    assert _sources("Harbour safety experts have quietly doubted the figures, but have "
                    "speculated that the cranes could fail.") == ["Harbour safety experts"]
