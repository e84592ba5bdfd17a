"""A possessive that opens the subject of a clause a participle or a coordinated cue
hangs from is its owner, not the subject: "Lowe's younger sister went … and told" is the
sister, not Lowe (seen by sources10; PolNeAR train: "The Pentagon's recent top adviser …
went further, arguing", "China's state-owned investment giant CITIC … says"). The texts
here are made up."""

from models.cues import default_finder


def _sources(text: str) -> list[str]:
    return [s.text for s in default_finder().find(text) if s.category == "source"]


def test_the_head_after_a_possessive_and_its_modifiers_is_the_subject() -> None:
    for apostrophe in ("'", "’"):
        assert _sources(
            f"Lowe{apostrophe}s younger sister went to school with one of the mayor{apostrophe}s "
            "daughters, and told reporters she was shocked."
        ) == [f"Lowe{apostrophe}s younger sister"]
    assert _sources(
        "The harbour board's new chief executive toured the port, saying the cranes were old."
    ) == ["The harbour board's new chief executive"]


def test_the_owner_stays_when_no_source_head_follows_it() -> None:
    # "Mayor Quinlan's policy toward ferries" names no speaker but its owner
    assert _sources(
        "Mayor Quinlan's policy toward ferries has barely changed and shows no sign of change."
    ) == ["Mayor Quinlan's"]
