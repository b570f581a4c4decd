"""What a broken or unusual panel may answer, met by the real client, sync engine and cache with canned answers (no
sockets): each is read, or refused in words with the cache as it was. The contract allows some of these (money as
JSON numbers, the `"success"` flag, ids as numbers, 304s, Retry-After as a date, a status Sett does not know); the
rest only a broken panel sends (`"success": false` with no error, a 304 to a request that compared nothing, a row
listed twice)."""
from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from app.api import ApiError, BadAnswer, Conflict, NotAPanel, NotFound, PanelClient, panel_may_have_acted
from app.api.envelope import error_from
from app.cache import AccountCache, CacheChanges
from app.core.status_words import status_word
from app.session.data import load_account_data
from app.session.wording import explain
from app.sync.engine import SyncEngine, one_per_id

from . import hostile
from .canned_session import Canned, CannedSession

INVOICES = hostile.LIST_ROWS["/billing/invoices"]
LATER = "2026-03-01T00:00:00Z"


def now_text() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def body(value, status: int = 200, **headers: str) -> Canned:
    raw = value if isinstance(value, bytes) else json.dumps(value).encode()
    return Canned(status, raw, {"Content-Type": "application/json", **headers})


def rows(items: list, **meta) -> Canned:
    return body({"success": True, "data": items,
                 "meta": {"current_page": 1, "total_pages": 1, "server_time": now_text(), **meta}})


class Panel:
    """A healthy panel (tests/client/hostile.py's answers) unless `answers[path]` says otherwise: a `Canned`, a
    list of them answered in turn (the last one again), or a function of the request."""

    def __init__(self) -> None:
        self.answers: dict = {}
        self.session = CannedSession(self.answer)

    def answer(self, sent) -> Canned:
        got = self.answers.get(sent.path)
        if isinstance(got, list):
            return got.pop(0) if len(got) > 1 else got[0]
        if callable(got):
            return got(sent)
        if got is not None:
            return got
        if sent.path == "/sync/state":
            return body({"data": {"version": now_text(), "server_time": now_text()}})
        healthy = hostile.healthy_body(sent.path)
        return body(healthy) if healthy is not None else body({"error": {"code": "not_found"}}, 404)

    def asked(self, path: str) -> int:
        return sum(1 for sent in self.session.sent if sent.path == path)


class Account:
    def __init__(self, path) -> None:
        self.path = path
        self.panel = Panel()
        self.waits: list[float] = []

    def sync(self):
        with PanelClient("http://panel.test", session=self.panel.session, sleep=self.waits.append) as client, \
                AccountCache(self.path) as cache:
            return SyncEngine(client, cache).run()

    def data(self):
        with AccountCache(self.path) as cache:
            return load_account_data("a", cache)

    def dump(self) -> list:
        conn = sqlite3.connect(self.path)
        try:
            return [conn.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()    # noqa: S608 - our names
                    for table in ("invoices", "services", "config", "sync_state")]
        finally:
            conn.close()


@pytest.fixture
def account(tmp_path) -> Account:
    made = Account(tmp_path / "cache.sqlite3")
    made.sync()
    made.panel.session.sent.clear()
    return made


def refused_unchanged(account: Account, kind: type[Exception] = BadAnswer) -> Exception:
    before = account.dump()
    with pytest.raises(kind) as caught:
        account.sync()
    assert account.dump() == before
    headline, detail = explain(caught.value)
    assert headline and "Traceback" not in headline + detail
    return caught.value


# -- "success": false ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("answer", [{"success": False}, {"success": False, "error": None},
                                    {"success": False, "data": INVOICES}])
def test_a_failure_without_its_error_under_200_says_so_and_changes_nothing(account, answer):
    account.panel.answers["/billing/invoices"] = body(answer)
    error = refused_unchanged(account)
    assert '"success": false' in str(error) and "without saying why" in str(error)
    assert "not look like a billing panel" not in str(error)
    assert panel_may_have_acted(error)      # a keyed action answered so keeps its key: nothing says it was refused


@pytest.mark.parametrize(("status", "kind", "definite"), [(404, NotFound, True), (409, Conflict, True),
                                                          (400, ApiError, False)])
def test_a_failure_without_its_error_under_a_4xx_is_that_status_refusal(status, kind, definite):
    error = error_from(status, b'{"success": false}', {})
    assert type(error) is kind and error.status == status and error.code is None
    assert str(error) and "{" not in str(error)
    assert panel_may_have_acted(error) is not definite


def test_the_error_shape_with_success_false_reads_as_before():
    error = error_from(200, b'{"success": false, "error": {"code": "not_found", "message": "Gone."}}', {})
    assert type(error) is NotFound and str(error) == "Gone."
    assert type(error_from(502, b'{"success": false}', {})).__name__ == "ServerError"
    assert error_from(429, b'{"success": false}', {"Retry-After": "7"}).retry_after == 7


# -- money as JSON numbers ----------------------------------------------------------------------------------------
def invoice_answer(**fields) -> Canned:
    row = {**INVOICES[0], "id": "inv-9", "invoice_number": "INV-9", "status": "pending", "updated_at": LATER}
    text = json.dumps({"data": [row], "meta": {"current_page": 1, "total_pages": 1, "server_time": now_text()}})
    for name, raw in fields.items():     # written into the JSON as sent: 1e2 stays 1e2, -0 stays -0
        text = text.replace(f'"{name}": "{row[name]}"', f'"{name}": {raw}')
    return body(text.encode())


@pytest.mark.parametrize(("raw", "stored", "shown"), [
    ("1e2", "100", "$100.00"), ("-0", "0", "$0.00"), ("-0.0", "-0.0", "$0.00"), ("12.3456", "12.3456", "$12.35"),
    ("999999999999.99", "999999999999.99", "$999,999,999,999.99"),
])
def test_money_sent_as_a_json_number_is_kept_exactly(account, raw, stored, shown):
    account.panel.answers["/billing/invoices"] = invoice_answer(total=raw, balance_due=raw)
    account.sync()
    data = account.data()
    row = next(r for r in data.invoices if r["id"] == "inv-9")
    assert row["total"] == stored and row["balance_due"] == stored
    assert data.money(row["total"]) == shown


@pytest.mark.parametrize(("raw", "kind"), [
    ("1e12", BadAnswer), ("1e20", BadAnswer), ("-5", BadAnswer), ("1e-30", BadAnswer), ('"NaN"', BadAnswer),
    ('"Infinity"', BadAnswer), ('"-inf"', BadAnswer), ('"1,000.00"', BadAnswer), ('"1e2"', BadAnswer),
    ("NaN", NotAPanel), ("Infinity", NotAPanel), ("1e999999", BadAnswer),
])
def test_money_no_panel_means_is_refused_by_name_and_changes_nothing(account, raw, kind):
    account.panel.answers["/billing/invoices"] = invoice_answer(total=raw)
    error = refused_unchanged(account, kind)
    assert isinstance(error, BadAnswer) is (kind is BadAnswer)
    if kind is BadAnswer and raw != "1e999999":
        assert error.field == "[0].total"


# -- lists and their meta -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("meta", [
    {"total_pages": 0}, {"current_page": 4, "total_pages": 2}, {"per_page": 500, "total": 2},
    {"total_pages": None}, {"current_page": None},
])
def test_odd_paging_reads_the_rows_it_has_and_asks_for_no_page_past_the_last(account, meta):
    changed = [{**row, "updated_at": LATER} for row in INVOICES]
    pages = [rows(changed, **meta), rows([], **meta)]
    account.panel.answers["/billing/invoices"] = pages
    account.sync()
    assert {r["id"] for r in account.data().invoices} == {"inv-1", "inv-2"}
    assert account.panel.asked("/billing/invoices") <= 2


def test_a_list_without_meta_is_one_page(account):
    account.panel.answers["/billing/invoices"] = body({"data": [{**INVOICES[0], "updated_at": LATER}]})
    account.sync()
    assert account.panel.asked("/billing/invoices") == 1


def test_a_row_listed_twice_is_kept_once_as_changed_last(account):
    older = {**INVOICES[0], "total": "1.00", "balance_due": "0.00", "updated_at": "2026-02-01T00:00:00Z"}
    newer = {**INVOICES[0], "total": "2.00", "balance_due": "0.00", "updated_at": "2026-02-02T00:00:00Z"}
    for listed in ([older, newer], [newer, older]):
        account.panel.answers["/billing/invoices"] = rows(listed)
        changes = account.sync()
        assert changes.counts["invoices"] == 1
        assert next(r for r in account.data().invoices if r["id"] == "inv-1")["total"] == "2.00"
        account.panel.answers["/billing/invoices"] = rows([{**older, "updated_at": "2026-01-15T00:00:00Z"}])
        account.sync()        # back to another version before the next round


def test_one_per_id_keeps_order_and_the_later_copy_on_a_tie():
    first, second, again = {"id": 1, "n": 1}, {"id": "2", "n": 2}, {"id": "1", "n": 3}
    assert one_per_id([first, second, again]) == [again, second]
    assert one_per_id([first, second]) == [first, second]


def test_a_ticket_listed_twice_is_read_whole_once(account):
    ticket = {"id": "t-1", "ticket_number": "TKT-1", "subject": "Help", "status": "open", "department": "billing",
              "related": {"invoice_id": None, "service_id": None}, "created_at": LATER, "updated_at": LATER}
    account.panel.answers["/settings/public"] = body({"data": {**hostile.OBJECTS["/settings/public"],
                                                               "tickets_enabled": True}})
    account.panel.answers["/support/tickets"] = rows([ticket, ticket])
    account.panel.answers["/support/tickets/t-1"] = body({"data": {**ticket, "messages": []}})
    account.sync()
    assert account.panel.asked("/support/tickets/t-1") == 1
    assert [t["id"] for t in account.data().tickets] == ["t-1"]


# -- 304 ----------------------------------------------------------------------------------------------------------
def test_a_list_answered_304_to_its_tag_is_unchanged_and_costs_one_request(account):
    def invoices(sent) -> Canned:
        if sent.headers.get("If-None-Match") == '"t-1"':
            return Canned(304, b"", {"ETag": '"t-1"'})
        tagged = rows([{**INVOICES[0], "updated_at": LATER}])
        tagged.headers["ETag"] = '"t-1"'
        return tagged

    account.panel.answers["/billing/invoices"] = invoices
    assert "invoices" in account.sync().resources
    account.panel.answers["/sync/state"] = body({"data": {"version": "v-new", "server_time": now_text()}})
    before = account.dump()[0]
    account.panel.session.sent.clear()
    changes = account.sync()
    assert "invoices" not in changes.resources and account.dump()[0] == before
    assert account.panel.asked("/billing/invoices") == 1


@pytest.mark.parametrize("path", ["/billing/invoices", "/billing/config"])
def test_a_304_to_a_request_that_compared_nothing_is_refused_in_words(account, path):
    account.panel.answers["/sync/state"] = body({"data": {"version": "v-new", "server_time": now_text()}})
    account.panel.answers[path] = lambda sent: (
        rows(INVOICES) if sent.headers.get("If-None-Match") else Canned(304, b"", {}))
    if path == "/billing/invoices":     # the first page asks with its tag: the 304 comes to page 2
        account.panel.answers[path] = [rows([{**INVOICES[0], "updated_at": LATER}], total_pages=2),
                                       Canned(304, b"", {})]
    error = refused_unchanged(account)
    assert "304" in str(error) and "empty body" not in str(error)


# -- 429 ----------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("retry_after", ["7", "date"])
def test_a_rate_limit_waits_as_long_as_the_panel_says_in_seconds_or_as_a_date(account, retry_after):
    header = (format_datetime(datetime.now(UTC) + timedelta(seconds=30), usegmt=True) if retry_after == "date"
              else retry_after)
    limited = body({"error": {"code": "rate_limited", "message": "Slow down."}}, 429, **{"Retry-After": header})
    account.panel.answers["/billing/invoices"] = [limited, rows([{**INVOICES[0], "updated_at": LATER}])]
    account.sync()
    assert len(account.waits) == 1
    assert (account.waits[0] == 7) if retry_after == "7" else 25 <= account.waits[0] <= 30


# -- ids, times and statuses --------------------------------------------------------------------------------------
def test_ids_sent_as_numbers_are_kept_and_found_by_their_text(account):
    row = {**INVOICES[0], "id": 12, "invoice_number": "INV-12", "order_id": 7, "updated_at": LATER}
    account.panel.answers["/billing/invoices"] = rows([row])
    account.sync()
    with AccountCache(account.path) as cache:
        assert cache.invoice("12")["invoice_number"] == "INV-12"


@pytest.mark.parametrize("stamp", ["2026-03-01T00:00:00", "2026-03-01 00:00", "yesterday"])
def test_a_time_without_a_zone_is_refused_by_name(account, stamp):
    account.panel.answers["/billing/invoices"] = rows([{**INVOICES[0], "updated_at": stamp}])
    assert refused_unchanged(account).field == "[0].updated_at"


def test_a_time_with_an_offset_is_read(account):
    account.panel.answers["/billing/invoices"] = rows([{**INVOICES[0], "updated_at": "2026-03-01T02:00:00+02:00",
                                                        "paid_at": "2026-02-28T19:00:00-05:00"}])
    account.sync()
    assert any(r["paid_at"] == "2026-02-28T19:00:00-05:00" for r in account.data().invoices)


def test_statuses_sett_does_not_know_are_shown_in_words_and_never_payable(account):
    account.panel.answers["/billing/invoices"] = rows([{**INVOICES[0], "status": "partially_paid",
                                                        "balance_due": "3.00", "updated_at": LATER}])
    account.panel.answers["/billing/services"] = rows([{**hostile.LIST_ROWS["/billing/services"][0],
                                                        "status": "provisioning", "updated_at": LATER}])
    account.sync()
    data = account.data()
    assert {r["status"] for r in data.invoices} == {"partially_paid", "paid"}
    assert [s["status"] for s in data.services] == ["provisioning"]
    assert status_word("partially_paid") == "Partially paid" and status_word("provisioning") == "Provisioning"
    assert "inv-1" not in data.payable_ids


# -- the currency changing during a sync --------------------------------------------------------------------------
EURO_CONFIG = {**hostile.OBJECTS["/billing/config"], "currency": {"code": "EUR", "symbol": "€", "places": 2}}
EURO_CREDITS = {**hostile.OBJECTS["/billing/credits"], "currency": "eur"}


def test_a_currency_changed_between_the_config_and_the_credits_is_read_again(account):
    # The operator switched to euros after billing_config was read and before credits were: the balance would have
    # been written with the dollar's symbol until the next sync.
    account.panel.answers["/billing/config"] = [body({"data": hostile.OBJECTS["/billing/config"]}),
                                                body({"data": EURO_CONFIG})]
    account.panel.answers["/billing/credits"] = body({"data": EURO_CREDITS})
    account.sync()
    data = account.data()
    assert data.currency_code == "EUR" and data.credits["currency"] == "EUR"
    assert account.panel.asked("/billing/config") == 2 and account.panel.asked("/billing/credits") == 2


def test_a_panel_whose_answers_keep_disagreeing_is_asked_once_more_and_kept_as_it_answered(account):
    account.panel.answers["/billing/credits"] = body({"data": EURO_CREDITS})
    account.sync()
    data = account.data()
    assert data.currency_code == "USD" and data.credits["currency"] == "EUR"
    assert account.panel.asked("/billing/config") == 2 and account.panel.asked("/billing/credits") == 2


def test_credits_in_the_panels_currency_cost_no_second_read(account):
    account.panel.answers["/billing/credits"] = body({"data": {**hostile.OBJECTS["/billing/credits"],
                                                               "currency": "usd"}})
    account.sync()
    assert account.panel.asked("/billing/config") == 1 and account.panel.asked("/billing/credits") == 1


# -- rows without updated_at ----------------------------------------------------------------------------------------
def test_a_row_without_updated_at_is_written_again_when_it_changes_and_only_then(account):
    bare = {k: v for k, v in INVOICES[0].items() if k != "updated_at"}
    pending = {**bare, "status": "pending", "balance_due": "9.99"}
    account.panel.answers["/billing/invoices"] = rows([pending])
    assert account.sync().counts.get("invoices") == 1
    assert account.sync().counts.get("invoices") is None          # listed again unchanged: not a change
    account.panel.answers["/billing/invoices"] = rows([{**bare, "status": "paid", "balance_due": "0.00"}])
    assert account.sync().counts.get("invoices") == 1              # compared by stamp, None equalled None
    assert next(r for r in account.data().invoices if r["id"] == "inv-1")["status"] == "paid"


def test_a_notification_without_updated_at_read_elsewhere_shows_read(account):
    note = hostile.LIST_ROWS["/notifications"][0]
    assert "updated_at" not in note
    account.panel.answers["/notifications"] = rows([{**note, "read": True}])
    account.sync()
    assert next(n for n in account.data().notifications if n["uuid"] == "n-1")["read"] is True


@pytest.mark.parametrize("answer", [Canned(304, b"", {}), body({"data": {"version": None, "server_time": LATER}}),
                                    body({"data": [1, 2]}), body({"success": False})],
                         ids=["304-to-no-tag", "null-version", "a-list", "success-false"])
def test_a_change_check_sett_cannot_use_gives_way_to_the_full_sync(account, answer):
    # The check is a shortcut: a broken one stopped every sync of the account for good.
    with AccountCache(account.path) as cache:         # no version kept, so no tag is sent with the check
        cache.apply(CacheChanges(config={"sync_version": None}))
    account.panel.answers["/sync/state"] = answer
    account.panel.answers["/billing/invoices"] = rows([{**INVOICES[0], "status": "refunded", "updated_at": LATER}])
    account.sync()
    assert next(r for r in account.data().invoices if r["id"] == "inv-1")["status"] == "refunded"
    with AccountCache(account.path) as cache:
        assert not cache.config("sync_version")      # nothing kept from it: the next poll asks again


def test_a_page_in_place_of_the_change_check_still_stops_the_sync(account):
    # A captive portal's sign-in page is no panel at all: nothing else it answers would be the panel's either.
    account.panel.answers["/sync/state"] = body(b"<html>Sign in to the Wi-Fi</html>")
    refused_unchanged(account, NotAPanel)


# -- true/false sent as numbers or words --------------------------------------------------------------------------
def test_true_and_false_sent_as_numbers_or_words_are_read_as_what_they_say(account):
    from app.core.cart import tax_rule_of

    account.panel.answers["/billing/config"] = body({"data": {**hostile.OBJECTS["/billing/config"],
                                                              "tax": {"enabled": "1", "rate": "20",
                                                                      "inclusive": "false"}}})
    product = hostile.LIST_ROWS["/billing/products"][0]
    account.panel.answers["/billing/products"] = rows([{**product, "archived": "false", "in_stock": 0,
                                                        "updated_at": LATER}])
    account.panel.answers["/notifications"] = rows([{**hostile.LIST_ROWS["/notifications"][0], "read": "0"}])
    account.sync()
    data = account.data()
    rule = tax_rule_of(data.billing_config)
    assert rule.enabled is True and rule.inclusive is False       # "false" was read as tax included
    assert [(p["id"], p["archived"], p["in_stock"]) for p in data.products] == [("prod-1", False, False)]
    assert [n["read"] for n in data.notifications] == [False]     # "0" showed as read
    account.panel.answers["/billing/products"] = rows([{**product, "archived": "yes", "updated_at": "2026-04-01"
                                                        "T00:00:00Z"}])
    account.sync()
    assert account.data().products == []                           # archived as said


def test_the_cache_reads_every_true_false_the_answers_have_and_old_rows_as_what_they_say(tmp_path):
    from pydantic import BaseModel

    from app.api import schemas
    from app.core.panel_text import BOOL_FIELDS

    declared = {name for item in vars(schemas).values() if isinstance(item, type) and issubclass(item, BaseModel)
                for name, field in item.model_fields.items()
                if field.annotation is bool or bool in getattr(field.annotation, "__args__", ())}
    assert declared <= BOOL_FIELDS
    with AccountCache(tmp_path / "cache.sqlite3") as cache:       # as an older Sett kept a panel's words
        cache.apply(CacheChanges(upserts={"notifications": [{"uuid": "n-1", "read": "false"}]},
                                 config={"billing_config": {"tax": {"enabled": "true", "inclusive": "no"}}}))
        assert cache.notifications()[0]["read"] is False
        assert cache.config("billing_config")["tax"] == {"enabled": True, "inclusive": False}


def test_rows_whose_times_carry_offsets_are_listed_in_time_order(account):
    # 09:30+02:00 is 07:30 UTC, before 08:00Z: ordered by their text, it came first (the newest), and the balance
    # the screens fall back on without a credits answer is the newest transaction's.
    older = {"id": "ct-a", "amount": "5.00", "type": "adjustment", "balance_after": "10.00",
             "created_at": "2026-03-01T09:30:00+02:00", "updated_at": LATER}
    newer = {"id": "ct-b", "amount": "-2.00", "type": "payment", "balance_after": "8.00",
             "created_at": "2026-03-01T08:00:00.000000Z", "updated_at": LATER}
    account.panel.answers["/billing/credits/transactions"] = rows([older, newer])
    account.sync()
    listed = [t["id"] for t in account.data().credit_transactions]
    assert listed.index("ct-b") < listed.index("ct-a")
    assert next(t for t in account.data().credit_transactions if t["id"] == "ct-a")["created_at"] == \
        "2026-03-01T09:30:00+02:00"                                  # the row keeps its time as sent


def test_an_empty_page_ends_the_paging_whatever_total_pages_claimed(account):
    claimed = rows([{**INVOICES[0], "updated_at": LATER}], total_pages=1999)
    account.panel.answers["/billing/invoices"] = [claimed, rows([], total_pages=1999)]
    account.sync()
    assert account.panel.asked("/billing/invoices") == 2          # page 1 and the empty page 2: not 1,999 requests
    assert next(r for r in account.data().invoices if r["id"] == "inv-1")["updated_at"] == LATER


def test_a_list_read_whole_outside_a_sync_stops_at_an_empty_page_too():
    answers = [rows([INVOICES[0]], total_pages=500), rows([], total_pages=500)]
    session = CannedSession(lambda sent: answers.pop(0) if len(answers) > 1 else answers[0])
    with PanelClient("http://panel.test", session=session, sleep=lambda s: None) as client:
        assert [r["id"] for r in client.service_invoices("svc-1")] == ["inv-1"]
    assert len(session.sent) == 2


def test_a_page_past_the_first_answered_404_ends_the_paging(account):
    account.panel.answers["/billing/invoices"] = [rows([{**INVOICES[0], "updated_at": LATER}], total_pages=3),
                                                  body({"error": {"code": "not_found", "message": "No page 2."}}, 404)]
    account.sync()
    assert account.panel.asked("/billing/invoices") == 2
    assert next(r for r in account.data().invoices if r["id"] == "inv-1")["updated_at"] == LATER
