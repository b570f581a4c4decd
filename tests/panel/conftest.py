"""The panel's HTTP tests use the shared fixtures in tests/support/fixtures.py (panel, fresh_panel, admin, shop)."""
from tests.support.fixtures import admin_of

__all__ = ["admin_of"]
