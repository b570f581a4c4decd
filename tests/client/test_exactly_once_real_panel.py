"""Against the real panel, behind a proxy that turns the panel's first answer to one action into something Sett
cannot read (a proxy's HTML page) after the panel did it: the error says the panel may have acted, the same key
sent again is answered with what the panel did, and the panel did it once. For every keyed action: checkout, pay,
pay several, top-up, cancel an order, cancel a top-up, a cancellation request, a new ticket and a reply."""
from __future__ import annotations

import pytest

from app.api import ApiError, PanelClient, new_idempotency_key, panel_may_have_acted
from tests.support.catalogue import Shop, buy_service
from tests.support.fixtures import admin_of
from tests.support.panel import PanelProcess

from .conftest import pair_of
from .servers import FlakyProxy, Reply, Seen

RETURN = {"return_url": "http://127.0.0.1:9/r", "cancel_url": "http://127.0.0.1:9/c"}
PAGE = "<!doctype html><html><body>Proxy error</body></html>"


class Garbling(FlakyProxy):
    """Forwards everything; the first POST to `path` reaches the panel, but its answer is replaced by HTML."""

    def __init__(self, upstream: str, path: str) -> None:
        super().__init__(upstream, lose_path=path)

    def handle(self, handler, seen: Seen) -> None:
        with self._lock:
            self.seen.append(seen)
        upstream = self.ask_upstream(seen)
        with self._lock:
            garble = seen.method == "POST" and seen.path.split("?")[0] == self.lose_path and self.lost == 0
            self.lost += garble
        if garble:
            handler.send(Reply(200, PAGE, content_type="text/html"))
            return
        self.pass_back(handler, upstream)


@pytest.fixture(scope="module")
def paypal_shop(tmp_path_factory):
    proc = PanelProcess(tmp_path_factory.mktemp("once-panel")).start()
    shop = Shop(admin_of(proc))
    shop.settings(paypal_enabled=True, tickets_enabled=True)
    yield proc, shop
    proc.stop()


def twice(proc: PanelProcess, buyer, path: str, action):
    """`action(client, key)` through a garbling proxy, then again with the same key; (first error, answer)."""
    key = new_idempotency_key()
    proxy = Garbling(proc.url, "/api/v1" + path)
    try:
        with PanelClient(proxy.url, pair_of(buyer), max_retries=0) as client:
            with pytest.raises(ApiError) as caught:
                action(client, key)
            return caught.value, action(client, key)
    finally:
        proxy.close()


def items_of(product: dict) -> list[dict]:
    return [{"product_id": product["id"], "billing_cycle": "monthly", "quantity": 1}]


def unpaid_order(proc, buyer, product) -> dict:
    with PanelClient(proc.url, pair_of(buyer), max_retries=0) as client:
        return client.checkout(items_of(product), coupon_code=None, use_credits=False, payment_method="paypal",
                               key=new_idempotency_key(), **RETURN)


def test_checkout_pay_and_pay_several_are_done_once(paypal_shop):
    proc, shop = paypal_shop
    buyer, product = shop.user(credits="100.00"), shop.product()
    error, started = twice(proc, buyer, "/billing/checkout", lambda c, key: c.checkout(
        items_of(product), coupon_code=None, use_credits=True, payment_method="credits", key=key, **RETURN))
    assert panel_may_have_acted(error)
    assert len(buyer.data("GET", "/billing/orders")) == 1 and started["order"]["id"]

    poor = shop.user()
    unpaid = unpaid_order(proc, poor, product)
    invoice_id = unpaid["invoice"]["id"]
    error, paid = twice(proc, poor, f"/billing/invoices/{invoice_id}/pay", lambda c, key: c.pay_invoice(
        invoice_id, payment_method="paypal", use_credits=False, key=key, **RETURN))
    assert panel_may_have_acted(error) and paid["payment"]["id"]
    payments = [p for p in poor.data("GET", f"/billing/invoices/{invoice_id}")["payments"]]
    error, several = twice(proc, poor, "/billing/invoices/pay", lambda c, key: c.pay_invoices(
        [invoice_id], payment_method="paypal", use_credits=False, key=key, **RETURN))
    assert panel_may_have_acted(error) and several["payment"]["id"]
    assert len(poor.data("GET", f"/billing/invoices/{invoice_id}")["payments"]) <= len(payments) + 1


def test_top_up_and_its_cancel_are_done_once(paypal_shop):
    proc, shop = paypal_shop
    buyer = shop.user()
    error, topped = twice(proc, buyer, "/billing/credits/top-up", lambda c, key: c.top_up(
        "25.00", payment_method="paypal", key=key, **RETURN))
    assert panel_may_have_acted(error)
    top_ups = [i for i in buyer.data("GET", "/billing/invoices") if i.get("kind") == "top_up"]
    assert [i["id"] for i in top_ups] == [topped["invoice"]["id"]]          # one invoice, not two
    invoice_id = topped["invoice"]["id"]
    error, cancelled = twice(proc, buyer, f"/billing/invoices/{invoice_id}/cancel",
                             lambda c, key: c.cancel_top_up(invoice_id, key=key))
    assert panel_may_have_acted(error) and cancelled["status"] == "cancelled"


def test_cancel_order_and_a_cancellation_request_are_done_once(paypal_shop):
    proc, shop = paypal_shop
    buyer, product = shop.user(credits="100.00"), shop.product()
    unpaid = unpaid_order(proc, buyer, product)
    order_id = unpaid["order"]["id"]
    error, cancelled = twice(proc, buyer, f"/billing/orders/{order_id}/cancel",
                             lambda c, key: c.cancel_order(order_id, key=key))
    assert panel_may_have_acted(error) and cancelled["status"] == "cancelled"

    service = buy_service(buyer, product)
    path = f"/billing/services/{service['id']}/cancel"
    error, request = twice(proc, buyer, path, lambda c, key: c.request_cancellation(
        service["id"], type="end_of_period", reason="moving", key=key))
    assert panel_may_have_acted(error)      # a second request under a new key would be refused as already open
    assert request["status"] == "pending"


def test_a_new_ticket_and_a_reply_are_written_once(paypal_shop):
    proc, shop = paypal_shop
    buyer = shop.user()
    error, ticket = twice(proc, buyer, "/support/tickets", lambda c, key: c.open_ticket(
        subject="Help", department="billing", body="Hello", key=key))
    assert panel_may_have_acted(error)
    assert [t["id"] for t in buyer.data("GET", "/support/tickets")] == [ticket["id"]]
    error, _message = twice(proc, buyer, f"/support/tickets/{ticket['id']}/replies",
                            lambda c, key: c.reply_ticket(ticket["id"], "Again", key=key))
    assert panel_may_have_acted(error)
    messages = buyer.data("GET", f"/support/tickets/{ticket['id']}")["messages"]
    assert [m["body"] for m in messages] == ["Hello", "Again"]
