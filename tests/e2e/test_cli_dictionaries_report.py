"""`framescope analyze --dictionary FILE --report html,pdf --xlsx`: real subprocess, real files."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from tests.e2e.test_cli import SEEDS, framescope

pytestmark = pytest.mark.slow

RISK = "%\n1\trisk\n2\tcalm\n%\ndanger*\t1\nthreat*\t1\nwar\t1\nattack*\t1\nsafe*\t2\ncalm*\t2\n"


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("dict")
    (folder / "risk.dic").write_text(RISK, encoding="utf-8")
    (folder / "words.csv").write_text("term,category\nrussia*,place\nukrain*,place\n",
                                      encoding="utf-8")
    out = folder / "out"
    result = framescope(
        "analyze", str(SEEDS), "--out", str(out), "--dictionary", str(folder / "risk.dic"),
        "--dictionary", str(folder / "words.csv"), "--report", "html,pdf", "--xlsx",
    )
    assert result.returncode == 0, result.stderr
    return out


def test_dictionary_columns_follow_the_contract_in_csv_and_xlsx(run: Path) -> None:
    from openpyxl import load_workbook

    from models.export import SCORES_COLUMNS

    with (run / "scores.csv").open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
        header = reader.fieldnames or []
    extra = ["dict_risk_risk_per_100w", "dict_risk_calm_per_100w", "dict_words_place_per_100w"]
    assert tuple(header) == SCORES_COLUMNS + tuple(extra)
    assert any(float(r["dict_words_place_per_100w"]) > 0 for r in rows)

    book = load_workbook(run / "scores.xlsx")
    sheet = book["scores"]
    assert sheet.freeze_panes == "A2"
    cells = list(sheet.iter_rows(values_only=True))
    assert list(cells[0]) == header
    assert len(cells) == 6
    words = header.index("words")
    place = header.index("dict_words_place_per_100w")
    for csv_row, xlsx_row in zip(rows, cells[1:], strict=True):
        assert isinstance(xlsx_row[words], int)  # numbers as numbers
        assert xlsx_row[words] == int(csv_row["words"])
        assert xlsx_row[place] == pytest.approx(float(csv_row["dict_words_place_per_100w"]),
                                                rel=1e-5)
    assert book["outlets"].max_row == 6


def test_dictionary_charts_with_their_data(run: Path) -> None:
    for stem in ("measure_by_outlet-dict_risk_risk_per_100w",
                 "measure_by_outlet-dict_words_place_per_100w"):
        assert (run / "charts" / f"{stem}.png").stat().st_size > 1000
        with (run / "charts" / f"{stem}.csv").open(encoding="utf-8") as handle:
            assert len(list(csv.DictReader(handle))) >= 5


def test_report_has_versions_hashes_tables_charts_and_methods(run: Path) -> None:
    from models.project import file_sha256

    html = (run / "report.html").read_text(encoding="utf-8")
    for seed in sorted(SEEDS.glob("*.txt")):
        assert file_sha256(seed) in html
    assert "Lexicon version" in html and "Framescope" in html
    from desktop.charts import CHART_KINDS
    from models.measures import comparable_measures

    # One chart per comparable measure and dictionary column, and one of each other kind.
    others = sum(1 for kind in CHART_KINDS if not kind.needs_measure)
    assert html.count("data:image/png;base64,") == len(comparable_measures()) + 3 + others
    assert "risk: risk" in html and "Epistemic hedges" in html
    assert "Methods" in html and "VADER" in html
    pdf = (run / "report.pdf").read_bytes()
    assert pdf.startswith(b"%PDF")
    # The words, not just the bytes: pypdf (a dependency) reads the text on any machine.
    from pypdf import PdfReader

    text = "\n".join(page.extract_text() or "" for page in PdfReader(run / "report.pdf").pages)
    assert "Input files (sha256)" in text
    assert file_sha256(sorted(SEEDS.glob("*.txt"))[0]) in text
    assert "Framescope: methods" in text


def test_a_bad_dictionary_is_a_usage_error_naming_the_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.dic"
    bad.write_text("%\n1\trisk\n%\nword\t9\n", encoding="utf-8")
    result = framescope("analyze", str(SEEDS), "--out", str(tmp_path / "o"),
                        "--dictionary", str(bad))
    assert result.returncode == 2
    assert f"{bad}, line 4: category 9 is not defined" in result.stderr
    assert not (tmp_path / "o").exists()


def test_unknown_report_format_is_refused() -> None:
    result = framescope("analyze", str(SEEDS), "--out", "x", "--report", "docx")
    assert result.returncode == 2 and "choose from html, pdf" in result.stderr


def test_a_codebook_maps_every_column_to_its_label_in_csv_and_xlsx(run: Path) -> None:
    """codebook.csv beside scores.csv, and the workbook's codebook sheet: one row per
    column of scores.csv, a dictionary's too, with the app's label and how the app shows
    the number (ux22 #7, session 22: nothing said that sources_named_people is "Named
    sources" or that a share of 0.47 is the table's 47%)."""
    from openpyxl import load_workbook

    with (run / "scores.csv").open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    with (run / "codebook.csv").open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        codebook = list(reader)
    assert reader.fieldnames == ["file", "column", "label", "unit", "app_shows",
                                 "definition", "citation"]
    scores = [r for r in codebook if r["file"] == "scores.csv"]
    assert [r["column"] for r in scores] == header
    by_column = {r["column"]: r for r in scores}
    assert by_column["sources_named_people"]["label"] == "Named sources"
    assert by_column["sources_named"]["label"] == "Source names"
    assert by_column["tone_negative_share"]["unit"] == "share 0–1"
    assert "47%" in by_column["tone_negative_share"]["app_shows"]
    assert by_column["hedges_epistemic_per_100w"]["citation"].startswith("Hyland")
    assert by_column["dict_words_place_per_100w"]["label"] == "words: place"
    assert all(r["definition"] for r in scores)
    spans = next(r for r in codebook if r["file"] == "spans.csv"
                 and r["column"] == "sentence_index")
    assert "'sentence 15' is sentence_index 14" in spans["definition"]

    # The workbook's codebook: the rows of its sheets, scores and outlets.
    sheet = load_workbook(run / "scores.xlsx")["codebook"]
    cells = list(sheet.iter_rows(values_only=True))
    assert list(cells[0]) == list(reader.fieldnames)
    assert [[c or "" for c in row] for row in cells[1:]] == [
        list(r.values()) for r in codebook if r["file"] in ("scores.csv", "outlets.csv")]


def test_the_codebook_maps_every_column_of_outlets_csv_too(run: Path) -> None:
    """outlets.csv's columns (each measure's mean, interval ends and count, the
    dictionaries' last) each have a row, in the file's order; a flag's mean is a share."""
    with (run / "outlets.csv").open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    with (run / "codebook.csv").open(encoding="utf-8", newline="") as handle:
        outlets = [r for r in csv.DictReader(handle) if r["file"] == "outlets.csv"]
    assert [r["column"] for r in outlets] == header
    by_column = {r["column"]: r for r in outlets}
    assert by_column["sources_named_people"]["label"] == "Named sources"
    hedged = by_column["headline_hedged"]
    assert hedged["unit"] == "share 0–1" and "47%" in hedged["app_shows"]
    assert "Student-t" in by_column["tone_news_mean_ci_low"]["definition"]
    assert by_column["headline_tone_news_n"]["unit"] == "articles"
    assert header[-4:] == ["dict_words_place_per_100w", "dict_words_place_per_100w_ci_low",
                           "dict_words_place_per_100w_ci_high", "dict_words_place_per_100w_n"]
    assert by_column["dict_words_place_per_100w"]["label"] == "words: place"
    assert all(r["definition"] for r in outlets)


def test_the_report_s_tables_use_the_app_s_labels_and_formats(run: Path) -> None:
    """The report's outlet and article tables say "Named sources" and "47%", as the table
    does, not "src_named" and "0.473684" (ux22 #11, session 22: a third set of names and
    unrounded numbers)."""
    import re

    from pypdf import PdfReader

    reader = PdfReader(run / "report.pdf")
    # The text pages before the charts: summary, inputs, the outlet and article tables.
    tables = "\n".join(page.extract_text() or "" for page in reader.pages[:4])
    start = tables.index("Outlets (mean per article")
    tables = tables[start:]
    for short in ("hedge_epi", "src_named", "head_gap", "est_prob", "tone_neg"):
        assert short not in tables
    assert "Named sources" in tables and "Headline–body gap" in tables
    assert re.search(r"\b\d{1,3}%", tables)
    assert not re.search(r"\b0\.\d{4,}", tables), "a number the table rounds"
    html = (run / "report.html").read_text(encoding="utf-8")
    articles = html[html.index("<h2>Articles</h2>"):html.index("<h2>Charts</h2>")]
    assert "<th>Named sources</th>" in articles and "sources_named_people" not in articles
    assert not re.search(r">0\.\d{4,}<", articles)
