"""Documents, corpus files and database exports, on real files made here; and bad input."""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

import pytest

from models.article import ReadError, Role
from models.readers import ColumnMapping, ReaderError, read_articles, read_file, read_paths
from models.readers.tables import guess_columns
from tests.models.fileformats import (
    Story,
    write_docx,
    write_factiva_html,
    write_factiva_rtf,
    write_image_only_pdf,
    write_nexis_docx,
    write_nexis_rtf,
    write_odt,
    write_pdf,
    write_rtf,
    write_xlsx,
)

HEADLINE = "Kremlin tells officials they cannot resign"
PARAGRAPHS = [
    HEADLINE,
    "The Kremlin has told senior officials that they may not resign, according to four sources.",
    "Governors who tried to quit were threatened with “criminal cases”, one official said — café.",
]
STORIES = [
    Story("Officials may not resign, Kremlin says", [*PARAGRAPHS[1:], "A third paragraph follows here."]),
    Story(
        "Governors threatened with criminal cases",
        ["Regional governors were warned last week, two people said.", "The Kremlin declined to comment."],
        outlet="The Guardian (London)",
        date="June 3, 2020",
        byline="Pjotr Sauer",
    ),
    Story(
        "Why the ban matters",
        ["Analysts say the ban is likely to deepen the sense of crisis.", "Others disagree."],
        outlet="Moscow Times",
        date="May 20, 2023",
    ),
]


def body_text(article: object) -> str:
    return " ".join(s.text for s in article.body_sentences)  # type: ignore[attr-defined]


# --- one article per document ---------------------------------------------------------


@pytest.mark.parametrize(
    "writer, name",
    [(write_pdf, "story.pdf"), (write_docx, "story.docx"), (write_odt, "story.odt"), (write_rtf, "story.rtf")],
)
def test_one_article_documents(tmp_path: Path, writer, name: str) -> None:  # type: ignore[no-untyped-def]
    path = writer(tmp_path / name, PARAGRAPHS)
    article = read_file(path)
    assert article.headline == HEADLINE
    assert article.article_id == "story" and article.source == str(path)
    body = body_text(article)
    assert "according to four sources." in body
    assert "“criminal cases”" in body and "café" in body
    assert len(article.body_sentences) == 2
    assert article.blocks[0].role is Role.HEADLINE
    for sentence in article.sentences:
        assert article.text[sentence.start : sentence.end] == sentence.text


def test_pdf_over_several_pages_joins_hyphenated_words(tmp_path: Path) -> None:
    long = "The commission published its informa-\ntion on Tuesday."  # a hyphen at a line end
    path = write_pdf(tmp_path / "long.pdf", [HEADLINE, *PARAGRAPHS[1:] * 6], pages=3)
    article = read_file(path)
    assert article.text.count("according to four sources") == 6
    from models.readers.pdf import _clean

    assert _clean(long) == "The commission published its information on Tuesday."


WRAPPED = [
    "Council says the tap water is safe",
    "Elevated lead readings at two Riverton schools were likely caused by old fixtures inside "
    "the buildings, the city's water utility said on Tuesday, a week after parents were told. "
    "Utility director Mark Feld said samples from forty homes in the district all came in "
    "below the federal action level, according to a statement.",
    "The utility\u2019s o\ufb03cials said the \ufb01xtures, not the mains, were to blame.",
]


def test_pdf_paragraphs_wrapped_over_lines_read_as_the_same_document_in_word(
    tmp_path: Path,
) -> None:
    """A paragraph printed over several lines is one paragraph again: its sentences are
    whole (not cut where a line ends), with ligatures as letters and one space between
    words, the same as the same paragraphs in a Word document."""
    pdf = read_file(write_pdf(tmp_path / "story.pdf", WRAPPED))
    word = read_file(write_docx(tmp_path / "story.docx", [p.replace("\ufb03", "ffi").replace(
        "\ufb01", "fi") for p in WRAPPED]))
    assert pdf.headline == word.headline == WRAPPED[0]
    assert [s.text for s in pdf.body_sentences] == [s.text for s in word.body_sentences]
    assert len(pdf.body_sentences) == 3
    assert "officials said the fixtures" in body_text(pdf)
    for sentence in pdf.sentences:
        assert pdf.text[sentence.start : sentence.end] == sentence.text


def test_scanned_pdf_says_so(tmp_path: Path) -> None:
    path = write_image_only_pdf(tmp_path / "scan.pdf")
    with pytest.raises(ReaderError, match=r"^no text in this PDF: its pages look scanned"):
        read_file(path)


def test_encrypted_pdf_is_refused_and_empty_password_pdf_is_read(tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    plain = write_pdf(tmp_path / "plain.pdf", PARAGRAPHS)
    for password, name in (("secret", "locked.pdf"), ("", "open.pdf")):
        writer = PdfWriter()
        for page in PdfReader(plain).pages:
            writer.add_page(page)
        writer.encrypt(user_password=password, owner_password="owner", algorithm="RC4-128")
        with (tmp_path / name).open("wb") as handle:
            writer.write(handle)
    with pytest.raises(ReaderError, match="password-protected"):
        read_file(tmp_path / "locked.pdf")
    assert read_file(tmp_path / "open.pdf").headline == HEADLINE


def test_broken_pdf(tmp_path: Path) -> None:
    good = write_pdf(tmp_path / "good.pdf", PARAGRAPHS).read_bytes()
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(good[: len(good) // 3])
    with pytest.raises(ReaderError):
        read_file(broken)
    not_pdf = tmp_path / "fake.pdf"
    not_pdf.write_bytes(b"just words pretending")
    with pytest.raises(ReaderError, match=r"^not a PDF file"):
        read_file(not_pdf)


def test_docx_text_boxes_tables_and_revisions(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph(HEADLINE)
    document.add_paragraph(PARAGRAPHS[1])
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Cell one says things."
    table.cell(0, 1).text = "Cell two says more."
    document.add_paragraph("Line one\tcolumn").add_run().add_break()
    path = tmp_path / "t.docx"
    document.save(str(path))
    article = read_file(path)
    assert "Cell one says things." in article.text and "Cell two says more." in article.text
    assert "Line one\tcolumn" in article.text


def test_odt_spaces_and_headings(tmp_path: Path) -> None:
    path = write_odt(tmp_path / "s.odt", ["Two  spaces kept here in the text.", PARAGRAPHS[1]], heading=HEADLINE)
    article = read_file(path)
    assert article.headline == HEADLINE
    assert "Two  spaces kept" in article.text


def test_rtf_details() -> None:
    from models.readers.rtf import rtf_text

    source = (
        rb"{\rtf1\ansi\ansicpg1251{\fonttbl{\f0 Times;}}{\*\generator x;}{\info{\title T}}"
        rb"\pard \'cf\'f0\'e8\'e2\'e5\'f2\par \uc1\u8220?q\u8221? {\field{\*\fldinst HYPERLINK}{\fldrslt link}}"
        rb"\line x\~y\bin3 abc done\par}"
    )
    assert rtf_text(source) == "Привет\n“q” link\nx\u00a0y done\n"
    with pytest.raises(ReaderError, match="not an RTF file"):
        rtf_text(b"plain words")


# --- database exports ----------------------------------------------------------------------


def check_stories(articles: list, stem: str) -> None:  # type: ignore[type-arg]
    assert [a.article_id for a in articles] == [f"{stem}-001", f"{stem}-002", f"{stem}-003"]
    assert [a.headline for a in articles] == [s.headline for s in STORIES]
    assert [a.outlet for a in articles] == [s.outlet for s in STORIES]
    assert [a.date for a in articles] == ["2023-05-18", "2020-06-03", "2023-05-20"]
    assert body_text(articles[1]) == " ".join(STORIES[1].paragraphs)
    for article in articles:
        # Metadata lines never leak into the scored body.
        for leak in ("Length:", "Byline", "Load-Date", "Classification", "Document ", "words", "Copyright"):
            assert leak not in body_text(article)


@pytest.mark.parametrize("writer", [write_nexis_docx, write_nexis_rtf])
def test_nexis_uni_exports(tmp_path: Path, writer) -> None:  # type: ignore[no-untyped-def]
    path = writer(tmp_path / f"nexis{'.docx' if writer is write_nexis_docx else '.rtf'}", STORIES)
    read = read_articles(path)
    assert read.problem == ""
    check_stories(read.articles, "nexis")
    assert read.articles[1].outlet_origin == "nexis"
    assert "byline: Pjotr Sauer" in read.articles[1].notes
    assert read.articles[0].notes[0] == "article 1 of 3 in a Nexis Uni export"


def test_nexis_document_without_body_is_one_message(tmp_path: Path) -> None:
    from tests.models.fileformats import nexis_lines

    lines = nexis_lines(STORIES)
    lines.remove("Body")  # the first story loses its Body line
    path = write_docx(tmp_path / "cut.docx", lines)
    read = read_articles(path)
    assert len(read.articles) == 2
    assert read.problem == "Nexis Uni export: document 1: no 'Body' line, so its text could not be found; skipped"


@pytest.mark.parametrize("tabbed", [False, True])
def test_factiva_rtf(tmp_path: Path, tabbed: bool) -> None:
    path = write_factiva_rtf(tmp_path / "factiva.rtf", STORIES, tabbed=tabbed)
    read = read_articles(path)
    check_stories(read.articles, "factiva")
    assert read.articles[0].outlet_origin == "factiva"
    assert any(n.startswith("document ") for n in read.articles[0].notes)
    # LP and TD both feed the text, in order.
    assert body_text(read.articles[0]).endswith("A third paragraph follows here.")


def test_factiva_html(tmp_path: Path) -> None:
    path = write_factiva_html(tmp_path / "factiva.html", STORIES)
    read = read_articles(path)
    check_stories(read.articles, "factiva")
    assert "byline: By Pjotr Sauer" in read.articles[1].notes


# --- corpus files ------------------------------------------------------------------------


ROWS = [
    ("Headline A", "First article text. It has two sentences.", "Outlet One", "2023-05-18", "https://a.example/1"),
    ("Headline B", "Second article text, quite different.", "Outlet Two", "18 May 2023", "https://b.example/2"),
    ("Headline C", "", "Outlet Two", "2023-05-19", ""),
    ("Headline D", "Fourth article, says someone.", "Outlet One", "", ""),
]


def write_csv(path: Path, header: list[str], rows, delimiter: str = ",") -> Path:  # type: ignore[no-untyped-def]
    import csv

    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(header)
        writer.writerows(rows)
    return path


HEADER = ["title", "body", "source", "published", "link"]


def check_rows(articles: list, stem: str) -> None:  # type: ignore[type-arg]
    assert [a.headline for a in articles] == ["Headline A", "Headline B", "Headline D"]
    assert [a.outlet for a in articles] == ["Outlet One", "Outlet Two", "Outlet One"]
    assert [a.date for a in articles] == ["2023-05-18", "2023-05-18", ""]
    assert articles[0].url == "https://a.example/1"
    assert [a.article_id for a in articles] == [f"{stem}-001", f"{stem}-002", f"{stem}-003"]
    assert body_text(articles[0]) == "First article text. It has two sentences."
    assert articles[0].outlet_origin == "table"


def test_csv_tsv_jsonl_json_xlsx(tmp_path: Path) -> None:
    write_csv(tmp_path / "c.csv", HEADER, ROWS)
    write_csv(tmp_path / "s.csv", HEADER, ROWS, delimiter=";")
    write_csv(tmp_path / "t.tsv", HEADER, ROWS, delimiter="\t")
    (tmp_path / "j.jsonl").write_text(
        "\n".join(json.dumps(dict(zip(HEADER, r, strict=True))) for r in ROWS) + "\nnot json\n",
        encoding="utf-8",
    )
    (tmp_path / "a.json").write_text(json.dumps({"articles": [dict(zip(HEADER, r, strict=True)) for r in ROWS]}))
    write_xlsx(tmp_path / "x.xlsx", HEADER, ROWS)
    for name in ("c.csv", "s.csv", "t.tsv", "j.jsonl", "a.json", "x.xlsx"):
        read = read_articles(tmp_path / name)
        check_rows(read.articles, Path(name).stem)
        assert "1 row without text in column 'body'" in read.problem, name
    assert "1 line not a JSON object (line 5); skipped" in read_articles(tmp_path / "j.jsonl").problem



def test_a_row_longer_than_the_header_is_rejoined_when_the_text_is_last(tmp_path: Path) -> None:
    # A comma outside quotes made the rest of the line extra cells: the text was cut at
    # the comma ("The Kremlin barred officials") and the rest dropped without a word.
    (tmp_path / "c.csv").write_text(
        "outlet,headline,text\n"
        "Daily,Ban on exits,\"The Kremlin reportedly barred officials, a source said.\"\n"
        "Weekly,Ban on exits,The Kremlin barred officials, sources said, from resigning.\n",
        encoding="utf-8")
    read = read_articles(tmp_path / "c.csv")
    assert [a.text.split("\n\n", 1)[1] for a in read.articles] == [
        "The Kremlin reportedly barred officials, a source said.",
        "The Kremlin barred officials, sources said, from resigning."]
    assert read.problem == (
        "1 row with more fields than the header's 3 (line 3: a comma outside double quotes?); "
        "read with the text to the end of the line, as column 'text' is the last")


def test_a_row_longer_than_the_header_is_skipped_when_the_text_is_not_last(
    tmp_path: Path
) -> None:
    (tmp_path / "s.csv").write_text(
        "outlet;text;date\n"
        "Daily;The ministry said on Monday that governors may not resign.;2023-05-18\n"
        "Weekly;Governors; mayors and ministers may not resign.;2023-05-19\n"
        "Monthly;The ban reportedly covers every regional governor.;2023-05-20\n"
        "Herald;Officials were told to stay in their posts.;2023-05-21\n",
        encoding="utf-8")
    read = read_articles(tmp_path / "s.csv")
    assert [a.outlet for a in read.articles] == ["Daily", "Monthly", "Herald"]
    assert read.problem == (
        "1 row with more fields than the header's 3 (line 3: a semicolon outside double "
        "quotes?); skipped, since which field is which cannot be told")


@pytest.mark.parametrize("later_rows_quoted", [False, True])
def test_a_row_with_an_unclosed_quote_is_named_and_skipped(
    tmp_path: Path, later_rows_quoted: bool
) -> None:
    # The quote opened on line 3 is never closed: the csv module ran its cell on to the
    # next quote (or the end of the file), so the rows after it became part of its text.
    q = '"' if later_rows_quoted else ""
    (tmp_path / "u.csv").write_text(
        "outlet,headline,text\n"
        "Daily,Budget,\"The mayor said on Monday that the budget was balanced.\"\n"
        "Weekly,Vote,\"The council voted on Tuesday, and officials said it passed.\n"
        f"Herald,Roads,{q}Residents said on Wednesday that the roads were repaired.{q}\n"
        f"Post,Schools,{q}The board said on Thursday that classes would resume.{q}\n",
        encoding="utf-8")
    read = read_articles(tmp_path / "u.csv")
    assert [a.outlet for a in read.articles] == ["Daily", "Herald", "Post"]
    assert read.articles[1].text == (
        "Roads\n\nResidents said on Wednesday that the roads were repaired.")
    assert read.problem == (
        "1 row with a double quote never closed (line 3); skipped, the rows after it read")
    result = read_paths([tmp_path / "u.csv"])
    assert len(result.articles) == 3
    assert [(e.file, e.reason, e.partial) for e in result.errors] == [
        (str(tmp_path / "u.csv"), read.problem, True)]


def test_a_quoted_text_over_several_lines_stays_one_row(tmp_path: Path) -> None:
    # Its second line, alone, would read as a row of three fields: the quotes are valid.
    (tmp_path / "p.csv").write_text(
        "outlet,headline,text\n"
        "Daily,Vote,\"The council said \"\"no\"\" on Tuesday.\n"
        "Later, the mayor said, it would vote again.\"\n"
        "Weekly,Roads,Residents said on Wednesday that the roads were repaired.\n",
        encoding="utf-8")
    read = read_articles(tmp_path / "p.csv")
    assert [a.outlet for a in read.articles] == ["Daily", "Weekly"]
    assert read.articles[0].text.endswith(
        'said "no" on Tuesday.\nLater, the mayor said, it would vote again.')
    assert read.problem == ""


def test_xlsx_dates_and_numbers(tmp_path: Path) -> None:
    import datetime as dt

    write_xlsx(tmp_path / "d.xlsx", ["Text", "Date", "N"], [("Some text here.", dt.datetime(2023, 5, 18), 3.0)])
    article = read_articles(tmp_path / "d.xlsx").articles[0]
    assert article.date == "2023-05-18"


def test_column_guess_and_given_columns(tmp_path: Path) -> None:
    assert guess_columns(HEADER).mapping == ColumnMapping("body", "title", "source", "published", "link")
    assert guess_columns(HEADER).is_certain
    odd = guess_columns(["id", "words", "note"], [["1", "a long article text here", "x"]])
    assert odd.mapping.text == "words" and not odd.is_certain
    two = guess_columns(["text", "body", "title"])
    assert not two.is_certain and "several columns could hold the text" in two.doubts[0]
    path = write_csv(tmp_path / "odd.csv", ["id", "story_words", "paper"], [("1", "Text of the story.", "P1")])
    article = read_articles(path, columns=ColumnMapping(text="story_words", outlet="paper")).articles[0]
    assert article.outlet == "P1" and body_text(article) == "Text of the story."
    with pytest.raises(ReaderError, match=r"^no text column 'content' in this file \(columns found: id, story_words, paper\)"):
        read_articles(path, columns=ColumnMapping(text="content"))


def test_csv_without_text_column(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "ids.csv", ["id", "count"], [])
    with pytest.raises(ReaderError, match=r"^no column with article text \(columns found: id, count\)"):
        read_articles(path)


def test_read_paths_uses_given_and_per_file_columns(tmp_path: Path) -> None:
    a = write_csv(tmp_path / "a.csv", ["id", "words"], [("1", "Alpha text of an article.")])
    b = write_csv(tmp_path / "b.csv", ["id", "prose"], [("1", "Beta text of an article.")])
    result = read_paths([tmp_path], columns=ColumnMapping(text="words"), file_columns={b: ColumnMapping(text="prose")})
    assert [body_text(x) for x in result.articles] == ["Alpha text of an article.", "Beta text of an article."]
    assert result.errors == []
    del a


# --- bad input never hurts -----------------------------------------------------------


def zip_bomb_docx(path: Path) -> Path:
    """A .docx whose document.xml inflates 40 MB of blanks from about 40 KB (1000 to 1)."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = b" " * (1024 * 1024)
            for _ in range(40):
                member.write(chunk)
    return path


def entity_bomb_docx(path: Path) -> Path:
    lol = '<!DOCTYPE lolz [<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10)
    ) + "]>"
    xml = (
        f'<?xml version="1.0"?>{lol}<w:document xmlns:w="http://schemas.openxmlformats.org/'
        'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>'
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", xml)
    return path


def test_zip_bomb_and_entity_bomb(tmp_path: Path) -> None:
    with pytest.raises(ReaderError, match=r"word/document\.xml\) is compressed \d+ to 1 \(a zip bomb\?\)"):
        read_file(zip_bomb_docx(tmp_path / "bomb.docx"))
    with pytest.raises(ReaderError, match=r"declares XML entities or a DTD.*entity bomb"):
        read_file(entity_bomb_docx(tmp_path / "lol.docx"))
    with zipfile.ZipFile(tmp_path / "lol.odt", "w") as archive:
        archive.writestr("content.xml", (tmp_path / "lol.docx").read_bytes()[:0] + b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>')
    with pytest.raises(ReaderError, match="entity bomb"):
        read_file(tmp_path / "lol.odt")


def test_xlsx_entity_bomb(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "book.xlsx", ["text"], [("A row of text.",)])
    bombed = tmp_path / "bombed.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(bombed, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                assert not data.startswith(b"<?xml")  # openpyxl writes no declaration
                data = b'<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]>' + data
            target.writestr(item, data)
    with pytest.raises(ReaderError, match=r"^not read: this workbook declares XML entities or a DTD"):
        read_articles(bombed)


def test_one_gigabyte_file_is_refused_before_reading(tmp_path: Path) -> None:
    for name in ("huge.csv", "huge.pdf", "huge.txt"):
        path = tmp_path / name
        with path.open("wb") as handle:
            handle.truncate(1024**3)  # sparse: no gigabyte is written
        with pytest.raises(ReaderError, match=r"^too large .*\(1024\.0 MB; the limit is \d+ MB"):
            read_articles(path)


def test_bad_files_each_get_one_message_and_the_rest_go_on(tmp_path: Path) -> None:
    good = write_docx(tmp_path / "good.docx", PARAGRAPHS)
    (tmp_path / "empty.pdf").write_bytes(b"")
    (tmp_path / "binary.rtf").write_bytes(os.urandom(2000))
    (tmp_path / "latin.txt").write_bytes("Caf\xe9 story about officials who said things.\n".encode("cp1252"))
    (tmp_path / "ids.csv").write_text("id,count\n1,2\n", encoding="utf-8")
    zip_bomb_docx(tmp_path / "bomb.docx")
    (tmp_path / "fake.xlsx").write_bytes(b"PK\x03\x04 not really")
    write_docx(tmp_path / "again.docx", PARAGRAPHS)  # the same article twice
    write_rtf(tmp_path / "again.rtf", PARAGRAPHS)  # and in another format
    gone = write_pdf(tmp_path / "gone.pdf", ["x"])
    result = read_paths([tmp_path, tmp_path / "never.txt"], _DeleteOnFirstStatus(gone))
    assert [a.article_id for a in result.articles] == ["again", "latin"]
    reasons = {Path(e.file).name: e.reason for e in result.errors}
    assert len(reasons) == len(result.errors)  # one message per file
    assert reasons["never.txt"] == "file not found"
    assert reasons["empty.pdf"] == "empty file"
    assert reasons["binary.rtf"] == "not an RTF file: it does not start with {\\rtf"
    assert reasons["ids.csv"].startswith("no column with article text")
    assert "zip bomb" in reasons["bomb.docx"]
    assert reasons["fake.xlsx"].startswith("not a valid Excel workbook")
    assert reasons["gone.pdf"] == "file not found"
    first = tmp_path / "again.docx"  # sorted before good.docx, so read first
    assert reasons["good.docx"] == f"already read (not analysed twice): same text as {first}"
    assert reasons["again.rtf"] == f"already read (not analysed twice): same text as {first}"
    assert result.articles[0].source == str(first) and good.exists()


class _DeleteOnFirstStatus:
    """Deletes a file after the folder was listed and before it is read (drop, then delete)."""

    def __init__(self, victim: Path) -> None:
        self.victim = victim

    def set_progress(self, fraction: float) -> None:
        pass

    def set_status(self, text: str) -> None:
        if text.startswith("Reading") and self.victim.exists():
            self.victim.unlink()

    def is_cancelled(self) -> bool:
        return False


def test_same_article_in_a_corpus_file_and_a_text_file(tmp_path: Path) -> None:
    text = "Kremlin bans resignations\n\nThe Kremlin has told officials they may not resign, sources said."
    (tmp_path / "one.txt").write_text(text, encoding="utf-8")
    write_csv(tmp_path / "rows.csv", ["text"], [(text.replace("\n\n", "\r\n\r\n"),), ("Another article entirely.",)])
    result = read_paths([tmp_path])
    assert len(result.articles) == 2
    rows_again = read_paths([tmp_path / "rows.csv", tmp_path / "rows.csv"])
    assert rows_again.errors == []  # the same file given twice is read once
    assert result.errors == [
        ReadError(str(tmp_path / "rows.csv"),
                  f"already read (not analysed twice): rows-001: same text as {tmp_path / 'one.txt'}",
                  partial=True)  # its other row was taken: the file was read, in part
    ]


def test_same_article_twice_in_one_corpus_file(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "rows.csv", ["text"], [("Same words here.",), ("Other words.",), ("same  WORDS here.",)])
    result = read_paths([path])
    assert [a.article_id for a in result.articles] == ["rows-001", "rows-002"]
    assert result.errors == [
        ReadError(str(path), f"already read (not analysed twice): rows-003: same text as rows-001 in {path}",
                  partial=True)
    ]


def test_a_zip_of_something_else_named_xlsx_says_what_it_lacks(tmp_path: Path) -> None:
    # "(KeyError)" was the whole reason: the name of a Python exception, not of the problem.
    import zipfile

    with zipfile.ZipFile(tmp_path / "photos.xlsx", "w") as archive:
        archive.writestr("holiday/notes.txt", "not a workbook")
    result = read_paths([tmp_path / "photos.xlsx"])
    assert [e.reason for e in result.errors] == [
        "not a valid Excel workbook: a part every workbook has is missing (a zip file of "
        "something else, named .xlsx?)"]
