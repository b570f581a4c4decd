"""Paying: the cart's checkout, an invoice's "Pay", paying several invoices at once and a credits top-up all run
through one `CheckoutSession`.

The session shows the review (the panel's own preview or invoices: every line that makes the amount, credits
applied and what is due now), starts the payment with one Idempotency-Key per attempt (a retry after a dropped
connection reuses it, so the panel answers the first order again), opens the gateway's page in the dialog's web
view, and afterwards reads the payment from the panel, syncs and says what happened. The web view's word is never
the truth; the panel's is. Every step is an operation of the account's session (app.session.operations.payments).
"""
from __future__ import annotations

import json
import logging
from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QWidget

from app.api import Conflict, NetworkError, ServerError, new_idempotency_key, panel_may_have_acted
from app.core.account_data import AccountData
from app.core.formatting import rate_text
from app.core.invoice_facts import UNPAID_STATUSES
from app.core.money import currency_code, parse_money
from app.core.navigation import NavigationPolicy, payment_id_of
from app.core.text import QT_TRANSLATE_NOOP, translate
from app.session import AccountSession, Sessions
from app.session import payments as words
from app.session.operations import kept_keys as kept_ops
from app.session.operations import payments as pay_ops
from app.session.payments import describe, error_text, in_one_line
from app.views.sections import RECORD_SCREENS

log = logging.getLogger(__name__)
KINDS = pay_ops.KINDS
TITLES = {"order": QT_TRANSLATE_NOOP("CheckoutSession", "Checkout"),
          "invoice": QT_TRANSLATE_NOOP("CheckoutSession", "Pay invoice"),
          "invoices": QT_TRANSLATE_NOOP("CheckoutSession", "Pay all due"),
          "top_up": QT_TRANSLATE_NOOP("CheckoutSession", "Top up credits")}


class Checkout(QObject):
    """Opens checkout dialogs for the screens that ask for one; keeps the open ones."""

    def __init__(self, sessions: Sessions, window) -> None:
        super().__init__(window)
        self.sessions, self.window = sessions, window
        self.open_sessions: list[CheckoutSession] = []
        self._waiting: tuple[str, str, str] | None = None     # (account, kind, id) to open once its data is shown
        # The note a payment left mid-way put up, and the invoices it is about, per account: the note goes once none
        # of them is payable (paid, or cancelled with its order or as a top-up) rather than saying "stays payable"
        # for good; a newer note in its place is left alone.
        self._left: dict[str, tuple[object, set[str]]] = {}
        sessions.data_shown.connect(self._data_shown)
        window.sections.on_built("cart", lambda cart: cart.checkout_requested.connect(
            lambda request: self.start(self.sessions.current_id, "order", request)))

    def start(self, account_id: str | None, kind: str, request: dict,
              parent: QWidget | None = None) -> CheckoutSession | None:
        """Open the checkout dialog for `kind`: "order" {items, coupon_code, use_credits}, "invoice" {invoice_id},
        "invoices" {invoice_ids} or "top_up" {amount}."""
        if kind not in KINDS:
            raise ValueError(f"unknown payment kind {kind!r}")
        session = self.sessions.get(account_id)
        if session is None:
            return None
        checkout = CheckoutSession(session, kind, dict(request), parent or self.window,
                                   show_record=lambda what, target: self.show_record(session.id, what, target),
                                   left_open=lambda ids: self._left.__setitem__(
                                       session.id, (session.notes.get("checkout"), set(ids))),
                                   told=lambda records: self._told(session.id, records),
                                   on_screen=lambda what, target: self.on_screen(session.id, what, target))
        self.open_sessions.append(checkout)
        checkout.dialog.finished.connect(lambda _r: checkout in self.open_sessions and
                                         self.open_sessions.remove(checkout))
        checkout.dialog.open_requested.connect(lambda kind, target: self._open(checkout, kind, target))
        checkout.open()
        return checkout

    def _told(self, account_id: str, records: list[tuple[str, str]]) -> None:
        told = getattr(self.window, "records_told", None)
        if told is not None and records:
            told.emit(account_id, records)

    def _open(self, checkout: CheckoutSession, kind: str, target: str) -> None:
        """A next step of the result (the new service, the paid invoice, the unpaid order): the dialog closes and the
        window shows it, on the checkout's account."""
        checkout.dialog.accept()
        self.show_record(checkout.account_id, kind, target)

    def show_record(self, account_id: str, kind: str, target: str) -> None:
        """The window shows a record a checkout ended on ("service" | "invoice" | "order", its id), on its account
        (from the result's buttons, or from the note of a payment left mid-way, after the dialog has gone)."""
        if self.sessions.shut_down or self.sessions.get(account_id) is None:
            return          # quit meanwhile, or the account was removed since
        if self.sessions.current_id != account_id:
            self.sessions.select(account_id)
        # A record the checkout made may reach the screen only with the sync the result started: opened then.
        self._waiting = None if self.window.open_record(kind, target) else (account_id, kind, target)

    def on_screen(self, account_id: str, kind: str, target: str) -> bool:
        """Whether the window shows that record's page now, on that account (the invoice paid from its own page)."""
        window = self.window
        key = RECORD_SCREENS.get(kind)
        if self.sessions.current_id != account_id or key is None or window.current_key != key \
                or not window.sections.is_built(key):
            return False
        section = window.sections[key]
        return bool(getattr(section, "page_open", False)) and getattr(section, "record_id", "") == str(target)

    def _data_shown(self, account_id: str, data) -> None:
        note, left = self._left.get(account_id, (None, None))
        if left is not None and data is not None:
            payable = {str(r.get("id")) for r in data.invoices if r.get("status") in UNPAID_STATUSES}
            if not left & payable:
                del self._left[account_id]
                session = self.sessions.get(account_id)
                if session is not None and session.notes.get("checkout") is note:
                    session.clear_note("checkout")
        if self._waiting is not None and self._waiting[0] == account_id:
            waiting, self._waiting = self._waiting, None
            if self.sessions.current_id == account_id and self.window.current_key == RECORD_SCREENS[waiting[1]]:
                self.show_record(*waiting)         # once, and only while the user still looks for it

    def close_all(self) -> None:
        """On quit: every open checkout dialog ends now, its pay page deleted before its off-the-record profile
        (CheckoutDialog.done), while the QApplication still exists rather than in the interpreter's finalising."""
        for checkout in list(self.open_sessions):
            checkout.dialog.done(QDialog.DialogCode.Rejected)
        self.open_sessions.clear()


class CheckoutSession(QObject):
    def __init__(self, session: AccountSession, kind: str, request: dict, parent: QWidget,
                 show_record: Callable[[str, str], None] | None = None,
                 left_open: Callable[[list[str]], None] | None = None,
                 told: Callable[[list[tuple[str, str]]], None] | None = None,
                 on_screen: Callable[[str, str], bool] | None = None) -> None:
        super().__init__(parent)
        self.session, self.kind, self.request = session, kind, request
        self.on_screen = on_screen      # (kind, id): whether the window shows that record's page now
        self.told = told      # [("invoice" | "service", id)]: the records a payment's result says were paid or set up
        self.show_record = show_record          # (kind, id): the window shows that record (the note's action)
        self.left_open = left_open              # (invoice ids): the note of a payment left mid-way is about them
        self.account_id = session.id
        self.data: AccountData = session.data or AccountData(session.id)
        self.key: str | None = None            # the current attempt's Idempotency-Key
        self.attempt: tuple | None = None      # (method, use_credits) the key was made for
        self.answer: dict | None = None        # the panel's answer to the start
        self.outcome: words.Outcome | None = None
        # QtWebEngine (~50 ms to import, and Chromium's memory) loads with the first checkout, not at start-up.
        from app.views.checkout import CheckoutDialog

        self.title = self._title()
        self.dialog = CheckoutDialog(self.title, parent)
        self.dialog.pay_requested.connect(self.pay)
        self.dialog.retry_requested.connect(self.retry)
        self.dialog.web_ended.connect(self.web_ended)

    def _title(self) -> str:
        """What the dialog is titled. Pay selected… of some of the invoices due says how many it pays: titled
        "Pay all due", it read as if every invoice due were paid, while the Invoices bar beside it still offered
        Pay all due for the ones left."""
        if self.kind == "invoices":
            ids = {str(i) for i in self.request.get("invoice_ids") or []}
            if ids != set(self.data.payable_ids):
                count = len(ids)        # a plain name: pyside6-lupdate reads a plural's count only as one
                return translate("CheckoutSession", "Pay %n invoice(s)", None, count)
        return translate("CheckoutSession", TITLES[self.kind])

    # -- review ---------------------------------------------------------------------------------------------------
    def open(self) -> None:
        self.dialog.open()
        if self.offline:
            self.dialog.set_methods([], credits_choice=False, use_credits=False)
            self.dialog.show_review_error(self.offline_text, can_pay=False)
            return
        self.dialog.show_progress(translate("CheckoutSession", "Asking the panel for the totals…"))
        self.session.run(pay_ops.review, self.kind, self.request, on_done=self._show_review,
                         on_error=self._review_failed)

    @property
    def offline(self) -> bool:
        return self.session.link.offline

    @property
    def offline_text(self) -> str:
        return translate("CheckoutSession", "Checkout needs a connection to the panel, and it cannot be reached right "
                         "now. Nothing was ordered or charged; try again when Sett shows the panel online.")

    def _show_review(self, reads: dict) -> None:
        config, credits = reads["config"], reads["credits"]
        account = AccountData(self.account_id, billing_config=config)
        code = (account.currency_code and _currency_of(reads, self.kind)) or account.currency_code
        # Amounts in another currency than the account's (an invoice from before the operator changed it, or a
        # hostile panel) are written in theirs, never with the account's symbol, and credits (kept in the account's
        # currency) are not offered against them.
        money = AccountData(self.account_id, billing_config={
            **config, "currency": {**account.currency, "code": code, "symbol": code}}).money \
            if code != account.currency_code else account.money
        foreign = code != account.currency_code or currency_code(credits.get("currency") or code) != code
        balance = _amount(credits.get("balance")) if credits.get("enabled", True) and not foreign else Decimal(0)
        credits_on = bool(config.get("credits_enabled") and balance and self.kind != "top_up")
        use_credits = bool(self.request.get("use_credits", True)) and credits_on
        lines, totals, sold_out = [], [], []
        top_ups = False
        if self.kind == "order":
            preview = reads["preview"]
            lines = [(f"{line.get('description', '')} × {line.get('quantity', 1)}", money(line.get("amount")))
                     for line in preview.get("lines") or []]
            totals += _breakdown(preview, money)
            total = _amount(preview.get("total"))
            credits_used = _amount(preview.get("credits_applied")) if use_credits else Decimal(0)
            sold_out = preview.get("out_of_stock") or []
        elif self.kind in ("invoice", "invoices"):
            invoices = reads["invoices"]
            if self.kind == "invoices" and (reads.get("unreadable") or reads.get("settled")):
                # Only what the review shows is paid: an invoice the panel would not give now is left out (its
                # amount is not known), and one no longer due (the panel would refuse the whole payment), said in
                # words below.
                shown = {str(i.get("id")) for i in invoices}
                self.request["invoice_ids"] = [i for i in self.request["invoice_ids"] if str(i) in shown]
            for invoice in invoices:
                prefix = f"{invoice.get('invoice_number')}: " if len(invoices) > 1 else ""
                lines += [(prefix + str(line.get("description", "")), money(line.get("amount")))
                          for line in invoice.get("lines") or []]
                totals += [(prefix + label, value) for label, value in _breakdown(invoice, money)]
                paid = _amount(invoice.get("amount_paid"))     # credits included (docs/api.md): never add them twice
                if paid:
                    totals.append((prefix + translate("CheckoutSession", "Already paid"), money(-paid)))
            total = sum((_due(i) for i in invoices), Decimal(0))
            # The panel applies no credits to a top-up invoice (credits cannot buy credits).
            creditable = sum((_due(i) for i in invoices if i.get("kind") != "top_up"), Decimal(0))
            credits_used = min(balance, creditable) if use_credits else Decimal(0)
            top_ups = any(i.get("kind") == "top_up" for i in invoices)
        else:
            total = _amount(self.request["amount"])
            lines = [(translate("CheckoutSession", "Credit top-up"), money(total))]
            credits_used = Decimal(0)
        totals.append((translate("CheckoutSession", "Total") if self.kind == "order"
                       else translate("CheckoutSession", "Balance due"), money(total)))
        if credits_used:
            totals.append((translate("CheckoutSession", "Credits applied"), money(-credits_used)))
        due_now = max(Decimal(0), total - credits_used)
        totals.append((translate("CheckoutSession", "Due now") if due_now == 0
                       else translate("CheckoutSession", "Due now, charged to your chosen method"), money(due_now)))
        methods = words.available_methods(config, credits, total)
        if foreign and "credits" in methods:
            methods.remove("credits")
        if (self.kind == "top_up" or top_ups) and "credits" in methods:
            methods.remove("credits")
        if "credits" in methods and use_credits and due_now == 0:
            methods.remove("credits")
            methods.insert(0, "credits")    # credits cover it: that is the method that will be used
        self.dialog.set_review(translate("CheckoutSession", "{title}: review").format(
            title=self.title), lines, totals)
        self.dialog.set_methods(methods, credits_choice=credits_on, use_credits=use_credits)
        if sold_out:
            self.dialog.show_review_error(translate("CheckoutSession", "Sorry, {products} is out of stock: remove it "
                                                    "from the cart to check out. Nothing was ordered.").format(
                products=self._names(sold_out)), can_pay=False)
        elif self.kind == "invoice" and not any(pay_ops.still_due(i) for i in reads["invoices"]):
            # Paid or cancelled at the panel since the screen listed it (its fresh copy is saved: the screens
            # say so now): paying would only be refused as not payable.
            self.dialog.show_review_error(words.not_due_text(reads["invoices"][0]), can_pay=False)
        elif reads.get("unreadable") or reads.get("settled"):
            said = [words.settled_text(reads.get("settled") or []),
                    words.unreadable_text(reads.get("unreadable") or [])]
            self.dialog.show_review_error(" ".join(t for t in said if t), can_pay=bool(reads["invoices"]))
        else:
            self.dialog.show_review()

    def _review_failed(self, error: BaseException) -> None:
        self.dialog.set_methods([], credits_choice=False, use_credits=False)
        self.dialog.show_review_error(error_text(error, self._names), can_pay=False)

    def _names(self, product_ids: list) -> str:
        data = self.session.data or self.data
        names = {p.get("id"): p.get("name") for p in data.products}
        return ", ".join(names.get(pid) or translate("CheckoutSession", "a product in the cart") for pid in product_ids)

    # -- paying ---------------------------------------------------------------------------------------------------
    def pay(self, method: str, use_credits: bool) -> None:
        if self.offline:
            self.dialog.show_review_error(self.offline_text, can_pay=True)
            return
        if self.attempt != (method, use_credits) or self.key is None:
            self.attempt = (method, use_credits)
            self.key = self._remembered_key() or new_idempotency_key()
            if self.kind == "order":
                self.session.cart.remember_checkout(self.key, self._attempt_text())
        self._start()

    def _attempt_text(self) -> str:
        """What an order attempt buys, as the cart remembers it: its items and coupon. Not the method or credits:
        the same cart paid another way after a lost answer must not become a second order (the panel answers the
        key with other details as a conflict, which says the first attempt made the order; see _start_failed)."""
        return json.dumps({"items": self.request.get("items"), "coupon_code": self.request.get("coupon_code")},
                          sort_keys=True, default=str)

    def _remembered_key(self) -> str | None:
        """An order attempt from this cart whose answer never came, closed or quit since: the same key again. (A
        payment or top-up the panel may have started keeps its key in the account's cache, by what it asks:
        `pay_ops.start` runs through `kept_keys.keyed`, which sends that key instead of this one.)"""
        if self.kind == "order":
            cart, attempt = self.session.cart, self._attempt_text()
            if cart.checkout_expired(attempt):
                # Past the panel's window for keys (24 h): the panel may have forgotten it, so this is a new attempt.
                self.session.note("checkout_window", "warning", translate(
                    "CheckoutSession", "An earlier attempt to order this cart got no answer more than 24 hours ago, "
                    "longer than the panel keeps track of it, so this is sent as a new order. If that attempt made "
                    "an order, it is in Orders: cancel the one you do not want."))
            return cart.checkout_key(attempt)
        return None

    def _payment_attempt(self) -> list:
        """What a payment attempt asks, by which its key is kept: the same payment asked again, from a new dialog
        or after a restart, goes with the same key (a new key raised a second top-up invoice)."""
        method, use_credits = self.attempt
        return [self.kind, json.dumps(self.request, sort_keys=True, default=str), method, bool(use_credits)]

    def retry(self) -> None:
        """The same attempt again, with the same key: the panel answers the first order if it was made."""
        if self.attempt is not None:
            self._start()

    def _start(self) -> None:
        method, use_credits = self.attempt
        self.dialog.show_progress(translate("CheckoutSession", "Placing your order…") if self.kind == "order"
                                  else translate("CheckoutSession", "Starting the payment…"))
        if self.kind == "order":      # its key is saved with the cart before it is sent (CartModel.remember_checkout)
            cart = self.session.cart
            self.session.run(kept_ops.order, cart.cart.to_dicts(), dict(cart.options), self.request, method,
                             use_credits, self.key, on_done=self._started, on_error=self._start_failed)
            return
        self.session.run(kept_ops.keyed, "pay", self._payment_attempt(), pay_ops.start, self.kind, self.request,
                         method, use_credits, key=self.key, on_done=self._started, on_error=self._start_failed)

    def _started(self, answer: dict) -> None:
        self.answer = answer
        if self.kind == "order" and not self.session.closed:
            self.session.cart.clear()      # the order exists: the cart is spent, whatever the payment does
        payment = answer.get("payment") or {}
        url = payment.get("checkout_url")
        if not self.dialog.isVisible():
            # Closed while the panel was placing it: the payment is left, as when its page is left (read from the
            # panel, a sync, and a note saying what happened), not opened in a dialog no one sees.
            self._read("left")
        elif payment.get("status") == "requires_action" and url:
            policy = NavigationPolicy(self.session.account.panel_url, words.RETURN_URL, words.CANCEL_URL)
            problem = policy.first_page_problem(url)
            if problem:    # its first load would open a site of the panel's choosing in the system browser
                log.warning("checkout page not opened: not on the panel or a gateway")   # its URL may hold a token
                self.session.sync()
                self.dialog.show_result(translate("CheckoutSession", "Payment page not opened"), problem)
            else:
                self.dialog.show_web(url, policy)
        else:
            self._read("returned")

    def _start_failed(self, error: BaseException) -> None:
        if self.kind == "order" and isinstance(error, Conflict) and error.code == "idempotency_conflict" \
                and not self.session.closed:
            # The panel keeps a key only for what it did: an earlier attempt from this cart, whose answer was lost,
            # made the order. It is in Orders (the sync brings it) to pay or cancel; the cart is spent.
            self.key = None
            self.session.cart.clear()
            self.session.run(pay_ops.order_made_earlier, on_done=lambda _r: self.session.sync(),
                             on_error=lambda _e: self.session.sync())
            self.dialog.show_review_error(translate(
                "CheckoutSession", "This cart was already ordered: an earlier attempt reached the panel, but its "
                "answer was lost. The order is in Orders, where you can pay or cancel it."), can_pay=False)
            return
        # Whenever the panel may have acted (a lost answer, a timeout, a 5xx, an answer Sett cannot read: HTML, a
        # wrong shape, too large), the attempt keeps its key, so Try again (or the same cart later) is answered with
        # what the panel made instead of making a second order or charge. Only a definite refusal drops it
        # (app.api.idempotency, the one rule for every keyed action).
        retryable = panel_may_have_acted(error)
        unreadable = retryable and not isinstance(error, NetworkError | ServerError)
        # Nothing was sent (its key could not be saved first): the attempt, and the key an earlier one may have
        # reached the panel with, stay as they were, so Try again is still the same attempt.
        not_sent = isinstance(error, kept_ops.NotSent)
        if not retryable and not not_sent:
            self.key = None       # a refusal is not remembered by the panel: the next Pay is a new attempt
            if self.kind == "order" and not self.session.closed:
                self.session.cart.forget_checkout()
        text = error_text(error, self._names)
        if unreadable:
            self.session.sync()   # what the panel made, if it made anything, shows with the sync
            text = translate("CheckoutSession", "{error} The panel may have acted on it: Try again asks about this "
                                                "same attempt, so nothing is ordered or charged twice.").format(
                error=text)
        self.dialog.show_review_error(text, can_retry=retryable or not_sent,
                                      can_pay=not (isinstance(error, Conflict) and error.code == "out_of_stock"))

    # -- after the gateway ----------------------------------------------------------------------------------------
    def web_ended(self, how: str, url: str) -> None:
        payment_id = (self.answer or {}).get("payment", {}).get("id")
        if url and payment_id_of(url) not in (None, payment_id):
            log.warning("the gateway returned with another payment id than this checkout's; reading this one's")
        if how != "left":
            self.dialog.show_progress(translate("CheckoutSession", "Checking the payment with the panel…"))
        self._read(how)

    def _read(self, how: str) -> None:
        payment_id = self.answer["payment"]["id"]
        also = list(self.request.get("invoice_ids") or []) if self.kind == "invoices" else []
        # What this checkout paid for, read back whether or not the payment names it.
        started = self.answer.get("invoice") if isinstance(self.answer.get("invoice"), dict) else {}
        also += [str(i) for i in (self.request.get("invoice_id") if self.kind == "invoice" else None,
                                  started.get("id")) if i is not None and str(i) not in also]
        order = self.answer.get("order") if isinstance(self.answer.get("order"), dict) else {}
        if self.told is not None and how == "returned":
            # Before the read-back, which brings the panel's newest notifications ("Payment received") with it.
            services = order.get("service_ids") if isinstance(order.get("service_ids"), list) else []
            self.told([("invoice", str(i)) for i in also] + [("service", str(i)) for i in services])
        self.session.run(pay_ops.read_outcome, payment_id, also, order.get("id"),
                         on_done=lambda outcome: self._finished(how, outcome),
                         on_error=lambda error: self._read_failed(how, error))

    def _finished(self, how: str, outcome: words.Outcome) -> None:
        self.outcome = outcome
        if self.told is not None and outcome.status == "succeeded":
            # What the panel says it paid and set up (read back), before the sync that follows.
            paid = outcome.invoices or ([outcome.invoice] if outcome.invoice else [])
            self.told([(kind, str(row["id"])) for kind, rows in (("invoice", paid), ("service", outcome.services))
                       for row in rows if isinstance(row, dict) and row.get("id") is not None])
        self.session.sync()
        money = AccountData(self.account_id, billing_config=self.data.billing_config).money
        title, text = describe(self.kind, how, outcome, money)
        steps = next_steps(self.kind, outcome)
        if how == "left":
            # The dialog is gone: the note says what happened, and offers the result's first next step (the unpaid
            # order's page, the invoice still payable, the service just paid for).
            first = steps[0] if steps and self.show_record is not None else None
            # (A button's clicked passes `checked` first: the record must not be the lambda's first argument.)
            action = ((first[0], lambda _checked=False, what=first[1], target=first[2]: self.show_record(what, target))
                      if first is not None else None)
            self.session.note("checkout", "info", in_one_line(self.kind, how, outcome, money), action)
            invoices = outcome.invoices or ([outcome.invoice] if outcome.invoice else [])
            if self.left_open is not None and invoices:
                self.left_open([str(i.get("id")) for i in invoices])
        elif self.dialog.isVisible():
            # Paid from the invoice's own page, "View invoice" would only close the dialog over the page it came from.
            shown = self.on_screen or (lambda _kind, _target: False)
            self.dialog.show_result(title, text, [step for step in steps if not shown(step[1], step[2])])

    def _read_failed(self, how: str, error: BaseException) -> None:
        self.session.sync()
        text = translate("CheckoutSession", "Sett could not read the payment from the panel: {error} Its state shows "
                         "under Invoices after the next sync.").format(error=error_text(error, self._names))
        if how == "left" or not self.dialog.isVisible():
            self.session.note("checkout", "warning", text)
        else:
            self.dialog.show_result(translate("CheckoutSession", "Payment state unknown"), text)


def next_steps(kind: str, outcome: words.Outcome) -> list[tuple[str, str, str]]:
    """What the result offers to open once paid: the order's new service, and the invoice paid (when one). An order
    left unpaid offers its page, where it can be paid later or cancelled; an invoice or a top-up left unpaid, the
    invoice, which stays payable."""
    if outcome.status != "succeeded":
        if outcome.status not in ("cancelled", "failed", "pending"):
            return []
        order_id = (outcome.order or {}).get("id")
        if kind == "order" and order_id is not None:
            return [(translate("CheckoutSession", "View order"), "order", str(order_id))]
        invoices = outcome.invoices or ([outcome.invoice] if outcome.invoice else [])
        if kind in ("invoice", "top_up") and len(invoices) == 1 and invoices[0].get("id") is not None:
            return [(translate("CheckoutSession", "View invoice"), "invoice", str(invoices[0]["id"]))]
        return []
    steps = []
    service = next((s for s in outcome.services if s.get("id") is not None), None)
    if kind == "order" and service is not None:
        steps.append((translate("CheckoutSession", "Open service"), "service", str(service["id"])))
    invoices = outcome.invoices or ([outcome.invoice] if outcome.invoice else [])
    if len(invoices) == 1 and invoices[0].get("id") is not None:
        steps.append((translate("CheckoutSession", "View invoice"), "invoice", str(invoices[0]["id"])))
    return steps


def _currency_of(reads: dict, kind: str) -> str | None:
    """The currency the review's amounts are in, as the panel names it (None where it names none)."""
    sources = [reads.get("preview")] if kind == "order" else list(reads.get("invoices") or [])
    for source in sources:
        if isinstance(source, dict) and source.get("currency"):
            return currency_code(source["currency"])     # "usd" is the account's "USD", never a foreign currency
    return None


def _amount(value) -> Decimal:
    try:
        return parse_money(value) if value not in (None, "") else Decimal(0)
    except (TypeError, ValueError):
        return Decimal(0)


def _due(invoice: dict) -> Decimal:
    return _amount(invoice.get("balance_due") if invoice.get("balance_due") is not None else invoice.get("total"))


def _breakdown(source: dict, money) -> list[tuple[str, str]]:
    """Subtotal, discount and tax of a preview or an invoice, as the review lists them."""
    rows = []
    if source.get("subtotal") is not None:
        rows.append((translate("CheckoutSession", "Subtotal"), money(source["subtotal"])))
    if _amount(source.get("discount")):
        code = source.get("coupon_code")
        rows.append((translate("CheckoutSession", "Discount ({code})").format(code=code) if code
                     else translate("CheckoutSession", "Discount"), money(-_amount(source['discount']))))
    if _amount(source.get("tax_amount")):
        rate = source.get("tax_rate")
        label = (translate("CheckoutSession", "Tax ({rate}, included)") if source.get("tax_inclusive")
                 else translate("CheckoutSession", "Tax ({rate})"))
        rows.append((label.format(rate=rate_text(rate)), money(source["tax_amount"])))     # "20%" / "7,5 %"
    return rows


def install(sessions: Sessions, window) -> Checkout:
    return Checkout(sessions, window)
