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


@pytest.fixture(autouse=True, scope="session")
def _diagnostics_log_in_a_temporary_folder(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[None]:
    """The diagnostics log (desktop.log_file) of every command and app the tests run, in
    this process or a child, goes to a folder of the session's, never the user's state
    folder; a folder apart from the tests' tmp_path, whose contents some tests list."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_STATE_HOME", str(tmp_path_factory.mktemp("state")))
        yield
