"""The object of a report verb in a list of verb phrases is no inverted source: "Ann Lowe
toured the plant, denounced its owners and said" gave "its owners" as the source of
"denounced" (seen by sources10; PolNeAR train: "Mr. Obama spoke Hebrew, quoted the Talmud
and visited", "…, mocked the Republican Party and its leading presidential contenders").
An inverted source after a comma is kept. The texts here are made up."""

from models.cues import default_finder


def _sources(text: str) -> list[str]:
    return [s.text for s in default_finder().find(text) if s.category == "source"]


def test_a_listed_verbs_object_is_no_source() -> None:
    assert _sources("Ann Lowe toured the plant, denounced its owners and said they had lied."
                    ) == ["Ann Lowe"]
    assert "the Harbour Board" not in _sources(
        "Ann Lowe toured the port, praised the Harbour Board as a model and left.")


def test_an_inverted_source_after_a_comma_stays() -> None:
    assert _sources("The cranes are old, explained the harbour master.") == [
        "the harbour master"]
    assert _sources("The cranes are old, added Ann Lowe and her deputy.") != []
