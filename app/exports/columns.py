"""The columns of each kind of export, in order: the account and currency first on every row, then the row's
own fields. Headers are words people read (translatable); the keys are the panel's field names, which the
tests and scripts can rely on."""
from __future__ import annotations

from dataclasses import dataclass

from app.core.text import translate

from .records import CREDITS, INVOICES, PAYMENTS

TEXT, MONEY, DATE, STAMP, CODE = "text", "money", "date", "stamp", "code"
ACCOUNT, ACCOUNT_ID, CURRENCY = "account", "account_id", "currency"


@dataclass(frozen=True)
class ExportColumn:
    key: str
    title: str
    kind: str = TEXT        # MONEY cells are Decimals; DATE an ISO day; STAMP the panel's ISO time as sent; CODE
    #                         the panel's code (a status, kind, method or type): kept in CSV, in words in XLSX
    summed: bool = False    # added up per currency in the totals


def _lead() -> list[ExportColumn]:
    return [ExportColumn(ACCOUNT, translate("Exports", "Account")),
            ExportColumn(ACCOUNT_ID, translate("Exports", "Account ID")),
            ExportColumn(CURRENCY, translate("Exports", "Currency"))]


def invoice_columns() -> list[ExportColumn]:
    return _lead() + [
        ExportColumn("invoice_number", translate("Exports", "Invoice")),
        ExportColumn("id", translate("Exports", "Invoice ID")),
        ExportColumn("status", translate("Exports", "Status"), CODE),
        ExportColumn("kind", translate("Exports", "Kind"), CODE),
        ExportColumn("issue_date", translate("Exports", "Issued"), DATE),
        ExportColumn("due_date", translate("Exports", "Due"), DATE),
        ExportColumn("paid_at", translate("Exports", "Paid at"), STAMP),
        ExportColumn("subtotal", translate("Exports", "Subtotal"), MONEY, True),
        ExportColumn("discount", translate("Exports", "Discount"), MONEY, True),
        ExportColumn("tax_amount", translate("Exports", "Tax"), MONEY, True),
        ExportColumn("total", translate("Exports", "Total"), MONEY, True),
        ExportColumn("credits_applied", translate("Exports", "Credits applied"), MONEY, True),
        ExportColumn("amount_paid", translate("Exports", "Amount paid"), MONEY, True),
        ExportColumn("balance_due", translate("Exports", "Balance due"), MONEY, True),
    ]


def payment_columns() -> list[ExportColumn]:
    return _lead() + [
        ExportColumn("invoice_number", translate("Exports", "Invoice")),
        ExportColumn("invoice_id", translate("Exports", "Invoice ID")),
        ExportColumn("id", translate("Exports", "Payment ID")),
        ExportColumn("created_at", translate("Exports", "Date"), STAMP),
        ExportColumn("method", translate("Exports", "Method"), CODE),
        ExportColumn("status", translate("Exports", "Status"), CODE),
        ExportColumn("reference", translate("Exports", "Reference")),
        ExportColumn("amount", translate("Exports", "Amount"), MONEY, True),
    ]


def credit_columns() -> list[ExportColumn]:
    return _lead() + [
        ExportColumn("created_at", translate("Exports", "Date"), STAMP),
        ExportColumn("type", translate("Exports", "Type"), CODE),
        ExportColumn("note", translate("Exports", "Note")),
        ExportColumn("invoice_id", translate("Exports", "Invoice ID")),
        ExportColumn("id", translate("Exports", "Transaction ID")),
        ExportColumn("amount", translate("Exports", "Amount"), MONEY, True),
        # the running balance is a state, not a flow: adding balances up means nothing
        ExportColumn("balance_after", translate("Exports", "Balance after"), MONEY),
    ]


def columns_for(kind: str) -> list[ExportColumn]:
    return {INVOICES: invoice_columns, PAYMENTS: payment_columns, CREDITS: credit_columns}[kind]()


def total_label() -> str:
    return translate("Exports", "Total")
