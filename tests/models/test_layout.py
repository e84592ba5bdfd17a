"""Block roles in plain text: the seeds' facts, and the general rules on unseen texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.article import Role
from models.readers.layout import Layout, detect_layout, outlet_name, parse_date

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))


def seed(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def role_of(text: str, layout: Layout, needle: str) -> Role:
    """The role of the one block that contains ``needle``."""
    found = [b for b in layout.blocks if needle in text[b.start : b.end]]
    assert len(found) == 1, f"{needle!r} is in {len(found)} blocks"
    return found[0].role


def roles(text: str, layout: Layout) -> list[Role]:
    return [b.role for b in layout.blocks]


B, H = Role.BODY, Role.HEADLINE


# --- invariants, on every seed ------------------------------------------------------------


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
def test_blocks_are_ordered_trimmed_and_cover_every_non_blank_character(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    layout = detect_layout(text)
    previous_end = 0
    for block in layout.blocks:
        assert previous_end <= block.start < block.end <= len(text)
        assert not text[block.start].isspace() and not text[block.end - 1].isspace()
        assert block.role is Role.BODY or block.reason  # every greyed block says why
        previous_end = block.end
    covered = "".join(text[b.start : b.end] for b in layout.blocks)
    assert "".join(covered.split()) == "".join(text.split())


# --- the seeds ------------------------------------------------------------------------------


def test_seed_000_no_headline_crossheads_teasers_and_paywall() -> None:
    text = seed("000")
    layout = detect_layout(text)
    assert layout.headline == ""
    assert layout.headline_block is None
    assert roles(text, layout) == [
        B,
        B,
        B,
        Role.CROSSHEAD,
        B,
        B,
        B,
        Role.CROSSHEAD,
        B,
        B,
        B,
        B,
        Role.LINK_LIST,
        Role.LINK_LIST,
        Role.PAYWALL,
        Role.PAYWALL,
    ]
    assert role_of(text, layout, "Betrayal") is Role.CROSSHEAD
    assert role_of(text, layout, "Travel restrictions") is Role.CROSSHEAD
    assert role_of(text, layout, "Three rocket scientists") is Role.LINK_LIST
    assert role_of(text, layout, "completely mishandled the war (+)") is Role.LINK_LIST
    assert role_of(text, layout, "Free unlimited access to Showbytes? Which can!") is Role.PAYWALL
    assert role_of(text, layout, "Log in or create an account") is Role.PAYWALL
    assert role_of(text, layout, "In April, the Russian president already passed") is Role.BODY
    # The paywall names a section (Showbytes), not the outlet: no outlet is guessed.
    assert (layout.outlet, layout.outlet_origin) == ("", "")


def test_seed_001_section_headline_kicker_standfirst_picture_advert() -> None:
    text = seed("001")
    layout = detect_layout(text)
    assert layout.headline == (
        "Putin’s Reportedly Had to Ban His Top Officials from Quitting as Ukraine War Falters"
    )
    assert roles(text, layout) == [
        Role.SECTION,
        H,
        Role.KICKER,
        Role.STANDFIRST,
        Role.IMAGE_FILE,
        Role.CREDIT,
        B,
        B,
        B,
        Role.ADVERT,
        B,
        B,
        B,
        B,
        B,
    ]
    assert text[layout.blocks[0].start : layout.blocks[0].end] == "Russia"
    assert role_of(text, layout, "NO ESCAPE") is Role.KICKER
    assert (
        role_of(text, layout, "Two governors were even threatened with talk of criminal cases.")
        is Role.STANDFIRST
    )
    assert role_of(text, layout, "RC2VU0AH0G3B_RTRMADP") is Role.IMAGE_FILE
    assert role_of(text, layout, "Gavriil Grigorov/Sputnik via Reuters") is Role.CREDIT
    assert role_of(text, layout, "ADVERTISEMENT") is Role.ADVERT


def test_seed_002_caption_card_and_link_list() -> None:
    text = seed("002")
    layout = detect_layout(text)
    assert layout.headline == (
        "The Kremlin threatened to invent criminal charges against officials who try to resign"
    )
    assert role_of(text, layout, "FILE – Russian President") is Role.CAPTION
    # Decided: the cut-off title and the line under it are an embedded image with its caption.
    assert (
        role_of(text, layout, "Ukraine claims that more than 200,000 Russian fighters have been")
        is Role.CAPTION
    )
    assert (
        role_of(text, layout, "The report published by the Armed Forces of Ukraine") is Role.CAPTION
    )
    assert role_of(text, layout, "Keep reading:") is Role.LINK_LIST
    assert (
        role_of(text, layout, "Why the Russian military has been so ineffective") is Role.LINK_LIST
    )
    assert role_of(text, layout, "Zelensky compared the devastation of Bakhmut") is Role.LINK_LIST
    assert role_of(text, layout, "Likewise, the report states") is Role.BODY
    assert roles(text, layout) == [
        H,
        Role.CAPTION,
        *[B] * 12,
        Role.CAPTION,
        Role.CAPTION,
        B,
        B,
        Role.LINK_LIST,
        Role.LINK_LIST,
        Role.LINK_LIST,
    ]


def test_seed_003_dateline_outlet_and_copyright_footer() -> None:
    text = seed("003")
    layout = detect_layout(text)
    assert layout.headline == "Kremlin Tells Top Officials They Cannot Resign"
    dateline = layout.blocks[1]
    assert (dateline.role, text[dateline.start : dateline.end]) == (
        Role.DATELINE,
        "(PatriotWise.com) —",
    )
    first_body = layout.blocks[2]
    assert first_body.role is Role.BODY
    assert text[first_body.start :].startswith("The Kremlin has told senior officials")
    assert (layout.outlet, layout.outlet_origin) == ("PatriotWise", "dateline")
    assert role_of(text, layout, "Copyright 2023, PatriotWise.com") is Role.FOOTER
    assert roles(text, layout) == [H, Role.DATELINE, B, B, B, B, B, B, Role.FOOTER]


def test_seed_004_date_stamp_and_two_photo_captions() -> None:
    text = seed("004")
    layout = detect_layout(text)
    assert layout.headline == ""
    stamp = layout.blocks[0]
    assert (stamp.role, text[stamp.start : stamp.end]) == (Role.METADATA, "date 2023-05-18")
    assert layout.date == "2023-05-18"
    assert text[layout.blocks[1].start :].startswith("Russia is banning officials")
    captions = [text[b.start : b.end] for b in layout.blocks if b.role is Role.CAPTION]
    assert captions == [
        "A Ukrainian multiple rocket launcher fires at Russian positions on the frontline near "
        "Bakhmut, Donetsk region, Ukraine, yesterday",
        "Ukrainian soldiers fire a cannon near Bakhmut on Monday where heavy fighting against "
        "Russian forces took place",
    ]
    others = [b.role for b in layout.blocks[1:] if b.role is not Role.CAPTION]
    assert others == [B] * 25


# --- the top of an article -------------------------------------------------------------------


def test_top_of_an_unseen_article() -> None:
    text = (
        "World\n\nMINISTERS TRAPPED\n\nEuropean Capitals Brace for a Long Winter of Shortages\n\n"
        "Gas stores are full, but prices are not falling.\n\n"
        "Lorem_2024-01-02_883721_AB12CD.jpg\n"
        "Jane Doe/AFP via Getty Images\n\n"
        "Governments across Europe have filled their gas stores ahead of the winter, officials "
        "said on Tuesday, but prices remain twice as high as before the war.\n"
    )
    layout = detect_layout(text)
    assert layout.headline == "European Capitals Brace for a Long Winter of Shortages"
    assert roles(text, layout) == [
        Role.SECTION,
        Role.KICKER,
        H,
        Role.STANDFIRST,
        Role.IMAGE_FILE,
        Role.CREDIT,
        B,
    ]


def test_a_short_lede_with_attribution_is_body_not_standfirst() -> None:
    text = (
        "Kremlin bans resignations\n\n"
        "The Kremlin has banned officials from resigning, a report said on Monday.\n\n"
        "Four sources told the outlet that governors who tried to quit were threatened with "
        "criminal cases, and that the ban also covers intelligence officers.\n"
    )
    assert roles(text, detect_layout(text)) == [H, B, B]


def test_a_single_paragraph_after_a_headline_is_body() -> None:
    text = "Kremlin bans resignations\n\nOfficials may not quit.\n"
    assert roles(text, detect_layout(text)) == [H, B]


def test_a_text_that_starts_with_a_paragraph_has_no_headline() -> None:
    text = "The Kremlin has banned officials from resigning. Four sources said so on Monday.\n"
    layout = detect_layout(text)
    assert (layout.headline, roles(text, layout)) == ("", [B])


def test_wire_dateline_names_the_agency_and_a_city_dateline_names_none() -> None:
    wire = "MOSCOW, May 18 (Reuters) - Russia has barred senior officials from resigning, sources said.\n"
    layout = detect_layout(wire)
    assert next(wire[b.start : b.end] for b in layout.blocks) == "MOSCOW, May 18 (Reuters) -"
    assert roles(wire, layout) == [Role.DATELINE, B]
    assert (layout.outlet, layout.outlet_origin) == ("Reuters", "dateline")
    city = "KYIV — Ukraine said on Monday that its forces had advanced around Bakhmut.\n"
    layout = detect_layout(city)
    assert roles(city, layout) == [Role.DATELINE, B]
    assert layout.outlet == ""


def test_known_headline_is_the_headline_block_where_it_occurs() -> None:
    text = "Putin's purge. The Kremlin has banned officials from resigning, four sources said.\n"
    layout = detect_layout(text, known_headline="Putin's purge.")
    assert layout.headline == "Putin's purge."
    assert [(b.role, text[b.start : b.end]) for b in layout.blocks] == [
        (H, "Putin's purge."),
        (B, "The Kremlin has banned officials from resigning, four sources said."),
    ]


def test_a_known_headline_that_is_not_in_the_text_leaves_the_texts_own_headline_unscored() -> None:
    text = "Kremlin bans resignations\n\nThe Kremlin has banned officials from resigning, sources said.\n"
    layout = detect_layout(text, known_headline="Putin forbids his officials to quit")
    assert roles(text, layout) == [H, B]
    assert "differs" in layout.blocks[0].reason


# --- the end of an article ---------------------------------------------------------------------


def test_link_list_header_with_titles_and_inline_read_more() -> None:
    text = (
        "The talks ended without an agreement, and both sides blamed each other for the failure.\n\n"
        "Read more: Why the ceasefire collapsed\n\n"
        "The ministry said it would publish its own account of the talks later this week.\n\n"
        "Related:\n\nFive things to know about the talks\nWho is the new negotiator?\n"
    )
    layout = detect_layout(text)
    assert roles(text, layout) == [
        B,
        Role.LINK_LIST,
        B,
        Role.LINK_LIST,
        Role.LINK_LIST,
        Role.LINK_LIST,
    ]


def test_teasers_need_a_paywall_or_footer_after_them() -> None:
    body = (
        "The minister resigned on Friday after a week of protests in the capital and elsewhere.\n"
    )
    with_footer = (
        body
        + "Protesters return to the streets in three cities\n© 2024 Example Media. All rights reserved.\n"
    )
    layout = detect_layout(with_footer)
    assert roles(with_footer, layout) == [B, Role.LINK_LIST, Role.FOOTER]
    assert (layout.outlet, layout.outlet_origin) == ("Example Media", "copyright")
    # A last line without a full stop and nothing after it is left in the body.
    bare = body + "Protesters return to the streets in three cities\n"
    assert roles(bare, detect_layout(bare)) == [B, B]


@pytest.mark.parametrize(
    ("line", "role"),
    [
        ("Advertisement", Role.ADVERT),
        ("Story continues below advertisement", Role.ADVERT),
        ("Already a subscriber? Log in", Role.PAYWALL),
        ("Subscribe now to keep reading", Role.PAYWALL),
        ("Copyright © 2023 Example News", Role.FOOTER),
        ("Published: 18 May 2023", Role.METADATA),
        ("By Jane Doe and John Smith", Role.METADATA),
        ("(Reporting by Jane Doe; Editing by John Smith)", Role.METADATA),
        ("https://example.com/news/article-123", Role.METADATA),
        ("photo_2023_05_18_1234567.png", Role.IMAGE_FILE),
        ("AP Photo/Efrem Lukatsky", Role.CREDIT),
        ("Getty Images", Role.CREDIT),
        ("FILE PHOTO: Russian President Vladimir Putin attends a meeting in Moscow", Role.CAPTION),
    ],
)
def test_lines_recognised_by_their_wording_anywhere(line: str, role: Role) -> None:
    body = "The ministry confirmed the decision in a statement on Friday, officials said.\n\n"
    text = body + line + "\n\n" + body
    assert role_of(text, detect_layout(text), line) is role


def test_reported_speech_about_logging_in_is_body() -> None:
    text = "Officials must sign in to read the files, the ministry said in a statement on Friday.\n"
    assert roles(text, detect_layout(text)) == [B]


# --- the middle of an article ---------------------------------------------------------------


def test_crossheads_need_paragraphs_around_them() -> None:
    text = (
        "The government announced new rules for officials on Monday, after weeks of rumours.\n"
        "What happens next\n"
        "Officials will need a permit to travel abroad, the decree says, and must hand in passports.\n"
        "Under the rules\n"
    )
    layout = detect_layout(text)
    assert roles(text, layout) == [B, Role.CROSSHEAD, B, B]


def test_a_cut_off_line_is_not_a_crosshead() -> None:
    text = (
        "The government announced new rules for officials on Monday, after weeks of rumours.\n"
        "Officials who have been\n"
        "Officials will need a permit to travel abroad, the decree says, and must hand in passports.\n"
    )
    assert role_of(text, detect_layout(text), "Officials who have been") is Role.BODY


def test_descriptive_caption_needs_a_place_or_time_and_no_final_stop() -> None:
    before = "The army said its forces had pushed back an attack, and that fighting went on overnight.\n\n"
    after = "\n\nThe claims could not be verified independently, the agency added in its report.\n"
    caption = "Firefighters work at the site of a missile strike in Odesa on Tuesday"
    assert (
        role_of(before + caption + after, detect_layout(before + caption + after), caption)
        is Role.CAPTION
    )
    no_cue = "Firefighters work hard to put out the fires that are still burning"
    assert (
        role_of(before + no_cue + after, detect_layout(before + no_cue + after), no_cue)
        is Role.BODY
    )
    with_stop = caption + "."
    assert (
        role_of(before + with_stop + after, detect_layout(before + with_stop + after), with_stop)
        is Role.BODY
    )


def test_a_line_bound_to_an_image_is_its_caption() -> None:
    text = (
        "The army said its forces had pushed back an attack, and that fighting went on overnight.\n\n"
        "soldiers_bakhmut_20230518_0042.jpg\n"
        "Soldiers rest in a trench\n\n"
        "The claims could not be verified independently, the agency added in its report.\n"
    )
    assert roles(text, detect_layout(text)) == [B, Role.IMAGE_FILE, Role.CAPTION, B]


# --- formats --------------------------------------------------------------------------------


def test_markdown_headings_images_and_joined_paragraph_lines() -> None:
    text = (
        "# Kremlin bans resignations\n\n"
        "Officials may not resign, four sources told an independent outlet,\n"
        "and those who try are threatened with criminal cases.\n\n"
        "![Putin at the parade](images/putin.jpg)\n\n"
        "## Travel restrictions\n\n"
        "Officials also need a permit to travel abroad, the sources said on Monday.\n"
    )
    layout = detect_layout(text, markdown=True)
    assert roles(text, layout) == [H, B, Role.IMAGE_FILE, Role.CROSSHEAD, B]
    assert layout.headline == "Kremlin bans resignations"
    assert text[layout.blocks[0].start - 2 : layout.blocks[0].start] == "# "
    paragraph = text[layout.blocks[1].start : layout.blocks[1].end]
    assert paragraph.endswith("threatened with criminal cases.") and "\n" in paragraph
    assert text[layout.blocks[3].start : layout.blocks[3].end] == "Travel restrictions"


def test_hard_wrapped_text_is_read_as_paragraphs() -> None:
    text = (
        "Kremlin bans resignations\n\n"
        "The Kremlin has told senior officials that they may not resign from their\n"
        "posts while the war goes on, according to four sources who spoke to an\n"
        "independent Russian outlet on condition of anonymity this week.\n\n"
        "Governors who tried to leave were threatened with criminal cases, one of\n"
        "the sources said, and intelligence officers face the same rules under the\n"
        "decree on mobilisation that was signed in September last year.\n"
    )
    layout = detect_layout(text)
    assert roles(text, layout) == [H, B, B]
    assert text[layout.blocks[1].start : layout.blocks[1].end].count("\n") == 2


def test_windows_line_endings_keep_offsets_exact() -> None:
    text = "Kremlin bans resignations\r\n\r\nOfficials may not resign, four sources told an outlet on Monday. They said so.\r\n"
    layout = detect_layout(text)
    assert roles(text, layout) == [H, B]
    assert text[layout.blocks[0].start : layout.blocks[0].end] == "Kremlin bans resignations"
    assert text[layout.blocks[1].end - 1] == "."


# --- helpers -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("date 2023-05-18", "2023-05-18"),
        ("Published May 18, 2023", "2023-05-18"),
        ("Updated: Thursday, 18 May 2023 10:32", "2023-05-18"),
        ("Sept. 3, 2022", "2022-09-03"),
        ("no date here", ""),
    ],
)
def test_parse_date(value: str, iso: str) -> None:
    assert parse_date(value) == iso


@pytest.mark.parametrize(
    ("raw", "name"),
    [("PatriotWise.com", "PatriotWise"), ("www.example.co.uk", "example"), ("Reuters", "Reuters")],
)
def test_outlet_name(raw: str, name: str) -> None:
    assert outlet_name(raw) == name


@pytest.mark.parametrize(
    "line",
    [
        "Journalists were denied full access to the site, and the ministry has not explained why.",
        "He had to become a member of the party before he could stand for election in the region.",
        "Copyright law in Russia was changed last year, and publishers say it is hard to enforce.",
        "Related talks in Geneva ended without any agreement on the exchange of prisoners.",
        "Ukraine says more than 200,000 Russian soldiers have been killed since February last year.",
    ],
)
def test_body_lines_that_only_mention_a_pattern_stay_body(line: str) -> None:
    body = "The ministry confirmed the decision in a statement on Friday, officials said.\n\n"
    text = body + line + "\n\n" + body
    assert roles(text, detect_layout(text)) == [B, B, B]


def test_a_short_label_at_the_top_without_a_headline_is_a_section() -> None:
    text = "Russia\n\n" + (
        "The Kremlin has told senior officials that they may not resign while the war goes on, "
        "according to four sources who spoke to an independent outlet.\n"
    )
    assert roles(text, detect_layout(text)) == [Role.SECTION, B]


def test_a_headline_may_end_on_a_preposition() -> None:
    text = "The war Putin cannot get out of\n\n" + (
        "The Kremlin has told senior officials that they may not resign while the war goes on, "
        "according to four sources who spoke to an independent outlet.\n"
    )
    assert detect_layout(text).headline == "The war Putin cannot get out of"


def test_a_crosshead_inside_hard_wrapped_text_is_not_joined_to_the_paragraph() -> None:
    text = (
        "The Kremlin has told senior officials that they may not resign from their\n"
        "posts while the war goes on, according to four sources who spoke to an\n"
        "independent Russian outlet on condition of anonymity this week, they said.\n"
        "Travel restrictions\n"
        "Officials also need a special permit to travel abroad, and some of them\n"
        "have had their passports confiscated by the security services, the four\n"
        "sources said, adding that the lists are checked by the president himself.\n"
    )
    layout = detect_layout(text)
    assert roles(text, layout) == [B, Role.CROSSHEAD, B]
    assert text[layout.blocks[1].start : layout.blocks[1].end] == "Travel restrictions"


def test_a_known_headline_prefers_the_line_that_is_exactly_it() -> None:
    text = (
        "Officials may not quit, says a report that Officials may not quit was based on.\n\n"
        "Officials may not quit\n\n"
        "The Kremlin has told senior officials that they may not resign, four sources said.\n"
    )
    layout = detect_layout(text, known_headline="Officials may not quit")
    headline = layout.headline_block
    assert headline is not None and headline.start == text.index("\n\nOfficials may not quit\n") + 2
    assert [b.role for b in layout.blocks].count(H) == 1


def test_a_dateline_is_not_cut_off_a_headline() -> None:
    text = "KYIV — Russia launches the largest drone attack on the capital\n\n" + (
        "The attack began shortly after midnight and lasted for more than five hours, the "
        "city's military administration said on Sunday.\n"
    )
    layout = detect_layout(text)
    assert roles(text, layout) == [H, B]
    assert layout.headline.startswith("KYIV — Russia")


def test_a_live_page_copied_from_a_browser() -> None:
    text = (
        "Europe\nLive\n"
        "Russia-Ukraine war: Kremlin bans officials from resigning, says UK\n"
        "Officials face ‘falsified criminal charges’ if they try to quit, according to British intelligence\n\n"
        "Soldiers of Ukraine's 93rd brigade near Bakhmut. Photograph: Libkos/AP\n\n"
        "Pjotr Sauer\nThu 18 May 2023 09.15 BST\n\n"
        "The Russian state is “probably” banning senior officials from resigning, the UK Ministry "
        "of Defence said on Thursday, in its latest intelligence update on the war.\n\n"
        "In a post on Twitter, the ministry said the measures likely extend to regional leaders "
        "and security officials.\n\n"
        "What we know so far\n"
        "Ukraine said its forces advanced up to 1,700 metres around Bakhmut this week, although "
        "Russia denied the claim.\n\n"
        "Sign up to First Edition, our free daily newsletter\n"
        "Privacy Notice: Newsletters may contain info about charities.\n\n"
        "Explore more on these topics\nRussia\nUkraine\nVladimir Putin\n"
    )
    layout = detect_layout(text)
    assert layout.headline == "Russia-Ukraine war: Kremlin bans officials from resigning, says UK"
    assert layout.date == "2023-05-18"
    assert roles(text, layout) == [
        Role.SECTION,
        Role.SECTION,
        H,
        Role.STANDFIRST,
        Role.CAPTION,
        Role.METADATA,
        Role.METADATA,
        B,
        B,
        Role.CROSSHEAD,
        B,
        Role.ADVERT,
        Role.FOOTER,
        *[Role.LINK_LIST] * 4,
    ]


def test_a_wire_story_with_its_footer() -> None:
    text = (
        "MOSCOW (AP) — Russian authorities have barred senior officials from resigning, an "
        "independent news outlet reported Monday, citing unnamed sources.\n\n"
        "Kremlin spokesman Dmitry Peskov dismissed the report as “not true.”\n\n"
        "___\n\n"
        "Copyright 2023 The Associated Press. All rights reserved. This material may not be "
        "published, broadcast, rewritten or redistributed without permission.\n"
    )
    layout = detect_layout(text)
    assert roles(text, layout) == [Role.DATELINE, B, B, Role.METADATA, Role.FOOTER]
    assert (layout.outlet, layout.outlet_origin) == ("AP", "dateline")
