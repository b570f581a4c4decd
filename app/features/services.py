"""The service page's work: its invoices (cache first, then the panel), cancellation requests and withdrawals.

Also the helpers the other account pages share: whether an account's panel is reachable, reading and writing its
cache on a worker, and an error in words.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject

from app import paths
from app.api import NetworkError
from app.cache import AccountCache, CacheChanges
from app.views.form_parts import explain

OFFLINE_ACTION = "Offline: this needs a connection to the panel. Sett reconnects by itself."


def is_online(app, account_id: str | None) -> bool:
    """False only while the panel is known to be out of reach (offline or signed out); unknown counts as online,
    since the action itself will say if it is not."""
    return app.is_online(account_id) is not False


def with_cache(account_id: str, work: Callable[[AccountCache], Any]) -> Any:
    """On a worker: `work(cache)` with the account's cache open."""
    with AccountCache(paths.account_cache(account_id)) as cache:
        return work(cache)


def error_text(error: BaseException) -> str:
    if isinstance(error, NetworkError):
        return "The panel could not be reached, so nothing was changed. " + str(error)
    headline, detail = explain(error)
    return f"{headline} {detail}".strip() if detail and detail != headline else headline


def fetch_all(client, path: str) -> list[dict]:
    rows: list[dict] = []
    page = 1
    while True:
        got = client.list_page(path, page=page, per_page=100)
        rows.extend(got.data)
        if not got.has_next:
            return rows
        page += 1


def cached_service_invoices(cache: AccountCache, service: dict) -> list[dict]:
    """Its renewal invoices and the order invoice that bought it, as the cache holds them."""
    rows = {str(r["id"]): r for r in cache.invoices(service_id=str(service.get("id")))}
    order_id = service.get("order_id")
    order = cache.order(str(order_id)) if order_id else None
    invoice_id = (order or {}).get("invoice_id")
    if invoice_id and str(invoice_id) not in rows:
        invoice = cache.invoice(str(invoice_id))
        if invoice:
            rows[str(invoice_id)] = invoice
    return [r for r in rows.values() if r.get("status") != "draft"]


class PageFeature(QObject):
    """What the features behind a section's page share: keeping the page's online state current, and knowing
    whether an answer that arrives later still belongs to what is on screen."""

    def __init__(self, app, section) -> None:
        super().__init__(app)
        self.app, self.section, self.page = app, section, section.page
        app.synced.connect(lambda account_id, _changes: self.refresh_online(account_id))
        app.sync_failed.connect(lambda account_id, _error: self.refresh_online(account_id))
        app.data_shown.connect(lambda account_id, _data: self.refresh_online(account_id))

    def shown_id(self) -> str | None:
        raise NotImplementedError

    def refresh_online(self, account_id: str | None = None) -> None:
        if account_id is None or account_id == self.app.current_id:
            self.page.set_online(is_online(self.app, self.app.current_id))

    def _still_showing(self, account_id: str, row_id: str) -> bool:
        return self.app.current_id == account_id and self.section.page_open and self.shown_id() == row_id


class ServicePages(PageFeature):
    def __init__(self, app, section) -> None:
        super().__init__(app, section)
        section.service_opened.connect(self.opened)
        self.page.cancel_requested.connect(self.cancel)
        self.page.withdraw_requested.connect(self.withdraw)

    def shown_id(self) -> str | None:
        return self.page.service_id

    # -- invoices -------------------------------------------------------------------------------------------------
    def opened(self, service_id: str) -> None:
        account_id = self.app.current_id
        if account_id is None:
            return
        self.refresh_online()
        service = dict(self.page.service)

        def show(rows: list[dict]) -> None:
            if self._still_showing(account_id, service_id):
                self.page.set_invoices(rows)

        def fetch(client) -> list[dict]:
            rows = fetch_all(client, f"/billing/services/{service_id}/invoices")
            with_cache(account_id, lambda cache: cache.apply(CacheChanges(upserts={"invoices": rows})))
            return rows

        def fetch_failed(error: BaseException) -> None:
            if self._still_showing(account_id, service_id) and not isinstance(error, NetworkError):
                self.page.show_message("error", "The invoices could not be loaded. " + error_text(error))

        def cached(rows: list[dict]) -> None:
            show(rows)
            if is_online(self.app, account_id):
                self.app.call(account_id, fetch, show, fetch_failed)

        self.app.runner.run(lambda: with_cache(account_id, lambda c: cached_service_invoices(c, service)),
                            cached, lambda e: self.page.show_message("error", error_text(e)))

    # -- cancellation ---------------------------------------------------------------------------------------------
    def cancel(self, service_id: str, kind: str, reason: str) -> None:
        self._act(service_id, lambda c: c.post(f"/billing/services/{service_id}/cancel",
                                               {"type": kind, "reason": reason}),
                  "Cancellation requested. The panel's operators will review it; you can withdraw it until then.")

    def withdraw(self, service_id: str) -> None:
        self._act(service_id, lambda c: c.delete(f"/billing/services/{service_id}/cancel"),
                  "Cancellation request withdrawn.")

    def _act(self, service_id: str, action: Callable[[Any], Any], success: str) -> None:
        account_id = self.app.current_id
        if account_id is None:
            return
        if not is_online(self.app, account_id):
            self.page.show_message("error", OFFLINE_ACTION)
            return

        def work(client) -> dict:
            action(client)
            service = client.get(f"/billing/services/{service_id}")
            with_cache(account_id, lambda cache: cache.apply(CacheChanges(upserts={"services": [service]})))
            return service

        def done(service: dict) -> None:
            self.page.set_busy(False)
            if self._still_showing(account_id, service_id) and account_id in self.app.data:
                self.page.show_service(service, self.app.data[account_id])
                self.page.show_message("success", success)
            self.app.sync.sync(account_id)

        def failed(error: BaseException) -> None:
            self.page.set_busy(False)
            if self._still_showing(account_id, service_id):
                self.page.show_message("error", error_text(error))
            if isinstance(error, NetworkError):
                self.app.sync.sync(account_id)     # the sync notices the panel is gone and says so everywhere

        self.page.set_busy(True)
        self.page.show_message("info", "Asking the panel…")
        self.app.call(account_id, work, done, failed)


def install(app) -> None:
    section = app.window.sections.get("services")
    if section is not None and hasattr(section, "page"):
        app.service_pages = ServicePages(app, section)
