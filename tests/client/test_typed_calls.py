"""Each typed call of `PanelClient` asks the contract's path with the contract's body and Idempotency-Key, and
hands back the answer's data (canned answers: no panel, no network)."""
from __future__ import annotations

import pytest

from app.api import PanelClient
from app.api.paths import LIST_PATHS

from .canned_session import Canned, CannedSession, data

ITEMS = [{"product_id": "p1", "billing_cycle": "monthly", "config": {}}]
URLS = {"return_url": "http://127.0.0.1:9/r", "cancel_url": "http://127.0.0.1:9/c"}


def client_with(session: CannedSession) -> PanelClient:
    return PanelClient("https://panel.example", session=session, sleep=lambda s: None)


@pytest.mark.parametrize(("call", "method", "path", "body", "key"), [
    (lambda c: c.public_settings(), "GET", "/settings/public", None, None),
    (lambda c: c.me(), "GET", "/auth/me", None, None),
    (lambda c: c.billing_config(), "GET", "/billing/config", None, None),
    (lambda c: c.dashboard(), "GET", "/billing/dashboard", None, None),
    (lambda c: c.credits(), "GET", "/billing/credits", None, None),
    (lambda c: c.payment("pay 1"), "GET", "/billing/payments/pay%201", None, None),
    (lambda c: c.invoice("i/../x"), "GET", "/billing/invoices/i%2F..%2Fx", None, None),
    (lambda c: c.order("o1"), "GET", "/billing/orders/o1", None, None),
    (lambda c: c.service("s1"), "GET", "/billing/services/s1", None, None),
    (lambda c: c.preview_checkout(ITEMS), "POST", "/billing/checkout/preview",
     {"items": ITEMS, "use_credits": True}, None),
    (lambda c: c.preview_checkout(ITEMS, coupon_code="WELCOME10", use_credits=False), "POST",
     "/billing/checkout/preview", {"items": ITEMS, "use_credits": False, "coupon_code": "WELCOME10"}, None),
    (lambda c: c.validate_coupon("WELCOME10", ITEMS), "POST", "/billing/coupons/validate",
     {"code": "WELCOME10", "items": ITEMS}, None),
    (lambda c: c.checkout(ITEMS, coupon_code=None, use_credits=True, payment_method="stripe", key="k1", **URLS),
     "POST", "/billing/checkout", {"items": ITEMS, "use_credits": True, "payment_method": "stripe", **URLS}, "k1"),
    (lambda c: c.checkout(ITEMS, coupon_code="C", use_credits=True, payment_method="credits", key="k2", **URLS),
     "POST", "/billing/checkout",
     {"items": ITEMS, "use_credits": True, "payment_method": "credits", "coupon_code": "C"}, "k2"),
    (lambda c: c.pay_invoice("i1", payment_method="paypal", use_credits=False, key="k3", **URLS), "POST",
     "/billing/invoices/i1/pay", {"payment_method": "paypal", "use_credits": False, **URLS}, "k3"),
    (lambda c: c.pay_invoice("i1", payment_method="credits", use_credits=True, key="k4", **URLS), "POST",
     "/billing/invoices/i1/pay", {"payment_method": "credits", "use_credits": True}, "k4"),
    (lambda c: c.pay_invoices(["i1", "i2"], payment_method="stripe", use_credits=True, key="k5", **URLS), "POST",
     "/billing/invoices/pay",
     {"invoice_ids": ["i1", "i2"], "payment_method": "stripe", "use_credits": True, **URLS}, "k5"),
    (lambda c: c.top_up("50.00", payment_method="stripe", key="k6", **URLS), "POST", "/billing/credits/top-up",
     {"amount": "50.00", "payment_method": "stripe", **URLS}, "k6"),
    (lambda c: c.cancel_order("o1", key="k7"), "POST", "/billing/orders/o1/cancel", None, "k7"),
    (lambda c: c.cancel_top_up("i9", key="k9"), "POST", "/billing/invoices/i9/cancel", None, "k9"),
    (lambda c: c.request_cancellation("s1", type="immediate", reason="moving"), "POST",
     "/billing/services/s1/cancel", {"type": "immediate", "reason": "moving"}, None),
    (lambda c: c.request_cancellation("s1", type="end_of_period", reason="r", key="k8"), "POST",
     "/billing/services/s1/cancel", {"type": "end_of_period", "reason": "r"}, "k8"),
    (lambda c: c.withdraw_cancellation("s1"), "DELETE", "/billing/services/s1/cancel", None, None),
    (lambda c: c.mark_notification_read("u-1"), "POST", "/notifications/u-1/read", None, None),
])
def test_each_call_sends_the_contracts_request(call, method, path, body, key):
    # One answer that fits every call's schema (a row, a payment read back or started, a preview, a coupon check).
    answer = {"id": "x1", "status": "pending", "payment": {"id": "p1", "status": "pending"}, "total": "1.00",
              "due_now": "0.00", "valid": True}
    session = CannedSession(lambda sent: data(answer))
    with client_with(session) as client:
        assert call(client) == answer
    (sent,) = session.sent
    assert (sent.method, sent.path, sent.body) == (method, path, body)
    assert sent.headers.get("Idempotency-Key") == key


def test_ids_that_would_leave_their_path_are_refused_before_sending():
    session = CannedSession()
    with client_with(session) as client:
        for bad in ("", ".", ".."):
            with pytest.raises(ValueError, match="cannot name a resource"):
                client.invoice(bad)
    assert session.sent == []


def test_service_invoices_reads_every_page():
    def answer(sent):
        page = int(sent.query.split("page=")[1].split("&")[0])
        return Canned(200, (f'{{"data": [{{"id": "i{page}"}}], '
                            f'"meta": {{"current_page": {page}, "total_pages": 3}}}}').encode())

    session = CannedSession(answer)
    with client_with(session) as client:
        assert client.service_invoices("s1") == [{"id": "i1"}, {"id": "i2"}, {"id": "i3"}]
    assert {s.path for s in session.sent} == {"/billing/services/s1/invoices"}


def test_synced_lists_are_asked_for_by_name():
    session = CannedSession(lambda sent: Canned(200, b'{"data": [], "meta": {"current_page": 1, "total_pages": 1}}'))
    with client_with(session) as client:
        for name in LIST_PATHS:
            client.synced_list(name, params={"updated_since": "2026-01-01T00:00:00Z"})
    assert [s.path for s in session.sent] == list(LIST_PATHS.values())
    assert all("updated_since=" in s.query for s in session.sent)


def test_sync_state_gives_the_state_and_its_etag_or_none_when_unchanged():
    def answer(sent):
        if sent.headers.get("If-None-Match") == '"v7"':
            return Canned(304, b"", {"ETag": '"v7"'})
        return data({"version": "v7", "server_time": "2026-12-05T10:00:00Z"}, ETag='"v7"')

    session = CannedSession(answer)
    with client_with(session) as client:
        state, etag = client.sync_state()
        assert state == {"version": "v7", "server_time": "2026-12-05T10:00:00Z"} and etag == '"v7"'
        assert client.sync_state(etag=etag) == (None, '"v7"')
    assert [s.path for s in session.sent] == ["/sync/state", "/sync/state"]


def test_outside_a_sync_each_call_has_its_own_retry_budget():
    from app.api import RetryBudgetSpent
    from app.api.limits import MAX_RETRY_WAIT_SECONDS

    waits: list[float] = []
    session = CannedSession(lambda sent: Canned(429, b'{"error": {"code": "rate_limited", "message": "Slow."}}',
                                                {"Retry-After": "100000"}))
    with PanelClient("https://panel.example", session=session, sleep=waits.append) as client:
        for _ in range(2):
            before = len(waits)
            with pytest.raises(RetryBudgetSpent, match="keeps asking Sett to wait"):
                client.dashboard()
            assert 0 < sum(waits[before:]) <= MAX_RETRY_WAIT_SECONDS
