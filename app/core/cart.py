"""The cart, kept on this computer: its items, their local price (the panel's own rules, app.core.pricing) and
how that price compares with the panel's preview. Pure: no Qt, no I/O.

The local quote lets the cart work offline; the panel's `checkout/preview` stays the authority, and `compare`
names what differs when the cached catalogue is out of date.
"""
from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal

from app.core.local_format import number
from app.core.money import MoneyError, parse_money
from app.core.pricing import (
    MAX_QUANTITY,
    RESOURCE_KEYS,
    Coupon,
    PricingError,
    Quote,
    TaxRule,
    price_item,
    quote_lines,
)
from app.core.text import QT_TRANSLATE_NOOP, translate

__all__ = ["MAX_ITEMS", "Cart", "CartError", "CartItem", "compare", "coupon_from", "local_quote", "places_of",
           "tax_rule_of"]

MAX_ITEMS = 20      # the panel's limit for one checkout


class CartError(ValueError):
    """A cart change the panel would refuse (too many items, a bad quantity)."""


@dataclass(frozen=True)
class CartItem:
    id: str
    product_id: str
    billing_cycle: str
    config: dict = field(default_factory=dict)
    quantity: int = 1

    def to_api(self) -> dict:
        """The item as checkout/preview takes it: only chosen resources, no client prices."""
        config = {k: int(v) for k, v in self.config.items() if k in RESOURCE_KEYS and v is not None}
        return {"product_id": self.product_id, "billing_cycle": self.billing_cycle, "config": config,
                "quantity": self.quantity}

    def to_dict(self) -> dict:
        return {"id": self.id, **self.to_api()}

    @classmethod
    def from_dict(cls, row: Mapping) -> CartItem:
        config = row.get("config") or {}
        return cls(id=str(row.get("id") or uuid.uuid4().hex), product_id=str(row["product_id"]),
                   billing_cycle=str(row["billing_cycle"]),
                   config={k: v for k, v in dict(config).items() if k in RESOURCE_KEYS},
                   quantity=int(row.get("quantity") or 1))


def _check_quantity(quantity: int) -> None:
    if isinstance(quantity, bool) or not isinstance(quantity, int) or not 1 <= quantity <= MAX_QUANTITY:
        raise CartError(translate("Cart", "The quantity must be a whole number from 1 to {limit}.").format(
            limit=MAX_QUANTITY))


class Cart:
    """Items in the order they were added. The same product, cycle and configuration added again raises the
    quantity of the line already there rather than adding a twin line."""

    def __init__(self, items: Iterable[CartItem] = ()) -> None:
        self.items: list[CartItem] = list(items)

    @classmethod
    def from_dicts(cls, rows: Iterable[Mapping]) -> Cart:
        items = []
        for row in rows:
            try:
                items.append(CartItem.from_dict(row))
            except (KeyError, TypeError, ValueError):
                continue   # a row a newer or broken version wrote: dropping it beats refusing the whole cart
        return cls(items)

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self):
        return iter(self.items)

    def get(self, item_id: str) -> CartItem | None:
        return next((item for item in self.items if item.id == item_id), None)

    def add(self, product_id: str, billing_cycle: str, config: Mapping | None = None, quantity: int = 1,
            *, item_id: str | None = None) -> CartItem:
        _check_quantity(quantity)
        config = {k: v for k, v in dict(config or {}).items() if k in RESOURCE_KEYS and v is not None}
        twin = self._twin(str(product_id), billing_cycle, config)
        if twin is not None:
            merged = min(MAX_QUANTITY, self.items[twin].quantity + quantity)
            self.items[twin] = replace(self.items[twin], quantity=merged)
            return self.items[twin]
        self._check_room()
        item = CartItem(item_id or uuid.uuid4().hex, str(product_id), billing_cycle, config, quantity)
        self.items.append(item)
        return item

    def _twin(self, product_id: str, billing_cycle: str, config: Mapping) -> int | None:
        """Where the line of this product, cycle and configuration stands, if the cart has one."""
        return next((i for i, item in enumerate(self.items)
                     if (item.product_id, item.billing_cycle, item.config) == (product_id, billing_cycle, config)),
                    None)

    def _check_room(self) -> None:
        if len(self.items) >= MAX_ITEMS:
            raise CartError(translate("Cart", "A cart holds at most {limit} items; check out or remove one first.")
                            .format(limit=MAX_ITEMS))

    def update(self, item_id: str, *, billing_cycle: str | None = None, config: Mapping | None = None,
               quantity: int | None = None) -> CartItem:
        for i, item in enumerate(self.items):
            if item.id == item_id:
                if quantity is not None:
                    _check_quantity(quantity)
                changes: dict = {}
                if billing_cycle is not None:
                    changes["billing_cycle"] = billing_cycle
                if config is not None:
                    changes["config"] = {**item.config, **{k: v for k, v in config.items() if k in RESOURCE_KEYS}}
                if quantity is not None:
                    changes["quantity"] = quantity
                self.items[i] = replace(item, **changes)
                return self.items[i]
        raise KeyError(item_id)

    def remove(self, item_id: str) -> tuple[int, CartItem] | None:
        """Take the line out; where it stood and what it was (for an Undo), or None when there was none."""
        index = next((i for i, item in enumerate(self.items) if item.id == item_id), None)
        return None if index is None else (index, self.items.pop(index))

    def restore(self, index: int, item: CartItem) -> CartItem:
        """A removed line back where it stood (Undo). Merged into its twin when the same product, cycle and
        configuration was added again meanwhile, as `add` merges; refused, as `add` is, when the cart is full."""
        if self.get(item.id) is not None:
            return item
        if self._twin(item.product_id, item.billing_cycle, item.config) is not None:
            return self.add(item.product_id, item.billing_cycle, item.config, item.quantity)
        self._check_room()
        self.items.insert(max(0, min(index, len(self.items))), item)
        return item

    def clear(self) -> None:
        self.items = []

    def to_items(self) -> list[dict]:
        """The body's `items` for checkout/preview, coupons/validate and checkout."""
        return [item.to_api() for item in self.items]

    def to_dicts(self) -> list[dict]:
        return [item.to_dict() for item in self.items]


# -- pricing -----------------------------------------------------------------------------------------------------
MAX_PLACES = 8       # what the API boundary accepts (app.api.limits); a cache saved before it may hold more


def places_of(billing_config: Mapping) -> int:
    """The currency's decimal places: 2 where the config names none or nonsense, clamped to 0..MAX_PLACES (a
    cache written before answers were checked may hold `places: 200000`, which would burn CPU on every amount)."""
    currency = (billing_config or {}).get("currency") if isinstance(billing_config, Mapping) else None
    if not isinstance(currency, Mapping):
        return 2
    try:
        places = int(currency.get("places", 2))
    except (TypeError, ValueError, OverflowError):
        return 2
    return min(max(places, 0), MAX_PLACES)


def tax_rule_of(billing_config: Mapping) -> TaxRule:
    """The panel's tax rule; none where the config holds no object for it (a cache written before answers were
    checked may hold `tax: "20"`, which made the cart's own totals raise)."""
    tax = billing_config.get("tax") if isinstance(billing_config, Mapping) else None
    if not isinstance(tax, Mapping):
        return TaxRule(False, 0, False)
    try:
        return TaxRule(bool(tax.get("enabled")), tax.get("rate") or 0, bool(tax.get("inclusive")))
    except MoneyError:
        return TaxRule(False, 0, False)


def coupon_from(info: Mapping | None) -> Coupon | None:
    """A coupon as `coupons/validate` described it ({code, type, value, product_ids?}); None when not usable."""
    if not info or not info.get("code") or info.get("valid") is False:
        return None
    try:
        return Coupon(str(info["code"]), str(info.get("type")), info.get("value"),
                      frozenset(info.get("product_ids") or ()), bool(info.get("recurring")))
    except (PricingError, MoneyError, TypeError):
        return None


def _by_id(products: Iterable[Mapping] | Mapping[str, Mapping]) -> dict[str, Mapping]:
    if isinstance(products, Mapping):
        return {str(k): v for k, v in products.items()}
    return {str(p.get("id")): p for p in products}


def problems(cart: Cart, products: Iterable[Mapping] | Mapping[str, Mapping], places: int = 2) -> dict[str, str]:
    """Per item id, why the panel would refuse it (product gone, cycle not sold, size off its range)."""
    found = _by_id(products)
    out: dict[str, str] = {}
    for item in cart:
        product = found.get(item.product_id)
        if product is None:
            out[item.id] = translate("Cart", "This product is no longer sold.")
            continue
        try:
            price_item(product, item.billing_cycle, item.config, item.quantity, places)
        except PricingError as exc:
            out[item.id] = exc.message
    return out


def local_quote(cart: Cart, products: Iterable[Mapping] | Mapping[str, Mapping], billing_config: Mapping,
                credit_balance: Decimal | str | int = 0, coupon: Coupon | Mapping | None = None, *,
                use_credits: bool = True) -> Quote:
    """The order's totals by the panel's rules, from cached products. Items the panel would refuse (see
    `problems`) are left out, so the rest still shows a price; credits count only when the panel allows them."""
    places, found = places_of(billing_config), _by_id(products)
    if isinstance(coupon, Mapping):
        coupon = coupon_from(coupon)
    bad = problems(cart, found, places)
    lines = [line for item in cart if item.id not in bad
             for line in price_item(found[item.product_id], item.billing_cycle, item.config, item.quantity, places)]
    credits_on = bool((billing_config or {}).get("credits_enabled", True))
    try:
        balance = parse_money(credit_balance if credit_balance not in (None, "") else 0)
    except MoneyError:
        balance = Decimal(0)
    return quote_lines(lines, places=places, tax=tax_rule_of(billing_config), coupon=coupon,
                       credit_balance=balance, use_credits=use_credits and credits_on)


# -- local against the panel ---------------------------------------------------------------------------------------
_TOTALS = (("subtotal", QT_TRANSLATE_NOOP("Cart", "Subtotal")), ("discount", QT_TRANSLATE_NOOP("Cart", "Discount")),
           ("tax_amount", QT_TRANSLATE_NOOP("Cart", "Tax")), ("total", QT_TRANSLATE_NOOP("Cart", "Total")),
           ("credits_applied", QT_TRANSLATE_NOOP("Cart", "Credits applied")),
           ("due_now", QT_TRANSLATE_NOOP("Cart", "Due now")))


def _amount(value: object) -> Decimal | None:
    try:
        return parse_money(value)
    except MoneyError:
        return None


def compare(local: Quote, preview: Mapping, places: int | None = None) -> list[str]:
    """What the panel's preview prices differently from the local quote, one sentence each; [] when they agree.

    Lines are matched in order (both sides list them item by item, setup fee after its item)."""
    if places is None:
        places = max((-Decimal(ln.amount).as_tuple().exponent for ln in local.lines), default=2)
    differences = []
    theirs = list(preview.get("lines") or [])
    if len(theirs) != len(local.lines):
        count = len(theirs)      # a plain name: lupdate reads the count argument only as one
        differences.append(translate("Cart", "The panel priced %n line(s), this computer {mine}.", None, count).format(
            mine=number(len(local.lines), 0)))
    for mine, other in zip(local.lines, theirs, strict=False):
        amount = _amount(other.get("amount"))
        if amount != mine.amount:
            shown = number(amount, places) if amount is not None else str(other.get("amount"))
            differences.append(translate("Cart", "{line}: {theirs} on the panel, {mine} saved here.").format(
                line=other.get("description") or mine.description, theirs=shown,
                mine=number(mine.amount, places)))
    for key, label in _TOTALS:
        value = _amount(preview.get(key))
        if value is not None and value != getattr(local, key):
            differences.append(translate("Cart", "{line}: {theirs} on the panel, {mine} saved here.").format(
                line=translate("Cart", label), theirs=number(value, places),
                mine=number(getattr(local, key), places)))
    return differences
