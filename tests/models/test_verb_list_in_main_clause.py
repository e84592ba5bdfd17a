"""The subject of a main clause whose verb phrases run in a list says the report verb
coordinated at its end: "Trump further summed up Clinton as “terrible,” denounced her
record as secretary of state and said she should not even be allowed to run" (PolNeAR
train, gold Source "Trump"). Three things no longer hide the subject there:
- an adverb between the subject and its verb ("Sanders often questions Clinton's ties to
  super PACs and has called for …", PolNeAR train, gold Source "Sanders");
- "as" before a role or a label ("as “terrible,”", "as secretary of state"), a
  preposition, no clause;
- a report verb in the past after a comma, the next verb phrase of a list whose first
  verb is in the past ("…, denounced her record").
"as" before a subject ("as the crowd cheered") still opens a clause. Sentences written
for these tests in the manner of the PolNeAR ones."""

from __future__ import annotations

import pytest

from models.cues import default_finder


def sources(text: str) -> list[str]:
    return [s.text for s in default_finder().find(text) if s.category == "source"]


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("Ann Lowe further summed up the mayor as “reckless,” denounced his record as "
         "county treasurer and said he should resign.", "Ann Lowe"),
        ("Ann Lowe often questions the mayor’s ties to developers and has called for the "
         "former treasurer to release his tax returns.", "Ann Lowe"),
        ("Ann Lowe toured the plant, denounced its owners and said it would close.",
         "Ann Lowe"),
    ],
)
def test_the_subject_says_the_last_verb_of_a_list(sentence: str, source: str) -> None:
    assert source in sources(sentence)


def test_as_before_a_subject_opens_a_clause() -> None:
    found = sources("Ann Lowe walked “slowly” to the stage as the crowd cheered and said "
                    "she would run.")
    assert "Ann Lowe" not in found
