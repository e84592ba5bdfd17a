"""Damaged and mislabelled files of every format, read beside good ones (session 32's
audit of the readers): each refused file gets a reason in words a journalist reads (no
Python exception text), the good files are read all the same, and what can be read of a
file is read. The command line's side of it: tests/e2e/test_cli_damaged_files.py."""

from __future__ import annotations

import csv
import io
import json
import logging
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from models.readers import read_paths
from models.readers.documents import MAX_ARTICLE_WORDS

SENTENCE = "Officials said the plan may work, but critics were not convinced. "
STORY = ("Council will close the Riverside pool",
         "The council voted on Tuesday to close the Riverside pool at the end of the season, "
         "the mayor said. Swimmers said they would petition the council.")


def book() -> str:
    return SENTENCE * (MAX_ARTICLE_WORDS // len(SENTENCE.split()) + 1)


def test_a_corpus_row_as_long_as_a_book_is_skipped_and_the_other_rows_read(
    tmp_path: Path,
) -> None:
    # A 10 MB cell in a CSV (or a JSON Lines record) was scored as one article: scoring
    # grows with the square of an article's length, and the run sat for many minutes on
    # it (a .txt of that length is refused, robust29).
    words = len(book().split())
    (tmp_path / "corpus.csv").write_text(
        "headline,text\n" + f'"{STORY[0]}","{STORY[1]}"\n' + f'"A book","{book()}"\n',
        encoding="utf-8")
    (tmp_path / "corpus.jsonl").write_text(
        json.dumps({"headline": "A book", "text": book()}) + "\n", encoding="utf-8")
    result = read_paths([tmp_path])
    assert [a.headline for a in result.articles] == [STORY[0]]
    reasons = {Path(e.file).name: (e.reason, e.partial) for e in result.errors}
    assert reasons["corpus.csv"] == (
        f"line 3 too long to be one article ({words:,} words; the limit is "
        f"{MAX_ARTICLE_WORDS:,}); skipped", True)
    assert reasons["corpus.jsonl"] == (
        f"no article in this file: line 1 too long to be one article ({words:,} words; "
        f"the limit is {MAX_ARTICLE_WORDS:,})", False)


#: Ten million characters of one sentence: a book's worth in one cell or paragraph.
BOOK = ("The council said it would close the pool. " * 240_000)[:10_000_000]


def write_corpus_with_a_book_cell(path: Path) -> Path:
    """A CSV corpus of two rows: a short article (line 2) and BOOK in one cell (line 3)."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["headline", "text"])
        writer.writerow(["Library hours cut", "The library will open four days a week from "
                         "June, the council said on Wednesday."])
        writer.writerow(["A book in a cell", BOOK])
    return path


def write_valid(path: Path) -> Path:
    """A real file of one article in the format ``path``'s extension names."""
    from tests.models.fileformats import write_docx, write_odt, write_pdf, write_rtf, write_xlsx

    suffix = path.suffix
    if suffix == ".pdf":
        return write_pdf(path, STORY)
    if suffix == ".docx":
        return write_docx(path, STORY)
    if suffix == ".odt":
        return write_odt(path, STORY)
    if suffix == ".rtf":
        return write_rtf(path, STORY)
    if suffix == ".xlsx":
        return write_xlsx(path, ["headline", "text"], [list(STORY)])
    if suffix == ".html":
        path.write_text(f"<!DOCTYPE html><html><head><title>{STORY[0]}</title></head><body>"
                        f"<article><h1>{STORY[0]}</h1><p>{STORY[1]}</p></article></body></html>",
                        encoding="utf-8")
    elif suffix == ".json":
        path.write_text(json.dumps([{"headline": STORY[0], "text": STORY[1]}]), "utf-8")
    elif suffix == ".csv":
        path.write_text(f'headline,text\n"{STORY[0]}","{STORY[1]}"\n', encoding="utf-8")
    else:
        path.write_text("\n\n".join(STORY) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(("named", "really", "said"), [
    (".docx", ".pdf", "the file is a PDF named .docx: rename it to end in .pdf"),
    (".pdf", ".docx", "the file is a Word document named .pdf: rename it to end in .docx"),
    (".odt", ".docx", "the file is a Word document named .odt: rename it to end in .docx"),
    (".txt", ".pdf", "the file is a PDF named .txt: rename it to end in .pdf"),
    (".csv", ".xlsx", "the file is an Excel workbook named .csv: rename it to end in .xlsx"),
    (".xlsx", ".csv", "the file is text (a table, as a CSV file is) named .xlsx: rename it "
                      "to end in .csv"),
    (".rtf", ".html", "the file is a web page named .rtf: rename it to end in .html"),
    (".docx", ".odt", "the file is an OpenDocument file named .docx: rename it to end in .odt"),
    (".json", ".csv", "the file is text (a table, as a CSV file is) named .json: rename it "
                      "to end in .csv"),
])
def test_a_file_with_the_wrong_extension_is_named_for_what_it_is(
    tmp_path: Path, named: str, really: str, said: str
) -> None:
    # "not a valid Word document: the file is damaged or not a zip archive" for a PDF
    # named .docx left the user thinking the file was broken (audit s32).
    real = write_valid(tmp_path / f"real{really}")
    misnamed = tmp_path / f"story{named}"
    misnamed.write_bytes(real.read_bytes())
    real.unlink()
    write_valid(tmp_path / f"good{named}")
    result = read_paths([tmp_path])
    assert [Path(a.source).name for a in result.articles] == [f"good{named}"]
    (error,) = result.errors
    assert Path(error.file).name == misnamed.name
    assert error.reason.endswith("; " + said), error.reason


def test_an_old_word_file_named_docx_is_said_to_need_saving_as_docx(tmp_path: Path) -> None:
    # A Word 97-2003 file starts with the OLE2 compound-file signature.
    path = tmp_path / "story.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + b"Word.Document.8" * 40)
    (error,) = read_paths([path]).errors
    assert error.reason.endswith(
        "; the file is a Word 97-2003 document or Excel 97-2003 workbook (.doc, .xls), an "
        "older format Framescope does not read: open it and save it as .docx")


def test_a_damaged_file_of_its_own_type_gets_no_such_advice(tmp_path: Path) -> None:
    good = write_valid(tmp_path / "good.docx").read_bytes()
    (tmp_path / "cut.docx").write_bytes(good[: len(good) // 2])
    (error,) = read_paths([tmp_path / "cut.docx"]).errors
    assert "rename" not in error.reason and "save it as" not in error.reason


@pytest.mark.parametrize("suffix", [".docx", ".odt", ".xlsx"])
def test_a_document_cut_short_is_said_to_be_incomplete(tmp_path: Path, suffix: str) -> None:
    # "the file is damaged or not a zip archive" for the first half of a real file (a
    # download cut off): it is a zip, only incomplete, and downloading it again mends it.
    good = write_valid(tmp_path / f"good{suffix}").read_bytes()
    (tmp_path / f"cut{suffix}").write_bytes(good[: len(good) // 2])
    result = read_paths([tmp_path])
    assert [Path(a.source).name for a in result.articles] == [f"good{suffix}"]
    kind = {".docx": "Word document", ".odt": "OpenDocument text", ".xlsx": "Excel workbook"}
    assert [(Path(e.file).name, e.reason) for e in result.errors] == [(
        f"cut{suffix}", f"the {kind[suffix]} is incomplete: it stops before its end (a "
        "download or copy cut short?), so it could not be read; download or copy it again")]


@pytest.mark.parametrize(("content", "said"), [
    # The parser's own words were the reason: "not valid JSON (Unterminated string
    # starting at: line 1 column 40 (char 39))", "(Expecting value: line 1 column 1 (char 0))".
    ('[{"headline": "Pool", "text": "The council voted on Tuesday to cl',
     "the JSON file is incomplete: it stops before its end (a download or copy cut short?), "
     "so it could not be read; download or copy it again"),
    ('[{"headline": "Pool", "text": "The council voted."},',
     "the JSON file is incomplete: it stops before its end (a download or copy cut short?), "
     "so it could not be read; download or copy it again"),
    ("headline,text\nPool,The council voted.\n",
     "not a JSON file: it does not start with [ or { (a list of articles, or an object "
     "holding one); the file is text (a table, as a CSV file is) named .json: rename it to "
     "end in .csv"),
    ('[{"headline": "Pool" "text": "The council voted."}]',
     "not valid JSON: a mistake at line 1, column 22 (expecting ',' delimiter)"),
])
def test_a_json_file_that_cannot_be_read_is_said_why_in_words(
    tmp_path: Path, content: str, said: str
) -> None:
    (tmp_path / "corpus.json").write_text(content, encoding="utf-8")
    write_valid(tmp_path / "good.txt")
    result = read_paths([tmp_path])
    assert [Path(a.source).name for a in result.articles] == ["good.txt"]
    assert [(Path(e.file).name, e.reason) for e in result.errors] == [("corpus.json", said)]


def test_the_columns_listed_in_a_message_are_cut_short(tmp_path: Path) -> None:
    # JSON Lines named .tsv: its first line was the one "column", and the message about
    # it ran to 1,200 characters.
    line = json.dumps({"headline": STORY[0], "text": STORY[1] * 5})
    (tmp_path / "corpus.tsv").write_text(line + "\n", encoding="utf-8")
    (error,) = read_paths([tmp_path]).errors
    assert len(error.reason) < 250
    assert error.reason.startswith('no column with article text (columns found: {"headline": "')
    assert "…);" in error.reason


@pytest.mark.parametrize("suffix", [".csv", ".tsv"])
def test_a_corpus_file_cut_inside_its_last_row_says_so(tmp_path: Path, suffix: str) -> None:
    # The first half of a real CSV: its last row stops inside the quoted text. The row was
    # read, its text cut short, and nothing said the file was incomplete.
    sep = "," if suffix == ".csv" else "\t"
    rows = [f'"{STORY[0]} {n}"{sep}"{STORY[1]} Row {n}."' for n in range(3)]
    whole = f"headline{sep}text\n" + "\n".join(rows) + "\n"
    path = tmp_path / f"corpus{suffix}"
    path.write_text(whole[: whole.index("Row 1") - 20], encoding="utf-8")
    result = read_paths([path])
    assert len(result.articles) == 2  # what is there is read
    (error,) = result.errors
    assert error.partial and error.reason == (
        "the last row (line 3) ends inside a double quote never closed: the file may be cut "
        "short (a download or copy stopped?); its text was read as far as it goes")


def test_a_whole_corpus_file_and_other_quote_slips_are_not_called_cut(tmp_path: Path) -> None:
    path = tmp_path / "corpus.csv"
    path.write_text(f'headline,text\n"{STORY[0]}","{STORY[1]}"\n"Two","Dogs" ran far.\n',
                    encoding="utf-8")
    assert not [e for e in read_paths([path]).errors if "cut short" in e.reason]


def test_an_rtf_file_cut_short_says_so(tmp_path: Path) -> None:
    # Half an RTF file was read without a word about the rest; with no words in that half
    # it was "no text: the RTF file holds no words", as if the document were blank.
    from tests.models.fileformats import write_rtf

    long_story = [STORY[0], *[STORY[1]] * 6]
    whole = write_rtf(tmp_path / "whole.rtf", long_story).read_bytes()
    (tmp_path / "whole.rtf").unlink()
    (tmp_path / "half.rtf").write_bytes(whole[: len(whole) // 2])
    (tmp_path / "start.rtf").write_bytes(whole[: whole.index(b"\\par") // 2])
    result = read_paths([tmp_path])
    assert [Path(a.source).name for a in result.articles] == ["half.rtf"]
    reasons = {Path(e.file).name: (e.reason, e.partial) for e in result.errors}
    cut = "the RTF file is incomplete: it stops before its end (a download or copy cut short?)"
    assert reasons == {
        "half.rtf": (f"{cut}: its text was read as far as it goes", True),
        "start.rtf": (f"{cut}, and holds no words before it stops; download or copy it again",
                      False),
    }


def test_a_json_lines_file_cut_short_says_so(tmp_path: Path) -> None:
    record = json.dumps({"headline": STORY[0], "text": STORY[1]})
    whole = record + "\n" + record.replace("Tuesday", "Monday") + "\n"
    (tmp_path / "cut.jsonl").write_text(whole[:-30], encoding="utf-8")
    (tmp_path / "slip.jsonl").write_text(
        record.replace("Tuesday", "Friday") + "\n{not json}\n", encoding="utf-8")
    result = read_paths([tmp_path])
    assert len(result.articles) == 2
    reasons = {Path(e.file).name: e.reason for e in result.errors}
    assert reasons == {
        "cut.jsonl": "1 line not a JSON object (line 2); skipped; the last of them stops "
                     "before its end: the file may be cut short (a download or copy stopped?)",
        "slip.jsonl": "1 line not a JSON object (line 2); skipped",
    }


def mhtml(page: str) -> bytes:
    """A page saved as one file, as Chromium writes it (quoted-printable HTML part)."""
    import quopri

    return (b"From: <Saved by Blink>\r\nSnapshot-Content-Location: https://www.example.com/pool"
            b"\r\nSubject: Pool\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n"
            b'\ttype="text/html";\r\n\tboundary="----MultipartBoundary--abc"\r\n\r\n'
            b"------MultipartBoundary--abc\r\nContent-Type: text/html\r\n"
            b"Content-Transfer-Encoding: quoted-printable\r\n"
            b"Content-Location: https://www.example.com/pool\r\n\r\n"
            + quopri.encodestring(page.encode("utf-8")).replace(b"\n", b"\r\n")
            + b"\r\n------MultipartBoundary--abc--\r\n")


def test_a_page_saved_as_one_file_cut_short_says_so(tmp_path: Path) -> None:
    # Half a .mhtml file was "no article text found in this web page", as if the page had
    # none; it is a download or copy cut off.
    paragraphs = "".join(f"<p>{STORY[1]} ({n})</p>" for n in range(8))
    page = (f"<!DOCTYPE html><html><head><title>{STORY[0]}</title></head><body><article>"
            f"<h1>{STORY[0]}</h1>{paragraphs}</article></body></html>")
    whole = mhtml(page)
    (tmp_path / "whole.mhtml").write_bytes(whole)
    (tmp_path / "start.mhtml").write_bytes(whole[: whole.index(b"<h1>")])
    (tmp_path / "half.mhtml").write_bytes(whole[: len(whole) * 2 // 3])
    result = read_paths([tmp_path])
    read = {Path(a.source).name: a for a in result.articles}
    cut = ("the saved web page (MHTML) is incomplete: it stops before its end (a download or "
           "copy cut short?)")
    assert not [n for n in read["whole.mhtml"].notes if "incomplete" in n]
    assert f"{cut}: the page was read as far as it goes" in read["half.mhtml"].notes
    reasons = {Path(e.file).name: e.reason for e in result.errors}
    assert reasons["start.mhtml"] == (
        f"{cut}, so no article text could be read from it; save the page again")


def test_a_web_page_cut_short_says_so_and_a_page_without_its_closing_tags_does_not(
    tmp_path: Path,
) -> None:
    # Half an .html file was read as if it were the whole page, without a word (s33),
    # where half a .mhtml file says it is incomplete. Many real pages leave out </html>
    # (or </body> too): they end on a tag, and are not called incomplete.
    paragraphs = "".join(f"<p>{STORY[1]} ({n})</p>\n" for n in range(8))
    page = (f"<!DOCTYPE html>\n<html><head><title>{STORY[0]}</title></head><body><article>"
            f"<h1>{STORY[0]}</h1>\n{paragraphs}</article></body></html>\n").encode()
    pages = {
        "whole.html": page,
        "unclosed.html": page.replace(b"</body></html>", b""),  # ends "</article>"
        "no-html-end.htm": page.replace(b"</html>", b"") + b"<script>var a = 1;</script>\n",
        "mid-text.html": page[: page.index(b"(5)") - 20],  # inside a paragraph's words
        "mid-tag.html": page[: page.index(b"<p>", page.index(b"(5)")) + 2],  # inside "<p"
        "start.html": page[: page.index(b"<h1>") + 2],
    }
    read, reasons = {}, {}
    for name, data in pages.items():  # one at a time: the same text is read once in a load
        (tmp_path / name).write_bytes(data)
        result = read_paths([tmp_path / name])
        read.update((name, a) for a in result.articles)
        reasons.update((name, e.reason) for e in result.errors)
    cut = ("the web page may be incomplete: it stops before its end (a download or copy cut "
           "short?)")
    for whole in ("whole.html", "unclosed.html", "no-html-end.htm"):
        assert not [n for n in read[whole].notes if "incomplete" in n], whole
    for half in ("mid-text.html", "mid-tag.html"):
        assert f"{cut}: the page was read as far as it goes" in read[half].notes, half
        assert "(4)" in read[half].text  # what there is, read
    assert reasons == {
        "start.html": f"{cut}, so no article text could be read from it; save the page again"}


def test_a_text_file_cut_short_says_so_and_a_whole_one_does_not(tmp_path: Path) -> None:
    # Half a .txt file was read as if it were the whole article, without a word (s34),
    # where half a web page says it may be incomplete. Told: a file that stops inside its
    # last character, or without ending its sentence at exactly a whole number of 4 KB
    # blocks (where a copy or a save cut short stops). A file cut anywhere else is whole
    # text that no rule tells from an article ending so (bench/text_cut_short.py).
    seeds = Path(__file__).resolve().parents[2] / "seeds"
    story = (f"{STORY[0]}\n\n" + "".join(
        f"\u201c{STORY[1]}\u201d the clerk said ({n}).\n\n" for n in range(60))).encode()
    assert len(story) > 8192
    ends_unpunctuated = (seeds / "003_7925c5d76f714f91.txt").read_bytes()
    assert ends_unpunctuated.endswith(b"Copyright 2023, PatriotWise.com")
    mid_word = story[:8192]
    assert mid_word.rstrip()[-1:].isalpha()
    files = {
        "whole.txt": story,
        "seed-ending-unpunctuated.txt": ends_unpunctuated,
        # Exactly two blocks, but ending its sentence: a whole article of that size.
        "whole-of-two-blocks.txt": story[:story.rindex(b".", 0, 8180) + 1].ljust(8191) + b"\n",
        "cut-at-a-block.txt": mid_word,
        "cut-mid-word-elsewhere.txt": story[:8000],  # not said: whole text, for all we know
        "cut-in-a-character.txt": story[:story.rindex("\u201d".encode()) + 2],
        "cut-in-a-character.md": story[:story.rindex("\u201c".encode()) + 1],
        # With a byte-order mark it was refused: "starts like UTF-8-SIG but is not".
        "cut-with-a-mark.txt": b"\xef\xbb\xbf" + story[:story.rindex("\u201d".encode()) + 1],
        # Windows-1252 text that ends on a letter that is a UTF-8 lead byte: not a cut.
        "legacy.txt": "The council met at the caf\u00e9".encode("cp1252"),
    }
    assert len(files["whole-of-two-blocks.txt"]) == 8192
    read = {}
    for name, data in files.items():  # one at a time: the same text is read once in a load
        (tmp_path / name).write_bytes(data)
        [read[name]] = read_paths([tmp_path / name]).articles
    cut = ("the text may be incomplete: {} (a download, copy or save cut short?): the file "
           "was read as far as it goes")
    for whole in ("whole.txt", "seed-ending-unpunctuated.txt", "whole-of-two-blocks.txt",
                  "cut-mid-word-elsewhere.txt", "legacy.txt"):
        assert not [n for n in read[whole].notes if "incomplete" in n], whole
    assert list(read["cut-at-a-block.txt"].notes) == [cut.format(
        "it stops without ending its sentence, at exactly 8,192 bytes, a whole number of "
        "4 KB blocks")]
    for half in ("cut-in-a-character.txt", "cut-in-a-character.md", "cut-with-a-mark.txt"):
        # Said once, and the character's first bytes left out (they were a U+FFFD, and
        # the file said to be "UTF-8 with damage").
        assert list(read[half].notes) == [cut.format("it stops in the middle of a character")], half
        assert "\ufffd" not in read[half].text and "(58)" in read[half].text
    assert read["legacy.txt"].text.endswith("caf\u00e9")


#: A Python exception's class name, or a parser's own words, in a reason (s32).
PARSER_WORDS = re.compile(r"[A-Za-z]*(?:Error|Exception)\b|\bXML\b|token|column \d|"
                          r"no item named|decompressing|field limit|\(\d{5,}\)|zip archive")


def rezip(good: bytes, path: Path, change: Callable[[str, bytes], bytes | None]) -> Path:
    """``good``'s zip members, each passed through ``change`` (None leaves it out)."""
    with zipfile.ZipFile(io.BytesIO(good)) as source, zipfile.ZipFile(
            path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in source.namelist():
            data = change(name, source.read(name))
            if data is not None:
                archive.writestr(name, data)
    return path


def half_of(member: str) -> Callable[[str, bytes], bytes | None]:
    return lambda name, data: data[: len(data) // 2] if name == member else data


def flipped_byte(good: bytes, path: Path, member: str) -> Path:
    """``good`` with one byte of ``member``'s compressed data changed."""
    info = zipfile.ZipFile(io.BytesIO(good)).getinfo(member)
    data = bytearray(good)
    data[info.header_offset + 30 + len(info.filename) + len(info.extra) + 10] ^= 0xFF
    path.write_bytes(bytes(data))
    return path


def damaged(path: Path, scratch: Path) -> Path:
    """A file of the damage its name says, from a real one."""
    kind, suffix = path.stem, path.suffix
    good = write_valid(scratch / f"good{suffix}").read_bytes()
    if kind == "cut":
        path.write_bytes(good[: len(good) // 2])
    elif kind == "middle":  # whole at both ends (%PDF-, %%EOF), noise between
        path.write_bytes(good[:9] + b"\x00noise" * 60 + good[-200:])
    elif kind == "flipped":
        flipped_byte(good, path, "word/document.xml")
    elif kind == "half-xml":
        member = {".docx": "word/document.xml", ".odt": "content.xml",
                  ".xlsx": "xl/workbook.xml"}[suffix]
        rezip(good, path, half_of(member))
    elif kind == "half-sheet":
        rezip(good, path, half_of("xl/worksheets/sheet1.xml"))
    elif kind == "no-workbook":
        rezip(good, path, lambda name, data: None if name == "xl/workbook.xml" else data)
    return path


@pytest.mark.parametrize(("name", "said"), [
    ("cut.pdf", "the PDF is incomplete: it stops before its end (a download cut short?), so "
                "it could not be read; download it again"),
    ("middle.pdf", "the PDF is damaged and could not be read; download it again, or open it "
                   "in a PDF viewer and save it as a new PDF"),
    ("half-xml.docx", "not a valid Word document: it is damaged (a part of it cannot be "
                      "read); download or copy it again, or open and save it again"),
    ("half-xml.odt", "not a valid OpenDocument text: it is damaged (a part of it cannot be "
                     "read); download or copy it again, or open and save it again"),
    ("flipped.docx", "not a valid Word document: it is damaged (a part of it cannot be "
                     "unpacked); download or copy it again, or open and save it again"),
    ("half-xml.xlsx", "not a valid Excel workbook: it is damaged and could not be read; "
                      "download or copy it again, or open and save it again in a "
                      "spreadsheet program"),
    ("half-sheet.xlsx", "not a valid Excel workbook: it is damaged and could not be read; "
                        "download or copy it again, or open and save it again in a "
                        "spreadsheet program"),
    ("no-workbook.xlsx", "not a valid Excel workbook: a part every workbook has is missing "
                         "(a zip file of something else, named .xlsx?)"),
])
def test_a_damaged_file_is_said_why_without_the_parsers_words(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, name: str, said: str
) -> None:
    # The reason ended in a Python class name, "(PdfStreamError)", "(XMLSyntaxError)", or
    # the parser's words, "its XML is damaged (unclosed token: line 2, column 0)"; a
    # damaged compressed part was "the reader failed (error: Error -3 while
    # decompressing data ...)". A developer finds those words in the log.
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    folder = tmp_path / "in"
    folder.mkdir()
    bad = damaged(folder / name, scratch)
    write_valid(folder / "good.txt")
    with caplog.at_level(logging.INFO, logger="framescope.readers"):
        result = read_paths([folder])
    assert [Path(a.source).name for a in result.articles] == ["good.txt"]
    assert [(Path(e.file).name, e.reason) for e in result.errors] == [(name, said)]
    assert not PARSER_WORDS.search(said)
    [logged] = [r.getMessage() for r in caplog.records if str(bad) in r.getMessage()]
    assert logged.startswith(f"{bad}: {said} [") and PARSER_WORDS.search(logged), logged


def test_a_csv_cell_past_the_size_limit_is_said_in_words(tmp_path: Path) -> None:
    # "not a valid CSV file (line 1: field larger than field limit (52428800))" before.
    from models.readers.tables import _MAX_FIELD_CHARS

    path = tmp_path / "corpus.csv"
    path.write_text('"headline,text\n' + "word " * (_MAX_FIELD_CHARS // 5 + 1), "utf-8")
    (error,) = read_paths([path]).errors
    assert error.reason == (
        f"not a valid CSV file: line 2 holds a cell longer than {_MAX_FIELD_CHARS:,} "
        "characters (a double quote never closed?)")


def test_a_reader_fault_is_not_told_as_a_python_exception(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    # "not read: the reader failed (ZeroDivisionError: division by zero)" before: a fault
    # in Framescope, told in Python's words. The traceback goes to the log.
    import models.readers as readers

    def buggy(path: Path, **kwargs: object) -> object:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(readers, "read_articles", buggy)
    path = write_valid(tmp_path / "story.txt")
    with caplog.at_level(logging.INFO, logger="framescope.readers"):
        (error,) = read_paths([path]).errors
    assert error.reason == readers.READER_FAILED
    assert not PARSER_WORDS.search(error.reason)
    # The traceback travels with the error (from a worker process too: s33) and is logged
    # as an error where the problems are gathered.
    assert error.detail.startswith("ZeroDivisionError: division by zero\nTraceback")
    assert "in buggy" in error.detail
    [record] = [r for r in caplog.records if str(path) in r.getMessage()]
    assert record.levelno == logging.ERROR and error.detail in record.getMessage()


@pytest.mark.parametrize("suffix", [".html", ".mhtml"])
def test_a_web_page_of_one_10_mb_paragraph_is_said_too_long(tmp_path: Path, suffix: str) -> None:
    # The parser drops a text node over 10 MB, so such a page was "no article text found
    # in this web page"; a page of the same words in paragraphs was "too long".
    text = ("The council said it would close the pool. " * 240_000)[:10_000_000]
    page = (f"<html><head><title>Pool</title><script>var a = '{SENTENCE}';</script></head>"
            f"<body><article><p>{text}</p></article></body></html>")
    path = tmp_path / f"book{suffix}"
    if suffix == ".mhtml":
        path.write_bytes(mhtml(page))
    else:
        path.write_text(page, encoding="utf-8")
    write_valid(tmp_path / "good.txt")
    result = read_paths([tmp_path])
    assert [Path(a.source).name for a in result.articles] == ["good.txt"]
    words = len(text.split()) + 1  # and the title's
    assert [(Path(e.file).name, e.reason) for e in result.errors] == [(
        path.name, f"too long to be one article ({words:,} words; the limit is "
        f"{MAX_ARTICLE_WORDS:,}): a book, a transcript or many articles in one file? Split "
        "it into articles, or give a corpus file (CSV, one article per row)")]


def test_a_long_script_does_not_make_a_page_too_long(tmp_path: Path) -> None:
    # Its words are not counted: only text a reader sees.
    path = tmp_path / "menu.html"
    path.write_text("<html><body><nav><a href='/'>Home</a></nav><script>" + "x = 1; " * 400_000
                    + "</script></body></html>", encoding="utf-8")
    (error,) = read_paths([path]).errors
    assert "too long" not in error.reason


@pytest.mark.parametrize("suffix", [".docx", ".odt", ".xlsx"])
def test_a_file_that_is_no_office_file_is_not_called_a_zip_archive(
    tmp_path: Path, suffix: str
) -> None:
    # "the file is damaged or not a zip archive": the name of the packing, which a user
    # does not know a Word file has; a PDF named .docx read "damaged or not a zip archive;
    # the file is a PDF named .docx".
    (tmp_path / f"noise{suffix}").write_bytes(b"Not an office file at all. " * 200)
    write_valid(tmp_path / "story.pdf").rename(tmp_path / f"pdf{suffix}")
    reasons = {Path(e.file).name: e.reason for e in read_paths([tmp_path]).errors}
    kind = {".docx": "Word document", ".odt": "OpenDocument text", ".xlsx": "Excel workbook"}
    assert reasons[f"noise{suffix}"].startswith(
        f"not a valid {kind[suffix]}: the file is damaged or of another kind")
    assert reasons[f"pdf{suffix}"] == (
        f"not a valid {kind[suffix]}: the file is damaged or of another kind; the file is a "
        f"PDF named {suffix}: rename it to end in .pdf")
    assert not any(PARSER_WORDS.search(reason) for reason in reasons.values()), reasons
