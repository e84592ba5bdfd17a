"""The codebook of every file ``framescope analyze`` writes (models.codebook): one row per
column, in the file's order, and none for a column that is not there."""

from __future__ import annotations

import csv
import io

import pytest

from models.codebook import CORPUS_FILES, CodebookError, file_codebook_rows, span_subcategories
from models.export import CORPUS_FILE_COLUMNS, SPANS_COLUMNS, codebook_of_tables
from models.measures import (
    CODEBOOK_COLUMNS,
    CSV_SENTENCE_NUMBERING,
    SENTENCE_COLUMNS,
    SENTENCE_NUMBERING,
)


def test_every_file_the_writers_write_is_described_column_by_column_in_order() -> None:
    assert list(CORPUS_FILE_COLUMNS) == list(CORPUS_FILES)
    for file, columns in CORPUS_FILE_COLUMNS.items():
        rows = file_codebook_rows(file, columns)
        assert [r["column"] for r in rows] == list(columns), file
        assert all(r["file"] == file for r in rows)
        for row in rows:
            assert list(row) == list(CODEBOOK_COLUMNS)
            assert row["label"] and row["unit"] and row["app_shows"], (file, row["column"])
            assert len(row["definition"]) > 20, (file, row["column"])


def test_a_column_added_without_its_row_or_a_row_of_no_column_is_refused() -> None:
    with pytest.raises(CodebookError, match=r"no codebook row for \['stance'\]"):
        file_codebook_rows("spans.csv", (*SPANS_COLUMNS, "stance"))
    with pytest.raises(CodebookError, match=r"rows for no column \(or two for one\): \['reported'\]"):
        file_codebook_rows("spans.csv", SPANS_COLUMNS[:-1])
    with pytest.raises(CodebookError, match="sentence_index"):  # a sentence column too
        file_codebook_rows("spans.csv", tuple(c for c in SPANS_COLUMNS if c != "sentence_index"))


def test_the_sentence_numbers_keep_their_rows_and_reuse_csv_is_among_them() -> None:
    """The rows of session 24 (scores.csv's codebook then listed them), word for word;
    reuse.csv's sentence_a and sentence_b count the same way and say so."""
    rows = {(r["file"], r["column"]): r for file, columns in CORPUS_FILE_COLUMNS.items()
            for r in file_codebook_rows(file, columns)}
    one = "The sentence of the article the row is about. " + SENTENCE_NUMBERING
    for key in (("spans.csv", "sentence_index"), ("claims.csv", "sentence_index"),
                ("off_story.csv", "sentence_index")):
        assert rows[key]["definition"] == one
        assert rows[key]["app_shows"] == "counted from 1: 'sentence 15' is index 14"
    assert rows[("sources.csv", "sentence_indices")]["definition"] == (
        "The sentences of the article (separated by ';' where several) the row is about. "
        + SENTENCE_NUMBERING)
    assert rows[("reuse.csv", "sentence_a")]["unit"] == "index from 0"
    assert {(f, c) for f, c, _ in SENTENCE_COLUMNS} <= set(rows)
    assert CSV_SENTENCE_NUMBERING.startswith(
        "spans.csv, claims.csv, sources.csv, off_story.csv and reuse.csv count")


def test_span_categories_and_subcategories_come_from_the_code_that_makes_them() -> None:
    from models.article import CATEGORIES
    from models.attribution import DESCRIBED, DOCUMENT, GROUP
    from models.cues import PRONOUN, VAGUE, WEASEL
    from models.lexicons import LEXICON_FILES, load_lexicon

    subcategories = span_subcategories()
    assert tuple(subcategories) == CATEGORIES
    for spec in LEXICON_FILES.values():
        assert set(spec.subcategories or ()) <= set(subcategories[spec.category])
    assert {WEASEL, VAGUE} <= set(subcategories["hedge"])
    assert {PRONOUN, GROUP, DOCUMENT, DESCRIBED} <= set(subcategories["source"])
    kinds = {e.subcategory for e in load_lexicon().by_category("loaded")}
    assert set(subcategories["loaded"]) == kinds
    rows = {r["column"]: r for r in file_codebook_rows("spans.csv", SPANS_COLUMNS)}
    for category, values in subcategories.items():
        assert category in rows["category"]["definition"]
        assert f"{category}: {', '.join(values)}" in rows["subcategory"]["definition"]


def test_methods_are_cited_where_the_code_follows_one() -> None:
    rows = {(r["file"], r["column"]): r for file, columns in CORPUS_FILE_COLUMNS.items()
            for r in file_codebook_rows(file, columns)}
    assert rows[("distinctive_words.csv", "z_score")]["citation"].startswith("Monroe")
    assert "Monroe" in rows[("distinctive_words.csv", "log_odds")]["citation"]
    assert "non-negative matrix" in rows[("topics.csv", "top_words")]["citation"]
    assert rows[("reuse.csv", "shared_words")]["citation"].startswith("Broder")
    assert "shingles" in rows[("reuse.csv", "shared_words")]["definition"]
    assert "0.35" in rows[("claims.csv", "threshold")]["definition"]
    assert rows[("claims.csv", "certainty")]["citation"].startswith("Saurí")
    assert rows[("spans.csv", "quoted")]["citation"].startswith("Semino")
    assert "0.75 times" in rows[("off_story.csv", "off_story")]["definition"]


def test_the_codebook_is_csv_the_csv_module_reads(tmp_path) -> None:
    """Definitions hold commas, quotation marks and '|': each row still parses into
    the codebook's seven columns."""
    from models.export import write_csv

    rows = codebook_of_tables([], outlets=True, corpus_files=True)
    path = tmp_path / "codebook.csv"
    write_csv(path, CODEBOOK_COLUMNS, rows)
    text = path.read_text(encoding="utf-8")
    read = list(csv.reader(io.StringIO(text, newline="")))
    assert read[0] == list(CODEBOOK_COLUMNS)
    assert [dict(zip(read[0], r, strict=True)) for r in read[1:]] == rows
    assert {r["file"] for r in rows} == {"scores.csv", "outlets.csv", *CORPUS_FILES}


def test_a_table_export_describes_only_the_files_beside_it() -> None:
    """Export Table's codebook (scores.csv alone) and the workbook's (scores and outlets)
    do not describe files they are not written with."""
    assert {r["file"] for r in codebook_of_tables([], outlets=False)} == {"scores.csv"}
    assert {r["file"] for r in codebook_of_tables([], outlets=True)} == {
        "scores.csv", "outlets.csv"}
