"""Seller and buyer as the panel answers them: the operator's details, a billing profile, an invoice's copy."""
from __future__ import annotations

from pydantic import BaseModel


class SellerPublic(BaseModel):
    name: str
    address_lines: list[str]
    country: str
    tax_id: str
    email: str


class BillingProfilePublic(BaseModel):
    company: str
    address_lines: list[str]
    country: str
    tax_id: str


class BuyerPublic(BillingProfilePublic):
    """The profile as it was at issue, with the account's name and email then."""
    name: str
    email: str
