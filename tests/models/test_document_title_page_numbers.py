"""A page number ending the headline of a PDF or a Word document ("Story - Page 2 of 3",
"Story (page 2)"): the second page of a multi-page story saved or printed on its own. Web
pages' titles lost the mark in session 31; a PDF's headline in large type and a document's
first line kept it, so one story's pages were two headlines. The mark is page furniture:
the headline is the story's, the mark a block of its own that is not scored. A headline the
user gave (a manifest) is theirs, as written."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.article import Role
from models.readers import read_file, read_paths
from models.readers.layout import WHY_HEADLINE_PAGE
from tests.models.fileformats import write_docx, write_odt, write_rtf

HEADLINE = "Rural pool to close after council vote"
BODY = [
    "The council voted on Tuesday to close the Riverside pool at the end of the season, "
    "the mayor said.",
    "Swimmers said they would petition the council to reverse the decision before the "
    "summer.",
    "The pool opened in 1968 and needs repairs that the town cannot afford, officials said.",
]
MARKS = [" - Page 2 of 3", " (page 2)", " | Page 2", ": Page 3 of 3"]


def write_pdf_with_headline(path: Path, headline: str) -> Path:
    """A headline in large type over body text in 11 pt: the PDF's headline by its type."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=22)
    pdf.multi_cell(0, 10, headline)
    pdf.ln(6)
    pdf.set_font("Helvetica", size=11)
    for paragraph in BODY:
        pdf.multi_cell(0, 6, paragraph)
        pdf.ln(4)
    pdf.output(str(path))
    return path


def check(path: Path) -> None:
    article = read_file(path)
    assert article.headline == HEADLINE
    headline = article.headline_sentence
    assert headline is not None and headline.text == HEADLINE
    assert not any("page" in s.text.lower() for s in article.body_sentences)
    mark = [b for b in article.blocks if "age" in article.text[b.start:b.end]
            and b.role is not Role.HEADLINE and b.role is not Role.BODY]
    assert len(mark) == 1 and mark[0].role is Role.METADATA
    assert mark[0].reason == WHY_HEADLINE_PAGE


@pytest.mark.parametrize("mark", MARKS)
def test_a_pdf_headline_drops_its_page_number(tmp_path: Path, mark: str) -> None:
    check(write_pdf_with_headline(tmp_path / "story.pdf", HEADLINE + mark))


@pytest.mark.parametrize("mark", MARKS)
def test_a_word_documents_first_line_drops_its_page_number(tmp_path: Path, mark: str) -> None:
    check(write_docx(tmp_path / "story.docx", [HEADLINE + mark, *BODY]))


@pytest.mark.parametrize("write", [write_odt, write_rtf])
def test_other_documents_too(tmp_path: Path, write: object) -> None:
    suffix = ".odt" if write is write_odt else ".rtf"
    check(write(tmp_path / f"story{suffix}", [HEADLINE + " - Page 2 of 3", *BODY]))  # type: ignore[operator]


def test_a_text_file_too(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("\n\n".join([HEADLINE + " (page 2)", *BODY]) + "\n", encoding="utf-8")
    check(path)


def test_a_headline_the_user_gave_stays_as_written(tmp_path: Path) -> None:
    given = HEADLINE + " - Page 2 of 3"
    write_docx(tmp_path / "story.docx", [given, *BODY])
    (tmp_path / "manifest.csv").write_text(f"file,headline\nstory.docx,{given}\n",
                                           encoding="utf-8")
    article = read_paths([tmp_path]).articles[0]
    assert article.headline == given
    assert not any("does not occur" in note for note in article.notes)


@pytest.mark.parametrize("line", [
    "Council to debate the front page of the budget",
    "Page 3 of the council report names the pool's closing date",
    f"{HEADLINE} - Part 3",  # a series' parts are different stories
])
def test_a_headline_about_pages_keeps_its_words(tmp_path: Path, line: str) -> None:
    write_docx(tmp_path / "story.docx", [line, *BODY])
    assert read_file(tmp_path / "story.docx").headline == line
