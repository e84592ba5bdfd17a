"""PDFs printed by real browsers (Chromium, Firefox) from pages built on the seeds' text:
page furniture left out, the article's headline, the seed's sentences, the outlet from the
file itself. The fixtures and how they were made: tests/models/browser_print/README.md."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from models.article import Role
from models.readers import read_file
from models.readers.layout import WHY_PDF_HEADLINE

HERE = Path(__file__).parent / "browser_print"
SEEDS = Path(__file__).resolve().parents[2] / "seeds"

PRINTED = {
    # file: (seed, headline, outlet, where the outlet came from, the article's web address);
    # the date is the one under the byline ("Published May 17, 2023"), not the print date
    "patriotwise-chromium-onepage.pdf": (
        "003_7925c5d76f714f91.txt", "Kremlin Tells Top Officials They Cannot Resign",
        "PatriotWise", "copyright",
        "https://www.patriotwise.com/2023/05/17/kremlin-tells-top-officials-they-cannot-resign/",
    ),
    # Firefox prints its furniture in 10 pt: here larger than the one-page print's 9 pt body.
    "patriotwise-firefox-onepage.pdf": (
        "003_7925c5d76f714f91.txt", "Kremlin Tells Top Officials They Cannot Resign",
        "PatriotWise", "copyright", "",
    ),
    "dailybeast-chromium.pdf": (
        "001_66f19ea345cf053d.txt",
        "Putin’s Reportedly Had to Ban His Top Officials from Quitting as Ukraine War Falters",
        "thedailybeast.com", "print",
        "https://www.thedailybeast.com/putin-reportedly-had-to-ban-top-officials-from-quitting",
    ),
    "kremlin-charges-chromium-plain.pdf": (
        "002_14618085202ce7d7.txt",
        "The Kremlin threatened to invent criminal charges against officials who try to resign",
        "El Mirador Global", "byline", "",
    ),
    # Firefox cuts the printed address short ("…/russia-bans-official..."): the site names
    # the outlet, but a cut address is no article's address.
    "mod-update-firefox.pdf": (
        "004_3fc53e922aa18798.txt",
        "Russia is banning officials from resigning, UK defence ministry says",
        "Frontline Brief", "byline", "",
    ),
}

FURNITURE = re.compile(
    r"https?://|www\.|\b\d{1,2}/\d{1,2}/\d{2,4},? \d{1,2}:\d{2}|(?<![\d,.])\d{1,2}\s*(?:/|of)\s*\d\b"
    r"|World Politics Opinion"
)


@pytest.mark.parametrize("name", sorted(PRINTED))
def test_browser_printed_pdf_reads_as_its_article(name: str) -> None:
    seed_name, headline, outlet, origin, url = PRINTED[name]
    dates = {"patriotwise": "2023-05-17", "dailybeast": "2023-05-10", "kremlin": "2023-05-19",
             "mod": "2023-05-18"}
    article = read_file(HERE / name)
    seed = read_file(SEEDS / seed_name)

    assert article.headline == headline
    headline_block = article.blocks_with_role(Role.HEADLINE)[0]
    assert headline_block.reason == WHY_PDF_HEADLINE
    # The seed's own sentences, every one whole: no print header or footer, page number,
    # byline or navigation among them, and none cut by a page break.
    assert [s.text for s in article.body_sentences] == [s.text for s in seed.body_sentences]
    assert not [s.text for s in article.sentences if FURNITURE.search(s.text)]
    assert (article.outlet, article.outlet_origin) == (outlet, origin)
    assert article.url == url
    assert article.date == dates[name.split("-")[0]]
    for sentence in article.sentences:
        assert article.text[sentence.start : sentence.end] == sentence.text


def test_browser_print_keeps_a_hyphen_at_a_line_end() -> None:
    """A browser breaks a line only after a hyphen the text has: "high-" + "ranking"."""
    article = read_file(HERE / "dailybeast-chromium.pdf")
    assert "two of its high-ranking commanders" in article.text
    assert "highranking" not in article.text


def fpdf_with_furniture(path: Path, pages: int, body: list[str], *, header: str, footer: str) -> Path:
    """A typeset PDF of several pages, each with a running head and a numbered footer in
    smaller type, and a body paragraph that repeats on every page."""
    from fpdf import FPDF

    class Paged(FPDF):
        def header(self) -> None:
            self.set_font("Helvetica", size=8)
            self.cell(0, 5, header)
            self.ln(12)

        def footer(self) -> None:
            self.set_y(-12)
            self.set_font("Helvetica", size=8)
            self.cell(0, 5, footer.format(page=self.page_no(), pages=pages))

    pdf = Paged()
    for number in range(pages):
        pdf.add_page()
        pdf.set_font("Helvetica", size=11)
        for paragraph in body if number == 0 else body[1:]:
            pdf.multi_cell(0, 6, paragraph)
            pdf.ln(4)
    pdf.output(str(path))
    return path


BODY = [
    "Officials may not resign",
    "The Kremlin has told senior officials that they may not resign, according to four sources.",
    "A page later the same sentence is printed again, as a repeated paragraph would be.",
]


def test_repeated_header_and_footer_dropped_body_that_repeats_kept(tmp_path: Path) -> None:
    path = fpdf_with_furniture(
        tmp_path / "typeset.pdf", 3, BODY,
        header="The Riverton Ledger - Saturday edition",
        footer="https://ledger.example/officials  Page {page} of {pages}",
    )
    article = read_file(path)
    assert article.headline == BODY[0]
    body = [s.text for s in article.body_sentences]
    # The paragraphs at the top of pages 2 and 3 repeat, but they are body text.
    assert body.count(BODY[1]) == 3 and body.count(BODY[2]) == 3
    assert "Riverton Ledger" not in article.text and "Page 2 of 3" not in article.text
    assert (article.outlet, article.outlet_origin) == ("ledger.example", "print")
    assert article.url == "https://ledger.example/officials"


def test_one_page_print_loses_its_small_address_and_page_number(tmp_path: Path) -> None:
    path = fpdf_with_furniture(
        tmp_path / "one.pdf", 1, BODY,
        header="5/18/23, 9:14 AM  Officials may not resign | The Riverton Ledger",
        footer="https://ledger.example/officials  {page}/{pages}",
    )
    article = read_file(path)
    assert article.headline == BODY[0]
    assert [s.text for s in article.body_sentences] == BODY[1:]
    assert "9:14" not in article.text and "1/1" not in article.text


def test_a_paragraph_cut_by_a_page_break_is_one_paragraph(tmp_path: Path) -> None:
    article = read_file(HERE / "mod-update-firefox.pdf")
    cut = ("The ban was imposed after a number of senior government officials said they wanted "
           "to resign after the war started")
    assert any(s.text.startswith(cut) for s in article.body_sentences)


def test_an_address_under_the_title_in_larger_type_is_not_furniture(tmp_path: Path) -> None:
    """Only a page's very first or last line may be furniture set larger than the body (a
    browser's 10 pt over a 9 pt print); a title page's "Group (http://…)" line stays."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=22)
    pdf.multi_cell(0, 10, "Shared Database Specification")
    pdf.ln(2)
    pdf.set_font("Helvetica", size=14)
    pdf.multi_cell(0, 8, "Desktop Group (http://www.desktop.example)")
    pdf.ln(6)
    pdf.set_font("Helvetica", size=11)
    for paragraph in BODY[1:]:
        pdf.multi_cell(0, 6, paragraph)
        pdf.ln(4)
    path = tmp_path / "spec.pdf"
    pdf.output(str(path))
    article = read_file(path)
    assert "Desktop Group (http://www.desktop.example)" in article.text
    assert article.outlet_origin == "filename" and article.url == ""
