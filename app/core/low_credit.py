"""The low-credit warning, decided without Qt or I/O: the panel applies an account's credit to each renewal invoice
when it raises it (a few days before the service's next due date), so a balance smaller than the renewals coming up
leaves an invoice to pay by other means -- or a service suspended while its owner thought credit would cover it.

"Coming up" is the reminder lead time (the preference that also says how early a due invoice is reminded of):
every service that renews (active or suspended, on a recurring cycle, not leaving at the end of its period) whose
next due date falls between today and today + lead days. A renewal whose invoice is already raised -- an unpaid
invoice due that day -- is left out: credit was applied to it already, and the due-invoice reminder speaks for it.
The warning is only given while the account holds credit at all: a balance of nothing means its owner pays renewals
another way, and being told so every month would be noise.

Its id names the earliest renewal's due date, so it is announced once per renewal period (the notices remember ids
announced), not on every sync.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from .cycles import BILLING_CYCLES
from .formatting import format_date
from .money import MoneyError, parse_money
from .text import translate

RENEWING = ("active", "suspended")
UNPAID = ("pending", "overdue")


@dataclass(frozen=True)
class LowCredit:
    balance: Decimal
    renewals: Decimal              # what the renewals due within the lead time cost together
    first_due: date                # the earliest of them: the renewal period the warning is for
    service_ids: tuple[str, ...]

    @property
    def shortfall(self) -> Decimal:
        return self.renewals - self.balance


def _day(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _renews(service: dict) -> bool:
    request = service.get("cancellation") or {}
    leaving = request.get("status") in ("pending", "approved")     # the panel raises no renewal for these
    cycle = service.get("billing_cycle")
    recurring = cycle != "one_time" and (cycle in BILLING_CYCLES or cycle is None)
    return service.get("status") in RENEWING and recurring and not leaving


def low_credit(services: Iterable[dict], invoices: Iterable[dict], balance: object, today: date,
               lead_days: int) -> LowCredit | None:
    """A LowCredit when `balance` (> 0) is below the renewals due within `lead_days` of `today`; None otherwise
    (also for a balance that is not an amount: no warning is better than a wrong one)."""
    try:
        held = parse_money(balance) if balance is not None else Decimal(0)
    except MoneyError:
        return None
    if held <= 0:
        return None
    invoiced = {_day(i.get("due_date")) for i in invoices if i.get("status") in UNPAID}
    horizon = today + timedelta(days=max(0, lead_days))
    due: list[tuple[date, str, Decimal]] = []
    for service in services:
        when = _day(service.get("next_due_date"))
        if when is None or not today <= when <= horizon or when in invoiced or not _renews(service):
            continue
        try:
            amount = parse_money(service.get("recurring_amount"))
        except MoneyError:
            continue
        due.append((when, str(service.get("id")), amount))
    total = sum((amount for _when, _id, amount in due), Decimal(0))
    if not due or held >= total:
        return None
    return LowCredit(balance=held, renewals=total, first_due=min(when for when, _id, _a in due),
                     service_ids=tuple(service_id for _w, service_id, _a in sorted(due)))


def low_credit_notice(warning: LowCredit, money: Callable[[Decimal], str]) -> dict:
    """The warning as a notice (the shape app.session.notices gives the others); id `low-credit:<first due date>`."""
    count = len(warning.service_ids)
    message = translate("LowCredit", "%n renewal(s) due by {when} cost {renewals}; your credit of {balance} leaves "
                        "{shortfall} to pay another way.", None, count).format(
        when=format_date(warning.first_due), renewals=money(warning.renewals), balance=money(warning.balance),
        shortfall=money(warning.shortfall))
    return {"id": f"low-credit:{warning.first_due.isoformat()}", "kind": "low_credit",
            "title": translate("LowCredit", "Your credit will not cover the next renewal"), "message": message,
            "service_id": warning.service_ids[0] if count == 1 else None, "created_at": warning.first_due.isoformat(),
            "read": False}
