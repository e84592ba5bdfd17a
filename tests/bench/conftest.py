"""bench/ is not a package: its scripts are loaded from their files."""

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[2]


def load_bench_script(name: str) -> ModuleType:
    """Import bench/<name>.py as the module ``name`` (registered, so that its
    dataclasses and pickles can find it), with bench/ on ``sys.path`` as when the script
    is run by path: the scripts import their neighbours (``bench_common``, ``news_corpus``)."""
    if str(REPO / "bench") not in sys.path:
        sys.path.append(str(REPO / "bench"))
    spec = importlib.util.spec_from_file_location(name, REPO / "bench" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def validity() -> ModuleType:
    """bench/validity.py as a module."""
    return load_bench_script("validity")
