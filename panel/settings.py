"""The panel's operator settings: one declaration with defaults and validation, stored as JSON per key.

Gateway secrets live here because this is the server; they are write-only through the admin API, never
appear in `billing/config` or `settings/public`, and are stored sealed with the operator's key (secret_box).
"""
from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from decimal import Decimal
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StrictBool, StringConstraints, ValidationError

from app.core.countries import is_country
from app.core.money import MoneyError, money_str

from . import secret_box
from .amounts import parse_amount
from .errors import panel_message, worded_pattern
from .timefmt import iso


def _country_or_empty(code: str) -> str:
    if code and not is_country(code):
        raise ValueError("Must be a two-letter country code in capitals (ISO 3166-1) such as DE or US, or empty.")
    return code


# What an invoice prints about a party; shared with the customers' billing profiles (routes/billing_profile).
MAX_ADDRESS_LINES = 6
AddressLine = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
AddressLines = Annotated[list[AddressLine], Field(max_length=MAX_ADDRESS_LINES)]
Country = Annotated[str, StringConstraints(strip_whitespace=True, max_length=2), AfterValidator(_country_or_empty)]
# Loose on purpose: formats differ by country (DE123456789, CHE-123.456.789 MWST, 12-3456789); letters,
# digits and the separators they use, starting with a letter or digit.
TaxId = Annotated[str, StringConstraints(strip_whitespace=True, max_length=40,
                                         pattern=worded_pattern(
                                             r"^([A-Za-z0-9][A-Za-z0-9 .\-/]*)?$",
                                             "Must be a tax number of letters, digits, spaces and . - / that starts "
                                             "with a letter or digit, such as DE123456789, or empty."))]

SECRET_KEYS = ("stripe_secret_key", "stripe_webhook_secret", "paypal_client_secret")


class PanelSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    panel_name: str = Field("Sett Panel", min_length=1, max_length=100)
    support_url: str = Field("", max_length=500)
    tickets_enabled: StrictBool = False
    # The Billing Module licence and the operator's on/off switch: billing exists only with both.
    license_billing: StrictBool = True
    billing_enabled: StrictBool = True
    currency_code: str = Field("USD", pattern=worded_pattern(
        r"^[A-Z]{3}$", "Must be a three-letter currency code in capitals such as USD."))
    currency_symbol: str = Field("$", min_length=1, max_length=4)
    currency_places: int = Field(2, ge=0, le=3)
    tax_enabled: StrictBool = False
    tax_rate: Decimal = Field(Decimal("0"), ge=0, le=100, max_digits=6, decimal_places=3)
    tax_inclusive: StrictBool = False
    credits_enabled: StrictBool = True
    auto_activate: StrictBool = True
    auto_suspend_days: int = Field(3, ge=0, le=365)
    auto_terminate_days: int = Field(14, ge=0, le=3650)
    renewal_days_before: int = Field(7, ge=0, le=60)
    # An order left unpaid this many days after it was placed is cancelled by the lifecycle jobs, which returns
    # its stock, credits and coupon use. 0 (the default): never, as the contract's lifecycle has it (an unpaid
    # order's invoice stays overdue until its buyer pays or cancels it); an operator opts in.
    unpaid_order_cancel_days: int = Field(0, ge=0, le=3650)
    # Likewise a credit top-up left unpaid this many days after it was raised (its buyer can cancel it any time);
    # 0 (the default): never, so a pending top-up stays pending, as the contract has it.
    unpaid_top_up_cancel_days: int = Field(0, ge=0, le=3650)
    top_up_min: Decimal = Field(Decimal("5"), gt=0, max_digits=12, decimal_places=3)
    top_up_max: Decimal = Field(Decimal("1000"), gt=0, max_digits=12, decimal_places=3)
    stripe_enabled: StrictBool = False
    stripe_publishable_key: str = Field("", max_length=255)
    stripe_secret_key: str = Field("", max_length=255)
    stripe_webhook_secret: str = Field("", max_length=255)
    # Where the stripe library and the pay page's Stripe.js point; empty means Stripe's own servers.
    stripe_api_base: str = Field("", max_length=255)
    paypal_enabled: StrictBool = False
    paypal_client_id: str = Field("", max_length=255)
    paypal_client_secret: str = Field("", max_length=255)
    paypal_api_base: str = Field("", max_length=255)
    paypal_webhook_id: str = Field("", max_length=255)
    # The operator's legal details, printed as the seller on every invoice issued from now on (seller_name
    # empty: no seller, `billing/config` answers seller null).
    seller_name: str = Field("", max_length=200)
    seller_address_lines: AddressLines = []
    seller_country: Country = ""
    seller_tax_id: TaxId = ""
    seller_email: str = Field("", max_length=254)

    @property
    def billing_available(self) -> bool:
        return self.license_billing and self.billing_enabled

    def money(self, amount: Decimal) -> str:
        return money_str(amount, self.currency_places)


class SettingsUpdateError(ValueError):
    status, code = 422, "validation_error"

    def __init__(self, details: dict[str, list[str]]) -> None:
        # The first problem, as every validation_error names it ("tax_rate: Must be at most 100."); all are in details.
        field, messages = next(iter(details.items()))
        super().__init__(f"{field}: {messages[0]}")
        self.details = details


class SettingsConflict(SettingsUpdateError):
    """Valid settings the stored money forbids (billing/currency_change): 409 `conflict`."""
    status, code = 409, "conflict"


def load(conn: sqlite3.Connection) -> PanelSettings:
    box = secret_box.current()
    stored = {row["key"]: json.loads(row["value"]) for row in conn.execute("SELECT key, value FROM settings")}
    known = {k: box.open(k, v) if k in SECRET_KEYS else v for k, v in stored.items()
             if k in PanelSettings.model_fields}
    return PanelSettings(**known)


def _stored(key: str, value: Any) -> str:
    if key in SECRET_KEYS:
        return json.dumps(secret_box.current().seal(value))
    return json.dumps(str(value) if isinstance(value, Decimal) else value)


def seal_stored_secrets(conn: sqlite3.Connection) -> list[str]:
    """Seal secrets stored before the panel had a key (call in a write transaction); returns their names."""
    box = secret_box.current()
    if not box.has_key:
        return []
    sealed = []
    for key in SECRET_KEYS:
        row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        value = json.loads(row["value"]) if row else ""
        if value and not value.startswith(secret_box.SEALED):
            conn.execute("UPDATE settings SET value = ? WHERE key = ?", (_stored(key, value), key))
            sealed.append(key)
    return sealed


def _as_sent(changes: dict[str, Any]) -> dict[str, Any]:
    """The changes with their types checked as the contract writes them, before pydantic's lax parsing could
    read `true` or `3.0` or "3" as a number of days, or store "1e3" and show it back as "1E+3": whole numbers
    must be JSON integers, amounts and rates decimal strings or JSON numbers without an exponent."""
    checked, details = dict(changes), {}
    for key, value in changes.items():
        field = PanelSettings.model_fields.get(key)
        if field is None:
            continue  # the model reports unknown keys
        if field.annotation is int and (isinstance(value, bool) or not isinstance(value, int)):
            details[key] = ["Must be a whole number (a JSON integer)."]
        elif field.annotation is Decimal:
            try:
                # "1e3" and 1e3 alike are refused. Unbounded: a value too large is a number all the same, and the
                # field's own bounds say what it may be ("Must have at most 6 digits.", "Must be at most 100."); it
                # was told it must be "a decimal number such as "12.5" ... no exponent", which it was.
                checked[key] = parse_amount(value, bounded=False)
            except MoneyError:
                details[key] = ['Must be a decimal number such as "12.5" (a string or a JSON number; no exponent).']
    if details:
        raise SettingsUpdateError(details)
    return checked


def update(conn: sqlite3.Connection, changes: dict[str, Any], now: str | None = None) -> PanelSettings:
    """Validate the whole result before writing anything, so a bad field changes nothing; `now` (the panel's
    clock, read under the write lock) stamps what the change rewrites for syncing clients."""
    changes = _as_sent(changes)
    before = load(conn)
    current = before.model_dump()
    merged = {**current, **changes}
    try:
        result = PanelSettings(**merged)
    except ValidationError as exc:
        details: dict[str, list[str]] = {}
        for err in exc.errors():
            field = ".".join(str(p) for p in err["loc"]) or "body"
            details.setdefault(field, []).append(panel_message(err))  # the panel's words, as for any body
        raise SettingsUpdateError(details) from None
    if result.top_up_min > result.top_up_max:
        raise SettingsUpdateError({"top_up_min": ["Must not be above top_up_max."]})
    from .billing.currency_change import refusals  # late: billing reads these settings

    if problems := refusals(conn, before, result):
        raise SettingsConflict(problems)    # money would be rounded or relabelled: nothing is written
    if result.currency_places != before.currency_places:
        # Every product's prices are written with the new places: syncing clients must see them again.
        conn.execute("UPDATE products SET updated_at = ? WHERE archived = 0",
                     (now or iso(datetime.now(UTC)),))
        # So are the amounts of every record still open (billing/shown.py): moved forward, never back.
        from .billing import shown  # late, as above

        for table, statuses in (("invoices", shown.OPEN_INVOICES), ("services", shown.RENEWING_SERVICES),
                                ("orders", shown.OPEN_ORDERS)):
            stamp = now or iso(datetime.now(UTC))
            conn.execute(f"UPDATE {table} SET updated_at = ? WHERE status IN ({', '.join('?' * len(statuses))}) "
                         "AND updated_at < ?", (stamp, *statuses, stamp))
    for key in changes:
        conn.execute("INSERT INTO settings (key, value) VALUES (?, ?) "
                     "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, _stored(key, getattr(result, key))))
        if key in SECRET_KEYS:
            secret_box.current().unreadable.discard(key)  # entered again: readable from now on
    return result


def admin_view(s: PanelSettings) -> dict[str, Any]:
    """Everything an operator sees; secrets only as 'is set'."""
    out: dict[str, Any] = {}
    for key, value in s.model_dump().items():
        if key in SECRET_KEYS:
            out[f"{key}_set"] = bool(value)
        elif isinstance(value, Decimal):
            out[key] = str(value)
        else:
            out[key] = value
    out["secrets_encrypted"], out["secrets_note"] = secret_box.current().status()
    return out
