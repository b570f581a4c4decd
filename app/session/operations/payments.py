"""Paying: the review before it, starting an order, an invoice payment (one or several) or a top-up, and reading
what really happened afterwards, each an operation on the account's worker.

The caller makes one Idempotency-Key per attempt and sends the same key again when it retries that attempt, so a
retry after a dropped connection returns the first answer instead of a second order. The moment the panel has
created an order from the cart, the cached cart is emptied here, on the worker, whatever the payment does next.
"""
from __future__ import annotations

from collections.abc import Sequence

from app.api import ApiError, AuthRequired, BillingDisabled, NetworkError, RateLimited
from app.cache import CacheError
from app.core.changes import CART
from app.core.invoice_facts import UNPAID_STATUSES
from app.core.pay_due import has_balance

from .. import cart_store
from ..payments import CANCEL_URL, RETURN_URL, Outcome
from ..wording import action_failed
from . import Context, one_asked, reread

KINDS = ("order", "invoice", "invoices", "top_up")


# Failures that say nothing about one invoice: the panel cannot be reached or asked at all, so the review fails.
WHOLE_FAILURES = (NetworkError, AuthRequired, BillingDisabled, RateLimited)


def review(ctx: Context, kind: str, request: dict) -> dict:
    """What the review shows: the panel's own totals (a preview, or the invoices), its config and the credits.

    Paying several invoices, one the panel does not give (a 404, an answer Sett cannot read) is left out of the
    review and named in `reads["unreadable"]` (`{id, invoice_number, reason}`: its number as the cache has it, and
    why in words) instead of failing the whole review; the review fails only when none can be read. One the panel
    says is no longer due (paid or cancelled since the cache listed it) is left out too, in `reads["settled"]`."""
    client = ctx.client
    config = client.billing_config()
    credits = client.credits() if config.get("credits_enabled") else {"enabled": False}
    reads: dict = {"config": config, "credits": credits}
    if kind == "order":
        reads["preview"] = client.preview_checkout(request["items"], coupon_code=request.get("coupon_code") or None,
                                                   use_credits=bool(request.get("use_credits", True)))
    elif kind == "invoice":
        reads["invoices"] = [one_asked("invoice", request["invoice_id"], client.invoice(request["invoice_id"]))]
    elif kind == "invoices":
        reads["invoices"], reads["unreadable"] = _readable(ctx, request["invoice_ids"])
    check_places(config, reads)     # before anything is kept: a refused review changes nothing
    if reads.get("invoices"):
        ctx.save("invoices", reads["invoices"])
    if kind == "invoices":
        # The ids came from the cache: one paid or cancelled at the panel since (in its web page, by another
        # Sett) had the panel refuse the whole payment as not payable. It is left out, and said.
        reads["settled"] = [i for i in reads["invoices"] if not still_due(i)]
        reads["invoices"] = [i for i in reads["invoices"] if still_due(i)]
    return reads


def check_places(config: dict, reads: dict) -> None:
    """The amounts to be reviewed and charged, in the account's currency, with no more places than it has: the
    review showed "10.005" as $10.01, which is not what the panel would charge. A `BadAnswer` in words otherwise."""
    from app.api.validate import within_places

    currency = config.get("currency") if isinstance(config.get("currency"), dict) else {}
    code, places = currency.get("code"), currency.get("places")
    if not isinstance(code, str) or not code:
        return
    within_places("checkout preview", reads.get("preview"), code, places)
    if "unreadable" not in reads:
        for invoice in reads.get("invoices") or []:
            within_places("invoice", invoice, code, places)
        return
    # Several invoices: one whose amounts cannot be charged is left out and named, as one the panel would not give.
    kept = []
    for invoice in reads["invoices"]:
        try:
            within_places("invoice", invoice, code, places)
        except ApiError as error:
            reads["unreadable"].append({"id": str(invoice.get("id")), "invoice_number": invoice.get("invoice_number"),
                                        "reason": action_failed(error)})
            continue
        kept.append(invoice)
    if reads["invoices"] and not kept:
        within_places("invoice", reads["invoices"][0], code, places)     # none left: the review fails, in words
    reads["invoices"] = kept


def still_due(invoice: dict) -> bool:
    """Whether the panel's copy of an invoice is still to be paid: pending or overdue, with a balance left."""
    return invoice.get("status") in UNPAID_STATUSES and has_balance(invoice)


def _readable(ctx: Context, invoice_ids) -> tuple[list[dict], list[dict]]:
    """Each invoice as the panel has it now, and those it would not give; raises when it gave none."""
    read, unreadable, first_error = [], [], None
    for invoice_id in invoice_ids:
        try:
            read.append(one_asked("invoice", invoice_id, ctx.client.invoice(invoice_id)))
        except WHOLE_FAILURES:
            raise
        except ApiError as error:
            first_error = first_error or error
            try:
                cached = ctx.cache.invoice(str(invoice_id)) or {}
            except CacheError:
                cached = {}       # only its number was wanted, for the words
            unreadable.append({"id": str(invoice_id), "invoice_number": cached.get("invoice_number"),
                               "reason": action_failed(error)})
    if not read and first_error is not None:
        raise first_error
    return read, unreadable


def start(ctx: Context, kind: str, request: dict, method: str, use_credits: bool, key: str) -> dict:
    """Start the payment; the panel's answer `{order?, invoice?, payment}`."""
    client = ctx.client
    urls = {"return_url": RETURN_URL, "cancel_url": CANCEL_URL}
    if kind == "order":
        answer = client.checkout(request["items"], coupon_code=request.get("coupon_code") or None,
                                 use_credits=use_credits, payment_method=method, key=key, **urls)
        # The order exists now: the cart that made it is spent, paid or not.
        ctx.write(cart_store.emptied({"use_credits": use_credits}), CART)
        _keep(ctx, answer)
        ctx.touched("orders", "invoices", "services", "credits", "dashboard")
        return answer
    if kind == "invoice":
        answer = client.pay_invoice(request["invoice_id"], payment_method=method, use_credits=use_credits,
                                    key=key, **urls)
    elif kind == "invoices":
        answer = client.pay_invoices(list(request["invoice_ids"]), payment_method=method, use_credits=use_credits,
                                     key=key, **urls)
    else:
        answer = client.top_up(str(request["amount"]), payment_method=method, key=key, **urls)
    _keep(ctx, answer)
    ctx.touched("invoices", "credits", "dashboard")
    return answer


def _keep(ctx: Context, answer: dict) -> None:
    if isinstance(answer.get("order"), dict):
        ctx.save("orders", [answer["order"]])
    if isinstance(answer.get("invoice"), dict):
        ctx.save("invoices", [answer["invoice"]])


def read_outcome(ctx: Context, payment_id: str, also: Sequence[str] = (), order_id: str | None = None) -> Outcome:
    """The payment, and the order, invoices and services it paid for, read from the panel (never the web view),
    and written to the cache at once so every screen shows them before the sync that follows. `also`: the other
    invoices paid together with it (Pay all due settles some with credits, each a payment of its own, so the
    payment read back names only its own share), and the invoice this checkout started with; `order_id`: the order
    it placed. Both are read even when the payment read back does not name them (a panel may leave `invoice_id` or
    `order_id` out): otherwise the cache kept the start's copy, "pending", after a payment that succeeded.

    Only the payment itself is needed to say what happened. The user has just paid: an invoice, order or service
    the panel then fails to give (a 404 for a service its own order names, an answer Sett cannot read) is left out
    of the outcome and named in `Outcome.missing` (its earlier copy in the cache, if any, stands in for it on the
    result), and what was read is saved; the sync that follows brings the rest."""
    client = ctx.client
    payment = one_asked("payment", payment_id, client.payment(payment_id))
    outcome = Outcome(payment)
    invoice_ids = [str(i) for i in (payment.get("invoice_ids") or [])]
    if payment.get("invoice_id") and str(payment["invoice_id"]) not in invoice_ids:
        invoice_ids.insert(0, str(payment["invoice_id"]))
    invoice_ids += [str(i) for i in also if str(i) not in invoice_ids]
    outcome.invoices = _each(ctx, outcome, "invoices", client.invoice, ctx.cache.invoice, invoice_ids)
    outcome.invoice = outcome.invoices[0] if outcome.invoices else None
    service_ids = {str(line.get("service_id")) for invoice in outcome.invoices for line in invoice.get("lines") or []
                   if isinstance(line, dict) and line.get("service_id")}
    order_id = payment.get("order_id") or order_id
    if order_id:
        orders = _each(ctx, outcome, "orders", client.order, ctx.cache.order, [str(order_id)])
        outcome.order = orders[0] if orders else None
        service_ids |= {str(s) for s in (outcome.order or {}).get("service_ids") or []}
    outcome.services = _each(ctx, outcome, "services", client.service, ctx.cache.service, sorted(service_ids))
    reread.orders_of(ctx, outcome.invoices, known=[(outcome.order or {}).get("id")])
    reread.money_moved(ctx)
    reread.stock_of(ctx, outcome.order)       # the order took what it bought from the store's stock
    return outcome


def _each(ctx: Context, outcome: Outcome, table: str, read, cached, ids: Sequence[str]) -> list[dict]:
    """Each record of `table` as the panel has it now, saved as soon as it is read. One the panel does not give
    is named in `outcome.missing` and left to the sync; the copy the cache already holds (the start's answer
    saved it) stands in for it, unsaved, so the result still names the invoice or order paid."""
    rows, fresh = [], []
    for record_id in ids:
        try:
            row = one_asked(table, record_id, read(record_id))
        except ApiError:
            ctx.touched(table)
            if table not in outcome.missing:
                outcome.missing.append(table)
            kept = cached(record_id)
            if kept:
                rows.append(kept)
            continue
        rows.append(row)
        fresh.append(row)
    ctx.save(table, fresh)
    return rows


def order_made_earlier(ctx: Context) -> None:
    """An earlier attempt from this cart made an order whose answer was lost (the panel says so with
    `idempotency_conflict`): the newest orders, their invoices and what money moved, read back now, so Orders
    holds it to pay or cancel, as the words say, whether or not the sync that follows gets through."""
    orders = reread.newest(ctx, "orders")
    reread.records(ctx, "invoices", ctx.client.invoice, [o.get("invoice_id") for o in orders])
    reread.money_moved(ctx)


def cancel_order(ctx: Context, order_id: str, key: str) -> dict:
    """Cancel an order nothing was paid for: the panel gives back its stock, credits and coupon use."""
    order = one_asked("cancelled order", order_id, ctx.client.cancel_order(order_id, key=key))
    ctx.save("orders", [order])
    # Its invoice and services are cancelled with it, and credits applied to it are back in the balance.
    reread.records(ctx, "invoices", ctx.client.invoice, [order.get("invoice_id")])
    reread.records(ctx, "services", ctx.client.service, order.get("service_ids") or [])
    reread.money_moved(ctx)
    reread.stock_of(ctx, order)       # the stock it took is back
    return order


def cancel_top_up(ctx: Context, invoice_id: str, key: str) -> dict:
    """Cancel a credit top-up nothing was paid for: its invoice stops being due."""
    invoice = one_asked("cancelled top-up", invoice_id, ctx.client.cancel_top_up(invoice_id, key=key))
    ctx.save("invoices", [invoice])
    reread.dashboard(ctx)
    return invoice
