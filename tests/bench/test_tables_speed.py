"""bench/tables_speed.py --parts: the steps it times are timed and put back after."""

from __future__ import annotations

import importlib

import pytest

from tests.bench.conftest import load_bench_script


def test_every_part_names_a_function_or_method_that_exists() -> None:
    tables_speed = load_bench_script("tables_speed")
    for stage, parts in tables_speed.PARTS.items():
        assert stage in tables_speed.STAGES
        for part in parts:
            module, _, path = part.partition(":")
            owner: object = importlib.import_module(module)
            for step in path.split("."):
                owner = getattr(owner, step)
            assert callable(owner), part


def test_timed_parts_count_calls_and_put_the_originals_back() -> None:
    from models import claims, emphasis

    tables_speed = load_bench_script("tables_speed")
    stem, init = emphasis.stem, claims.PreparedClaims.__dict__["__init__"]
    cpu: dict[str, float] = {}
    parts = ("models.emphasis:stem", "models.claims:PreparedClaims.__init__")
    with tables_speed.timed_parts(parts, cpu):
        assert emphasis.stem is not stem
        assert [emphasis.stem(w) for w in ("resigning", "resigns", "ban")] == \
            [stem(w) for w in ("resigning", "resigns", "ban")]
        assert claims.PreparedClaims([]).sentences == 0
    assert set(cpu) == {"models.emphasis:stem", "models.claims:PreparedClaims.__init__"}
    assert all(seconds >= 0.0 for seconds in cpu.values())
    assert emphasis.stem is stem
    assert claims.PreparedClaims.__dict__["__init__"] is init


def test_a_part_that_does_not_exist_leaves_nothing_replaced() -> None:
    from models import emphasis

    timed_parts = load_bench_script("tables_speed").timed_parts
    stem = emphasis.stem
    with pytest.raises(AttributeError), timed_parts(
            ("models.emphasis:stem", "models.emphasis:no_such_step"), {}):
        pass
    assert emphasis.stem is stem
