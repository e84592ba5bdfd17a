"""The command line as scripts use it: real subprocesses, real files."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.fresh_python import assert_runs

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"

pytestmark = pytest.mark.slow


def framescope(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=600,
    )


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def seeds_out(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("out")
    result = framescope("analyze", str(SEEDS), "--out", str(out), "--chart-format", "png,svg,pdf")
    assert result.returncode == 0, result.stderr
    assert "5 articles from 5 outlets" in result.stdout
    return out


def test_analyze_writes_the_contract(seeds_out: Path) -> None:
    scores = rows(seeds_out / "scores.csv")
    assert len(scores) == 5
    assert {r["outlet"] for r in scores} == {
        "HLN", "The Daily Beast", "Spanish-language outlet", "PatriotWise", "MoD-based report"
    }
    assert len(rows(seeds_out / "outlets.csv")) == 5
    assert rows(seeds_out / "errors.csv") == []
    by_id = {r["article_id"][:3]: r for r in scores}
    assert by_id["001"]["headline_hedged"] == "1"
    assert by_id["003"]["headline_hedged"] == "0"
    assert float(by_id["003"]["headline_body_gap"]) > 0


def test_spans_index_the_decoded_file_text(seeds_out: Path) -> None:
    spans = rows(seeds_out / "spans.csv")
    categories = {r["category"] for r in spans}
    assert categories == {"hedge", "booster", "attribution", "source", "loaded"}
    files = {r["article_id"]: r["file"] for r in rows(seeds_out / "scores.csv")}
    texts = {aid: Path(f).read_text(encoding="utf-8") for aid, f in files.items()}
    for r in spans:
        assert texts[r["article_id"]][int(r["start"]) : int(r["end"])] == r["text"]
    # Every epistemic hedge carries a range, except comparatives, approximators and the
    # hypothetical "would" and a sentence-opening "if" / "unless" (they condition a claim,
    # they estimate nothing).
    no_range = {"more likely", "less likely", "estimated", "approximately", "would", "if",
                "unless"}
    epistemic = [r for r in spans if r["subcategory"] == "epistemic" and r["term"] not in no_range]
    assert epistemic and all(r["probability_low"] and r["probability_high"] for r in epistemic)


def test_charts_in_every_format(seeds_out: Path) -> None:
    charts = seeds_out / "charts"
    for stem in ("outlet_heatmap", "tone_strips", "similarity",
                 "measure_by_outlet-hedges_epistemic_per_100w"):
        assert (charts / f"{stem}.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert b"<svg" in (charts / f"{stem}.svg").read_bytes()[:2000]
        assert (charts / f"{stem}.pdf").read_bytes()[:5] == b"%PDF-"
        assert rows(charts / f"{stem}.csv")


def test_bad_files_are_reported_and_the_rest_go_on(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(
        "Officials said the ban probably exists. The Kremlin denied it.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 8)
    out = tmp_path / "out"
    result = framescope("analyze", str(tmp_path), "--out", str(out), "--no-charts")
    assert result.returncode == 0, result.stderr
    errors = {Path(r["file"]).name: r["reason"] for r in rows(out / "errors.csv")}
    assert set(errors) == {"empty.txt", "binary.txt"}
    assert all(reason for reason in errors.values())
    assert "empty.txt" in result.stderr
    assert len(rows(out / "scores.csv")) == 1


def test_nothing_analysed_exits_1_and_usage_error_exits_2(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    result = framescope("analyze", str(tmp_path / "empty.txt"), "--out", str(tmp_path / "o"))
    assert result.returncode == 1
    assert rows(tmp_path / "o" / "errors.csv")[0]["file"].endswith("empty.txt")
    assert framescope("analyze", "--out", str(tmp_path / "o")).returncode == 2
    bad_format = framescope("analyze", str(SEEDS), "--out", str(tmp_path / "o"),
                            "--chart-format", "gif")
    assert bad_format.returncode == 2 and "gif" in bad_format.stderr


def test_sentences_from_txt_and_csv(tmp_path: Path) -> None:
    lines = ["It is probably true.", "", "Officials reportedly resigned, a source said.",
             "It is clearly a disaster."]
    (tmp_path / "in.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert framescope("sentences", str(tmp_path / "in.txt"), "--out",
                      str(tmp_path / "o.csv")).returncode == 0
    out = rows(tmp_path / "o.csv")
    assert [r["text"] for r in out] == lines
    assert out[0]["hedge_epistemic"] == "1" and out[0]["estimative_probability"] == "0.65"
    # A blank line has no tone (an empty cell), not the 0 of a neutral sentence.
    assert out[1]["hedge_epistemic"] == "0"
    assert (out[1]["tone_vader"], out[1]["tone_news"], out[1]["sensational"]) == ("", "", "")
    assert out[2]["hedge_evidential"] == "1" and int(out[2]["attribution"]) >= 1
    assert out[3]["booster"] == "1" and float(out[3]["tone_vader"]) < 0

    with (tmp_path / "in.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "text"])
        writer.writerows([[1, "He allegedly lied."], [2, "Line with, a comma"], [3, "  "]])
    assert framescope("sentences", str(tmp_path / "in.csv"), "--out",
                      str(tmp_path / "o2.csv")).returncode == 0
    out2 = rows(tmp_path / "o2.csv")
    assert [r["text"] for r in out2] == ["He allegedly lied.", "Line with, a comma", "  "]
    assert out2[0]["hedge_evidential"] == "1"
    assert out2[1]["tone_vader"] == "0"  # a neutral sentence's tone is 0, written
    assert (out2[2]["tone_vader"], out2[2]["tone_news"]) == ("", "")  # spaces only: none


def test_sentences_writes_its_codebook_beside_never_over_a_file_of_yours(
    tmp_path: Path,
) -> None:
    """OUT.csv's columns had no description anywhere (audit s34): "OUT (codebook).csv"
    describes each, in order, each measure's from its definition; a file of the user's of
    that name is kept and the codebook takes "OUT (codebook 2).csv"."""
    from desktop.cli import SENTENCE_COLUMNS

    (tmp_path / "in.txt").write_text("It is probably true.\n", encoding="utf-8")
    mine = tmp_path / "o (codebook).csv"
    mine.write_text("my notes\n", encoding="utf-8")
    done = framescope("sentences", str(tmp_path / "in.txt"), "--out", str(tmp_path / "o.csv"))
    assert done.returncode == 0, done.stderr
    assert mine.read_text(encoding="utf-8") == "my notes\n"
    codebook = rows(tmp_path / "o (codebook 2).csv")
    assert [r["column"] for r in codebook] == list(SENTENCE_COLUMNS)
    assert {r["file"] for r in codebook} == {"o.csv"}
    assert all(r["definition"] and r["label"] and r["unit"] for r in codebook)
    by_column = {r["column"]: r for r in codebook}
    assert by_column["hedge_epistemic"]["citation"].startswith("Hyland")
    assert "hedges_epistemic_per_100w" in by_column["hedge_epistemic"]["definition"]
    assert by_column["tone_vader"]["unit"] == "−1 to 1"


def test_sentences_csv_without_text_column(tmp_path: Path) -> None:
    (tmp_path / "in.csv").write_text("id,body\n1,hello\n", encoding="utf-8")
    result = framescope("sentences", str(tmp_path / "in.csv"), "--out", str(tmp_path / "o.csv"))
    assert result.returncode == 1
    assert "in.csv" in result.stderr and "'text' column" in result.stderr
    assert "columns found: 'id', 'body'" in result.stderr


def test_sentences_csv_text_column_named_in_any_case(tmp_path: Path) -> None:
    """A spreadsheet's "Text" column (and a byte-order mark before it) is the text
    column: it was refused as having no 'text' column (audit s34)."""
    (tmp_path / "in.csv").write_bytes(
        "\ufeffid, Text\r\n1,\"It is likely, he said.\"\r\n2,Officials lied.\r\n".encode())
    out = tmp_path / "o.csv"
    result = framescope("sentences", str(tmp_path / "in.csv"), "--out", str(out))
    assert result.returncode == 0, result.stderr
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["text"] for r in rows] == ["It is likely, he said.", "Officials lied."]
    assert rows[0]["hedge_epistemic"] == "1"



def test_sentences_csv_row_longer_than_its_header_is_refused_naming_the_line(
    tmp_path: Path
) -> None:
    # One column, a sentence with an unquoted comma: the sentence was cut at the comma
    # ("The minister reportedly resigned") and the rest dropped without a word.
    (tmp_path / "in.csv").write_text(
        "text\nIt is probably true.\nThe minister resigned, officials said.\n", encoding="utf-8")
    result = framescope("sentences", str(tmp_path / "in.csv"), "--out", str(tmp_path / "o.csv"))
    assert result.returncode == 1
    assert result.stderr == (
        f"framescope: {tmp_path / 'in.csv'}: line 3 has 2 fields but the header has 1: put a "
        "sentence holding a comma in double quotes, or give a .txt file, one sentence per "
        "line\n")
    assert not (tmp_path / "o.csv").exists()


def test_sentences_csv_keeps_quoted_line_breaks_and_reads_windows_1252(tmp_path: Path) -> None:
    with (tmp_path / "in.csv").open("w", newline="", encoding="cp1252") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "text"])
        writer.writerows([[1, "A caf\u00e9 probably closed,\nthe owner said."], [2, "Plain."]])
    result = framescope("sentences", str(tmp_path / "in.csv"), "--out", str(tmp_path / "o.csv"))
    assert result.returncode == 0, result.stderr
    assert result.stderr == (
        f"framescope: {tmp_path / 'in.csv'}: decoded as Windows-1252 (the file is not UTF-8)\n")
    out = rows(tmp_path / "o.csv")
    # The line break inside the quoted field stays (it was dropped: "closed,the owner").
    assert [r["text"] for r in out] == ["A caf\u00e9 probably closed,\nthe owner said.", "Plain."]
    assert out[0]["hedge_epistemic"] == "1"

def test_headless_commands_never_load_qt(tmp_path: Path) -> None:
    code = (
        "import sys; from desktop.__main__ import main; "
        f"rc = main(['analyze', {str(SEEDS)!r}, '--out', {str(tmp_path)!r}, '--chart-format', 'png']); "
        "assert rc == 0, rc; "
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt was imported'"
    )
    assert_runs(code, timeout=600)


def test_version() -> None:
    result = framescope("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == "Framescope 0.1.0"


def test_claims_csv_carries_the_seeds_central_claim(seeds_out: Path) -> None:
    from models.export import CLAIMS_COLUMNS

    claims = rows(seeds_out / "claims.csv")
    with (seeds_out / "claims.csv").open(encoding="utf-8") as handle:
        assert tuple(next(csv.reader(handle))) == CLAIMS_COLUMNS
    central = [r for r in claims if r["claim_id"] == "1" and r["representative"] == "1"]
    assert {r["article_id"][:3]: r["certainty"] for r in central} == {
        "000": "asserted", "001": "evidential", "002": "asserted", "003": "attributed",
        "004": "attributed",  # the ministry's "probably", quoted (drift19, session 19)
    }
    # The quoted hedge keeps its probability range in claims.csv.
    quoted = next(r for r in central if r["article_id"].startswith("004"))
    assert (quoted["probability_low"], quoted["probability_high"]) == ("0.55", "0.75")
    denied = {r["article_id"][:3] for r in claims if r["certainty"] == "denied"}
    assert denied == {"000", "004"}
    for stem in ("certainty_drift", "claims_matrix"):
        assert (seeds_out / "charts" / f"{stem}.png").read_bytes()[:4] == b"\x89PNG"
        assert rows(seeds_out / "charts" / f"{stem}.csv")


def test_claim_threshold_flag(tmp_path: Path) -> None:
    out = tmp_path / "strict"
    result = framescope("analyze", str(SEEDS), "--out", str(out), "--no-charts",
                        "--claim-threshold", "0.8")
    assert result.returncode == 0, result.stderr
    strict = rows(out / "claims.csv")
    assert strict and {r["threshold"] for r in strict} == {"0.8"}
    assert all(float(r["similarity"]) >= 0.8 for r in strict)
    bad = framescope("analyze", str(SEEDS), "--out", str(out), "--claim-threshold", "1.5")
    assert bad.returncode == 2 and "1.5 is outside" in bad.stderr
