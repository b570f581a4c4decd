"""Notifications, without Qt: the panel's unread notifications and local reminders of invoices falling due, and
which of them were already announced (remembered per account in its cache, so each is shown at most once).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import TYPE_CHECKING

from app.api.paths import invoice_of, service_of, ticket_of
from app.cache import CacheChanges
from app.core.formatting import format_date
from app.core.row_money import row_money
from app.core.text import translate

if TYPE_CHECKING:
    from app.cache import AccountCache

SEEN_KEY = "notices_seen"     # the account cache's config key: ids already announced, oldest first
SEEN_CAP = 1000
DUE_STATUSES = ("pending", "overdue")


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def due_reminders(invoices: Iterable[dict], today: date, days_ahead: int = 3,
                  money: Callable[[str | None], str] = lambda amount: str(amount or ""),
                  memo: dict | None = None) -> list[dict]:
    """Reminders for pending invoices due within `days_ahead` days and for overdue ones; the id names the invoice
    and its due date, so a new due date reminds again.

    `memo` keeps each reminder made, by what its words depend on, for the next call with the same `money` and
    translations (the caller's to know): an account's notices are worked out again after every change on the UI
    thread, and writing 4,000 reminders took 50 to 160 ms each time. Reminders are shared: copy one to change it."""
    out = []
    # An invoice in another currency than the account's (from before the panel's operator changed it, or a hostile
    # panel's) is written in its own: a euro invoice on a dollar account was reminded as "$25.00 to pay".
    write = row_money(money)
    for invoice in invoices:
        status, due = invoice.get("status"), _day(invoice.get("due_date"))
        if status not in DUE_STATUSES or due is None:
            continue
        days = (due - today).days
        if status == "pending" and days > days_ahead:
            continue
        key = (invoice.get("id"), invoice.get("invoice_number"), invoice.get("due_date"), status, days,
               invoice.get("balance_due"), str(invoice.get("currency")))
        kept = memo.get(key) if memo is not None else None
        if kept is not None:
            out.append(kept)
            continue
        number = invoice.get("invoice_number") or invoice.get("id")
        if status == "overdue" or days < 0:
            title = translate("Notices", "Invoice {number} is overdue").format(number=number)
        elif days == 0:
            title = translate("Notices", "Invoice {number} is due today").format(number=number)
        elif days == 1:
            title = translate("Notices", "Invoice {number} is due tomorrow").format(number=number)
        else:
            title = translate("Notices", "Invoice {number} is due in %n days", None, days).format(number=number)
        message = translate("Notices", "{amount} to pay by {date}.").format(amount=write(invoice, "balance_due"),
                                                                            date=format_date(due))
        reminder = {"id": f"due:{invoice.get('id')}:{invoice.get('due_date')}", "kind": "reminder", "title": title,
                    "message": message, "invoice_id": str(invoice.get("id")),
                    "created_at": str(invoice.get("due_date")), "read": False}
        if memo is not None:
            memo[key] = reminder
        out.append(reminder)
    return out


def panel_notices(notifications: Iterable[dict], unread_only: bool = False) -> list[dict]:
    """The panel's notifications as notices (id `panel:{uuid}`)."""
    return [{"id": f"panel:{n.get('uuid')}", "kind": "panel", "uuid": n.get("uuid"), "title": n.get("title") or "",
             "message": n.get("message") or "", "invoice_id": invoice_of(n.get("action_url")),
             "service_id": service_of(n.get("action_url")), "ticket_id": ticket_of(n.get("action_url")),
             "created_at": n.get("created_at") or "", "read": bool(n.get("read"))}
            for n in notifications if not (unread_only and n.get("read"))]


def summary_notice(count: int, account_id: str | None = None) -> dict:
    """One desktop notification standing for `count` new notices (the list in the app shows each). It says
    "notifications", the word of the bell that opens that list, in its tooltip and its dialog's title."""
    return {"id": f"summary:{count}", "kind": "summary",
            "title": translate("Notices", "%Ln new notifications", None, count),
            "message": translate("Notices", "Open Notifications (the bell) to see them."), "created_at": "",
            "read": False, "account_id": account_id}


def newest_first(items: Iterable[dict]) -> list[dict]:
    return sorted(items, key=lambda n: str(n.get("created_at") or ""), reverse=True)


def unseen(items: Iterable[dict], seen_ids: Iterable[str]) -> list[dict]:
    """The items whose id is not among `seen_ids`."""
    seen = set(seen_ids)
    return [item for item in items if item["id"] not in seen]


def remember(seen_ids: list[str], new_ids: Iterable[str], cap: int = SEEN_CAP) -> list[str]:
    """`seen_ids` with `new_ids` added (no repeats), keeping the last `cap`."""
    out = list(seen_ids)
    known = set(out)
    for item in new_ids:
        if item not in known:
            out.append(item)
            known.add(item)
    return out[-cap:] if cap > 0 else []


# -- on a worker ------------------------------------------------------------------------------------------------------
def load_seen(cache: AccountCache) -> list[str]:
    value = cache.config(SEEN_KEY, [])
    return [str(v) for v in value] if isinstance(value, list) else []


def save_seen(cache: AccountCache, seen_ids: list[str]) -> None:
    """`seen_ids` as remember() kept them (at most SEEN_CAP, or every unread notice when there are more)."""
    cache.apply(CacheChanges(config={SEEN_KEY: list(seen_ids)}))
