"""Every action's answer, and every read an action makes, from a panel that answers garbage: each is refused in
words (an `ApiError`, never a TypeError or KeyError on a worker), and the account's cache is as it was, so no screen
shows half an action. Canned answers through the real client and a real cache file (no sockets).

Found by going through the contract endpoint by endpoint: a coupon check could answer a negative discount (a
coupon that raised the price) or an object as its value; a started payment a negative amount; a cancellation
request an object as its type; a ticket's message and its `last_reply_at` a time that is no time (both shown and
sorted); a login a refresh token that is no text, dropped without a word so the login ended 15 minutes later; a
preview or an invoice to pay amounts with more places than the currency has, which the review showed rounded (the
panel would charge what it said, not what was shown); and Mark all read, failing half way, left those the panel had
marked unread here."""
from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from app import paths
from app.api import ApiError, BadAnswer, NotAPanel, PanelClient
from app.api.auth import Credentials
from app.cache import CacheChanges, open_account_cache
from app.core.cart import Cart, CartItem
from app.session import cart_store
from app.session.operations import Context
from app.session.operations import cart as cart_ops
from app.session.operations import notices as notice_ops
from app.session.operations import payments as pay_ops
from app.session.operations import profile as profile_ops
from app.session.operations import services as service_ops
from app.session.operations import support as support_ops
from app.session.wording import explain

from .canned_session import Canned, CannedSession

ACCOUNT = "acct-r8h"
Z = "2026-12-01T10:00:00Z"
JSON = {"Content-Type": "application/json"}
ITEMS = [{"product_id": "p1", "billing_cycle": "monthly"}]
URLS = {"return_url": "http://127.0.0.1:1/r", "cancel_url": "http://127.0.0.1:1/c"}
CONFIG = {"enabled": True, "currency": {"code": "USD", "symbol": "$", "places": 2}, "credits_enabled": True,
          "tax": {"enabled": False, "rate": "0", "inclusive": False}, "gateways": {"stripe": {"enabled": True}}}
INVOICE = {"id": "i1", "invoice_number": "INV-1", "status": "pending", "issue_date": "2026-12-01",
           "due_date": "2026-12-08", "subtotal": "10.00", "tax_amount": "0.00", "total": "10.00",
           "balance_due": "10.00", "currency": "USD", "updated_at": Z}
ORDER = {"id": "o1", "order_number": "ORD-1", "status": "pending", "invoice_id": "i1", "service_ids": ["s1"],
         "created_at": Z, "updated_at": Z}
SERVICE = {"id": "s1", "status": "active", "product": {"id": "p1", "name": "VPS"}, "cancellation": None,
           "updated_at": Z}
TICKET = {"id": "t1", "ticket_number": "TKT-1", "subject": "Help", "status": "open", "department": "billing",
          "related": {"invoice_id": None, "service_id": None}, "created_at": Z, "updated_at": Z,
          "messages": [{"id": "m1", "author": {"name": "A", "staff": False}, "body": "Help", "created_at": Z}]}
PROFILE = {"company": "ACME", "address_lines": ["1 Road"], "country": "DE", "tax_id": ""}
PREVIEW = {"lines": [{"description": "VPS", "amount": "10.00"}], "subtotal": "10.00", "discount": "0.00",
           "tax_rate": "0", "tax_amount": "0.00", "total": "10.00", "credits_applied": "0.00", "due_now": "10.00",
           "currency": "USD"}


def raw(status: int, text: str | bytes, content_type: str = "application/json") -> Canned:
    return Canned(status, text if isinstance(text, bytes) else text.encode(), {"Content-Type": content_type})


def data(value, status: int = 200) -> Canned:
    return raw(status, json.dumps({"data": value}))


# What a panel, a proxy or a captive portal may answer instead of the contract's envelope.
GARBAGE = {
    "no data": raw(200, '{"success": true}'),
    "null data": data(None),
    "list for object": data([]),
    "text for object": data("ok"),
    "success false": raw(200, '{"success": false, "data": {}}'),
    "html page": raw(200, "<!doctype html><title>Sign in to the Wi-Fi</title>", "text/html"),
    "empty 200": raw(200, b""),
    "empty 201": raw(201, b""),
    "html 502": raw(502, "<html><body>Bad gateway</body></html>", "text/html"),
    "top-level list": raw(200, "[1, 2]"),
    "redirect elsewhere": Canned(302, b"", {"Location": "https://elsewhere.example/api/v1/x"}),
    "NaN": raw(200, '{"data": {"id": "x", "total": NaN}}'),
    "not JSON": raw(200, '{"data": {"id": '),
}

CALLS: dict[str, Callable[[PanelClient], object]] = {
    "sync state": lambda c: c.sync_state(),
    "settings": lambda c: c.public_settings(),
    "me": lambda c: c.me(),
    "billing config": lambda c: c.billing_config(),
    "credits": lambda c: c.credits(),
    "dashboard": lambda c: c.dashboard(),
    "preview": lambda c: c.preview_checkout(ITEMS),
    "coupon": lambda c: c.validate_coupon("SAVE", ITEMS),
    "checkout": lambda c: c.checkout(ITEMS, coupon_code=None, use_credits=True, payment_method="stripe", key="k",
                                     **URLS),
    "payment": lambda c: c.payment("p1"),
    "pay invoice": lambda c: c.pay_invoice("i1", payment_method="stripe", key="k", **URLS),
    "pay invoices": lambda c: c.pay_invoices(["i1", "i2"], payment_method="stripe", key="k", **URLS),
    "cancel order": lambda c: c.cancel_order("o1", key="k"),
    "cancellation": lambda c: c.request_cancellation("s1", type="immediate", reason="r", key="k"),
    "top-up": lambda c: c.top_up("10.00", payment_method="stripe", key="k", **URLS),
    "new ticket": lambda c: c.open_ticket(subject="s", department="billing", body="b", key="k"),
    "reply": lambda c: c.reply_ticket("t1", "b", key="k"),
    "close ticket": lambda c: c.close_ticket("t1"),
    "profile": lambda c: c.billing_profile(),
    "save profile": lambda c: c.save_billing_profile(company="", address_lines=[], country="DE", tax_id=""),
    "login": lambda c: c.login("a@example.com", "pw"),
    "2fa": lambda c: c.verify_2fa("t", "123456"),
    "invoice": lambda c: c.invoice("i1"),
    "order": lambda c: c.order("o1"),
    "service": lambda c: c.service("s1"),
    "ticket": lambda c: c.ticket("t1"),
}


def client(answer: Callable | Canned) -> PanelClient:
    session = CannedSession(answer if callable(answer) else (lambda sent: answer))
    return PanelClient("https://panel.example", Credentials.from_tokens("a" * 20, "r" * 20), session=session,
                       sleep=lambda s: None, max_retries=0)


def refused_in_words(error: BaseException) -> None:
    assert isinstance(error, ApiError), repr(error)
    headline, detail = explain(error)
    assert str(error) and headline and "Traceback" not in headline + detail


@pytest.mark.parametrize("answer", list(GARBAGE), ids=str)
@pytest.mark.parametrize("call", list(CALLS), ids=str)
def test_every_call_refuses_an_answer_that_is_no_envelope_in_words(call, answer):
    with client(GARBAGE[answer]) as api, pytest.raises(ApiError) as caught:
        CALLS[call](api)
    refused_in_words(caught.value)
    if answer == "redirect elsewhere":
        assert "elsewhere.example" in str(caught.value)
    if call in ("login", "2fa"):
        assert api.credentials == Credentials.from_tokens("a" * 20, "r" * 20)    # the old pair, untouched


@pytest.mark.parametrize(("call", "answer", "field"), [
    ("coupon", {"valid": True, "code": "SAVE", "discount": "-5.00"}, "discount"),
    ("coupon", {"valid": True, "code": "SAVE", "discount": "1.00", "value": {"percent": 10}}, "value"),
    ("coupon", {"valid": True, "code": "SAVE", "discount": "1.00", "value": "1e3"}, "value"),
    ("coupon", {"valid": True, "code": "SAVE", "discount": "NaN"}, "discount"),
    ("checkout", {"payment": {"id": "p1", "status": "paid", "amount": "-10.00"}}, "payment.amount"),
    ("pay invoice", {"payment": {"id": "p1", "status": "paid", "amount": "Infinity"}}, "payment.amount"),
    ("pay invoices", {"payment": {"id": "p1", "status": "paid", "amount": "1.00"}, "credits_held": "-1.00"},
     "credits_held"),
    ("top-up", {"payment": {"id": "p1", "status": "paid", "amount": "1000000000000"}}, "payment.amount"),
    ("checkout", {"payment": {"id": "p1", "status": "succeeded"}}, "payment.status"),
    ("payment", {"id": "p1", "status": "approved"}, "payment.status"),
    ("payment", {"id": "p1", "status": "succeeded", "created_at": "yesterday"}, "payment.created_at"),
    ("payment", {"id": "p1", "status": "succeeded", "created_at": "2026-12-01T10:00:00"}, "payment.created_at"),
    ("cancellation", {"id": "c1", "type": {"kind": "now"}, "status": "pending"}, "type"),
    ("cancellation", {"id": "c1", "reason": ["a"], "status": "pending"}, "reason"),
    ("reply", {"id": "m1", "body": "b", "created_at": "last Tuesday"}, "created_at"),
    ("ticket", {**TICKET, "messages": [{**TICKET["messages"][0], "created_at": "2026-12-01 10:00"}]},
     "messages[0].created_at"),
    ("ticket", {**TICKET, "last_reply_at": "soon"}, "last_reply_at"),
    ("preview", {**PREVIEW, "total": "-1.00"}, "total"),
    ("preview", {**PREVIEW, "due_now": None}, "due_now"),
    ("preview", {key: value for key, value in PREVIEW.items() if key != "total"}, "total"),
    ("sync state", {"version": "v1", "server_time": "2026-12-01T10:00:00"}, "server_time"),
    ("profile", {**PROFILE, "address_lines": "1 Road"}, "address_lines"),
    ("save profile", {key: value for key, value in PROFILE.items() if key != "country"}, "country"),
    ("credits", {"enabled": True, "balance": "-5.00", "currency": "USD"}, "balance"),
    ("billing config", {**CONFIG, "currency": {"code": "USD", "places": 30}}, "places"),
    ("cancel order", {**ORDER, "status": "cancelled", "total": "-10.00"}, "total"),
    ("coupon", {"valid": True, "code": "SAVE", "recurring": "sometimes"}, "recurring"),
    ("coupon", {"valid": True, "code": "SAVE", "product_ids": [{"id": "p1"}]}, "product_ids"),
])
def test_an_answer_that_breaks_the_contract_in_one_field_is_refused_naming_it(call, answer, field):
    status = 201 if call in ("checkout", "pay invoice", "pay invoices", "top-up", "cancellation", "reply") else 200
    with client(data(answer, status)) as api, pytest.raises(BadAnswer) as caught:
        CALLS[call](api)
    refused_in_words(caught.value)
    assert field in str(caught.value)


def test_a_coupon_check_says_recurring_and_its_products_as_the_cart_reads_them():
    answer = {"valid": True, "code": "SAVE", "type": "percent", "value": 10, "recurring": "false",
              "product_ids": [2, "p-3"]}
    with client(data(answer)) as api:
        checked = api.validate_coupon("SAVE", ITEMS)
    assert checked["recurring"] is False and checked["product_ids"] == ["2", "p-3"]     # "false" read as true


def test_a_credit_balance_below_zero_after_a_transaction_stops_the_sync_naming_it():
    from app.api.validate import checked_rows

    row = {"id": "ct-1", "amount": "-20.00", "type": "payment", "balance_after": "-15.00", "created_at": Z}
    with pytest.raises(BadAnswer) as caught:
        checked_rows("credit transactions", "CreditTransaction", [row])
    assert "balance_after" in str(caught.value)


@pytest.mark.parametrize("refresh", [12345, {"token": "r"}, ["r"], True])
def test_a_login_whose_refresh_token_is_no_text_is_refused_and_keeps_no_pair(refresh):
    answer = {"access_token": "a" * 20, "refresh_token": refresh, "token_type": "Bearer", "expires_in": 900}
    with client(data(answer)) as api:
        api.set_credentials(None)
        with pytest.raises(BadAnswer) as caught:
            api.login("a@example.com", "pw")
        assert api.credentials is None
    assert "refresh token" in str(caught.value)


def test_a_login_without_a_refresh_token_is_still_a_login():
    answer = {"access_token": "a" * 20, "token_type": "Bearer", "expires_in": 900}
    with client(data(answer)) as api:
        assert api.login("a@example.com", "pw").credentials.access_token == "a" * 20


# -- the actions, on a real cache: a refused answer changes nothing ---------------------------------------------
@pytest.fixture
def cache_dir(tmp_path):
    paths.use_data_dir(tmp_path)
    cart = Cart([CartItem(id="line-1", product_id="p1", billing_cycle="monthly")])
    with open_account_cache(ACCOUNT) as cache:
        cache.apply(CacheChanges(upserts={"invoices": [INVOICE], "orders": [ORDER], "services": [SERVICE],
                                          "tickets": [TICKET],
                                          "notifications": [{"uuid": f"n{n}", "title": "t", "read": False,
                                                             "created_at": Z} for n in (1, 2, 3)]},
                                 config={"billing_config": CONFIG, "billing_profile": PROFILE}))
        cache.apply(cart_store.changes(cart, {"use_credits": True}))
    yield tmp_path
    paths.use_data_dir(None)


def snapshot() -> tuple:
    with open_account_cache(ACCOUNT) as cache:
        return (cache.invoices(), cache.orders(), cache.services(), cache.tickets(), cache.notifications(),
                cache.cart_items(), cache.config("cart_options"), cache.config("billing_profile"),
                cache.credit_transactions())


def run(answer, operation, *args):
    api = client(answer)
    ctx = Context(ACCOUNT, lambda: api, operation.__name__)
    try:
        return operation(ctx, *args)
    finally:
        ctx.close()
        api.close()


def by_path(routes: dict, fallback: Canned) -> Callable:
    def answer(sent):
        for path, canned in routes.items():
            if sent.path == path:
                return canned
        return fallback
    return answer


ACTIONS = {
    "start an order": (pay_ops.start, ("order", {"items": ITEMS}, "stripe", True, "k")),
    "pay an invoice": (pay_ops.start, ("invoice", {"invoice_id": "i1"}, "stripe", True, "k")),
    "pay several": (pay_ops.start, ("invoices", {"invoice_ids": ["i1"]}, "stripe", True, "k")),
    "top up": (pay_ops.start, ("top_up", {"amount": "10.00"}, "stripe", False, "k")),
    "read the outcome": (pay_ops.read_outcome, ("p1",)),
    "cancel an order": (pay_ops.cancel_order, ("o1", "k")),
    "review an order": (pay_ops.review, ("order", {"items": ITEMS})),
    "review an invoice": (pay_ops.review, ("invoice", {"invoice_id": "i1"})),
    "ask to cancel a service": (service_ops.request_cancellation, ("s1", "immediate", "Too slow", "k")),
    "reply to a ticket": (support_ops.reply, ("t1", "Still down", "k")),
    "open a ticket": (support_ops.open_ticket, ({"subject": "s", "department": "billing", "body": "b"}, "k")),
    "save the profile": (profile_ops.save_billing_profile, (PROFILE,)),
    "read the profile": (profile_ops.fetch_billing_profile, ()),
    "fetch a ticket": (support_ops.fetch_ticket, ("t1",)),
    "cart preview": (cart_ops.preview, ({"items": ITEMS},)),
}


@pytest.mark.parametrize("answer", ["html page", "success false", "list for object", "empty 201", "NaN",
                                    "redirect elsewhere", "no data"])
@pytest.mark.parametrize("action", list(ACTIONS), ids=str)
def test_an_action_answered_with_garbage_changes_nothing_in_the_cache(cache_dir, action, answer):
    operation, args = ACTIONS[action]
    # The reads around an action answer healthily (config, credits); the action's own answer is the garbage.
    healthy = {"/billing/config": data(CONFIG), "/billing/credits": data({"enabled": True, "balance": "0.00",
                                                                          "currency": "USD"})}
    before = snapshot()
    with pytest.raises(ApiError) as caught:
        run(by_path(healthy, GARBAGE[answer]), operation, *args)
    refused_in_words(caught.value)
    assert snapshot() == before


@pytest.mark.parametrize("where", ["total", "due_now", "lines"])
def test_a_review_whose_amounts_have_more_places_than_the_currency_is_refused(cache_dir, where):
    preview = {**PREVIEW, "total": "10.005"} if where == "total" else {**PREVIEW, "due_now": "9.999"} \
        if where == "due_now" else {**PREVIEW, "lines": [{"description": "VPS", "amount": "10.001"}]}
    routes = {"/billing/config": data(CONFIG), "/billing/credits": data({"enabled": True, "balance": "0.00",
                                                                         "currency": "USD"}),
              "/billing/checkout/preview": data(preview)}
    before = snapshot()
    with pytest.raises(BadAnswer) as caught:
        run(by_path(routes, data({})), pay_ops.review, "order", {"items": ITEMS})
    assert where in str(caught.value) and "USD has (2)" in str(caught.value)
    with pytest.raises(BadAnswer):
        run(by_path(routes, data({})), cart_ops.preview, {"items": ITEMS})
    assert snapshot() == before


def test_amounts_with_fewer_places_or_in_another_currency_are_reviewed_as_sent(cache_dir):
    routes = {"/billing/config": data(CONFIG), "/billing/credits": data({"enabled": True, "balance": "0.00",
                                                                         "currency": "USD"}),
              "/billing/checkout/preview": data({**PREVIEW, "total": 10, "due_now": "10.5"})}
    reads = run(by_path(routes, data({})), pay_ops.review, "order", {"items": ITEMS})
    assert reads["preview"]["due_now"] == "10.5"
    kuwaiti = {**INVOICE, "currency": "KWD", "total": "10.125", "balance_due": "10.125"}
    routes["/billing/invoices/i1"] = data(kuwaiti)      # three places are KWD's, not USD's: not judged by USD
    assert run(by_path(routes, data({})), pay_ops.review, "invoice", {"invoice_id": "i1"})["invoices"][0][
        "total"] == "10.125"


def test_paying_several_leaves_out_and_names_the_invoice_whose_amounts_cannot_be_charged(cache_dir):
    routes = {"/billing/config": data(CONFIG), "/billing/credits": data({"enabled": True, "balance": "0.00",
                                                                         "currency": "USD"}),
              "/billing/invoices/i1": data(INVOICE),
              "/billing/invoices/i2": data({**INVOICE, "id": "i2", "invoice_number": "INV-2",
                                            "balance_due": "3.333"})}
    reads = run(by_path(routes, data({})), pay_ops.review, "invoices", {"invoice_ids": ["i1", "i2"]})
    assert [i["id"] for i in reads["invoices"]] == ["i1"]
    (left_out,) = reads["unreadable"]
    assert left_out["id"] == "i2" and left_out["invoice_number"] == "INV-2" and "balance_due" in left_out["reason"]
    with open_account_cache(ACCOUNT) as cache:
        assert cache.invoice("i2") is None                  # never kept


def test_mark_all_read_failing_half_way_keeps_read_what_the_panel_took(cache_dir):
    def answer(sent):
        return GARBAGE["html page"] if sent.path == "/notifications/n2/read" else Canned(204, b"", JSON)
    with pytest.raises(NotAPanel):
        run(answer, notice_ops.mark_read, ["n1", "n2", "n3"])
    with open_account_cache(ACCOUNT) as cache:
        assert {n["uuid"]: n["read"] for n in cache.notifications()} == {"n1": True, "n2": False, "n3": False}


@pytest.mark.parametrize(("flag", "asks"), [("false", False), (0, False), ("true", True), (1, True), (True, True)])
def test_a_login_reads_requires_2fa_as_what_it_says(flag, asks):
    answer = {"requires_2fa": flag, "two_factor_token": "c" * 20, "access_token": "a" * 20, "refresh_token": "r" * 20}
    with client(data(answer)) as api:
        result = api.login("a@example.com", "pw")
    assert result.requires_2fa is asks
    assert (result.credentials is None) is asks


# -- a record asked for by id, answered with another ---------------------------------------------------------------
OTHER_INVOICE = {**INVOICE, "id": "i9", "invoice_number": "INV-9", "total": "1.00", "balance_due": "1.00"}


@pytest.mark.parametrize(("action", "routes"), [
    ("review an invoice", {"/billing/invoices/i1": data(OTHER_INVOICE)}),
    ("read the outcome", {"/billing/payments/p1": data({"id": "p9", "status": "succeeded", "invoice_id": "i1"})}),
    ("cancel an order", {"/billing/orders/o1/cancel": data({**ORDER, "id": "o9", "status": "cancelled"})}),
    ("fetch a ticket", {"/support/tickets/t1": data({**TICKET, "id": "t9"})}),
])
def test_a_read_answered_with_another_record_is_refused_and_saved_nowhere(cache_dir, action, routes):
    operation, args = ACTIONS[action]
    healthy = {"/billing/config": data(CONFIG), "/billing/credits": data({"enabled": True, "balance": "0.00",
                                                                          "currency": "USD"}), **routes}
    before = snapshot()
    with pytest.raises(BadAnswer) as caught:
        run(by_path(healthy, data({})), operation, *args)
    refused_in_words(caught.value)
    assert "asked for" in str(caught.value)
    assert snapshot() == before


def test_paying_several_names_the_invoice_answered_with_another_and_pays_the_rest(cache_dir):
    routes = {"/billing/config": data(CONFIG), "/billing/credits": data({"enabled": True, "balance": "0.00",
                                                                         "currency": "USD"}),
              "/billing/invoices/i1": data(INVOICE), "/billing/invoices/i2": data(OTHER_INVOICE)}
    reads = run(by_path(routes, data({})), pay_ops.review, "invoices", {"invoice_ids": ["i1", "i2"]})
    assert [i["id"] for i in reads["invoices"]] == ["i1"]
    assert [u["id"] for u in reads["unreadable"]] == ["i2"]
    with open_account_cache(ACCOUNT) as cache:
        assert cache.invoice("i9") is None


def test_an_outcome_whose_order_is_answered_with_another_keeps_the_cached_one(cache_dir):
    routes = {"/billing/payments/p1": data({"id": "p1", "status": "succeeded", "invoice_id": "i1", "order_id": "o1"}),
              "/billing/invoices/i1": data({**INVOICE, "status": "paid", "balance_due": "0.00"}),
              "/billing/orders/o1": data({**ORDER, "id": "o9"}), "/billing/services/s1": data(SERVICE)}
    outcome = run(by_path(routes, data({})), pay_ops.read_outcome, "p1")
    assert outcome.order["id"] == "o1" and "orders" in outcome.missing
    with open_account_cache(ACCOUNT) as cache:
        assert cache.order("o9") is None and cache.invoice("i1")["status"] == "paid"


def test_a_sync_whose_ticket_detail_is_another_ticket_stops_and_changes_nothing(tmp_path):
    from app.cache import AccountCache
    from app.sync.engine import SyncEngine

    from . import hostile
    from .test_r6_hostile_answers import now_text, rows

    def answer(sent):
        if sent.path == "/sync/state":
            return data({"version": now_text(), "server_time": now_text()})
        if sent.path == "/settings/public":
            return data({**hostile.OBJECTS["/settings/public"], "tickets_enabled": True})
        if sent.path == "/support/tickets":
            return rows([{key: value for key, value in TICKET.items() if key != "messages"}])
        if sent.path == "/support/tickets/t1":
            return data({**TICKET, "id": "t9"})
        healthy = hostile.healthy_body(sent.path)
        return raw(200, json.dumps(healthy)) if healthy else raw(404, '{"error": {"code": "not_found"}}')

    with client(answer) as api, AccountCache(tmp_path / "c.sqlite3") as cache:
        with pytest.raises(BadAnswer) as caught:
            SyncEngine(api, cache).run()
        assert "t1" in str(caught.value) and "t9" in str(caught.value)
        assert cache.tickets() == [] and cache.invoices() == []


def test_an_action_answered_with_a_gzip_bomb_is_refused_within_the_limit_and_changes_nothing(cache_dir):
    import gzip

    from app.api import AnswerTooLarge

    packer = gzip.compress(b'{"data": {"payment": {"id": "p1", "note": "' + b"0" * (16 * 1024 * 1024) + b'"}}}')
    bomb = Canned(201, packer, {"Content-Type": "application/json", "Content-Encoding": "gzip"})
    assert len(packer) < 100_000                        # 16 MiB unpacked from a few KB
    before = snapshot()
    operation, args = ACTIONS["start an order"]
    with pytest.raises(AnswerTooLarge) as caught:
        run(bomb, operation, *args)
    refused_in_words(caught.value)
    assert snapshot() == before                         # the cart was not emptied: nothing says an order was made
