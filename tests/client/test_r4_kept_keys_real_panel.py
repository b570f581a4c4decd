"""Against the real panel, across a restart: a top-up and a new ticket whose first answer a proxy garbles after the
panel acted, Sett quits (its client and cache connection end), and a new session over the same cache file asks the
same thing again with a new key offered: the kept key goes instead, so the panel answers what it made, and the
buyer has one top-up invoice and one ticket, not two."""
from __future__ import annotations

import pytest

from app.api import ApiError, PanelClient, new_idempotency_key
from app.cache import AccountCache
from app.session.operations import Context
from app.session.operations import kept_keys as kept_ops
from app.session.operations import payments as pay_ops
from app.session.operations import support as support_ops

from .conftest import pair_of
from .test_exactly_once_real_panel import Garbling, paypal_shop  # noqa: F401 - the fixture

TOP_UP = ("pay", ["top_up", {"amount": "25.00"}, "paypal", False], pay_ops.start,
          ("top_up", {"amount": "25.00"}, "paypal", False))
TICKET = {"subject": "Help", "department": "billing", "body": "Hello"}


def session_run(url: str, buyer, path, action, asked, operation, args):
    """One run of Sett asking `action` once, with a new key offered; ends its client and cache connection."""
    with PanelClient(url, pair_of(buyer), max_retries=0) as client, AccountCache(path) as cache:
        ctx = Context("acct", lambda: client, "keyed")
        ctx._cache = cache
        return kept_ops.keyed(ctx, action, asked, operation, *args, key=new_idempotency_key())


@pytest.mark.parametrize("what", ["top-up", "ticket"])
def test_asked_again_after_a_restart_the_panel_does_it_once(paypal_shop, tmp_path, what):  # noqa: F811
    proc, shop = paypal_shop
    buyer = shop.user()
    path = tmp_path / "cache.sqlite3"
    if what == "top-up":
        lost, attempt = "/billing/credits/top-up", TOP_UP
    else:
        lost, attempt = "/support/tickets", ("ticket", TICKET, support_ops.open_ticket, (TICKET,))
    proxy = Garbling(proc.url, "/api/v1" + lost)
    try:
        with pytest.raises(ApiError):
            session_run(proxy.url, buyer, path, *attempt)          # done at the panel; its answer garbled
        answer = session_run(proxy.url, buyer, path, *attempt)     # after a restart: the same attempt
    finally:
        proxy.close()
    sent = [seen.headers.get("Idempotency-Key") for seen in proxy.seen if seen.method == "POST"]
    assert len(sent) == 2 and sent[0] == sent[1]
    if what == "top-up":
        top_ups = [i for i in buyer.data("GET", "/billing/invoices") if i.get("kind") == "top_up"]
        assert [i["id"] for i in top_ups] == [answer["invoice"]["id"]]      # one invoice, not two
    else:
        assert [t["id"] for t in buyer.data("GET", "/support/tickets")] == [answer["id"]]
    with AccountCache(path) as cache:
        assert cache.kept_keys() == []
