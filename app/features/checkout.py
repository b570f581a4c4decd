"""Paying: the cart's checkout, an invoice's "Pay" and a credits top-up all run through one `CheckoutSession`.

The session shows the review (the panel's own preview or invoice), starts the payment with one Idempotency-Key
per attempt (a retry after a dropped connection reuses it, so the panel answers the first order again), opens
the gateway's page in the dialog's web view, and afterwards reads the payment from the panel, syncs and says
what happened. The web view's word is never the truth; the panel's is.
"""
from __future__ import annotations

import logging
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from app import cart_store, checkout_flow, paths
from app.api import Conflict, NetworkError, ServerError, new_idempotency_key
from app.cache import AccountCache
from app.checkout_flow import describe, error_text
from app.core.cart import Cart
from app.core.navigation import NavigationPolicy, payment_id_of
from app.snapshot import AccountData
from app.views.checkout import CheckoutDialog

log = logging.getLogger(__name__)
KINDS = ("order", "invoice", "top_up")
TITLES = {"order": "Checkout", "invoice": "Pay invoice", "top_up": "Top up credits"}


def install(app) -> None:
    app.checkout_sessions = []
    cart = getattr(app.window, "sections", {}).get("cart")
    if cart is not None and hasattr(cart, "checkout_requested"):
        cart.checkout_requested.connect(
            lambda request: start_payment(app, app.current_id, "order", request) if app.current_id else None)


def start_payment(app, account_id: str, kind: str, request: dict, parent: QWidget | None = None) -> CheckoutSession:
    """Open the checkout dialog for `kind`: "order" {items, coupon_code, use_credits}, "invoice" {invoice_id}
    or "top_up" {amount}."""
    if kind not in KINDS:
        raise ValueError(f"unknown payment kind {kind!r}")
    session = CheckoutSession(app, account_id, kind, dict(request), parent or app.window)
    app.checkout_sessions.append(session)
    session.dialog.finished.connect(lambda _r: session in app.checkout_sessions and
                                    app.checkout_sessions.remove(session))
    session.open()
    return session


class CheckoutSession(QObject):
    def __init__(self, app, account_id: str, kind: str, request: dict, parent: QWidget) -> None:
        super().__init__(parent)
        self.app, self.account_id, self.kind, self.request = app, account_id, kind, request
        self.data: AccountData = app.data.get(account_id) or AccountData(account_id)
        self.key: str | None = None            # the current attempt's Idempotency-Key
        self.attempt: tuple | None = None      # (method, use_credits) the key was made for
        self.answer: dict | None = None        # the panel's answer to the start
        self.outcome: checkout_flow.Outcome | None = None
        self.dialog = CheckoutDialog(TITLES[kind], parent)
        self.dialog.pay_requested.connect(self.pay)
        self.dialog.retry_requested.connect(self.retry)
        self.dialog.web_ended.connect(self.web_ended)

    # -- review ---------------------------------------------------------------------------------------------------
    def open(self) -> None:
        self.dialog.open()
        if self.offline:
            self.dialog.set_methods([], credits_choice=False, use_credits=False)
            self.dialog.show_review_error(self.offline_text, can_pay=False)
            return
        self.dialog.show_progress("Asking the panel for the totals…")
        self.app.call(self.account_id, self._review_work, self._show_review, self._review_failed)

    @property
    def offline(self) -> bool:
        link = self.app.links.get(self.account_id)
        return bool(link is not None and link.offline)

    @property
    def offline_text(self) -> str:
        return ("Checkout needs a connection to the panel, and it cannot be reached right now. Nothing was "
                "ordered or charged; try again when Sett shows the panel online.")

    def _review_work(self, client) -> dict:
        if self.kind == "order":
            body = {"items": self.request["items"], "use_credits": bool(self.request.get("use_credits", True))}
            if self.request.get("coupon_code"):
                body["coupon_code"] = self.request["coupon_code"]
            return {"preview": client.post("/billing/checkout/preview", body), **self._account_reads(client)}
        if self.kind == "invoice":
            invoice = client.get(f"/billing/invoices/{self.request['invoice_id']}")
            return {"invoice": invoice, **self._account_reads(client)}
        return self._account_reads(client)

    def _account_reads(self, client) -> dict:
        config = client.billing_config()
        credits = client.get("/billing/credits") if config.get("credits_enabled") else {"enabled": False}
        return {"config": config, "credits": credits}

    def _show_review(self, reads: dict) -> None:
        money = AccountData(self.account_id, billing_config=reads["config"]).money
        config, credits = reads["config"], reads["credits"]
        balance = Decimal(str(credits.get("balance") or "0")) if credits.get("enabled", True) else Decimal(0)
        lines, totals, due, sold_out = [], [], Decimal(0), []
        if self.kind == "order":
            preview = reads["preview"]
            lines = [(f"{line.get('description', '')} × {line.get('quantity', 1)}", money(line.get("amount")))
                     for line in preview.get("lines") or []]
            if Decimal(str(preview.get("discount") or 0)):
                totals.append(("Discount", f"-{money(preview['discount'])}"))
            if Decimal(str(preview.get("tax_amount") or 0)):
                totals.append((f"Tax ({preview.get('tax_rate')}%)", money(preview["tax_amount"])))
            due = Decimal(str(preview.get("total") or 0))
            sold_out = preview.get("out_of_stock") or []
        elif self.kind == "invoice":
            invoice = reads["invoice"]
            lines = [(line.get("description", ""), money(line.get("amount"))) for line in invoice.get("lines") or []]
            due = Decimal(str(invoice.get("balance_due") or invoice.get("total") or 0))
        else:
            due = Decimal(str(self.request["amount"]))
            lines = [("Credit top-up", money(due))]
        totals.append(("Total" if self.kind != "invoice" else "Balance due", money(due)))
        if balance and self.kind != "top_up" and config.get("credits_enabled"):
            totals.append(("Your credits", money(balance)))
        methods = checkout_flow.available_methods(config, credits, due)
        if self.kind == "top_up" and "credits" in methods:
            methods.remove("credits")
        choice = bool(config.get("credits_enabled") and balance and self.kind != "top_up")
        self.dialog.set_review(f"{TITLES[self.kind]}: review", lines, totals)
        self.dialog.set_methods(methods, credits_choice=choice, use_credits=bool(self.request.get("use_credits", True)))
        if sold_out:
            self.dialog.show_review_error(f"Sorry, {self._names(sold_out)} is out of stock: remove it from the "
                                          "cart to check out. Nothing was ordered.", can_pay=False)
        else:
            self.dialog.show_review()

    def _review_failed(self, error: BaseException) -> None:
        self.dialog.set_methods([], credits_choice=False, use_credits=False)
        self.dialog.show_review_error(error_text(error, self._names), can_pay=False)

    def _names(self, product_ids: list) -> str:
        data = self.app.data.get(self.account_id) or self.data
        names = {p.get("id"): p.get("name") for p in data.products}
        return ", ".join(names.get(pid) or "a product in the cart" for pid in product_ids)

    # -- paying ---------------------------------------------------------------------------------------------------
    def pay(self, method: str, use_credits: bool) -> None:
        if self.offline:
            self.dialog.show_review_error(self.offline_text, can_pay=True)
            return
        if self.attempt != (method, use_credits) or self.key is None:
            self.key, self.attempt = new_idempotency_key(), (method, use_credits)
        self._start()

    def retry(self) -> None:
        """The same attempt again, with the same key: the panel answers the first order if it was made."""
        if self.attempt is not None:
            self._start()

    def _start(self) -> None:
        method, use_credits = self.attempt
        key, request = self.key, self.request
        self.dialog.show_progress("Placing your order…" if self.kind == "order" else "Starting the payment…")

        def work(client) -> dict:
            if self.kind == "order":
                return checkout_flow.start_order(client, request["items"], request.get("coupon_code"), use_credits,
                                                 method, key=key)
            if self.kind == "invoice":
                return checkout_flow.start_invoice_payment(client, request["invoice_id"], method, use_credits,
                                                           key=key)
            return checkout_flow.start_top_up(client, request["amount"], method, key=key)
        self.app.call(self.account_id, work, self._started, self._start_failed)

    def _started(self, answer: dict) -> None:
        self.answer = answer
        payment = answer.get("payment") or {}
        url = payment.get("checkout_url")
        if payment.get("status") == "requires_action" and url:
            account = self.app.accounts.get(self.account_id)
            policy = NavigationPolicy(account.panel_url, checkout_flow.RETURN_URL, checkout_flow.CANCEL_URL)
            self.dialog.show_web(url, policy)
        else:
            self._read("returned")

    def _start_failed(self, error: BaseException) -> None:
        retryable = isinstance(error, NetworkError | ServerError)
        if not retryable:
            self.key = None       # a refusal is not remembered by the panel: the next Pay is a new attempt
        self.dialog.show_review_error(error_text(error, self._names), can_retry=retryable,
                                      can_pay=not (isinstance(error, Conflict) and error.code == "out_of_stock"))

    # -- after the gateway ----------------------------------------------------------------------------------------
    def web_ended(self, how: str, url: str) -> None:
        payment_id = (self.answer or {}).get("payment", {}).get("id")
        if url and payment_id_of(url) not in (None, payment_id):
            log.warning("the gateway returned with another payment id than this checkout's; reading this one's")
        if how != "left":
            self.dialog.show_progress("Checking the payment with the panel…")
        self._read(how)

    def _read(self, how: str) -> None:
        payment_id = self.answer["payment"]["id"]
        self.app.call(self.account_id, lambda client: checkout_flow.read_outcome(client, payment_id),
                      lambda outcome: self._finished(how, outcome), lambda error: self._read_failed(how, error))

    def _finished(self, how: str, outcome: checkout_flow.Outcome) -> None:
        self.outcome = outcome
        if self.kind == "order" and outcome.status == "succeeded":
            # Emptied before the sync, so the snapshot the sync loads shows the cart empty.
            self.app.runner.run(self._clear_cart, lambda _r: self.app.sync.sync(self.account_id),
                                self._clear_failed)
        else:
            self.app.sync.sync(self.account_id)
        money = AccountData(self.account_id, billing_config=self.data.billing_config).money
        title, text = describe(self.kind, how, outcome, money)
        if how == "left":
            self.app.note(self.account_id, "checkout", "info", f"{title} {text}")
        elif self.dialog.isVisible():
            self.dialog.show_result(title, text)

    def _read_failed(self, how: str, error: BaseException) -> None:
        self.app.sync.sync(self.account_id)
        text = (f"Sett could not read the payment from the panel: {error_text(error, self._names)} "
                "Its state shows under Invoices after the next sync.")
        if how == "left" or not self.dialog.isVisible():
            self.app.note(self.account_id, "checkout", "warning", text)
        else:
            self.dialog.show_result("Payment state unknown", text)

    def _clear_failed(self, error: BaseException) -> None:
        log.error("could not empty the cart after an order: %s", error)
        self.app.sync.sync(self.account_id)

    def _clear_cart(self) -> None:
        with AccountCache(paths.account_cache(self.account_id)) as cache:
            options: dict[str, Any] = cart_store.load_options(cache)
            cart_store.save(cache, Cart(), {**options, "coupon": None})
