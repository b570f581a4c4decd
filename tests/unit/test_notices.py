"""app.session.notices: reminders of invoices falling due, panel notifications as notices, and "at most once"."""
from __future__ import annotations

from datetime import date

from app.api.paths import invoice_of, service_of, ticket_of
from app.cache import AccountCache
from app.session.notices import (
    SEEN_CAP,
    SEEN_KEY,
    due_reminders,
    load_seen,
    newest_first,
    panel_notices,
    remember,
    save_seen,
    unseen,
)

TODAY = date(2026, 3, 10)


def invoice(number: str, status: str, due: str, balance: str = "12.00") -> dict:
    return {"id": f"inv-{number}", "invoice_number": number, "status": status, "due_date": due,
            "balance_due": balance}


def test_reminders_cover_pending_invoices_due_within_the_window_and_overdue_ones():
    invoices = [invoice("A", "pending", "2026-03-10"), invoice("B", "pending", "2026-03-11"),
                invoice("C", "pending", "2026-03-13"), invoice("D", "pending", "2026-03-14"),
                invoice("E", "overdue", "2026-03-01"), invoice("F", "paid", "2026-03-10"),
                invoice("G", "cancelled", "2026-03-09"), invoice("H", "pending", None),
                invoice("I", "pending", "2026-03-08")]
    got = due_reminders(invoices, TODAY, money=lambda a: f"${a}")
    assert [r["title"] for r in got] == ["Invoice A is due today", "Invoice B is due tomorrow",
                                         "Invoice C is due in 3 days", "Invoice E is overdue",
                                         "Invoice I is overdue"]
    assert got[0] == {"id": "due:inv-A:2026-03-10", "kind": "reminder", "title": "Invoice A is due today",
                      "message": "$12.00 to pay by Mar 10, 2026.", "invoice_id": "inv-A",
                      "created_at": "2026-03-10", "read": False}
    assert [r["id"] for r in due_reminders(invoices, TODAY, days_ahead=0)] == [
        "due:inv-A:2026-03-10", "due:inv-E:2026-03-01", "due:inv-I:2026-03-08"]


def test_a_new_due_date_reminds_again():
    first = due_reminders([invoice("A", "pending", "2026-03-11")], TODAY)
    moved = due_reminders([invoice("A", "pending", "2026-03-12")], TODAY)
    assert first[0]["id"] != moved[0]["id"]
    assert unseen(moved, [first[0]["id"]]) == moved


def test_a_kept_reminder_is_reused_until_what_its_words_say_changes():
    written: list[str] = []

    def money(amount):
        written.append(amount)
        return f"${amount}"

    memo: dict = {}
    invoices = [invoice("A", "overdue", "2026-03-01"), invoice("B", "pending", "2026-03-11", "5.00")]
    first = due_reminders(invoices, TODAY, money=money, memo=memo)
    assert written == ["12.00", "5.00"]
    assert due_reminders(invoices, TODAY, money=money, memo=memo) == first
    assert written == ["12.00", "5.00"]                   # nothing written again for the same invoices

    # A part payment, a new day and a new status each change the words, and only that reminder is written again.
    paid_part = [invoice("A", "overdue", "2026-03-01", "2.00"), invoices[1]]
    assert due_reminders(paid_part, TODAY, money=money, memo=memo)[0]["message"].startswith("$2.00 to pay")
    assert due_reminders(invoices, date(2026, 3, 11), money=money, memo=memo)[1]["title"] == "Invoice B is due today"
    overdue = [invoices[0], invoice("B", "overdue", "2026-03-11", "5.00")]
    assert due_reminders(overdue, TODAY, money=money, memo=memo)[1]["title"] == "Invoice B is overdue"
    assert written == ["12.00", "5.00", "2.00", "12.00", "5.00", "5.00"]
    assert due_reminders(invoices, TODAY, money=money) == first   # without a memo: the same words


def test_panel_notifications_name_their_invoice_or_service():
    rows = [{"uuid": "u1", "type": "billing", "title": "Payment received", "message": "Paid.",
             "action_url": "/billing/invoices/42", "read": False, "created_at": "2026-03-09T10:00:00Z"},
            {"uuid": "u2", "type": "billing", "title": "Service active", "message": "Up.",
             "action_url": "/billing/services/7", "read": True, "created_at": "2026-03-09T11:00:00Z"}]
    got = panel_notices(rows)
    assert [(n["id"], n["invoice_id"], n["service_id"], n["read"]) for n in got] == [
        ("panel:u1", "42", None, False), ("panel:u2", None, "7", True)]
    assert [n["id"] for n in panel_notices(rows, unread_only=True)] == ["panel:u1"]
    assert invoice_of(None) is None and service_of("/billing/services/abc?x=1") == "abc"
    support = panel_notices([{"uuid": "u3", "type": "support", "action_url": "/support/tickets/t-9"}])
    assert support[0]["ticket_id"] == "t-9" and ticket_of("/billing/invoices/1") is None
    assert [n["id"] for n in newest_first(got + due_reminders([invoice("A", "overdue", "2026-03-01")], TODAY))] == [
        "panel:u2", "panel:u1", "due:inv-A:2026-03-01"]


def test_unseen_leaves_out_what_was_shown_before():
    items = [{"id": "a"}, {"id": "b"}, {"id": "c"}]
    assert unseen(items, []) == items
    assert unseen(items, {"a", "c"}) == [{"id": "b"}]
    assert unseen(items, ["a", "b", "c"]) == []


def test_remember_adds_without_repeats_and_keeps_the_last_ones():
    assert remember(["a", "b"], ["b", "c", "c"]) == ["a", "b", "c"]
    assert remember(["a", "b", "c"], ["d"], cap=3) == ["b", "c", "d"]
    many = remember([], [str(i) for i in range(SEEN_CAP + 50)])
    assert len(many) == SEEN_CAP and many[0] == "50" and many[-1] == str(SEEN_CAP + 49)


def test_seen_ids_live_in_the_account_cache_as_remembered(tmp_path):
    path = tmp_path / "cache.sqlite"
    # More unread notices than the cap are all kept (see Notices.check): the cache stores what remember() kept.
    kept = remember([], [str(i) for i in range(SEEN_CAP + 5)], cap=SEEN_CAP + 5)
    with AccountCache(path) as cache:
        assert load_seen(cache) == []
        save_seen(cache, kept)
    with AccountCache(path) as cache:
        seen = load_seen(cache)
        assert seen == kept and len(seen) == SEEN_CAP + 5
        assert cache.config(SEEN_KEY) == seen
