"""One schema per resource the client reads, checked at the API boundary so a panel's wrong shape is a `BadAnswer`
naming the resource and the field, before anything reaches the cache or a screen.

The schemas check, they do not rewrite: a valid answer is handed on exactly as the panel sent it (the cache keeps
the panel's JSON), so each checks only what Sett relies on and lets every other field through. Money is a
Decimal-able amount (a decimal string or a JSON number) inside `MAX_ABS_AMOUNT` with at most
`MAX_MONEY_DECIMALS` decimals; ids are strings or integers, never objects; a currency's places lie in
0..`MAX_PLACES`; `server_time` and every row's timestamps are ISO times with a zone, and its days `YYYY-MM-DD`.
"""
from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StrictBool, model_validator

from app.core.text import translate

from .fields import (
    MAX_MONEY_DECIMALS,
    MAX_PLACES,
    MAX_TEXT,
    aware_time,
    check_charge,
    check_count,
    check_currency,
    check_day,
    check_id,
    check_money,
    check_rate,
    check_stamp,
    check_text,
)

Id = Annotated[str, BeforeValidator(check_id)]
Money = Annotated[Any, BeforeValidator(check_money)]   # checked, left as sent (string or Decimal)
Charge = Annotated[Any, BeforeValidator(check_charge)]   # money never below zero: a price, a total, a balance
Rate = Annotated[Any, BeforeValidator(check_rate)]       # a tax rate, 0..100 percent
Text = Annotated[str, BeforeValidator(check_text)]     # a number where text belongs is tolerated; an object is not
CurrencyText = Annotated[str, BeforeValidator(check_currency)]   # a code or symbol: short, every amount shows it
Count = Annotated[int, BeforeValidator(check_count)]
Moment = Annotated[datetime, BeforeValidator(aware_time)]
Stamp = Annotated[Any, BeforeValidator(check_stamp)]   # an ISO time with a zone, left as sent
Day = Annotated[Any, BeforeValidator(check_day)]       # YYYY-MM-DD (or a time with a zone), left as sent

__all__ = ["MAX_MONEY_DECIMALS", "MAX_PLACES", "MAX_TEXT", "aware_time"]


class Loose(BaseModel):
    """Extra fields pass; only the named ones are checked."""

    model_config = ConfigDict(extra="allow", arbitrary_types_allowed=True)


class Ref(Loose):
    id: Id | None = None
    name: Text | None = None


class PublicSettings(Loose):
    panel_name: Text | None = None
    billing_enabled: bool | None = None
    tickets_enabled: bool | None = None


class Me(Loose):
    id: Id | None = None
    email: Text | None = None
    username: Text | None = None
    first_name: Text | None = None
    last_name: Text | None = None


class Currency(Loose):
    code: CurrencyText | None = None
    symbol: CurrencyText | None = None
    places: Annotated[Count, Field(ge=0, le=MAX_PLACES)] | None = None


class Tax(Loose):
    enabled: bool | None = None
    rate: Rate | None = None
    inclusive: bool | None = None


class Party(Loose):
    """A seller or buyer as an invoice prints it (contract addition "Seller and buyer on invoices")."""
    name: Text | None = None
    company: Text | None = None
    address_lines: Annotated[list[Text], Field(max_length=50)] | None = None
    country: Text | None = None
    tax_id: Text | None = None
    email: Text | None = None


class BillingProfile(Loose):
    company: Text
    address_lines: Annotated[list[Text], Field(max_length=50)]
    country: Text
    tax_id: Text


class Gateway(Loose):
    enabled: bool | None = None
    publishable_key: Text | None = None


class Gateways(Loose):
    """The ones Sett offers (the checkout's and top-up's methods come from these); others pass unchecked."""

    stripe: Gateway | None = None
    paypal: Gateway | None = None


class BillingConfig(Loose):
    enabled: bool | None = None
    currency: Currency | None = None
    tax: Tax | None = None
    credits_enabled: bool | None = None
    gateways: Gateways | None = None
    billing_cycles: list[Text] | None = None
    auto_activate: bool | None = None
    seller: Party | None = None


Tally = Annotated[Count, Field(ge=0)]     # how many of something: never below zero


class OtherCurrencyDue(Loose):
    """Open invoices in another currency than the panel's (docs/api.md, Credits): never added to `total_due`."""
    currency: CurrencyText
    total_due: Charge
    invoices: Tally


class Dashboard(Loose):
    """The account at a glance. Beside the contract's figures, docs/api.md's: `total_due_invoices` is how many
    open invoices `total_due` sums (those in `currency`), the rest are in `other_currencies_due`; a panel that
    sends neither still passes."""
    active_services: Tally | None = None
    pending_invoices: Tally | None = None
    overdue_invoices: Tally | None = None
    total_due: Charge | None = None
    total_due_invoices: Tally | None = None
    next_due_date: Day | None = None
    next_due_amount: Charge | None = None
    credit_balance: Charge | None = None
    currency: CurrencyText | None = None
    other_currencies_due: Annotated[list[OtherCurrencyDue], Field(max_length=400)] | None = None

    @model_validator(mode="after")
    def _counts_add_up(self) -> Dashboard:
        # The open invoices are those in the panel's currency and those in each other one: figures that do not
        # add up would have the dashboard say "3 to pay" beside a total of 5 invoices.
        pending, own = self.pending_invoices, self.total_due_invoices
        if pending is not None and self.overdue_invoices is not None and self.overdue_invoices > pending:
            raise ValueError(translate("Fields", "more overdue invoices than open ones (overdue_invoices against "
                                                 "pending_invoices)"))
        if pending is None or own is None:
            return self
        others = sum(row.invoices for row in self.other_currencies_due or [])
        if own + others > pending or (self.other_currencies_due is not None and own + others != pending):
            raise ValueError(translate("Fields", "open invoice counts that do not add up (total_due_invoices and "
                                                 "other_currencies_due against pending_invoices)"))
        return self


class Credits(Loose):
    enabled: bool | None = None
    balance: Charge | None = None
    currency: CurrencyText | None = None


class Row(Loose):
    id: Id
    updated_at: Stamp | None = None
    created_at: Stamp | None = None
    archived: bool | None = None


class Category(Row):
    name: Text | None = None
    description: Text | None = None
    sort_order: Count | None = None


# A resource a buyer chooses or reads (memory and disk in MB, cpu in %, the rest counts): the product page's
# sliders and spin boxes hold 32-bit numbers, so a size lies within them (2**31 MB is 2 PB).
Size = Annotated[Count, Field(ge=-(2**31), le=2**31 - 1)]


class ConfigRange(Loose):
    min: Annotated[Size, Field(ge=0)]
    max: Annotated[Size, Field(ge=0)]
    step: Annotated[Size, Field(ge=0)] | None = None
    unit_price: Charge | None = None

    @model_validator(mode="after")
    def _in_order(self) -> ConfigRange:
        if self.min > self.max:
            raise ValueError(translate("Fields", "a range whose smallest value is above its largest"))
        return self


class Sizes(Loose):
    """A product's resources or a service's configuration; a key the contract does not name passes unchecked."""

    memory: Size | None = None
    disk: Size | None = None
    cpu: Size | None = None
    swap: Size | None = None
    io_weight: Size | None = None
    database_limit: Size | None = None
    backup_limit: Size | None = None
    allocation_limit: Size | None = None


class ConfigRanges(Loose):
    memory: ConfigRange | None = None
    disk: ConfigRange | None = None
    cpu: ConfigRange | None = None


class PriceRow(Loose):
    billing_cycle: Text
    price: Charge
    setup_fee: Charge | None = None


class Product(Row):
    """What the store, the product page and the cart compute with: prices, the ranges a buyer chooses in, the
    sizes shown and the stock. A wrong one is refused here rather than failing on a screen."""

    name: Text | None = None
    slug: Text | None = None
    description: Text | None = None
    pricing_type: Text | None = None
    category: Ref | None = None
    category_id: Id | None = None
    sort_order: Count | None = None
    pricing: list[PriceRow] | None = None
    config_ranges: ConfigRanges | None = None
    resources: Sizes | None = None
    stock: Count | None = None
    in_stock: bool | None = None

    @model_validator(mode="after")
    def _one_price_a_cycle(self) -> Product:
        # Two prices for one billing cycle: the store showed both, the cart priced the first, and which one the
        # panel charges nobody could say. The same price twice is one (`once.nested_once` keeps it once).
        from app.core.money import parse_money

        terms: dict[str, tuple] = {}
        for row in self.pricing or ():
            mine = (parse_money(row.price), parse_money(row.setup_fee or 0))
            if terms.setdefault(row.billing_cycle, mine) != mine:
                raise ValueError(translate("Fields", "pricing names the billing cycle {cycle} twice, at different "
                                                     "prices").format(cycle=repr(row.billing_cycle[:40])))
        return self


class ServerAddress(Loose):
    """Where the buyer connects to their server: a port is TCP's, 0..65535 (a billion was shown as an address)."""
    ip: Text | None = None
    port: Annotated[Count, Field(ge=0, le=65535)] | None = None


class Server(Loose):
    """The server behind a service (contract addition "Servers behind services"), as the service page shows it."""

    id: Id | None = None
    name: Text | None = None
    status: Text | None = None
    node: Text | None = None
    address: ServerAddress | None = None
    manage_url: Text | None = None


class ServiceCancellation(Loose):
    type: Text | None = None
    reason: Text | None = None
    status: Text | None = None
    created_at: Stamp | None = None


class Service(Row):
    """What the services list and a service's page show; the configuration is sizes, as a product's resources."""

    status: Text | None = None
    product: Ref | None = None
    billing_cycle: Text | None = None
    recurring_amount: Charge | None = None
    currency: CurrencyText | None = None
    next_due_date: Day | None = None
    order_id: Id | None = None
    server: Server | None = None
    config: Sizes | None = None
    cancellation: ServiceCancellation | None = None


class InvoiceLine(Loose):
    description: Text | None = None
    billing_cycle: Text | None = None
    service_id: Id | None = None
    quantity: Count | None = None
    unit_price: Money | None = None
    amount: Money | None = None


class InvoicePayment(Loose):
    id: Id | None = None
    method: Text | None = None
    amount: Money | None = None
    status: Text | None = None
    reference: Text | None = None
    created_at: Stamp | None = None


class OrderItem(Loose):
    """An order's line; its sizes and setup fee are shown on the order's page, so they are checked as a service's."""
    product_id: Id | None = None
    product_name: Text | None = None
    billing_cycle: Text | None = None
    config: Sizes | None = None
    quantity: Count | None = None
    unit_price: Money | None = None
    setup_fee: Money | None = None
    amount: Money | None = None
    service_id: Id | None = None


# A payment's status as `GET /billing/payments/{id}` reads it (the contract's four, plus docs/api.md's `refunded`),
# and as a payment that was just started says it (checkout, paying invoices, top-up). Sett decides what happened to
# money from these, so a word it does not know is a BadAnswer, not a guess.
PAYMENT_STATES = ("pending", "succeeded", "failed", "cancelled", "refunded")
STARTED_STATES = ("paid", "requires_action", "pending")


class Payment(Loose):
    """A payment read back (`GET /billing/payments/{id}`). Its status is what the buyer is told happened to their
    money: without one (left out or null) nothing says whether it moved, and a guess ("pending") told a buyer
    whose payment had succeeded that it had not, so the answer is refused. A refund's own row is negative, so the
    amount is signed here."""
    id: Id
    status: Literal[PAYMENT_STATES]
    amount: Money | None = None
    invoice_id: Id | None = None
    invoice_ids: list[Id] | None = None
    order_id: Id | None = None
    checkout_url: Text | None = None
    method: Text | None = None
    created_at: Stamp | None = None
    updated_at: Stamp | None = None


class StartedPayment(Payment):
    """The payment a checkout, a payment or a top-up just started: its status says what to do next (open its page,
    read the outcome), and what it asks for is never below zero."""
    status: Literal[STARTED_STATES]      # what to do next is read from it: without one, nothing tells
    amount: Charge | None = None

    @model_validator(mode="after")
    def _has_a_page(self) -> StartedPayment:
        # `requires_action` means "open checkout_url": without a web address there is nothing to open.
        url = self.checkout_url or ""
        if self.status == "requires_action" and not url.startswith(("https://", "http://")):
            raise ValueError(translate("Fields", "a payment that requires action needs a checkout_url (an http or "
                                                 "https address)"))
        return self


class Invoice(Row):
    invoice_number: Text | None = None
    status: Text | None = None
    issue_date: Day | None = None
    due_date: Day | None = None
    paid_at: Stamp | None = None
    currency: CurrencyText | None = None
    subtotal: Charge | None = None
    tax_amount: Charge | None = None
    total: Charge | None = None
    balance_due: Charge | None = None
    discount: Charge | None = None
    credits_applied: Charge | None = None
    amount_paid: Money | None = None
    tax_rate: Rate | None = None
    coupon_code: Text | None = None
    order_id: Id | None = None
    service_id: Id | None = None
    lines: list[InvoiceLine] | None = None
    payments: list[InvoicePayment] | None = None
    seller: Party | None = None
    buyer: Party | None = None


class OrderCoupon(Loose):
    code: Text | None = None


class Order(Row):
    order_number: Text | None = None
    status: Text | None = None
    coupon: OrderCoupon | None = None
    invoice_id: Id | None = None
    service_ids: list[Id] | None = None
    items: list[OrderItem] | None = None
    subtotal: Charge | None = None        # an order's figures are never below zero (a refund is the invoice's)
    discount: Charge | None = None
    tax_amount: Charge | None = None
    total: Charge | None = None


class CreditTransaction(Row):
    amount: Money | None = None             # signed: a payment takes credit, a top-up or refund adds it
    balance_after: Charge | None = None     # a balance never goes below zero (the contract)
    invoice_id: Id | None = None
    type: Text | None = None
    note: Text | None = None


class Notification(Loose):
    uuid: Id
    type: Text | None = None
    title: Text | None = None
    message: Text | None = None
    action_url: Text | None = None
    read: bool | None = None
    created_at: Stamp | None = None


class PreviewLine(Loose):
    product_id: Id | None = None


class Preview(Loose):
    """The panel's totals for a cart: the contract makes them the authority, so the two the buyer is shown and
    charged (`total`, `due_now`) must be there."""
    lines: list[PreviewLine] | None = None
    subtotal: Charge | None = None
    discount: Charge | None = None
    tax_amount: Charge | None = None
    total: Charge
    credits_applied: Charge | None = None
    due_now: Charge
    tax_rate: Rate | None = None
    currency: CurrencyText | None = None
    out_of_stock: list[Id] | None = None


class CouponCheck(Loose):
    valid: StrictBool   # the verdict itself: "yes" or 1 is no verdict
    code: Text | None = None
    type: Text | None = None
    value: Charge | None = None         # a percentage or an amount off, never below zero
    discount: Charge | None = None      # taken off the price: a negative one would add to it
    reason: Text | None = None
    recurring: bool | None = None       # kept with the cart's coupon: "false" as text read as true
    product_ids: list[Id] | None = None


class PaymentStarted(Loose):
    """What checkout, paying invoices and topping up answer: a payment, and what it is for."""

    payment: StartedPayment
    order: Order | None = None
    invoice: Invoice | None = None
    invoices: list[Invoice] | None = None   # paying several: each of them, in the order asked
    credits_held: Charge | None = None   # paying several invoices: credits kept for them until the gateway pays


class Cancellation(Loose):
    """A cancellation request's answer, shown on the service as its request until the service is read back."""
    id: Id | None = None
    type: Text | None = None
    reason: Text | None = None
    status: Text | None = None
    created_at: Stamp | None = None


class SyncState(Loose):
    version: Text
    server_time: Moment


class TicketRelated(Loose):
    invoice_id: Id | None = None
    service_id: Id | None = None


class TicketAuthor(Loose):
    name: Text | None = None
    staff: bool | None = None


class TicketMessage(Loose):
    id: Id
    ticket_id: Id | None = None
    author: TicketAuthor | None = None
    body: Text
    created_at: Stamp | None = None      # shown beside the message, and in the order of the conversation


class Ticket(Row):
    """A support ticket as the list shows it (contract addition "Support tickets"); a list row that carries the
    conversation too has it checked as the detail's."""

    ticket_number: Text | None = None
    subject: Text | None = None
    status: Text | None = None
    department: Text | None = None
    related: TicketRelated | None = None
    last_reply_at: Stamp | None = None    # a sort column of the Support list
    messages: list[TicketMessage] | None = None


class TicketDetail(Ticket):
    messages: list[TicketMessage]


class PageMeta(Loose):
    current_page: Annotated[Count, Field(ge=1)] | None = None
    total_pages: Annotated[Count, Field(ge=0)] | None = None
    server_time: Moment | None = None
