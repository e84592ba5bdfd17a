"""bench/scoring_split.py wraps the reading and scoring stages by name to split the CPU
time of a corpus run: a renamed stage must fail here, not in the lead's quiet run."""

from __future__ import annotations

import sys

import pytest

from tests.bench.conftest import REPO, load_bench_script


def test_every_stage_the_benchmark_times_exists(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "path", [str(REPO / "bench"), *sys.path])  # its bench_common
    split = load_bench_script("scoring_split")
    missing = []
    for module_name, attribute, _stage in split.STAGES:
        owner, name = split.resolve(module_name, attribute)
        if not callable(getattr(owner, name, None)):
            missing.append(f"{module_name}.{attribute}")
    assert missing == []
