"""The price of an order exactly as panel-api.md ("Catalogue", "Pricing of an order") defines it.

The panel (the authority) and the client (its offline cart preview) both run this, so they can only
disagree when their catalogue data does. Products are the contract's JSON mappings."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from app.core.cycles import CYCLE_LABELS, CYCLE_MONTHS
from app.core.money import parse_money, round_money
from app.core.text import QT_TRANSLATE_NOOP, translate
from app.core.whole_numbers import whole_size

RESOURCE_KEYS = ("memory", "disk", "cpu")
PRICING_TYPES = ("fixed", "per_gb_memory", "per_gb_disk", "configurable")
MAX_QUANTITY = 100
_ZERO = Decimal(0)
# memory and disk are chosen in MB but priced per GB; cpu is chosen in % and priced per core.
# Dividing by 1024 or 100 always terminates, so unit counts are exact Decimals.
_UNIT_DIVISOR = {"memory": Decimal(1024), "disk": Decimal(1024), "cpu": Decimal(100)}
_LABELS = {"memory": (QT_TRANSLATE_NOOP("Pricing", "Memory"), " MB"),
           "disk": (QT_TRANSLATE_NOOP("Pricing", "Disk"), " MB"),
           "cpu": (QT_TRANSLATE_NOOP("Pricing", "CPU"), "%")}
_PER_GB_KEY = {"per_gb_memory": "memory", "per_gb_disk": "disk"}


class PricingError(ValueError):
    """A request the catalogue cannot price; `field` names the input to blame in a validation_error."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


@dataclass(frozen=True)
class TaxRule:
    enabled: bool
    rate: Decimal
    inclusive: bool

    def __post_init__(self) -> None:
        # Settings come from JSON or a DB column; accept "20" as readily as Decimal("20").
        object.__setattr__(self, "rate", parse_money(self.rate))


NO_TAX = TaxRule(enabled=False, rate=_ZERO, inclusive=False)


@dataclass(frozen=True)
class Coupon:
    code: str
    type: str  # "percent" | "fixed"
    value: Decimal
    product_ids: frozenset[str] = frozenset()
    recurring: bool = False

    def __post_init__(self) -> None:
        if self.type not in ("percent", "fixed"):
            text = translate("Pricing", "unknown coupon type {kind}")
            raise PricingError("coupon", text.format(kind=repr(self.type)))
        object.__setattr__(self, "value", parse_money(self.value))
        object.__setattr__(self, "product_ids", frozenset(str(p) for p in self.product_ids))

    def applies_to(self, product_id: str | None) -> bool:
        return not self.product_ids or (product_id is not None and str(product_id) in self.product_ids)


@dataclass(frozen=True)
class Line:
    kind: str  # "recurring" | "setup"
    product_id: str | None
    description: str
    billing_cycle: str
    quantity: int
    unit_price: Decimal
    amount: Decimal
    config: dict = field(default_factory=dict)
    # The sizes the recurring line is for (memory and disk in MB, CPU in % of a core), as its description names
    # them: the client writes them with app.core.formatting.line_resources_text (the description is the panel's
    # English for the invoice, "2 vCPU" and commas, where the client's resources read "2 cores" with " · ").
    sizes: dict = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class Quote:
    lines: tuple[Line, ...]
    subtotal: Decimal
    discount: Decimal
    tax_rate: Decimal
    tax_amount: Decimal
    tax_inclusive: bool
    total: Decimal
    credits_applied: Decimal
    due_now: Decimal


def _resource_word(key: str) -> str:
    """A resource's name inside a sentence, in the user's language ("memory" / "Arbeitsspeicher"): the key itself
    sat in German sentences ("Bei X lässt sich memory nicht wählen"). A key Sett does not know stays as sent."""
    words = {"memory": translate("Pricing", "memory"), "disk": translate("Pricing", "disk"),
             "cpu": translate("Pricing", "CPU")}
    return words.get(key, str(key))


def _name(product: Mapping) -> str:
    return str(product.get("name") or translate("Pricing", "This product"))


def config_ranges(product: Mapping) -> dict[str, Mapping]:
    """The resources a buyer chooses, each with its range. Only memory, disk and cpu can be chosen or priced; a
    range for anything else is ignored, and so is a resource whose range is null (not chosen)."""
    ranges = product.get("config_ranges")
    if not isinstance(ranges, Mapping):
        return {}
    # A range that is not an object (a cache written before answers were checked) cannot be chosen from either, nor
    # one whose bounds or step are no whole size (a hostile panel's "lots", 1.5, -1, min above max, a step of 0):
    # the product page, the cart's line and the Store read them with int(), which raised and left them undrawn.
    out = {}
    for key, rng in ranges.items():
        if key in RESOURCE_KEYS and rng and isinstance(rng, Mapping):
            checked = _checked_range(rng)
            if checked is not None:
                out[key] = checked
    return out


def _checked_range(rng: Mapping) -> dict | None:
    """The range with its min, max and step as ints, or None when it cannot be chosen from."""
    low, high = whole_size(rng.get("min")), whole_size(rng.get("max"))
    if low is None or high is None or low > high:
        return None
    checked = {**rng, "min": low, "max": high}
    if rng.get("step") is not None:
        step = whole_size(rng["step"])
        if step is None or step < 1:
            return None
        checked["step"] = step
    return checked


def _is_int(value: Any) -> bool:
    # bool is an int subclass, but True is never a size; "4096" and 4096.0 are not ints either.
    return isinstance(value, int) and not isinstance(value, bool)


def _fits(value: int, rng: Mapping) -> bool:
    lo, hi = int(rng["min"]), int(rng["max"])
    step = int(rng.get("step") or 1)  # a missing or zero step means "any whole number"
    return lo <= value <= hi and (value - lo) % step == 0


def resolve_config(product: Mapping, config: Mapping | None) -> dict[str, int]:
    """The validated value of every configurable resource, with defaults for those not given."""
    ranges = config_ranges(product)
    # A null value means "not chosen": clients serialise optional fields either way.
    given = {k: v for k, v in (config or {}).items() if v is not None}
    for key in given:
        if key not in ranges:
            raise PricingError(f"config.{key}", translate("Pricing", "{product} does not let you choose {resource}")
                               .format(product=_name(product), resource=_resource_word(key)))
    resources, chosen = product.get("resources") or {}, {}
    for key, rng in ranges.items():
        field_name, (label, unit) = f"config.{key}", _LABELS[key]
        label = translate("Pricing", label)
        if key in given:
            value = given[key]
            if not _is_int(value):
                raise PricingError(field_name, translate("Pricing", "{resource} must be a whole number").format(
                    resource=label))
            if not _fits(value, rng):
                step = int(rng.get("step") or 1)
                text = (translate("Pricing", "{resource} must be from {low}{unit} to {high}{unit} in steps of "
                                  "{step}{unit}") if step > 1
                        else translate("Pricing", "{resource} must be from {low}{unit} to {high}{unit}"))
                raise PricingError(field_name, text.format(resource=label, low=rng["min"], high=rng["max"], unit=unit,
                                                           step=step))
        else:
            # The product's advertised size is the natural default, but only if it can be bought.
            default = resources.get(key)
            value = default if _is_int(default) and _fits(default, rng) else int(rng["min"])
        chosen[key] = value
    return chosen


def cycle_price(product: Mapping, cycle: str) -> tuple[Decimal, Decimal]:
    """(price, setup_fee) of the product's pricing row for `cycle`."""
    for row in product.get("pricing") or ():
        # A row whose cycle name we do not know (bad catalogue data) is never sold.
        if row.get("billing_cycle") == cycle and cycle in CYCLE_MONTHS:
            return parse_money(row["price"]), parse_money(row.get("setup_fee") or 0)
    raise PricingError("billing_cycle", translate("Pricing", "{product} is not sold with the billing cycle {cycle}")
                       .format(product=_name(product), cycle=CYCLE_LABELS.get(cycle, cycle)))


def _sizes(product: Mapping, chosen: Mapping[str, int]) -> dict[str, int]:
    """The chosen sizes plus, for a per-GB product with no range for its resource, its fixed size."""
    sizes, key = dict(chosen), _PER_GB_KEY.get(product.get("pricing_type"))
    if key is not None and key not in sizes:
        value = (product.get("resources") or {}).get(key)
        if not _is_int(value):
            # Pricing a per-GB product at 0 GB would silently give it away; refuse instead.
            raise PricingError(f"config.{key}", translate("Pricing", "{product} has no {resource} size to price")
                               .format(product=_name(product), resource=_resource_word(key)))
        sizes[key] = value
    return sizes


def _recurring(product: Mapping, cycle: str, chosen: Mapping[str, int]) -> Decimal:
    price, _setup = cycle_price(product, cycle)
    kind = product.get("pricing_type")
    if kind == "fixed":
        return price
    if kind in _PER_GB_KEY:
        return price * _sizes(product, chosen)[_PER_GB_KEY[kind]] / _UNIT_DIVISOR[_PER_GB_KEY[kind]]
    if kind == "configurable":
        months = CYCLE_MONTHS[cycle]
        for key, rng in config_ranges(product).items():
            price += chosen[key] / _UNIT_DIVISOR[key] * parse_money(rng["unit_price"]) * months
        return price
    raise PricingError("pricing_type", translate("Pricing", "unknown pricing type {kind}").format(kind=repr(kind)))


def recurring_price(product: Mapping, cycle: str, config: Mapping | None) -> Decimal:
    """The unrounded recurring price of one item for `cycle`."""
    return _recurring(product, cycle, resolve_config(product, config))


def _words(key: str, value: int) -> str:
    amount = (value / _UNIT_DIVISOR[key]).normalize()
    if key == "cpu":
        return f"{amount:f} vCPU"
    # GB reads better only while it stays short: 1536 MB is "1.5 GB", 1000 MB stays "1000 MB".
    size = f"{amount:f} GB" if value >= 1024 and (value * 100) % 1024 == 0 else f"{value} MB"
    text = translate("Pricing", "{size} RAM") if key == "memory" else translate("Pricing", "{size} disk")
    return text.format(size=size)


def _describe(product: Mapping, cycle: str, chosen: Mapping[str, int]) -> str:
    text = f"{_name(product)} ({CYCLE_LABELS.get(cycle, cycle)})"
    shown = _sizes(product, chosen) if product.get("pricing_type") != "fixed" else {}
    parts = [_words(k, shown[k]) for k in RESOURCE_KEYS if k in shown]
    return f"{text}: {', '.join(parts)}" if parts else text


def price_item(product: Mapping, cycle: str, config: Mapping | None, quantity: int,
               places: int) -> list[Line]:
    """The recurring line of one cart item, then its setup-fee line when it has one."""
    if not _is_int(quantity) or not 1 <= quantity <= MAX_QUANTITY:
        raise PricingError("quantity", translate("Pricing", "quantity must be a whole number from 1 to {limit}").format(
            limit=MAX_QUANTITY))
    chosen = resolve_config(product, config)
    _price, setup_fee = cycle_price(product, cycle)
    unit = round_money(_recurring(product, cycle, chosen), places)
    pid = None if product.get("id") is None else str(product["id"])
    shown = _sizes(product, chosen) if product.get("pricing_type") != "fixed" else {}
    lines = [Line("recurring", pid, _describe(product, cycle, chosen), cycle, quantity, unit,
                  round_money(unit * quantity, places), dict(chosen),
                  {k: shown[k] for k in RESOURCE_KEYS if k in shown})]
    if setup_fee > 0:
        setup = round_money(setup_fee, places)
        lines.append(Line("setup", pid, translate("Pricing", "Setup fee: {product}").format(product=_name(product)),
                          cycle, quantity, setup,
                          round_money(setup * quantity, places), dict(chosen)))
    return lines


def eligible_product_ids(lines: Iterable[Line]) -> set[str]:
    """Products with a recurring line, i.e. what a coupon could discount (setup lines never are)."""
    return {ln.product_id for ln in lines if ln.kind == "recurring" and ln.product_id is not None}


def _eligible(lines: Iterable[Line], coupon: Coupon | None) -> list[Line]:
    return [ln for ln in lines if coupon and ln.kind == "recurring" and coupon.applies_to(ln.product_id)]


def coupon_matches(lines: Iterable[Line], coupon: Coupon | None) -> bool:
    """Whether the coupon discounts at least one recurring line (else the server says coupon_invalid)."""
    return bool(_eligible(lines, coupon))


def coupon_discount(lines: Iterable[Line], coupon: Coupon | None, places: int) -> Decimal:
    if coupon is None:
        return round_money(_ZERO, places)
    base = sum((ln.amount for ln in _eligible(lines, coupon)), _ZERO)
    off = base * coupon.value / 100 if coupon.type == "percent" else coupon.value
    # Never below zero, never more than what it applies to (also tames a >100% percent coupon).
    return round_money(max(_ZERO, min(off, base)), places)


def compute_tax(taxable: Decimal, tax: TaxRule, places: int) -> Decimal:
    rate = tax.rate if tax.enabled else _ZERO
    return round_money(taxable * rate / (100 + rate if tax.inclusive else 100), places)


def quote_lines(lines: Sequence[Line], *, places: int, tax: TaxRule = NO_TAX, coupon: Coupon | None = None,
                credit_balance: Decimal = _ZERO, use_credits: bool = True) -> Quote:
    """Totals of ready-made lines: a new order's, or a renewal invoice's built by the caller."""
    lines = tuple(lines)
    subtotal = round_money(sum((ln.amount for ln in lines), _ZERO), places)
    discount = coupon_discount(lines, coupon, places)
    taxable = subtotal - discount
    tax_amount = compute_tax(taxable, tax, places)
    # Inclusive prices already hold the tax: it is reported, not added.
    total = round_money(taxable if tax.inclusive else taxable + tax_amount, places)
    balance = max(parse_money(credit_balance), _ZERO) if use_credits else _ZERO
    credits = round_money(min(balance, total), places)
    return Quote(lines, subtotal, discount, tax.rate if tax.enabled else _ZERO, tax_amount,
                 tax.enabled and tax.inclusive, total, credits, round_money(total - credits, places))


def quote(items: Iterable[tuple[Mapping, str, Mapping | None, int]], *, places: int, tax: TaxRule = NO_TAX,
          coupon: Coupon | None = None, credit_balance: Decimal = _ZERO, use_credits: bool = True) -> Quote:
    """Price a cart of (product, cycle, config, quantity) items from scratch."""
    lines = [ln for prod, cyc, config, qty in items for ln in price_item(prod, cyc, config, qty, places)]
    return quote_lines(lines, places=places, tax=tax, coupon=coupon, credit_balance=credit_balance,
                       use_credits=use_credits)
