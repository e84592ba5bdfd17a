"""A crowd that chants a name reports nothing: "the raucous crowd, which periodically
chanted his name" gave the source "the raucous crowd, which" and the cue "chanted"; PolNeAR
train marks neither. Chants of a slogan stay reports. Sentences written for these tests
in the manner of news reports, the first after PolNeAR train."""

from __future__ import annotations

from models.cues import default_finder


def cues(text: str) -> list[tuple[str, str]]:
    return [(s.category, s.text) for s in default_finder().find(text)
            if s.category in ("attribution", "source")]


def test_a_chanted_name_is_no_report() -> None:
    assert cues(
        "After thanking the raucous crowd, which periodically chanted his name, he touted "
        "how far his campaign had come."
    ) == [("attribution", "thanking"), ("source", "he"), ("attribution", "touted")]
    assert cues("Supporters shouted her name as she walked in.") == []


def test_a_chanted_slogan_is_still_a_report() -> None:
    assert cues('The crowd chanted "Build the wall!" as he spoke.') == [
        ("source", "The crowd"), ("attribution", "chanted")
    ]
