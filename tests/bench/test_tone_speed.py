"""bench/tone_speed.py: runs on the seeds alone (no shared data) and prints its ratios."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.bench.conftest import load_bench_script


@pytest.mark.parametrize("clock", ["wall", "cpu"])
def test_tone_speed_prints_both_ratios_on_the_seed_sentences(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], clock: str
) -> None:
    bench = load_bench_script("tone_speed")
    sentences = bench.bench_sentences(tmp_path)  # type: ignore[attr-defined]
    assert len(sentences) > 50 and all(s.strip() for s in sentences)
    assert bench.main(["--repeats", "1", "--data", str(tmp_path),  # type: ignore[attr-defined]
                       "--clock", clock]) == 0
    out = capsys.readouterr().out
    header = f"{len(sentences):,} sentences (seeds), best of 1 passes"
    assert out.startswith(header + (" (CPU time)\n" if clock == "cpu" else "\n"))
    ratios = [float(r) for r in re.findall(r"ratio to VADER (\d+\.\d+)", out)]
    assert len(ratios) == 3 and all(r > 0 for r in ratios)
    assert "tone_news, 24 articles together, VADER known:" in out  # a pool worker's chunk
