"""The payment result through the account's session (tests/gui/test_session_glue.py's canned client and synchronous
worker): a service the panel cannot find after the payment reaches the caller as an outcome to show, not as the
error "Not found.", and the screens hear of the order and invoice it saved."""
from __future__ import annotations

import pytest

from app import paths
from app.api import NotFound
from app.core.changes import ChangeSet
from app.secrets import SecretStore
from app.session.operations import payments as pay_ops
from app.session.payments import describe
from tests.gui.test_session_glue import CannedClient, add, sessions, settle  # noqa: F401 - the fixture
from tests.support.file_keyring import FileKeyring

PAYMENT = {"id": "pay-1", "status": "succeeded", "invoice_id": "i-1", "order_id": "o-1"}
INVOICE = {"id": "i-1", "invoice_number": "INV-1", "status": "paid", "updated_at": "2026-12-06T10:00:00Z",
           "lines": [{"service_id": "s-1"}]}
ORDER = {"id": "o-1", "order_number": "ORD-1", "status": "active", "invoice_id": "i-1", "service_ids": ["s-1"],
         "items": [], "updated_at": "2026-12-06T10:00:00Z"}


@pytest.fixture
def data_dir(tmp_path):
    paths.use_data_dir(tmp_path / "sett-data")
    yield tmp_path / "sett-data"
    paths.use_data_dir(None)


@pytest.fixture
def secrets(tmp_path):
    return SecretStore(FileKeyring(tmp_path / "keyring.json"))


def test_a_paid_order_whose_service_is_not_found_is_shown_as_paid(sessions):  # noqa: F811
    client = CannedClient({"payment": PAYMENT, "invoice": INVOICE, "order": ORDER,
                           "service": NotFound("Not found."), "credits": {"balance": "0.00"},
                           "dashboard": {"active_services": 1}, "synced_list": NotFound("Not found.")})
    session = add(sessions, client)
    heard: list[ChangeSet] = []
    sessions.changed.connect(lambda _aid, changes: heard.append(changes))
    done, failed = [], []
    session.run(pay_ops.read_outcome, "pay-1", [], on_done=done.append, on_error=failed.append)
    settle()
    assert failed == []
    (outcome,) = done
    title, text = describe("order", "stripe", outcome, lambda value: str(value))
    assert title == "Payment received" and "ORD-1" in text and "INV-1" in text
    assert "could not be read from the panel just now" in text
    assert [o["id"] for o in session.data.orders] == ["o-1"]
    assert any({"orders", "invoices"} <= c.resources for c in heard)
