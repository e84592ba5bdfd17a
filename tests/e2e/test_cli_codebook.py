"""codebook.csv from a real `framescope analyze` on the seeds: every column of every CSV
file written beside it has its row, in the file's order (a researcher cites them)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from tests.e2e.test_cli import SEEDS, framescope

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("codebook") / "out"
    result = framescope("analyze", str(SEEDS), "--out", str(folder), "--quiet")
    assert result.returncode == 0, result.stderr
    return folder


def _codebook(out: Path) -> list[dict[str, str]]:
    with (out / "codebook.csv").open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, restkey="extra")
        rows = list(reader)
    assert reader.fieldnames == ["file", "column", "label", "unit", "app_shows",
                                 "definition", "citation"]
    assert all("extra" not in r and None not in r.values() for r in rows)  # seven cells each
    return rows


def test_every_column_of_every_file_analyze_writes_has_its_row_in_order(out: Path) -> None:
    codebook = _codebook(out)
    files = sorted(p.name for p in out.glob("*.csv"))
    assert files == sorted(dict.fromkeys(r["file"] for r in codebook))
    assert len(files) == 11  # scores, outlets, spans … codebook itself
    for name in files:
        with (out / name).open(encoding="utf-8", newline="") as handle:
            header = next(csv.reader(handle))
        described = [r["column"] for r in codebook if r["file"] == name]
        assert described == header, name
    assert all(r["definition"] and r["label"] for r in codebook)
    assert len(codebook) == len({(r["file"], r["column"]) for r in codebook})


def test_the_seeds_span_categories_are_all_in_the_codebook(out: Path) -> None:
    """Each category and (category, subcategory) the seeds' spans.csv holds is one the
    codebook lists for it."""
    codebook = {(r["file"], r["column"]): r["definition"] for r in _codebook(out)}
    listed = codebook[("spans.csv", "subcategory")]
    by_category = dict(part.split(": ", 1) for part in
                       listed.split(". ")[0].removeprefix(
                           "The cue's subcategory, by category: ").split("; "))
    with (out / "spans.csv").open(encoding="utf-8", newline="") as handle:
        spans = list(csv.DictReader(handle))
    found = {(s["category"], s["subcategory"]) for s in spans}
    assert len(found) >= 15  # the seeds hold most of them
    for category, subcategory in found:
        assert category in codebook[("spans.csv", "category")]
        assert subcategory in by_category[category].split(", "), (category, subcategory)


def test_analyze_help_names_the_codebook() -> None:
    result = framescope("analyze", "--help")
    assert result.returncode == 0
    assert "codebook.csv (every column of these described)" in " ".join(result.stdout.split())
