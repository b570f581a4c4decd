"""What the screens say about all of an account's invoices, worked out in one pass over the rows.

An account may hold 50,000 invoices; the dashboard, the invoices heading, the sidebar badge, the spending chart
and the reminders each need a figure over all of them. Worked out once where the rows are read (a worker
thread, see app.session.data), the window never loops over them.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from .money import MoneyError, parse_money
from .money import currency_code as code_of

UNPAID_STATUSES = frozenset({"pending", "overdue"})
HIDDEN_STATUSES = frozenset({"draft"})     # the contract: draft invoices are never shown to users


@dataclass(frozen=True)
class InvoiceFacts:
    shown: int = 0                 # invoices a user sees (drafts are not)
    overdue: int = 0               # overdue invoices of any kind (the sidebar's badge)
    bills: int = 0                 # unpaid invoices: pending or overdue
    overdue_bills: int = 0
    due: Decimal = Decimal(0)      # the balance due of those bills in the account's currency
    unpaid: tuple[dict, ...] = ()  # pending and overdue rows, of any kind (reminders look at these)
    # currency code -> month "YYYY-MM" -> the total of the invoices paid that month
    paid_by_month: dict[str, dict[str, Decimal]] = field(default_factory=dict)
    # currency code -> the balance due of bills in a currency other than the account's (a panel that changed its
    # currency, or a hostile one): never added to `due`, which every "due" figure writes in the account's currency
    due_elsewhere: dict[str, Decimal] = field(default_factory=dict)
    # How many bills `due` adds up: those in the account's currency with a balance left, the invoices Pay all due
    # pays. The All-accounts Amount due card, whose figure holds every currency, counts these and
    # `due_bills_elsewhere` (it counted every unpaid row, one with nothing left to pay too); an account's own card
    # says `bills`, every currency's, with the other currencies' amounts named beside it ("also €25.00 due...").
    due_bills: int = 0
    # currency code -> how many bills with a balance left `due_elsewhere` adds up in it
    due_bills_elsewhere: dict[str, int] = field(default_factory=dict)


def _amount(value: object) -> Decimal | None:
    try:
        return parse_money(value if value is not None else 0)
    except MoneyError:
        return None


def invoice_facts(rows: Iterable[dict], currency_code: str = "") -> InvoiceFacts:
    """`rows`: the account's invoices (compact cache rows or the panel's); `currency_code`: the account's, for
    rows that do not name theirs."""
    shown = overdue = bills = overdue_bills = due_bills = 0
    due = Decimal(0)
    unpaid: list[dict] = []
    paid: dict[str, dict[str, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    elsewhere: dict[str, Decimal] = defaultdict(Decimal)
    counted_elsewhere: dict[str, int] = defaultdict(int)
    own = code_of(currency_code)     # codes compared and grouped in one spelling: "usd" is "USD"
    for row in rows:
        status = row.get("status")
        if status in HIDDEN_STATUSES:
            continue
        shown += 1
        overdue += status == "overdue"
        top_up = row.get("kind") == "top_up"
        if status in UNPAID_STATUSES:
            # Every unpaid invoice counts, a top-up left unpaid too: what says "due" anywhere agrees with the
            # invoice list it opens, where that invoice shows its balance due (and can be paid or left).
            unpaid.append(row)
            bills += 1
            overdue_bills += status == "overdue"
            currency = code_of(row.get("currency"))
            balance = _amount(row.get("balance_due")) or 0
            if currency and own and currency != own:
                # $10.00 and EUR 25.00 are not "$35.00 due", and Pay all due (one payment, one currency) pays
                # only the first: the figure says what that pays.
                elsewhere[currency] += balance
                counted_elsewhere[currency] += balance > 0
            else:
                due += balance
                due_bills += balance > 0      # as app.core.pay_due.has_balance: nothing left is nothing to pay
        elif status == "paid" and not top_up:      # a top-up buys credit that is spent (and counted) later
            month = str(row.get("paid_at") or "")[:7]
            amount = _amount(row.get("total"))
            if len(month) == 7 and amount is not None:
                paid[code_of(row.get("currency")) or own][month] += amount
    return InvoiceFacts(shown, overdue, bills, overdue_bills, due, tuple(unpaid),
                        {code: dict(months) for code, months in paid.items()},
                        {code: amount for code, amount in elsewhere.items() if amount}, due_bills,
                        {code: count for code, count in counted_elsewhere.items() if count})
