"""Reading files and folders: encodings, web pages, manifests, errors, progress."""

from __future__ import annotations

import codecs
import hashlib
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from models.article import HEADLINE_INDEX, Article, ReadError, Role
from models.progress import Cancelled
from models.readers import (
    MAX_FILE_BYTES,
    SUPPORTED_SUFFIXES,
    ReaderError,
    ReadResult,
    can_read,
    read_file,
    read_paths,
)

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

BODY = (
    "The Kremlin has told senior officials that they may not resign while the war goes on, "
    "according to four sources. Governors who tried to quit were threatened with criminal cases.\n"
)


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8", newline="")
    else:
        path.write_bytes(content)
    return path


def by_id(result: ReadResult) -> dict[str, Article]:
    return {a.article_id: a for a in result.articles}


class RecordingProgress:
    def __init__(self, cancel_after: int | None = None) -> None:
        self.fractions: list[float] = []
        self.statuses: list[str] = []
        self.cancel_after = cancel_after

    def set_progress(self, fraction: float) -> None:
        self.fractions.append(fraction)

    def set_status(self, text: str) -> None:
        self.statuses.append(text)

    def is_cancelled(self) -> bool:
        return self.cancel_after is not None and len(self.fractions) >= self.cancel_after


# --- the seeds ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seeds() -> dict[str, Article]:
    result = read_paths([SEEDS])
    assert result.errors == []
    return {a.article_id[:3]: a for a in result.articles}


def test_seed_folder_reads_five_articles_in_order_with_manifest_metadata(
    seeds: dict[str, Article],
) -> None:
    assert list(seeds) == ["000", "001", "002", "003", "004"]
    assert {k: (a.outlet, a.outlet_origin, a.language, a.date) for k, a in seeds.items()} == {
        "000": ("HLN", "manifest", "nl", ""),
        "001": ("The Daily Beast", "manifest", "en", ""),
        "002": ("Spanish-language outlet", "manifest", "es", ""),
        "003": ("PatriotWise", "manifest", "en", ""),
        "004": ("MoD-based report", "manifest", "en", "2023-05-18"),
    }
    assert seeds["000"].notes == (
        "English translation of a Dutch article; footer advertises HLN's Showbytes section",
    )
    assert seeds["002"].notes == ("English translation; the outlet is not named",)
    assert seeds["001"].notes == ()
    for article in seeds.values():
        path = Path(article.source)
        assert path.parent == SEEDS and article.article_id == path.stem
        assert article.content_hash == hashlib.sha256(path.read_bytes()).hexdigest()
        assert article.text == path.read_text(encoding="utf-8")


def test_seed_headlines_and_sentences(seeds: dict[str, Article]) -> None:
    assert {k: a.headline for k, a in seeds.items()} == {
        "000": "",
        "001": "Putin’s Reportedly Had to Ban His Top Officials from Quitting as Ukraine War Falters",
        "002": "The Kremlin threatened to invent criminal charges against officials who try to resign",
        "003": "Kremlin Tells Top Officials They Cannot Resign",
        "004": "",
    }
    for key, article in seeds.items():
        headline = article.headline_sentence
        if article.headline:
            assert headline is not None and headline.text == article.headline
            assert article.sentences[0] is headline and headline.index == HEADLINE_INDEX
        else:
            assert headline is None
        body = article.body_sentences
        assert [s.index for s in body] == list(range(len(body))), key
        for sentence in article.sentences:
            assert article.text[sentence.start : sentence.end] == sentence.text
            block = next(b for b in article.blocks if b.start <= sentence.start < b.end)
            assert sentence.end <= block.end  # never crosses a block boundary
            assert block.role is (Role.HEADLINE if sentence.in_headline else Role.BODY)
    assert len(seeds["001"].body_sentences) == 17
    assert seeds["000"].body_sentences[-1].text == (
        "In April, the Russian president already passed stricter laws against treason, sabotage and terrorism."
    )
    assert seeds["003"].body_sentences[0].text.startswith("The Kremlin has told senior officials")
    assert seeds["004"].body_sentences[0].text.startswith("Russia is banning officials")
    # Captions, credits and link lists are not sentences of the body.
    all_body = " ".join(s.text for a in seeds.values() for s in a.body_sentences)
    for not_body in (
        "Gavriil Grigorov",
        "ADVERTISEMENT",
        "Keep reading",
        "FILE –",
        "(PatriotWise.com)",
        "Copyright 2023",
        "rocket launcher fires",
        "Log in",
        "date 2023-05-18",
    ):
        assert not_body not in all_body


def test_without_the_manifest_outlets_come_from_the_text_or_the_file_name(tmp_path: Path) -> None:
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, tmp_path / path.name)
    result = read_paths([tmp_path])
    articles = {a.article_id[:3]: a for a in result.articles}
    assert result.errors == []
    assert (articles["003"].outlet, articles["003"].outlet_origin) == ("PatriotWise", "dateline")
    assert (articles["000"].outlet, articles["000"].outlet_origin) == (
        "000_95fc75c790c18aeb",
        "filename",
    )
    assert (articles["004"].date, articles["001"].date) == ("2023-05-18", "")
    assert articles["000"].language == ""


def test_the_shipped_manifest_has_the_agreed_columns() -> None:
    header = (SEEDS / "manifest.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.split(",") == ["file", "outlet", "date", "language", "note"]


def test_copyright_line_gives_the_outlet_when_there_is_no_dateline(tmp_path: Path) -> None:
    path = write(
        tmp_path / "story.txt",
        "Kremlin bans resignations\n\n" + BODY + "\nCopyright 2023, PatriotWise.com\n",
    )
    article = read_file(path)
    assert (article.outlet, article.outlet_origin) == ("PatriotWise", "copyright")


# --- decoding ----------------------------------------------------------------------------


def test_legacy_cp1252_text_is_decoded_exactly(tmp_path: Path) -> None:
    text = "Café owners say “no” to the ban\r\n\r\nThe café’s owner said the ban was naïve – and would cost 5€ a day, according to the report.\r\n"
    path = write(tmp_path / "legacy.txt", text.encode("cp1252"))
    article = read_file(path)
    assert article.text == text  # CRLF kept: offsets index the decoded file
    assert article.headline == "Café owners say “no” to the ban"
    assert article.notes == ("decoded as Windows-1252 (the file is not UTF-8)",)
    assert [s.text for s in article.body_sentences] == [
        "The café’s owner said the ban was naïve – and would cost 5€ a day, according to the report."
    ]


def test_latin1_text(tmp_path: Path) -> None:
    text = "Le ministre a déclaré que la réforme était nécessaire, à son avis, et qu'elle serait adoptée.\n"
    article = read_file(write(tmp_path / "fr.txt", text.encode("latin-1")))
    assert article.text == text


def test_utf8_bom_is_dropped_and_utf16_with_bom_is_read(tmp_path: Path) -> None:
    article = read_file(write(tmp_path / "bom.txt", codecs.BOM_UTF8 + BODY.encode("utf-8")))
    assert article.text == BODY
    article = read_file(write(tmp_path / "wide.txt", BODY.encode("utf-16")))
    assert article.text == BODY
    assert article.body_sentences[0].text.startswith("The Kremlin has told")



@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read_and_noted(tmp_path: Path, codec: str) -> None:
    # Some editors and exporters save "Unicode" text without the mark; such a file
    # was refused as "looks like a binary file" because of its NUL bytes.
    text = BODY + "\nLe ministre a déclaré: «pas de démission».\n"
    article = read_file(write(tmp_path / "wide.txt", text.encode(codec)))
    assert article.text == text
    assert article.body_sentences[0].text.startswith("The Kremlin has told")
    assert f"decoded as {codec.upper()} (the file is not UTF-8)" in article.notes


@pytest.mark.parametrize(
    "content",
    [
        bytes(range(256)) * 8,  # every byte value: NULs at both places
        b"\x00\x00\x00\x00" * 64,  # NULs only
        b"\x00\x01\x00\x02\x00\x03" * 100,  # alternating, but control characters
        b"ab\x00" * 101 + b"a",  # NULs at every third place
    ],
)
def test_nul_bytes_that_are_not_utf16_text_stay_binary(tmp_path: Path, content: bytes) -> None:
    with pytest.raises(ReaderError, match="looks like a binary file"):
        read_file(write(tmp_path / "data.txt", content))

@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n\t\n", "no text: the file holds only blank space"),
        ("junk.txt", bytes(range(256)) * 8, "not valid text: looks like a binary file"),
        (
            "png.md",
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
            "not valid text: looks like a binary file",
        ),
        (
            "controls.txt",
            b"\x01\x02\x03\x04\x05\x06 text \x07\x08\x0e\x0f\x10\x11",
            "not valid text: looks like a binary file",
        ),
        (
            "report.doc",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
            "not a supported file type: '.doc' files are not read (Framescope reads .csv, "
            ".docx, .htm, .html, .json, .jsonl, .markdown, .md, .mht, .mhtml, .ndjson, .odt, "
            ".pdf, .rtf, .tab, .tsv, .txt, .xlsx)",
        ),
        (
            "manifest.csv",
            b"file\n",
            "a manifest (a list of articles and their details), not an article",
        ),
    ],
)
def test_unreadable_files_raise_a_reason(
    tmp_path: Path, name: str, content: bytes, reason: str
) -> None:
    path = write(tmp_path / name, content)
    with pytest.raises(ReaderError) as raised:
        read_file(path)
    assert str(raised.value) == reason


def test_missing_and_oversized_files(tmp_path: Path) -> None:
    with pytest.raises(ReaderError, match=r"^file not found$"):
        read_file(tmp_path / "nowhere.txt")
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: nothing is written to disk
    with pytest.raises(
        ReaderError, match=r"^too large to be an article \(50\.0 MB; the limit is 50 MB\)$"
    ):
        read_file(big)


# --- web pages ---------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Kremlin bans resignations | The Example Times</title>
<meta property="og:site_name" content="The Example Times">
<meta property="og:title" content="Kremlin bans resignations">
<meta property="article:published_time" content="2023-05-18T10:00:00Z">
</head>
<body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/login">Log in</a></nav>
<article>
<h1>Kremlin bans resignations</h1>
<p>The Kremlin has told senior officials that they may not resign, according to a report published on Monday by an independent outlet.</p>
<p>“If everyone leaves, control will be lost,” one source said. Officials who tried to quit were threatened with criminal cases.</p>
<h2>Travel restrictions</h2>
<p>Officials also need special permission to travel abroad, and some have had their passports confiscated by the security services.</p>
</article>
<footer>© 2023 The Example Times. All rights reserved.</footer>
</body>
</html>
"""


def test_html_main_text_title_site_name_date_and_language(tmp_path: Path) -> None:
    article = read_file(write(tmp_path / "page.html", PAGE))
    assert (article.outlet, article.outlet_origin) == ("The Example Times", "html")
    assert (article.date, article.language) == ("2023-05-18", "en")
    assert article.headline == "Kremlin bans resignations"
    assert article.text.startswith("Kremlin bans resignations\n")
    assert "Home" not in article.text and "<p>" not in article.text
    assert [b.role for b in article.blocks] == [
        Role.HEADLINE,
        Role.BODY,
        Role.BODY,
        Role.CROSSHEAD,
        Role.BODY,
    ]
    assert [s.text for s in article.body_sentences] == [
        "The Kremlin has told senior officials that they may not resign, according to a report "
        "published on Monday by an independent outlet.",
        "“If everyone leaves, control will be lost,” one source said.",
        "Officials who tried to quit were threatened with criminal cases.",
        "Officials also need special permission to travel abroad, and some have had their passports "
        "confiscated by the security services.",
    ]
    headline = article.headline_sentence
    assert headline is not None and article.text[headline.start : headline.end] == article.headline


def test_html_title_is_put_first_when_the_text_does_not_carry_it(tmp_path: Path) -> None:
    page = (
        PAGE.replace("<h1>Kremlin bans resignations</h1>", "")
        .replace(
            'content="Kremlin bans resignations"', 'content="Putin forbids his officials to quit"'
        )
        .replace("Kremlin bans resignations |", "Putin forbids his officials to quit |")
    )
    article = read_file(write(tmp_path / "no-h1.htm", page))
    assert article.headline == "Putin forbids his officials to quit"
    assert article.text.startswith("Putin forbids his officials to quit\n\nThe Kremlin has told")
    assert article.blocks[0].role is Role.HEADLINE
    assert article.notes == ("the page title was added as the first line of the extracted text",)


def test_html_without_article_text_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ReaderError, match=r"^no article text found in this web page$"):
        read_file(
            write(
                tmp_path / "blank.html", "<html><head><title>x</title></head><body></body></html>"
            )
        )


# --- markdown ----------------------------------------------------------------------------


def test_markdown_text_is_kept_and_headings_are_read(tmp_path: Path) -> None:
    text = "# Kremlin bans resignations\n\n" + BODY + "\n![Putin](putin.jpg)\n"
    article = read_file(write(tmp_path / "note.markdown", text))
    assert article.text == text
    assert article.headline == "Kremlin bans resignations"
    assert [b.role for b in article.blocks] == [Role.HEADLINE, Role.BODY, Role.IMAGE_FILE]


# --- folders -----------------------------------------------------------------------------


def test_folder_is_read_recursively_sorted_skipping_hidden_and_other_files(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", "Second story\n\n" + BODY.replace("Kremlin", "Duma"))
    write(tmp_path / "a.md", "First story\n\n" + BODY)
    write(tmp_path / "sub" / "c.htm", PAGE)
    write(tmp_path / ".hidden.txt", "Hidden\n\n" + BODY.replace("war", "conflict"))
    write(tmp_path / ".git" / "d.txt", "Hidden too\n\n" + BODY.replace("war", "fight"))
    write(tmp_path / "photo.jpg", b"\xff\xd8\xff\xe0")
    progress = RecordingProgress()
    result = read_paths([tmp_path], progress)
    assert [Path(a.source).relative_to(tmp_path).as_posix() for a in result.articles] == [
        "a.md",
        "b.txt",
        "sub/c.htm",
    ]
    # The picture is named, as a notice (since ux22 #16); hidden files are passed over.
    assert [(Path(e.file).name, e.notice) for e in result.errors] == [("photo.jpg", "skipped")]
    assert progress.fractions == [pytest.approx(1 / 3), pytest.approx(2 / 3), 1.0, 1.0]
    assert progress.statuses[1:4] == [
        "Reading a.md (1 of 3)",
        "Reading b.txt (2 of 3)",
        "Reading c.htm (3 of 3)",
    ]
    assert progress.statuses[-1] == "Read 3 articles, 1 file of other types skipped"


def test_bad_files_become_errors_and_the_rest_are_read(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", "Good story\n\n" + BODY)
    write(tmp_path / "empty.txt", b"")
    write(tmp_path / "junk.md", bytes(range(256)) * 4)
    write(tmp_path / "zz.txt", "Another good story\n\n" + BODY.replace("four", "five"))
    missing = tmp_path / "missing.txt"
    pdf = write(tmp_path / "other" / "report.pdf", b"%PDF-1.4")  # cut off after its header
    result = read_paths([tmp_path, missing, pdf])
    assert [a.article_id for a in result.articles] == ["good", "zz"]
    assert result.articles[0].source == str(good)
    assert [(Path(e.file).name, e.reason) for e in result.errors] == [
        ("missing.txt", "file not found"),
        ("empty.txt", "empty file"),
        ("junk.md", "not valid text: looks like a binary file"),
        ("report.pdf", "the PDF is incomplete: it stops before its end (a download cut "
                       "short?), so it could not be read; download it again"),
    ]


def test_same_bytes_twice_is_reported_and_ids_are_made_unique(tmp_path: Path) -> None:
    first = write(tmp_path / "a" / "story.txt", "Story\n\n" + BODY)
    copy = write(tmp_path / "b" / "copy.txt", "Story\n\n" + BODY)
    write(tmp_path / "c" / "story.txt", "Story\n\n" + BODY.replace("four", "six"))
    write(tmp_path / "d" / "story.md", "Story\n\n" + BODY.replace("four", "seven"))
    result = read_paths([tmp_path, first])  # the file given again is read once
    assert [a.article_id for a in result.articles] == ["story", "story-2", "story-3"]
    assert result.errors == [
        ReadError(str(copy), f"already read (not analysed twice): same text as {first}")
    ]


def test_cancel_between_files(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt", "c.txt"):
        write(tmp_path / name, f"Story {name}\n\n" + BODY.replace("four", name))
    progress = RecordingProgress(cancel_after=1)
    with pytest.raises(Cancelled):
        read_paths([tmp_path], progress)
    assert progress.fractions == [pytest.approx(1 / 3)]


def test_can_read() -> None:
    assert SUPPORTED_SUFFIXES == frozenset({
        ".txt", ".md", ".markdown", ".html", ".htm", ".mhtml", ".mht", ".pdf", ".docx", ".odt", ".rtf",
        ".csv", ".tsv", ".tab", ".jsonl", ".ndjson", ".json", ".xlsx",
    })
    assert can_read(SEEDS)
    assert (
        can_read(Path("Story.TXT")) and can_read(Path("page.htm")) and can_read(Path("x.markdown"))
    )
    assert can_read(Path("manifest.csv"))
    assert (
        can_read(Path("report.PDF")) and can_read(Path("data.csv"))
        and not can_read(Path("README")) and not can_read(Path("old.doc"))
    )


# --- manifests ---------------------------------------------------------------------------


def test_manifest_values_win_and_extra_columns_are_ignored(tmp_path: Path) -> None:
    write(tmp_path / "one.txt", "(PatriotWise.com) — " + BODY)
    write(
        tmp_path / "sub" / "two.txt", "Kremlin bans resignations\n\n" + BODY.replace("four", "two")
    )
    write(
        tmp_path / "manifest.csv",
        "File, Outlet ,date,language,url,headline,note,reviewer\n"
        "one.txt,Example Daily,2023-05-19,en,https://example.com/one,,checked by hand,AB\n"
        "sub/two.txt,,,,,Kremlin bans resignations,,CD\n",
    )
    result = read_paths([tmp_path])
    assert result.errors == []
    articles = by_id(result)
    assert set(articles) == {"one", "two"}  # manifest.csv is not an article
    one = articles["one"]
    assert (one.outlet, one.outlet_origin, one.date, one.language, one.url) == (
        "Example Daily",
        "manifest",
        "2023-05-19",
        "en",
        "https://example.com/one",
    )
    assert one.notes == ("checked by hand",)
    two = articles["two"]
    assert (two.outlet, two.outlet_origin) == ("two", "filename")
    assert two.headline == "Kremlin bans resignations"
    assert two.headline_sentence is not None and two.headline_sentence.start == 0


def test_manifest_headline_found_verbatim_becomes_the_headline_block(tmp_path: Path) -> None:
    text = "Putin's purge. " + BODY
    path = write(tmp_path / "lead.txt", text)
    article = read_file(path, metadata={"headline": "Putin's purge."})
    assert next((b.role, text[b.start : b.end]) for b in article.blocks) == (
        Role.HEADLINE,
        "Putin's purge.",
    )
    assert article.headline_sentence is not None
    assert article.headline_sentence.text == "Putin's purge."
    assert article.body_sentences[0].text.startswith("The Kremlin has told")


def test_manifest_headline_not_in_the_text_has_no_headline_sentence(tmp_path: Path) -> None:
    path = write(tmp_path / "story.txt", "Kremlin bans resignations\n\n" + BODY)
    article = read_file(path, metadata={"headline": "Officials may not quit", "outlet": "X"})
    assert article.headline == "Officials may not quit"
    assert article.headline_sentence is None
    assert article.blocks[0].role is Role.HEADLINE  # the text's own headline stays unscored
    assert article.notes == ("the headline given in the manifest does not occur in the text",)
    assert (article.outlet, article.outlet_origin) == ("X", "manifest")


def test_manifest_without_file_column_is_reported_and_files_are_still_read(tmp_path: Path) -> None:
    write(tmp_path / "story.txt", "Kremlin bans resignations\n\n" + BODY)
    manifest = write(tmp_path / "manifest.csv", "name,outlet\nstory.txt,Example Daily\n")
    result = read_paths([tmp_path])
    assert [(a.article_id, a.outlet_origin) for a in result.articles] == [("story", "filename")]
    assert result.errors == [
        ReadError(
            str(manifest),
            "manifest.csv: has no 'file' column (columns found: name, outlet); its details were not used",
        )
    ]


def test_manifest_rows_for_missing_files_and_repeated_rows(tmp_path: Path) -> None:
    write(tmp_path / "story.txt", BODY)
    manifest = write(
        tmp_path / "manifest.csv",
        "file,outlet\nstory.txt,First\nstory.txt,Second\ngone.txt,Nobody\n",
    )
    result = read_paths([tmp_path])
    assert [a.outlet for a in result.articles] == ["First"]
    assert result.errors == [
        ReadError(str(manifest), "row 3 lists story.txt again; the first row is used",
                  partial=True),  # its other rows are used: read in part
        ReadError(str(tmp_path / "gone.txt"), "listed in manifest.csv but the file is missing"),
    ]


def test_a_manifest_given_alone_reads_the_files_it_lists(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", BODY)
    write(tmp_path / "a.txt", BODY.replace("four", "three"))
    write(tmp_path / "unlisted.txt", BODY.replace("four", "nine"))
    manifest = write(tmp_path / "manifest.csv", "file,outlet\nb.txt,Bee\na.txt,Ay\n")
    result = read_paths([manifest])
    assert [(a.article_id, a.outlet) for a in result.articles] == [("b", "Bee"), ("a", "Ay")]


def test_a_file_given_alone_takes_its_folders_manifest(tmp_path: Path) -> None:
    path = write(tmp_path / "story.txt", BODY)
    write(tmp_path / "manifest.csv", "file,outlet,language\nstory.txt,Example Daily,en\n")
    (article,) = read_paths([path]).articles
    assert (article.outlet, article.outlet_origin, article.language) == (
        "Example Daily",
        "manifest",
        "en",
    )


def test_a_missing_format_library_or_a_reader_bug_costs_only_that_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A trimmed build without pypdf (or a reader that raises something unexpected)
    reports the file and the reason; the other files are still read."""
    import builtins

    import models.readers as readers

    (tmp_path / "a.txt").write_text("Officials said the plan may change.\n", encoding="utf-8")
    (tmp_path / "b.pdf").write_bytes(b"%PDF-1.4\n% not really read\n")
    (tmp_path / "c.docx").write_bytes(b"PK\x03\x04 whatever")
    real_import = builtins.__import__

    def no_pypdf(name: str, *args: object, **kwargs: object) -> object:
        if name == "pypdf" or name.startswith("pypdf."):
            raise ModuleNotFoundError("No module named 'pypdf'", name="pypdf")
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    real_read = readers.read_articles

    def buggy_for_docx(path: Path, **kwargs: object) -> object:
        if path.suffix == ".docx":
            raise ZeroDivisionError("division by zero")
        return real_read(path, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", no_pypdf)
    monkeypatch.setattr(readers, "read_articles", buggy_for_docx)
    result = read_paths([tmp_path])
    assert [a.source for a in result.articles] == [str(tmp_path / "a.txt")]
    reasons = {Path(e.file).name: e.reason for e in result.errors}
    assert reasons["b.pdf"] == "not read: this installation lacks the library for .pdf files (pypdf)"
    assert reasons["c.docx"] == readers.READER_FAILED


@pytest.mark.parametrize(
    ("stem", "outlet", "date"),
    [
        ("breitbart_2016-09-12_stealth-over-health", "breitbart", "2016-09-12"),
        ("huff-post_2016-09-10_trump-s-east-european", "huff-post", "2016-09-10"),
        ("new_york_times-20200105", "new york times", "2020-01-05"),
        ("The Daily Beast - 2023-05-19", "The Daily Beast", "2023-05-19"),
        # not an outlet and then a date: the whole stem names the outlet, no date
        ("000_95fc75c790c18aeb", "000_95fc75c790c18aeb", ""),
        ("2016-09-12_breitbart_story", "2016-09-12_breitbart_story", ""),
        ("report_2016-13-01_story", "report_2016-13-01_story", ""),
        ("one-two-three-four-five-2016-09-12", "one-two-three-four-five-2016-09-12", ""),
    ],
)
def test_a_file_named_outlet_then_date_gives_its_outlet_and_date(
    tmp_path: Path, stem: str, outlet: str, date: str
) -> None:
    article = read_file(write(tmp_path / f"{stem}.txt", BODY))
    assert (article.outlet, article.outlet_origin, article.date) == (outlet, "filename", date)


def test_a_folder_of_outlet_date_files_without_a_manifest_has_one_outlet_per_name(
    tmp_path: Path,
) -> None:
    # PolNeAR and many scraped corpora: "<outlet>_<date>_<slug>.txt", no manifest.
    for stem in ("nyt_2016-09-12_a", "nyt_2016-09-13_b", "politico_2016-09-12_c"):
        write(tmp_path / f"{stem}.txt", BODY.replace("four", stem[-1]))
    write(tmp_path / "manifest.csv", "file,outlet,date\npolitico_2016-09-12_c.txt,Politico,2016-09-11\n")
    result = read_paths([tmp_path])
    assert result.errors == []
    assert [(a.article_id, a.outlet, a.outlet_origin, a.date) for a in result.articles] == [
        ("nyt_2016-09-12_a", "nyt", "filename", "2016-09-12"),
        ("nyt_2016-09-13_b", "nyt", "filename", "2016-09-13"),
        ("politico_2016-09-12_c", "Politico", "manifest", "2016-09-11"),  # the manifest wins
    ]


def test_a_wire_dateline_does_not_take_the_outlet_a_file_name_gives(tmp_path: Path) -> None:
    """ux18's walkthrough: 245 PolNeAR articles (outlet_date_slug.txt) read as 10 outlets,
    7 of them moved to 'AP', 'UPI', 'Reuters' by their datelines (42 of PolNeAR's 132
    Breitbart articles). The file's outlet is the publisher that ran the wire copy."""
    wire = ("Trump Wins the Nevada Caucuses\n\n"
            "LAS VEGAS (AP) — Donald Trump won the Nevada caucuses on Tuesday, his third "
            "victory in a row, the party said.\n\nHe thanked his supporters in the city.\n")
    article = read_file(write(tmp_path / "breitbart_2016-02-24_trump-wins-nevada.txt", wire))
    assert (article.outlet, article.outlet_origin, article.date) == ("breitbart", "filename", "2016-02-24")
    # Without an outlet in the file's name the dateline still names the outlet.
    article = read_file(write(tmp_path / "nevada-story.txt", wire))
    assert (article.outlet, article.outlet_origin) == ("AP", "dateline")
    # A manifest's outlet wins over both.
    named = read_file(tmp_path / "breitbart_2016-02-24_trump-wins-nevada.txt", metadata={"outlet": "Breitbart News"})
    assert (named.outlet, named.outlet_origin) == ("Breitbart News", "manifest")


def test_a_book_length_text_is_refused_by_its_length_and_the_other_files_read(
    tmp_path: Path,
) -> None:
    # Scoring an article costs time that grows with the square of its length (sources are
    # linked across the whole article): 8 MB of text in one .txt (1.3 million words) ran
    # for more than 5 minutes and held back every other file of the run (robust29).
    from models.readers.documents import MAX_ARTICLE_WORDS
    from tests.models.fileformats import write_docx

    sentence = "Officials said the plan may work, but critics were not convinced. "
    repeats = MAX_ARTICLE_WORDS // len(sentence.split()) + 1
    words = repeats * len(sentence.split())
    (tmp_path / "book.txt").write_text(sentence * repeats, encoding="utf-8")
    write_docx(tmp_path / "report.docx", ["A report", sentence * repeats])
    (tmp_path / "story.txt").write_text("Council Will Close Library\n\n" + sentence * 20,
                                        encoding="utf-8")
    result = read_paths([tmp_path])
    assert [a.article_id for a in result.articles] == ["story"]
    reasons = {Path(e.file).name: e.reason for e in result.errors}
    assert reasons["book.txt"] == (
        f"too long to be one article ({words:,} words; the limit is {MAX_ARTICLE_WORDS:,}): "
        "a book, a transcript or many articles in one file? Split it into articles, or give "
        "a corpus file (CSV, one article per row)")
    assert reasons["report.docx"].startswith("too long to be one article (")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_is_refused_not_waited_on(tmp_path: Path) -> None:
    # Opening a pipe waits for a writer: a pipe named like an article (or a corpus file,
    # previewed for the column dialog) held the whole run forever (robust29).
    from models.readers.tables import preview_table

    os.mkfifo(tmp_path / "pipe.txt")
    os.mkfifo(tmp_path / "pipe.csv")
    (tmp_path / "story.txt").write_text("Council Will Close Library\n\nThe council said "
                                        "on Tuesday that the library will close.\n",
                                        encoding="utf-8")
    result = read_paths([tmp_path])
    assert [a.article_id for a in result.articles] == ["story"]
    reasons = {Path(e.file).name: e.reason for e in result.errors}
    assert reasons == {name: "not a regular file (a named pipe, a device or a socket): "
                             "not read" for name in ("pipe.txt", "pipe.csv")}
    with pytest.raises(ReaderError, match="not a regular file"):
        preview_table(tmp_path / "pipe.csv")
    from models.dictionaries import DictionaryError, load_dictionary

    os.mkfifo(tmp_path / "pipe.dic")
    with pytest.raises(DictionaryError, match="not a regular file"):
        load_dictionary(tmp_path / "pipe.dic")


@pytest.mark.parametrize(
    ("damage", "replaced"),
    [(lambda b: b.replace(b"mayor", b"may\x92or", 1), 1),  # a stray Windows-1252 byte
     # Cut short inside its last character too: that character's first bytes are left
     # out, not replaced (test_damaged_files says what is noted of it).
     (lambda b: b.replace(b"mayor", b"may\x92or", 1) + "’".encode()[:2], 1),
     (lambda b: b.replace(b"fight", b"fi\xff\xfe\x80ght", 1), 3)],
    ids=["stray byte", "cut short", "three bad bytes"],
)
def test_utf8_with_a_few_bad_bytes_stays_utf8(tmp_path: Path, damage: Any, replaced: int) -> None:
    # A UTF-8 file with a few bytes that are not UTF-8 was decoded whole in a legacy
    # encoding (MAC-LATIN2 for three bad bytes): every quotation mark and dash of the
    # article became two or three wrong characters, with only 'decoded as ...' said.
    text = ("Council Will Close Library\n\n“We have no choice,” the mayor said. "
            "Residents — many of them angry — said they would fight it. ") * 6
    path = tmp_path / "story.txt"
    path.write_bytes(damage(text.encode("utf-8")))
    article = read_file(path)
    assert article.text.count("“We have no choice,” the mayor said.") >= 5
    assert article.text.count("Residents — many of them angry — said") == 6
    assert article.text.count("\ufffd") == replaced
    plural = "s" if replaced > 1 else ""
    assert (f"{replaced} sequence{plural} of bytes not valid in UTF-8 replaced with "
            "\ufffd (the file is UTF-8 with damage)") in article.notes


def test_a_windows_1252_file_is_still_decoded_as_such(tmp_path: Path) -> None:
    path = tmp_path / "old.txt"
    path.write_bytes("Council Will Close Library\n\n“We have no choice,” the mayor said. "
                     "Café owners — and others — agreed.".encode("cp1252"))
    article = read_file(path)
    assert "“We have no choice,” the mayor said." in article.text and "Café" in article.text
    assert "decoded as Windows-1252 (the file is not UTF-8)" in article.notes
