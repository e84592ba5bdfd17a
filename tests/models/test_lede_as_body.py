"""A short lede is body text, not a standfirst; and a block the reader set aside can be
scored as body on the user's word (models.segment.with_block_as_body).

ux22 (session 22) loaded a practice article whose 20-word lede ("…, officials confirmed
on Tuesday.") was greyed out as a standfirst: a third of the words and the only source
were left out, and every per-100-word rate was some 50% too high. Nothing let her undo it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from models.article import Role
from models.features import analyze_article
from models.project import Project, load_project, save_project
from models.readers import read_file
from models.readers.layout import detect_layout
from models.segment import WHY_USER_BODY, scorable_blocks, with_block_as_body

B, H = Role.BODY, Role.HEADLINE
SEEDS = Path(__file__).resolve().parents[2] / "seeds"

LEDE = ("The city council will close the Riverside branch library at the end of next month, "
        "officials confirmed on Tuesday.")
REST = (
    "The branch, which opened in 1962, lends about 40,000 books a year. Council members "
    "said the building needs repairs the city cannot afford, and that its collection will "
    "move to the central library downtown.\n\n"
    "Parents at a meeting on Monday asked the council to keep the branch open on Saturdays "
    "until a new reading room is found. The mayor did not promise anything.\n"
)


def test_a_lede_that_names_who_confirmed_it_is_body() -> None:
    text = f"Riverside library to close\n\n{LEDE}\n\n{REST}"
    assert [b.role for b in detect_layout(text).blocks] == [H, B, B, B]


@pytest.mark.parametrize("verb", ["announced", "reported", "warned", "revealed", "admitted"])
def test_other_report_verbs_of_a_lede_keep_it_body(verb: str) -> None:
    lede = LEDE.replace("confirmed", verb)
    text = f"Riverside library to close\n\n{lede}\n\n{REST}"
    assert detect_layout(text).blocks[1].role is B


def test_a_short_sentence_the_next_paragraph_goes_on_from_is_body() -> None:
    # Politico, 2015-12-28 (PolNeAR train), whose first paragraph was set aside.
    text = (
        "Are Democrats crippling Obamacare?\n\n"
        "Obamacare has survived a pair of Supreme Court battles and half a decade of "
        "Republican repeal efforts.\n\n"
        "But as the Obama administration enters its final year, the Affordable Care Act is "
        "facing formidable hurdles that are largely of Democrats' making.\n\n"
        "By voting to delay the so-called Cadillac tax as part of a year-end budget deal, "
        "Democrats knocked out an economic pillar critical to achieving one of the act's "
        "central goals. Obama may have his own party to blame.\n"
    )
    assert [b.role for b in detect_layout(text).blocks] == [H, B, B, B]


def test_a_summary_without_attribution_or_continuation_is_still_a_standfirst() -> None:
    text = (f"Riverside library to close\n\nA branch that lent 40,000 books a year is the "
            f"latest victim of the budget.\n\n{REST}")
    assert detect_layout(text).blocks[1].role is Role.STANDFIRST


def _seed_001():
    (path,) = SEEDS.glob("001_*.txt")
    return read_file(path)


def test_a_standfirst_scored_as_body_counts_its_sentence_and_words() -> None:
    article = _seed_001()
    standfirst = next(i for i, b in enumerate(article.blocks) if b.role is Role.STANDFIRST)
    assert standfirst in scorable_blocks(article)
    before = analyze_article(article)
    changed = with_block_as_body(article, standfirst)
    after = analyze_article(changed)
    block = changed.blocks[standfirst]
    assert block.role is B and block.reason.startswith(WHY_USER_BODY)
    assert "a standfirst" in block.reason
    line = "Two governors were even threatened with talk of criminal cases."
    assert line in [s.text for s in changed.body_sentences]
    assert line not in [s.text for s in article.body_sentences]
    assert after.scores.sentences == before.scores.sentences + 1
    assert after.scores.words == before.scores.words + len(line.split())
    # Sentences are numbered again from 0 over the body, each one still its text's slice.
    assert [s.index for s in changed.body_sentences] == list(range(after.scores.sentences))
    assert all(changed.text[s.start:s.end] == s.text for s in changed.sentences)
    # Everything else is the article as read.
    assert changed.headline_sentence == article.headline_sentence
    assert [b for i, b in enumerate(changed.blocks) if i != standfirst] == \
        [b for i, b in enumerate(article.blocks) if i != standfirst]
    assert standfirst not in scorable_blocks(changed)


def test_body_and_headline_blocks_cannot_be_marked() -> None:
    article = _seed_001()
    for role in (B, H):
        index = next(i for i, b in enumerate(article.blocks) if b.role is role)
        assert index not in scorable_blocks(article)
        with pytest.raises(ValueError, match="not set aside"):
            with_block_as_body(article, index)


def test_the_mark_is_kept_in_a_saved_study(tmp_path: Path) -> None:
    article = _seed_001()
    standfirst = next(i for i, b in enumerate(article.blocks) if b.role is Role.STANDFIRST)
    changed = with_block_as_body(article, standfirst)
    path = tmp_path / "study.framescope"
    save_project(path, Project(articles=[changed]))
    (loaded,) = load_project(path).articles
    assert loaded.blocks == changed.blocks
    assert loaded.sentences == changed.sentences
    assert analyze_article(loaded).scores == analyze_article(changed).scores
