"""The sentence splitter: abbreviations, numbers, quotes, ellipses, block bounds."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from models.article import HEADLINE_INDEX, Block, Role
from models.segment import sentences_for_blocks, split_sentences

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def sentences(text: str, start: int = 0, end: int | None = None) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text, start, end)]


def test_plain_sentences_and_offsets() -> None:
    text = "  The ban holds. Officials cannot quit!  Is that legal?  "
    spans = split_sentences(text)
    assert spans == [(2, 16), (17, 39), (41, 55)]
    assert [text[s:e] for s, e in spans] == [
        "The ban holds.",
        "Officials cannot quit!",
        "Is that legal?",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Mr. Peskov denied it.",
        "Dr. Smith and Mrs. Jones met Ms. Brown.",
        "Gen. Valery Gerasimov and Col. Yevgeny Brovko were named.",
        "Lt. Gen. Lapin was moved to St. Petersburg by Gov. Beglov.",
        "The report reached the U.S. State Department on Monday.",
        "George W. Bush and J. K. Rowling were not involved.",
        "The decree was signed on Sept. 21 and took effect on Oct. 1 last year.",
        "It rose 3.5 percent to 200,590 dead, or 1.2 million in all.",
        "He lives at No. 10 with his staff.",
        "The meeting at 10 a.m. on Tuesday was short.",
        "The court in Dobbs v. Jackson Women's Health Organization overturned Roe v. Wade.",
    ],
)
def test_abbreviations_initials_and_numbers_do_not_end_a_sentence(text: str) -> None:
    assert sentences(text) == [text]


def test_a_case_name_with_v_is_one_sentence_and_its_end_still_ends_it() -> None:
    # "v." (versus) names court cases; a lone upper-case "V." was already an initial.
    text = "The justices overturned Roe v. Wade. Protests followed in Brown v. Board. They spread."
    assert sentences(text) == [
        "The justices overturned Roe v. Wade.",
        "Protests followed in Brown v. Board.",
        "They spread.",
    ]


@pytest.mark.parametrize(
    "month", ["Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
)
def test_month_abbreviations(month: str) -> None:
    text = f"It began on {month}. 24 and ended in spring. Nobody expected it."
    assert sentences(text) == [
        f"It began on {month}. 24 and ended in spring.",
        "Nobody expected it.",
    ]


def test_initialism_ends_a_sentence_when_a_sentence_starter_follows() -> None:
    text = "The sanctions came from the U.S. The Kremlin answered within hours."
    assert sentences(text) == [
        "The sanctions came from the U.S.",
        "The Kremlin answered within hours.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "“If everyone leaves, control will be lost.” The report described a view.",
            ["“If everyone leaves, control will be lost.”", "The report described a view."],
        ),
        (
            "He called it a ‘false rumour.’ Then he left.",
            ["He called it a ‘false rumour.’", "Then he left."],
        ),
        (
            'She said "it is over." Nobody answered.',
            ['She said "it is over."', "Nobody answered."],
        ),
        (
            "“Many want to leave,” said one source. “If everyone leaves, control is lost,” says another.",
            [
                "“Many want to leave,” said one source.",
                "“If everyone leaves, control is lost,” says another.",
            ],
        ),
        (
            "“Who will stay?” asked the official.",
            ["“Who will stay?” asked the official."],
        ),
    ],
)
def test_quotes(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_ellipsis() -> None:
    assert sentences("They waited… Nothing came. Then... Silence.") == [
        "They waited…",
        "Nothing came.",
        "Then...",
        "Silence.",
    ]
    assert sentences("no advantage in equipment…and personnel, he said.") == [
        "no advantage in equipment…and personnel, he said."
    ]
    assert sentences("They waited... and waited.") == ["They waited... and waited."]


def test_a_lower_case_word_after_a_stop_is_not_a_new_sentence_but_a_camel_case_name_is() -> None:
    assert sentences("around Bakhmut (east). as epicenter.") == [
        "around Bakhmut (east). as epicenter."
    ]
    assert sentences("The outlet was first. iStories reported it on Monday.") == [
        "The outlet was first.",
        "iStories reported it on Monday.",
    ]


def test_range_offsets_index_the_whole_text_and_never_cross_the_end() -> None:
    text = "Headline without stop\nFirst sentence. Second one.\nCaption line"
    start = text.index("First")
    end = text.index("\nCaption")
    spans = split_sentences(text, start, end)
    assert [text[s:e] for s, e in spans] == ["First sentence.", "Second one."]
    assert all(start <= s < e <= end for s, e in spans)


def test_empty_and_blank_ranges() -> None:
    assert split_sentences("") == []
    assert split_sentences("   \n\t ") == []
    assert split_sentences("One. Two.", 4, 4) == []


def test_text_without_final_punctuation_is_one_sentence() -> None:
    assert sentences("A Ukrainian launcher fires near Bakhmut, yesterday") == [
        "A Ukrainian launcher fires near Bakhmut, yesterday"
    ]


@given(st.text(alphabet=st.sampled_from(list("ab A.?!” \n“U.S,1")), max_size=80))
def test_spans_are_ordered_trimmed_and_inside_the_text(text: str) -> None:
    spans = split_sentences(text)
    previous_end = 0
    for s, e in spans:
        assert previous_end <= s < e <= len(text)
        assert not text[s].isspace() and not text[e - 1].isspace()
        previous_end = e
    # Everything that is not whitespace belongs to some sentence.
    covered = "".join(text[s:e] for s, e in spans)
    assert "".join(covered.split()) == "".join(text.split())


def test_sentences_for_blocks_numbers_body_sentences_across_blocks() -> None:
    text = "Kremlin bans resignations\n\nBody one. Body two.\nCrosshead\nBody three."
    blocks = (
        Block(0, 25, Role.HEADLINE),
        Block(27, 46, Role.BODY),
        Block(47, 56, Role.CROSSHEAD),
        Block(57, 68, Role.BODY),
    )
    result = sentences_for_blocks(text, blocks)
    assert [(s.index, s.text) for s in result] == [
        (HEADLINE_INDEX, "Kremlin bans resignations"),
        (0, "Body one."),
        (1, "Body two."),
        (2, "Body three."),
    ]
    assert all(text[s.start : s.end] == s.text for s in result)
    without = sentences_for_blocks(text, blocks, with_headline=False)
    assert [s.index for s in without] == [0, 1, 2]


def test_seed_002_numbers_stay_inside_their_sentence() -> None:
    text = (SEEDS / "002_14618085202ce7d7.txt").read_text(encoding="utf-8")
    start = text.index("The General Staff")
    end = text.index("\n", start)
    found = sentences(text, start, end)
    assert len(found) == 1
    assert "“around 200,590 people have been killed”, including 610" in found[0]


def test_seed_001_splits_a_quote_pair_and_keeps_the_fsb_dashes() -> None:
    text = (SEEDS / "001_66f19ea345cf053d.txt").read_text(encoding="utf-8")
    start = text.index("The outlet also spoke")
    end = text.index("\n", start)
    assert sentences(text, start, end) == [
        "The outlet also spoke with another source described as an acquaintance of an official "
        "within the Kremlin’s Presidential Administration who had heard about the ban.",
        "“There are many who want [to leave] after the start of the war,” the source said.",
        "“If everyone leaves, control will be lost.”",
        "The report described a view in the administration which regarded the desire to leave as "
        "flat-out betrayal, with civil servants instead being ordered to demonstrate “unity” by "
        "remaining in post.",
    ]
