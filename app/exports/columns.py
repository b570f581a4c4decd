"""The columns of each kind of export, in order: the account and currency first on every row, then the row's
own fields. Headers are words people read (translatable); the keys are the panel's field names, which the
tests and scripts can rely on."""
from __future__ import annotations

from dataclasses import dataclass

from app.core.text import translate

from .records import CREDITS, INVOICES, PAYMENTS

TEXT, MONEY, DATE, STAMP = "text", "money", "date", "stamp"
ACCOUNT, ACCOUNT_ID, CURRENCY = "account", "account_id", "currency"


@dataclass(frozen=True)
class ExportColumn:
    key: str
    title: str
    kind: str = TEXT        # MONEY cells are Decimals; DATE an ISO day; STAMP the panel's ISO time as sent
    summed: bool = False    # added up per currency in the totals


def _t(text: str) -> str:
    return translate("Exports", text)


def _lead() -> list[ExportColumn]:
    return [ExportColumn(ACCOUNT, _t("Account")), ExportColumn(ACCOUNT_ID, _t("Account ID")),
            ExportColumn(CURRENCY, _t("Currency"))]


def invoice_columns() -> list[ExportColumn]:
    return _lead() + [
        ExportColumn("invoice_number", _t("Invoice")), ExportColumn("id", _t("Invoice ID")),
        ExportColumn("status", _t("Status")), ExportColumn("kind", _t("Kind")),
        ExportColumn("issue_date", _t("Issued"), DATE), ExportColumn("due_date", _t("Due"), DATE),
        ExportColumn("paid_at", _t("Paid at"), STAMP),
        ExportColumn("subtotal", _t("Subtotal"), MONEY, True), ExportColumn("discount", _t("Discount"), MONEY, True),
        ExportColumn("tax_amount", _t("Tax"), MONEY, True), ExportColumn("total", _t("Total"), MONEY, True),
        ExportColumn("credits_applied", _t("Credits applied"), MONEY, True),
        ExportColumn("amount_paid", _t("Amount paid"), MONEY, True),
        ExportColumn("balance_due", _t("Balance due"), MONEY, True),
    ]


def payment_columns() -> list[ExportColumn]:
    return _lead() + [
        ExportColumn("invoice_number", _t("Invoice")), ExportColumn("invoice_id", _t("Invoice ID")),
        ExportColumn("id", _t("Payment ID")), ExportColumn("created_at", _t("Date"), STAMP),
        ExportColumn("method", _t("Method")), ExportColumn("status", _t("Status")),
        ExportColumn("reference", _t("Reference")), ExportColumn("amount", _t("Amount"), MONEY, True),
    ]


def credit_columns() -> list[ExportColumn]:
    return _lead() + [
        ExportColumn("created_at", _t("Date"), STAMP), ExportColumn("type", _t("Type")),
        ExportColumn("note", _t("Note")), ExportColumn("invoice_id", _t("Invoice ID")),
        ExportColumn("id", _t("Transaction ID")), ExportColumn("amount", _t("Amount"), MONEY, True),
        # the running balance is a state, not a flow: adding balances up means nothing
        ExportColumn("balance_after", _t("Balance after"), MONEY),
    ]


def columns_for(kind: str) -> list[ExportColumn]:
    return {INVOICES: invoice_columns, PAYMENTS: payment_columns, CREDITS: credit_columns}[kind]()


def total_label() -> str:
    return _t("Total")
