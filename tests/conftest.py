"""Fixtures for every test."""

from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True)
def _no_dictionary_measures_leak() -> Iterator[None]:
    """A test that registers custom dictionaries (models.dictionaries.register) leaves the
    registry as it found it, so the Methods page and the measure lookups of later tests
    do not depend on which tests ran before them."""
    from models import dictionaries

    before = dict(dictionaries._REGISTERED)
    yield
    dictionaries._REGISTERED.clear()
    dictionaries._REGISTERED.update(before)
