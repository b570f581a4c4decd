"""`ProfileCalls`: the caller's billing profile (contract addition "Seller and buyer on invoices"), mixed into
`PanelClient` beside `BillingCalls`. The profile is what the panel prints as the buyer on invoices issued from
now on; invoices already issued keep their own copy (`invoice(id)["buyer"]`).
"""
from __future__ import annotations

from collections.abc import Sequence

from .paths import BILLING_PROFILE_PATH
from .validate import checked

MAX_ADDRESS_LINES = 6        # the panel's limits (docs/api.md), said in the app before sending
MAX_LINE_CHARS = 200
MAX_COMPANY_CHARS = 200
MAX_TAX_ID_CHARS = 40


class ProfileCalls:
    """Mixed into `PanelClient`, which provides `get` and `put`."""

    def billing_profile(self) -> dict:
        """-> `{company, address_lines, country, tax_id}` ("" and [] where nothing is set)."""
        return checked("billing profile", "BillingProfile", self.get(BILLING_PROFILE_PATH))

    def save_billing_profile(self, *, company: str, address_lines: Sequence[str], country: str,
                             tax_id: str) -> dict:
        """Replace the whole profile; -> what the panel stored. `ValidationFailed` (per field) when refused."""
        body = {"company": company, "address_lines": [str(line) for line in address_lines], "country": country,
                "tax_id": tax_id}
        return checked("billing profile", "BillingProfile", self.put(BILLING_PROFILE_PATH, body))


__all__ = ["MAX_ADDRESS_LINES", "MAX_COMPANY_CHARS", "MAX_LINE_CHARS", "MAX_TAX_ID_CHARS", "ProfileCalls"]
