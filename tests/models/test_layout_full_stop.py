"""A headline that ends in a full stop ('Poll: Voters Abandon the GOP.'), and the one-sentence
lede at the top of a body-only text that looks like one but is body."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from models.article import HEADLINE_INDEX, Role
from models.features import analyze_article
from models.readers import read_file
from models.readers.documents import build_article
from models.readers.layout import (
    WHY_ABSTRACT,
    WHY_ABSTRACT_LABEL,
    WHY_COLUMN_NAME,
    WHY_DECK,
    WHY_EMAIL_HEADER,
    WHY_FULL_TEXT_LABEL,
    WHY_HEADLINE_DATELINE,
    WHY_HEADLINE_LABEL,
    WHY_HEADLINE_OVER_ABSTRACT,
    WHY_HEADLINE_OVER_DECK,
    WHY_HEADLINE_SHORT_NAME,
    WHY_HEADLINE_TITLE_CASE,
    WHY_HEADLINE_WORDING,
    detect_layout,
)

B, H = Role.BODY, Role.HEADLINE

# Two body paragraphs about a Senate vote, written for these tests.
BODY = (
    "The Senate voted 52 to 48 on Thursday to block the bill, which would have expanded "
    "background checks for gun sales at shows and online, after a day of debate.\n\n"
    "Supporters of the bill said they would bring it back after the recess, while opponents "
    "argued that the checks would do little to stop crimes committed with guns.\n"
)


def blocks(text: str) -> list[tuple[Role, str]]:
    return [(b.role, text[b.start : b.end]) for b in detect_layout(text).blocks]


@pytest.mark.parametrize(
    ("headline", "why"),
    [
        ("Senate Blocks Gun Bill After Day of Debate.", WHY_HEADLINE_TITLE_CASE),
        ("Senate Blocks Gun Bill. Here’s What Comes Next.", WHY_HEADLINE_TITLE_CASE),
        ("Poll: voters want background checks on gun sales.", WHY_HEADLINE_LABEL),
        ("Senate blocks gun bill after day of debate.", WHY_HEADLINE_WORDING),
        ("Senate blocks bill on ‘background checks.’", WHY_HEADLINE_WORDING),
    ],
)
def test_a_short_line_with_a_full_stop_worded_as_a_headline_is_the_headline(
    headline: str, why: str
) -> None:
    text = f"{headline}\n\n{BODY}"
    layout = detect_layout(text)
    assert layout.headline == headline
    assert [b.role for b in layout.blocks] == [H, B, B]
    assert layout.blocks[0].reason == why


def test_a_dateline_below_makes_a_sentence_case_line_a_headline() -> None:
    headline = "Clinton wins New York primary by wide margin."
    text = (
        f"{headline}\n\n"
        "NEW YORK (AP) — Hillary Clinton won the New York primary on Tuesday, beating Bernie "
        "Sanders in the state she represented as a senator.\n\n"
        "Her campaign said the result showed she could unite the party before the summer.\n"
    )
    layout = detect_layout(text)
    assert layout.headline == headline
    assert [b.role for b in layout.blocks] == [H, Role.DATELINE, B, B]
    assert layout.blocks[0].reason == WHY_HEADLINE_DATELINE


@pytest.mark.parametrize(
    "lede",
    [
        # past tense and attribution
        "The Senate blocked the gun bill, its leaders said.",
        # a time and an auxiliary: how a lede reports, not how a headline does
        "The Senate is blocking the gun bill on Thursday.",
        # sentence case, present tense, but its words do not recur below
        "Washington rarely changes its mind quickly.",
        # a pronoun cannot open a headline
        "It was a long day for supporters of background checks.",
        # two sentences in sentence case
        "Senate blocks gun bill. Supporters vow to return.",
    ],
)
def test_a_one_sentence_lede_at_the_top_of_a_body_only_text_stays_body(lede: str) -> None:
    text = f"{lede}\n\n{BODY}"
    layout = detect_layout(text)
    assert layout.headline == ""
    assert [b.role for b in layout.blocks] == [B, B, B]


def test_a_line_with_a_full_stop_needs_body_below_it() -> None:
    alone = "Senate Blocks Gun Bill After Day of Debate.\n"
    above_a_short_line = "Senate Blocks Gun Bill After Day of Debate.\n\nMore soon.\n"
    for text in (alone, above_a_short_line):
        assert detect_layout(text).headline == ""


def test_a_line_with_a_full_stop_must_be_set_apart_by_a_blank_line() -> None:
    text = f"Senate Blocks Gun Bill After Day of Debate.\n{BODY}"
    assert detect_layout(text).headline == ""


def test_a_photo_credit_given_a_full_stop_is_not_a_headline() -> None:
    text = f"Jim Urquhart / Reuters.\n\n{BODY}"
    assert detect_layout(text).headline == ""


def test_a_short_sentence_under_a_headline_with_a_full_stop_stays_body() -> None:
    # Where the headline ends in a full stop, a full stop does not set a summary apart from
    # the lede: the lede is scored as body, not set aside as a standfirst.
    text = f"Senate Blocks Gun Bill After Day of Debate.\n\nThe bill failed by four votes.\n\n{BODY}"
    assert [role for role, _ in blocks(text)] == [H, B, B, B]


def test_a_headline_without_a_full_stop_keeps_its_standfirst() -> None:
    text = f"Senate Blocks Gun Bill After Day of Debate\n\nThe bill failed by four votes.\n\n{BODY}"
    assert [role for role, _ in blocks(text)] == [H, Role.STANDFIRST, B, B]


def test_labels_above_a_headline_with_a_full_stop_are_section_labels() -> None:
    text = f"Politics\n\nSenate Blocks Gun Bill After Day of Debate.\n\n{BODY}"
    assert [role for role, _ in blocks(text)] == [Role.SECTION, H, B, B]


def test_the_headline_of_a_plain_text_file_is_read_and_scored(tmp_path: Path) -> None:
    path = tmp_path / "senate.txt"
    path.write_text(f"Senate Blocks Gun Bill After Day of Debate.\n\n{BODY}", encoding="utf-8")
    article = read_file(path)
    assert article.headline == "Senate Blocks Gun Bill After Day of Debate."
    assert article.sentences[0].index == HEADLINE_INDEX
    assert all("Senate Blocks" not in s.text for s in article.sentences[1:])
    scores = analyze_article(article).scores
    assert scores.headline_tone is not None
    assert scores.headline_sensational is not None


def test_a_line_ending_in_a_semicolon_over_its_deck_is_the_headline_and_the_deck_no_body() -> None:
    # How news databases export a print headline and its deck: "headline; " then the deck.
    text = f"Senate blocks gun bill; \nSupporters vow to bring it back after the recess.\n\n{BODY}"
    layout = detect_layout(text)
    assert layout.headline == "Senate blocks gun bill;"
    assert layout.blocks[0].reason == WHY_HEADLINE_OVER_DECK
    assert [b.role for b in layout.blocks] == [H, Role.STANDFIRST, B, B]
    assert layout.blocks[1].reason == WHY_DECK


def test_a_headline_in_capitals_ending_in_a_semicolon_over_its_deck_is_the_headline() -> None:
    # A kicker in capitals is short and has no ';': a print headline set in capitals has.
    text = f"SENATE SHUTS THE DOOR ON GUN BILL AFTER LONG DAY; \nSupporters vow a new try.\n\n{BODY}"
    layout = detect_layout(text)
    assert layout.headline == "SENATE SHUTS THE DOOR ON GUN BILL AFTER LONG DAY;"
    assert [b.role for b in layout.blocks] == [H, Role.STANDFIRST, B, B]


def test_a_column_name_under_a_headline_ending_in_a_semicolon_is_a_section_label() -> None:
    # News databases put the column's name where a deck would be: "headline; " / "Money Talk."
    text = (
        f"Senate blocks gun bill; \nMoney Talk.\n\nABSTRACT.\n\n"
        f"A vote on checks fails as the recess nears.\n\nFULL TEXT.\n\n{BODY}"
    )
    layout = detect_layout(text)
    assert layout.headline == "Senate blocks gun bill;"
    assert layout.blocks[1].role is Role.SECTION
    assert layout.blocks[1].reason == WHY_COLUMN_NAME
    assert [b.role for b in layout.blocks[-2:]] == [B, B]


def test_a_short_lower_case_line_under_a_line_ending_in_a_semicolon_is_no_column_name() -> None:
    text = f"We weighed three options for the bill; \nnone won.\n\n{BODY}"
    assert detect_layout(text).headline == ""


def test_lines_of_a_paragraph_that_break_after_a_semicolon_are_body() -> None:
    text = (
        "We weighed three options for the bill;\nnone of them won a majority.\n"
        "The Senate will try again after the recess.\n\n" + BODY
    )
    assert detect_layout(text).headline == ""


# A body that names its people in full, written for these tests (PolNeAR's sentence-case
# titles ending in a full stop: 'Clinton stays well ahead of Sanders in latest poll.').
NAMED_BODY = (
    "Hillary Clinton has the support of 52 percent of Democratic primary voters and Bernie "
    "Sanders has 33 percent, a survey released on Thursday found, a month after their debate.\n\n"
    "The survey of 1,200 voters was taken over five days and has a margin of error of three "
    "percentage points, its authors said in a statement on their website.\n"
)


def test_a_line_that_calls_people_by_the_short_names_the_body_gives_in_full_is_the_headline() -> None:
    headline = "Clinton keeps wide lead over Sanders."
    text = f"{headline}\n\n{NAMED_BODY}"
    layout = detect_layout(text)
    assert layout.headline == headline
    assert [b.role for b in layout.blocks] == [H, B, B]
    assert layout.blocks[0].reason == WHY_HEADLINE_SHORT_NAME


@pytest.mark.parametrize(
    ("lede", "body"),
    [
        # names given in full, as a lede gives them
        ("Hillary Clinton keeps a wide lead in the race.", NAMED_BODY),
        # a name after a title is not a bare name
        ("Mrs. Clinton keeps her wide lead.", NAMED_BODY),
        # a bare name, but in a lede's wording (past tense)
        ("Clinton widened her lead over Sanders.", NAMED_BODY),
        # 'the Clinton campaign' below is no fuller name for 'Clinton'
        (
            "Momentum stays with Clinton.",
            NAMED_BODY.replace("Hillary Clinton", "The Clinton campaign").replace(
                "Bernie Sanders", "its rival"
            ),
        ),
    ],
)
def test_a_one_sentence_lede_that_names_people_stays_body(lede: str, body: str) -> None:
    layout = detect_layout(f"{lede}\n\n{body}")
    assert layout.headline == ""
    assert [b.role for b in layout.blocks] == [B, B, B]


# How a news database (ProQuest) exports an article: title, ABSTRACT, abstract, FULL TEXT, text.
ABSTRACT_RECORD = (
    "ABSTRACT.\n\n"
    "Democrats hope a tighter law on background checks will pass after the recess.\n\n"
    "FULL TEXT.\n\n" + BODY
)


def test_a_line_over_an_abstract_label_is_the_headline_and_the_abstract_no_body() -> None:
    headline = "Gun control stalls once more."
    text = f"{headline}\n\n{ABSTRACT_RECORD}"
    layout = detect_layout(text)
    assert layout.headline == headline
    assert layout.blocks[0].reason == WHY_HEADLINE_OVER_ABSTRACT
    assert [b.role for b in layout.blocks] == [
        H, Role.KICKER, Role.STANDFIRST, Role.METADATA, B, B
    ]
    assert [b.reason for b in layout.blocks[1:4]] == [
        WHY_ABSTRACT_LABEL, WHY_ABSTRACT, WHY_FULL_TEXT_LABEL
    ]


def test_a_record_with_a_deck_keeps_deck_abstract_and_labels_out_of_the_body() -> None:
    # NYT in PolNeAR: "Jobs report gives Democrats a lift;" / deck / ABSTRACT / … / FULL TEXT.
    text = (
        "Senate blocks gun bill; \nSupporters vow to bring it back after the recess.\n\n"
        + ABSTRACT_RECORD
    )
    layout = detect_layout(text)
    assert [b.role for b in layout.blocks] == [
        H, Role.STANDFIRST, Role.KICKER, Role.STANDFIRST, Role.METADATA, B, B
    ]
    article = build_article(
        text, article_id="record", source="record.txt", given={}, origin="manifest",
        content_hash="record", notes=[],
    )
    body = " ".join(s.text for s in article.body_sentences)
    assert body.startswith("The Senate voted 52 to 48")
    assert "FULL TEXT" not in body and "Democrats hope" not in body


def test_an_abstract_label_without_a_full_text_label_leaves_the_lines_below_body() -> None:
    text = "Gun control stalls once more.\n\nABSTRACT.\n\n" + BODY
    assert [b.role for b in detect_layout(text).blocks] == [H, Role.KICKER, B, B]


# The Washington Post's decks in PolNeAR: a second headline line, set apart, under a
# headline that ends in a full stop (written for these tests).
@pytest.mark.parametrize(
    "decks",
    [
        ["Supporters vow to bring measure back after recess."],
        ["Plan would widen checks at gun shows and online."],
        ["Vote falls along party lines.", "Opponents call checks 'a burden on buyers.'"],
    ],
)
def test_a_deck_under_a_headline_with_a_full_stop_is_no_body(decks: list[str]) -> None:
    headline = "Senate blocks gun bill after day of debate."
    text = "\n\n".join([headline, *decks, BODY])
    layout = detect_layout(text)
    assert layout.headline == headline
    roles = [b.role for b in layout.blocks]
    assert roles == [H] + [Role.STANDFIRST] * len(decks) + [B, B]
    assert {b.reason for b in layout.blocks[1 : 1 + len(decks)]} == {WHY_DECK}


@pytest.mark.parametrize(
    "lede",
    [
        "Senator Mary Jones and Senator Tom Lee are blocking the gun bill.",  # names in full
        "The Senate is blocking the gun bill for a second year.",  # an article first
        "She will bring the gun bill back after the recess.",  # a pronoun
        "Supporters vowed to bring the bill back after the recess.",  # past tense
        "Supporters vow to bring the bill back. Opponents are not moved.",  # two sentences
    ],
)
def test_a_one_sentence_lede_under_a_headline_with_a_full_stop_stays_body(lede: str) -> None:
    text = f"Senate blocks gun bill after day of debate.\n\n{lede}\n\n{BODY}"
    roles = [b.role for b in detect_layout(text).blocks]
    assert roles == [H, B, B, B]


def test_a_record_without_its_title_has_no_headline() -> None:
    # The abstract under the label is a sentence above a capitals label too: it stays body.
    assert detect_layout(ABSTRACT_RECORD).headline == ""
    assert detect_layout(ABSTRACT_RECORD.split("\n\n", 1)[1]).headline == ""


def test_a_line_over_a_word_abstract_in_a_sentence_is_not_a_headline() -> None:
    text = f"Gun control stalls once more.\n\nAbstract arguments do not move voters.\n\n{BODY}"
    assert detect_layout(text).headline == ""


def test_a_dateline_typed_with_a_spaced_hyphen_makes_a_sentence_case_line_a_headline() -> None:
    headline = "Gun control stalls once more."
    text = f"{headline}\n\nWASHINGTON - {BODY}"
    layout = detect_layout(text)
    assert layout.headline == headline
    assert layout.blocks[0].reason == WHY_HEADLINE_DATELINE


def test_capitals_and_a_hyphen_opening_a_paragraph_are_not_a_dateline() -> None:
    # 'NATO - the alliance …': an aside after a name in capitals, not a place and a dash.
    text = f"Gun control stalls once more.\n\nNRA - the gun lobby - {BODY}"
    assert detect_layout(text).headline == ""


@pytest.mark.parametrize(
    "headline",
    ["Gun bill blocked by Senate after debate.", "Senate gun bill blocked."],
)
def test_a_passive_without_its_auxiliary_is_a_headline_s_wording(headline: str) -> None:
    # Headlines drop 'was': 'Pfizer deal's tax strategy assailed.' (PolNeAR, The Washington Post)
    layout = detect_layout(f"{headline}\n\n{BODY}")
    assert layout.headline == headline
    assert layout.blocks[0].reason == WHY_HEADLINE_WORDING


@pytest.mark.parametrize(
    "lede",
    [
        # a past tense with its object
        "Senate blocked the gun bill.",
        # an '-ed' word at the end, after a pronoun: a lede's past tense
        "Senate blocks the gun bill they backed.",
    ],
)
def test_a_lede_in_the_past_tense_stays_body(lede: str) -> None:
    layout = detect_layout(f"{lede}\n\n{BODY}")
    assert layout.headline == ""


# A forwarded newsletter saved as text (ux19's walkthrough, session 19), written for this test.
FORWARDED = (
    "From: The Riverside Brief <brief@riversidebrief.example>\n"
    "Subject: Fwd: Riverside Brief: Senate blocks the gun bill\n"
    "Date: Wed, 20 Nov 2026 06:02:11 -0500\n"
    "To: newsdesk@example.org\n\n"
    "---------- Forwarded message ---------\n\n"
    "What the Senate vote means for background checks\n\n"
    f"{BODY}\n"
    "You are receiving this because you subscribed to the Riverside Brief. "
    "Unsubscribe | Manage preferences\n\n"
    "Sent from my iPhone\n"
)


def test_a_forwarded_e_mail_s_headers_and_signature_are_not_the_headline_or_body() -> None:
    layout = detect_layout(FORWARDED)
    assert layout.headline == "What the Senate vote means for background checks"
    roles = [(b.role, FORWARDED[b.start : b.end]) for b in layout.blocks]
    assert [r for r, _ in roles] == [
        Role.METADATA, Role.METADATA, Role.METADATA, Role.METADATA, Role.METADATA,
        H, B, B, Role.FOOTER, Role.METADATA,
    ]
    assert layout.blocks[0].reason == WHY_EMAIL_HEADER


def test_one_line_opening_with_a_header_word_is_no_e_mail_header() -> None:
    text = f"To: the readers who wrote in about the gun bill\n\n{BODY}"
    layout = detect_layout(text)
    assert layout.blocks[0].reason != WHY_EMAIL_HEADER


def test_a_quoted_unsubscribe_stays_body() -> None:
    text = f"Senate Blocks Gun Bill After Day of Debate\n\n{BODY}\n'I will unsubscribe,' she said.\n"
    assert detect_layout(text).blocks[-1].role is B


def test_a_hard_wrapped_headline_is_one_line_and_page_numbers_are_not_body() -> None:
    # Text copied from a PDF: the headline broken over three lines, a page number below.
    wrapped = "\n\n".join(textwrap.fill(p, 40) for p in BODY.split("\n\n"))
    text = (
        "Senate blocks the gun bill\nafter a long day of debate, its\nsupporters say\n\n"
        "By Jon Pascal\n\n" + wrapped + "\n\nPage 1 of 2\n"
    )
    layout = detect_layout(text)
    assert layout.headline == (
        "Senate blocks the gun bill after a long day of debate, its supporters say"
    )
    assert layout.blocks[-1].role is Role.METADATA


def test_a_given_headline_with_double_spaces_still_occurs_in_the_text(tmp_path: Path) -> None:
    from models.readers.documents import build_article

    notes: list[str] = []
    article = build_article(
        f"Senate  blocks  gun bill\n\n{BODY}", article_id="a", source="a.txt",
        given={"headline": "Senate  blocks  gun bill"}, origin="manifest", content_hash="0",
        notes=notes,
    )
    assert article.headline == "Senate  blocks  gun bill"
    assert not any("does not occur" in note for note in notes)


@pytest.mark.parametrize(
    ("line", "outlet", "date"),
    [
        ("*Capitol News Service*, November 19, 2026", "Capitol News Service", "2026-11-19"),
        ("Reuters, 19 November 2026", "Reuters", "2026-11-19"),
        # ux20's walkthrough (session 20): a Word file's line with middle dots and the writer.
        ("Bay Observer · November 22, 2026 · By Keith Arno", "Bay Observer", "2026-11-22"),
        ("Coastline Daily • Nov. 22, 2026", "Coastline Daily", "2026-11-22"),
    ],
)
def test_a_source_and_date_line_under_the_headline_gives_outlet_and_date(
    line: str, outlet: str, date: str
) -> None:
    # ux19's walkthrough (session 19): a Markdown file with the agency in italics.
    text = f"# Senate blocks gun bill after a day of debate\n\n{line}\n\n{BODY}"
    layout = detect_layout(text, markdown=True)
    assert [b.role for b in layout.blocks] == [H, Role.METADATA, B, B]
    assert (layout.outlet, layout.outlet_origin, layout.date) == (outlet, "byline", date)


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("Bay Observer · November 22, 2026 · By Keith Arno", "Bay Observer"),
        ("Reuters, 22 November 2026", "Reuters"),
    ],
)
def test_a_short_lede_under_a_source_and_date_line_is_no_standfirst(line: str, outlet: str) -> None:
    # ux20's Bay Observer: the one-sentence lede under the line carries the story's hedge.
    lede = "Two days after the vote, it remains unclear whether the bill will return."
    text = f"Questions linger over gun bill\n\n{line}\n\n{lede}\n\n{BODY}"
    layout = detect_layout(text)
    assert [b.role for b in layout.blocks] == [H, Role.METADATA, B, B, B]
    assert (layout.outlet, layout.date) == (outlet, "2026-11-22")


@pytest.mark.parametrize("line", ["Washington, November 19, 2026", "Ann Smith, November 19, 2026",
                                  "Washington · November 19, 2026 · By Ann Smith"])
def test_a_place_or_a_person_and_a_date_names_no_outlet(line: str) -> None:
    text = f"# Senate blocks gun bill after a day of debate\n\n{line}\n\n{BODY}"
    assert detect_layout(text, markdown=True).outlet == ""


def test_a_kicker_and_a_dash_before_a_headline_is_no_dateline() -> None:
    # 'EXCLUSIVE –' opens a headline the way a city opens a dateline; it names no place.
    text = f"EXCLUSIVE – Senator: We Will Bring the Gun Bill Back.\n\n{BODY}"
    layout = detect_layout(text)
    assert layout.headline == "EXCLUSIVE – Senator: We Will Bring the Gun Bill Back."
    assert Role.DATELINE not in {b.role for b in layout.blocks}


def test_a_city_and_a_dash_before_a_paragraph_is_still_a_dateline() -> None:
    text = "Senate Blocks Gun Bill.\n\nWASHINGTON – " + BODY
    layout = detect_layout(text)
    assert Role.DATELINE in {b.role for b in layout.blocks}


def test_a_headline_that_opens_with_a_capitalised_hashtag_is_the_headline() -> None:
    text = f"#NoMoreDelays Is the Cry of Gun Bill Supporters in the Senate.\n\n{BODY}"
    assert detect_layout(text).headline.startswith("#NoMoreDelays Is the Cry")


def test_a_long_headline_with_every_word_capitalised_is_the_headline() -> None:
    headline = (
        "Senator: Gun Bill Has ‘A Long Way To Go’ After Vote, Supporters Say They Will "
        "Bring It Back After The Recess."
    )
    assert detect_layout(f"{headline}\n\n{BODY}").headline == headline


def test_a_long_first_sentence_full_of_names_is_no_headline() -> None:
    # Names capitalise most of its words, but its verbs and nouns are lower case: a lede.
    lede = (
        "Senator Ann Smith praised Majority Leader John Roe of Ohio and Minority Whip Ben Cole "
        "of Maine at a press conference in Columbus on Monday."
    )
    assert detect_layout(f"{lede}\n\n{BODY}").headline == ""


@pytest.mark.parametrize(
    "headline",
    ["Senate gun bill might return after recess.", "Senate could take up gun bill again after debate."],
)
def test_a_modal_verb_is_a_headlines_word(headline: str) -> None:
    # Headlines drop auxiliaries but keep modals, which carry the claim's force.
    layout = detect_layout(f"{headline}\n\n{BODY}")
    assert layout.headline == headline
    assert layout.blocks[0].reason == WHY_HEADLINE_WORDING
