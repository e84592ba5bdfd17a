"""bench/headline_full_stop.py on a PolNeAR-shaped folder written for the test."""

from __future__ import annotations

import re
from pathlib import Path
from types import ModuleType

import pytest

from tests.bench.conftest import load_bench_script

BODY = (
    "The Senate voted 52 to 48 on Thursday to block the bill, which would have expanded "
    "background checks for gun sales at shows and online, after a day of debate.\n\n"
    "Supporters of the bill said they would bring it back after the recess, while opponents "
    "argued that the checks would do little to stop crimes committed with guns.\n"
)


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return load_bench_script("headline_full_stop")


def write_polnear(root: Path) -> Path:
    data = root / "polnear" / "data"
    texts = {
        ("train", "senate"): f"Senate Blocks Gun Bill After Day of Debate.\n\n{BODY}",
        ("dev", "lede"): f"The Senate blocked the gun bill, its leaders said.\n\n{BODY}",
    }
    rows = ["compartment\tfilename\ttitle"]
    for (split, stem), text in texts.items():
        folder = data / split / "text"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{stem}.txt").write_text(text, encoding="utf-8")
        rows.append(f"{split}\t{stem}\t{text.split(chr(10))[0].removesuffix('.')}")
    (data / "metadata.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    attributions = data / "dev" / "attributions"
    attributions.mkdir()
    said = texts[("dev", "lede")].index("said")
    (attributions / "lede_ab12.ann").write_text(
        f"T1\tCue {said} {said + 4}\tsaid\n", encoding="utf-8"
    )
    return root


def test_counts_headlines_titles_and_false_headlines(
    bench: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert bench.run(write_polnear(tmp_path), show=5) == 0
    out = capsys.readouterr().out
    assert "headline found: 1 (50.0%); train 1 of 1, dev 0 of 1" in out
    assert "matches it, the final full stop aside: 1 of 1 found" in out
    assert "(a) PolNeAR, title paragraph removed: 0 false headlines in 2 texts" in out
    assert "(b) seeds from their first body block: 0 false headlines in 5 texts" in out
    # the one gold cue ("said" in the lede, which stays body) is found
    assert re.search(r"Cue +P [01]\.\d{3} +R 1\.000 +F1 [01]\.\d{3} +\(gold 1\)", out)


def test_absent_data_is_skipped_with_the_missing_path(
    bench: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert bench.run(tmp_path / "nowhere", show=0) == 0
    out = capsys.readouterr().out
    assert out.startswith("skipped:") and "nowhere" in out
