"""Property-based tests: whatever bytes arrive, a reader returns articles or raises ReaderError.

Example counts stay modest (the "ci" profile) so the suite stays fast; set
HYPOTHESIS_PROFILE=thorough to search longer.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.readers import ReaderError, read_articles
from models.readers.documents import DocumentRead
from tests.models.fileformats import rtf_document, write_docx, write_odt, write_xlsx

settings.register_profile(
    "ci", max_examples=25, deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.register_profile(
    "thorough", max_examples=500, deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

SUFFIXES = [".txt", ".md", ".html", ".pdf", ".docx", ".odt", ".rtf", ".csv", ".tsv",
            ".jsonl", ".json", ".xlsx"]
# Bytes that look like the start of each format, so random tails reach the parsers.
PREFIXES = [b"", b"%PDF-1.7\n", b"PK\x03\x04", b"{\\rtf1\\ansi ", b"\xef\xbb\xbf", b"\xff\xfe",
            b"text,title\n", b'{"text": ', b"<html><body><div class=\"article\">"]


def read_or_refuse(path: Path) -> DocumentRead | None:
    try:
        read = read_articles(path)
    except ReaderError as error:
        assert str(error).strip()  # a reason, never an empty message
        return None
    for article in read.articles:
        assert article.text.strip()
        for sentence in article.sentences:
            assert article.text[sentence.start : sentence.end] == sentence.text
    return read


@given(suffix=st.sampled_from(SUFFIXES), prefix=st.sampled_from(PREFIXES), tail=st.binary(max_size=3000))
def test_random_bytes_into_every_reader(tmp_path: Path, suffix: str, prefix: bytes, tail: bytes) -> None:
    path = tmp_path / f"random{suffix}"
    path.write_bytes(prefix + tail)
    read_or_refuse(path)


def _zip_with(tmp_path: Path, name: str, member: str, data: bytes) -> Path:
    import zipfile

    path = tmp_path / name
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(member, data)
    return path


@given(st.binary(max_size=2000))
def test_random_xml_inside_office_zips(tmp_path: Path, data: bytes) -> None:
    for name, member in (("r.docx", "word/document.xml"), ("r.odt", "content.xml"),
                         ("r.xlsx", "xl/workbook.xml")):
        read_or_refuse(_zip_with(tmp_path, name, member, b"<?xml version='1.0'?>" + data))


# Strange but valid text: odd unicode (combining marks, RTL, emoji, NUL-free controls
# excluded), empty paragraphs, huge lines, mixed newlines.
strange_text = st.lists(
    st.characters(blacklist_categories=("Cs", "Cc"))
    | st.sampled_from(["\n", "\r\n", "\r", "\t", "\u2028", "\ufeff", "\u0301", "\u202e"]),
    max_size=400,
).map("".join)
paragraphs = st.lists(
    st.one_of(strange_text, st.just(""), st.builds(lambda w: w * 2000, st.sampled_from(["word ", "é", "💥"]))),
    min_size=0, max_size=8,
)


def _xml_safe(text: str) -> str:
    return "".join(c for c in text if c in "\t\n\r" or (ord(c) >= 0x20 and c not in "\ufffe\uffff"))


@given(paragraphs)
def test_strange_documents_keep_every_word(tmp_path: Path, parts: list[str]) -> None:
    clean = [_xml_safe(p) for p in parts]
    (tmp_path / "s.rtf").write_bytes(rtf_document(parts))
    (tmp_path / "s.txt").write_bytes(b"\xef\xbb\xbf" + "\r\n".join(parts).encode("utf-8"))
    expected = {
        write_docx(tmp_path / "s.docx", clean): clean,
        write_odt(tmp_path / "s.odt", clean): clean,
        # The RTF writer spells characters beyond U+FFFF as "?" (RTF has no escape for them).
        tmp_path / "s.rtf": ["".join(c if ord(c) <= 0xFFFF else "?" for c in p) for p in parts],
        tmp_path / "s.txt": parts,
    }
    for path, written in expected.items():
        words = " ".join(" ".join(written).split())
        read = read_or_refuse(path)
        if not words:
            assert read is None, path.name  # nothing but blank space: refused with a reason
            continue
        assert read is not None, path.name
        assert " ".join(read.articles[0].text.split()) == words, path.name


@given(
    header=st.lists(st.text(min_size=0, max_size=12), min_size=1, max_size=60),
    cells=st.lists(st.lists(strange_text, max_size=60), max_size=6),
    bom=st.booleans(),
)
def test_strange_corpus_files(tmp_path: Path, header: list[str], cells: list[list[str]], bom: bool) -> None:
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(cells)
    (tmp_path / "t.csv").write_bytes((b"\xef\xbb\xbf" if bom else b"") + buffer.getvalue().encode("utf-8"))
    read_or_refuse(tmp_path / "t.csv")
    (tmp_path / "t.jsonl").write_text(
        "\n".join(json.dumps(dict(zip(header, row, strict=False))) for row in cells), encoding="utf-8"
    )
    read_or_refuse(tmp_path / "t.jsonl")
    safe_header = [_xml_safe(h) or f"c{i}" for i, h in enumerate(header)]
    write_xlsx(tmp_path / "t.xlsx", safe_header, [[_xml_safe(c)[:32000] for c in row] for row in cells])
    read_or_refuse(tmp_path / "t.xlsx")


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".xlsx"])
def test_many_columns_with_text_far_right(tmp_path: Path, suffix: str) -> None:
    header = [f"col{i}" for i in range(300)] + ["text"]
    row = ["x"] * 300 + ["The article text is here, in the last of many columns."]
    path = tmp_path / f"wide{suffix}"
    if suffix == ".csv":
        import csv

        with path.open("w", newline="", encoding="utf-8") as handle:
            csv.writer(handle).writerows([header, row])
    elif suffix == ".jsonl":
        path.write_text(json.dumps(dict(zip(header, row, strict=True))), encoding="utf-8")
    else:
        write_xlsx(path, header, [row])
    read = read_articles(path)
    assert read.articles[0].text == row[-1]
