"""Damaged and mislabelled files of every format, read beside good ones (session 32's
audit of the readers): each refused file gets a reason in words a journalist reads (no
Python exception text), the good files are read all the same, and what can be read of a
file is read. The command line's side of it: tests/e2e/test_cli_damaged_files.py."""

from __future__ import annotations

import json
from pathlib import Path

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
