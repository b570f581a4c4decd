"""Property: no answer a panel can give breaks an account. Generated answers (a healthy answer with one part
replaced by a wrong kind of value, a missing or extra key, a huge, negative or NaN-like number as text, money with
too many places, a date in an odd format, nested garbage, Unicode edge cases, or no envelope at all) go through
the client's real path: the API layer's checks, the sync engine writing into a real cache in a temporary folder,
`load_account_data` reading it back, and the Qt-free columns and formatting the screens draw with. The single
records fetched on demand (an invoice with its lines and payments, a service with its server, an order, a ticket
with its messages, a cart's preview and coupon check, a started payment and a payment read back) go through their
operations the same way.

Each answer is either accepted, and then everything read back formats without an exception and holds no float,
or refused with one of Sett's own errors (a sentence for the user), and then the cache is exactly as before and
still reads. Never a TypeError, KeyError, InvalidOperation, OverflowError, RecursionError or bare ValueError.

Deterministic: Hypothesis derandomized, no example database, a bounded number of examples; canned answers through
a requests session (tests/client/canned_session.py), no sockets.
"""
from __future__ import annotations

import copy
import json
import os
import shutil
import tempfile
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from app.api import ApiError, NotAPanel, PanelClient
from app.cache import AccountCache
from app.core.account_data import AccountData
from app.core.cart import Cart, compare, local_quote
from app.core.credit import credit_balance, credits_spendable
from app.core.formatting import (
    cycle_label,
    format_date,
    format_datetime,
    line_resources_text,
    rate_text,
    resources_text,
)
from app.core.low_credit import low_credit
from app.core.pricing import PricingError, config_ranges, recurring_price
from app.core.server_links import manage_url_problem, server_address_text
from app.core.status_words import service_status, status_word
from app.core.support import department_text, status_text
from app.exports.records import AccountRecords
from app.exports.table import build_table, total_rows
from app.models.all_accounts import amounts_text, gather, per_currency
from app.models.go_to import GoToIndex
from app.models.go_to import entries as go_to_entries
from app.models.invoices import invoice_columns, visible_invoices
from app.models.orders import order_columns, products_text, with_invoices
from app.models.services import service_columns
from app.models.tickets import ticket_columns
from app.models.transactions import transaction_columns
from app.session.data import load_account_data
from app.session.notices import due_reminders, panel_notices
from app.session.operations import Context, payments, support
from app.session.operations import cart as cart_ops
from app.session.operations import invoices as invoice_ops
from app.session.payments import Outcome, describe
from app.sync import SyncEngine

from . import hostile
from .canned_session import Canned, CannedSession
from .test_hostile_volume import rows_of  # one dump of a cache's tables for every hostile test

# per test: the whole file runs in well under a minute on two cores; SETT_PROPERTY_EXAMPLES=2000 hunts deeper
EXAMPLES = int(os.environ.get("SETT_PROPERTY_EXAMPLES", "60"))
PROPERTY = settings(max_examples=EXAMPLES, derandomize=True, database=None, deadline=None, print_blob=False,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                           HealthCheck.data_too_large])
LATER = "2026-01-05T00:00:00Z"
ORIGIN = "https://panel.example"

# -- the healthy panel: every answer a sync reads, plus the records fetched on demand ------------------------------
TICKET = {"id": "t-1", "ticket_number": "T-1", "subject": "Help", "status": "open", "department": "billing",
          "related": {"invoice_id": "inv-1", "service_id": "svc-1"}, "last_reply_at": "2026-01-01T00:00:00Z",
          "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z"}
TICKET_DETAIL = {**TICKET, "messages": [{"id": "m-1", "author": {"name": "Me", "staff": False}, "body": "Hi",
                                         "created_at": "2026-01-01T00:00:00Z"}]}
INVOICE_DETAIL = {**hostile.LIST_ROWS["/billing/invoices"][0], "tax_rate": "20", "discount": "0.00",
                  "credits_applied": "0.00", "amount_paid": "9.99", "coupon_code": None,
                  "lines": [{"description": "Small (monthly)", "billing_cycle": "monthly", "service_id": "svc-1",
                             "quantity": 1, "unit_price": "9.99", "amount": "9.99",
                             "config": {"memory": 1024, "disk": 10240, "cpu": 100}}],
                  "payments": [{"id": "pay-1", "method": "stripe", "amount": "9.99", "status": "succeeded",
                                "reference": "ch_1", "created_at": "2026-01-01T00:00:00Z"}],
                  "seller": {"name": "Host", "address_lines": ["1 Road"], "country": "DE"},
                  "buyer": {"name": "A B", "email": "a@example.com"}}
SERVICE_DETAIL = {**hostile.LIST_ROWS["/billing/services"][0], "config": {"memory": 1024, "disk": 10240, "cpu": 100},
                  "server": {"id": "srv-1", "name": "small-1", "status": "running", "node": "de-1",
                             "address": {"ip": "10.0.0.1", "port": 25565},
                             "manage_url": ORIGIN + "/server/srv-1"},
                  "cancellation": None}
ORDER_DETAIL = {**hostile.LIST_ROWS["/billing/orders"][0], "subtotal": "9.99", "discount": "0.00",
                "tax_amount": "0.00", "total": "9.99", "coupon": {"code": "SAVE10"},
                "items": [{"product_name": "Small", "billing_cycle": "monthly", "quantity": 1, "unit_price": "9.99",
                           "setup_fee": "0.00", "amount": "9.99", "service_id": "svc-1",
                           "config": {"memory": 1024}}]}
PAYMENT = {"id": "pay-1", "status": "succeeded", "amount": "9.99", "invoice_id": "inv-1", "invoice_ids": ["inv-1"],
           "order_id": "ord-1"}
PREVIEW = {"lines": [{"product_id": "prod-1", "amount": "9.99"}], "subtotal": "9.99", "discount": "0.00",
           "tax_amount": "0.00", "total": "9.99", "credits_applied": "0.00", "due_now": "9.99", "tax_rate": "0",
           "currency": "USD", "out_of_stock": []}
COUPON = {"valid": True, "code": "SAVE10", "discount": "1.00", "reason": None}
STARTED = {"payment": {"id": "pay-1", "status": "requires_action", "amount": "9.99",
                       "checkout_url": ORIGIN + "/pay/pay-1", "invoice_id": "inv-1", "order_id": "ord-1"},
           "order": ORDER_DETAIL, "invoice": INVOICE_DETAIL}

OBJECTS = {**hostile.OBJECTS, "/settings/public": {**hostile.OBJECTS["/settings/public"], "tickets_enabled": True}}
LISTS = {**hostile.LIST_ROWS, "/support/tickets": [TICKET]}
RECORDS = {"/support/tickets/t-1": TICKET_DETAIL, "/billing/invoices/inv-1": INVOICE_DETAIL,
           "/billing/invoices/inv-2": {**INVOICE_DETAIL, "id": "inv-2", "invoice_number": "INV-2"},
           "/billing/services/svc-1": SERVICE_DETAIL, "/billing/orders/ord-1": ORDER_DETAIL,
           "/billing/payments/pay-1": PAYMENT, "/billing/checkout/preview": PREVIEW,
           "/billing/coupons/validate": COUPON, "/billing/checkout": STARTED, "/billing/invoices/inv-1/pay": STARTED,
           "/billing/orders/ord-1/cancel": {**ORDER_DETAIL, "status": "cancelled"}}


def healthy(path: str) -> Any:
    """The healthy answer's body for `path` (a fresh copy), or None for a path the panel does not have."""
    if path in OBJECTS:
        return {"success": True, "data": copy.deepcopy(OBJECTS[path])}
    if path in LISTS:
        rows = copy.deepcopy(LISTS[path])
        return {"success": True, "data": rows, "meta": {"current_page": 1, "per_page": 100, "total": len(rows),
                                                        "total_pages": 1, "server_time": hostile.now_text()}}
    if path in RECORDS:
        return {"success": True, "data": copy.deepcopy(RECORDS[path])}
    return None


def encoded(body: Any) -> bytes:
    # allow_nan: a panel may well write NaN or Infinity (Python's json does); ensure_ascii keeps lone surrogates
    # as the \\ud800 escapes a panel would send.
    return json.dumps(body, allow_nan=True, default=str).encode()


def answering(faults: dict[str, bytes | Canned]):
    def answer(sent) -> Canned:
        fault = faults.get(sent.path)
        if isinstance(fault, Canned):
            return fault
        if fault is not None:
            return Canned(200, fault)
        body = healthy(sent.path)
        if body is None:
            return Canned(404, b'{"error": {"code": "not_found", "message": "Not found."}}')
        return Canned(200, encoded(body))
    return answer


def client_for(faults: dict[str, bytes | Canned], session: CannedSession | None = None) -> PanelClient:
    return PanelClient(ORIGIN, session=session or CannedSession(answering(faults)), sleep=lambda s: None,
                       max_retries=0)


# -- what a hostile panel sends ------------------------------------------------------------------------------------
NUMBER_TEXTS = ["NaN", "nan", "-NaN", "sNaN", "Infinity", "-Infinity", "inf", "1e999", "-1e999", "1E+30", "1e-999",
                "-0", "0e0", "99999999999999999999", "-5", "-0.01", "1.234567890123456789012345678",
                "0." + "0" * 30 + "1", "1_000", " 7 ", "\u0663", "\xb2", "\uff11\uff12", "", ".", "-", "+", "0x10",
                "1,5", "12.345.678", "9" * 70, "2147483648", "-2147483649", "1e3", "12.50 USD", "$9.99"]
DATE_TEXTS = ["2026-13-01", "2026-02-30", "0000-00-00", "0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00",
              "2026-01-01", "2026-01-01T00:00:00", "01/02/2026", "yesterday", "2026-W01", "20260101",
              "2026-01-01T25:00:00Z", "2026-01-01T00:00:00+99:00", "1970-01-01T00:00:00Z", "2026-1-1",
              "2026-01-01T00:00:00.123456789Z", "+002026-01-01", "2026-01-01 00:00:00+00:00",
              "\u0662\u0660\u0662\u0666-01-01"]
UNICODE_TEXTS = ["\u202eevil", "\u2066abc\u2069", "\ufeffBOM", "nul\x00byte", "\ud800", "e\u0301", "\U0001F600",
                 "\u200b", "<b>bold</b>", "{0}{}%s%n", "line\nbreak\r\ttab", "x" * 70_000, "\u0000" * 3,
                 "\U000E0001", "..", ".", "\u00a0", "Ω" * 17]
KEYS = ["id", "uuid", "status", "total", "amount", "price", "balance", "balance_due", "places", "code", "currency",
        "name", "lines", "payments", "items", "server", "config", "messages", "author", "body", "created_at",
        "updated_at", "due_date", "memory", "min", "max", "data", "meta", "success", "error", "total_pages",
        "server_time", "invoice_ids", "checkout_url", "valid", "due_now", "tax_rate", "rate", "pricing"]


def _deep(depth: int) -> Any:
    value: Any = []
    for _ in range(depth):
        value = [value]
    return value


SCALARS = st.one_of(
    st.none(), st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.sampled_from([0, -1, 1, 8, 9, 2**31, 2**63, -(2**63) - 1, 10**12, 10**12 - 1, 10**30]),
    st.sampled_from(["999999999999.999999999999999999999999", "0.000000000000000000000001", "-999999999999.99",
                     "100", "100.0000001", "0.5", "00000000000000000000000000001.5", "1e2", "5E-7"]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.decimals(allow_nan=False, allow_infinity=False, places=30).map(str),
    st.sampled_from(NUMBER_TEXTS), st.sampled_from(DATE_TEXTS), st.sampled_from(UNICODE_TEXTS),
    st.text(max_size=12),
)
GARBAGE = st.one_of(
    SCALARS,
    st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=3)
                 | st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=4), inner, max_size=3), max_leaves=8),
    st.sampled_from([_deep(40), _deep(200), {"data": []}, {"success": True}, [{}], {}]),
)


@st.composite
def mutated(draw, value: Any, depth: int = 0) -> Any:
    """`value` with one thing wrong somewhere inside it."""
    value = copy.deepcopy(value)
    if isinstance(value, dict) and value and depth < 6 and draw(st.integers(0, 3)) > 0:
        key = draw(st.sampled_from(sorted(value, key=str)))
        value[key] = draw(mutated(value[key], depth + 1))
        return value
    if isinstance(value, list) and value and depth < 6 and draw(st.integers(0, 3)) > 0:
        index = draw(st.integers(0, len(value) - 1))
        value[index] = draw(mutated(value[index], depth + 1))
        return value
    action = draw(st.sampled_from(["replace", "drop", "add", "duplicate"]))
    if action == "drop" and isinstance(value, dict) and value:
        del value[draw(st.sampled_from(sorted(value, key=str)))]
        return value
    if action == "add" and isinstance(value, dict):
        value[draw(st.sampled_from(KEYS) | st.text(max_size=6))] = draw(GARBAGE)
        return value
    if action == "duplicate" and isinstance(value, list) and value:
        return value + [copy.deepcopy(value[0])] * draw(st.integers(1, 3))
    return draw(GARBAGE)


NOT_ENVELOPES = st.one_of(
    GARBAGE.map(encoded),
    st.sampled_from([b"", b"null", b"[]", b'"ok"', b"{", b"<html>hi</html>", b'{"data": ', b"\xff\xfe{}",
                     b'{"success": false}', b'{"success": true}', b'{"data": {}, "data": []}',
                     b'{"error": "boom"}', b'{"error": {"code": 5, "message": ["x"]}}', b"NaN", b'{"data": NaN}',
                     b'{"data": 1e99999}', b"\xef\xbb\xbf{\"data\": {}}"]),
)


# What a real HTTP parser can hand over as a header's value: Latin-1, no line breaks.
HEADER_TEXT = st.text(st.characters(min_codepoint=0x20, max_codepoint=0xFF, exclude_characters="\x7f"), max_size=40)
ERRORS = st.builds(lambda code, message, details: {"error": {"code": code, "message": message, "details": details}},
                   st.sampled_from(["validation_error", "out_of_stock", "insufficient_credits", "coupon_invalid",
                                    "billing_disabled", "tickets_disabled", "forbidden", "unauthorized"]) | GARBAGE,
                   st.sampled_from(UNICODE_TEXTS) | GARBAGE, GARBAGE)


@st.composite
def answer_for(draw, path: str) -> bytes | Canned:
    """A hostile answer to `path`: mostly its healthy body with one thing wrong, sometimes no envelope at all,
    sometimes an error status with a garbled error, sometimes odd headers."""
    kind = draw(st.integers(0, 11))
    if kind == 0:
        return draw(NOT_ENVELOPES)
    if kind == 1:
        status = draw(st.sampled_from([201, 204, 301, 304, 400, 401, 402, 403, 404, 405, 409, 410, 418, 422, 429,
                                       500, 502, 503, 599]))
        body = draw(ERRORS.map(encoded) | NOT_ENVELOPES)
        headers = {"Content-Type": draw(st.sampled_from(["application/json", "text/html", "", "application/json; "
                                                         "charset=latin-1"])),
                   **draw(st.dictionaries(st.sampled_from(["Retry-After", "ETag", "Location"]), HEADER_TEXT))}
        return Canned(status, body, headers)
    body = healthy(path)
    if isinstance(body.get("data"), list):
        for row in body["data"]:                 # newer than the cache's copy: the sync writes it
            row["updated_at"] = LATER
    for _ in range(draw(st.integers(1, 3))):      # one thing wrong, or a few
        body = draw(mutated(body))
    if kind == 2:
        return Canned(200, encoded(body), {"Content-Type": "application/json", "ETag": draw(HEADER_TEXT)})
    return encoded(body)


# -- what the screens read, Qt-free ---------------------------------------------------------------------------------
def no_floats(value: Any, where: str = "") -> None:
    """Money stays Decimal (or the panel's decimal text) all the way: a float anywhere would round it."""
    stack = [(value, where)]
    while stack:
        item, at = stack.pop()
        assert not isinstance(item, float), f"a float at {at}: {item!r}"
        if isinstance(item, dict):
            stack.extend((v, f"{at}.{k}") for k, v in item.items())
        elif isinstance(item, list | tuple):
            stack.extend((v, f"{at}[{i}]") for i, v in enumerate(item))


def draw_columns(columns, rows: list[dict]) -> None:
    for row in rows:
        for column in columns:
            assert isinstance(column.text(row), str)
            column.sort_value(row)


def money_of(data: AccountData, value: Any) -> str:
    text = data.money(value)
    assert isinstance(text, str)
    return text


def read_invoice(data: AccountData, invoice: dict | None) -> None:
    if not invoice:
        return
    for key in ("subtotal", "tax_amount", "total", "balance_due", "discount", "credits_applied", "amount_paid"):
        money_of(data, invoice.get(key))
    rate_text(invoice.get("tax_rate"))
    format_date(invoice.get("issue_date")), format_date(invoice.get("due_date"))
    format_datetime(invoice.get("paid_at"))
    status_word(invoice.get("status"))
    for line in invoice.get("lines") or []:
        line_resources_text(line)
        cycle_label(line.get("billing_cycle"))
        money_of(data, line.get("unit_price")), money_of(data, line.get("amount"))
    for paid in invoice.get("payments") or []:
        money_of(data, paid.get("amount"))
        format_datetime(paid.get("created_at")), status_word(paid.get("status")), status_word(paid.get("method"))


def read_service(data: AccountData, service: dict | None) -> None:
    if not service:
        return
    service_status(service), service_status(service, compact=True)
    resources_text(service.get("config"))
    cycle_label(service.get("billing_cycle")), format_date(service.get("next_due_date"))
    money_of(data, service.get("recurring_amount"))
    server = service.get("server") or {}
    server_address_text(server.get("address"))
    manage_url_problem(server.get("manage_url"), ORIGIN)
    status_word(server.get("status"))
    cancellation = service.get("cancellation") or {}
    status_word(cancellation.get("status")), format_datetime(cancellation.get("created_at"))


def read_order(data: AccountData, order: dict | None) -> None:
    if not order:
        return
    products_text(order)
    status_word(order.get("status"))
    for key in ("subtotal", "discount", "tax_amount", "total"):
        money_of(data, order.get(key))
    for item in order.get("items") or []:
        line_resources_text(item)
        for key in ("unit_price", "setup_fee", "amount"):
            money_of(data, item.get(key))
    (order.get("coupon") or {}).get("code")


def read_ticket(ticket: dict | None) -> None:
    if not ticket:
        return
    status_text(ticket.get("status")), department_text(ticket.get("department"))
    format_date(ticket.get("last_reply_at") or ticket.get("created_at"))
    for message in ticket.get("messages") or []:
        format_datetime(message.get("created_at"))
        assert isinstance(message.get("body") or "", str)
        (message.get("author") or {}).get("name")


def screens_read(data: AccountData, cache: AccountCache) -> None:
    """What the screens draw of an account, without Qt: every list's columns, every record's page figures."""
    no_floats(data.__dict__, "data")
    assert isinstance(data.currency_code, str) and isinstance(data.places, int)
    assert all(isinstance(text, str) for text in data.document_parties)
    assert data.invoice_facts is not None and isinstance(data.payable_ids, tuple)
    credit_balance(data), credits_spendable(data)
    for key in ("total_due", "next_due_amount", "credit_balance"):
        money_of(data, data.dashboard.get(key))
    format_date(data.dashboard.get("next_due_date"))
    money_of(data, data.credits.get("balance"))
    draw_columns(invoice_columns(data.money, data.places), visible_invoices(data.invoices))
    draw_columns(service_columns(data.money, data.places), data.services)
    draw_columns(order_columns(data.money, data.places), with_invoices(data.orders, data.invoices))
    draw_columns(transaction_columns(data.money, data.places), data.credit_transactions)
    draw_columns(ticket_columns(), data.tickets)
    for note in data.notifications:
        format_datetime(note.get("created_at")), status_word(note.get("type"))
    try:
        low_credit(data.services, data.invoices, data.credits.get("balance"), date(2026, 1, 1), 14)
    except ValueError as exc:          # a MoneyError is a ValueError the notices feature expects
        assert type(exc).__module__.startswith("app."), repr(exc)
    for product in data.products:
        config_ranges(product)
        for price in product.get("pricing") or []:
            try:
                recurring_price(product, price.get("billing_cycle"), None)
            except PricingError:
                pass            # the product page says so in words
    cart = Cart.from_dicts([{"product_id": str(p.get("id")), "billing_cycle": "monthly", "quantity": 1}
                            for p in data.products[:2]])
    try:
        quote = local_quote(cart, data.products, data.billing_config)
        compare(quote, PREVIEW, data.places)
    except (PricingError, ValueError) as exc:
        assert type(exc).__module__.startswith("app."), repr(exc)
    for row in data.invoices:
        read_invoice(data, cache.invoice(str(row["id"])))
    # the notices, Go to, the all-accounts screens and the exports read the same rows
    panel_notices(data.notifications)
    due_reminders(data.invoices, date(2026, 1, 7), money=data.money)
    index = GoToIndex(go_to_entries(data, [], []), data.money)
    for typed in ("inv", "1", "small", "\u202e"):
        index.find(typed)
    rows = gather([("A", data)])
    for tagged in (rows.services, rows.invoices, rows.transactions, rows.orders, rows.tickets):
        assert isinstance(tagged, list)
    amounts_text(per_currency([(data.currency_code, Decimal(1))]), rows.money)
    records = AccountRecords("acct", "A", data.currency_code, data.places, cache.invoices(),
                             cache.credit_transactions())
    for kind in ("invoices", "payments", "credits"):
        table = build_table(kind, [records])
        total_rows(table, "Total")
    for service in data.services:
        read_service(data, service)
    for order in data.orders:
        read_order(data, order)
    for ticket in data.tickets:
        read_ticket(cache.ticket(str(ticket["id"])))


# -- the account: a cache synced from the healthy panel, copied for each example ------------------------------------
@pytest.fixture(scope="module")
def synced_cache(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("healthy") / "cache.sqlite3"
    with client_for({}) as client, AccountCache(path) as cache:
        SyncEngine(client, cache).run()
    with AccountCache(path) as cache:
        cache.close()          # a clean close folds the write-ahead log into the file: one file to copy
    return path


class Account:
    """A copy of the healthy account's cache in a folder of its own, removed afterwards."""

    def __init__(self, template: Path) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="sett-prop-"))
        self.path = self.folder / "cache.sqlite3"
        shutil.copy(template, self.path)

    def __enter__(self) -> Account:
        return self

    def __exit__(self, *exc: object) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)

    def rows(self) -> dict[str, list]:
        return rows_of(self.path)

    def read_back(self) -> AccountData:
        with AccountCache(self.path) as cache, cache.snapshot():
            data = load_account_data("acct", cache)
            screens_read(data, cache)
        return data


def refused_in_words(exc: BaseException) -> None:
    event(f"refused: {type(exc).__name__}")
    assert isinstance(exc, ApiError), f"not Sett's error: {exc!r}"
    assert str(exc).strip(), "a refusal without a sentence"


# -- the sync: each list and object it reads -------------------------------------------------------------------------
SYNCED = sorted([*OBJECTS, *LISTS, "/support/tickets/t-1"])


@st.composite
def sync_faults(draw) -> dict[str, bytes | Canned]:
    """One to three of a sync's answers hostile (an odd currency and odd amounts together, say)."""
    faults: dict[str, bytes | Canned] = {}
    for path in draw(st.lists(st.sampled_from(SYNCED), min_size=1, max_size=3, unique=True), label="paths"):
        faults[path] = draw(answer_for(path), label=path)
    if "/support/tickets/t-1" in faults and "/support/tickets" not in faults:
        # the ticket's detail is read only when its list row changed
        faults["/support/tickets"] = encoded({"data": [{**TICKET, "updated_at": LATER}]})
    return faults


@PROPERTY
@given(st.data())
def test_no_answer_a_sync_reads_breaks_the_account(synced_cache, data):
    with Account(synced_cache) as account:
        for _round in range(data.draw(st.integers(1, 2), label="syncs")):   # a second over what the first kept
            faults = data.draw(sync_faults())
            before = account.rows()
            try:
                with client_for(faults) as client, AccountCache(account.path) as cache:
                    SyncEngine(client, cache).run()
            except Exception as exc:  # noqa: BLE001 - the property is about which exceptions
                refused_in_words(exc)
                assert account.rows() == before, "a refused answer changed the cache"
            account.read_back()
        # and the next healthy sync mends it
        with client_for({}) as client, AccountCache(account.path) as cache:
            SyncEngine(client, cache).run()
        account.read_back()


# -- the records fetched on demand, through their operations ----------------------------------------------------------
class Ctx(Context):
    def __init__(self, client: PanelClient, cache: AccountCache, name: str) -> None:
        super().__init__("acct", lambda: client, name)
        self._cache = cache


ITEMS = [{"product_id": "prod-1", "billing_cycle": "monthly", "quantity": 1, "config": {}}]


def _fetch_invoice(ctx, data):
    read_invoice(data, invoice_ops.fetch_invoice(ctx, "inv-1"))


def _fetch_ticket(ctx, data):
    read_ticket(support.fetch_ticket(ctx, "t-1"))


def _fetch_service(ctx, data):
    service = ctx.client.service("svc-1")
    ctx.save("services", [service])
    read_service(data, service)


def _preview(ctx, data):
    answer = cart_ops.preview(ctx, {"items": ITEMS, "coupon_code": "SAVE10"})
    for key in ("subtotal", "discount", "tax_amount", "total", "credits_applied", "due_now"):
        money_of(data, answer.get(key))
    rate_text(answer.get("tax_rate"))
    quote = local_quote(Cart.from_dicts(ITEMS), data.products, data.billing_config)
    compare(quote, answer, data.places)


def _coupon(ctx, data):
    answer = cart_ops.validate_coupon(ctx, "SAVE10", ITEMS)
    money_of(data, answer.get("discount"))
    status_word(answer.get("reason"))


def _checkout(ctx, data):
    answer = payments.start(ctx, "order", {"items": ITEMS}, "stripe", True, "key-1")
    read_order(data, answer.get("order")), read_invoice(data, answer.get("invoice"))
    describe("order", "stripe", Outcome(answer["payment"], order=answer.get("order"),
                                        invoice=answer.get("invoice")), data.money)


def _pay_invoice(ctx, data):
    answer = payments.start(ctx, "invoice", {"invoice_id": "inv-1"}, "stripe", False, "key-2")
    describe("invoice", "stripe", Outcome(answer["payment"], invoice=answer.get("invoice")), data.money)


def _payment(ctx, data):
    outcome = payments.read_outcome(ctx, "pay-1")
    for invoice in outcome.invoices:
        read_invoice(data, invoice)
    read_order(data, outcome.order)
    for service in outcome.services:
        read_service(data, service)
    for kind in ("order", "invoice", "top_up"):
        describe(kind, "stripe", outcome, data.money)


def _cancel_order(ctx, data):
    read_order(data, payments.cancel_order(ctx, "ord-1", "key-3"))


ON_DEMAND = {
    "/billing/invoices/inv-1": _fetch_invoice,
    "/support/tickets/t-1": _fetch_ticket,
    "/billing/services/svc-1": _fetch_service,
    "/billing/orders/ord-1": _payment,
    "/billing/checkout/preview": _preview,
    "/billing/coupons/validate": _coupon,
    "/billing/checkout": _checkout,
    "/billing/invoices/inv-1/pay": _pay_invoice,
    "/billing/payments/pay-1": _payment,
    "/billing/orders/ord-1/cancel": _cancel_order,
}


@PROPERTY
@given(st.data())
def test_no_record_fetched_on_demand_breaks_the_account(synced_cache, data):
    path = data.draw(st.sampled_from(sorted(ON_DEMAND)), label="path")
    answer = data.draw(answer_for(path), label="answer")
    with Account(synced_cache) as account:
        before = account.rows()
        shown = account.read_back()
        session = CannedSession(answering({path: answer}))
        with client_for({}, session) as client, AccountCache(account.path) as cache:
            try:
                ON_DEMAND[path](Ctx(client, cache, path), shown)
            except Exception as exc:  # noqa: BLE001 - the property is about which exceptions
                refused_in_words(exc)
                if session.sent[-1].path == path:      # the hostile answer itself was refused
                    assert account.rows() == before, "a refused answer changed the cache"
                # else it was taken (and may be saved) and named a record the panel then did not have
        account.read_back()


# -- the checks alone, on many more shapes (cheap: no cache) -----------------------------------------------------------
def _read_started(account, answer):
    read_order(account, answer.get("order")), read_invoice(account, answer.get("invoice"))
    describe("order", "stripe", Outcome(answer["payment"], order=answer.get("order"), invoice=answer.get("invoice")),
             account.money)


def _read_amounts(*keys):
    def read(account, answer):
        for key in keys:
            money_of(account, answer.get(key))
    return read


SCHEMAS = [("invoice", "Invoice", INVOICE_DETAIL, read_invoice),
           ("service", "Service", SERVICE_DETAIL, read_service),
           ("order", "Order", ORDER_DETAIL, read_order),
           ("ticket", "TicketDetail", TICKET_DETAIL, lambda account, answer: read_ticket(answer)),
           ("payment", "Payment", PAYMENT, _read_amounts("amount")),
           ("checkout preview", "Preview", PREVIEW,
            _read_amounts("subtotal", "discount", "tax_amount", "total", "credits_applied", "due_now")),
           ("coupon check", "CouponCheck", COUPON, _read_amounts("discount")),
           ("checkout", "PaymentStarted", STARTED, _read_started),
           ("dashboard", "Dashboard", OBJECTS["/billing/dashboard"],
            _read_amounts("total_due", "next_due_amount", "credit_balance")),
           ("credits", "Credits", OBJECTS["/billing/credits"], _read_amounts("balance"))]


@settings(PROPERTY, max_examples=200)
@given(st.data())
def test_the_checks_accept_or_refuse_in_words(data):
    from app.api.envelope import data_of, parse_body
    from app.api.validate import checked

    resource, schema, healthy_value, read = data.draw(st.sampled_from(SCHEMAS), label="schema")
    value = data.draw(mutated(healthy_value), label="value")
    account = AccountData("acct", billing_config=OBJECTS["/billing/config"])
    try:
        answer = checked(resource, schema, data_of(parse_body(encoded({"data": value}))))
    except Exception as exc:  # noqa: BLE001 - the property is about which exceptions
        refused_in_words(exc)
        return
    no_floats(answer)
    read(account, answer)


# -- what the properties found ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("location", [b"\x80", b"https://panel.example/caf\xe9", b"\xff\xfe/"])
def test_a_redirect_to_an_address_that_is_not_utf8_is_not_a_panel(location, sleeps):
    # Before: requests reads a redirect's Location as UTF-8 even when told not to follow it, and a byte that is not
    # UTF-8 raised a bare UnicodeDecodeError out of every call: the sync failed "unexpectedly". Raw bytes from a
    # real socket, as a misconfigured proxy sends them.
    server = hostile.HostilePanel()
    try:
        def redirect(handler) -> None:
            handler.wfile.write(b"HTTP/1.1 302 Found\r\nLocation: " + location + b"\r\nContent-Length: 0\r\n"
                                b"Connection: close\r\n\r\n")
            handler.close_connection = True
        server.faults["/auth/me"] = redirect
        with PanelClient(server.url, sleep=sleeps, deadline=5.0, max_retries=0) as client, \
                pytest.raises(NotAPanel) as caught:
            client.me()
        assert "redirects to an address that is not valid text" in str(caught.value)
    finally:
        server.close()


# -- the other answers the client reads: signing in, checking an address, the billing profile, actions ----------------
LOGIN = {"access_token": "a" * 32, "refresh_token": "r" * 32, "token_type": "bearer", "expires_in": 900,
         "user": {"id": "u-1", "email": "a@example.com"}}
OTHER_CALLS = {
    "/auth/login": (LOGIN, lambda c: c.login("a@example.com", "pw")),
    "/auth/2fa/verify": ({**LOGIN, "requires_2fa": False}, lambda c: c.verify_2fa("t", "123456")),
    "/settings/public": (OBJECTS["/settings/public"], None),        # probe, below
    "/account/billing-profile": ({"company": "", "address_lines": ["1 Road"], "country": "DE", "tax_id": ""},
                                 lambda c: c.billing_profile()),
    "/billing/services/svc-1/invoices": (None, lambda c: c.service_invoices("svc-1")),
    "/sync/state": ({"version": "v1", "server_time": "2026-01-01T00:00:00Z"}, lambda c: c.sync_state()),
    "/support/tickets": (TICKET_DETAIL, lambda c: c.open_ticket(subject="Help", department="billing", body="Hi",
                                                                key="k")),
    "/support/tickets/t-1/replies": (TICKET_DETAIL["messages"][0], lambda c: c.reply_ticket("t-1", "Hi", key="k")),
    "/support/tickets/t-1/close": ({**TICKET_DETAIL, "status": "closed"}, lambda c: c.close_ticket("t-1")),
    "/billing/services/svc-1/cancel": ({"id": "c-1", "status": "pending"},
                                       lambda c: c.request_cancellation("svc-1", type="immediate", reason="r")),
    "/billing/credits/top-up": (STARTED, lambda c: c.top_up("10.00", payment_method="stripe", return_url=None,
                                                           cancel_url=None, key="k")),
    "/billing/invoices/pay": (STARTED, lambda c: c.pay_invoices(["inv-1"], payment_method="credits", key="k")),
    "/billing/invoices/inv-1/cancel": (INVOICE_DETAIL, lambda c: c.cancel_top_up("inv-1", key="k")),
}


@PROPERTY
@given(st.data())
def test_no_other_answer_raises_anything_but_setts_errors(data):
    from app.api import probe

    path = data.draw(st.sampled_from(sorted(OTHER_CALLS)), label="path")
    value, call = OTHER_CALLS[path]
    if value is None:        # a list: its page
        value = healthy("/billing/invoices")["data"]
        body = {"data": value, "meta": {"current_page": 1, "total_pages": 1}}
    else:
        body = {"success": True, "data": copy.deepcopy(value)}
    kind = data.draw(st.integers(0, 9), label="kind")
    if kind == 0:
        answer = data.draw(NOT_ENVELOPES, label="answer")
    else:
        for _ in range(data.draw(st.integers(1, 3))):
            body = data.draw(mutated(body), label="body")
        answer = encoded(body)
    session = CannedSession(answering({path: answer}))
    account = AccountData("acct", billing_config=OBJECTS["/billing/config"])
    try:
        if call is None:
            got = probe(ORIGIN, session=session, sleep=lambda s: None, max_retries=0)
            assert isinstance(got, dict)
            return
        with client_for({}, session) as client:
            got = call(client)
            if path.startswith("/auth/"):
                client.me()                     # the tokens it took can be sent
                got = (got.user or {}).get("email")
                str(got)
                return
    except Exception as exc:  # noqa: BLE001 - the property is about which exceptions
        refused_in_words(exc)
        return
    no_floats(got)
    if path.endswith("/invoices"):
        draw_columns(invoice_columns(account.money, account.places), got)
    elif isinstance(got, dict) and "payment" in got:
        _read_started(account, got)
    elif path.startswith("/support/tickets"):
        read_ticket(got if "messages" in got else {"messages": [got]})
    elif path == "/billing/invoices/inv-1/cancel":
        read_invoice(account, got)


@pytest.mark.parametrize(("schema", "answer", "path"), [
    ("TicketMessage", {"id": "m-1", "body": 1}, ("body",)),
    ("TicketDetail", {**TICKET_DETAIL, "messages": [{"id": "m-1", "body": 10**30}]}, ("messages", 0, "body")),
    ("BillingProfile", {"company": 7, "address_lines": [1], "country": 49, "tax_id": 123}, ("company",)),
])
def test_a_number_in_a_required_text_field_arrives_as_its_text(schema, answer, path):
    # Before: only optional text fields (`name: Text | None`) were found as text; a required one (a message's
    # `body: Text`) is plain `str` to pydantic, so a reply's or a fetched ticket's body of 1 reached the ticket page
    # (which does not read it through the cache) as an int.
    from app.api.validate import checked

    inner = checked("record", schema, copy.deepcopy(answer))
    for step in path:
        inner = inner[step]
    assert isinstance(inner, str)
