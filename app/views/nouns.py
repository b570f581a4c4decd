"""The sentences a list screen writes about its rows ("No invoices yet", "3 of 12 invoices"), whole per noun.

A noun glued into an English sentence ("No {noun}s yet") cannot be translated: other languages inflect the noun
and change the sentence around it. So each list's sentences are written out here, once per noun, for Qt's tools.
"""
from __future__ import annotations

from PySide6.QtCore import QLocale

from app.core.text import translate


def _texts(noun: str) -> dict[str, str]:
    table = {
        "invoice": {
            "connect": translate("Nouns", "Connect to the panel to see your invoices."),
            "none": translate("Nouns", "No invoices yet"),
            "no_match": translate("Nouns", "No invoices match"),
            "all_connect": translate("Nouns", "Connect to a panel to see the invoices of your accounts."),
            "all_none": translate("Nouns", "No invoices in any account"),
            "all_none_message": translate("Nouns", "The invoices of all your accounts will appear here."),
            "table": translate("Nouns", "Invoices"),
        },
        "order": {
            "connect": translate("Nouns", "Connect to the panel to see your orders."),
            "none": translate("Nouns", "No orders yet"),
            "no_match": translate("Nouns", "No orders match"),
            "all_connect": translate("Nouns", "Connect to a panel to see the orders of your accounts."),
            "all_none": translate("Nouns", "No orders in any account"),
            "all_none_message": translate("Nouns", "The orders of all your accounts will appear here."),
            "table": translate("Nouns", "Orders"),
        },
        "service": {
            "connect": translate("Nouns", "Connect to the panel to see your services."),
            "none": translate("Nouns", "No services yet"),
            "no_match": translate("Nouns", "No services match"),
            "all_connect": translate("Nouns", "Connect to a panel to see the services of your accounts."),
            "all_none": translate("Nouns", "No services in any account"),
            "all_none_message": translate("Nouns", "The services of all your accounts will appear here."),
            "table": translate("Nouns", "Services"),
        },
        "ticket": {
            "connect": translate("Nouns", "Connect to the panel to see your tickets."),
            "none": translate("Nouns", "No tickets yet"),
            "no_match": translate("Nouns", "No tickets match"),
            "all_connect": translate("Nouns", "Connect to a panel to see the tickets of your accounts."),
            "all_none": translate("Nouns", "No tickets in any account"),
            "all_none_message": translate("Nouns", "The tickets of all your accounts will appear here."),
            "table": translate("Nouns", "Tickets"),
        },
    }
    return table.get(noun) or table["invoice"]


def noun_text(noun: str, kind: str) -> str:
    return _texts(noun)[kind]


def count_text(noun: str, shown: int, total: int) -> str:
    """"12 invoices", "3 of 12 invoices"."""
    if noun == "order":
        text = translate("Nouns", "%Ln order(s)", None, total) if shown == total else \
            translate("Nouns", "{shown} of %Ln order(s)", None, total)
    elif noun == "service":
        text = translate("Nouns", "%Ln service(s)", None, total) if shown == total else \
            translate("Nouns", "{shown} of %Ln service(s)", None, total)
    elif noun == "ticket":
        text = translate("Nouns", "%Ln ticket(s)", None, total) if shown == total else \
            translate("Nouns", "{shown} of %Ln ticket(s)", None, total)
    else:
        text = translate("Nouns", "%Ln invoice(s)", None, total) if shown == total else \
            translate("Nouns", "{shown} of %Ln invoice(s)", None, total)
    return text.format(shown=number(shown))


def number(n: int) -> str:
    """A count as the user's locale groups it ("20,000", "20.000"); Python's grouping under the C locale."""
    locale = QLocale()
    return f"{n:,}" if locale.language() == QLocale.Language.C else locale.toString(n)


def busy_text(noun: str, doing: str, total: int) -> str:
    """"Sorting 20000 invoices…": `doing` is the model's translated verb."""
    return translate("Nouns", "{doing} {count}…").format(doing=doing, count=count_text(noun, total, total))
