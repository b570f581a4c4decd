"""The window's words for the notices follow them, as the bell's count does: the fallback banner (no system tray)
"9 new notifications: Open Notifications (the bell) to see them." said 9 after they were read, after more came,
and after all were marked read. The whole client over a synchronous worker and canned panel answers."""
from __future__ import annotations

from app.api import Credentials
from app.cache import CacheChanges, open_account_cache
from app.core.changes import ChangeSet

from .test_drift_actions import Panel, canned_app, settle, signed_in  # noqa: F401 - canned_app is a fixture

TAIL = ": Open Notifications (the bell) to see them."


def notification(number: int, read: bool = False) -> dict:
    return {"uuid": f"n-{number}", "type": "billing", "title": f"Payment {number} received",
            "message": f"Thanks for payment {number}.", "action_url": None, "read": read,
            "created_at": f"2026-12-06T09:{number:02d}:00Z"}


def synced(session, rows: list[dict]) -> None:
    """A sync brings `rows` (read elsewhere, or new)."""
    with open_account_cache(session.id) as cache:
        cache.apply(CacheChanges(upserts={"notifications": rows}))
    session.reload(ChangeSet({"notifications"}))
    settle()


def banner_words(app) -> list[str]:
    return [text for text in app.window.banner_texts() if "notification" in text or "Payment" in text]


def test_the_new_notifications_banner_follows_reading_arriving_and_marking_all_read(canned_app, qtbot):  # noqa: F811
    app = canned_app
    client = Panel({"mark_notification_read": None})
    session = signed_in(app, client, notifications=[notification(n) for n in range(1, 10)])
    settle()
    assert banner_words(app) == ["9 new notifications" + TAIL]
    assert app.window.sidebar.notices_badge.text() == "9"

    synced(session, [notification(3, read=True)])      # read on the panel's site
    assert app.window.sidebar.notices_badge.text() == "8"
    assert banner_words(app) == ["8 new notifications" + TAIL]

    synced(session, [notification(n) for n in range(10, 15)])      # five more arrive
    assert app.window.sidebar.notices_badge.text() == "13"
    assert banner_words(app) == ["13 new notifications" + TAIL]

    synced(session, [notification(n, read=True) for n in range(1, 15)])     # all read
    assert app.window.sidebar.notices_badge.isHidden()
    assert banner_words(app) == []


def test_a_notice_opened_from_the_bell_leaves_the_count_at_once(canned_app, qtbot):  # noqa: F811
    app = canned_app
    signed_in(app, Panel({"mark_notification_read": None}),
              notifications=[notification(n) for n in range(1, 6)])
    settle()
    assert banner_words(app) == ["5 new notifications" + TAIL]
    app.notices.reading.add("n-2")          # being marked read: the bell counts it read already
    app.notices.refresh()
    assert app.window.sidebar.notices_badge.text() == "4"
    assert banner_words(app) == ["4 new notifications" + TAIL]


def test_one_notice_left_of_a_count_is_named_and_a_closed_banner_stays_closed(canned_app, qtbot):  # noqa: F811
    app = canned_app
    client = Panel({"mark_notification_read": None})
    session = signed_in(app, client, notifications=[notification(n) for n in range(1, 6)])
    settle()
    assert banner_words(app) == ["5 new notifications" + TAIL]
    synced(session, [notification(n, read=True) for n in (1, 2, 3, 5)])
    assert banner_words(app) == ["Payment 4 received: Thanks for payment 4."]

    (banner,) = [b for b in app.window.banners.values() if "Payment 4" in b.text]
    banner.dismissed.emit()                             # the user closed it
    settle()
    synced(session, [notification(4, read=True), notification(6)])     # only what is new comes up
    assert banner_words(app) == ["Payment 6 received: Thanks for payment 6."]


def test_a_reminder_on_the_banner_is_worded_as_its_invoice_is_now(canned_app, qtbot):  # noqa: F811
    from datetime import date

    from .test_drift_actions import invoice, later

    app = canned_app
    app.notices.today = lambda: date(2026, 12, 5)          # the invoice falls due tomorrow
    unpaid = invoice(1, "pending", "10.00")
    session = signed_in(app, Panel({}), invoices=[unpaid])
    settle()
    assert banner_words(app) == []
    assert [t for t in app.window.banner_texts() if "INV-000001" in t] == [
        "Invoice INV-000001 is due tomorrow: $10.00 to pay by Dec 6, 2026."]

    with open_account_cache(session.id) as cache:      # part of it paid elsewhere
        cache.apply(CacheChanges(upserts={"invoices": [later(unpaid, balance_due="6.00", amount_paid="4.00")]}))
    session.reload(ChangeSet({"invoices"}))
    settle()
    assert [t for t in app.window.banner_texts() if "INV-000001" in t] == [
        "Invoice INV-000001 is due tomorrow: $6.00 to pay by Dec 6, 2026."]

    with open_account_cache(session.id) as cache:      # and then the rest: nothing left to remind of
        cache.apply(CacheChanges(upserts={"invoices": [later(unpaid, status="paid", balance_due="0.00",
                                                             amount_paid="10.00", paid_at="2026-12-06")]}))
    session.reload(ChangeSet({"invoices"}))
    settle()
    assert [t for t in app.window.banner_texts() if "INV-000001" in t] == []


def test_the_banner_names_its_account_as_it_is_called_now(canned_app, qtbot):  # noqa: F811
    app = canned_app
    session = signed_in(app, Panel({}), notifications=[notification(n) for n in range(1, 6)])
    settle()
    assert banner_words(app) == ["5 new notifications" + TAIL]
    other = app.sessions.add(name="Second", panel_url="http://127.0.0.1:9", email="bo@example.test",
                             auth_kind="api_key", credentials=Credentials.from_api_key("bp_second"))
    settle()
    assert banner_words(app) == ["Canned · 5 new notifications" + TAIL]
    app.sessions.rename(session.id, "Shop")
    settle()
    assert banner_words(app) == ["Shop · 5 new notifications" + TAIL]
    app.sessions.remove(other.id)
    settle()
    assert banner_words(app) == ["5 new notifications" + TAIL]


def test_a_count_the_notices_feature_did_not_announce_stays_until_opened(canned_app, qtbot):  # noqa: F811
    from app.session.notices import summary_notice

    app = canned_app
    session = signed_in(app, Panel({}))
    app.notifier.show_notice(summary_notice(4, session.id))
    session.reload(ChangeSet({"invoices"}))
    settle()
    assert banner_words(app) == ["4 new notifications" + TAIL]
