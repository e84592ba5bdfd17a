"""A report verb as the main clause's own verb does not hide its subject from the verb
coordinated after "and"/"but" or from a participle after a comma: "Sanders pledged
Saturday to rid the world of "this barbarous organization" but said little about how"
(PolNeAR train, gold Source "Sanders"); "Trump has used the phrase … often in his
campaign, and criticized Obama" (PolNeAR dev, gold Source "Trump"). Report words are the
first words of the attribution lexicon's cues, so they include "has" and "was"
("was upfront about", "has been outspoken in"). Sentences written for these tests
in the manner of the PolNeAR ones."""

from __future__ import annotations

import pytest

from models.cues import default_finder


def sources(text: str) -> list[str]:
    return [s.text for s in default_finder().find(text) if s.category == "source"]


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ('Ann Lowe pledged Saturday to rid the state of "this broken system" but said '
         "little about how.", "Ann Lowe"),
        ("The county board has used the word “reckless” often in its letters, and "
         "criticized the mayor for not doing so.", "The county board"),
        ("Ann Lowe was upfront about her distaste for Tom Gold, the current front-runner, "
         "saying voters need to band together to stop him.", "Ann Lowe"),
    ],
)
def test_the_subject_of_a_report_verb_says_the_coordinated_verb(
    sentence: str, source: str
) -> None:
    assert sources(sentence) == [source]
