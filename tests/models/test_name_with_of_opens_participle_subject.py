"""A capitalised name joined by "of" or "for" that opens the subject of a clause a
participle or a coordinated cue hangs from is one name: "The Department of Justice
overruled the board and said" is the Department of Justice, not "The Department" (seen
by sources10; PolNeAR train: "the American Civil Liberties Union of Ohio has already
sued …, saying"). The texts here are made up."""

from models.cues import default_finder


def _sources(text: str) -> list[str]:
    return [s.text for s in default_finder().find(text) if s.category == "source"]


def test_a_name_with_of_or_for_is_one_subject() -> None:
    assert _sources("The Department of Justice overruled the board and said it would appeal."
                    ) == ["The Department of Justice"]
    assert _sources("The Centre for the Study of Harbours toured the port, saying the cranes "
                    "were old.") == ["The Centre for the Study of Harbours"]


def test_of_before_a_lower_case_word_ends_the_name() -> None:
    assert _sources("Quinlan of all people toured the port, saying the cranes were old."
                    ) == ["Quinlan"]
