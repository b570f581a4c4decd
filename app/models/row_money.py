"""Amounts of a row that names its own currency (see app.core.row_money, where it lives so that the reminders of
app.session, which no model may serve, write an invoice's amount in its own currency as the lists do)."""
from __future__ import annotations

from app.core.row_money import Money, own_currency_money, row_money

__all__ = ["Money", "own_currency_money", "row_money"]
