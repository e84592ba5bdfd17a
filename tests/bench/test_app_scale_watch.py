"""bench/app_scale.py wraps the window's main callbacks by name to put a long heartbeat
gap down to the calls in it: a renamed callback must fail here, not in the lead's quiet
run (session 13: ChartJob._check and _read were gone and the benchmark stopped)."""

from __future__ import annotations

import importlib
import sys

import pytest

from tests.bench.conftest import REPO, load_bench_script


def test_every_callback_the_benchmark_watches_exists(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "path", [str(REPO / "bench"), *sys.path])  # its bench_common
    app_scale = load_bench_script("app_scale")
    missing = [
        f"{module_name}.{class_name}.{method}"
        for module_name, class_name, method in app_scale._WATCHED
        if not callable(getattr(getattr(importlib.import_module(module_name), class_name),
                                method, None))
    ]
    assert missing == []
