"""bench/app_scale.py wraps the window's main callbacks by name to put a long heartbeat
gap down to the calls in it: a renamed callback must fail here, not in the lead's quiet
run (session 13: ChartJob._check and _read were gone and the benchmark stopped)."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

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


def test_the_first_frame_reference_paints_under_each_watch(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """--startup-reference's child (a bare window holding the first frame's widgets in
    plain Qt) paints and prints its time under each of the three ways of watching."""
    import os

    monkeypatch.setattr(sys, "path", [str(REPO / "bench"), *sys.path])
    app_scale = load_bench_script("app_scale")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)}
    for child in (app_scale._CHILD, app_scale._CHILD_WINDOW_FILTER,
                  app_scale._CHILD_FRAME_DONE):
        reference = app_scale.first_frame_reference(child)
        assert reference.endswith(child.replace(
            "window.resize(1300, 820)", "window.resize(1300, 820); _first_frame_widgets(window)"))
        wall, cpu = app_scale.appear_time("bare", env, reference)
        assert 0 < wall < 60
        assert 0 < cpu < 60
