"""An institution's name joined by "for" after "according to" is one source: "according
to the Center for Responsive Politics", not "the Center" (PolNeAR: 4 sentences, dev 1);
a person's name before "for" is the writer, and "for" the outlet he writes for. The
texts here are made up."""

from models.cues import default_finder


def _sources(text: str) -> list[str]:
    return [s.text for s in default_finder().find(text) if s.category == "source"]


def test_an_institution_named_with_for_is_one_source() -> None:
    assert _sources("Turnout fell by a third, according to the Centre for Harbour Studies."
                    ) == ["the Centre for Harbour Studies"]
    assert _sources("Turnout fell, according to the Institute for the Study of Ferries."
                    ) == ["the Institute for the Study of Ferries"]


def test_a_person_before_for_is_the_source_alone() -> None:
    assert _sources("“Turnout fell,” wrote Ann Lowe for Harbour Weekly.") == ["Ann Lowe"]
