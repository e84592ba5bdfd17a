import csv

from models.article import ReadError
from models.export import (
    SCORES_COLUMNS,
    SPANS_COLUMNS,
    format_value,
    write_errors_csv,
    write_outlets_csv,
    write_scores_csv,
    write_spans_csv,
)
from models.measures import MEASURES
from tests.models.conftest import make_analysis

CONTRACT_SCORES = (
    "article_id, file, outlet, headline, date, words, sentences, hedges_epistemic_per_100w, "
    "hedges_evidential_per_100w, boosters_per_100w, attributions_per_100w, sources_named, "
    "sources_anonymous, loaded_per_100w, tone_mean, tone_negative_share, headline_tone, "
    "headline_hedged, headline_body_gap"
).split(", ")
CONTRACT_SPANS = (
    "article_id, start, end, text, category, subcategory, sentence_index, in_headline"
).split(", ")


def _read(path):
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_contract_columns_come_first_and_every_measure_has_one() -> None:
    assert list(SCORES_COLUMNS[: len(CONTRACT_SCORES)]) == CONTRACT_SCORES
    assert list(SPANS_COLUMNS[: len(CONTRACT_SPANS)]) == CONTRACT_SPANS
    assert {"probability_low", "probability_high"} <= set(SPANS_COLUMNS)
    assert {m.key for m in MEASURES} <= set(SCORES_COLUMNS)


def test_format_value() -> None:
    assert format_value(None) == ""
    assert format_value(float("nan")) == ""
    assert format_value(True) == "1"
    assert format_value(False) == "0"
    assert format_value(1 / 3) == "0.333333"
    assert format_value(12) == "12"


def test_scores_and_outlets_csv(tmp_path) -> None:
    corpus = [
        make_analysis("a1", "Beta", ["one two three four five."], [(0, "booster", "booster")]),
        make_analysis("a2", "Alpha", ["six seven eight nine ten."]),
    ]
    write_scores_csv(tmp_path / "scores.csv", corpus)
    rows = _read(tmp_path / "scores.csv")
    assert [r["article_id"] for r in rows] == ["a1", "a2"]
    assert rows[0]["boosters_per_100w"] == "20"
    assert rows[0]["headline_hedged"] == ""  # no headline: undefined, not 0
    assert rows[0]["words"] == "5"
    write_outlets_csv(tmp_path / "outlets.csv", corpus)
    outlets = _read(tmp_path / "outlets.csv")
    assert [r["outlet"] for r in outlets] == ["Alpha", "Beta"]
    assert outlets[1]["boosters_per_100w"] == "20"
    assert outlets[1]["articles"] == "1"
    assert not list(tmp_path.glob("*.part"))


def test_spans_csv_round_trips_offsets(tmp_path) -> None:
    corpus = [make_analysis("a1", "X", ["Alpha beta.", "Gamma delta."], [(1, "hedge", "epistemic")])]
    write_spans_csv(tmp_path / "spans.csv", corpus)
    (row,) = _read(tmp_path / "spans.csv")
    text = corpus[0].article.text
    assert text[int(row["start"]) : int(row["end"])] == row["text"] == "G"
    assert row["in_headline"] == "0"
    assert row["sentence_index"] == "1"


def test_errors_csv(tmp_path) -> None:
    write_errors_csv(tmp_path / "errors.csv", [ReadError("bad.txt", "empty file")])
    assert _read(tmp_path / "errors.csv") == [{"file": "bad.txt", "reason": "empty file"}]


def _csv_module_text(rows) -> str:
    import io

    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue()


def _generated_rows(seed: int, count: int) -> list[list[object]]:
    import random

    rng = random.Random(seed)
    # Characters the csv writer treats specially, spaces, and some beyond ASCII.
    alphabet = ['"', ",", "\r", "\n", " ", "\t", "'", ";", "a", "Z", "0", "é", "“", "”",
                "—", "\u2028", "\x00", "\x0b", "\x1c"]
    rows: list[list[object]] = []
    for _ in range(count):
        cells: list[object] = []
        for _ in range(rng.randint(1, 6)):
            kind = rng.random()
            if kind < 0.1:
                cells.append(None)
            elif kind < 0.2:
                cells.append(rng.randint(-10**6, 10**6))
            elif kind < 0.25:
                cells.append(rng.choice([0.1, -2.5e-7, 1e300, float("nan"), True]))
            else:
                cells.append("".join(rng.choice(alphabet)
                                     for _ in range(rng.randint(0, 8))))
        rows.append(cells)
    rows += [[""], [None], ["", ""], [" "], ['"'], [","], ["\r\n"], [], ["a"], [1]]
    return rows


def test_csv_line_writes_what_the_csv_writer_writes() -> None:
    from models.export import csv_line

    rows = _generated_rows(2026, 20_000)
    assert "".join(csv_line(row) for row in rows) == _csv_module_text(rows)


def test_csv_line_check_catches_a_wrong_quoting_rule(monkeypatch) -> None:
    # The comparison above fails for a line maker that forgets a rule (no quotes
    # for a line break): the generated rows exercise it.
    from models import export

    def no_line_breaks(cells):
        out = []
        for cell in cells:
            cell = "" if cell is None else str(cell)
            if '"' in cell:
                cell = '"' + cell.replace('"', '""') + '"'
            elif "," in cell:
                cell = '"' + cell + '"'
            out.append(cell)
        return '""\r\n' if out == [""] else ",".join(out) + "\r\n"

    rows = _generated_rows(2026, 2_000)
    assert "".join(no_line_breaks(row) for row in rows) != _csv_module_text(rows)
    assert "".join(export.csv_line(row) for row in rows) == _csv_module_text(rows)


def test_write_csv_cells_matches_the_csv_writer_across_writes(tmp_path) -> None:
    from models.export import _LINES_PER_WRITE, write_csv_cells

    rows = _generated_rows(7, 2 * _LINES_PER_WRITE + 3)
    write_csv_cells(tmp_path / "t.csv", ["a", "b,c"], iter(rows))
    expected = _csv_module_text([["a", "b,c"], *rows])
    assert (tmp_path / "t.csv").read_bytes() == expected.encode("utf-8")


def test_xlsx_keeps_text_that_looks_like_a_formula_or_holds_control_characters(tmp_path) -> None:
    # openpyxl raised IllegalCharacterError for a vertical tab (Word's line break) in an
    # outlet or headline: no scores.xlsx, a traceback in the CLI, no message in the app;
    # and it wrote '=1+1' as a formula, so Excel showed 2 where her outlet was.
    from openpyxl import load_workbook

    from models.export_xlsx import write_scores_xlsx

    analyses = [
        make_analysis("a", "=1+1", ["Officials said the plan may work."],
                      headline="=HYPERLINK(\"http://example.com\")"),
        make_analysis("b", "Vertical\x0bTab", ["Critics argued it could fail."],
                      headline="Line\x0cfeed"),
    ]
    path = tmp_path / "scores.xlsx"
    write_scores_xlsx(path, analyses)
    sheet = load_workbook(path)["scores"]
    header = [c.value for c in sheet[1]]
    rows = list(sheet.iter_rows(min_row=2))
    outlet, headline = header.index("outlet"), header.index("headline")
    assert [(r[outlet].value, r[outlet].data_type) for r in rows] == [
        ("=1+1", "s"), ("Vertical Tab", "s")]
    assert [r[headline].value for r in rows] == ['=HYPERLINK("http://example.com")',
                                                 "Line feed"]


def test_csv_text_that_looks_like_a_formula_is_written_as_the_article_has_it(tmp_path) -> None:
    # A decision, not an accident (README, the CSV files): the tables are read by scripts,
    # so a cell is never given a leading "'" against CSV injection; a spreadsheet gets
    # scores.xlsx, which keeps such text as text (the test above).
    analyses = [make_analysis("a", "=1+1", ["Officials said the plan may work."],
                              headline="@handle +2 -minus")]
    write_scores_csv(tmp_path / "scores.csv", analyses)
    with (tmp_path / "scores.csv").open(newline="", encoding="utf-8") as handle:
        [row] = list(csv.DictReader(handle))
    assert (row["outlet"], row["headline"]) == ("=1+1", "@handle +2 -minus")
    assert format_value(-0.25) == "-0.25"
