"""Save all PDFs writes an invoice in the currency it names: one in euros saved on a Swiss-franc account (issued
before the panel's operator changed currency) was written with the account's francs ("CHF25.00")."""
from __future__ import annotations

from datetime import date

import pytest
from pypdf import PdfReader

from app import paths
from app.api import Credentials
from app.cache import AccountCache, CacheChanges
from tests.exports.saved_accounts import invoice, payment, save_accounts

from .conftest import WAIT

pytestmark = [pytest.mark.qt_log_ignore("propagateSizeHints")]


@pytest.fixture
def sett(make_app, data_dir, secrets, qtbot):
    ids = save_accounts(data_dir)
    with AccountCache(paths.account_cache(ids["Francs"])) as cache:
        cache.apply(CacheChanges(upserts={"invoices": [
            invoice("c-9", "CH-EURO", "paid", "2026-02-12", "25.00", "0.00", "EUR",
                    [payment("cp-9", "25.00", "2026-02-12")])]}))
    for account_id in ids.values():
        secrets.save(account_id, Credentials(api_key="unused"))     # signed in; the panels are just unreachable
    app = make_app()
    qtbot.waitUntil(lambda: app.window.data is not None, timeout=WAIT)
    return app


def test_an_invoice_in_another_currency_than_its_accounts_is_written_in_its_own(qtbot, sett, tmp_path):
    app = sett
    app.window.select_section("invoices")
    section = app.window.sections["invoices"]
    qtbot.waitUntil(lambda: section.scope_toggle.isVisible(), timeout=WAIT)
    section.scope_toggle.all_button.click()
    qtbot.waitUntil(lambda: section.everything is not None and section.proxy.rowCount() == 6, timeout=WAIT)
    folder = tmp_path / "pdfs"
    folder.mkdir()
    app.features["exports"].ask_batch = lambda window, everyone: (date(2026, 2, 12), date(2026, 2, 12), str(folder))
    section.export_button.actions_by_kind["pdfs"].trigger()
    qtbot.waitUntil(lambda: app.features["exports"].batch is None and "export" in app.sessions.global_notes,
                    timeout=WAIT)
    (written,) = folder.iterdir()
    text = PdfReader(written).pages[0].extract_text()
    assert "€25.00" in text and "CHF25.00" not in text
