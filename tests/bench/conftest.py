"""bench/ is not a package: its scripts are loaded from their files."""

import importlib.util
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def validity():
    """bench/validity.py as a module."""
    spec = importlib.util.spec_from_file_location("validity", REPO / "bench" / "validity.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["validity"] = module
    spec.loader.exec_module(module)
    return module
