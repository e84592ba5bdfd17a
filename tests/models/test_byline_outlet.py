"""The outlet a byline names, in plain text and Word files."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.readers import read_file
from models.readers.layout import outlet_from_byline
from tests.models.fileformats import write_docx, write_pdf


@pytest.mark.parametrize(
    "byline, outlet",
    [
        ("By Priya Natarajan | The Ledger | March 4, 2025", "The Ledger"),
        ("By Jamie Lee, Riverton Courier", "Riverton Courier"),
        ("By Dana Roe | The Daily Beast Published May 10, 2023", "The Daily Beast"),
        ("By Jo Roe, Reuters", "Reuters"),
        ("By Jo Roe, Staff Writer", ""),
        ("By Jo Roe, Moscow", ""),
        ("By Ann Smith and Bo Li", ""),
        # Two or three writers, no outlet: the last one is not the outlet (pdf17's open point).
        ("By Ann Smith, John Doe", ""),
        ("By Ann Smith, John Doe, Mary Jones", ""),
        ("By Ann Smith, John Q. Doe", ""),
        # Several writers and the outlet after a bar or a comma.
        ("By Ann Smith and John Doe | The Ledger", "The Ledger"),
        ("By Ann Smith, John Doe | The Ledger | March 4, 2025", "The Ledger"),
        ("By Ann Smith and John Doe, Riverton Courier", "Riverton Courier"),
        ("By Ann Smith, John Doe, Reuters", "Reuters"),
        ("By Jo Roe, The Ledger", "The Ledger"),
        ("By Jo Roe, Fox News", "Fox News"),
        ("By Jo Roe - Riverton Post", "Riverton Post"),
    ],
)
def test_outlet_from_byline(byline: str, outlet: str) -> None:
    assert outlet_from_byline(byline) == outlet


def test_txt_and_docx_take_the_outlet_their_byline_names(tmp_path: Path) -> None:
    lines = [
        "Council Says Tap Water Is Safe After Lead Scare",
        "By Jamie Lee | Riverton Courier | March 4, 2025",
        "The city council said on Tuesday that tap water in the district is safe to drink, "
        "a week after parents were told of high lead readings at two schools.",
        "The utility's director said the old fixtures were to blame.",
    ]
    text = tmp_path / "council-draft.txt"
    text.write_text("\n\n".join(lines), encoding="utf-8")
    docx = write_docx(tmp_path / "courier.docx", lines)
    for path in (text, docx):
        article = read_file(path)
        assert (article.outlet, article.outlet_origin) == ("Riverton Courier", "byline")
        assert article.date == "2025-03-04"  # the byline's date
        assert len(article.body_sentences) == 2
    # What the user gives wins: a manifest's outlet.
    given = read_file(text, metadata={"outlet": "Courier (print)"})
    assert (given.outlet, given.outlet_origin) == ("Courier (print)", "manifest")
    # A byline naming only a job leaves the file's name.
    text.write_text("\n\n".join([lines[0], "By Jamie Lee, Staff Writer", *lines[2:]]), encoding="utf-8")
    assert read_file(text).outlet_origin == "filename"


def test_a_second_writer_is_not_the_outlet_in_any_format(tmp_path: Path) -> None:
    """'By Ann Smith, John Doe' named 'John Doe' as the outlet of a .txt, .docx and .pdf;
    with the outlet after a bar, every format gives it."""
    body = [
        "The city council said on Tuesday that tap water in the district is safe to drink, "
        "a week after parents were told of high lead readings at two schools.",
        "The utility's director said the old fixtures were to blame.",
    ]
    headline = "Council Says Tap Water Is Safe After Lead Scare"
    for byline, outlet, origin in (
        ("By Ann Smith, John Doe", "council", "filename"),
        ("By Ann Smith and John Doe | The Ledger", "The Ledger", "byline"),
    ):
        lines = [headline, byline, *body]
        text = tmp_path / "council.txt"
        text.write_text("\n\n".join(lines), encoding="utf-8")
        for path in (text, write_docx(tmp_path / "council.docx", lines), write_pdf(tmp_path / "council.pdf", lines)):
            article = read_file(path)
            assert (article.outlet, article.outlet_origin) == (outlet, origin), (byline, path.name)
            assert article.headline == headline
            assert len(article.body_sentences) == 2


# ux19's walkthrough files (written for it): a PDF copied to text with a byline over its
# outlet's line, and a saved newsletter e-mail.
COURIER = (
    "Millbrook water may contain\nchemical linked to plant, report\nsuggests\n\n"
    "By Jon Pascal\nValley Courier\n\n"
    "State regulators say drinking water in\nMillbrook may contain an industrial\n"
    "chemical at levels well above the federal\nlimit, and that it could have come from\n"
    "the Castell Chemicals plant upstream,\naccording to a report released Tuesday.\n\n"
    "The Department of Environmental Quality\nfound the chemical at an average of 48\n"
    "parts per trillion in the town's wells,\nthe report says.\n"
)


def test_a_byline_over_its_outlets_line_gives_the_outlet(tmp_path: Path) -> None:
    path = tmp_path / "courier_copy.txt"
    path.write_text(COURIER, encoding="utf-8")
    article = read_file(path)
    assert (article.outlet, article.outlet_origin) == ("Valley Courier", "byline")
    # A second line that names a person or a place is no outlet.
    for line in ("Ann Smith", "Millbrook"):
        path.write_text(COURIER.replace("Valley Courier", line), encoding="utf-8")
        assert read_file(path).outlet_origin == "filename"


NEWSLETTER = (
    "From: {sender}\n"
    "Subject: Fwd: What they're not telling you about Millbrook's water\n"
    "Date: Wed, 20 Nov 2026 06:02:11 -0500\n"
    "To: newsdesk@example.org\n\n"
    "What they're not telling you about Millbrook's water\n\n"
    "Officials knew for months, two people familiar with the state's investigation told "
    "the newsletter this week.\n\n"
    "The department said on Tuesday that tap water in Millbrook averaged 48 parts per "
    "trillion of PFOA, twelve times the federal limit.\n"
)


@pytest.mark.parametrize(
    ("sender", "outlet", "origin"),
    [
        ("The Riverside Brief <brief@riversidebrief.net>", "The Riverside Brief", "email"),
        ('"Valley Courier" <news@valleycourier.example>', "Valley Courier", "email"),
        ("Ann Smith <ann@example.org>", "newsletter", "filename"),
        ("brief@riversidebrief.net", "newsletter", "filename"),
    ],
)
def test_a_saved_emails_from_line_gives_the_outlet_it_names(
    tmp_path: Path, sender: str, outlet: str, origin: str
) -> None:
    path = tmp_path / "newsletter.txt"
    path.write_text(NEWSLETTER.format(sender=sender), encoding="utf-8")
    article = read_file(path)
    assert (article.outlet, article.outlet_origin) == (outlet, origin)
    assert article.headline == "What they're not telling you about Millbrook's water"
