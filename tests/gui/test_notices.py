"""Notifications against the real panel: the panel's notifications listed under the sidebar's bell, announced on the
desktop once (not again after a sync or a restart), opening their invoice, and "Mark all read"."""
from __future__ import annotations

from datetime import date, timedelta

from tests.support.catalogue import Shop, buy

from .conftest import WAIT, add_account, admin_of, close, sync_now


class RecordingTray:
    """Stands in for the system tray: what would have popped up on the desktop."""

    def __init__(self) -> None:
        self.shown: list[dict] = []

    def show_notice(self, notice: dict) -> None:
        self.shown.append(notice)


def start_app(make_app, tray: RecordingTray):
    app = make_app(start=False)
    app.notices.tray = tray
    app.start(show=True)
    return app


def unread_uuids(user) -> set[str]:
    return {n["uuid"] for n in user.data("GET", "/notifications?unread_only=true")}


def signed_in_buyer(make_app, shop, qtbot, product_name: str):
    """A buyer who bought `product_name` with credits (the panel's notifications of it unread), signed in to a
    started app: (app, user, the unread notifications' uuids)."""
    product = shop.product(name=product_name)
    user = shop.user(credits="10.00")
    buy(user, product["id"])
    uuids = unread_uuids(user)
    app = start_app(make_app, RecordingTray())
    add_account(qtbot, app, user.panel.url, user.user["email"])
    return app, user, uuids


def test_panel_notifications_are_listed_announced_once_and_open_their_invoice(make_app, shop, qtbot):
    product = shop.product(name="Notified VPS")
    user = shop.user(credits="10.00")
    order = buy(user, product["id"])
    uuids = unread_uuids(user)
    assert uuids, "buying should have left the user notifications"

    tray = RecordingTray()
    app = start_app(make_app, tray)
    account = add_account(qtbot, app, user.panel.url, user.user["email"])
    qtbot.waitUntil(lambda: len(tray.shown) == len(uuids), timeout=WAIT)
    assert {n["uuid"] for n in tray.shown} == uuids
    assert all(n["account_id"] == account.id for n in tray.shown)
    sidebar = app.window.sidebar
    assert sidebar.notices_badge.isVisibleTo(sidebar) and sidebar.notices_badge.text() == str(len(uuids))

    # The bell opens the list: the panel's notifications, newest first.
    sidebar.notices_button.click()
    dialog = app.notices.dialog
    assert dialog is not None and dialog.isVisible()
    listed = dialog.notices()
    assert {n["uuid"] for n in listed} == uuids
    assert [n["created_at"] for n in listed] == sorted((n["created_at"] for n in listed), reverse=True)
    assert "Payment received" in [n["title"] for n in listed]

    # A second sync announces nothing again.
    sync_now(qtbot, app, account.id)
    qtbot.wait(200)
    assert len(tray.shown) == len(uuids)

    # Clicking "Payment received" opens the invoice it is about.
    row = [n["title"] for n in listed].index("Payment received")
    dialog.list.itemActivated.emit(dialog.list.item(row))
    invoices = app.window.sections["invoices"]
    assert app.window.current_key == "invoices" and invoices.page_open
    qtbot.waitUntil(lambda: invoices.page.has_detail, timeout=WAIT)
    assert invoices.page.invoice["id"] == order["invoice"]["id"]
    assert app.notices.dialog is None or not app.notices.dialog.isVisible()
    # ...and marks it read (tests below).
    qtbot.waitUntil(lambda: len(unread_uuids(user)) == len(uuids) - 1 and not app.notices.reading, timeout=WAIT)

    # Restarting on the same data folder announces nothing again either.
    close(app)
    tray2 = RecordingTray()
    app2 = start_app(make_app, tray2)
    qtbot.waitUntil(lambda: account.id in app2.notices.seen and account.id in app2.data, timeout=WAIT)
    qtbot.waitUntil(lambda: any(aid == account.id for aid, _ in app2.synced_log), timeout=WAIT)
    qtbot.wait(200)
    assert tray2.shown == []
    assert app2.window.sidebar.notices_badge.text() == str(len(uuids) - 1)


def test_mark_all_read_tells_the_panel_and_offline_queues_it(make_app, shop, qtbot, monkeypatch):
    app, user, uuids = signed_in_buyer(make_app, shop, qtbot, "Read-me VPS")
    dialog = app.notices.open_dialog()
    qtbot.waitUntil(lambda: len(dialog.notices()) == len(uuids), timeout=WAIT)
    assert dialog.mark_button.isEnabled()

    # Offline, marking read waits in the outbox (tests/gui/test_outbox.py), and the button says so.
    monkeypatch.setattr(app.sessions, "is_online", lambda _account_id: False)
    app.notices.refresh()
    assert dialog.mark_button.isEnabled() and dialog.message.text().startswith("Offline")
    assert "Outbox" in dialog.mark_button.toolTip() and "Outbox" in dialog.message.text()
    monkeypatch.undo()
    app.notices.refresh()
    assert dialog.mark_button.isEnabled() and dialog.message.isHidden()

    dialog.mark_button.click()
    qtbot.waitUntil(lambda: dialog.notices() and all(n["read"] for n in dialog.notices()), timeout=WAIT)
    assert unread_uuids(user) == set()
    assert not dialog.mark_button.isEnabled() and dialog.mark_button.toolTip() == "Every notification is read already."
    assert app.window.sidebar.notices_badge.isHidden()
    assert dialog.message.text() == f"Marked {len(uuids)} notification{'s' if len(uuids) != 1 else ''} read."


def test_opening_a_notification_marks_it_read_and_the_badge_drops_at_once(make_app, shop, qtbot):
    app, user, uuids = signed_in_buyer(make_app, shop, qtbot, "Open-me VPS")
    badge = app.window.sidebar.notices_badge
    qtbot.waitUntil(lambda: badge.text() == str(len(uuids)), timeout=WAIT)
    dialog = app.notices.open_dialog()
    qtbot.waitUntil(lambda: len(dialog.notices()) == len(uuids), timeout=WAIT)
    row = [n["title"] for n in dialog.notices()].index("Payment received")
    opened = dialog.notices()[row]
    dialog.list.itemActivated.emit(dialog.list.item(row))
    # At once, before the panel answers: one fewer unread.
    left = len(uuids) - 1
    assert (badge.isHidden() if left == 0 else badge.text() == str(left))
    qtbot.waitUntil(lambda: unread_uuids(user) == uuids - {opened["uuid"]}, timeout=WAIT)
    qtbot.waitUntil(lambda: not app.notices.reading, timeout=WAIT)
    assert (badge.isHidden() if left == 0 else badge.text() == str(left))
    listed = {n["uuid"]: n["read"] for n in app.notices.notices_for(app.sessions.current_id)}
    assert listed[opened["uuid"]] and sum(not read for read in listed.values()) == left


def test_invoices_falling_due_are_reminded_once(make_app, private_panel, qtbot):
    proc = private_panel()
    shop = Shop(admin_of(proc))
    shop.settings(paypal_enabled=True)
    product = shop.product(name="Due-soon VPS")
    user = shop.user()
    order = user.data("POST", "/billing/checkout", {"items": [{"product_id": product["id"],
                                                               "billing_cycle": "monthly"}],
                                                    "payment_method": "paypal", "use_credits": False,
                                                    "return_url": "http://127.0.0.1:1/r",
                                                    "cancel_url": "http://127.0.0.1:1/c"}, expect=201)
    invoice = order["invoice"]
    tray = RecordingTray()
    app = make_app(start=False)
    app.notices.tray = tray
    due = date.fromisoformat(invoice["due_date"][:10])
    app.notices.today = lambda: due - timedelta(days=1)
    app.start(show=True)
    account = add_account(qtbot, app, proc.url, user.user["email"])
    reminder_id = f"due:{invoice['id']}:{invoice['due_date']}"
    qtbot.waitUntil(lambda: reminder_id in [n["id"] for n in tray.shown], timeout=WAIT)
    (reminder,) = [n for n in tray.shown if n["id"] == reminder_id]
    assert reminder["title"] == f"Invoice {invoice['invoice_number']} is due tomorrow"
    assert invoice["status"] == "pending" and reminder["invoice_id"] == invoice["id"]
    sync_now(qtbot, app, account.id)
    qtbot.wait(200)
    assert [n["id"] for n in tray.shown].count(reminder_id) == 1
    # The list shows it, and clicking it opens the invoice.
    dialog = app.notices.open_dialog()
    (item,) = [dialog.list.item(i) for i in range(dialog.list.count())
               if dialog.notices()[i]["id"] == reminder_id]
    dialog.list.itemActivated.emit(item)
    invoices = app.window.sections["invoices"]
    assert app.window.current_key == "invoices" and invoices.page.invoice["id"] == invoice["id"]
    qtbot.waitUntil(lambda: invoices.page.has_detail, timeout=WAIT)


def test_many_new_reminders_make_one_desktop_notification_and_none_comes_again(make_app, private_panel, qtbot,
                                                                              monkeypatch):
    from app.session import notices as logic
    monkeypatch.setattr(logic, "SEEN_CAP", 2)          # fewer remembered ids than unread reminders
    proc = private_panel()
    shop = Shop(admin_of(proc))
    shop.settings(paypal_enabled=True)
    product = shop.product(name="Many-bills VPS")
    user = shop.user()
    invoices = [user.data("POST", "/billing/checkout",
                          {"items": [{"product_id": product["id"], "billing_cycle": "monthly"}],
                           "payment_method": "paypal", "use_credits": False, "return_url": "http://127.0.0.1:1/r",
                           "cancel_url": "http://127.0.0.1:1/c"}, expect=201)["invoice"] for _ in range(5)]
    tray = RecordingTray()
    app = make_app(start=False)
    app.notices.tray = tray
    due = date.fromisoformat(invoices[0]["due_date"][:10])
    app.notices.today = lambda: due - timedelta(days=1)
    app.start(show=True)
    account = add_account(qtbot, app, proc.url, user.user["email"])
    qtbot.waitUntil(lambda: bool(tray.shown), timeout=WAIT)
    assert [(n["kind"], n["title"]) for n in tray.shown] == [("summary", "5 new notifications")]
    sync_now(qtbot, app, account.id)
    qtbot.wait(200)
    assert len(tray.shown) == 1                          # all five stay remembered, beyond the usual cap
    dialog = app.notices.open_dialog()
    assert sorted(n["invoice_id"] for n in dialog.notices()) == sorted(i["id"] for i in invoices)
    dialog.accept()
    app.notices.open_notice(tray.shown[0])               # clicking the desktop notification opens the list
    assert app.notices.dialog is not None and app.notices.dialog.isVisible()
    close(app)


def test_credit_short_of_the_next_renewal_is_warned_of_once_and_opens_the_credits(make_app, shop, qtbot):
    product = shop.product(name="Low-credit VPS")                       # 10.00 a month
    user = shop.user(credits="14.00")
    order = user.data("POST", "/billing/checkout", {"items": [{"product_id": product["id"],
                                                               "billing_cycle": "monthly"}],
                                                    "payment_method": "credits"}, expect=201)
    (service_id,) = order["order"]["service_ids"]
    service = user.data("GET", f"/billing/services/{service_id}")
    due = date.fromisoformat(service["next_due_date"][:10])
    tray = RecordingTray()
    app = make_app(start=False)
    app.notices.tray = tray
    app.notices.today = lambda: due - timedelta(days=2)               # within the reminder lead time (3 days)
    app.start(show=True)
    account = add_account(qtbot, app, user.panel.url, user.user["email"])
    warning_id = f"low-credit:{due.isoformat()}"
    qtbot.waitUntil(lambda: warning_id in [n["id"] for n in tray.shown], timeout=WAIT)
    (warning,) = [n for n in tray.shown if n["id"] == warning_id]
    assert warning["title"] == "Your credit will not cover the next renewal"
    assert "$10.00" in warning["message"] and "$4.00" in warning["message"] and "$6.00" in warning["message"]
    sync_now(qtbot, app, account.id)
    qtbot.wait(200)
    assert [n["id"] for n in tray.shown].count(warning_id) == 1        # once per renewal period, not every sync
    close(app)
    app = start_app(make_app, tray)                                    # nor after a restart
    app.notices.today = lambda: due - timedelta(days=2)
    sync_now(qtbot, app, account.id)
    qtbot.wait(200)
    assert [n["id"] for n in tray.shown].count(warning_id) == 1
    # The list shows it; opening it shows the credits, where the balance is topped up.
    dialog = app.notices.open_dialog()
    (item,) = [dialog.list.item(i) for i in range(dialog.list.count()) if dialog.notices()[i]["id"] == warning_id]
    dialog.list.itemActivated.emit(item)
    assert app.window.current_key == "credits"

    # Outside the lead time there is nothing to warn of.
    app.notices.today = lambda: due - timedelta(days=10)
    assert warning_id not in [n["id"] for n in app.notices.notices_for(account.id)]
