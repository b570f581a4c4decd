from __future__ import annotations

import pytest

from app import paths

from .saved_accounts import save_accounts


@pytest.fixture
def saved(tmp_path):
    """Two accounts in two currencies saved in a data folder (and a third never synced); {name: id}."""
    folder = tmp_path / "data"
    try:
        yield save_accounts(folder)
    finally:
        paths.use_data_dir(None)
