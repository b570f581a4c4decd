from __future__ import annotations

import pytest

from app.cache import AccountCache


@pytest.fixture
def cache_path(tmp_path):
    return tmp_path / "accounts" / "acct-1" / "cache.sqlite3"


@pytest.fixture
def cache(cache_path):
    opened = AccountCache(cache_path)
    yield opened
    opened.close()
