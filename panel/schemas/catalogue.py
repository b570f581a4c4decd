"""Settings a client reads, the catalogue, and the admin bodies that edit it (validated by hand, see
billing/catalogue_rules.py: these models only describe them)."""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..errors import worded_pattern
from .common import Money, Timestamp
from .parties import SellerPublic

Cycle = Literal["one_time", "monthly", "quarterly", "semi_annual", "annual", "biennial"]
PricingType = Literal["fixed", "per_gb_memory", "per_gb_disk", "configurable"]


class PublicSettingsPublic(BaseModel):
    panel_name: str
    billing_enabled: bool
    tickets_enabled: bool
    support_url: str | None


class CurrencyPublic(BaseModel):
    code: str
    symbol: str
    places: int


class TaxPublic(BaseModel):
    enabled: bool
    rate: Money
    inclusive: bool


class StripeConfigPublic(BaseModel):
    enabled: bool
    publishable_key: str | None


class PayPalConfigPublic(BaseModel):
    enabled: bool


class GatewaysPublic(BaseModel):
    stripe: StripeConfigPublic
    paypal: PayPalConfigPublic


class BillingConfigPublic(BaseModel):
    enabled: bool
    currency: CurrencyPublic
    tax: TaxPublic
    credits_enabled: bool
    gateways: GatewaysPublic
    billing_cycles: list[Cycle]
    auto_activate: bool
    seller: SellerPublic | None


class CategoryPublic(BaseModel):
    id: str
    name: str
    slug: str
    description: str
    sort_order: int
    updated_at: Timestamp
    archived: bool = Field(False, description="Present (true) only on archived rows, which only sync lists show.")


class CategoryRef(BaseModel):
    id: str
    name: str
    slug: str


class Resources(BaseModel):
    memory: int
    disk: int
    cpu: int
    swap: int
    io_weight: int
    database_limit: int
    backup_limit: int
    allocation_limit: int


class PricePublic(BaseModel):
    billing_cycle: Cycle
    price: Money
    setup_fee: Money


class RangePublic(BaseModel):
    min: int
    max: int
    step: int
    unit_price: Money


class ProductPublic(BaseModel):
    id: str
    name: str
    slug: str
    description: str
    category: CategoryRef
    resources: Resources
    pricing_type: PricingType
    pricing: list[PricePublic]
    config_ranges: dict[Literal["memory", "disk", "cpu"], RangePublic] | None
    stock: int | None
    in_stock: bool
    sort_order: int
    updated_at: Timestamp
    archived: bool = Field(False, description="Present (true) only on archived rows, which only sync lists show.")


class CouponPublic(BaseModel):
    id: str
    code: str
    type: Literal["percent", "fixed"]
    value: Money
    product_ids: list[str]
    recurring: bool
    expires_at: Timestamp | None
    max_uses: int | None
    max_uses_per_user: int | None
    active: bool
    uses: int
    created_at: Timestamp
    updated_at: Timestamp


# -- admin bodies (documentation of what catalogue_rules checks; PUT takes any subset) -----------------------
# The patterns carry catalogue_rules' own words for a refusal.
SLUG = worded_pattern(r"^[a-z0-9-]{1,64}$", "Must be 1 to 64 characters of a-z, 0-9 and '-'.")
COUPON_CODE = worded_pattern(r"^[A-Za-z0-9_-]{3,32}$", "Must be 3 to 32 characters of A-Z, 0-9, '_' and '-'.")

class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class CategoryIn(_Body):
    name: str = Field(min_length=1, max_length=100)
    slug: str = Field(pattern=SLUG)
    description: str = Field("", max_length=10_000)
    sort_order: int = Field(0, ge=-1_000_000, le=1_000_000)


class ResourcesIn(_Body):
    memory: int = Field(ge=0, le=10**9)
    disk: int = Field(ge=0, le=10**9)
    cpu: int = Field(ge=0, le=10**9)
    swap: int = Field(0, ge=-1, le=10**9)
    io_weight: int = Field(500, ge=10, le=1000)
    database_limit: int = Field(0, ge=0, le=10**9)
    backup_limit: int = Field(0, ge=0, le=10**9)
    allocation_limit: int = Field(1, ge=0, le=10**9)


class PriceIn(_Body):
    billing_cycle: Cycle
    price: Money | float
    setup_fee: Money | float = "0"


class RangeIn(_Body):
    min: int
    max: int
    step: int = Field(1, ge=1)
    unit_price: Money | float = "0"


class ProductIn(_Body):
    category_id: str
    name: str = Field(min_length=1, max_length=100)
    slug: str = Field(pattern=SLUG)
    description: str = Field("", max_length=10_000)
    resources: ResourcesIn
    pricing_type: PricingType
    pricing: list[PriceIn] = Field(min_length=1)
    config_ranges: dict[Literal["memory", "disk", "cpu"], RangeIn] | None = None
    stock: int | None = Field(None, ge=0)
    sort_order: int = Field(0, ge=-1_000_000, le=1_000_000)


class CouponIn(_Body):
    code: str = Field(pattern=COUPON_CODE)
    type: Literal["percent", "fixed"]
    value: Money | float
    product_ids: list[str] = []
    recurring: bool = False
    expires_at: str | None = Field(None, description="ISO-8601; years 1..9999 in UTC")
    max_uses: int | None = Field(None, ge=1)
    max_uses_per_user: int | None = Field(None, ge=1)
    active: bool = True
