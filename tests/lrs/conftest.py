"""A real LRS for the tests that need one: Ralph on 127.0.0.1 with a test account (local_lrs.py).

Skipped, with the reason, only when Ralph cannot be installed or started here.
"""
import pytest

from .local_lrs import LocalLRS, RalphMissing


@pytest.fixture(scope="module")
def ralph(tmp_path_factory):
    try:
        lrs = LocalLRS(tmp_path_factory.mktemp("ralph")).start()
    except RalphMissing as err:
        pytest.skip(f"no real LRS to test against: {err}")
    yield lrs
    lrs.stop()


@pytest.fixture
def lrs_auth(ralph, monkeypatch):
    """The test account's credentials, as a learner's machine would have them."""
    monkeypatch.setenv("CIRCLE_LRS_AUTH", ralph.auth)
    return ralph.auth
