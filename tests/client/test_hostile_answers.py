"""A panel that answers garbage the other hostile tests do not send: ids that would climb a URL path, JSON nested
hundreds of levels deep, error messages and details of megabytes. Each ends in a typed error in words (never a
bare ValueError or RecursionError), the cache is exactly as before, and the next healthy sync succeeds.
Real sockets on 127.0.0.1 (tests/client/hostile.py)."""
from __future__ import annotations

import json
import sqlite3

import pytest

from app.api import BadAnswer, NotAPanel, PanelClient, ValidationFailed
from app.api.limits import MAX_ERROR_DETAIL_TEXT, MAX_ERROR_DETAILS, MAX_ERROR_MESSAGE
from app.api.paths import invoice_of, segment, service_of, ticket_of
from app.cache import AccountCache
from app.sync import SyncEngine

from . import hostile
from .hostile import HostilePanel, data, page, raw

INVOICE = hostile.LIST_ROWS["/billing/invoices"][0]
SETTINGS = hostile.OBJECTS["/settings/public"]
TICKET = {"id": "t-1", "ticket_number": "T-1", "subject": "Help", "status": "open", "department": "billing",
          "updated_at": "2026-01-01T00:00:00Z"}
TICKET_DETAIL = {**TICKET, "messages": [{"id": "m-1", "author": {"name": "Me", "staff": False}, "body": "Hi",
                                         "created_at": "2026-01-01T00:00:00Z"}]}


@pytest.fixture
def panel():
    server = HostilePanel()
    # tickets on, with one healthy ticket, so the sync also reads a ticket's detail by its id
    server.faults["/settings/public"] = data({**SETTINGS, "tickets_enabled": True})
    server.faults["/support/tickets"] = page([TICKET])
    server.faults["/support/tickets/t-1"] = data(TICKET_DETAIL)
    yield server
    server.close()


@pytest.fixture
def account(panel, tmp_path, sleeps):
    class Account:
        path = tmp_path / "cache.sqlite3"
        healthy = dict(panel.faults)

        def sync(self):
            with PanelClient(panel.url, sleep=sleeps, deadline=5.0) as client, AccountCache(self.path) as cache:
                return SyncEngine(client, cache).run()

        def rows(self) -> dict[str, list]:
            conn = sqlite3.connect(self.path)
            try:
                tables = [name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
                return {t: conn.execute(f"SELECT * FROM [{t}] ORDER BY 1").fetchall() for t in sorted(tables)}
            finally:
                conn.close()

    made = Account()
    made.sync()
    return made


def fails_and_changes_nothing(account, panel, error: type[Exception]) -> Exception:
    before = account.rows()
    with pytest.raises(error) as caught:
        account.sync()
    assert type(caught.value).__module__.startswith("app."), "a panel's garbage must end in Sett's own error"
    assert account.rows() == before, "a failed sync changed the cache"
    panel.faults.clear()
    panel.faults.update(account.healthy)
    account.sync()
    return caught.value


# -- ids that would climb the path they are put in ----------------------------------------------------------------
@pytest.mark.parametrize("bad_id", ["..", ".", "inv\n1", "inv\r\nX-Injected: 1", "a\x00b"])
def test_an_id_that_cannot_name_a_record_is_a_bad_answer_naming_it(account, panel, bad_id):
    panel.faults["/billing/invoices"] = page([{**INVOICE, "id": bad_id}])
    error = fails_and_changes_nothing(account, panel, BadAnswer)
    assert error.field == "[0].id"
    assert "does not understand" in str(error)


def test_a_ticket_whose_id_is_dot_dot_stops_the_sync_in_words_before_its_detail_is_asked(account, panel):
    # Before: the list passed, then reading the ticket's detail raised a bare ValueError from `segment`, which
    # the app shows as "Sync failed unexpectedly" with a traceback in the log, on every sync.
    panel.faults["/support/tickets"] = page([{**TICKET, "id": "..", "updated_at": "2026-01-02T00:00:00Z"}])
    error = fails_and_changes_nothing(account, panel, BadAnswer)
    assert (error.resource, error.field) == ("tickets", "[0].id")


def test_ids_with_path_characters_stay_one_quoted_segment():
    assert segment("../../x") == "..%2F..%2Fx"
    assert segment("%2F") == "%252F"
    assert segment("a?b#c") == "a%3Fb%23c"
    for bad in ("..", ".", ""):
        with pytest.raises(ValueError):
            segment(bad)


@pytest.mark.parametrize("url", ["/billing/invoices/..", "https://panel.example/billing/services/.",
                                 "/support/tickets/../../admin", "sett-evil://billing/invoices/.."])
def test_a_notification_link_to_dot_dot_names_no_record(url):
    assert invoice_of(url) is None and service_of(url) is None and ticket_of(url) is None


def test_a_notification_link_names_its_record_as_written():
    assert invoice_of("/billing/invoices/inv-1?x=1") == "inv-1"
    assert service_of("https://panel.example/billing/services/s%2F1") == "s%2F1"
    assert ticket_of({"not": "a url"}) is None and invoice_of(5) is None   # Text lets a number through as sent


# -- JSON nested deeper than any panel sends ----------------------------------------------------------------------
@pytest.mark.parametrize("depth", [40, 900])
def test_a_row_nested_hundreds_deep_is_refused_before_it_reaches_the_cache(account, panel, depth):
    # Before: a 900-deep value in a row was stored, and reading the account's cache a few frames deeper than the
    # sync wrote it raised RecursionError (json's reader recurses): the account's saved data became unreadable.
    row = json.dumps({**INVOICE, "updated_at": "2026-01-02T00:00:00Z"})[:-1]
    body = '{"data": [' + row + ', "extra": ' + "[" * depth + "]" * depth + '}], "meta": {"total_pages": 1}}'
    panel.faults["/billing/invoices"] = raw(200, body.encode())
    error = fails_and_changes_nothing(account, panel, BadAnswer)
    assert "nested more than" in str(error)


def test_the_contracts_own_nesting_passes(account, panel):
    detail = {**INVOICE, "updated_at": "2026-01-02T00:00:00Z",
              "lines": [{"description": "VPS", "config": {"memory": 1024, "extra": {"a": [[{"b": [1]}]]}}}]}
    panel.faults["/billing/invoices"] = page([detail])
    account.sync()
    with AccountCache(account.path) as cache:
        assert cache.invoice("inv-1")["lines"][0]["config"]["extra"] == {"a": [[{"b": [1]}]]}


# -- the panel's words in an error, bounded -----------------------------------------------------------------------
def test_an_error_of_megabytes_reads_as_a_sentence_of_bounded_size(panel, sleeps):
    details = {f"field_{n}" + "x" * 1000: ["<b>bad</b> " * 50] * 30 for n in range(200)}
    details["product_ids"] = ["p-1", {"nested": "x" * 10**5}, "p-2"]
    body = {"error": {"code": "validation_error", "message": "<img src=x> " * 200_000, "details": details}}
    panel.faults["/billing/credits"] = raw(422, json.dumps(body).encode())
    with PanelClient(panel.url, sleep=sleeps) as client, pytest.raises(ValidationFailed) as caught:
        client.credits()
    error = caught.value
    assert len(str(error)) <= MAX_ERROR_MESSAGE and str(error).startswith("<img src=x>")
    assert len(error.details) <= MAX_ERROR_DETAILS
    for name, problems in error.details.items():
        assert len(name) <= MAX_ERROR_DETAIL_TEXT
        assert all(len(str(p)) <= MAX_ERROR_DETAIL_TEXT for p in problems) and len(problems) <= MAX_ERROR_DETAILS


def test_error_details_sett_reads_survive_the_bounds(panel, sleeps):
    body = {"error": {"code": "out_of_stock", "message": "Gone.", "details": {"product_ids": ["p-1", "p-2"]}}}
    panel.faults["/billing/credits"] = raw(409, json.dumps(body).encode())
    with PanelClient(panel.url, sleep=sleeps) as client, pytest.raises(Exception) as caught:
        client.credits()
    assert caught.value.details == {"product_ids": ["p-1", "p-2"]} and str(caught.value) == "Gone."


def test_a_redirect_to_a_64_kb_address_is_named_in_a_short_sentence(panel, sleeps):
    panel.faults["/billing/credits"] = raw(302, b"", {"Location": "https://elsewhere.example/" + "a" * 60_000})
    with PanelClient(panel.url, sleep=sleeps) as client, pytest.raises(NotAPanel) as caught:
        client.credits()
    assert "elsewhere.example" in str(caught.value) and len(str(caught.value)) < 600


# -- counts written in other digits ------------------------------------------------------------------------------
@pytest.mark.parametrize("count", ["²", "٣", "１２", "1_0", " 7\u200b"])
def test_a_count_in_other_digits_is_a_bad_answer_not_an_arithmetic_error(account, panel, count):
    # Before: "²" passed str.isdigit() and then made Decimal raise InvalidOperation (an ArithmeticError, which the
    # checks do not catch): the sync failed "unexpectedly"; "٣" was taken as 3 and kept as sent.
    panel.faults["/billing/invoices"] = page(hostile.LIST_ROWS["/billing/invoices"], total_pages=count)
    error = fails_and_changes_nothing(account, panel, BadAnswer)
    assert error.field == "meta.total_pages"
    panel.faults["/billing/dashboard"] = data({**hostile.OBJECTS["/billing/dashboard"], "active_services": count})
    error = fails_and_changes_nothing(account, panel, BadAnswer)
    assert error.field == "active_services"


# -- values the cache's sort columns cannot hold --------------------------------------------------------------------
@pytest.mark.parametrize(("path", "change"), [
    ("/billing/invoices", {"invoice_number": 10**30, "kind": 10**30}),
    ("/billing/invoices", {"status": 10**25, "kind": [1, 2]}),
    ("/billing/invoices", {"kind": {"a": 1}}),
    ("/billing/invoices", {"id": 10**30}),
    ("/billing/products", {"slug": 10**30, "name": 10**19}),
])
def test_a_row_whose_column_sqlite_cannot_hold_is_stored_whole(account, panel, path, change):
    # Before: a number past 64 bits raised OverflowError while binding, and an object or a list was refused by
    # sqlite3, which came out as "Could not write the cache for this account": the panel's answer made the local
    # cache look broken, on every sync.
    row = {**hostile.LIST_ROWS[path][0], "updated_at": "2026-01-05T00:00:00Z", **change}
    panel.faults[path] = page([row])
    first = account.sync()
    assert first.counts.get(path.rsplit("/", 1)[1]) == 1
    again = account.sync()
    assert not again.counts, "the same row again counts as a change"     # ids compared as the cache keeps them
    with AccountCache(account.path) as cache:
        cached = cache.invoices() if path.endswith("invoices") else cache.products()
    texts = {"invoice_number", "status", "slug", "name"}     # numbers where text belongs arrive as their text
    texts.add("id")         # and ids, which are text (the contract's string UUIDs): see test_r8_numeric_ids.py
    assert {k: str(v) if k in texts else v for k, v in row.items()} in cached


@pytest.mark.parametrize("length", ["\xb2", "\xb9\xb2", "-5", "1e3"])
def test_a_content_length_that_is_no_number_is_not_an_unexpected_error(panel, sleeps, length):
    # Before: "²" (latin-1 \xb2) passed str.isdigit() and int() raised a bare ValueError out of the request.
    body = json.dumps({"data": hostile.OBJECTS["/billing/credits"]}).encode()
    panel.faults["/billing/credits"] = raw(200, body, {"Content-Length": length})
    with PanelClient(panel.url, sleep=sleeps, deadline=5.0, max_retries=0) as client:
        try:
            assert client.credits() == hostile.OBJECTS["/billing/credits"]
        except Exception as exc:  # noqa: BLE001 - what matters is that it is one of Sett's own errors
            assert type(exc).__module__.startswith("app."), repr(exc)


# -- text that is not Unicode -------------------------------------------------------------------------------------
@pytest.mark.parametrize("piece", [b'"\\ud800"', b'"ok \\uDFFF"', b'"\xed\xa0\x80"'])
def test_a_lone_surrogate_is_a_bad_answer_not_an_encoding_error(account, panel, piece):
    # Before: json let it through, and writing the row to the cache (UTF-8) raised UnicodeEncodeError: the sync
    # failed "unexpectedly", on every sync while the panel kept sending it.
    row = json.dumps({**INVOICE, "updated_at": "2026-01-02T00:00:00Z"}).encode()[:-1]
    panel.faults["/billing/invoices"] = raw(200, b'{"data": [' + row + b', "note": ' + piece + b"}]}")
    error = fails_and_changes_nothing(account, panel, BadAnswer)
    assert "not valid Unicode" in str(error)


def test_a_pair_of_surrogates_is_one_character_and_passes(account, panel):
    row = json.dumps({**INVOICE, "updated_at": "2026-01-02T00:00:00Z"}).encode()[:-1]
    panel.faults["/billing/invoices"] = raw(200, b'{"data": [' + row + b', "note": "\\ud83d\\ude00"}]}')
    account.sync()
    with AccountCache(account.path) as cache:
        assert cache.invoice("inv-1")["note"] == "\N{GRINNING FACE}"
