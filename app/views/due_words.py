"""What is due in currencies other than the account's, in words beside every "due" figure.

Pay all due is one payment in one currency, so "due" (the dashboard's card, the Invoices heading) counts the
account's currency only (`InvoiceFacts.due`); an unpaid invoice in another one (issued before the panel's operator
changed currency) is still owed, and each such figure says so: "$10.00 due · also €25.00 due in another currency".
"""
from __future__ import annotations

from app.core import local_format
from app.core.account_data import AccountData
from app.core.text import translate
from app.models.all_accounts import amounts_text


def due_elsewhere_amounts(data: AccountData) -> str:
    """"€25.00 + £5.00": the balance due in each other currency, largest first; "" when there is none."""
    elsewhere = data.invoice_facts.due_elsewhere
    if not elsewhere:
        return ""
    places = data.places
    money = {code: (lambda value, code=code: local_format.money(value, code, places)) for code in elsewhere}
    return amounts_text(elsewhere, money)


def also_due(data: AccountData) -> str:
    """"also €25.00 due in another currency", or "" when everything due is in the account's currency."""
    amounts = due_elsewhere_amounts(data)
    if not amounts:
        return ""
    if len(data.invoice_facts.due_elsewhere) == 1:
        return translate("DueWords", "also {amounts} due in another currency").format(amounts=amounts)
    return translate("DueWords", "also {amounts} due in other currencies").format(amounts=amounts)


def with_also_due(text: str, data: AccountData) -> str:
    """`text` followed by what is due in other currencies: "2 unpaid invoices · also €25.00 due in another
    currency"."""
    also = also_due(data)
    return translate("DueWords", "{figure} · {also}").format(figure=text, also=also) if also else text
