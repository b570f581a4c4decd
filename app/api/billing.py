"""`BillingCalls`: one typed method per endpoint of `panel-api.md` that the app calls after logging in, so no code
outside `app/api` spells a path. Each returns the answer's `data` (a dict unless said otherwise); `key` is the
Idempotency-Key of one attempt (the caller makes it with `new_idempotency_key()` and resends it on a retry).

Return and cancel URLs are sent only for gateways: paying by credits never leaves the app, so it has none.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from app.core.text import translate

from .body import ReadBudget
from .currency_check import config_currency, in_currency
from .once import one_per_id
from .paging import PageCheck
from .paths import LIST_PATHS, LIST_ROWS, segment
from .response import usable_etag
from .validate import bad_answer, checked, checked_rows

if TYPE_CHECKING:
    from .client import Page


def _urls(payment_method: str, return_url: str | None, cancel_url: str | None) -> dict[str, str]:
    if payment_method == "credits":
        return {}
    return {key: value for key, value in (("return_url", return_url), ("cancel_url", cancel_url)) if value}


class BillingCalls:
    """Mixed into `PanelClient`, which provides `get`, `post`, `delete`, `request` and `list_page`.

    Every answer that carries money names only currencies that are ISO 4217's (`currency_check.in_currency`)."""

    def _money(self, resource: str, data: Any) -> Any:
        return in_currency(resource, data)

    def in_account_currency(self, resource: str, data: Any) -> Any:
        """`data` (a record or rows) once the currencies it names are currencies; a `BadAnswer` naming the field
        otherwise (`currency_check.in_currency`)."""
        return self._money(resource, data)

    # -- reads ------------------------------------------------------------------------------------------------
    def public_settings(self) -> dict:
        return checked("public settings", "PublicSettings", self.get("/settings/public"))

    def me(self) -> dict:
        return checked("your account", "Me", self.get("/auth/me"))

    def billing_config(self) -> dict:
        config = checked("billing settings", "BillingConfig", self.get("/billing/config"))
        config_currency("billing settings", config)
        return self._money("billing settings", config)

    def dashboard(self) -> dict:
        return self._money("dashboard", checked("dashboard", "Dashboard", self.get("/billing/dashboard")))

    def credits(self) -> dict:
        return self._money("credits", checked("credits", "Credits", self.get("/billing/credits")))

    # One record read by id is checked against its schema only: its caller checks its currencies
    # (`in_account_currency`), as the sync does an invoice's detail and a payment's review each invoice, so that a
    # refused invoice can still be named by its number where several are paid.
    def payment(self, payment_id: str) -> dict:
        return checked("payment", "Payment", self.get(f"/billing/payments/{segment(payment_id)}"))

    def invoice(self, invoice_id: str) -> dict:
        return checked("invoice", "Invoice", self.get(f"/billing/invoices/{segment(invoice_id)}"))

    def order(self, order_id: str) -> dict:
        return checked("order", "Order", self.get(f"/billing/orders/{segment(order_id)}"))

    def service(self, service_id: str) -> dict:
        return checked("service", "Service", self.get(f"/billing/services/{segment(service_id)}"))

    def service_invoices(self, service_id: str, *, per_page: int = 100) -> list[dict]:
        """Every invoice of one service, all pages."""
        rows = self.all_pages(f"/billing/services/{segment(service_id)}/invoices", per_page=per_page)
        return self._money("service invoices", checked_rows("service invoices", "Invoice", rows))

    def synced_list(self, name: str, *, page: int = 1, per_page: int = 100, params: Mapping[str, Any] | None = None,
                    etag: str | None = None) -> Page:
        """One page of a list a sync keeps in the cache, by its name in `paths.LIST_PATHS`."""
        got = self.list_page(LIST_PATHS[name], page=page, per_page=per_page, params=params, etag=etag)
        resource = name.replace("_", " ")
        self._money(resource, checked_rows(resource, LIST_ROWS[name], got.data))
        return got

    def sync_state(self, *, etag: str | None = None) -> tuple[dict | None, str | None]:
        """`({version, server_time}, etag)`, or `(None, etag)` when the panel answered 304 to the ETag sent."""
        etag = usable_etag(etag)
        response = self.request("GET", "/sync/state", etag=etag)
        if response.status_code == 304 and etag:
            return None, etag
        return checked("sync state", "SyncState", response.data()), response.etag

    # -- the cart ---------------------------------------------------------------------------------------------
    def preview_checkout(self, items: Sequence[Mapping], *, coupon_code: str | None = None,
                         use_credits: bool = True) -> dict:
        body: dict[str, Any] = {"items": list(items), "use_credits": bool(use_credits)}
        if coupon_code:
            body["coupon_code"] = coupon_code
        return self._money("checkout preview", checked("checkout preview", "Preview",
                                                       self.post("/billing/checkout/preview", body)))

    def validate_coupon(self, code: str, items: Sequence[Mapping]) -> dict:
        answer = self.post("/billing/coupons/validate", {"code": code, "items": list(items)})
        return self._money("coupon check", checked("coupon check", "CouponCheck", answer))

    # -- paying (each with an Idempotency-Key) ----------------------------------------------------------------
    def checkout(self, items: Sequence[Mapping], *, coupon_code: str | None, use_credits: bool, payment_method: str,
                 return_url: str | None, cancel_url: str | None, key: str) -> dict:
        """-> `{order, invoice, payment}`."""
        body: dict[str, Any] = {"items": list(items), "use_credits": bool(use_credits),
                                "payment_method": payment_method, **_urls(payment_method, return_url, cancel_url)}
        if coupon_code:
            body["coupon_code"] = coupon_code
        answer = checked("checkout", "PaymentStarted", self.post("/billing/checkout", body, idempotency_key=key))
        return self._started("checkout", answer, made=True)

    def pay_invoice(self, invoice_id: str, *, payment_method: str, use_credits: bool = True,
                    return_url: str | None = None, cancel_url: str | None = None, key: str) -> dict:
        """-> `{invoice, payment}`."""
        body = {"payment_method": payment_method, "use_credits": bool(use_credits),
                **_urls(payment_method, return_url, cancel_url)}
        answer = checked("invoice payment", "PaymentStarted",
                         self.post(f"/billing/invoices/{segment(invoice_id)}/pay", body, idempotency_key=key))
        return self._started("invoice payment", answer, asked=[invoice_id])

    def pay_invoices(self, invoice_ids: Sequence[str], *, payment_method: str, use_credits: bool = True,
                     return_url: str | None = None, cancel_url: str | None = None, key: str) -> dict:
        """One payment for several invoices (contract addition `POST /billing/invoices/pay`) -> `{payment, ...}`."""
        body = {"invoice_ids": [str(i) for i in invoice_ids], "payment_method": payment_method,
                "use_credits": bool(use_credits), **_urls(payment_method, return_url, cancel_url)}
        answer = checked("invoices payment", "PaymentStarted",
                         self.post("/billing/invoices/pay", body, idempotency_key=key))
        return self._started("invoices payment", answer, asked=list(invoice_ids))

    def top_up(self, amount: Any, *, payment_method: str, return_url: str | None, cancel_url: str | None,
               key: str) -> dict:
        """-> `{invoice, payment}`; `amount` goes out as the contract's decimal string."""
        body = {"amount": str(amount), "payment_method": payment_method,
                **_urls(payment_method, return_url, cancel_url)}
        answer = checked("top-up", "PaymentStarted", self.post("/billing/credits/top-up", body, idempotency_key=key))
        return self._started("top-up", answer, made=True)

    def _started(self, resource: str, answer: dict, *, asked: Sequence[str] = (), made: bool = False) -> dict:
        """A payment's answer once it is about what was asked (`asked`: the invoices being paid) or, for what the
        answer itself made (`made`: an order's invoice, a top-up's), names its own invoice throughout; and once the
        currencies it names are currencies. Else a `BadAnswer`, before the caller saves any of it: a payment of
        invoice A answered with invoice B saved B's copy and paid A's review with B's figures."""
        invoice = answer.get("invoice") if isinstance(answer.get("invoice"), dict) else {}
        wanted = {str(i) for i in asked}
        if made and invoice.get("id") is not None:
            wanted = {str(invoice["id"])}
        payment = answer["payment"]
        rows = [row for row in answer.get("invoices") or [] if isinstance(row, dict)]
        named: list[tuple[str, Any]] = [("invoice.id", invoice.get("id"))] if asked else []
        named += [(f"invoices[{n}].id", row.get("id")) for n, row in enumerate(rows)]
        for where, record in (("payment", payment), ("", answer)):    # the payment's fields are at the top too
            prefix = f"{where}." if where else ""
            named.append((f"{prefix}invoice_id", record.get("invoice_id")))
            ids = record.get("invoice_ids") if isinstance(record.get("invoice_ids"), list) else []
            named += [(f"{prefix}invoice_ids[{n}]", value) for n, value in enumerate(ids)]
        order = answer.get("order") if isinstance(answer.get("order"), dict) else {}
        if made and order.get("invoice_id") is not None and invoice.get("id") is not None:
            named.append(("order.invoice_id", order["invoice_id"]))
        for where, value in named:
            if wanted and value is not None and str(value) not in wanted:
                raise bad_answer(resource, where, translate(
                    "Validate", "names the invoice {got}, where this payment is for {wanted}").format(
                    got=repr(str(value)[:40]), wanted=", ".join(repr(i[:40]) for i in sorted(wanted))))
        if made and order.get("id") is not None and payment.get("order_id") not in (None, order["id"]):
            raise bad_answer(resource, "payment.order_id", translate(
                "Validate", "names the order {got}, where this payment is for {wanted}").format(
                got=repr(str(payment["order_id"])[:40]), wanted=repr(str(order["id"])[:40])))
        return self._money(resource, answer)

    # -- other actions ----------------------------------------------------------------------------------------
    def cancel_order(self, order_id: str, *, key: str) -> dict:
        """-> the order, `cancelled` (the same answer again when it already was)."""
        return checked("cancelled order", "Order",
                       self.post(f"/billing/orders/{segment(order_id)}/cancel", None, idempotency_key=key))

    def cancel_top_up(self, invoice_id: str, *, key: str) -> dict:
        """An unpaid credit top-up's invoice -> `cancelled` (our addition, docs/api.md; the same answer again when it
        already was)."""
        return checked("cancelled top-up", "Invoice",
                       self.post(f"/billing/invoices/{segment(invoice_id)}/cancel", None, idempotency_key=key))

    def request_cancellation(self, service_id: str, *, type: str, reason: str,  # noqa: A002 - the contract's name
                             key: str | None = None) -> dict:
        answer = self.post(f"/billing/services/{segment(service_id)}/cancel", {"type": type, "reason": reason},
                           idempotency_key=key)
        return checked("cancellation request", "Cancellation", answer)

    def withdraw_cancellation(self, service_id: str) -> Any:
        return self.delete(f"/billing/services/{segment(service_id)}/cancel")

    def mark_notification_read(self, uuid: str) -> Any:
        return self.post(f"/notifications/{segment(uuid)}/read")

    # -- paging -----------------------------------------------------------------------------------------------
    def all_pages(self, path: str, *, per_page: int = 100, params: Mapping[str, Any] | None = None) -> list[dict]:
        if self.read_budget is not None:      # within a sync: the sync's budget
            return self._all_pages(path, per_page=per_page, params=params)
        self.read_budget = ReadBudget()
        try:
            return self._all_pages(path, per_page=per_page, params=params)
        finally:
            self.read_budget = None

    def _all_pages(self, path: str, *, per_page: int, params: Mapping[str, Any] | None) -> list[dict]:
        # As a sync pages (app.sync.engine): as many pages as the first says (list_page bounds it by MAX_PAGES),
        # each checked to be the one asked for, until an empty one.
        first = self.list_page(path, page=1, per_page=per_page, params=params)
        rows = list(first.data)
        if not rows:
            return rows
        pages = PageCheck(path, first)
        for number in range(2, (first.total_pages or 1) + 1):
            got = self.list_page(path, page=number, per_page=per_page, params=params)
            if not got.data:     # an empty page is past the end, whatever total_pages says
                break
            pages.take(number, got)
            rows += got.data
        return one_per_id(rows)     # a row listed twice, once (as a sync keeps a list: `once.one_per_id`)
