"""README, Using the app: "`sett://invoice/<id>`, `sett://service/<id>` and `sett://account/<id>` open that invoice,
service or account, in the running Sett if there is one ...; any other link is refused with the reason".
tests/gui/test_single_instance.py opens invoice links; here a service of another account, an account, and links
Sett does not take, in the whole window with two canned accounts (handed over as a second start hands them)."""
from __future__ import annotations

import copy

from app.api import Credentials
from app.cache import CacheChanges, open_account_cache

from .test_drift_actions import CONFIG, LISTS, SYNCED, canned_app, invoice, service, settle  # noqa: F401


def canned_account(app, name: str, port: int, **rows: list[dict]):
    """An account at its own (canned) panel whose cache holds `rows`, as tests/gui/test_drift_actions.signed_in."""
    account = app.sessions.add(name=name, panel_url=f"http://127.0.0.1:{port}", email="ada@example.test",
                               auth_kind="api_key", credentials=Credentials.from_api_key("bp_canned"))
    with open_account_cache(account.id) as cache:
        cache.apply(CacheChanges(upserts={table: copy.deepcopy(r) for table, r in rows.items()}, config=CONFIG,
                                 sync_state={n: {"last_synced_at": SYNCED, "server_time": SYNCED} for n in LISTS}))
    session = app.sessions.get(account.id)
    session.reload()
    settle()
    return session


def two_accounts(app):
    first = canned_account(app, "Ann", 9, services=[service(1, "active", "2026-12-20")],
                           invoices=[invoice(1, "paid", "0.00")])
    second = canned_account(app, "Bob", 10, services=[service(2, "active", "2026-12-21")],
                            invoices=[invoice(2, "pending", "10.00")])
    app.sessions.select(first.id)
    settle()
    return first, second


def test_a_service_link_opens_it_in_the_account_that_holds_it(canned_app, qtbot):  # noqa: F811
    app = canned_app
    first, second = two_accounts(app)
    app.links.handle_args(["sett://service/s-2"])
    section = app.window.sections["services"]
    qtbot.waitUntil(lambda: app.window.current_key == "services" and section.page_open)
    assert app.sessions.current_id == second.id
    assert section.page.service_id == "s-2"


def test_an_account_link_switches_to_that_account(canned_app, qtbot):  # noqa: F811
    app = canned_app
    first, second = two_accounts(app)
    app.links.handle_args([f"sett://account/{second.id}"])
    qtbot.waitUntil(lambda: app.sessions.current_id == second.id)
    assert app.window.switcher.current_id() == second.id


def test_links_sett_does_not_take_are_refused_with_the_reason(canned_app, qtbot):  # noqa: F811
    app = canned_app
    first, _second = two_accounts(app)
    app.window.select_section("dashboard")
    for link, words in (("sett://ticket/1", "ticket"), ("sett://account/nobody", "not in your accounts"),
                        ("sett://service/s-404", "No service s-404")):
        app.links.handle_args([link])
        settle()
        qtbot.waitUntil(lambda w=words: any(w in text for text in app.window.banner_texts()))
        assert app.window.current_key == "dashboard" and app.sessions.current_id == first.id
