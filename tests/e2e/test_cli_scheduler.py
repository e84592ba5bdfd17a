"""`--scheduler` without `--engine dask` is a usage error, not ignored: the run scored on
this machine while its user believed it went to the cluster named (audit s34)."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.cli import EXIT_USAGE, run_command

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_a_scheduler_without_the_dask_engine_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    code = run_command(["analyze", str(SEEDS), "--out", str(out), "--no-charts", "--quiet",
                        "--scheduler", "tcp://10.0.0.5:8786"])
    assert code == EXIT_USAGE
    assert "--scheduler is for --engine dask" in capsys.readouterr().err
    assert not (out / "scores.csv").exists()
