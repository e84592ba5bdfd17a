"""An article whose body is not English (a Spanish story not translated) gets scores all
the same, and they mean nothing (the lexicons are English): it is loaded, with a notice
naming the file and why, in the channel of the other load notices (Load Problems,
errors.csv, the command's stderr)."""

from __future__ import annotations

from pathlib import Path

from models.article import NOT_ENGLISH
from models.readers import read_paths
from models.readers.language import english_share

SPANISH = (
    "El consejo aprueba el presupuesto\n\n"
    "El consejo municipal votó el martes para aprobar el presupuesto del próximo año, según "
    "dijeron los funcionarios. El alcalde elogió la votación y dijo que la ciudad contratará "
    "a más maestros.\n\nLos vecinos dijeron que estaban contentos con la decisión, aunque "
    "algunos no estaban de acuerdo con los recortes.\n")
ENGLISH = (
    "Council approves budget\n\n"
    "The council voted on Tuesday to approve next year's budget, officials said. The mayor "
    "praised the vote and said the city would hire more teachers.\n\nResidents said they "
    "were pleased with the decision, although some disagreed with the cuts.\n")


def test_a_body_not_in_english_is_loaded_with_a_notice(tmp_path: Path) -> None:
    (tmp_path / "presupuesto.txt").write_text(SPANISH, encoding="utf-8")
    (tmp_path / "budget.txt").write_text(ENGLISH, encoding="utf-8")
    result = read_paths([tmp_path])
    assert sorted(a.article_id for a in result.articles) == ["budget", "presupuesto"]
    [notice] = result.errors
    assert (notice.file, notice.notice, notice.partial) == (
        str(tmp_path / "presupuesto.txt"), NOT_ENGLISH, False)
    assert notice.reason.startswith("loaded, but its text may not be English: ")
    assert "common English words" in notice.reason


def test_a_corpus_file_names_the_row(tmp_path: Path) -> None:
    import csv

    with (tmp_path / "c.csv").open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([["text"], [ENGLISH], [SPANISH]])
    [notice] = read_paths([tmp_path / "c.csv"]).errors
    assert notice.reason.startswith("c-002: loaded, but its text may not be English")


def test_a_short_body_is_not_judged() -> None:
    # Fewer than 25 words: too few to tell (a caption, a headline and one line).
    assert english_share("El consejo votó el martes.")[0] < 25


def test_english_with_few_function_words_is_english(tmp_path: Path) -> None:
    # A list-like English text (names, figures) still has well over 12% of common words.
    words, share = english_share(ENGLISH)
    assert words >= 25 and share > 0.3
    (tmp_path / "budget.txt").write_text(ENGLISH, encoding="utf-8")
    assert read_paths([tmp_path]).errors == []


def test_codebook_and_readme_describe_the_notice_in_errors_csv(tmp_path: Path) -> None:
    """errors.csv's reason column is described (codebook.csv, README) with the notice as
    it is written: the same opening words, the same threshold and word count."""
    import re

    from models.codebook import file_codebook_rows
    from models.export import CORPUS_FILE_COLUMNS
    from models.readers.language import MIN_ENGLISH_SHARE, MIN_WORDS

    (tmp_path / "presupuesto.txt").write_text(SPANISH, encoding="utf-8")
    [notice] = read_paths([tmp_path]).errors
    opening = notice.reason.split(":")[0]
    rows = file_codebook_rows("errors.csv", CORPUS_FILE_COLUMNS["errors.csv"])
    [reason] = [r["definition"] for r in rows if r["column"] == "reason"]
    assert f"'{opening}: …'" in reason
    assert f"under {MIN_ENGLISH_SHARE:.0%} of a body of {MIN_WORDS} words or more" in reason
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    listed = re.search(r"`DIR/errors\.csv` \(`file, reason`: (.*?)\), `DIR/codebook", readme,
                       flags=re.S)
    assert listed and f'"{opening}: …"' in " ".join(listed.group(1).split())
